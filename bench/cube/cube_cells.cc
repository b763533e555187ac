#include "bench/cube/cube_cells.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>

namespace eduledger::bench {

namespace {

constexpr double kNaN = __builtin_nan("");

bool SameRate(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b));
}

auto Key(const CubeCell& c) { return std::tuple(c.year, c.org, c.cell); }

std::string Describe(const CubeCell& c) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "%d/%u/%d: %lld %lld %lld %lld %.17g %.17g", c.year, c.org, c.cell,
                static_cast<long long>(c.enrolled), static_cast<long long>(c.dropped),
                static_cast<long long>(c.graduated), static_cast<long long>(c.promoted),
                c.dropout_rate, c.promotion_rate);
  return buf;
}

}  // namespace

void CubeCell::SetRates() {
  dropout_rate =
      enrolled == 0 ? kNaN : static_cast<double>(dropped) / static_cast<double>(enrolled);
  promotion_rate =
      graduated == 0 ? kNaN : static_cast<double>(promoted) / static_cast<double>(graduated);
}

void CubeCells::Sort() {
  std::sort(cells_.begin(), cells_.end(),
            [](const CubeCell& a, const CubeCell& b) { return Key(a) < Key(b); });
}

core::Status CubeCells::WriteCsv(const std::string& path) const {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return core::Status::Internal("write_failed", path + ": cannot write");
  std::fputs("year,org,cell,enrolled,dropped,graduated,promoted,dropout_rate,promotion_rate\n", f);
  for (const CubeCell& c : cells_) {
    std::fprintf(f, "%d,%u,%d,%lld,%lld,%lld,%lld,%.17g,", c.year, c.org, c.cell,
                 static_cast<long long>(c.enrolled), static_cast<long long>(c.dropped),
                 static_cast<long long>(c.graduated), static_cast<long long>(c.promoted),
                 c.dropout_rate);
    if (!std::isnan(c.promotion_rate)) std::fprintf(f, "%.17g", c.promotion_rate);
    std::fputc('\n', f);
  }
  if (std::fclose(f) != 0) return core::Status::Internal("write_failed", path + ": cannot write");
  return core::Status::OK();
}

core::Result<CubeCells> CubeCells::ReadCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return core::Status::NotFound("no_file", path + ": cannot open");
  CubeCells out;
  std::string line;
  int row = 0;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line[0] == 'y') continue;  // the header
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream fields(line);
    CubeCell c;
    long long v[4];
    std::string dropout, promotion;
    if (!(fields >> c.year >> c.org >> c.cell >> v[0] >> v[1] >> v[2] >> v[3] >> dropout)) {
      return core::Status::InvalidArgument(
          "bad_row", path + ": row " + std::to_string(row) + " does not read: " + line);
    }
    fields >> promotion;
    c.enrolled = v[0];
    c.dropped = v[1];
    c.graduated = v[2];
    c.promoted = v[3];
    c.dropout_rate = std::strtod(dropout.c_str(), nullptr);
    c.promotion_rate = promotion.empty() ? kNaN : std::strtod(promotion.c_str(), nullptr);
    out.Add(c);
  }
  return out;
}

std::string CubeCells::Diff(const CubeCells& other) const {
  std::string out;
  int shown = 0;
  std::size_t i = 0, j = 0;
  const auto& a = cells_;
  const auto& b = other.cells_;
  while ((i < a.size() || j < b.size()) && shown < 5) {
    if (j == b.size() || (i < a.size() && Key(a[i]) < Key(b[j]))) {
      out += "  only in the first: " + Describe(a[i++]) + "\n";
      ++shown;
    } else if (i == a.size() || Key(b[j]) < Key(a[i])) {
      out += "  only in the second: " + Describe(b[j++]) + "\n";
      ++shown;
    } else {
      const CubeCell& x = a[i++];
      const CubeCell& y = b[j++];
      if (x.enrolled != y.enrolled || x.dropped != y.dropped || x.graduated != y.graduated ||
          x.promoted != y.promoted || !SameRate(x.dropout_rate, y.dropout_rate) ||
          !SameRate(x.promotion_rate, y.promotion_rate)) {
        out += "  differs: " + Describe(x) + " | " + Describe(y) + "\n";
        ++shown;
      }
    }
  }
  return out;
}

}  // namespace eduledger::bench
