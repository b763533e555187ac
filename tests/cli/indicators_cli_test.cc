// eduledger indicators end to end: figures checked against SQL written independently of the
// engine, and metadata faults reported with their file, key and character.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testing/db_dump.h"
#include "testing/example_county.h"
#include "testing/test_util.h"

namespace eduledger {
namespace {

testing::CommandResult Eduledger(std::vector<std::string> args) {
  args.insert(args.begin(), testing::BinaryPath());
  return testing::RunCommand(args);
}

// Statistics year 2025 counts its dropouts over 2024-09-01..2025-08-31, among the pupils
// enrolled at the start of that window: primary pupils of school year 2024 at primary,
// teaching-point and nine-year schools (the demo county's schools with primary grades).
// Only the pupils in school on that day count: not one whose last 休学 (4) or 辍学 (6) before it
// is followed by no 招生/转入/复学/返校 (1, 3, 5, 7) before it (on one day, back in school wins).
constexpr const char* kInSchoolOn20240901 =
    " AND NOT EXISTS (SELECT 1 FROM status_events s WHERE s.student_id = e.student_id AND "
    "s.event_type IN (4, 6) AND s.event_date < '2024-09-01' AND NOT EXISTS (SELECT 1 FROM "
    "status_events b WHERE b.student_id = e.student_id AND b.event_type IN (1, 3, 5, 7) AND "
    "b.event_date >= s.event_date AND b.event_date < '2024-09-01'))";

constexpr const char* kPrimary2024 =
    "FROM enrolments e JOIN org_units o ON o.id = e.org_unit_id WHERE e.school_year = 2024 "
    "AND e.grade BETWEEN 1 AND 6 AND o.school_type IN (211, 218, 312)";

// …whose last status event of the window is a dropout (6), with nothing after it that
// changes a status (其他, 10, does not).
constexpr const char* kDroppedOut =
    " AND EXISTS (SELECT 1 FROM status_events d WHERE d.student_id = e.student_id AND "
    "d.event_type = 6 AND d.event_date BETWEEN '2024-09-01' AND '2025-08-31' AND NOT EXISTS "
    "(SELECT 1 FROM status_events x WHERE x.student_id = e.student_id AND x.event_type NOT IN "
    "(6, 10) AND x.event_date >= d.event_date AND x.event_date <= '2025-08-31'))";

class IndicatorsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    ASSERT_EQ(testing::ExampleCounty(*dir_), Db());
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string Db() { return dir_->File("demo.db"); }
  static testing::TempDir* dir_;
};

testing::TempDir* IndicatorsCliTest::dir_ = nullptr;

TEST_F(IndicatorsCliTest, DropoutRateAgreesWithAnIndependentQuery) {
  const auto r = Eduledger({"--db", Db(), "--format", "json", "indicators", "--year", "2025",
                            "--indicator", "primary_dropout_rate"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["rows"].size(), 1u);
  const auto& row = j["rows"][0];
  const double pupils = std::stod(testing::QueryScalar(
      Db(), std::string("SELECT count(*) ") + kPrimary2024 + kInSchoolOn20240901));
  const double dropouts = std::stod(testing::QueryScalar(
      Db(), std::string("SELECT count(*) ") + kPrimary2024 + kInSchoolOn20240901 + kDroppedOut));
  // Some pupils were out of school on 1 September 2024 and are not counted.
  const double on_roll =
      std::stod(testing::QueryScalar(Db(), std::string("SELECT count(*) ") + kPrimary2024));
  EXPECT_GT(on_roll, pupils);
  ASSERT_GT(pupils, 1000);
  ASSERT_GT(dropouts, 0);
  EXPECT_EQ(row["denominator"].get<double>(), pupils);
  EXPECT_EQ(row["numerator"].get<double>(), dropouts);
  char text[32];
  std::snprintf(text, sizeof(text), "%.2f%%", dropouts / pupils * 100 + 1e-12);
  EXPECT_EQ(row["text"], text);
}

// The CSV a statistician opens in Excel carries the year's time point and window on every row,
// and the same figures as the JSON.
TEST_F(IndicatorsCliTest, TheCsvNamesTheTimePointAndWindowOfEveryRow) {
  const std::vector<std::string> args = {"--db",     Db(),          "indicators",
                                         "--year",   "2025",        "--indicator",
                                         "students", "--indicator", "primary_dropout_rate"};
  std::vector<std::string> csv_args = {"--format", "csv"};
  csv_args.insert(csv_args.begin(), args.begin(), args.end());
  const auto csv = Eduledger(csv_args);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::vector<std::string> json_args = {"--format", "json"};
  json_args.insert(json_args.begin(), args.begin(), args.end());
  const auto j = nlohmann::json::parse(Eduledger(json_args).out);
  std::vector<std::string> lines;
  std::stringstream in(csv.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u) << csv.out;
  EXPECT_EQ(lines[0].rfind("\xEF\xBB\xBF统计年度,统计时点,统计期,指标代码,", 0), 0u) << lines[0];
  for (std::size_t i = 1; i < 3; ++i) {
    const auto& row = j["rows"][i - 1];
    const std::string expected =
        "2025,2025-09-01,2024-09-01至2025-08-31," + row["code"].get<std::string>() + ",";
    EXPECT_EQ(lines[i].rfind(expected, 0), 0u) << lines[i];
    EXPECT_NE(lines[i].find("," + row["text"].get<std::string>() + ","), std::string::npos)
        << lines[i];
  }
}

TEST_F(IndicatorsCliTest, SplitsBySexAddUpToTheTotal) {
  const auto r = Eduledger({"--db", Db(), "--format", "json", "indicators", "--year", "2025",
                            "--by", "sex", "--indicator", "minority_share"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out)["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["cell"], "合计");
  EXPECT_EQ(rows[1]["numerator"].get<double>() + rows[2]["numerator"].get<double>(),
            rows[0]["numerator"].get<double>());
  const std::string minority = testing::QueryScalar(
      Db(),
      "SELECT count(*) FROM enrolments e JOIN students s ON s.id = e.student_id WHERE "
      "e.school_year = 2025 AND s.ethnicity BETWEEN 2 AND 56");
  EXPECT_EQ(rows[0]["numerator"].get<double>(), std::stod(minority));
}

TEST_F(IndicatorsCliTest, TownshipsSumToTheCounty) {
  const auto r = Eduledger({"--db", Db(), "--format", "json", "indicators", "--year", "2025",
                            "--by", "township", "--indicator", "junior_dropout_rate"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out)["rows"];
  ASSERT_GE(rows.size(), 5u);
  double sum = 0;
  for (const auto& row : rows) sum += row["denominator"].get<double>();
  // The rows are the townships and the county's own schools (县直), so they add up to every
  // junior pupil in school at the start of the flow window, 2024-09-01.
  EXPECT_EQ(rows.back()["org_unit_name"], "县直学校");
  const std::string juniors = testing::QueryScalar(
      Db(), std::string("SELECT count(*) FROM enrolments e JOIN org_units o ON o.id = "
                        "e.org_unit_id WHERE e.school_year = 2024 AND e.grade BETWEEN 7 AND 9 "
                        "AND o.school_type IN (311, 312)") +
                kInSchoolOn20240901);
  EXPECT_EQ(sum, std::stod(juniors));
}

TEST_F(IndicatorsCliTest, MetadataFaultsNameFileKeyAndCharacter) {
  const std::string pkg = dir_->File("bad-package");
  std::filesystem::create_directories(pkg);
  testing::WriteFile(pkg + "/package.json", R"json({"name": "bad", "titel": "typo"})json");
  testing::WriteFile(pkg + "/indicators.json", R"json({"indicators": [
    {"code": "ok_rate", "name": "甲", "numerator": "students(minority)",
     "denominator": "students()", "unit": "%"},
    {"code": "ok_rate", "name": "乙", "numerator": "students()", "unit": "%"},
    {"code": "broken", "name": "丙", "numerator": "students(levle = primary)", "unit": "%",
     "decimals": 9},
    {"code": "both", "name": "丁", "numerator": "classes(size >= 56)",
     "denominator": "classes()", "universe": "classes()", "unit": "%"}
  ]})json");
  const auto r = Eduledger({"--db", Db(), "indicators", "--packages", pkg});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("package.json: package.titel"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("indicators[1].code: 代码 'ok_rate' 重复"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("broken.decimals"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("both.universe: universe 只用于没有分母的计数指标"), std::string::npos)
      << r.err;
  // The structure faults stop loading before the expressions are compiled; fix them and the
  // expression fault points at its character.
  testing::WriteFile(pkg + "/package.json", R"json({"name": "bad"})json");
  testing::WriteFile(pkg + "/indicators.json", R"json({"indicators": [
    {"code": "broken", "name": "丙", "numerator": "students(levle = primary)", "unit": "%"},
    {"code": "among", "name": "戊", "numerator": "classes(size >= 56)",
     "universe": "classes(levle = junior)", "unit": "count"}]})json");
  const auto r2 = Eduledger({"--db", Db(), "indicators", "--packages", pkg});
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_NE(r2.err.find("indicators.json: broken.numerator: 第 10 个字符: 未知字段 'levle'"),
            std::string::npos)
      << r2.err;
  EXPECT_NE(r2.err.find("indicators.json: among.universe: 第 9 个字符: 未知字段 'levle'"),
            std::string::npos)
      << r2.err;
}

TEST_F(IndicatorsCliTest, AnEmptyNumeratorAndATargetForNoUnitAreRefused) {
  const std::string pkg = dir_->File("empty-package");
  std::filesystem::create_directories(pkg);
  testing::WriteFile(pkg + "/package.json", R"json({"name": "empty"})json");
  testing::WriteFile(pkg + "/indicators.json", R"json({"indicators": [
    {"code": "blank", "name": "甲", "numerator": "  ", "unit": "count"}]})json");
  const auto blank = Eduledger({"--db", Db(), "indicators", "--packages", pkg});
  EXPECT_EQ(blank.exit_code, 2);
  EXPECT_NE(blank.err.find("indicators.json: blank.numerator: 不能为空"), std::string::npos)
      << blank.err;
  testing::WriteFile(pkg + "/indicators.json", R"json({"indicators": [
    {"code": "pupils", "name": "甲", "numerator": "students()", "unit": "count"}]})json");
  testing::WriteFile(pkg + "/targets.json", R"json({"targets": [
    {"indicator": "pupils", "org": "*", "at_least": 1},
    {"indicator": "pupils", "org": "439999", "at_least": 1}]})json");
  const auto target = Eduledger({"--db", Db(), "indicators", "--packages", pkg});
  EXPECT_EQ(target.exit_code, 2);
  EXPECT_NE(target.err.find("targets.json: targets[1].org: 库中没有代码为 439999 的单位"),
            std::string::npos)
      << target.err;
}

TEST_F(IndicatorsCliTest, ANumberPastADoubleOrBrokenJsonNamesFileAndLine) {
  const std::string pkg = dir_->File("huge-package");
  std::filesystem::create_directories(pkg);
  testing::WriteFile(pkg + "/package.json", R"json({"name": "huge"})json");
  testing::WriteFile(pkg + "/indicators.json",
                     "{\"indicators\": [\n"
                     "  {\"code\": \"a\", \"name\": \"甲\",\n"
                     "   \"numerator\": \"students()\", \"unit\": \"count\",\n"
                     "   \"decimals\": 1e999}]}");  // 1 at column 16
  const auto r = Eduledger({"--db", Db(), "indicators", "--packages", pkg});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("indicators.json: 数字超出范围“1e999”（第 4 行第 16 列）"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("json.exception"), std::string::npos) << r.err;
  testing::WriteFile(pkg + "/indicators.json", "{\"indicators\": [\n  {\"code\": \"a\",, }]}");
  const auto broken = Eduledger({"--db", Db(), "indicators", "--packages", pkg});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("indicators.json: 不是有效的 JSON（第 2 行"), std::string::npos)
      << broken.err;
  EXPECT_EQ(broken.err.find("parse_error"), std::string::npos) << broken.err;
}

}  // namespace
}  // namespace eduledger
