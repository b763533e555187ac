// eduledger_cube_bench: EduLedger's engine and the hand-written loops in the cube benchmark
// (bench/run drives it beside DuckDB, PostgreSQL and SQLite). Each subcommand prints
// "key value" lines for the script:
//
//   prepare DB DIR          build the snapshot from the SQLite store DB (timed); write the
//                           peers' data: DIR/columns.bin and DIR/student_years.csv
//   engine DB DIR RUNS      build the snapshot, compute the cube RUNS times; DIR/engine.csv
//   loop DIR ORDER RUNS     the hand loop over DIR/columns.bin in ORDER (student or school)
//                           RUNS times; DIR/loop_ORDER.csv
//   incremental DB RUNS     RUNS times: record three pupils of the largest school as dropped
//                           out (SQL on the store), refresh that school in the snapshot and
//                           recount the cube (each timed); then check the cube against a full
//                           build and compute
//   compare A.csv B.csv     whether two cubes agree in every cell (exit 1 when not)
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bench/cube/cube_cells.h"
#include "bench/cube/engine_cube.h"
#include "bench/cube/hand_loop.h"
#include "bench/cube/student_columns.h"
#include "meta/status_event.h"
#include "store/sqlite_store.h"

namespace eduledger::bench {
namespace {

double Seconds(const std::function<void()>& fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long PeakKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Run `fn` `runs` times; print the best and the median time.
void TimeRuns(int runs, const std::function<void()>& fn) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) t.push_back(Seconds(fn));
  std::sort(t.begin(), t.end());
  std::printf("best_seconds %.6f\nmedian_seconds %.6f\n", t.front(), t[t.size() / 2]);
}

int Fail(const core::Status& s) {
  std::fprintf(stderr, "eduledger_cube_bench: %s\n", s.ToString().c_str());
  return 2;
}

core::Result<std::unique_ptr<engine::Snapshot>> BuildSnapshot(const std::string& db) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteStore> store, store::OpenSqliteStore(db));
  return engine::Snapshot::Build(*store);
}

int Prepare(const std::string& db, const std::string& dir) {
  std::optional<core::Result<std::unique_ptr<engine::Snapshot>>> snapshot;
  const double seconds = Seconds([&] { snapshot = BuildSnapshot(db); });
  if (!snapshot->ok()) return Fail(snapshot->status());
  const engine::Snapshot& s = ***snapshot;
  const std::size_t rows = s.students().words.size();
  std::printf("snapshot_seconds %.3f\nstudent_years %zu\nschools %zu\n", seconds, rows,
              static_cast<std::size_t>(std::count_if(
                  s.orgs().units().begin(), s.orgs().units().end(),
                  [](const meta::OrgUnit& u) { return u.level == meta::OrgLevel::kSchool; })));
  // Bytes per student-year: the student table (rows and groups); and the whole snapshot (with
  // staff, classes, the store ids behind the rows) over the same rows.
  std::printf("student_table_bytes %zu\nsnapshot_bytes %zu\n", s.students().MemoryBytes(),
              s.MemoryBytes());
  std::printf("snapshot_peak_kb %ld\n", PeakKb());
  const StudentColumns columns = StudentColumns::FromSnapshot(s);
  if (core::Status st = columns.Save(dir + "/columns.bin"); !st.ok()) return Fail(st);
  if (core::Status st = columns.WriteCsv(dir + "/student_years.csv"); !st.ok()) return Fail(st);
  return 0;
}

int Engine(const std::string& db, const std::string& dir, int runs) {
  core::Result<std::unique_ptr<engine::Snapshot>> snapshot = BuildSnapshot(db);
  if (!snapshot.ok()) return Fail(snapshot.status());
  core::Result<std::unique_ptr<EngineCube>> bench = EngineCube::Make();
  if (!bench.ok()) return Fail(bench.status());
  const engine::Snapshot& s = **snapshot;
  const EngineCube& e = **bench;
  CubeCells cells;
  TimeRuns(runs, [&] {
    const engine::Cube cube = engine::Cube::Compute(s, e.catalog());
    e.Cells(cube, &cells);
  });
  std::printf("cells %zu\npeak_kb %ld\n", cells.size(), PeakKb());
  cells.Sort();
  if (core::Status st = cells.WriteCsv(dir + "/engine.csv"); !st.ok()) return Fail(st);
  return 0;
}

int Loop(const std::string& dir, const std::string& order, int runs) {
  core::Result<StudentColumns> loaded = StudentColumns::Load(dir + "/columns.bin");
  if (!loaded.ok()) return Fail(loaded.status());
  if (order == "school") *loaded = loaded->OrderedBySchool();
  CubeCells cells;
  TimeRuns(runs, [&] { HandLoopCube(*loaded, &cells); });
  std::printf("cells %zu\npeak_kb %ld\n", cells.size(), PeakKb());
  cells.Sort();
  if (core::Status st = cells.WriteCsv(dir + "/loop_" + order + ".csv"); !st.ok()) return Fail(st);
  return 0;
}

// The school with the most pupils in the first school year.
std::uint32_t LargestSchool(const engine::Snapshot& s) {
  std::vector<std::uint32_t> pupils(s.org_count());
  for (const engine::Group& g : s.students().groups) {
    if (g.year == 0) pupils[g.org] += g.size();
  }
  return static_cast<std::uint32_t>(std::max_element(pupils.begin(), pupils.end()) -
                                    pupils.begin());
}

// Record `n` more pupils of `school_id` (from the `skip`-th on) as dropped out in `year`: the
// change a school clerk makes, written to the store as any writer would.
core::Status RecordDropouts(const std::string& db, std::int64_t school_id, int year, int skip,
                            int n) {
  sqlite3* h = nullptr;
  if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) {
    sqlite3_close(h);
    return core::Status::Unavailable("no_db", db + ": cannot open");
  }
  const std::string sql =
      "INSERT INTO status_events (student_id, event_type, event_date, org_unit_id) "
      "SELECT student_id, " +
      std::to_string(static_cast<int>(meta::EventType::kDropOut)) + ", '" + std::to_string(year) +
      "-11-15', org_unit_id FROM enrolments WHERE school_year = " + std::to_string(year) +
      " AND org_unit_id = " + std::to_string(school_id) + " ORDER BY student_id LIMIT " +
      std::to_string(n) + " OFFSET " + std::to_string(skip);
  char* error = nullptr;
  const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(h);
  if (rc != SQLITE_OK) return core::Status::Internal("sql_failed", message);
  return core::Status::OK();
}

int Incremental(const std::string& db, int runs) {
  core::Result<std::unique_ptr<store::SqliteStore>> store = store::OpenSqliteStore(db);
  if (!store.ok()) return Fail(store.status());
  core::Result<std::unique_ptr<engine::Snapshot>> snapshot = engine::Snapshot::Build(**store);
  if (!snapshot.ok()) return Fail(snapshot.status());
  core::Result<std::unique_ptr<EngineCube>> bench = EngineCube::Make();
  if (!bench.ok()) return Fail(bench.status());
  engine::Snapshot& s = **snapshot;
  engine::Cube cube = engine::Cube::Compute(s, (*bench)->catalog());
  const std::uint32_t school = LargestSchool(s);
  const std::int64_t school_id = s.orgs().units()[school].id;
  std::vector<double> refresh, recount;
  std::vector<std::uint32_t> changed;
  for (int run = 0; run < runs; ++run) {
    if (core::Status st = RecordDropouts(db, school_id, s.years().front(), run * 3, 3); !st.ok()) {
      return Fail(st);
    }
    core::Status st = core::Status::OK();
    const std::uint32_t schools[] = {school};
    refresh.push_back(Seconds([&] { st = s.RefreshSchools(**store, schools, &changed); }));
    if (!st.ok()) return Fail(st);
    recount.push_back(Seconds([&] { cube.Recount(changed); }));
  }
  // The incremental cube must be the one a full build computes.
  CubeCells incremental, full;
  (*bench)->Cells(cube, &incremental);
  core::Result<std::unique_ptr<engine::Snapshot>> rebuilt = engine::Snapshot::Build(**store);
  if (!rebuilt.ok()) return Fail(rebuilt.status());
  (*bench)->Cells(engine::Cube::Compute(**rebuilt, (*bench)->catalog()), &full);
  if (const std::string diff = incremental.Diff(full); !diff.empty()) {
    std::fprintf(stderr, "the incremental cube disagrees with a full build:\n%s", diff.c_str());
    return 1;
  }
  std::sort(refresh.begin(), refresh.end());
  std::sort(recount.begin(), recount.end());
  std::uint32_t rows = 0;  // the school's student-years
  for (const engine::Group& g : s.students().groups) rows += g.org == school ? g.size() : 0;
  std::printf(
      "school_student_years %u\nrefresh_median_seconds %.6f\n"
      "recount_median_seconds %.6f\nagree %zu\n",
      rows, refresh[refresh.size() / 2], recount[recount.size() / 2], full.size());
  return 0;
}

int Compare(const std::string& a, const std::string& b) {
  core::Result<CubeCells> x = CubeCells::ReadCsv(a);
  if (!x.ok()) return Fail(x.status());
  core::Result<CubeCells> y = CubeCells::ReadCsv(b);
  if (!y.ok()) return Fail(y.status());
  x->Sort();
  y->Sort();
  const std::string diff = x->Diff(*y);
  if (!diff.empty()) {
    std::fprintf(stderr, "%s and %s disagree:\n%s", a.c_str(), b.c_str(), diff.c_str());
    return 1;
  }
  std::printf("agree %zu\n", x->size());
  return 0;
}

}  // namespace
}  // namespace eduledger::bench

int main(int argc, char** argv) {
  using namespace eduledger::bench;
  const std::vector<std::string> a(argv + 1, argv + argc);
  if (a.size() == 3 && a[0] == "prepare") return Prepare(a[1], a[2]);
  if (a.size() == 4 && a[0] == "engine") return Engine(a[1], a[2], std::stoi(a[3]));
  if (a.size() == 4 && a[0] == "loop") return Loop(a[1], a[2], std::stoi(a[3]));
  if (a.size() == 3 && a[0] == "compare") return Compare(a[1], a[2]);
  if (a.size() == 3 && a[0] == "incremental") return Incremental(a[1], std::stoi(a[2]));
  std::fprintf(stderr,
               "usage: eduledger_cube_bench prepare DB DIR | engine DB DIR RUNS | "
               "loop DIR student|school RUNS | incremental DB RUNS | compare A.csv B.csv\n");
  return 2;
}
