#include "cli/text_output.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/money.h"
#include "core/text.h"

namespace eduledger::cli {

std::string Thousands(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string Ratio(std::int64_t numerator, std::int64_t denominator, int decimals) {
  if (denominator == 0) return "—";
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t scaled = core::DivideRoundHalfUp(numerator * scale, denominator);
  std::string whole = std::to_string(scaled / scale);
  if (decimals == 0) return whole;
  std::string frac = std::to_string(std::llabs(scaled % scale));
  frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
  return whole + "." + frac;
}

std::string TextTable::Render(std::string_view indent) const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      const std::size_t w = core::DisplayWidth(row[c]);
      if (w > widths[c]) widths[c] = w;
    }
  }
  std::string out;
  for (const auto& row : rows_) {
    out += indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - core::DisplayWidth(row[c]), ' ');
      if (c > 0) out += "  ";
      out += c == 0 ? row[c] + pad : pad + row[c];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

namespace {
std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

ProgressLine::ProgressLine() : enabled_(::isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Update(std::string_view phase, double fraction) {
  if (!enabled_) return;
  const std::int64_t now = NowMs();
  if (phase == last_phase_ && now - last_ms_ < 100 && fraction < 1.0) return;
  last_ms_ = now;
  last_phase_ = phase;
  const int pct = static_cast<int>(fraction * 100 + 0.5);
  const int bar = pct / 5;
  std::fprintf(stderr, "\r%s [%s%s] %3d%%", std::string(phase).c_str(),
               std::string(static_cast<std::size_t>(bar), '#').c_str(),
               std::string(static_cast<std::size_t>(20 - bar), ' ').c_str(), pct);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fprintf(stderr, "\r%60s\r", "");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace eduledger::cli
