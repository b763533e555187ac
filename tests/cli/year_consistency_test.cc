// One figure, four commands: stats, indicators, explain and check-report --db give the same
// number for the same quantity, statistics year and unit, on the example county. The counts
// are also taken straight from the tables with SQL, so that four commands agreeing on a wrong
// number would still fail.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "testing/db_dump.h"
#include "testing/example_county.h"
#include "testing/test_util.h"

namespace eduledger {
namespace {

testing::CommandResult Eduledger(std::vector<std::string> args) {
  args.insert(args.begin(), testing::BinaryPath());
  return testing::RunCommand(args);
}

nlohmann::json Json(const testing::CommandResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

// The latest statistics year whose snapshot (1 September) has passed today, in China.
int LatestYear() {
  const std::time_t now = std::time(nullptr) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900 - (tm.tm_mon < 8 ? 1 : 0);  // before September: the year before
}

class YearConsistencyTest : public ::testing::Test {
 protected:
  // The example county up to the latest year, so that the default year is held whenever the
  // test runs.
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    ASSERT_EQ(testing::ExampleCounty(*dir_, {"--last-year", std::to_string(LatestYear())}), Db());
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string Db() { return dir_->File("demo.db"); }
  static testing::TempDir* dir_;
};

testing::TempDir* YearConsistencyTest::dir_ = nullptr;

// A quantity a summary states, its indicator, the words a summary writes it with, and SQL that
// counts it for statistics year `Y` (the placeholder is replaced).
struct Quantity {
  const char* indicator;
  const char* words;  // "全县在校学生" … the figure follows, then the unit
  const char* unit;
  const char* sql;
};

// 在校学生: every enrolment of the snapshot's school year. 小学在校生: grades 1-6 at primary,
// teaching-point and nine-year schools (the demo's schools with primary grades). 专任教师:
// post 1 in the year's assignments. 辍学学生 (a flow): pupils of primary or junior grades at
// the start of the window (school year Y-1) whose last event of the window is a dropout.
constexpr Quantity kQuantities[] = {
    {"students", "全县在校学生", "人", "SELECT count(*) FROM enrolments WHERE school_year = Y"},
    {"primary_students", "小学在校生", "人",
     "SELECT count(*) FROM enrolments e JOIN org_units o ON o.id = e.org_unit_id WHERE "
     "e.school_year = Y AND e.grade BETWEEN 1 AND 6 AND o.school_type IN (211, 218, 312)"},
    {"fulltime_teachers", "专任教师", "人",
     "SELECT count(*) FROM staff_assignments WHERE school_year = Y AND post = 1"},
    {"compulsory_dropouts", "辍学学生", "人",
     "SELECT count(*) FROM enrolments e JOIN org_units o ON o.id = e.org_unit_id WHERE "
     "e.school_year = Y - 1 AND ((e.grade BETWEEN 1 AND 6 AND o.school_type IN (211, 218, 312)) "
     "OR (e.grade BETWEEN 7 AND 9 AND o.school_type IN (311, 312))) AND (SELECT x.event_type "
     "FROM status_events x WHERE x.student_id = e.student_id AND x.event_date BETWEEN "
     "printf('%d-09-01', Y - 1) AND printf('%d-08-31', Y) ORDER BY x.event_date DESC, "
     "x.event_type IN (1, 3, 5, 7) DESC LIMIT 1) = 6"},
};

std::string WithYear(std::string sql, int year) {
  for (std::size_t at = sql.find('Y'); at != std::string::npos; at = sql.find('Y', at)) {
    const bool word =
        (at == 0 || !std::isalpha(static_cast<unsigned char>(sql[at - 1]))) &&
        (at + 1 == sql.size() || !std::isalpha(static_cast<unsigned char>(sql[at + 1])));
    if (word) {
      sql.replace(at, 1, std::to_string(year));
    } else {
      ++at;
    }
  }
  return sql;
}

TEST_F(YearConsistencyTest, FourCommandsGiveTheSameFigureForTheSameYear) {
  for (const int year : {2025, 2026}) {
    const std::string y = std::to_string(year);
    const auto stats = Json(Eduledger({"--db", Db(), "--format", "json", "stats", "--year", y}));
    EXPECT_EQ(stats["statistics_year"], year);
    EXPECT_EQ(stats["snapshot_date"], y + "-09-01");
    EXPECT_EQ(stats["flow_window"]["to"], y + "-08-31");
    std::string summary = y + "年教育工作总结\n";
    std::vector<std::int64_t> counted;
    for (const Quantity& q : kQuantities) {
      SCOPED_TRACE(std::string(q.indicator) + " " + y);
      const std::int64_t sql = std::stoll(testing::QueryScalar(Db(), WithYear(q.sql, year)));
      ASSERT_GT(sql, 0);
      counted.push_back(sql);
      EXPECT_EQ(stats["figures"][q.indicator].get<std::int64_t>(), sql);
      const auto ind = Json(Eduledger({"--db", Db(), "--format", "json", "indicators", "--year", y,
                                       "--indicator", q.indicator}));
      EXPECT_EQ(ind["statistics_year"], year);
      ASSERT_EQ(ind["rows"].size(), 1u);
      EXPECT_EQ(ind["rows"][0]["value"].get<std::int64_t>(), sql);
      const auto ex =
          Json(Eduledger({"--db", Db(), "--format", "json", "explain", q.indicator, "--year", y}));
      EXPECT_EQ(ex["statistics_year"], year);
      EXPECT_EQ(ex["value"].get<std::int64_t>(), sql);
      EXPECT_EQ(ex["numerator_records"][0]["records_total"].get<std::int64_t>(), sql);
      summary += q.words + std::to_string(sql) + q.unit + "。\n";
    }
    // The summary written from those figures has no error against the records...
    const std::string path = dir_->File("summary" + y + ".txt");
    testing::WriteFile(path, summary);
    const auto clean = Eduledger({"--db", Db(), "--format", "json", "check-report", path});
    ASSERT_EQ(clean.exit_code, 0) << clean.out << clean.err;
    const auto j = nlohmann::json::parse(clean.out);
    EXPECT_EQ(j["summary"]["records_compared"], std::size(kQuantities)) << summary;
    // ...and each figure altered by one is an error naming the records' value.
    for (std::size_t i = 0; i < std::size(kQuantities); ++i) {
      std::string altered = y + "年教育工作总结\n" + kQuantities[i].words +
                            std::to_string(counted[i] + 1) + kQuantities[i].unit + "。\n";
      testing::WriteFile(path, altered);
      const auto r = Eduledger({"--db", Db(), "--format", "json", "check-report", path});
      EXPECT_EQ(r.exit_code, 1) << altered;
      const auto found = nlohmann::json::parse(r.out)["findings"];
      ASSERT_EQ(found.size(), 1u) << altered;
      EXPECT_EQ(found[0]["kind"], "record_mismatch");
      EXPECT_EQ(found[0]["expected"].get<std::int64_t>(), counted[i]);
    }
  }
}

// The rates and ratios a summary states, by the words it states them with, against the
// indicators of the same statistics year: a summary written from `indicators` has no error,
// and each moved by one (percentage point, pupil per teacher) is an error naming the
// indicator's value.
TEST_F(YearConsistencyTest, RatesWrittenFromTheIndicatorsCheckAgainstThem) {
  const std::pair<const char*, const char*> rates[] = {
      {"primary_dropout_rate", "全县小学辍学率为"},
      {"junior_dropout_rate", "全县初中辍学率为"},
      {"retention_rate", "九年义务教育巩固率为"},
      {"primary_net_enrolment_rate", "小学净入学率为"},
      {"junior_gross_enrolment_rate", "初中毛入学率为"},
      {"senior_gross_enrolment_rate", "高中阶段毛入学率为"},
      {"preschool_gross_enrolment_rate", "学前三年毛入园率为"},
      {"disabled_enrolment_rate", "残疾儿童少年入学率为"},
      {"primary_pupil_teacher_ratio", "小学生师比为"},
      {"junior_pupil_teacher_ratio", "初中生师比为"}};
  const std::string y = "2025";
  std::string summary = y + "年教育工作总结\n";
  struct Stated {
    std::string words, text;
    double value;
    int decimals;
  };
  std::vector<Stated> stated;
  for (const auto& [code, words] : rates) {
    const auto ind = Json(Eduledger(
        {"--db", Db(), "--format", "json", "indicators", "--year", y, "--indicator", code}));
    ASSERT_EQ(ind["rows"].size(), 1u) << code;
    const auto& row = ind["rows"][0];
    if (row["value"].is_null()) continue;  // no value: reported as such, not compared
    const std::string text = row["text"];  // "0.61%", "16.19:1"
    const std::size_t point = text.find('.');
    int decimals = 0;
    while (point != std::string::npos &&
           std::isdigit(static_cast<unsigned char>(text[point + 1 + decimals]))) {
      ++decimals;
    }
    stated.push_back({words, text, row["value"].get<double>(), decimals});
    summary += std::string(words) + text + "。\n";
  }
  ASSERT_GE(stated.size(), 5u) << summary;
  const std::string path = dir_->File("rates" + y + ".txt");
  testing::WriteFile(path, summary);
  const auto clean = Eduledger({"--db", Db(), "--format", "json", "check-report", path});
  ASSERT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_EQ(nlohmann::json::parse(clean.out)["summary"]["records_compared"], stated.size())
      << summary;
  for (const Stated& s : stated) {
    // One percentage point (or one pupil per teacher) off, written to the same decimals.
    const double moved = s.value < 90 ? s.value + 1 : s.value - 1;
    const bool ratio = s.text.ends_with(":1");
    char written[32];
    std::snprintf(written, sizeof written, ratio ? "%.*f:1" : "%.*f%%", s.decimals, moved);
    const std::string altered = y + "年教育工作总结\n" + s.words + written + "。\n";
    testing::WriteFile(path, altered);
    const auto r = Eduledger({"--db", Db(), "--format", "json", "check-report", path});
    EXPECT_EQ(r.exit_code, 1) << altered;
    const auto found = nlohmann::json::parse(r.out)["findings"];
    ASSERT_EQ(found.size(), 1u) << altered << found.dump();
    EXPECT_EQ(found[0]["kind"], "record_mismatch");
    EXPECT_NEAR(found[0]["expected"].get<double>(), s.value, 0.5 * std::pow(10.0, -s.decimals))
        << altered;
  }
}

// stats' table by level and its 合计 row are the same count: each total is the sum of the
// levels shown (a level's "—" is none), for pupils, entrants, graduates and teachers.
TEST_F(YearConsistencyTest, TheStatsTotalsAreTheSumsOfTheLevels) {
  for (const int year : {2025, 2026}) {
    const auto stats = Json(
        Eduledger({"--db", Db(), "--format", "json", "stats", "--year", std::to_string(year)}));
    ASSERT_TRUE(stats.contains("by_level")) << stats.dump();
    const std::pair<const char*, const char*> sums[] = {{"students", "students"},
                                                        {"entrants", "entrants"},
                                                        {"graduates", "graduates"},
                                                        {"fulltime_teachers", "fulltime_teachers"}};
    for (const auto& [column, total] : sums) {
      double sum = 0;
      int levels = 0;
      for (const auto& l : stats["by_level"]) {
        if (l[column].is_null()) continue;
        sum += l[column].get<double>();
        ++levels;
      }
      EXPECT_GE(levels, 6) << column;
      EXPECT_EQ(sum, stats["figures"][total].get<double>()) << year << " " << column;
    }
  }
}

TEST_F(YearConsistencyTest, AYearWithoutRecordsSaysSoInEveryCommand) {
  for (const char* cmd : {"stats", "indicators", "explain", "export"}) {
    std::vector<std::string> args = {"--db", Db(), cmd};
    if (std::string(cmd) == "explain") args.push_back("students");
    if (std::string(cmd) == "export") {
      args.insert(args.end(), {"students", "-o", dir_->File("x.csv")});
    }
    args.insert(args.end(), {"--year", "2090"});
    const auto r = Eduledger(args);
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_NE(r.err.find("2090年无在校生记录"), std::string::npos) << cmd << ": " << r.err;
  }
  // Forms of a year nobody filled are not "all passed".
  const auto v = Eduledger({"--db", Db(), "validate", "--year", "2019"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.out.find("未填报"), std::string::npos) << v.out;
  EXPECT_EQ(v.out.find("全部校验通过"), std::string::npos) << v.out;
}

TEST_F(YearConsistencyTest, TheDefaultsAreTheBureausCountyAndTheLatestYearPassed) {
  // The default year is the latest whose snapshot has passed today.
  const auto ind =
      Json(Eduledger({"--db", Db(), "--format", "json", "indicators", "--indicator", "students"}));
  EXPECT_EQ(ind["org_unit_name"], "示例县");  // not 示例省, the top of the tree
  EXPECT_EQ(ind["statistics_year"], LatestYear());
  const auto stats = Json(Eduledger({"--db", Db(), "--format", "json", "stats"}));
  EXPECT_EQ(stats["org_unit_name"], "示例县");
  EXPECT_EQ(stats["statistics_year"], LatestYear());
}

}  // namespace
}  // namespace eduledger
