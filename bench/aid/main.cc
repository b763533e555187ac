// eduledger_aid_bench: EduLedger's side of the 零疏漏 benchmark (bench/run drives it beside
// DuckDB and PostgreSQL, which run the same anti-join on the same rows). Prints "key value"
// lines for the script:
//
//   levels DIR               DIR/levels.csv: the termly aid of each school type and grade
//                            (meta::LevelOf), the dimension table the peers join with
//   engine DB YEAR RUNS DIR  build the snapshot from the SQLite store DB with the shipped
//                            package's ledgers (timed), then the coverage check of school
//                            year YEAR (app::UncoveredAidRecords) RUNS times (each timed);
//                            DIR/engine.txt: the uncovered students' ids, sorted
//   months DB RUNS DIR       build the snapshot, then the cube of the payments paid and their
//                            amount for every unit, year and month (cases(student_aid, …),
//                            sum(student_aid.amount, …)) RUNS times (each timed);
//                            DIR/engine_months.csv: the cells of schools, townships and
//                            counties with payments, sorted
//   move DB RUNS             build the snapshot and the package's cube, then RUNS times move
//                            one payment (已发放 ↔ 已审批) in the snapshot and recount it in the
//                            cube (Snapshot::UpdateCase, Cube::RecountCase; each timed); then
//                            check every cell of the ledger's measures against a cube computed
//                            afresh
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "app/actor.h"
#include "app/aid_coverage.h"
#include "app/metadata.h"
#include "engine/compile.h"
#include "engine/cube.h"
#include "meta/school_type.h"
#include "store/sqlite_store.h"

namespace eduledger::bench {
namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Levels(const std::string& dir) {
  std::FILE* f = std::fopen((dir + "/levels.csv").c_str(), "w");
  if (f == nullptr) return 1;
  std::fprintf(f, "school_type,grade,programme\n");
  int rows = 0;
  for (int type = 100; type < 1000; ++type) {
    if (meta::FindSchoolType(type) == nullptr) continue;
    for (int grade = -2; grade <= 12; ++grade) {
      if (!meta::AdmitsGrade(type, grade)) continue;
      const std::string_view p = app::TermlyAidOf(meta::LevelOf(type, grade));
      if (!p.empty()) {
        std::fprintf(f, "%d,%d,%.*s\n", type, grade, static_cast<int>(p.size()), p.data());
        ++rows;
      }
    }
  }
  std::fclose(f);
  std::printf("levels %d\n", rows);
  return 0;
}

// The shipped package, the store DB and its snapshot with the package's ledgers (its build
// timed and sized on stdout); nullopt, with the reason on stderr, when one cannot be read.
struct Loaded {
  app::Metadata md;
  std::unique_ptr<store::SqliteStore> store;
  std::unique_ptr<engine::Snapshot> snapshot;
};
std::optional<Loaded> Load(const std::string& db) {
  const auto fail = [](const core::Status& s) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return std::nullopt;
  };
  auto md = app::Metadata::LoadOrDefault({});
  if (!md.ok()) return fail(md.status());
  auto store = store::OpenSqliteStore(db);
  if (!store.ok()) return fail(store.status());
  const auto start = std::chrono::steady_clock::now();
  auto snapshot = engine::Snapshot::Build(**store, &md->value_schema(), &md->case_schema());
  if (!snapshot.ok()) return fail(snapshot.status());
  std::printf("snapshot_seconds %.3f\n", Since(start));
  std::printf("snapshot_mib %.1f\n", static_cast<double>((*snapshot)->MemoryBytes()) / 1048576);
  return Loaded{std::move(*md), std::move(*store), std::move(*snapshot)};
}

int Engine(const std::string& db, int year, int runs, const std::string& dir) {
  std::optional<Loaded> loaded = Load(db);
  if (!loaded) return 1;
  const app::Metadata* md = &loaded->md;
  const engine::Snapshot& s = *loaded->snapshot;
  auto start = std::chrono::steady_clock::now();
  const app::Actor admin = app::Actor::LocalAdmin();
  std::vector<app::UncoveredRecord> result;
  for (int r = 0; r < runs; ++r) {
    start = std::chrono::steady_clock::now();
    auto uncovered = app::UncoveredAidRecords(s, admin, *md, year);
    const double seconds = Since(start);
    if (!uncovered.ok()) {
      std::fprintf(stderr, "%s\n", std::string(uncovered.status().message()).c_str());
      return 1;
    }
    std::printf("run_seconds %.6f\n", seconds);
    result = std::move(*uncovered);
  }
  std::vector<std::int64_t> ids;
  for (const app::UncoveredRecord& u : result) ids.push_back(u.student_id);
  std::sort(ids.begin(), ids.end());
  std::FILE* f = std::fopen((dir + "/engine.txt").c_str(), "w");
  if (f == nullptr) return 1;
  for (const std::int64_t id : ids) std::fprintf(f, "%lld\n", static_cast<long long>(id));
  std::fclose(f);
  std::printf("uncovered %zu\n", ids.size());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_kb %ld\n", usage.ru_maxrss);
  return 0;
}

int Months(const std::string& db, int runs, const std::string& dir) {
  std::optional<Loaded> loaded = Load(db);
  if (!loaded) return 1;
  const app::Metadata* md = &loaded->md;
  const engine::Snapshot& s = *loaded->snapshot;
  engine::MeasureCatalog catalog(&md->value_schema(), &md->case_schema());
  for (const char* f :
       {"cases(student_aid, state = paid)", "sum(student_aid.amount, state = paid)"}) {
    if (!engine::CompileFormula(f, engine::FormulaKind::kArithmetic, &catalog).ok()) return 1;
  }
  std::optional<engine::Cube> cube;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    cube.emplace(engine::Cube::Compute(s, catalog));
    std::printf("run_seconds %.6f\n", Since(start));
  }
  struct Cell {
    std::int64_t org;
    int year, month;
    double payments, amount;
  };
  std::vector<Cell> cells;
  for (std::uint32_t org = 0; org < s.org_count(); ++org) {
    const meta::OrgUnit& u = s.orgs().units()[org];
    if (u.level != meta::OrgLevel::kSchool && u.level != meta::OrgLevel::kTownship &&
        u.level != meta::OrgLevel::kCounty) {
      continue;
    }
    for (int y = 0; y < static_cast<int>(s.years().size()); ++y) {
      for (int month = 1; month <= 12; ++month) {
        const double n = cube->Count(0, y, org, engine::MonthCell(month));
        if (n > 0) {
          cells.push_back({u.id, s.years()[static_cast<std::size_t>(y)], month, n,
                           cube->Count(1, y, org, engine::MonthCell(month))});
        }
      }
    }
  }
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
    return std::tie(a.org, a.year, a.month) < std::tie(b.org, b.year, b.month);
  });
  std::FILE* f = std::fopen((dir + "/engine_months.csv").c_str(), "w");
  if (f == nullptr) return 1;
  std::fprintf(f, "org,year,month,payments,amount\n");
  for (const Cell& c : cells) {
    std::fprintf(f, "%lld,%d,%d,%.0f,%.2f\n", static_cast<long long>(c.org), c.year, c.month,
                 c.payments, c.amount);
  }
  std::fclose(f);
  std::printf("cells %zu\n", cells.size());
  const int ledger = md->case_schema().Find(app::kAidLedger);
  if (ledger >= 0) {
    const engine::CaseRows& rows = s.cases(static_cast<std::size_t>(ledger));
    std::printf("case_rows %zu\ncase_cells %zu\n", rows.size(),
                rows.cells.held() ? rows.cells.size() : rows.size());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_kb %ld\n", usage.ru_maxrss);
  return 0;
}

int Move(const std::string& db, int runs) {
  std::optional<Loaded> loaded = Load(db);
  if (!loaded) return 1;
  const app::Metadata* md = &loaded->md;
  store::SqliteStore* store = loaded->store.get();
  engine::Snapshot& s = *loaded->snapshot;
  const engine::MeasureCatalog& catalog = md->catalog();
  auto start = std::chrono::steady_clock::now();
  engine::Cube cube = engine::Cube::Compute(s, catalog);
  std::printf("cube_seconds %.3f\n", Since(start));
  const int ledger = md->case_schema().Find(app::kAidLedger);
  if (ledger < 0) return 1;
  const engine::CaseRows& rows = s.cases(static_cast<std::size_t>(ledger));
  std::printf("cases %zu\n", rows.size());
  int measures = 0;
  for (const engine::Measure& m : catalog.measures()) {
    measures +=
        m.table == engine::MeasureTable::kCases && m.element == static_cast<std::uint32_t>(ledger);
  }
  std::printf("ledger_measures %d\n", measures);
  for (int r = 0; r < runs && rows.size() > 0; ++r) {
    const std::int64_t id = rows.ids[(rows.size() / static_cast<std::size_t>(runs + 1)) *
                                     static_cast<std::size_t>(r + 1)];
    auto found = store->FindCase(id);
    if (!found.ok() || !found->has_value()) return 1;
    store::Case c = **found;
    c.state = c.state == "paid" ? "approved" : "paid";
    start = std::chrono::steady_clock::now();
    auto change = s.UpdateCase(c);
    if (!change.ok()) return 1;
    cube.RecountCase(*change);
    std::printf("move_seconds %.9f\n", Since(start));
  }
  const engine::Cube fresh = engine::Cube::Compute(s, catalog);
  std::size_t cells = 0, differ = 0;
  for (std::uint32_t m = 0; m < catalog.size(); ++m) {
    if (catalog.measures()[m].table != engine::MeasureTable::kCases) continue;
    for (int y = 0; y < static_cast<int>(s.years().size()); ++y) {
      for (std::uint32_t org = 0; org < s.org_count(); ++org) {
        for (int cell = engine::kCellTotal; cell <= engine::MonthCell(12); ++cell) {
          const double a = cube.Count(m, y, org, cell);
          const double b = fresh.Count(m, y, org, cell);
          ++cells;
          if (!(a == b || (a != a && b != b) || std::abs(a - b) <= 1e-6 * std::abs(b))) ++differ;
        }
      }
    }
  }
  std::printf("cells %zu\ndiffer %zu\n", cells, differ);
  return differ == 0 ? 0 : 1;
}

}  // namespace
}  // namespace eduledger::bench

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "levels") return eduledger::bench::Levels(args[1]);
  if (args.size() == 4 && args[0] == "months") {
    return eduledger::bench::Months(args[1], std::stoi(args[2]), args[3]);
  }
  if (args.size() == 3 && args[0] == "move") {
    return eduledger::bench::Move(args[1], std::stoi(args[2]));
  }
  if (args.size() == 5 && args[0] == "engine") {
    return eduledger::bench::Engine(args[1], std::stoi(args[2]), std::stoi(args[3]), args[4]);
  }
  std::fprintf(stderr,
               "用法：eduledger_aid_bench levels 目录 | engine 数据库 学年 次数 目录 | months "
               "数据库 次数 目录 | "
               "move 数据库 次数\n");
  return 2;
}
