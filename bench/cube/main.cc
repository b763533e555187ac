// eduledger_cube_bench: EduLedger's engine and the hand-written loops in the cube benchmark
// (bench/run drives it beside DuckDB, PostgreSQL and SQLite). Each subcommand prints
// "key value" lines for the script:
//
//   prepare DB DIR          build the snapshot from the SQLite store DB (timed); write the
//                           peers' data: DIR/columns.bin and DIR/student_years.csv
//   engine DB DIR RUNS      build the snapshot, compute the cube RUNS times; DIR/engine.csv
//   loop DIR ORDER RUNS     the hand loop over DIR/columns.bin in ORDER (student or school)
//                           RUNS times; DIR/loop_ORDER.csv
//   compare A.csv B.csv     whether two cubes agree in every cell (exit 1 when not)
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
  std::fprintf(stderr,
               "usage: eduledger_cube_bench prepare DB DIR | engine DB DIR RUNS | "
               "loop DIR student|school RUNS | compare A.csv B.csv\n");
  return 2;
}
