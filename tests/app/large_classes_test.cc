// The 大班额 ledger kept with the register's classes: a class of 小学 or 初中 with 56+ on a
// snapshot opens one case however often sync runs; a later snapshot closes it as 已化解 (the
// class, or when renamed its whole grade, at 55 or fewer) or 已毕业离校 (its cohort left the
// school's grades); the ledger's figures and its cross-check follow. Every expected number is
// worked out by hand from the classes built here.
#include "app/large_classes.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "app/indicators.h"
#include "app/ledger_checks.h"
#include "app/ledger_fixture.h"
#include "app/ledgers.h"
#include "core/statistics_year.h"

namespace eduledger::app {
namespace {

using testing::Day;

class LargeClassesTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    junior_ = reg_.Unit("3143990003", meta::OrgLevel::kSchool, town_, 311);  // 初级中学
    full_ = reg_.Unit("3443990004", meta::OrgLevel::kSchool, town_, 341);    // 完全中学
  }

  // A class of `n` pupils on the snapshot roll, and `late` who joined it after the snapshot.
  void Class(std::int64_t school, int year, int grade, const std::string& name, int n,
             int late = 0) {
    for (int i = 0; i < n + late; ++i) {
      const std::int64_t s = reg_.Student(i % 2 ? core::Sex::kMale : core::Sex::kFemale,
                                          std::to_string(year - grade - 6) + "-03-01");
      reg_.Enrol(s, year, school, grade, name, i < n ? "" : std::to_string(year) + "-10-08");
    }
  }

  std::map<std::string, store::Case> CasesByOrigin() {
    std::map<std::string, store::Case> out;
    EXPECT_TRUE(reg_.store()
                    .ScanCases(kLargeClassLedger,
                               [&](const store::Case& c) {
                                 out[c.origin] = c;
                                 return core::Status::OK();
                               })
                    .ok());
    return out;
  }

  std::string Field(const store::Case& c, const std::string& code) {
    const auto j = nlohmann::json::parse(c.fields);
    return j.value(code, "");
  }

  double Indicator(const std::string& code, int year) {
    IndicatorRequest q;
    q.year = year;
    q.codes = {code};
    q.today = today_;
    auto t = ComputeIndicators(reg_.store(), leader_, *md_, q);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() && !t->rows.empty() ? t->rows.front().value : -1;  // NaN: no value
  }

  std::int64_t junior_ = 0, full_ = 0;
  const core::Date today_ = Day(2026, 12, 1);
  const Actor admin_ = Actor::LocalAdmin();
};

TEST(ClassNumberTest, IsTheLastRunOfDigits) {
  EXPECT_EQ(ClassNumber("七(2)班"), "2");
  EXPECT_EQ(ClassNumber("八（2）班"), "2");
  EXPECT_EQ(ClassNumber("2018级12班"), "12");
  EXPECT_EQ(ClassNumber("02班"), "2");
  EXPECT_EQ(ClassNumber("３班"), "3");  // full-width
  EXPECT_EQ(ClassNumber("一班"), "一班");
}

TEST_F(LargeClassesTest, AClassOf56OpensOneCaseAndALaterSnapshotClosesIt) {
  // 2024: at A (小学) 六年级1班 56 (its cohort leaves for 初中 in 2025), 三(2)班 57 (四(2)班 50
  // in 2025: eliminated), 三(1)班 40 (never large); at the 初中 七年级1班 60 (八年级1班 56 in
  // 2025: still large; in 2026 九年级 has only 2班 50 and 3班 45: eliminated by its grade); a
  // 高一 class of 60 at the 完全中学 (not compulsory: no case).
  Class(a_, 2024, 6, "1班", 56);
  Class(a_, 2024, 3, "三(2)班", 57);
  Class(a_, 2024, 3, "三(1)班", 40);
  Class(junior_, 2024, 7, "1班", 60);
  Class(full_, 2024, 10, "1班", 60);
  // 2025: 四(2)班 50; 八年级1班 56 on the roll and 3 who came later; 一年级1班 55 and 3 later
  // (55 on the snapshot: not large).
  Class(a_, 2025, 4, "四(2)班", 50);
  Class(junior_, 2025, 8, "1班", 56, 3);
  Class(a_, 2025, 1, "1班", 55, 3);
  // 2026: 九年级 2班 50 and 3班 45; A's 二年级2班 58 (a new case, left without a plan).
  Class(junior_, 2026, 9, "2班", 50);
  Class(junior_, 2026, 9, "3班", 45);
  Class(a_, 2026, 2, "2班", 58);

  // Before any sync the cross-check finds 2026's large class without a case, at A.
  const core::Period window = core::FlowWindow(2026);
  auto before = CheckLedgers(reg_.store(), admin_, *md_, window.start(), window.end(), today_);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  std::vector<LedgerFinding> found;
  for (const LedgerFinding& f : *before) {
    if (f.kind == "large_class_without_plan") found.push_back(f);
  }
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].org_code, "2143990001");
  EXPECT_EQ(found[0].case_id, 0);
  EXPECT_NE(found[0].message.find("二年级2班班额 58 人"), std::string::npos) << found[0].message;

  auto sync = SyncLargeClasses(reg_.store(), admin_, *md_, 2026, today_);
  ASSERT_TRUE(sync.ok()) << sync.status().ToString();
  EXPECT_EQ(sync->year, 2026);
  EXPECT_EQ(sync->large, 1u);       // 二年级2班
  EXPECT_EQ(sync->opened, 4u);      // three in 2024, one in 2026
  EXPECT_EQ(sync->eliminated, 2u);  // 三(2)班 in 2025, the 初中's in 2026
  EXPECT_EQ(sync->left, 1u);        // 六年级1班
  EXPECT_EQ(sync->still_open, 1u);  // 二年级2班

  const auto cases = CasesByOrigin();
  ASSERT_EQ(cases.size(), 4u);
  const store::Case& six = cases.at("large_class:2143990001:2018:1");
  EXPECT_EQ(six.state, "left");
  EXPECT_EQ(six.opened, Day(2024, 9, 1));
  EXPECT_EQ(six.state_since, Day(2025, 9, 1));
  EXPECT_EQ(Field(six, "size"), "56");
  EXPECT_EQ(Field(six, "grade"), "grade_6");
  const store::Case& three = cases.at("large_class:2143990001:2021:2");
  EXPECT_EQ(three.state, "eliminated");
  EXPECT_EQ(Field(three, "class_name"), "三(2)班");
  EXPECT_EQ(Field(three, "size"), "57");
  EXPECT_EQ(Field(three, "size_after"), "50");
  EXPECT_EQ(Field(three, "eliminated_on"), "2025-09-01");
  const store::Case& seven = cases.at("large_class:3143990003:2017:1");
  EXPECT_EQ(seven.state, "eliminated");
  EXPECT_EQ(Field(seven, "size_after"), "50");  // the largest class of its grade
  EXPECT_EQ(Field(seven, "eliminated_on"), "2026-09-01");
  const store::Case& two = cases.at("large_class:2143990001:2024:2");
  EXPECT_EQ(two.state, "large");
  EXPECT_EQ(two.opened, Day(2026, 9, 1));
  EXPECT_EQ(cases.count("large_class:3443990004:2014:1"), 0u);  // 高一
  // Each move is in the case's history, on the snapshot day that showed it.
  const auto moves = reg_.store().ListCaseMoves(three.id);
  ASSERT_TRUE(moves.ok());
  ASSERT_EQ(moves->size(), 2u);
  EXPECT_EQ((*moves)[1].transition, "eliminate");
  EXPECT_EQ((*moves)[1].day, Day(2025, 9, 1));

  // A second run finds everything done.
  auto again = SyncLargeClasses(reg_.store(), admin_, *md_, 2026, today_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->opened + again->eliminated + again->left, 0u);
  EXPECT_EQ(again->still_open, 1u);
  EXPECT_EQ(CasesByOrigin().size(), 4u);

  // The figures: one eliminated in each of 2025 and 2026; one open, without a plan.
  EXPECT_EQ(Indicator("large_classes_eliminated", 2025), 1);
  EXPECT_EQ(Indicator("large_classes_eliminated", 2026), 1);
  EXPECT_EQ(Indicator("large_classes_open", 2026), 1);
  EXPECT_EQ(Indicator("large_classes_without_plan", 2026), 1);

  // The cross-check now names the case; once planned, it is silent and the class is still open.
  auto named = CheckLedgers(reg_.store(), admin_, *md_, window.start(), window.end(), today_);
  ASSERT_TRUE(named.ok());
  found.clear();
  for (const LedgerFinding& f : *named) {
    if (f.ledger_name == "大班额化解台账") found.push_back(f);
  }
  ASSERT_EQ(found.size(), 1u);  // not also as overdue
  EXPECT_EQ(found[0].kind, "large_class_without_plan");
  EXPECT_EQ(found[0].case_id, two.id);
  EXPECT_NE(found[0].message.find("已逾期：办理期限 2026年10月1日"), std::string::npos)
      << found[0].message;
  // The plan names the project that builds the classrooms; the case shows it by its name.
  OpenCaseRequest project{.ledger = "project",
                          .org = "2143990001",
                          .values = {{"项目名称", "城关小学教学楼扩建工程"},
                                     {"建设类别", "改扩建"},
                                     {"总投资（元）", "28600000"}},
                          .day = Day(2026, 3, 1)};
  auto built = OpenCase(reg_.store(), admin_, *md_, project);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  MoveCaseRequest plan{.id = two.id,
                       .transition = "plan",
                       .values = {{"化解措施", "增设班级"},
                                  {"化解方案", "功能室改建教室，增设一个教学班"},
                                  {"计划化解期限", "2027-08-31"},
                                  {"化解项目", std::to_string(built->id)}},
                       .day = Day(2026, 11, 20)};
  ASSERT_TRUE(MoveCase(reg_.store(), clerk_a_, *md_, plan).ok());
  auto shown = ShowCase(reg_.store(), clerk_a_, *md_, two.id, today_);
  ASSERT_TRUE(shown.ok()) << shown.status().ToString();
  std::map<std::string, std::string> values(shown->row.values.begin(), shown->row.values.end());
  EXPECT_EQ(values["化解项目"], std::to_string(built->id) + "（城关小学教学楼扩建工程）");
  auto planned = CheckLedgers(reg_.store(), admin_, *md_, window.start(), window.end(), today_);
  ASSERT_TRUE(planned.ok());
  for (const LedgerFinding& f : *planned) EXPECT_NE(f.ledger_name, "大班额化解台账") << f.message;
  EXPECT_EQ(Indicator("large_classes_without_plan", 2026), 0);
  EXPECT_EQ(Indicator("large_classes_open", 2026), 1);
}

TEST_F(LargeClassesTest, AClassStillLargeIsNamedAsFoundAndAsItIsNow) {
  Class(junior_, 2024, 7, "1班", 60);
  Class(junior_, 2025, 8, "1班", 58);
  ASSERT_TRUE(SyncLargeClasses(reg_.store(), admin_, *md_, 2025, today_).ok());
  const core::Period window = core::FlowWindow(2025);
  auto findings = CheckLedgers(reg_.store(), admin_, *md_, window.start(), window.end(), today_);
  ASSERT_TRUE(findings.ok()) << findings.status().ToString();
  std::vector<std::string> messages;
  for (const LedgerFinding& f : *findings) {
    if (f.kind == "large_class_without_plan") messages.push_back(f.message);
  }
  // One case, opened in 2024 and still large in 2025: said once, as found and as it is now.
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(messages[0].starts_with(
      "2024年统计时点七年级1班（2025年八年级）班额 60 人，尚未制定化解方案"))
      << messages[0];
}

// 反弹: a class eliminated in 2025 and at 56+ again in 2026 gets a case of its own, once; before
// it has one the cross-check finds it.
TEST_F(LargeClassesTest, AClassLargeAgainAfterItsCaseClosedGetsACaseOfItsOwn) {
  Class(junior_, 2024, 7, "1班", 60);
  Class(junior_, 2025, 8, "1班", 50);
  Class(junior_, 2026, 9, "1班", 58);
  ASSERT_TRUE(SyncLargeClasses(reg_.store(), admin_, *md_, 2025, today_).ok());
  const core::Period window = core::FlowWindow(2026);
  auto before = CheckLedgers(reg_.store(), admin_, *md_, window.start(), window.end(), today_);
  ASSERT_TRUE(before.ok());
  int unfollowed = 0;
  for (const LedgerFinding& f : *before) {
    unfollowed += f.kind == "large_class_without_plan" && f.case_id == 0;
  }
  EXPECT_EQ(unfollowed, 1);
  for (int run = 0; run < 2; ++run) {
    auto sync = SyncLargeClasses(reg_.store(), admin_, *md_, 2026, today_);
    ASSERT_TRUE(sync.ok()) << sync.status().ToString();
    EXPECT_EQ(sync->opened, run == 0 ? 1u : 0u);
    EXPECT_EQ(sync->still_open, 1u);
  }
  const auto cases = CasesByOrigin();
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases.at("large_class:3143990003:2017:1").state, "eliminated");
  const store::Case& again = cases.at("large_class:3143990003:2017:1#2026");
  EXPECT_EQ(again.state, "large");
  EXPECT_EQ(Field(again, "size"), "58");
  EXPECT_EQ(Indicator("large_classes_open", 2026), 1);
  EXPECT_EQ(Indicator("large_classes_eliminated", 2025), 1);
}

TEST_F(LargeClassesTest, AYearWhoseSnapshotHasNotComeIsRefused) {
  Class(a_, 2026, 2, "2班", 58);
  auto early = SyncLargeClasses(reg_.store(), admin_, *md_, 2026, Day(2026, 8, 31));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().reason(), "year_running");
  EXPECT_EQ(CasesByOrigin().size(), 0u);
  auto missing = SyncLargeClasses(reg_.store(), admin_, *md_, 2025, today_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().reason(), "no_such_year");
}

}  // namespace
}  // namespace eduledger::app
