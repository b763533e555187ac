// The eduledger binary end to end: exit codes, JSON output, all-or-nothing imports (also when
// killed), the example county, and logs free of personal data.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/text_codec.h"
#include "core/zip_reader.h"
#include "testing/db_dump.h"
#include "testing/example_county.h"
#include "testing/test_util.h"

namespace eduledger {
namespace {

using testing::RunCommand;

testing::CommandResult Eduledger(std::vector<std::string> args) {
  args.insert(args.begin(), testing::BinaryPath());
  return RunCommand(args);
}

// The dump without the audit log's timestamps, which differ from run to run.
std::string DumpWithoutTimes(const std::string& db) {
  std::string dump = testing::DumpDatabase(db);
  std::string out;
  std::size_t pos = 0;
  bool in_audit = false;
  while (pos < dump.size()) {
    const std::size_t end = dump.find('\n', pos);
    const std::string line = dump.substr(pos, end - pos);
    // Tables stamped with the time of each write (their other columns are compared by
    // CasesWithoutTimes).
    if (line.starts_with("## "))
      in_audit = line == "## audit_log" || line == "## schema_migrations" ||
                 line == "## submissions" || line == "## cases" || line == "## case_moves" ||
                 line == "## case_entries";
    if (!in_audit) out += line + "\n";
    pos = end + 1;
  }
  return out;
}

// The ledger cases of a store without their time stamps.
std::string CasesWithoutTimes(const std::string& db) {
  return testing::QueryScalar(
      db,
      "SELECT group_concat(x, ';') FROM (SELECT id || ledger || org_unit_id || state || opened "
      "|| state_since || fields || origin AS x FROM cases ORDER BY id)");
}

long FileSize(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<long>(st.st_size) : 0;
}

class CliTest : public ::testing::Test {
 protected:
  std::string Db() const { return dir_.File("t.db"); }
  testing::TempDir dir_;
};

TEST_F(CliTest, InitCreatesTheDatabaseAndReportsItsVersion) {
  const auto r = Eduledger({"--db", Db(), "--format", "json", "init"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["db"], Db());
  EXPECT_GE(j["schema_version"].get<int>(), 3);
}

TEST_F(CliTest, InitOpensTheStoreTheWayEveryCommandDoes) {
  // A server location is not taken for a file name; this build has no PostgreSQL store yet.
  const auto r =
      Eduledger({"--db", "postgresql://localhost/eduledger", "--format", "json", "init"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(nlohmann::json::parse(r.err)["error"]["reason"], "postgres_not_built");
}

TEST_F(CliTest, ImportsAndTheSecondImportChangesNothing) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  const auto schools =
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")});
  ASSERT_EQ(schools.exit_code, 0) << schools.err;
  const auto first = Eduledger({"--db", Db(), "import", "students",
                                testing::DataPath("students_gb18030.csv"), "--year", "2024"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("已写入数据库"), std::string::npos) << first.out;
  const std::string before = testing::DumpDatabase(Db());
  const auto second = Eduledger({"--db", Db(), "--format", "json", "import", "students",
                                 testing::DataPath("students_gb18030.csv"), "--year", "2024"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto j = nlohmann::json::parse(second.out);
  EXPECT_EQ(j["written"], false);
  EXPECT_EQ(j["counts"]["student"]["unchanged"], 6);
  EXPECT_EQ(j["counts"]["enrolment"]["unchanged"], 6);
  EXPECT_EQ(testing::DumpDatabase(Db()), before);
}

TEST_F(CliTest, RejectsABadFileWithExitCodeOneAndListsEveryRow) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")}).exit_code,
      0);
  const std::string before = testing::DumpDatabase(Db());
  const auto r = Eduledger({"--db", Db(), "--format", "json", "import", "students",
                            testing::DataPath("students_bad.csv")});
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["error_count"], 6);
  std::set<int> rows;
  for (const auto& e : j["errors"]) rows.insert(e["row"].get<int>());
  EXPECT_EQ(rows, (std::set<int>{3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(j["status"]["reason"], "rows_rejected");
  EXPECT_EQ(testing::DumpDatabase(Db()), before);
  // The text report names row, column, value and reason.
  const auto text =
      Eduledger({"--db", Db(), "import", "students", testing::DataPath("students_bad.csv")});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.err.find("第3行 C列“身份证件号” “439901********0011”：校验码应为9"),
            std::string::npos)
      << text.err;
  // A rejected file added nothing: no table of what it would have added.
  EXPECT_EQ(text.out.find("新增"), std::string::npos) << text.out;
  EXPECT_FALSE(j.contains("counts")) << j.dump();
}

TEST_F(CliTest, DryRunWritesNothing) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  const std::string before = testing::DumpDatabase(Db());
  const auto r =
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv"), "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("将新增"), std::string::npos);
  EXPECT_EQ(testing::DumpDatabase(Db()), before);
}

TEST_F(CliTest, ExitCodeTwoForWhatCannotBeRead) {
  EXPECT_EQ(Eduledger({"--db", Db(), "stats"}).exit_code, 2);  // no database yet
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  const auto missing =
      Eduledger({"--db", Db(), "--format", "json", "import", "schools", dir_.File("none.csv")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(missing.err)["error"]["reason"], "cannot_read");
  EXPECT_EQ(Eduledger({"--db", Db(), "import", "pupils", "x.csv"}).exit_code, 2);
  EXPECT_EQ(Eduledger({"--db", Db(), "import", "schools", "名单.xls"}).exit_code, 2);
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const char* cmd :
       {"init", "import", "export", "stats", "demo", "indicators", "explain", "forms", "submit",
        "approve", "return", "reopen", "validate", "changes", "ledger"}) {
    const auto r = Eduledger({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("用法"), std::string::npos) << cmd;
  }
}

// A clerk's day with a ledger from the terminal: a case is registered, a move missing a field
// is refused and changes nothing, the move with it lands, and the list says what is overdue.
TEST_F(CliTest, ALedgerCaseIsRegisteredMovedAndListed) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")}).exit_code,
      0);
  const auto added = Eduledger({"--db",   Db(),
                                "ledger", "add",
                                "--type", "安全隐患排查整改台账",
                                "--org",  "城关镇第一小学",
                                "--set",  "隐患类别=消防",
                                "--set",  "隐患等级=一般",
                                "--set",  "部位=食堂",
                                "--set",  "发现日期=2026-03-02",
                                "--set",  "排查人=王老师",
                                "--date", "2026-03-02"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("已登记，事项 1 现为“已排查”"), std::string::npos) << added.out;
  const auto refused = Eduledger({"--db", Db(), "ledger", "move", "1", "--do", "落实整改", "--set",
                                  "整改措施=更换灭火器", "--date", "2026-03-03"});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("须填写：整改责任人、整改期限"), std::string::npos) << refused.err;
  EXPECT_EQ(testing::QueryScalar(Db(), "SELECT state FROM cases WHERE id = 1"), "found");
  const auto moved = Eduledger({"--db", Db(), "ledger", "move", "1", "--do", "rectify", "--set",
                                "measures=更换灭火器", "--set", "person=李主任", "--set",
                                "due=2026-03-20", "--date", "2026-03-03"});
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_NE(moved.out.find("现为“整改中”"), std::string::npos) << moved.out;
  // Due on 2026-03-20: overdue from the 21st on, not on the day itself.
  const auto on20 = Eduledger({"--db", Db(), "--format", "json", "ledger", "list", "--type",
                               "hazard", "--overdue", "--on", "2026-03-20"});
  ASSERT_EQ(on20.exit_code, 0) << on20.err;
  EXPECT_TRUE(nlohmann::json::parse(on20.out).empty()) << on20.out;
  const auto on21 = Eduledger({"--db", Db(), "--format", "json", "ledger", "list", "--type",
                               "hazard", "--overdue", "--on", "2026-03-21"});
  const nlohmann::json rows = nlohmann::json::parse(on21.out);
  ASSERT_EQ(rows.size(), 1u) << on21.out;
  EXPECT_EQ(rows[0]["state_name"], "整改中");
  EXPECT_EQ(rows[0]["deadline"], "2026-03-20");
  EXPECT_EQ(rows[0]["township"], "城关镇");
  EXPECT_EQ(testing::QueryScalar(Db(), "SELECT count(*) FROM case_moves WHERE case_id = 1"), "2");
}

// A section's own sheet of hazards, in GB18030 as Excel saves it, through `ledger import`: a bad
// row rejects the file and names its row, column and reason in Chinese; the corrected file opens
// its cases and moves them to the state it names; the export reads back as no change.
TEST_F(CliTest, ALedgerSheetIsImportedWholeOrNotAtAllAndExportedBack) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")}).exit_code,
      0);
  const auto templ = Eduledger(
      {"--db", Db(), "ledger", "template", "--type", "hazard", "-o", dir_.File("t.xlsx")});
  ASSERT_EQ(templ.exit_code, 0) << templ.err;
  EXPECT_EQ(testing::ReadFileOrDie(dir_.File("t.xlsx")).substr(0, 2), "PK");
  const std::string header =
      "单位名称,隐患类别,隐患等级,部位,发现日期,排查人,状态,状态日期,"
      "整改措施,整改责任人,整改期限\n";
  const std::string good =
      "城关镇第一小学,消防,一般,食堂,2026-03-02,王老师,整改中,2026-03-04,"
      "更换灭火器,李主任,2026-03-20\n";
  const auto write = [&](const std::string& name, const std::string& text) {
    testing::WriteFile(dir_.File(name), *core::EncodeGb18030(text));
    return dir_.File(name);
  };
  const std::string bad_file =
      write("bad.csv", header + good + "城关镇第一小学,电梯,一般,楼梯,2026-03-02,王老师,,,,,\n");
  const auto bad = Eduledger({"--db", Db(), "ledger", "import", "--type", "hazard", bad_file});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("第3行 B列“隐患类别” “电梯”"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("数据库未作任何改动"), std::string::npos) << bad.err;
  EXPECT_EQ(testing::QueryScalar(Db(), "SELECT count(*) FROM cases"), "0");

  const std::string good_file = write("good.csv", header + good);
  const auto ok = Eduledger({"--db", Db(), "--format", "json", "ledger", "import", "--type",
                             "安全隐患排查整改台账", good_file});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const nlohmann::json report = nlohmann::json::parse(ok.out);
  EXPECT_EQ(report["ledger"], "hazard") << ok.out;
  EXPECT_EQ(report["counts"]["case"]["added"], 1) << ok.out;
  EXPECT_EQ(testing::QueryScalar(Db(), "SELECT state || ' ' || state_since FROM cases"),
            "rectifying 2026-03-04");
  EXPECT_EQ(testing::QueryScalar(Db(), "SELECT count(*) FROM case_moves"), "2");
  const auto shown = Eduledger({"--db", Db(), "ledger", "show", "1"});
  EXPECT_NE(shown.out.find("落实整改 → 整改中"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("导入：good.csv"), std::string::npos) << shown.out;

  const auto exported =
      Eduledger({"--db", Db(), "ledger", "export", "--type", "hazard", "-o", dir_.File("out.csv")});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string out = testing::ReadFileOrDie(dir_.File("out.csv"));
  EXPECT_NE(out.find("1,2143990001,城关镇第一小学,整改中,2026-03-02,2026-03-04,消防,一般,食堂"),
            std::string::npos)
      << out;
  const auto back =
      Eduledger({"--db", Db(), "ledger", "import", "--type", "hazard", dir_.File("out.csv")});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find("数据与数据库一致，无需改动"), std::string::npos) << back.out;
}

TEST_F(CliTest, LogsCarryNoPersonalData) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ::setenv("EDULEDGER_LOG_LEVEL", "debug", 1);
  const auto a = Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")});
  const auto b = Eduledger(
      {"--db", Db(), "import", "students", testing::DataPath("students.csv"), "--year", "2024"});
  const auto c = Eduledger({"--db", Db(), "import", "staff", testing::DataPath("staff.csv")});
  ::unsetenv("EDULEDGER_LOG_LEVEL");
  std::string log;
  for (const auto* r : {&a, &b, &c}) {
    std::size_t pos = 0;
    while (pos < r->err.size()) {
      const std::size_t end = r->err.find('\n', pos);
      const std::string line =
          r->err.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      if (line.starts_with("level=")) log += line + "\n";
      if (end == std::string::npos) break;
      pos = end + 1;
    }
  }
  EXPECT_NE(log.find("event=import"), std::string::npos) << log;  // the log was on
  EXPECT_NE(log.find("student_added=6"), std::string::npos) << log;
  for (const char* secret : {"439901201605120019", "张小明", "周老师", "439901198506200078"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret;
  }
}

// A large import killed with SIGKILL at any moment leaves the store as it was before, or (when
// the kill lands after the commit) with the whole import: never anything in between.
TEST_F(CliTest, KilledImportLeavesTheStoreAsItWas) {
  // Students of the example county, exported, as the file to import into a fresh database.
  const std::string demo = testing::ExampleCounty(dir_);
  ASSERT_FALSE(demo.empty());
  const std::string schools = dir_.File("schools.csv");
  const std::string students = dir_.File("students.csv");
  ASSERT_EQ(Eduledger({"--db", demo, "export", "schools", "-o", schools}).exit_code, 0);
  ASSERT_EQ(Eduledger({"--db", demo, "export", "students", "-o", students}).exit_code, 0);
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(Eduledger({"--db", Db(), "import", "schools", schools}).exit_code, 0);
  ASSERT_EQ(FileSize(Db() + "-wal"), 0);  // checkpointed on close: the .db file is the state
  const std::string pristine = testing::ReadFileOrDie(Db());
  auto reset = [&] {
    ::unlink((Db() + "-wal").c_str());
    ::unlink((Db() + "-shm").c_str());
    testing::WriteFile(Db(), pristine);
  };
  const std::size_t before = std::hash<std::string>{}(DumpWithoutTimes(Db()));
  const std::vector<std::string> import = {
      testing::BinaryPath(), "--db", Db(), "import", "students", students};

  // The whole import once, timed, for the state it ends in.
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(RunCommand(import).exit_code, 0);
  const auto full = std::chrono::steady_clock::now() - t0;
  const std::string students_after = testing::QueryScalar(Db(), "SELECT count(*) FROM students");
  ASSERT_GT(std::stoi(students_after), 25000);
  const std::size_t after = std::hash<std::string>{}(DumpWithoutTimes(Db()));
  reset();

  int killed_before_commit = 0;
  // Kill at fractions of the whole run, then the moment the transaction's pages reach the WAL.
  for (const double fraction : {0.1, 0.3, 0.5, 0.7, 0.9, -1.0, -1.0}) {
    const int pid = testing::SpawnCommand(import);
    if (fraction >= 0) {
      std::this_thread::sleep_for(
          std::chrono::duration_cast<std::chrono::microseconds>(full * fraction));
    } else {
      const auto deadline = std::chrono::steady_clock::now() + full * 3;
      while (FileSize(Db() + "-wal") < 64 * 1024 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
      }
    }
    ::kill(pid, SIGKILL);
    testing::WaitCommand(pid);
    const std::size_t state = std::hash<std::string>{}(DumpWithoutTimes(Db()));
    if (state == before) {
      ++killed_before_commit;
    } else {
      EXPECT_EQ(state, after) << "a kill at " << fraction << " left a partial import";
      reset();
    }
  }
  EXPECT_GE(killed_before_commit, 3);
}

// demo --force builds the new store beside the old one: killed at any moment, the old store
// is whole under its name; finished, the new one is.
TEST_F(CliTest, AKilledDemoLeavesTheOldStoreWhole) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")}).exit_code,
      0);
  const std::string before = DumpWithoutTimes(Db());
  const std::vector<std::string> demo = {
      testing::BinaryPath(), "--db", Db(), "demo", "--force", "--years", "3"};
  // How long a whole run takes here (on another store): the kills fall within it.
  const std::string scratch = Db() + ".timing.db";
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(RunCommand({testing::BinaryPath(), "--db", scratch, "demo", "--force", "--years", "3"})
                .exit_code,
            0);
  const auto whole = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  // Early in the run: a later run can be faster than the timed one (a warm cache).
  for (const double fraction : {0.05, 0.2, 0.4}) {
    const int pid = testing::SpawnCommand(demo);
    const auto wait = std::chrono::milliseconds(static_cast<int>(whole.count() * fraction));
    std::this_thread::sleep_for(wait);
    ::kill(pid, SIGKILL);
    testing::WaitCommand(pid);
    // (Compared whole, not printed: a dump is megabytes.)
    EXPECT_TRUE(DumpWithoutTimes(Db()) == before) << "killed after " << wait.count() << " ms";
  }
  // The next run clears what the killed ones left and replaces the store.
  ASSERT_EQ(RunCommand(demo).exit_code, 0);
  EXPECT_NE(DumpWithoutTimes(Db()), before);
  EXPECT_FALSE(std::filesystem::exists(Db() + ".building"));
  EXPECT_GT(std::stoi(testing::QueryScalar(Db(), "SELECT count(*) FROM students")), 10000);
}

// The clerk's file back, its bad cells marked and each row's reasons in a last column.
TEST_F(CliTest, ARejectedFileComesBackWithItsErrorsMarked) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")}).exit_code,
      0);
  const std::string out = dir_.File("退回.xlsx");
  const auto r = Eduledger({"--db", Db(), "import", "students",
                            testing::DataPath("students_bad.csv"), "--errors-out", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("退回.xlsx"), std::string::npos) << r.err;
  // Read back as any workbook: the file's own rows, then the reasons.
  auto zip = core::ZipReader::Open(out);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  const std::string xml = *zip->ReadAll("xl/worksheets/sheet1.xml");
  auto style_of = [&](const std::string& cell) {
    const std::size_t at = xml.find("<c r=\"" + cell + "\"");
    if (at == std::string::npos) return std::string("(none)");
    const std::size_t s = xml.find(" s=\"", at);
    return xml.substr(s + 4, xml.find('"', s + 4) - s - 4);
  };
  // Row 3 has a bad check character in C (身份证件号); row 2 is clean.
  EXPECT_NE(style_of("C3"), style_of("C2"));
  EXPECT_EQ(style_of("A3"), style_of("A2"));
  EXPECT_NE(xml.find("439901201605120011"), std::string::npos) << "the clerk's own value";
  EXPECT_NE(xml.find("错误与提示"), std::string::npos);
  EXPECT_NE(xml.find("C列“身份证件号”：校验码应为9，实为1"), std::string::npos);
  // An error file is XLSX: a CSV target (here the source itself) is refused and left as it
  // was. The same file by name is refused too (ErrorFileTest in tests/ingest).
  const std::string copy = dir_.File("copy.csv");
  testing::WriteFile(copy, testing::ReadFileOrDie(testing::DataPath("students_bad.csv")));
  const auto onto = Eduledger({"--db", Db(), "import", "students", copy, "--errors-out", copy});
  EXPECT_EQ(onto.exit_code, 2) << onto.err;
  EXPECT_EQ(testing::ReadFileOrDie(copy),
            testing::ReadFileOrDie(testing::DataPath("students_bad.csv")));
}

// A store the user may read but not write: every query works, a write is refused in words.
TEST_F(CliTest, AReadOnlyStoreAnswersQueriesAndRefusesWrites) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")}).exit_code,
      0);
  ASSERT_EQ(Eduledger({"--db", Db(), "import", "students", testing::DataPath("students.csv"),
                       "--year", "2024"})
                .exit_code,
            0);
  ASSERT_FALSE(std::filesystem::exists(Db() + "-wal"));
  const std::string before = testing::DumpDatabase(Db());
  // Root may write anything: run as nobody, with the directory and file readable by all.
  const bool root = ::geteuid() == 0;
  if (root &&
      RunCommand({"/usr/sbin/runuser", "-u", "nobody", "--", testing::BinaryPath(), "--version"})
              .exit_code != 0) {
    GTEST_SKIP() << "nobody may not run " << testing::BinaryPath() << " from this checkout";
  }
  ASSERT_EQ(::chmod(dir_.path().c_str(), root ? 0755 : 0555), 0);
  ASSERT_EQ(::chmod(Db().c_str(), root ? 0644 : 0444), 0);
  auto as_reader = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {testing::BinaryPath(), "--db", Db()});
    if (root) args.insert(args.begin(), {"/usr/sbin/runuser", "-u", "nobody", "--"});
    return RunCommand(args);
  };
  const auto stats = as_reader({"stats", "--year", "2024"});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("示例县"), std::string::npos);
  EXPECT_EQ(as_reader({"indicators", "--year", "2024"}).exit_code, 0);
  const auto write = as_reader({"import", "staff", testing::DataPath("staff.csv")});
  EXPECT_EQ(write.exit_code, 2);
  EXPECT_NE(write.err.find("只读"), std::string::npos) << write.err;
  EXPECT_EQ(write.err.find("readonly"), std::string::npos) << write.err;
  ASSERT_EQ(::chmod(dir_.path().c_str(), 0700), 0);
  ASSERT_EQ(::chmod(Db().c_str(), 0644), 0);
  EXPECT_EQ(testing::DumpDatabase(Db()), before);
}

// The argument parser speaks Chinese: its errors and the type names of every help text.
TEST_F(CliTest, TheArgumentParserSpeaksChinese) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  for (const Case& c : std::vector<Case>{
           {{"stats", "--bogus"}, "无法识别的参数：--bogus"},
           {{"stats", "--year"}, "--year 后面缺少取值"},
           {{"stats", "--year", "abc"}, "--year 的值“abc”不是有效的数字"},
           {{"demo", "--scale", "5000"}, "--scale 的值 5000 超出范围（应为 1 到 900）"},
           {{"nosuch"}, "未知的子命令：nosuch"},
           {{"import"}, "缺少必填的 kind"},
           {{"--format", "xml", "stats"}, "可选：text|table|json|csv"},
           {{"--format", "csv", "stats"}, "csv 只用于 indicators"},
       }) {
    const auto r = Eduledger(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.says;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    for (const char* english : {"required", "expected", "convert", "range", "not in"}) {
      EXPECT_EQ(r.err.find(english), std::string::npos) << r.err;
    }
  }
  const auto help = Eduledger({"--help-all"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("整数（1—900）"), std::string::npos);
  for (const char* english : {"INT", "TEXT", "FILE", " in [", "REQUIRED", "Options"}) {
    EXPECT_EQ(help.out.find(english), std::string::npos) << english;
  }
}

TEST_F(CliTest, AnExportIsNeverWrittenOverTheStore) {
  ASSERT_EQ(Eduledger({"--db", Db(), "init"}).exit_code, 0);
  ASSERT_EQ(
      Eduledger({"--db", Db(), "import", "schools", testing::DataPath("schools.csv")}).exit_code,
      0);
  const std::string before = testing::DumpDatabase(Db());
  // The same file by another spelling and through a link.
  const std::string link = dir_.File("link.db");
  ASSERT_EQ(::symlink(Db().c_str(), link.c_str()), 0);
  for (const std::string& target : {Db(), dir_.path() + "/./t.db", link}) {
    const auto r = Eduledger({"--db", Db(), "export", "schools", "-o", target});
    EXPECT_EQ(r.exit_code, 2) << target;
    EXPECT_NE(r.err.find("数据库文件"), std::string::npos) << r.err;
    EXPECT_EQ(testing::DumpDatabase(Db()), before) << target;
  }
}

TEST_F(CliTest, TheExampleCountyIsDeterministicAndAsAdvertised) {
  const std::string a = dir_.File("a.db");
  const std::string b = dir_.File("b.db");
  // Five school years keep the dumps small; the collected figures come along.
  const auto ra = Eduledger({"--db", a, "--format", "json", "demo", "--seed", "7", "--years", "5"});
  ASSERT_EQ(ra.exit_code, 0) << ra.err;
  ASSERT_EQ(Eduledger({"--db", b, "demo", "--seed", "7", "--years", "5"}).exit_code, 0);
  EXPECT_TRUE(DumpWithoutTimes(a) == DumpWithoutTimes(b));  // (a diff of the dumps is huge)
  EXPECT_EQ(CasesWithoutTimes(a), CasesWithoutTimes(b));

  const auto j = nlohmann::json::parse(ra.out);
  // The 控辍保学 ledger holds one case per dropout event of the last statistics year, and one
  // per pupil of its 流失名单 of compulsory grades: on a roll of 2025 (grade 1–9, not an adult
  // school), on none of 2026, in school at the window's end (no 转出, 休学, 辍学, 毕业 or 死亡 in
  // it, or one followed by a 招生, 转入, 复学 or 返校), and not already followed by a dropout's case.
  EXPECT_EQ(testing::QueryScalar(a, "SELECT count(*) FROM cases WHERE ledger = 'dropout_control'"),
            std::to_string(j["dropout_cases"].get<int>()));
  const int dropouts = std::stoi(testing::QueryScalar(
      a,
      "SELECT count(*) FROM status_events e JOIN org_units u ON u.id = e.org_unit_id "
      "WHERE e.event_type = 6 AND e.event_date BETWEEN '2025-09-01' AND "
      "'2026-08-31' AND u.school_type IN (211, 218, 311, 312, 321, 345, 514)"));
  const int lost = std::stoi(testing::QueryScalar(
      a,
      "SELECT count(*) FROM enrolments e JOIN org_units u ON u.id = e.org_unit_id "
      "WHERE e.school_year = 2025 AND e.grade BETWEEN 1 AND 9 AND NOT (u.school_type BETWEEN "
      "221 AND 229 OR u.school_type IN (331, 332, 351, 352)) AND NOT EXISTS (SELECT 1 FROM "
      "enrolments n WHERE n.student_id = e.student_id AND n.school_year = 2026) AND NOT EXISTS "
      "(SELECT 1 FROM status_events l WHERE l.student_id = e.student_id AND l.event_type IN "
      "(2, 4, 6, 8, 9) AND l.event_date BETWEEN '2025-09-01' AND '2026-08-31' AND NOT EXISTS "
      "(SELECT 1 FROM status_events r WHERE r.student_id = e.student_id AND r.event_type IN "
      "(1, 3, 5, 7) AND r.event_date >= l.event_date AND r.event_date <= '2026-08-31')) AND "
      "NOT EXISTS (SELECT 1 FROM status_events d WHERE d.student_id = e.student_id AND "
      "d.event_type = 6 AND d.event_date BETWEEN '2025-09-01' AND '2026-08-31')"));
  EXPECT_GT(lost, 0);
  EXPECT_EQ(dropouts + lost, j["dropout_cases"].get<int>());
  // The forms were stored through the workflow: every value, all but one form approved.
  EXPECT_EQ(testing::QueryScalar(a, "SELECT count(*) FROM data_values"),
            std::to_string(j["form_values"].get<int>()));
  EXPECT_EQ(testing::QueryScalar(a, "SELECT count(*) FROM submissions WHERE state = 'approved'"),
            std::to_string(j["forms_submitted"].get<int>() - 1));
  EXPECT_EQ(testing::QueryScalar(a, "SELECT count(*) FROM submissions WHERE state = 'returned'"),
            "1");
  // About 108 schools (teaching points included), 32,000 students a year, 2,100 staff.
  const int schools = j["stats"]["figures"]["schools"].get<int>() +
                      j["stats"]["figures"]["teaching_points"].get<int>();
  EXPECT_EQ(schools, 108);
  EXPECT_EQ(testing::QueryScalar(a, "SELECT count(*) FROM org_units WHERE level = 5"), "108");
  for (int year = 2022; year <= 2026; ++year) {
    const int n = std::stoi(testing::QueryScalar(
        a, "SELECT count(*) FROM enrolments WHERE school_year = " + std::to_string(year)));
    EXPECT_GT(n, 28000) << year;
    EXPECT_LT(n, 36000) << year;
  }
  const int staff = j["stats"]["figures"]["staff"].get<int>();
  EXPECT_GT(staff, 1800);
  EXPECT_LT(staff, 2400);
  // The stats agree with a count straight from the tables.
  EXPECT_EQ(std::to_string(j["stats"]["figures"]["students"].get<int>()),
            testing::QueryScalar(a, "SELECT count(*) FROM enrolments WHERE school_year = 2026"));
  // Every kind of school a county has.
  for (int type : {111, 211, 218, 311, 312, 342, 365, 514}) {
    EXPECT_NE(testing::QueryScalar(
                  a, "SELECT count(*) FROM org_units WHERE school_type = " + std::to_string(type)),
              "0")
        << type;
  }
  // Each kind of register change happened.
  for (int type = 1; type <= 8; ++type) {
    EXPECT_NE(testing::QueryScalar(a, "SELECT count(*) FROM status_events WHERE event_type = " +
                                          std::to_string(type)),
              "0")
        << type;
  }
  // ID numbers are unique and pass MOD 11-2 (checked here independently of core/id_number).
  EXPECT_EQ(
      testing::QueryScalar(a, "SELECT count(DISTINCT id_number) = count(id_number) FROM students"),
      "1");
  const std::string ids = testing::QueryScalar(
      a,
      "SELECT group_concat(id_number, ' ') FROM (SELECT id_number FROM students WHERE id_number IS "
      "NOT NULL UNION ALL SELECT id_number FROM staff)");
  const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int checked = 0;
  for (std::size_t pos = 0; pos + 18 <= ids.size(); pos += 19, ++checked) {
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (ids[pos + i] - '0') * weights[i];
    ASSERT_EQ(ids[pos + 17], "10X98765432"[sum % 11]) << ids.substr(pos, 18);
  }
  EXPECT_GT(checked, 40000);
}

}  // namespace
}  // namespace eduledger

namespace eduledger {
namespace {

using testing::RunCommand;

testing::CommandResult CheckReport(std::vector<std::string> args) {
  args.insert(args.begin(), testing::BinaryPath());
  return RunCommand(args);
}

TEST(CheckReportCliTest, ExitsZeroOneOrTwo) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("clean.txt"), "全县适龄儿童4000人，已入学3980人，入学率99.5%。\n");
  testing::WriteFile(dir.File("blanks.txt"), "全县共有学校**所。\n");
  EXPECT_EQ(CheckReport({"check-report", dir.File("clean.txt")}).exit_code, 0);
  EXPECT_EQ(CheckReport({"check-report", dir.File("blanks.txt")}).exit_code, 1);
  const auto missing = CheckReport({"--format", "json", "check-report", dir.File("absent.txt")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(missing.err)["error"]["reason"], "cannot_read");
  testing::WriteFile(dir.File("fake.docx"), "x");
  EXPECT_EQ(CheckReport({"check-report", dir.File("fake.docx")}).exit_code, 2);
}

TEST(CheckReportCliTest, JsonGivesCharacterOffsetsAndExcerpts) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("s.txt"),
                     "总结\n全县共有学校**所，小学67所（完小47所、教学点21所）。\n");
  const auto r = CheckReport({"--format", "json", "check-report", dir.File("s.txt")});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 2u);
  const auto& blank = j["findings"][0];
  EXPECT_EQ(blank["kind"], "placeholder");
  EXPECT_EQ(blank["paragraph"], 2);
  EXPECT_EQ(blank["line"], 2);
  EXPECT_EQ(blank["start"], 6);  // 全县共有学校 is six characters
  EXPECT_EQ(blank["end"], 9);    // **所
  EXPECT_EQ(blank["text"], "**所");
  const auto& sum = j["findings"][1];
  EXPECT_EQ(sum["kind"], "parts_mismatch");
  EXPECT_EQ(sum["stated"], 67);
  EXPECT_EQ(sum["expected"], 68);  // 47 + 21
  EXPECT_EQ(sum["related"].size(), 2u);
  EXPECT_NE(sum["excerpt"].get<std::string>().find("小学67所"), std::string::npos);
  EXPECT_EQ(j["summary"]["errors"], 2);
}

TEST(CheckReportCliTest, ReadsAWordDocumentWithItsTable) {
  // tests/data/summary.docx (written by LibreOffice): 47 + 21 ≠ 67; 3900 ÷ 4000 = 97.5% ≠ 99.5%;
  // a blank in a table cell; 20__年.
  const auto r =
      CheckReport({"--format", "json", "check-report", testing::DataPath("summary.docx")});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> kinds;
  for (const auto& f : j["findings"]) kinds.push_back(f["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"parts_mismatch", "rate_mismatch", "placeholder",
                                             "placeholder"}));
}

TEST(CheckReportCliTest, ComparesFiguresWithTheRegister) {
  testing::TempDir dir;
  const std::string db = testing::ExampleCounty(dir);
  ASSERT_FALSE(db.empty());
  // The register's figures, counted here straight from the tables.
  const std::string students =
      testing::QueryScalar(db, "SELECT count(*) FROM enrolments WHERE school_year = 2026");
  const std::string teachers = testing::QueryScalar(
      db, "SELECT count(*) FROM staff_assignments WHERE school_year = 2026 AND post = 1");
  const std::string points =
      testing::QueryScalar(db, "SELECT count(*) FROM org_units WHERE school_type = 218");
  const int wrong_teachers = std::stoi(teachers) + 7;
  testing::WriteFile(dir.File("s.txt"), "2026年教育工作总结\n全县在校学生" + students +
                                            "人，专任教师" + std::to_string(wrong_teachers) +
                                            "人，教学点" + points + "个。\n");
  const auto r = CheckReport(
      {"--db", db, "--format", "json", "check-report", dir.File("s.txt"), "--org", "示例县"});
  ASSERT_EQ(r.exit_code, 1) << r.err << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["records_compared"], 3);
  ASSERT_EQ(j["findings"].size(), 1u);
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["kind"], "record_mismatch");
  EXPECT_EQ(f["stated"], wrong_teachers);
  EXPECT_EQ(f["expected"], std::stoi(teachers));
  EXPECT_NE(f["query"].get<std::string>().find("eduledger indicators --year 2026"),
            std::string::npos);
  // Without --db nothing is compared.
  EXPECT_EQ(CheckReport({"check-report", dir.File("s.txt")}).exit_code, 0);
}

TEST(CheckReportCliTest, FindsEveryBlankOfThePublishedExamples) {
  // The example with blanks left in (../shared/examples/004…): every run of * is a finding.
  const std::string path = std::string(EDULEDGER_EXAMPLES_DIR) + "/004_cfc97029f3f844fd.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "the published examples are not here";
  const std::string text = testing::ReadFileOrDie(path);
  int runs = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*' && (i == 0 || (text[i - 1] != '*' && text[i - 1] != '.' &&
                                      !(text[i - 1] >= '0' && text[i - 1] <= '9'))))
      ++runs;
  }
  const auto r = CheckReport({"--format", "json", "check-report", path});
  ASSERT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  int starred = 0;
  for (const auto& f : j["findings"]) {
    starred += f["text"].get<std::string>().find('*') != std::string::npos;
  }
  EXPECT_EQ(starred, runs);
}

}  // namespace
}  // namespace eduledger
