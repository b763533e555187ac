#include "bench/cube/student_columns.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>

#include "engine/cube.h"
#include "engine/field.h"

namespace eduledger::bench {

namespace {

// Apply `fn` to every column, in file order.
template <class C, class Fn>
void ForEachColumn(C& c, Fn fn) {
  fn(c.year);
  fn(c.school);
  fn(c.sex);
  fn(c.grade);
  fn(c.end_status);
  fn(c.next_level);
}

template <class T>
void Permute(std::vector<T>* v, const std::vector<std::uint32_t>& order) {
  std::vector<T> out(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) out[i] = (*v)[order[i]];
  *v = std::move(out);
}

}  // namespace

StudentColumns StudentColumns::FromSnapshot(const engine::Snapshot& snapshot) {
  static const engine::Field& sex = engine::GroupField("sex");
  static const engine::Field& grade = engine::GroupField("grade");
  static const engine::Field& end_status = *engine::StudentLayout().Find("end_status");
  static const engine::Field& next_level = *engine::StudentLayout().Find("next_level");
  StudentColumns c;
  c.years = snapshot.years();
  for (std::uint32_t o = 0; o < snapshot.org_count(); ++o) {
    c.parent.push_back(snapshot.parent(o));
    c.org_level.push_back(static_cast<std::uint8_t>(snapshot.orgs().units()[o].level));
  }
  const engine::Table& t = snapshot.students();
  std::vector<std::uint32_t> records;
  for (const engine::Group& g : t.groups) {
    for (std::uint32_t r = g.begin; r < g.end; ++r) {
      c.year.push_back(static_cast<std::uint8_t>(g.year));
      c.school.push_back(g.org);
      c.sex.push_back(
          static_cast<std::uint8_t>(engine::SexCell(static_cast<core::Sex>(sex.Get(g.word)))));
      c.grade.push_back(static_cast<std::int8_t>(static_cast<int>(grade.Get(g.word)) - 2));
      c.end_status.push_back(static_cast<std::uint8_t>(end_status.Get(t.words[r])));
      c.next_level.push_back(static_cast<std::uint8_t>(next_level.Get(t.words[r])));
      records.push_back(t.records[r]);
    }
  }
  // Student order: by record (students as the store holds them), then school year.
  std::vector<std::uint32_t> order(c.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return records[a] != records[b] ? records[a] < records[b] : c.year[a] < c.year[b];
  });
  ForEachColumn(c, [&](auto& column) { Permute(&column, order); });
  return c;
}

StudentColumns StudentColumns::OrderedBySchool() const {
  StudentColumns c = *this;
  std::vector<std::uint32_t> order(size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return year[a] != year[b] ? year[a] < year[b] : school[a] < school[b];
  });
  ForEachColumn(c, [&](auto& column) { Permute(&column, order); });
  return c;
}

std::int32_t StudentColumns::Above(std::uint32_t org, meta::OrgLevel level) const {
  for (std::int32_t o = parent[org]; o >= 0; o = parent[static_cast<std::size_t>(o)]) {
    if (org_level[static_cast<std::size_t>(o)] == static_cast<std::uint8_t>(level)) return o;
  }
  return -1;
}

core::Status StudentColumns::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  const auto put = [&](const auto& v) {
    const std::uint64_t n = v.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(v.data()),
              static_cast<std::streamsize>(n * sizeof(v[0])));
  };
  put(years);
  put(parent);
  put(org_level);
  ForEachColumn(*this, put);
  out.close();
  if (!out) return core::Status::Internal("write_failed", path + ": cannot write the columns");
  return core::Status::OK();
}

core::Result<StudentColumns> StudentColumns::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::NotFound("no_file", path + ": cannot open");
  StudentColumns c;
  const auto get = [&](auto& v) {
    std::uint64_t n = 0;
    in.read(reinterpret_cast<char*>(&n), sizeof n);
    v.resize(n);
    in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(v[0])));
  };
  get(c.years);
  get(c.parent);
  get(c.org_level);
  ForEachColumn(c, get);
  if (!in) return core::Status::DataLoss("short_file", path + ": the columns are cut short");
  return c;
}

core::Status StudentColumns::WriteCsv(const std::string& path) const {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return core::Status::Internal("write_failed", path + ": cannot write");
  std::fputs("year,county,township,school,sex,grade,end_status,next_level\n", f);
  for (std::size_t i = 0; i < size(); ++i) {
    const std::int32_t township = Above(school[i], meta::OrgLevel::kTownship);
    const std::int32_t county = Above(school[i], meta::OrgLevel::kCounty);
    std::fprintf(f, "%d,%d,", years[year[i]], county);
    if (township >= 0) std::fprintf(f, "%d", township);  // empty: NULL
    std::fprintf(f, ",%u,%u,%d,%u,%u\n", school[i], sex[i], grade[i], end_status[i], next_level[i]);
  }
  if (std::fclose(f) != 0) return core::Status::Internal("write_failed", path + ": cannot write");
  return core::Status::OK();
}

}  // namespace eduledger::bench
