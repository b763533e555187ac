// Programme ledger cases in the cube: cases(…), sum(…), in_year(…), cases_now(…) and a stock
// ledger, on a hand-built ledger whose every expected figure is worked out in the comment
// beside it from the cases the fixture adds.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <set>

#include "engine/case_schema.h"
#include "engine/cube.h"
#include "engine/provenance.h"
#include "engine/tiny_register.h"

namespace eduledger::engine {
namespace {

using meta::FieldType;
using meta::LedgerField;
using meta::LedgerType;
using meta::OrgLevel;

LedgerField Field(std::string code, FieldType type) {
  LedgerField f;
  f.code = code;
  f.name = code + "名";
  f.type = type;
  return f;
}

LedgerField Choice(std::string code, std::vector<std::string> options) {
  LedgerField f = Field(code, FieldType::kChoice);
  for (const std::string& o : options) f.options.push_back({o, o + "名"});
  return f;
}

LedgerType Ledger(std::string code, std::vector<std::string> states, std::vector<LedgerField> f) {
  LedgerType l;
  l.code = code;
  l.name = code + "台账";
  l.fields = std::move(f);
  l.workflow.code = code;
  l.workflow.initial = states.front();
  for (const std::string& s : states) {
    meta::WorkflowState state;
    state.code = s;
    state.name = s + "名";
    l.workflow.states.push_back(state);
  }
  return l;
}

class CaseCubeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ledgers_.push_back(
        Ledger("hazard", {"found", "rectifying", "accepted", "closed"},
               {Choice("category", {"fire", "electric"}), Choice("level", {"general", "major"}),
                Field("found_on", FieldType::kDate), Field("accepted_on", FieldType::kDate),
                Field("money", FieldType::kMoney)}));
    ledgers_.back().period = "found_on";
    ledgers_.push_back(
        Ledger("building", {"registered", "demolished"},
               {Choice("grade", {"a", "b", "c", "d"}), Field("area", FieldType::kArea),
                Field("in_use", FieldType::kBool)}));
    ledgers_.back().stock = true;
    schema_ = std::make_unique<CaseSchema>(ledgers_);

    auto& r = reg_;
    county_ = r.Unit("439901", OrgLevel::kCounty);
    town1_ = r.Unit("439901001", OrgLevel::kTownship, county_);
    town2_ = r.Unit("439901002", OrgLevel::kTownship, county_);
    primary_ = r.Unit("2143990001", OrgLevel::kSchool, town1_, 211);
    junior_ = r.Unit("3143990002", OrgLevel::kSchool, town2_, 311);
    // The register holds the school years 2023, 2024 and 2025.
    const auto pupil = r.Student(core::Sex::kMale, "2015-05-01");
    r.Enrol(pupil, 2023, primary_, 2);
    r.Enrol(pupil, 2024, primary_, 3);
    r.Enrol(pupil, 2025, primary_, 4);

    // Hazards, each in the calendar year of its found_on.
    h1_ = r.Case("hazard", primary_, "closed", "2024-03-05",
                 R"({"category":"fire","level":"general","found_on":"2024-03-05",)"
                 R"("accepted_on":"2024-04-01","money":"150000"})");  // 1500.00元
    h2_ = r.Case("hazard", primary_, "rectifying", "2024-10-10",
                 R"({"category":"electric","level":"major","found_on":"2024-10-10",)"
                 R"("money":"2000050"})");                     // 20000.50元
    h3_ = r.Case("hazard", junior_, "accepted", "2025-01-02",  // opened later than found
                 R"({"category":"fire","level":"general","found_on":"2024-12-31",)"
                 R"("accepted_on":"2025-01-03"})");
    r.Case("hazard", junior_, "found", "2025-01-01",
           R"({"category":"electric","level":"general","found_on":"2025-01-01"})");
    r.Case("hazard", junior_, "found", "2025-02-01", R"({"level":"general"})");  // no date
    r.Case("hazard", primary_, "closed", "2019-05-01",
           R"({"level":"general","found_on":"2019-05-01"})");  // a year not held
    // Buildings as they stand.
    r.Case("building", primary_, "registered", "2020-01-01",
           R"({"grade":"d","area":"300.50","in_use":"true"})");
    r.Case("building", junior_, "demolished", "2020-01-01", R"({"grade":"d","area":"100.00"})");
    r.Case("building", junior_, "registered", "2020-01-01",
           R"({"grade":"a","area":"1000.00","in_use":"true"})");
    snapshot_ = r.Snapshot(schema_.get());
  }

  // The value of `expr` in statistics year `year` at `unit` (a store id).
  double At(const std::string& expr, int year, std::int64_t unit) {
    MeasureCatalog catalog(nullptr, schema_.get());
    ExprError error;
    auto f = CompileFormula(expr, FormulaKind::kArithmetic, &catalog, &error);
    EXPECT_TRUE(f.ok()) << expr << ": " << f.status().message();
    if (!f.ok()) return -1;
    const Cube cube = Cube::Compute(*snapshot_, catalog);
    return cube.Evaluate(*f, snapshot_->YearIndex(year),
                         static_cast<std::uint32_t>(snapshot_->OrgIndex(unit)), kCellTotal);
  }

  // `expr` compiled and split by `field` (SplitFormula).
  static core::Result<Formula> Split(const char* expr, const char* field, MeasureCatalog* catalog) {
    auto f = CompileFormula(expr, FormulaKind::kArithmetic, catalog);
    EXPECT_TRUE(f.ok()) << expr;
    if (!f.ok()) return f.status();
    return SplitFormula(*f, field, catalog);
  }

  std::string CompileError(const std::string& expr) {
    MeasureCatalog catalog(nullptr, schema_.get());
    auto f = CompileFormula(expr, FormulaKind::kArithmetic, &catalog);
    return f.ok() ? std::string() : std::string(f.status().message());
  }

  std::vector<LedgerType> ledgers_;
  std::unique_ptr<CaseSchema> schema_;
  testing::TinyRegister reg_;
  std::int64_t county_ = 0, town1_ = 0, town2_ = 0, primary_ = 0, junior_ = 0;
  std::int64_t h1_ = 0, h2_ = 0, h3_ = 0;
  std::unique_ptr<Snapshot> snapshot_;
};

TEST_F(CaseCubeTest, CasesAreCountedInTheCalendarYearOfTheirPeriodDate) {
  // 2024: h1, h2 (primary, township 1) and h3 (found 2024-12-31 though opened in 2025).
  EXPECT_EQ(At("cases(hazard)", 2024, county_), 3);
  EXPECT_EQ(At("cases(hazard)", 2024, town1_), 2);
  EXPECT_EQ(At("cases(hazard)", 2024, junior_), 1);
  // 2025: the one found on 1 January; the case without a date and the 2019 one are nowhere.
  EXPECT_EQ(At("cases(hazard)", 2025, county_), 1);
  // A unit with none in a year the ledger has cases of counts 0 …
  EXPECT_EQ(At("cases(hazard)", 2025, town1_), 0);
  // … but a year with no case at all in the ledger has no value, not 0.
  EXPECT_TRUE(std::isnan(At("cases(hazard)", 2023, county_)));
  // By the month of their 发现日期: March (h1), October (h2) and 31 December (h3); no other.
  MeasureCatalog catalog(nullptr, schema_.get());
  ASSERT_TRUE(CompileFormula("cases(hazard)", FormulaKind::kArithmetic, &catalog).ok());
  ASSERT_TRUE(CompileFormula("cases_now(hazard)", FormulaKind::kArithmetic, &catalog).ok());
  const Cube cube = Cube::Compute(*snapshot_, catalog);
  const auto county = static_cast<std::uint32_t>(snapshot_->OrgIndex(county_));
  const int y2024 = snapshot_->YearIndex(2024);
  for (int month = 1; month <= 12; ++month) {
    const double expected = month == 3 || month == 10 || month == 12 ? 1 : 0;
    EXPECT_EQ(cube.Count(0, y2024, county, MonthCell(month)), expected) << month;
  }
  EXPECT_EQ(
      cube.Count(0, y2024, static_cast<std::uint32_t>(snapshot_->OrgIndex(junior_)), MonthCell(12)),
      1);  // h3, at the junior school
  // A figure of the ledger as it stands has no months.
  EXPECT_TRUE(std::isnan(cube.Count(1, snapshot_->YearIndex(2025), county, MonthCell(1))));
  // Only the 2019 one is left out: the undated one stands among the cases as they are.
  EXPECT_EQ(snapshot_->skipped_cases(), 1u);
}

TEST_F(CaseCubeTest, FiltersTestStatesOptionsDatesAndTheSchool) {
  EXPECT_EQ(At("cases(hazard, state in (accepted, closed))", 2024, county_), 2);  // h1, h3
  EXPECT_EQ(At("cases(hazard, level = major)", 2024, county_), 1);                // h2
  EXPECT_EQ(At("cases(hazard, level = \"major名\")", 2024, county_), 1);          // by its name
  EXPECT_EQ(At("cases(hazard, category != fire)", 2024, county_), 1);             // h2
  // Accepted within the year counted: h1 (2024-04-01); h3 was accepted in 2025.
  EXPECT_EQ(At("cases(hazard, in_year(accepted_on))", 2024, county_), 1);
  EXPECT_EQ(At("cases(hazard, not in_year(accepted_on))", 2024, county_), 2);
  EXPECT_EQ(At("cases(hazard, accepted_on >= 2025)", 2024, county_), 1);  // h3
  // The school's own fields: the primary school (type 211) holds h1 and h2.
  EXPECT_EQ(At("cases(hazard, school_type = 211)", 2024, county_), 2);
  // A rate over cases: 2 of the 3 found in 2024 are accepted or closed.
  EXPECT_NEAR(At("cases(hazard, state in (accepted, closed)) / cases(hazard) * 100", 2024, county_),
              200.0 / 3, 1e-9);
}

// A figure split by a field of its cases: a cell per value stored (SplitCell: 0 未填, then the
// options in their order), for dated and current figures and for the school's 学段.
TEST_F(CaseCubeTest, AFigureIsSplitByAFieldOfItsCases) {
  MeasureCatalog catalog(nullptr, schema_.get());
  const auto split = [&](const char* expr, const char* field) {
    auto s = Split(expr, field, &catalog);
    EXPECT_TRUE(s.ok()) << expr << " by " << field << ": " << s.status().message();
    return s.ok() ? *s : Formula{};
  };
  const Formula by_category = split("cases(hazard)", "category");
  const Formula money_by_level = split("sum(hazard.money)", "level名");  // by its name
  const Formula now_by_state = split("cases_now(hazard)", "state");
  const Formula by_level = split("cases(hazard)", "level");  // the hazard's own level …
  const Formula by_stage = split("cases(hazard)", "学段");   // … and the school's, apart
  const Cube cube = Cube::Compute(*snapshot_, catalog);
  const int y2024 = snapshot_->YearIndex(2024), y2025 = snapshot_->YearIndex(2025);
  const auto at = [&](const Formula& f, int year, std::int64_t unit, int cell) {
    return cube.Evaluate(f, year, static_cast<std::uint32_t>(snapshot_->OrgIndex(unit)), cell);
  };
  // 2024: h1 and h3 are fire (option 1), h2 electric (option 2); none unset.
  EXPECT_EQ(at(by_category, y2024, county_, kCellTotal), 3);
  EXPECT_EQ(at(by_category, y2024, county_, SplitCell(0)), 0);
  EXPECT_EQ(at(by_category, y2024, county_, SplitCell(1)), 2);
  EXPECT_EQ(at(by_category, y2024, county_, SplitCell(2)), 1);
  EXPECT_EQ(at(by_category, y2024, town1_, SplitCell(1)), 1);  // h1 only
  EXPECT_EQ(at(by_category, y2024, junior_, SplitCell(2)), 0);
  // 2025: the electric one found on 1 January; the undated one is in no year.
  EXPECT_EQ(at(by_category, y2025, county_, SplitCell(2)), 1);
  EXPECT_EQ(at(by_category, y2025, county_, SplitCell(0)), 0);
  // Money by 一般 (1500.00 of h1; h3 has none) and 重大 (20000.50 of h2).
  EXPECT_DOUBLE_EQ(at(money_by_level, y2024, county_, SplitCell(1)), 1500);
  EXPECT_DOUBLE_EQ(at(money_by_level, y2024, county_, SplitCell(2)), 20000.5);
  // As they stand (the 2019 case is not held): found 2 (the 2025 one and the undated one),
  // rectifying 1 (h2), accepted 1 (h3), closed 1 (h1); in the latest year only.
  const double states[] = {0, 2, 1, 1, 1};
  for (int v = 0; v < 5; ++v) {
    EXPECT_EQ(at(now_by_state, y2025, county_, SplitCell(static_cast<std::uint64_t>(v))), states[v])
        << v;
  }
  EXPECT_TRUE(std::isnan(at(now_by_state, y2024, county_, SplitCell(1))));
  // The school's 学段: the primary school (211) holds h1 and h2, the junior school (311) h3.
  EXPECT_EQ(SplitValueLabel(GroupField("level"), 1), "小学");
  EXPECT_EQ(at(by_stage, y2024, county_, SplitCell(1)), 2);
  EXPECT_EQ(at(by_stage, y2024, county_, SplitCell(2)), 1);
  EXPECT_EQ(at(by_stage, y2024, county_, SplitCell(0)), 0);  // no 学前
  EXPECT_EQ(at(by_level, y2024, county_, SplitCell(1)), 2);  // 一般: h1 and h3
  EXPECT_EQ(at(by_level, y2024, county_, SplitCell(2)), 1);  // 重大: h2
  // In township 1 (the primary school: h1 一般, h2 重大) the two splits differ.
  EXPECT_EQ(at(by_stage, y2024, town1_, SplitCell(1)), 2);  // 小学: h1 and h2
  EXPECT_EQ(at(by_level, y2024, town1_, SplitCell(1)), 1);  // 一般: h1
  // The values' names, as a table prints them.
  const CaseLedger& hazard = schema_->ledger(static_cast<std::size_t>(schema_->Find("hazard")));
  const engine::Field* category = FindSplitField(hazard, "category");
  ASSERT_NE(category, nullptr);
  EXPECT_EQ(SplitValueCount(*category), 3);
  EXPECT_EQ(SplitValueLabel(*category, 0), "未填");
  EXPECT_EQ(SplitValueLabel(*category, 2), "electric名");
}

TEST_F(CaseCubeTest, OnlyALedgersCasesAreSplitAndOnlyByAFieldWithFewValues) {
  MeasureCatalog catalog(nullptr, schema_.get());
  const auto error = [&](const char* expr, const char* field) {
    auto s = Split(expr, field, &catalog);
    return s.ok() ? std::string() : std::string(s.status().message());
  };
  EXPECT_NE(error("cases(hazard)", "money").find("没有可分组的字段 'money'"), std::string::npos);
  EXPECT_NE(error("cases(hazard)", "found_on").find("category"), std::string::npos);
  EXPECT_NE(error("students()", "state").find("只有台账事项"), std::string::npos);
  EXPECT_NE(error("cases(hazard) / students()", "category").find("只有台账事项"),
            std::string::npos);
  EXPECT_EQ(error("cases(building, in_use) / cases(building)", "grade"), "");
  // One ledger only: two ledgers' values would be summed by their position.
  EXPECT_NE(error("cases(hazard) + cases(building)", "state").find("只能读一本台账"),
            std::string::npos);
}

TEST_F(CaseCubeTest, SumsAddANumberFieldInYuanAndSkipUnsetValues) {
  EXPECT_DOUBLE_EQ(At("sum(hazard.money)", 2024, county_), 21500.5);  // 1500 + 20000.50
  EXPECT_DOUBLE_EQ(At("sum(hazard.money, level = general)", 2024, county_), 1500);
  EXPECT_DOUBLE_EQ(At("sum(hazard.money)", 2024, town2_), 0);  // h3 has no money
}

TEST_F(CaseCubeTest, CasesAsTheyStandAreOfTheLatestYearOnly) {
  // h2 is still being rectified, whatever year it was found in.
  EXPECT_EQ(At("cases_now(hazard, state = rectifying)", 2025, county_), 1);
  // Found, as they stand: the one of 2025-01-01 and the one with no date yet (in no year's
  // figures, but open today).
  EXPECT_EQ(At("cases_now(hazard, state = found)", 2025, county_), 2);
  EXPECT_EQ(At("cases(hazard, state = found)", 2025, county_), 1);
  EXPECT_TRUE(std::isnan(At("cases_now(hazard, state = rectifying)", 2024, county_)));
  // A stock ledger: one D-grade building still standing (300.50 m²), in use.
  EXPECT_EQ(At("cases(building, grade = d and state != demolished)", 2025, county_), 1);
  EXPECT_EQ(At("cases(building, grade = d and in_use)", 2025, town1_), 1);
  EXPECT_DOUBLE_EQ(At("sum(building.area, grade = d)", 2025, county_), 400.5);
  EXPECT_TRUE(std::isnan(At("cases(building)", 2024, county_)));
}

// A ledger large enough to be summed on several threads, its rows in no order of school or
// month: every cell of the masked filters (one test per word), of a filter tested row by row,
// of a school field and of the ledger as it stands equals the count worked out from the rule
// that made the rows.
TEST_F(CaseCubeTest, ALargeLedgerIsSummedAlikeOnEveryThread) {
  constexpr std::size_t kRows = 450000;  // above 2 × 200,000: two slices on two cores
  const auto junior = [](std::size_t i) { return (i / 1000 % 3 == 0) != (i % 10 == 0); };
  const auto closed = [](std::size_t i) { return i % 4 == 0; };
  const auto month = [](std::size_t i) { return static_cast<int>(1 + i / 5 % 12); };
  const auto yuan = [](std::size_t i) { return static_cast<double>(i % 7); };
  reg_.Cases(kRows, [&](std::size_t i, store::Case* c) {
    char day[16];
    std::snprintf(day, sizeof day, "2024-%02d-05", month(i));
    c->ledger = "hazard";
    c->org_unit_id = junior(i) ? junior_ : primary_;
    c->state = closed(i) ? "closed" : "found";
    c->opened = *core::Date::Parse(day);
    c->fields = std::string(R"({"level":")") + (i % 5 == 0 ? "major" : "general") +
                R"(","found_on":")" + day + R"(","money":")" + std::to_string(i % 7 * 100) +
                R"("})";
  });
  snapshot_ = reg_.Snapshot(schema_.get());
  // The fixture's own cases in 2024: h1 (closed, primary, March, 1500元), h2 (rectifying,
  // primary, October) and h3 (accepted, junior, December); as they stand, h1 is the one closed.
  struct Expected {
    double closed[2][13] = {};  // [junior][0: the year, 1–12: month]
    double money[2][13] = {};
    double found_in_year[2] = {};
    double closed_now = 1;  // h1
  } e;
  e.closed[0][0] = e.closed[0][3] = 1;
  e.money[0][0] = e.money[0][3] = 1500;
  e.found_in_year[0] = 2;
  e.found_in_year[1] = 1;
  for (std::size_t i = 0; i < kRows; ++i) {
    const int j = junior(i) ? 1 : 0;
    e.found_in_year[j] += 1;
    if (!closed(i)) continue;
    e.closed_now += 1;
    for (const int cell : {0, month(i)}) {
      e.closed[j][cell] += 1;
      e.money[j][cell] += yuan(i);
    }
  }
  MeasureCatalog catalog(nullptr, schema_.get());
  for (const char* f :
       {"cases(hazard, state = closed)", "sum(hazard.money, state = closed)",
        "cases(hazard, in_year(found_on))", "cases(hazard, school_type = 311 and state = closed)",
        "cases_now(hazard, state = closed)"}) {
    const auto compiled = CompileFormula(f, FormulaKind::kArithmetic, &catalog);
    ASSERT_TRUE(compiled.ok()) << f << ": " << compiled.status().message();
  }
  // Measure 5: the closed ones by level, read row by row on every thread. Closed and 重大:
  // i % 20 == 0; the fixture's h1 is closed and 一般.
  {
    const auto closed_cases =
        CompileFormula("cases(hazard, state = closed)", FormulaKind::kArithmetic, &catalog);
    ASSERT_TRUE(closed_cases.ok() && SplitFormula(*closed_cases, "level", &catalog).ok());
    // Measure 7 (after 6, the same unsplit): a filter of two clauses, tested row by row.
    const auto either = CompileFormula("cases(hazard, state = closed or level = major)",
                                       FormulaKind::kArithmetic, &catalog);
    ASSERT_TRUE(either.ok() && SplitFormula(*either, "level", &catalog).ok());
  }
  double closed_major = 0, major = 1, closed_general = 1;  // h2 is 重大, h1 closed and 一般
  for (std::size_t i = 0; i < kRows; ++i) {
    closed_major += i % 20 == 0;
    major += i % 5 == 0;
    closed_general += i % 4 == 0 && i % 5 != 0;
  }
  ASSERT_TRUE(catalog.measures()[7].text.ends_with(" by level"));
  const Cube cube = Cube::Compute(*snapshot_, catalog);
  const int y2024 = snapshot_->YearIndex(2024);
  const auto org = [&](std::int64_t id) {
    return static_cast<std::uint32_t>(snapshot_->OrgIndex(id));
  };
  for (int cell = 0; cell <= 12; ++cell) {
    const double county_closed = e.closed[0][cell] + e.closed[1][cell];
    EXPECT_EQ(cube.Count(0, y2024, org(county_), cell), county_closed) << cell;
    EXPECT_EQ(cube.Count(0, y2024, org(primary_), cell), e.closed[0][cell]) << cell;
    EXPECT_EQ(cube.Count(0, y2024, org(town2_), cell), e.closed[1][cell]) << cell;
    EXPECT_DOUBLE_EQ(cube.Count(1, y2024, org(county_), cell), e.money[0][cell] + e.money[1][cell])
        << cell;
    EXPECT_DOUBLE_EQ(cube.Count(1, y2024, org(junior_), cell), e.money[1][cell]) << cell;
    EXPECT_EQ(cube.Count(3, y2024, org(county_), cell), e.closed[1][cell]) << cell;  // junior's
  }
  EXPECT_EQ(cube.Count(2, y2024, org(primary_), kCellTotal), e.found_in_year[0]);
  EXPECT_EQ(cube.Count(2, y2024, org(junior_), kCellTotal), e.found_in_year[1]);
  EXPECT_EQ(cube.Count(4, snapshot_->YearIndex(2025), org(county_), kCellTotal), e.closed_now);
  EXPECT_EQ(cube.Count(5, y2024, org(county_), SplitCell(2)), closed_major);
  EXPECT_EQ(cube.Count(5, y2024, org(county_), SplitCell(1)),
            e.closed[0][0] + e.closed[1][0] - closed_major);
  EXPECT_EQ(cube.Count(5, y2024, org(county_), kCellTotal), e.closed[0][0] + e.closed[1][0]);
  EXPECT_EQ(cube.Count(7, y2024, org(county_), SplitCell(1)), closed_general);
  EXPECT_EQ(cube.Count(7, y2024, org(county_), SplitCell(2)), major);
  EXPECT_EQ(cube.Count(7, y2024, org(county_), kCellTotal), closed_general + major);

  // The rows fall into few cells (2 schools × 12 months × 2 states × 2 levels), which the
  // masked sums read. Case 4 (closed, junior, January, 4元) is reopened: a cube counted afresh
  // from the cells as they now are has one closed case and 4元 fewer in its cells.
  const CaseRows& rows = snapshot_->cases(static_cast<std::size_t>(schema_->Find("hazard")));
  ASSERT_TRUE(rows.cells.held());
  EXPECT_LE(rows.cells.size(), 2u * 12 * 2 * 2 + 5);  // and the fixture's five
  ASSERT_TRUE(junior(4) && closed(4) && month(4) == 1 && yuan(4) == 4);
  const std::int64_t id = rows.ids[rows.size() - kRows + 4];  // after the fixture's, by id
  auto stored = reg_.store().FindCase(id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  ASSERT_EQ((*stored)->state, "closed");
  ASSERT_EQ((*stored)->org_unit_id, junior_);
  store::Case reopened = **stored;
  reopened.state = "found";
  ASSERT_TRUE(snapshot_->UpdateCase(reopened).ok());
  const Cube after = Cube::Compute(*snapshot_, catalog);
  for (const int cell : {0, 1}) {
    EXPECT_EQ(after.Count(0, y2024, org(junior_), cell), e.closed[1][cell] - 1) << cell;
    EXPECT_DOUBLE_EQ(after.Count(1, y2024, org(junior_), cell), e.money[1][cell] - 4) << cell;
    EXPECT_EQ(after.Count(0, y2024, org(primary_), cell), e.closed[0][cell]) << cell;
  }
  EXPECT_EQ(after.Count(0, y2024, org(junior_), 2), e.closed[1][2]);  // February: unchanged
  EXPECT_EQ(after.Count(4, snapshot_->YearIndex(2025), org(county_), kCellTotal), e.closed_now - 1);

  // Closed again, but found at the primary school in March: it leaves the junior school's
  // January for the primary school's March (its old unit and month taken out of their cell).
  store::Case elsewhere = **stored;
  elsewhere.org_unit_id = primary_;
  elsewhere.fields = R"({"level":"general","found_on":"2024-03-05","money":"400"})";
  ASSERT_TRUE(snapshot_->UpdateCase(elsewhere).ok());
  const Cube moved = Cube::Compute(*snapshot_, catalog);
  for (const int cell : {0, 1}) {
    EXPECT_EQ(moved.Count(0, y2024, org(junior_), cell), e.closed[1][cell] - 1) << cell;
    EXPECT_DOUBLE_EQ(moved.Count(1, y2024, org(junior_), cell), e.money[1][cell] - 4) << cell;
  }
  for (const int cell : {0, 3}) {
    EXPECT_EQ(moved.Count(0, y2024, org(primary_), cell), e.closed[0][cell] + 1) << cell;
    EXPECT_DOUBLE_EQ(moved.Count(1, y2024, org(primary_), cell), e.money[0][cell] + 4) << cell;
  }
  EXPECT_EQ(moved.Count(0, y2024, org(county_), kCellTotal), e.closed[0][0] + e.closed[1][0]);
  EXPECT_EQ(moved.Count(4, snapshot_->YearIndex(2025), org(county_), kCellTotal), e.closed_now);
  // And back as it was stored, closed at the junior school in January: every cell as at first.
  ASSERT_TRUE(snapshot_->UpdateCase(**stored).ok());
  const Cube back = Cube::Compute(*snapshot_, catalog);
  for (int cell = 0; cell <= 12; ++cell) {
    EXPECT_EQ(back.Count(0, y2024, org(junior_), cell), e.closed[1][cell]) << cell;
    EXPECT_EQ(back.Count(0, y2024, org(primary_), cell), e.closed[0][cell]) << cell;
    EXPECT_DOUBLE_EQ(back.Count(1, y2024, org(primary_), cell), e.money[0][cell]) << cell;
  }
}

TEST_F(CaseCubeTest, TheCasesBehindACellAreListed) {
  MeasureCatalog catalog(nullptr, schema_.get());
  ASSERT_TRUE(CompileFormula("sum(hazard.money)", FormulaKind::kArithmetic, &catalog).ok());
  const Provenance p = RecordsBehind(*snapshot_, catalog, 0, snapshot_->YearIndex(2024),
                                     static_cast<std::uint32_t>(snapshot_->OrgIndex(county_)), 10);
  std::set<std::int64_t> ids;
  for (const RecordRef& r : p.records) ids.insert(r.id);
  EXPECT_EQ(ids, (std::set<std::int64_t>{h1_, h2_}));  // h3 has nothing to add
  EXPECT_DOUBLE_EQ(p.sum, 21500.5);
}

// A case moved: the snapshot takes its row as it now reads and the cube adds the difference,
// and every cell then equals a cube computed afresh from the changed snapshot.
TEST_F(CaseCubeTest, ACaseMoveIsRecountedInPlace) {
  MeasureCatalog catalog(nullptr, schema_.get());
  for (const char* f :
       {"cases(hazard)", "cases(hazard, state = closed)", "cases(hazard, level = major)",
        "cases_now(hazard, state = rectifying)", "sum(hazard.money)",
        "sum(hazard.money, school_type = 311)", "cases(building, grade = d)"}) {
    ASSERT_TRUE(CompileFormula(f, FormulaKind::kArithmetic, &catalog).ok()) << f;
  }
  // And split by a field of the cases: their cells are the field's values.
  for (const auto& [f, field] :
       {std::pair{"cases(hazard)", "category"}, std::pair{"cases_now(hazard)", "state"},
        std::pair{"sum(hazard.money)", "学段"}}) {
    auto compiled = CompileFormula(f, FormulaKind::kArithmetic, &catalog);
    ASSERT_TRUE(compiled.ok() && SplitFormula(*compiled, field, &catalog).ok()) << f;
  }
  // The fixture's few cases are summed row by row (as many cells as rows: none held).
  ASSERT_FALSE(snapshot_->cases(static_cast<std::size_t>(schema_->Find("hazard"))).cells.held());
  Cube cube = Cube::Compute(*snapshot_, catalog);
  const auto agrees = [&](const std::string& after) {
    const Cube fresh = Cube::Compute(*snapshot_, catalog);
    for (std::uint32_t m = 0; m < catalog.size(); ++m) {
      for (int y = 0; y < static_cast<int>(snapshot_->years().size()); ++y) {
        for (std::uint32_t org = 0; org < snapshot_->org_count(); ++org) {
          for (int cell = kCellTotal; cell < kCellCount; ++cell) {
            const double a = cube.Count(m, y, org, cell);
            const double b = fresh.Count(m, y, org, cell);
            if (std::isnan(b)) {
              EXPECT_TRUE(std::isnan(a)) << after << ": " << catalog.measures()[m].text;
            } else {
              EXPECT_NEAR(a, b, 1e-9)
                  << after << ": " << catalog.measures()[m].text << " year "
                  << snapshot_->years()[y] << " org " << org << " cell " << cell;
            }
          }
        }
      }
    }
  };
  const auto move = [&](std::int64_t id, auto edit) {
    auto c = reg_.store().FindCase(id);
    ASSERT_TRUE(c.ok() && c->has_value());
    store::Case moved = **c;
    edit(moved);
    auto change = snapshot_->UpdateCase(moved);
    ASSERT_TRUE(change.ok()) << change.status().message();
    cube.RecountCase(*change);
  };
  // h2 (2024, primary, 重大, rectifying, 20000.50元) is closed: one rectifying fewer now, one
  // closed more in 2024.
  move(h2_, [](store::Case& c) { c.state = "closed"; });
  agrees("closed");
  // h2 is of the fire category after all: it leaves the electric cell for the fire one.
  move(h2_, [](store::Case& c) {
    c.state = "closed";
    c.fields = R"({"category":"fire","level":"major","found_on":"2024-10-10","money":"2000050"})";
  });
  agrees("recategorised");
  std::uint32_t by_category = 0;
  while (catalog.measures()[by_category].text != "cases(hazard) by category") ++by_category;
  EXPECT_EQ(cube.Count(by_category, snapshot_->YearIndex(2024), snapshot_->OrgIndex(county_),
                       SplitCell(1)),
            3);  // h1, h2 and h3 are all fire
  EXPECT_EQ(cube.Count(by_category, snapshot_->YearIndex(2024), snapshot_->OrgIndex(county_),
                       SplitCell(2)),
            0);
  EXPECT_EQ(cube.Count(1, snapshot_->YearIndex(2024), snapshot_->OrgIndex(county_), kCellTotal),
            2);  // h1 and h2
  // h2 found in 2025 after all, at the junior school of the other township: its money moves
  // with it, into the 初中's sum.
  move(h2_, [&](store::Case& c) {
    c.state = "closed";
    c.org_unit_id = junior_;
    c.fields = R"({"category":"electric","level":"major","found_on":"2025-03-01",)"
               R"("money":"2000050"})";
  });
  agrees("moved to 2025");
  EXPECT_DOUBLE_EQ(
      cube.Count(5, snapshot_->YearIndex(2025), snapshot_->OrgIndex(county_), kCellTotal), 20000.5);
  // Found in 2023, a year the ledger held no case in: the ledger's measures are counted anew.
  move(h1_, [](store::Case& c) {
    c.fields = R"({"category":"fire","level":"general","found_on":"2023-05-05","money":"150000"})";
  });
  agrees("moved to 2023");
  EXPECT_EQ(cube.Count(0, snapshot_->YearIndex(2023), snapshot_->OrgIndex(county_), kCellTotal), 1);
  // A year the snapshot does not hold, or a case it does not hold, needs a rebuild.
  auto c = reg_.store().FindCase(h3_);
  ASSERT_TRUE(c.ok() && c->has_value());
  store::Case far = **c;
  far.fields = R"({"level":"general","found_on":"2030-01-01"})";
  EXPECT_EQ(snapshot_->UpdateCase(far).status().reason(), "snapshot_rebuild");
  far.id = 999999;
  EXPECT_EQ(snapshot_->UpdateCase(far).status().reason(), "snapshot_rebuild");
}

TEST_F(CaseCubeTest, AWrongLedgerOrFieldIsAnErrorThatNamesIt) {
  EXPECT_NE(CompileError("cases(nothing)").find("未知的台账 'nothing'"), std::string::npos);
  EXPECT_NE(CompileError("sum(hazard.category)").find("没有数值字段 'category'"),
            std::string::npos);
  EXPECT_NE(CompileError("sum(hazard.category)").find("money"), std::string::npos);
  EXPECT_NE(CompileError("sum(hazard)").find("sum 的写法"), std::string::npos);
  EXPECT_NE(CompileError("cases(hazard, in_year(level))").find("不是台账的日期字段"),
            std::string::npos);
  EXPECT_NE(CompileError("cases(hazard, level = urgent)").find("'urgent' 不是"), std::string::npos);
}

}  // namespace
}  // namespace eduledger::engine
