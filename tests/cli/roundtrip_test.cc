// A county that comes in through its files gives the figures the example county gives: the
// demo (without forms) exported as a bureau would hand its lists over (schools, each year's
// rosters and staff, each statistics year's 学籍异动), imported into a fresh database through
// the same imports, and every indicator of three statistics years compared cell by cell.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "testing/db_dump.h"
#include "testing/test_util.h"

namespace eduledger {
namespace {

testing::CommandResult Eduledger(std::vector<std::string> args) {
  args.insert(args.begin(), testing::BinaryPath());
  return testing::RunCommand(args);
}

void MustRun(std::vector<std::string> args) {
  const auto r = Eduledger(args);
  std::string line;
  for (const std::string& a : args) line += a + " ";
  ASSERT_EQ(r.exit_code, 0) << line << "\n" << r.out << r.err;
}

TEST(RoundTripTest, AnImportedCountyGivesTheSameIndicatorsAsTheDemo) {
  testing::TempDir dir;
  const std::string demo = dir.File("demo.db");
  const std::string county = dir.File("county.db");
  // Six school years keep the test short: 2021-2026. The register only: the ledgers' sheets
  // have a round trip of their own (cli_test's ALedgerSheetIsImportedWholeOrNotAtAll…).
  MustRun({"--db", demo, "demo", "--no-forms", "--no-ledgers", "--years", "6"});
  MustRun({"--db", county, "init"});
  MustRun({"--db", demo, "export", "schools", "-o", dir.File("schools.csv")});
  MustRun({"--db", county, "import", "schools", dir.File("schools.csv")});
  for (int year = 2021; year <= 2026; ++year) {
    const std::string y = std::to_string(year);
    for (const char* kind : {"students", "staff"}) {
      const std::string file = dir.File(std::string(kind) + y + ".xlsx");
      MustRun({"--db", demo, "export", kind, "--year", y, "-o", file});
      MustRun({"--db", county, "import", kind, file});
    }
  }
  // The events of each statistics year's window, 2021-22 up to the one still running.
  for (int year = 2022; year <= 2027; ++year) {
    const std::string file = dir.File("events" + std::to_string(year) + ".csv");
    MustRun({"--db", demo, "export", "events", "--year", std::to_string(year), "-o", file});
    MustRun({"--db", county, "import", "events", file});
  }
  // The dropouts of the latest statistics year open their 控辍保学 cases, as the demo's do.
  MustRun({"--db", county, "ledger", "sync", "--year", "2026"});
  EXPECT_EQ(testing::QueryScalar(county, "SELECT count(*) FROM cases"),
            testing::QueryScalar(demo, "SELECT count(*) FROM cases"));
  EXPECT_EQ(testing::QueryScalar(county, "SELECT count(*) FROM status_events"),
            testing::QueryScalar(demo, "SELECT count(*) FROM status_events"));
  EXPECT_EQ(testing::QueryScalar(county, "SELECT count(*) FROM enrolments"),
            testing::QueryScalar(demo, "SELECT count(*) FROM enrolments"));

  std::size_t compared = 0;
  for (const int year : {2024, 2025, 2026}) {
    for (const char* by : {"", "township"}) {
      std::vector<std::string> args = {"--format", "json", "indicators", "--year",
                                       std::to_string(year)};
      if (*by) args.insert(args.end(), {"--by", by});
      std::vector<std::string> a = {"--db", demo}, b = {"--db", county};
      a.insert(a.end(), args.begin(), args.end());
      b.insert(b.end(), args.begin(), args.end());
      const auto ra = Eduledger(a), rb = Eduledger(b);
      ASSERT_EQ(ra.exit_code, 0) << ra.err;
      ASSERT_EQ(rb.exit_code, 0) << rb.err;
      const auto rows_a = nlohmann::json::parse(ra.out)["rows"];
      const auto rows_b = nlohmann::json::parse(rb.out)["rows"];
      ASSERT_EQ(rows_a.size(), rows_b.size()) << year << " " << by;
      for (std::size_t i = 0; i < rows_a.size(); ++i) {
        for (const char* field : {"code", "org_unit_code", "cell", "numerator", "denominator",
                                  "value", "text", "note", "incomplete"}) {
          EXPECT_EQ(rows_a[i][field], rows_b[i][field])
              << year << " " << rows_a[i]["code"] << " " << rows_a[i]["org_unit_name"] << " "
              << field;
        }
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000u);
}

}  // namespace
}  // namespace eduledger
