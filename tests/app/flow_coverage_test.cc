// The flows read from the register when its 学籍异动 are missing: none at all in the window
// (no value, and no 流失名单 of everyone who left), or some pupils gone without a record
// (incomplete, but only the figures of the grades they were in). On registers built by hand;
// the expected figures are worked out in the comments.
#include <gtest/gtest.h>

#include <cmath>

#include "app/explain.h"
#include "app/indicators.h"
#include "app/roster_check.h"
#include "engine/tiny_register.h"
#include "shipped_package.h"

namespace eduledger::app {
namespace {

using core::Sex;
using meta::EventType;
using meta::OrgLevel;

class FlowCoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    md_ = testing::ShippedPackage();
    ASSERT_NE(md_, nullptr);
    const auto county = reg_.Unit("439901", OrgLevel::kCounty);
    const auto town = reg_.Unit("439901001", OrgLevel::kTownship, county);
    primary_ = reg_.Unit("2143990001", OrgLevel::kSchool, town, 211);
    junior_ = reg_.Unit("3143990002", OrgLevel::kSchool, town, 311);
    // School year 2024 (the window of statistics year 2025): a, b in grade 4 and c in grade 8
    // move up a grade at their schools; d in grade 8 is on no roll of 2025.
    for (const auto& [sex, birth, school, grade] :
         {std::tuple{Sex::kMale, "2015-01-01", primary_, 4},
          std::tuple{Sex::kFemale, "2015-02-02", primary_, 4},
          std::tuple{Sex::kMale, "2011-03-03", junior_, 8}}) {
      const auto s = reg_.Student(sex, birth);
      reg_.Enrol(s, 2024, school, grade);
      reg_.Enrol(s, 2025, school, grade + 1);
    }
    d_ = reg_.Student(Sex::kFemale, "2011-04-04");
    reg_.Enrol(d_, 2024, junior_, 8);
  }

  IndicatorRow Row(const char* code) {
    IndicatorRequest r;
    r.year = 2025;
    r.codes = {code};
    r.today = *core::Date::FromYmd(2026, 12, 1);
    auto t = ComputeIndicators(reg_.store(), actor_, *md_, r);
    EXPECT_TRUE(t.ok()) << t.status().message();
    if (!t.ok() || t->rows.empty()) return IndicatorRow{};
    last_leavers_ = t->leavers;
    return t->rows[0];
  }

  RosterCheck Roster() {
    auto r = CheckRoster(reg_.store(), actor_, *md_, 2025, "", *core::Date::FromYmd(2026, 12, 1));
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : RosterCheck{};
  }

  testing::TinyRegister reg_;
  std::unique_ptr<Metadata> md_;
  Actor actor_ = Actor::LocalAdmin();
  std::int64_t primary_ = 0;
  std::int64_t junior_ = 0;
  std::int64_t d_ = 0;
  std::vector<UnitLeavers> last_leavers_;
};

TEST_F(FlowCoverageTest, WithoutAnyEventTheFlowsHaveNoValueNotZero) {
  // No event at all in 2024-09-01..2025-08-31: 0 dropouts of 2 pupils would read as 0.00%.
  for (const char* code : {"primary_dropout_rate", "junior_dropout_rate", "graduates",
                           "unexplained_leavers", "transfers_out"}) {
    const IndicatorRow r = Row(code);
    EXPECT_TRUE(std::isnan(r.value)) << code;
    EXPECT_TRUE(r.text.empty()) << code;
    EXPECT_EQ(r.note.find("无学籍异动记录"), 0u) << code << ": " << r.note;
    EXPECT_NE(r.note.find("2024年9月1日至2025年8月31日"), std::string::npos) << r.note;
    EXPECT_FALSE(r.incomplete) << code;
    EXPECT_FALSE(r.met.has_value()) << code;
  }
  // explain lists no records behind a figure that was not counted.
  auto e = ExplainIndicator(reg_.store(), actor_, *md_, "junior_dropout_rate", "", 2025, 10,
                            *core::Date::FromYmd(2026, 12, 1));
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_FALSE(e->row.counted);
  EXPECT_TRUE(e->numerator.empty());
  EXPECT_TRUE(e->denominator.empty());
  // The stocks are there: a, b, c on the 2025 roll.
  EXPECT_EQ(Row("students").value, 3);
  EXPECT_TRUE(Row("students").counted);
  // The roster check does not list d (or anyone) as 流失: it cannot tell.
  const RosterCheck roster = Roster();
  EXPECT_FALSE(roster.events_recorded);
  EXPECT_FALSE(roster.checked);
  EXPECT_EQ(roster.total, 0);
  EXPECT_TRUE(roster.gaps.empty());
}

TEST_F(FlowCoverageTest, AnUnrecordedLeaverMakesOnlyTheFiguresOfItsPupilsIncomplete) {
  // One event in the window: e, a third pupil of grade 4, goes on 休学 in March and is on the
  // 2025 roll in grade 4 again. d (grade 8) remains unexplained: the one 流失 pupil.
  const auto e = reg_.Student(Sex::kMale, "2015-05-05");
  reg_.Enrol(e, 2024, primary_, 4);
  reg_.Event(e, EventType::kSuspend, "2025-03-01", primary_);
  reg_.Enrol(e, 2025, primary_, 4);
  const RosterCheck roster = Roster();
  EXPECT_TRUE(roster.events_recorded);
  EXPECT_TRUE(roster.checked);
  EXPECT_EQ(roster.total, 1);
  ASSERT_EQ(roster.gaps.size(), 1u);
  EXPECT_EQ(roster.gaps[0].school_code, "3143990002");

  // 小学年辍学率: 0 dropouts of the 3 primary pupils of 2024 (a, b, e), all accounted for:
  // 0.00%, complete.
  const IndicatorRow primary = Row("primary_dropout_rate");
  EXPECT_EQ(primary.numerator, 0);
  EXPECT_EQ(primary.denominator, 3);
  EXPECT_EQ(primary.text, "0.00%");
  EXPECT_FALSE(primary.incomplete) << primary.note;
  // 初中年辍学率: 0 of c and d, but d is in grade 8 and unexplained: incomplete, naming 1 pupil.
  const IndicatorRow junior = Row("junior_dropout_rate");
  EXPECT_EQ(junior.denominator, 2);
  EXPECT_EQ(junior.text, "0.00%");
  EXPECT_TRUE(junior.incomplete);
  EXPECT_NE(junior.note.find("所计学生中有 1 名"), std::string::npos) << junior.note;
  // A count of 0 is incomplete too when its pupils are missing: 0 初中毕业生 among c and d,
  // and d is gone; 0 小学毕业生 among a, b, e, all accounted for.
  const IndicatorRow junior_graduates = Row("junior_graduates");
  EXPECT_EQ(junior_graduates.value, 0);
  EXPECT_TRUE(junior_graduates.incomplete);
  const IndicatorRow primary_graduates = Row("primary_graduates");
  EXPECT_EQ(primary_graduates.value, 0);
  EXPECT_FALSE(primary_graduates.incomplete);
  // A count of 学籍异动 may miss d's: incomplete whatever its level.
  EXPECT_TRUE(Row("suspensions").incomplete);
  // The table accounts for the unit's leavers by grade: one in 八年级.
  ASSERT_EQ(last_leavers_.size(), 1u);
  EXPECT_EQ(last_leavers_[0].org_code, "439901");
  EXPECT_EQ(last_leavers_[0].total, 1);
  ASSERT_EQ(last_leavers_[0].by_grade.size(), 1u);
  EXPECT_EQ(last_leavers_[0].by_grade[0].first, 8);
}

// A pupil who went on 休学, or dropped out, and is still away when the next school year ends
// stays so: not a pupil who vanished unrecorded, and not a second dropout.
TEST(FlowCarryTest, AnAbsenceCarriesIntoTheNextSchoolYear) {
  testing::TinyRegister reg;
  const auto md = testing::ShippedPackage();
  ASSERT_NE(md, nullptr);
  const auto county = reg.Unit("439901", OrgLevel::kCounty);
  const auto town = reg.Unit("439901001", OrgLevel::kTownship, county);
  const auto school = reg.Unit("2143990001", OrgLevel::kSchool, town, 211);
  // s goes on 休学 in November 2024 and never comes back; t drops out in March 2025 and never
  // comes back; both stay on the school's roll of 2025 and are gone in 2026. u moves up each
  // year. v joins in 2025 and goes on 休学 in January 2026 (an event of the 2026 window).
  const auto s = reg.Student(Sex::kMale, "2016-01-01");
  reg.Enrol(s, 2024, school, 3);
  reg.Event(s, EventType::kSuspend, "2024-11-04", school);
  reg.Enrol(s, 2025, school, 3);
  const auto t = reg.Student(Sex::kFemale, "2016-02-02");
  reg.Enrol(t, 2024, school, 3);
  reg.Event(t, EventType::kDropOut, "2025-03-01", school);
  reg.Enrol(t, 2025, school, 3);
  const auto u = reg.Student(Sex::kMale, "2016-03-03");
  reg.Enrol(u, 2024, school, 3);
  reg.Enrol(u, 2025, school, 4);
  reg.Enrol(u, 2026, school, 5);
  const auto v = reg.Student(Sex::kFemale, "2015-04-04");
  reg.Enrol(v, 2025, school, 4);
  reg.Event(v, EventType::kSuspend, "2026-01-10", school);
  reg.Enrol(v, 2026, school, 5);

  const auto row = [&](const char* code, int year) {
    IndicatorRequest r;
    r.year = year;
    r.codes = {code};
    r.today = *core::Date::FromYmd(2026, 12, 1);
    auto table = ComputeIndicators(reg.store(), Actor::LocalAdmin(), *md, r);
    EXPECT_TRUE(table.ok()) << table.status().message();
    return table.ok() && !table->rows.empty() ? table->rows[0] : IndicatorRow{};
  };
  // 2025 (the 2024-25 window): s, t, u in school at its start; t dropped out: 1/3 = 33.33%.
  EXPECT_EQ(row("primary_dropout_rate", 2025).numerator, 1);
  EXPECT_EQ(row("primary_dropout_rate", 2025).denominator, 3);
  EXPECT_EQ(row("compulsory_dropouts", 2025).value, 1);
  // 2026 (the 2025-26 window): s is still on 休学 and t still out; neither vanished, and t is
  // not a dropout a second time. In school at the start: u and v; no dropout: 0/2.
  EXPECT_EQ(row("unexplained_leavers", 2026).value, 0);
  EXPECT_EQ(row("primary_dropout_rate", 2026).numerator, 0);
  EXPECT_EQ(row("primary_dropout_rate", 2026).denominator, 2);
  EXPECT_EQ(row("compulsory_dropouts", 2026).value, 0);
  EXPECT_FALSE(row("primary_dropout_rate", 2026).incomplete);
}

}  // namespace
}  // namespace eduledger::app
