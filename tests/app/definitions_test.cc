// The shipped package's definitions on the cases that decide them (DOMAIN.md §4 and its
// decisions), on a register built by hand: pupils on 休学 or not yet back on the snapshot
// day, 成人 schools, the county's own schools (县直), a flow window still open, and the cohort
// 巩固率 compares with. Every expected figure is worked out in the comment beside it.
#include <gtest/gtest.h>

#include <cmath>

#include "app/explain.h"
#include "app/forms.h"
#include "app/indicators.h"
#include "engine/tiny_register.h"
#include "shipped_package.h"

namespace eduledger::app {
namespace {

using core::Sex;
using meta::EventType;
using meta::OrgLevel;

class DefinitionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    md_ = testing::ShippedPackage();
    ASSERT_NE(md_, nullptr);
    auto& r = reg_;
    const auto county = r.Unit("439901", OrgLevel::kCounty);
    const auto t1 = r.Unit("439901001", OrgLevel::kTownship, county);
    const auto t2 = r.Unit("439901002", OrgLevel::kTownship, county);
    const auto p1 = r.Unit("2143990001", OrgLevel::kSchool, t1, 211);
    const auto j1 = r.Unit("3143990002", OrgLevel::kSchool, t1, 311);
    const auto p2 = r.Unit("2143990003", OrgLevel::kSchool, t2, 211);
    // The county's own schools: a senior high school, an adult high and junior school, an
    // adult primary school.
    const auto senior = r.Unit("3443990004", OrgLevel::kSchool, county, 342);
    const auto adult_senior = r.Unit("3543990005", OrgLevel::kSchool, county, 351);
    const auto adult_junior = r.Unit("3343990006", OrgLevel::kSchool, county, 332);
    const auto adult_primary = r.Unit("2243990007", OrgLevel::kSchool, county, 221);

    // Statistics year 2025, snapshot 2025-09-01 (ages on 2025-08-31).
    // P1: a (8) in school; b (9) on 休学 since March, resumes on 3 September; c (10) dropped out
    // in May, back on 10 September; d (12) outside 6-11.
    r.Enrol(r.Student(Sex::kMale, "2017-01-10"), 2025, p1, 3);  // a
    const auto b = r.Student(Sex::kFemale, "2016-03-01");
    r.Enrol(b, 2025, p1, 4);
    r.Event(b, EventType::kSuspend, "2025-03-01", p1);
    r.Event(b, EventType::kResume, "2025-09-03", p1);
    const auto c = r.Student(Sex::kMale, "2015-02-01");
    r.Enrol(c, 2025, p1, 5);
    r.Event(c, EventType::kDropOut, "2025-05-01", p1);
    r.Event(c, EventType::kReturn, "2025-09-10", p1);
    r.Enrol(r.Student(Sex::kMale, "2013-01-01"), 2025, p1, 6);    // d
    r.Enrol(r.Student(Sex::kFemale, "2018-05-05"), 2025, p2, 2);  // e (7), township 2
    // Senior stage: f, g at the high school; h (an adult) at the adult high school.
    r.Enrol(r.Student(Sex::kMale, "2010-03-03"), 2025, senior, 10);        // f
    r.Enrol(r.Student(Sex::kFemale, "2009-04-04"), 2025, senior, 10);      // g
    r.Enrol(r.Student(Sex::kMale, "1990-01-01"), 2025, adult_senior, 10);  // h
    // Grade 9: i, j at the junior school; k, an adult, at the adult junior school.
    r.Enrol(r.Student(Sex::kMale, "2011-02-02"), 2025, j1, 9);            // i
    r.Enrol(r.Student(Sex::kFemale, "2011-06-06"), 2025, j1, 9);          // j
    r.Enrol(r.Student(Sex::kMale, "1985-01-01"), 2025, adult_junior, 9);  // k
    // Grade 1 eight years earlier (2017): l, m, n at P1, o at P2; p at the adult primary.
    for (int i = 0; i < 3; ++i)
      r.Enrol(r.Student(Sex::kMale, "2011-03-0" + std::to_string(i + 1)), 2017, p1, 1);
    r.Enrol(r.Student(Sex::kFemale, "2011-05-05"), 2017, p2, 1);           // o
    r.Enrol(r.Student(Sex::kMale, "1980-01-01"), 2017, adult_primary, 1);  // p
    // The flow window of 2025 (school year 2024): q drops out and does not come back, r moves
    // away; both are accounted for.
    const auto q = r.Student(Sex::kMale, "2015-07-07");
    r.Enrol(q, 2024, p1, 4);
    r.Event(q, EventType::kDropOut, "2024-11-01", p1);
    const auto rr = r.Student(Sex::kFemale, "2014-08-08");
    r.Enrol(rr, 2024, p1, 5);
    r.Event(rr, EventType::kTransferOut, "2025-01-10", p1);

    // Population by age (the townships' forms of 2025), approved: 6-11: 10 + 5 = 15; 15-17:
    // 4 + 2 = 6.
    for (const auto& [org, values] :
         {std::pair{"439901001",
                    std::vector<FormValueInput>{{"school_age_population", "age=8;sex=male", "10"},
                                                {"school_age_population", "age=16;sex=male", "4"}}},
          std::pair{"439901002", std::vector<FormValueInput>{
                                     {"school_age_population", "age=7;sex=female", "5"},
                                     {"school_age_population", "age=15;sex=female", "2"}}}}) {
      SubmitRequest s;
      s.key = FormKey{"population_by_age", org, 2025};
      s.values = values;
      auto submitted = SubmitForm(reg_.store(), actor_, *md_, s);
      ASSERT_TRUE(submitted.ok()) << submitted.status().message();
      ASSERT_TRUE(ApproveForm(reg_.store(), actor_, *md_, s.key).ok());
    }
  }

  IndicatorRow Row(const char* code, IndicatorSplit by = IndicatorSplit::kNone,
                   std::size_t index = 0, core::Date today = *core::Date::FromYmd(2026, 12, 1)) {
    IndicatorRequest r;
    r.year = 2025;
    r.codes = {code};
    r.by = by;
    r.today = today;
    auto t = ComputeIndicators(reg_.store(), actor_, *md_, r);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() && index < t->rows.size() ? t->rows[index] : IndicatorRow{};
  }

  testing::TinyRegister reg_;
  std::unique_ptr<Metadata> md_;
  Actor actor_ = Actor::LocalAdmin();
};

TEST_F(DefinitionsTest, NetEnrolmentLeavesOutPupilsNotInSchoolOnTheSnapshotDay) {
  // Of a, b, c (P1) and e (P2), aged 6-11: b is on 休学 on 1 September and c not yet back, so
  // 2 (a, e) of the 15 children registered: 13.33%.
  const IndicatorRow r = Row("primary_net_enrolment_rate");
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 15);
  EXPECT_EQ(r.text, "13.33%");
}

TEST_F(DefinitionsTest, SeniorGrossEnrolmentCountsAdultHighSchools) {
  // f and g at the high school and h at the adult high school, of 6 aged 15-17: 50.0%.
  const IndicatorRow r = Row("senior_gross_enrolment_rate");
  EXPECT_EQ(r.numerator, 3);
  EXPECT_EQ(r.denominator, 6);
  EXPECT_EQ(r.text, "50.0%");
}

TEST_F(DefinitionsTest, RetentionLeavesOutAdultSchoolsOnBothSides) {
  // Grade 9 in 2025: i, j (k is at the adult junior school); grade 1 in 2017: l, m, n, o (p is
  // at the adult primary school): 2 / 4 = 50.0%.
  const IndicatorRow r = Row("retention_rate");
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 4);
  EXPECT_EQ(r.text, "50.0%");
  // explain lists the cohort's grade-1 records of 2017, not this year's first-graders.
  auto e = ExplainIndicator(reg_.store(), actor_, *md_, "retention_rate", "", 2025, 10,
                            *core::Date::FromYmd(2026, 12, 1));
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_EQ(e->denominator.size(), 1u);
  EXPECT_EQ(e->denominator[0].school_year, 2017);
  EXPECT_EQ(e->denominator[0].total, 4u);
  EXPECT_NE(e->denominator[0].when.find("2017年9月1日"), std::string::npos);
  ASSERT_EQ(e->numerator.size(), 1u);
  EXPECT_EQ(e->numerator[0].school_year, 2025);
}

TEST_F(DefinitionsTest, DropoutsAreCountedOverTheWindowThatEndedAtTheSnapshot) {
  // School year 2024: q dropped out, r moved away: 1 / 2 = 50.00%, complete (both accounted).
  const IndicatorRow r = Row("primary_dropout_rate");
  EXPECT_EQ(r.numerator, 1);
  EXPECT_EQ(r.denominator, 2);
  EXPECT_EQ(r.text, "50.00%");
  EXPECT_TRUE(r.flow);
  EXPECT_FALSE(r.incomplete);
  // Asked for before the window has ended, the year has no annual dropout rate; its stocks
  // are there.
  const core::Date august = *core::Date::FromYmd(2025, 8, 20);
  const IndicatorRow early = Row("primary_dropout_rate", IndicatorSplit::kNone, 0, august);
  EXPECT_TRUE(std::isnan(early.value));
  EXPECT_EQ(early.note.find("统计期未结束"), 0u) << early.note;
  EXPECT_FALSE(early.met.has_value());
  EXPECT_EQ(Row("students", IndicatorSplit::kNone, 0, august).value, 11);
}

TEST_F(DefinitionsTest, AFigureThatReadsASchoolYearNotHeldSaysWhichYear) {
  // The register holds the school years 2017, 2024 and 2025. For statistics year 2024: 招生
  // compares with 2023 (previous), 巩固率 reads grade 1 of 2016, the dropout rate the roll of
  // 2023 (its window); none of them is held.
  IndicatorRequest r;
  r.year = 2024;
  r.codes = {"primary_entrants", "retention_rate", "primary_dropout_rate", "students"};
  r.today = *core::Date::FromYmd(2026, 12, 1);
  auto t = ComputeIndicators(reg_.store(), actor_, *md_, r);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows.size(), 4u);
  const char* missing[] = {"2023-2024学年", "2016-2017学年", "2023-2024学年"};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(std::isnan(t->rows[i].value)) << t->rows[i].code;
    EXPECT_EQ(t->rows[i].note.find("缺少学年记录：库中没有" + std::string(missing[i])), 0u)
        << t->rows[i].code << ": " << t->rows[i].note;
  }
  // q and r of P1 are the pupils of 2024.
  EXPECT_EQ(t->rows[3].value, 2);
  EXPECT_TRUE(t->rows[3].note.empty());
  // explain shows the year it could not read as not held, not as 0 records.
  auto e = ExplainIndicator(reg_.store(), actor_, *md_, "retention_rate", "", 2024, 10,
                            *core::Date::FromYmd(2026, 12, 1));
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_EQ(e->denominator.size(), 1u);
  EXPECT_EQ(e->denominator[0].school_year, 2016);
  EXPECT_FALSE(e->denominator[0].held);
  EXPECT_TRUE(e->numerator[0].held);
}

TEST_F(DefinitionsTest, TownshipRowsAddUpToTheCountyAndPopulationRatesAreNotApplicable) {
  // students(): township 1 = a b c d (P1) + i j (J1) = 6; township 2 = e; the county's own
  // schools = f g h k = 4; the county = 11.
  const IndicatorRow t1 = Row("students", IndicatorSplit::kTownship, 0);
  const IndicatorRow t2 = Row("students", IndicatorSplit::kTownship, 1);
  const IndicatorRow direct = Row("students", IndicatorSplit::kTownship, 2);
  EXPECT_EQ(t1.org_name, "单位439901001");
  EXPECT_EQ(t1.value, 6);
  EXPECT_EQ(t2.value, 1);
  EXPECT_EQ(direct.org_name, "县直学校");
  EXPECT_EQ(direct.org_code, "439901:direct");
  EXPECT_EQ(direct.value, 4);
  EXPECT_EQ(Row("students").value, t1.value + t2.value + direct.value);
  // Population is registered where people live, pupils counted where they study: no
  // township rate, and no target judged.
  for (std::size_t i = 0; i < 3; ++i) {
    const IndicatorRow r = Row("primary_net_enrolment_rate", IndicatorSplit::kTownship, i);
    EXPECT_TRUE(std::isnan(r.value));
    EXPECT_EQ(r.note.find("不适用"), 0u) << r.note;
    EXPECT_FALSE(r.met.has_value());
  }
}

}  // namespace
}  // namespace eduledger::app
