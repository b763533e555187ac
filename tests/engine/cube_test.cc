// The engine on a register small enough to count by hand. Every expected figure below is
// worked out in the comment beside it from the records the fixture adds.
#include "engine/cube.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/tiny_register.h"

namespace eduledger::engine {
namespace {

using core::Sex;
using meta::EventType;
using meta::OrgLevel;

class CubeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& r = reg_;
    county_ = r.Unit("439901", OrgLevel::kCounty);
    town1_ = r.Unit("439901001", OrgLevel::kTownship, county_);
    town2_ = r.Unit("439901002", OrgLevel::kTownship, county_);
    primary_ = r.Unit("2143990001", OrgLevel::kSchool, town1_, 211);
    junior_ = r.Unit("3143990002", OrgLevel::kSchool, town1_, 311);
    nine_year_ = r.Unit("3143990003", OrgLevel::kSchool, town2_, 312);
    // Grade 5 at the primary school in 2023.
    const auto a = r.Student(Sex::kMale, "2013-05-01");  // stays, grade 6 in 2024
    r.Enrol(a, 2023, primary_, 5, "5班");
    r.Enrol(a, 2024, primary_, 6, "6班");
    const auto b = r.Student(Sex::kFemale, "2013-07-01");  // drops out, gone in 2024
    r.Enrol(b, 2023, primary_, 5, "5班");
    r.Event(b, EventType::kDropOut, "2023-11-10", primary_);
    const auto c = r.Student(Sex::kMale, "2013-02-01");  // transfers mid-year: no dropout
    r.Enrol(c, 2023, primary_, 5, "5班");
    r.Event(c, EventType::kTransferOut, "2024-03-01", primary_);
    r.Event(c, EventType::kTransferIn, "2024-03-01", nine_year_);
    r.Enrol(c, 2024, nine_year_, 6, "6班");
    const auto d = r.Student(Sex::kFemale, "2012-12-01", 3);  // minority; drops out, returns
    r.Enrol(d, 2023, primary_, 5, "5班");
    r.Event(d, EventType::kDropOut, "2023-10-01", primary_);
    r.Event(d, EventType::kReturn, "2024-01-05", primary_);
    r.Enrol(d, 2024, primary_, 6, "6班");
    // Grade 6 in 2023: all three graduate; two go on to a junior school.
    const auto g1 = r.Student(Sex::kMale, "2012-03-01");
    r.Enrol(g1, 2023, primary_, 6, "6班");
    r.Event(g1, EventType::kGraduate, "2024-06-30", primary_);
    r.Enrol(g1, 2024, junior_, 7, "1班");
    const auto g2 = r.Student(Sex::kFemale, "2012-04-01");
    r.Enrol(g2, 2023, primary_, 6, "6班");
    r.Event(g2, EventType::kGraduate, "2024-06-30", primary_);
    g2_ = g2;
    const auto g3 = r.Student(Sex::kMale, "2011-08-31");  // exactly 12 on 2023-08-31
    r.Enrol(g3, 2023, primary_, 6, "6班");
    r.Event(g3, EventType::kGraduate, "2024-06-30", primary_);
    r.Enrol(g3, 2024, nine_year_, 7, "7班");
    r.Teacher(2023, primary_, meta::EducationLevel::kPrimary);
    snapshot_ = r.Snapshot();
  }

  std::uint32_t Org(std::int64_t id) {
    const std::int32_t i = snapshot_->OrgIndex(id);
    EXPECT_GE(i, 0);
    return static_cast<std::uint32_t>(i);
  }

  // The value of `source` for `org` in statistics year `year`, cell `cell`; `years_back` 1: a
  // flow, over the school year that ended before `year`'s snapshot.
  double Value(std::string_view source, int year, std::int64_t org, int cell = kCellTotal,
               int years_back = 0) {
    MeasureCatalog catalog;
    auto f = CompileFormula(source, FormulaKind::kArithmetic, &catalog, nullptr,
                            {.flow = years_back == 1});
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    if (!f.ok()) return -1;
    const Cube cube = Cube::Compute(*snapshot_, catalog);
    return cube.Evaluate(*f, snapshot_->YearIndex(year), Org(org), cell);
  }
  double FlowValue(std::string_view source, int year, std::int64_t org, int cell = kCellTotal) {
    return Value(source, year, org, cell, 1);
  }

  RateCell Rate(std::string_view num, std::string_view den, int year, std::int64_t org,
                int cell = kCellTotal, int years_back = 0) {
    MeasureCatalog catalog;
    RatePlan plan;
    plan.numerator = *CompileFormula(num, FormulaKind::kArithmetic, &catalog, nullptr,
                                     {.flow = years_back == 1});
    plan.denominator = *CompileFormula(den, FormulaKind::kArithmetic, &catalog, nullptr,
                                       {.flow = years_back == 1});
    plan.factor = 100;
    const Cube cube = Cube::Compute(*snapshot_, catalog);
    return cube.Rate(plan, snapshot_->YearIndex(year), Org(org), cell);
  }
  // A flow of statistics year `year`: over the school year `year` - 1.
  RateCell FlowRate(std::string_view num, std::string_view den, int year, std::int64_t org,
                    int cell = kCellTotal) {
    return Rate(num, den, year, org, cell, 1);
  }

  testing::TinyRegister reg_;
  std::int64_t county_ = 0, town1_ = 0, town2_ = 0, primary_ = 0, junior_ = 0, nine_year_ = 0;
  std::int64_t g2_ = 0;
  std::unique_ptr<Snapshot> snapshot_;
};

TEST_F(CubeTest, CountsEnrolmentAtEverySchoolAndRollsUp) {
  EXPECT_EQ(snapshot_->years(), (std::vector<int>{2023, 2024}));
  // 2023: seven pupils, all at the primary school in township 1.
  EXPECT_EQ(Value("students()", 2023, primary_), 7);
  EXPECT_EQ(Value("students()", 2023, town1_), 7);
  EXPECT_EQ(Value("students()", 2023, town2_), 0);
  EXPECT_EQ(Value("students()", 2023, county_), 7);
  // 2024: a, d (primary school); c, g3 (nine-year school); g1 (junior school).
  EXPECT_EQ(Value("students()", 2024, county_), 5);
  EXPECT_EQ(Value("students(level = primary)", 2024, county_), 3);  // a, d, c
  EXPECT_EQ(Value("students(level = junior)", 2024, county_), 2);   // g1, g3
  EXPECT_EQ(Value("students(level = junior)", 2024, town2_), 1);    // g3
}

TEST_F(CubeTest, SplitsBySexAndGrade) {
  EXPECT_EQ(Value("students()", 2023, county_, SexCell(Sex::kMale)), 4);  // a c g1 g3
  EXPECT_EQ(Value("students()", 2023, county_, SexCell(Sex::kFemale)), 3);
  EXPECT_EQ(Value("students()", 2023, county_, GradeCell(5)), 4);
  EXPECT_EQ(Value("students()", 2023, county_, GradeCell(6)), 3);
  EXPECT_EQ(Value("students()", 2023, county_, GradeCell(1)), 0);
}

TEST_F(CubeTest, DropoutCountsNeitherTransfersNorReturnsWithinTheYear) {
  // Of 7 pupils in 2023: b dropped out; c transferred (not a dropout); d dropped out and
  // came back within the year (not a dropout). 1 / 7 = 14.2857…%. The school year 2023-24
  // is the flow window of statistics year 2024.
  const RateCell r = FlowRate("students(level = primary and end_status = dropped_out)",
                              "students(level = primary)", 2024, county_);
  EXPECT_EQ(r.numerator, 1);
  EXPECT_EQ(r.denominator, 7);
  EXPECT_NEAR(r.value, 100.0 / 7, 1e-9);
  // Both b and d had a dropout event in the year.
  EXPECT_EQ(FlowValue("students(had(drop_out))", 2024, county_), 2);
  EXPECT_EQ(FlowValue("students(had(transfer_out, transfer_in))", 2024, county_), 1);  // c
  EXPECT_EQ(FlowValue("students(not had(drop_out))", 2024, county_), 5);
  // The same as years_before(1, …) at 2024.
  EXPECT_EQ(Value("years_before(1, students(end_status = dropped_out))", 2024, county_), 1);
}

TEST_F(CubeTest, NestedYearsBeforeAddUpAndAreBounded) {
  MeasureCatalog catalog;
  // 20 + 10 = 30 years back: the bound, compiled.
  EXPECT_TRUE(CompileFormula("years_before(20, years_before(10, students()))",
                             FormulaKind::kArithmetic, &catalog)
                  .ok());
  // 9 × 30 = 270 would wrap a byte to 14: refused instead.
  std::string deep = "students()";
  for (int i = 0; i < 9; ++i) deep = "years_before(30, " + deep + ")";
  const auto f = CompileFormula(deep, FormulaKind::kArithmetic, &catalog);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("最多 30 年"), std::string::npos) << f.status().message();
  EXPECT_FALSE(CompileFormula("years_before(20, years_before(11, students()))",
                              FormulaKind::kArithmetic, &catalog)
                   .ok());
}

TEST_F(CubeTest, WhatHappensDuringAYearIsReadOnlyOnceItHasEnded) {
  // At the snapshot of 2023 the school year 2023-24 has just begun: its dropouts, transfers
  // and where its pupils go next are not known yet.
  MeasureCatalog catalog;
  ExprError error;
  for (const char* text : {"students(end_status = dropped_out)", "students(had(drop_out))",
                           "students(next_level = junior)",
                           "students(grade = 6) - "
                           "students(end_status = graduated)"}) {
    const auto f = CompileFormula(text, FormulaKind::kArithmetic, &catalog, &error);
    ASSERT_FALSE(f.ok()) << text;
    EXPECT_EQ(f.status().reason(), "bad_formula");
    EXPECT_NE(f.status().message().find("flow"), std::string::npos) << f.status().message();
  }
  EXPECT_TRUE(CompileFormula("students(end_status = dropped_out)", FormulaKind::kArithmetic,
                             &catalog, nullptr, {.flow = true})
                  .ok());
  EXPECT_TRUE(CompileFormula("years_before(1, students(had(drop_out))) <= 3",
                             FormulaKind::kComparison, &catalog)
                  .ok());
  // A half-year figure reads the running year as recorded so far, when it asks to.
  EXPECT_TRUE(CompileFormula("students(had(drop_out))", FormulaKind::kArithmetic, &catalog, nullptr,
                             {.flows_to_date = true})
                  .ok());
  // Statistics year 2025 has no snapshot: the flows of 2024-25 are not held either.
  EXPECT_TRUE(std::isnan(FlowValue("students()", 2025, county_)));
}

TEST_F(CubeTest, PromotionFollowsGraduatesIntoTheNextYear) {
  // Graduates g1, g2, g3; g1 (junior school) and g3 (nine-year school, grade 7) go on.
  const std::string num =
      "students(level = primary and end_status = graduated and next_level = junior)";
  const std::string den = "students(level = primary and end_status = graduated)";
  // Statistics year 2024: the graduates of summer 2024 and where they are on 2024-09-01.
  const RateCell all = FlowRate(num, den, 2024, county_);
  EXPECT_EQ(all.numerator, 2);
  EXPECT_EQ(all.denominator, 3);
  EXPECT_NEAR(all.value, 200.0 / 3, 1e-9);
  EXPECT_NEAR(FlowRate(num, den, 2024, county_, SexCell(Sex::kMale)).value, 100, 1e-9);
  EXPECT_EQ(FlowRate(num, den, 2024, county_, SexCell(Sex::kFemale)).value, 0);
  EXPECT_EQ(FlowValue("students(next_level = none)", 2024, county_), 2);  // b and g2
}

TEST_F(CubeTest, StatusOnTheSnapshotDayLeavesOutPupilsOnLeaveOrNotYetBack) {
  // e goes on 休学 in March 2024 and resumes on 3 September: on 2024-09-01 she is on leave.
  // f drops out in May 2024 and is back on the roll for 2024 but returns only on 10 September.
  // h resumes on the snapshot day itself: that belongs to the new school year, so on the day
  // she still counts as on leave. The other 2024 pupils (a, c, d, g1, g3) are in school; d's
  // return in January 2024 undid her October dropout.
  auto& r = reg_;
  const auto e = r.Student(Sex::kFemale, "2013-03-01");
  r.Enrol(e, 2023, primary_, 5, "5班");
  r.Event(e, EventType::kSuspend, "2024-03-10", primary_);
  r.Enrol(e, 2024, primary_, 5, "5班");
  r.Event(e, EventType::kResume, "2024-09-03", primary_);
  const auto f = r.Student(Sex::kMale, "2013-04-01");
  r.Enrol(f, 2023, primary_, 5, "5班");
  r.Event(f, EventType::kDropOut, "2024-05-06", primary_);
  r.Enrol(f, 2024, primary_, 5, "5班");
  r.Event(f, EventType::kReturn, "2024-09-10", primary_);
  const auto h = r.Student(Sex::kMale, "2013-06-01");
  r.Enrol(h, 2023, primary_, 5, "5班");
  r.Event(h, EventType::kSuspend, "2024-04-01", primary_);
  r.Enrol(h, 2024, primary_, 5, "5班");
  r.Event(h, EventType::kResume, "2024-09-01", primary_);
  snapshot_ = r.Snapshot();
  EXPECT_EQ(Value("students()", 2024, county_), 8);
  EXPECT_EQ(Value("students(start_status = in_school)", 2024, county_), 5);
  EXPECT_EQ(Value("students(start_status = suspended)", 2024, county_), 2);  // e, h
  EXPECT_EQ(Value("students(start_status = 辍学)", 2024, county_), 1);       // f
  // At the 2023 snapshot all of them were in school; a graduation does not count against g1
  // at the junior school in 2024.
  EXPECT_EQ(Value("students(start_status = in_school)", 2023, county_), 10);
  EXPECT_EQ(Value("students(start_status = in_school and level = junior)", 2024, county_), 2);
}

TEST_F(CubeTest, ZeroDenominatorGivesNoValue) {
  // Township 2 had no pupils in 2023, the start of statistics year 2024's flow window.
  const RateCell r = FlowRate("students(end_status = dropped_out)", "students()", 2024, town2_);
  EXPECT_EQ(r.denominator, 0);
  EXPECT_FALSE(r.has_value());
  EXPECT_TRUE(std::isnan(Value("students() / students(grade = 1)", 2023, county_)));
}

TEST_F(CubeTest, AgeIsTakenOnTheThirtyFirstOfAugust) {
  // On 2023-08-31 g3 (born 2011-08-31) is exactly 12; the other six are 10 or 11.
  EXPECT_EQ(Value("students(age between 6 and 11)", 2023, county_), 6);
  EXPECT_EQ(Value("students(age = 12)", 2023, county_), 1);
  EXPECT_EQ(Value("students(age >= 11)", 2023, county_), 3);  // g1, g2, g3
  // On 31 December a, b and c (born in 2013) are 10, the four born in 2011-2012 older.
  EXPECT_EQ(Value("students(age_on(\"12-31\") = 10)", 2023, county_), 3);
  EXPECT_EQ(Value("students(not age between 6 and 11)", 2023, county_), 1);
}

TEST_F(CubeTest, FlagsEthnicityAndSets) {
  EXPECT_EQ(Value("students(minority)", 2023, county_), 1);  // d
  EXPECT_EQ(Value("students(ethnicity = 3)", 2023, county_), 1);
  EXPECT_EQ(Value("students(sex = 女 and grade in (5, 6))", 2023, county_), 3);
  EXPECT_EQ(Value("students(grade = 5 or sex = female)", 2023, county_), 5);  // 4 + g2
  EXPECT_EQ(Value("students(grade not in (5))", 2023, county_), 3);
}

TEST_F(CubeTest, LooksBackWithYearsBefore) {
  // 2024 junior pupils (g1, g3) per 2023 grade-6 pupils (g1, g2, g3).
  EXPECT_NEAR(
      Value("students(level = junior) / years_before(1, students(grade = 6))", 2024, county_),
      2.0 / 3, 1e-12);
  // 2022 is not in the register: no value.
  EXPECT_TRUE(std::isnan(Value("years_before(1, students())", 2023, county_)));
}

TEST_F(CubeTest, WholeYearsAtOnceMatchTheCellsWorkedOutByHand) {
  MeasureCatalog catalog;
  RatePlan dropout{
      *CompileFormula("students(end_status = dropped_out)", FormulaKind::kArithmetic, &catalog,
                      nullptr, {.flow = true}),
      *CompileFormula("students()", FormulaKind::kArithmetic, &catalog, nullptr, {.flow = true}),
      100};
  const Formula back =
      *CompileFormula("students(level = junior) / years_before(1, students(grade = 6))",
                      FormulaKind::kArithmetic, &catalog);
  const Cube cube = Cube::Compute(*snapshot_, catalog);
  Cube::RateColumns r;
  cube.RatesOfYear(dropout, snapshot_->YearIndex(2024), &r);
  ASSERT_EQ(r.value.size(), snapshot_->org_count() * kCellCount);
  // Statistics year 2024, flows of 2023-24: b dropped out (d came back, c transferred) of the
  // seven pupils.
  const std::size_t county = Cube::CellIndex(Org(county_), kCellTotal);
  EXPECT_EQ(r.numerator[county], 1);
  EXPECT_EQ(r.denominator[county], 7);
  EXPECT_NEAR(r.value[county], 100.0 / 7, 1e-12);
  // Girls: b, d, g2; b dropped out.
  EXPECT_NEAR(r.value[Cube::CellIndex(Org(county_), SexCell(Sex::kFemale))], 100.0 / 3, 1e-12);
  // Boys: a, c, g1, g3; none dropped out.
  EXPECT_EQ(r.value[Cube::CellIndex(Org(county_), SexCell(Sex::kMale))], 0);
  // Township 2 had nobody in 2023: no value, not 0.
  EXPECT_TRUE(std::isnan(r.value[Cube::CellIndex(Org(town2_), kCellTotal)]));

  std::vector<double> values;
  cube.EvaluateYear(back, snapshot_->YearIndex(2024), &values);
  EXPECT_NEAR(values[county], 2.0 / 3, 1e-12);
  cube.EvaluateYear(back, snapshot_->YearIndex(2023), &values);  // 2022 is not held
  EXPECT_TRUE(std::all_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }));
}

TEST_F(CubeTest, RefreshingSchoolsRecountsThemAndAgreesWithAFullBuild) {
  MeasureCatalog catalog;
  for (const char* text :
       {"students()", "students(end_status = dropped_out)", "students(next_level = junior)",
        "students(level = primary and end_status = graduated and next_level = junior)", "classes()",
        "classes(size >= 2)", "staff()", "schools()", "events(type = drop_out)", "events()",
        "students(previous = same_level)"}) {
    ASSERT_TRUE(
        CompileFormula(text, FormulaKind::kArithmetic, &catalog, nullptr, {.flow = true}).ok())
        << text;
  }
  Cube cube = Cube::Compute(*snapshot_, catalog);
  // A new pupil joins the primary school's grade 6 in 2024 and drops out in the autumn.
  const auto n = reg_.Student(Sex::kFemale, "2013-01-01");
  reg_.Enrol(n, 2024, primary_, 6, "6班");
  reg_.Event(n, EventType::kDropOut, "2024-10-01", primary_);
  // g2, who left the primary school in 2024, turns up at the junior school: her 2023 row at
  // the primary school now goes on to junior, though only the junior school is refreshed.
  reg_.Enrol(g2_, 2024, junior_, 7, "1班");
  std::vector<std::uint32_t> changed;
  const std::vector<std::uint32_t> refresh{Org(primary_), Org(junior_)};
  ASSERT_TRUE(snapshot_->RefreshSchools(reg_.store(), refresh, &changed).ok());
  EXPECT_EQ(changed, refresh);
  cube.Recount(changed);

  const std::unique_ptr<Snapshot> fresh = reg_.Snapshot();
  const Cube full = Cube::Compute(*fresh, catalog);
  ASSERT_EQ(fresh->org_count(), snapshot_->org_count());
  for (std::uint32_t m = 0; m < catalog.size(); ++m) {
    for (int y = 0; y < static_cast<int>(fresh->years().size()); ++y) {
      for (std::uint32_t o = 0; o < fresh->org_count(); ++o) {
        for (int c = 0; c < kCellCount; ++c) {
          const double got = cube.Count(m, y, o, c), want = full.Count(m, y, o, c);
          ASSERT_TRUE(got == want || (std::isnan(got) && std::isnan(want)))
              << catalog.measures()[m].text << " year " << y << " org " << o << " cell " << c;
        }
      }
    }
  }
  // By hand: 2024 had five pupils (a, c, d, g1, g3); now n and g2 as well.
  const int y2024 = snapshot_->YearIndex(2024), y2023 = snapshot_->YearIndex(2023);
  EXPECT_EQ(cube.Count(0, y2024, Org(county_), kCellTotal), 7);
  EXPECT_EQ(cube.Count(1, y2024, Org(town1_), SexCell(Sex::kFemale)), 1);  // n
  // Primary graduates going on to junior in 2023: g1, g3 and now g2.
  EXPECT_EQ(cube.Count(3, y2023, Org(county_), kCellTotal), 3);
  // Replaced: the primary school's 7 + 2 pupil rows, 3 classes, 7 events (b, c, d twice, g1,
  // g2, g3) and 2 school-years; the junior school's 1 pupil, 1 class, no event, 1 school-year.
  EXPECT_EQ(snapshot_->stale_rows(), (7u + 2u + 3u + 7u + 2u) + (1u + 1u + 0u + 1u));
}

TEST_F(CubeTest, CountsSchoolsEventsAndEntrants) {
  // Schools with pupils or staff: 2023 the primary school alone; 2024 also the junior school
  // (g1) and the nine-year school (c, g3).
  EXPECT_EQ(Value("schools()", 2023, county_), 1);
  EXPECT_EQ(Value("schools()", 2024, county_), 3);
  EXPECT_EQ(Value("schools(level = junior and counts_as_school)", 2024, county_), 2);
  EXPECT_EQ(Value("schools()", 2024, town2_), 1);
  // Events of 2023-24 (statistics year 2024): b and d dropped out, d came back, c left the
  // primary school for the nine-year school, g1 g2 g3 graduated: 8, at two schools.
  EXPECT_EQ(FlowValue("events()", 2024, county_), 8);
  EXPECT_EQ(FlowValue("events(type = drop_out)", 2024, county_), 2);
  EXPECT_EQ(FlowValue("events(type = 毕业)", 2024, county_), 3);
  EXPECT_EQ(FlowValue("events()", 2024, town2_), 1);  // c's transfer in, at the nine-year school
  // Counted with the grade c had that year (5), and the sex of the student.
  EXPECT_EQ(FlowValue("events(type = transfer_in and grade = 5)", 2024, county_), 1);
  EXPECT_EQ(FlowValue("events()", 2024, county_, SexCell(Sex::kFemale)), 4);  // b, d, d, g2
  // Events are what happened during a year: a stock cannot read them.
  MeasureCatalog catalog;
  EXPECT_FALSE(CompileFormula("events()", FormulaKind::kArithmetic, &catalog).ok());
  // 招生: 2024 rows not at the same level the year before: g1 and g3 entered junior school.
  EXPECT_EQ(Value("students(level = junior and previous != same_level)", 2024, county_), 2);
  EXPECT_EQ(Value("students(previous = same_level)", 2024, county_), 3);  // a, c, d
  // 2023 is the first year held: nobody's previous year is known.
  EXPECT_TRUE(std::isnan(Value("students(previous = none)", 2023, county_)));
}

TEST_F(CubeTest, ASecondEnrolmentAfterATransferIsNotASecondPupil) {
  // m moves from the primary school to the nine-year school on 2023-11-01; the nine-year
  // school's roster of 2023 lists her too, joined that day. On 2023-09-01 she was at the
  // primary school.
  const auto m = reg_.Student(Sex::kFemale, "2013-09-09");
  reg_.Enrol(m, 2023, primary_, 5, "5班");
  reg_.Event(m, EventType::kTransferOut, "2023-11-01", primary_);
  reg_.Event(m, EventType::kTransferIn, "2023-11-01", nine_year_);
  reg_.Enrol(m, 2023, nine_year_, 5, "5班", "2023-11-01");
  snapshot_ = reg_.Snapshot();
  EXPECT_EQ(Value("students()", 2023, county_), 8);
  EXPECT_EQ(Value("students()", 2023, nine_year_), 0);
  EXPECT_EQ(Value("classes()", 2023, nine_year_), 0);  // nobody was in its class on the day
  EXPECT_EQ(Value("schools()", 2023, county_), 1);
  EXPECT_EQ(Value("students(class_size = 5)", 2023, primary_), 5);  // a b c d m in 5班
  // She is not a dropout; her move counts once out of each school.
  EXPECT_EQ(FlowValue("students(end_status = in_school and grade = 5)", 2024, county_), 4);
  EXPECT_EQ(FlowValue("events(type = transfer_in)", 2024, nine_year_), 2);  // c and m
}

TEST_F(CubeTest, ATransferOnTheSnapshotDayCountsAtTheSchoolLeft) {
  // n moves on 2023-09-01 itself: the snapshot is taken as the day begins, so she is on the
  // primary school's roll that day, not the nine-year school's.
  const auto n = reg_.Student(Sex::kFemale, "2013-10-10");
  reg_.Enrol(n, 2023, primary_, 5, "5班");
  reg_.Event(n, EventType::kTransferOut, "2023-09-01", primary_);
  reg_.Enrol(n, 2023, nine_year_, 5, "5班", "2023-09-01");
  snapshot_ = reg_.Snapshot();
  // a b c d g1 g2 g3 and n, all at the primary school.
  EXPECT_EQ(Value("students()", 2023, county_), 8);
  EXPECT_EQ(Value("students()", 2023, primary_), 8);
  EXPECT_EQ(Value("students()", 2023, nine_year_), 0);
  EXPECT_EQ(Value("students(class_size = 5)", 2023, primary_), 5);  // a b c d n in 5班
}

TEST_F(CubeTest, CountsStaffAndClasses) {
  // 7 pupils per full-time primary teacher.
  EXPECT_EQ(Value("students(level = primary) / staff(post = fulltime_teacher and "
                  "level_taught = primary)",
                  2023, county_),
            7);
  // Classes in 2023: 5班 (a b c d) and 6班 (g1 g2 g3).
  EXPECT_EQ(Value("classes()", 2023, county_), 2);
  EXPECT_EQ(Value("classes(size >= 4)", 2023, county_), 1);
  EXPECT_EQ(Value("students(class_size = 3)", 2023, county_), 3);
}

TEST(CompileTest, ErrorsPointAtTheCharacter) {
  MeasureCatalog catalog;
  ExprError error;
  auto r = CompileFormula("students(levle = primary)", FormulaKind::kArithmetic, &catalog, &error);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "bad_formula");
  EXPECT_EQ(CharacterPosition("students(levle = primary)", error.offset), 10);
  EXPECT_NE(r.status().message().find("levle"), std::string::npos);

  r = CompileFormula("students(level = 小学", FormulaKind::kArithmetic, &catalog, &error);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "bad_expression");
  // 19 characters (8 + "(" + 5 + " = " + 2); parsing stops after the last, at the 20th.
  EXPECT_EQ(CharacterPosition("students(level = 小学", error.offset), 20);

  r = CompileFormula("students(level = 大学)", FormulaKind::kArithmetic, &catalog, &error);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(CharacterPosition("students(level = 大学)", error.offset), 18);

  r = CompileFormula("teachers()", FormulaKind::kArithmetic, &catalog, &error);
  EXPECT_FALSE(r.ok());
  r = CompileFormula("students() <= 3", FormulaKind::kArithmetic, &catalog, &error);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(CompileFormula("students() <= 3", FormulaKind::kComparison, &catalog).ok());
}

TEST(CompileTest, SharesIdenticalMeasures) {
  MeasureCatalog catalog;
  ASSERT_TRUE(CompileFormula("students(level = primary) + students(level = primary)",
                             FormulaKind::kArithmetic, &catalog)
                  .ok());
  ASSERT_TRUE(CompileFormula("years_before(2, students(level = primary))", FormulaKind::kArithmetic,
                             &catalog)
                  .ok());
  EXPECT_EQ(catalog.size(), 1u);
}

}  // namespace
}  // namespace eduledger::engine
