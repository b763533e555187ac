// The programme ledgers through the app layer on the shipped package: opening a case checks its
// fields, moves go only where the workflow and the role allow and a refused one changes
// nothing, deadlines fall on the right day, and every read is scoped to the actor's units.
#include "app/ledgers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "app/case_sources.h"
#include "app/indicators.h"
#include "app/ledger_checks.h"
#include "app/ledger_fixture.h"
#include "core/statistics_year.h"
#include "engine/tiny_register.h"

namespace eduledger::app {
namespace {

using testing::Day;

class LedgersTest : public testing::LedgerFixture {
 protected:
  // A 一般 hazard found at school A on 2026-03-02, opened by A's clerk.
  core::Result<store::Case> OpenHazard(FieldValues values = {}) {
    OpenCaseRequest r;
    r.ledger = "hazard";
    r.org = "2143990001";
    r.day = Day(2026, 3, 2);
    r.values = {{"隐患类别", "消防"},
                {"level", "一般"},
                {"部位", "食堂后厨"},
                {"found_on", "2026-03-02"},
                {"排查人", "王老师"}};
    r.values.insert(r.values.end(), values.begin(), values.end());
    return OpenCase(reg_.store(), clerk_a_, *md_, r);
  }
};

TEST_F(LedgersTest, OpeningACaseChecksItsFieldsAndKeepsItsOpening) {
  OpenCaseRequest r;
  r.ledger = "安全隐患排查整改台账";
  r.org = "2143990001";
  r.values = {{"隐患类别", "电梯"}, {"部位", "教学楼"}};
  auto bad = OpenCase(reg_.store(), clerk_a_, *md_, r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "bad_field_value");
  EXPECT_NE(bad.status().message().find("“隐患类别”的值“电梯”不对"), std::string_view::npos)
      << bad.status().message();
  r.values = {{"隐患类别", "消防"}, {"部位", "教学楼"}};
  auto missing = OpenCase(reg_.store(), clerk_a_, *md_, r);
  EXPECT_EQ(missing.status().reason(), "field_required");
  EXPECT_NE(missing.status().message().find("隐患等级、发现日期、排查人"), std::string_view::npos)
      << missing.status().message();
  // A leader reads the ledgers and opens nothing.
  EXPECT_EQ(OpenCase(reg_.store(), leader_, *md_, r).status().reason(), "role_not_allowed");
  auto ok = OpenHazard();
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->state, "found");
  EXPECT_EQ(
      ok->fields,
      R"({"category":"fire","found_by":"王老师","found_on":"2026-03-02","level":"general","place":"食堂后厨"})");
  const auto moves = reg_.store().ListCaseMoves(ok->id);
  ASSERT_EQ(moves->size(), 1u);
  EXPECT_EQ((*moves)[0].to_state, "found");
  EXPECT_EQ((*moves)[0].actor, "clerk-a");
  // Nothing but this one case was stored by the refused attempts.
  int cases = 0;
  ASSERT_TRUE(reg_.store()
                  .ScanCases("",
                             [&](const store::Case&) {
                               ++cases;
                               return core::Status::OK();
                             })
                  .ok());
  EXPECT_EQ(cases, 1);
}

TEST_F(LedgersTest, ARefusedMoveChangesNothingAndAnAllowedOneIsKept) {
  auto c = OpenHazard();
  ASSERT_TRUE(c.ok());
  // 落实整改 needs 整改措施, 整改责任人 and 整改期限.
  MoveCaseRequest m{.id = c->id,
                    .transition = "落实整改",
                    .values = {{"整改措施", "更换灭火器"}},
                    .day = Day(2026, 3, 3)};
  auto refused = MoveCase(reg_.store(), clerk_a_, *md_, m);
  EXPECT_EQ(refused.status().reason(), "field_required");
  EXPECT_NE(refused.status().message().find("整改责任人、整改期限"), std::string_view::npos)
      << refused.status().message();
  auto stored = reg_.store().FindCase(c->id);
  EXPECT_EQ((*stored)->state, "found");
  EXPECT_EQ((*stored)->version, 1);
  EXPECT_EQ((*stored)->fields.find("更换灭火器"), std::string::npos);  // the values were not kept
  m.values = {{"整改措施", "更换灭火器"}, {"整改责任人", "李主任"}, {"整改期限", "2026年3月20日"}};
  auto moved = MoveCase(reg_.store(), clerk_a_, *md_, m);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->state, "rectifying");
  EXPECT_EQ(moved->state_since, Day(2026, 3, 3));
  // The clerk may not accept the school's own rectification; the township reviewer may.
  MoveCaseRequest accept{.id = c->id,
                         .transition = "accept",
                         .values = {{"验收日期", "2026-03-18"}, {"验收人", "赵校长"}},
                         .day = Day(2026, 3, 18)};
  EXPECT_EQ(MoveCase(reg_.store(), clerk_a_, *md_, accept).status().reason(), "role_not_allowed");
  EXPECT_EQ((*reg_.store().FindCase(c->id))->state, "rectifying");
  // A move from a copy read before the last one is refused.
  accept.expected_version = 1;
  EXPECT_EQ(MoveCase(reg_.store(), reviewer_, *md_, accept).status().reason(), "concurrent_write");
  accept.expected_version.reset();
  auto accepted = MoveCase(reg_.store(), reviewer_, *md_, accept);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->state, "accepted");
  const auto detail = ShowCase(reg_.store(), reviewer_, *md_, c->id, Day(2026, 3, 18));
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->moves.size(), 3u);
  EXPECT_EQ(detail->moves[1].transition, "rectify");
  EXPECT_EQ(detail->moves[2].role, "central_reviewer");
  ASSERT_EQ(detail->next.size(), 2u);  // 复查销号, 重新整改
  EXPECT_EQ(detail->next[0]->code, "close");
}

TEST_F(LedgersTest, ACaseIsOverdueFromTheDayAfterItsDeadline) {
  // Found on 2026-03-02 with three days to act (已排查: deadline_days 3): due 2026-03-05.
  auto c = OpenHazard();
  ASSERT_TRUE(c.ok());
  const auto on = [&](core::Date day) {
    CaseQuery q{.ledger = "hazard", .overdue_only = true, .on = day};
    return ListCases(reg_.store(), reviewer_, *md_, q)->size();
  };
  EXPECT_EQ(on(Day(2026, 3, 5)), 0u);
  EXPECT_EQ(on(Day(2026, 3, 6)), 1u);
  // In 整改中 the deadline is the case's 整改期限.
  MoveCaseRequest m{.id = c->id,
                    .transition = "rectify",
                    .values = {{"measures", "更换"}, {"person", "李"}, {"due", "2026-04-30"}},
                    .day = Day(2026, 3, 4)};
  ASSERT_TRUE(MoveCase(reg_.store(), clerk_a_, *md_, m).ok());
  EXPECT_EQ(on(Day(2026, 4, 30)), 0u);
  EXPECT_EQ(on(Day(2026, 5, 1)), 1u);
  const auto rows =
      ListCases(reg_.store(), reviewer_, *md_, {.ledger = "hazard", .on = Day(2026, 5, 1)});
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].deadline, Day(2026, 4, 30));
  EXPECT_EQ((*rows)[0].township, "单位439901001");
  EXPECT_EQ((*rows)[0].state_name, "整改中");
}

TEST_F(LedgersTest, ACaseOfAnotherSchoolIsNotFound) {
  auto c = OpenHazard();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(ShowCase(reg_.store(), clerk_b_, *md_, c->id).status().reason(), "unknown_case");
  MoveCaseRequest m{.id = c->id,
                    .transition = "rectify",
                    .values = {{"measures", "x"}, {"person", "y"}, {"due", "2026-04-30"}}};
  EXPECT_EQ(MoveCase(reg_.store(), clerk_b_, *md_, m).status().reason(), "unknown_case");
  EXPECT_TRUE(ListCases(reg_.store(), clerk_b_, *md_, {.ledger = "hazard"})->empty());
  EXPECT_EQ(ListCases(reg_.store(), clerk_a_, *md_, {.ledger = "hazard"})->size(), 1u);
  // A school outside the clerk's scope cannot be opened for either.
  OpenCaseRequest r{.ledger = "hazard",
                    .org = "2143990001",
                    .values = {{"category", "fire"},
                               {"level", "general"},
                               {"place", "x"},
                               {"found_on", "2026-03-02"},
                               {"found_by", "y"}}};
  EXPECT_EQ(OpenCase(reg_.store(), clerk_b_, *md_, r).status().code(), core::StatusCode::kNotFound);
}

TEST_F(LedgersTest, LogsAndMoneyAreKeptAsTheirTypesSay) {
  const std::int64_t pupil = reg_.Student(core::Sex::kMale, "2012-05-01");
  reg_.Enrol(pupil, 2025, a_, 6);
  const std::string student_no = "L439900201501010001";  // TinyRegister's first 学籍号
  OpenCaseRequest r{.ledger = "dropout_control",
                    .org = "2143990001",
                    .values = {{"学生", student_no}, {"来源", "摸排走访"}},
                    .day = Day(2026, 3, 2)};
  auto c = OpenCase(reg_.store(), clerk_a_, *md_, r);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_NE(c->fields.find("\"student\":\"" + std::to_string(pupil) + "\""), std::string::npos)
      << c->fields;
  // A 劝返记录 needs every field it names.
  auto partial = AddCaseEntry(reg_.store(), clerk_a_, *md_, c->id, "劝返记录",
                              {{"日期", "2026-03-03"}, {"劝返人", "班主任"}}, {});
  EXPECT_EQ(partial.status().reason(), "field_required");
  auto entry = AddCaseEntry(reg_.store(), clerk_a_, *md_, c->id, "attempt",
                            {{"date", "2026-03-03"},
                             {"by", "班主任"},
                             {"how", "家访"},
                             {"outcome", "家长同意下周返校"},
                             {"level", "班主任"}},
                            Day(2026, 3, 3));
  ASSERT_TRUE(entry.ok()) << entry.status().ToString();
  EXPECT_EQ(reg_.store().ListCaseEntries(c->id)->size(), 1u);
  // An aid payment's amount is kept in 分 and shown in 元.
  OpenCaseRequest aid{.ledger = "student_aid",
                      .org = "2143990001",
                      .values = {{"学生", student_no},
                                 {"资助项目", "义务教育家庭经济困难学生生活补助"},
                                 {"学期", "秋季学期"},
                                 {"金额（元）", "1,250.5"},
                                 {"资金来源", "中央"}}};
  auto paid = OpenCase(reg_.store(), clerk_a_, *md_, aid);
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_NE(paid->fields.find("\"amount\":\"125050\""), std::string::npos) << paid->fields;
  const auto rows = ListCases(reg_.store(), clerk_a_, *md_, {.ledger = "student_aid"});
  ASSERT_EQ(rows->size(), 1u);
  bool shown = false;
  for (const auto& [name, value] : (*rows)[0].values) shown = shown || value == "1250.50元";
  EXPECT_TRUE(shown);
}

// A dropout event opens one 控辍保学 case, at its school, however often the events are run
// through; other events and dropouts outside the window open none.
TEST_F(LedgersTest, ADropoutEventOpensOneCaseExactlyOnce) {
  const std::int64_t left = reg_.Student(core::Sex::kFemale, "2011-04-01");
  const std::int64_t moved = reg_.Student(core::Sex::kMale, "2011-06-01");
  const std::int64_t earlier = reg_.Student(core::Sex::kMale, "2011-07-01");
  for (const std::int64_t s : {left, moved, earlier}) reg_.Enrol(s, 2024, b_, 7);
  reg_.Event(left, meta::EventType::kDropOut, "2025-03-10", b_);
  reg_.Event(moved, meta::EventType::kTransferOut, "2025-03-11", b_);
  reg_.Event(earlier, meta::EventType::kDropOut, "2024-06-30", b_);  // before the window
  const Actor admin = Actor::LocalAdmin();
  const core::Period window = core::FlowWindow(2025);  // 2024-09-01 .. 2025-08-31
  auto first = OpenDropoutCases(reg_.store(), admin, *md_, window.start(), window.end());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->opened, 1u);
  EXPECT_EQ(first->existing, 0u);
  auto again = OpenDropoutCases(reg_.store(), admin, *md_, window.start(), window.end());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->opened, 0u);
  EXPECT_EQ(again->existing, 1u);
  const auto rows = ListCases(reg_.store(), admin, *md_, {.ledger = "dropout_control"});
  ASSERT_EQ(rows->size(), 1u);
  const CaseRow& r = (*rows)[0];
  EXPECT_EQ(r.org_code, "2143990002");
  EXPECT_EQ(r.record.state, "suspected");
  EXPECT_EQ(r.record.opened, Day(2025, 3, 10));
  EXPECT_NE(r.record.fields.find("\"student\":\"" + std::to_string(left) + "\""), std::string::npos)
      << r.record.fields;
  EXPECT_NE(r.record.fields.find("\"source\":\"dropout_event\""), std::string::npos);
  // 疑似辍学 has seven days: the case is overdue from 2025-03-18.
  EXPECT_EQ(r.deadline, Day(2025, 3, 17));
}

// Each pupil of the 流失名单 of compulsory grades opens one case, at the school whose roll they
// left, for the reader's schools only; a senior pupil, one who stayed, one who left with a
// record and one the ledger already follows open none.
TEST_F(LedgersTest, TheRosterOpensACaseForEachCompulsoryPupilLostExactlyOnce) {
  const std::int64_t c = reg_.Unit("3443990003", meta::OrgLevel::kSchool, town_, 341);  // 完全中学
  using core::Sex;
  const std::int64_t lost_a = reg_.Student(Sex::kFemale, "2015-04-01");  // grade 4 at A
  const std::int64_t stayed = reg_.Student(Sex::kMale, "2016-04-01");    // grade 3 at A, on in 2025
  const std::int64_t moved = reg_.Student(Sex::kMale, "2016-05-01");     // grade 3 at A, 转出
  const std::int64_t followed = reg_.Student(Sex::kFemale, "2014-04-01");  // grade 5 at B
  const std::int64_t lost_c = reg_.Student(Sex::kMale, "2011-04-01");      // grade 8 at C
  const std::int64_t senior = reg_.Student(Sex::kFemale, "2008-04-01");    // grade 11 at C
  reg_.Enrol(lost_a, 2024, a_, 4);
  reg_.Enrol(stayed, 2024, a_, 3);
  reg_.Enrol(stayed, 2025, a_, 4);
  reg_.Enrol(moved, 2024, a_, 3);
  reg_.Event(moved, meta::EventType::kTransferOut, "2025-03-01", a_);
  reg_.Enrol(followed, 2024, b_, 5);
  reg_.Enrol(lost_c, 2024, c, 8);
  reg_.Enrol(senior, 2024, c, 11);
  // B found its pupil missing on a home visit in June and follows her already.
  reg_.Case("dropout_control", b_, "persuading", "2025-06-10",
            R"({"student":")" + std::to_string(followed) + R"(","source":"home_visit"})");
  const core::Date today = Day(2026, 12, 1);
  // School A's clerk sees only A's pupil.
  auto mine = OpenRosterCases(reg_.store(), clerk_a_, *md_, 2025, today);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ(mine->opened, 1u);
  EXPECT_EQ(mine->followed, 0u);
  const Actor admin = Actor::LocalAdmin();
  auto all = OpenRosterCases(reg_.store(), admin, *md_, 2025, today);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->opened, 1u);    // the grade-8 pupil at C
  EXPECT_EQ(all->existing, 1u);  // A's, opened by the clerk
  EXPECT_EQ(all->followed, 1u);  // B's, on a home visit's case
  auto again = OpenRosterCases(reg_.store(), admin, *md_, 2025, today);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->opened, 0u);
  EXPECT_EQ(again->existing, 2u);
  // The cases: at the school left, suspected since the snapshot day, source 流失名单.
  std::map<std::int64_t, store::Case> by_student;
  ASSERT_TRUE(
      reg_.store()
          .ScanCases(
              "dropout_control",
              [&](const store::Case& k) {
                if (k.origin.rfind("roster:", 0) != 0) return core::Status::OK();
                for (const std::int64_t s : {lost_a, lost_c, stayed, moved, followed, senior}) {
                  if (k.fields.find("\"student\":\"" + std::to_string(s) + "\"") !=
                      std::string::npos) {
                    by_student[s] = k;
                  }
                }
                return core::Status::OK();
              })
          .ok());
  ASSERT_EQ(by_student.size(), 2u);
  ASSERT_TRUE(by_student.count(lost_a) && by_student.count(lost_c));
  EXPECT_EQ(by_student[lost_a].org_unit_id, a_);
  EXPECT_EQ(by_student[lost_c].org_unit_id, c);
  for (const auto& [student, k] : by_student) {
    EXPECT_EQ(k.state, "suspected");
    EXPECT_EQ(k.opened, Day(2025, 9, 1));
    EXPECT_EQ(k.origin, "roster:2025:" + std::to_string(student));
    EXPECT_NE(k.fields.find("\"source\":\"roster\""), std::string::npos) << k.fields;
  }
}

// The ledgers' cross-checks find each kind of fault once, where it is, and nothing else.
TEST_F(LedgersTest, TheCrossChecksFindEachFaultWhereItIs) {
  const Actor admin = Actor::LocalAdmin();
  const core::Date on = Day(2026, 3, 10);
  // A D-grade dormitory in use at school B; an A-grade one is fine.
  for (const char* grade : {"D级（整幢危房）", "A级"}) {
    OpenCaseRequest b{.ledger = "building",
                      .org = "2143990002",
                      .values = {{"校舍名称", std::string("宿舍楼") + grade},
                                 {"建筑面积（平方米）", "1,280.5"},
                                 {"用途", "学生宿舍"},
                                 {"鉴定等级", grade},
                                 {"在用", "是"}},
                      .day = Day(2026, 3, 1)};
    ASSERT_TRUE(OpenCase(reg_.store(), admin, *md_, b).ok());
  }
  // A 重大 hazard under rectification without 资金 and 预案; found 2026-03-02, moved 03-03 with a
  // deadline of 03-31: not overdue on 03-10.
  auto major = OpenHazard({{"隐患等级", "重大"}});
  ASSERT_TRUE(major.ok());
  MoveCaseRequest m{.id = major->id,
                    .transition = "rectify",
                    .values = {{"measures", "更换"}, {"person", "李"}, {"due", "2026-03-31"}},
                    .day = Day(2026, 3, 3)};
  ASSERT_TRUE(MoveCase(reg_.store(), clerk_a_, *md_, m).ok());
  // A 一般 hazard found on 03-02 and left: overdue from 03-06.
  auto left = OpenHazard();
  ASSERT_TRUE(left.ok());
  // A hazard stored as closed with no acceptance (as an import could bring it).
  auto closed = OpenHazard();
  ASSERT_TRUE(closed.ok());
  store::Case c = *closed;
  c.state = "closed";
  {
    auto txn = reg_.store().Begin({"t", "bureau_admin", "test", "{}"}, std::nullopt);
    ASSERT_TRUE(txn->SaveCase(&c).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  // A dropout with no case yet.
  const std::int64_t pupil = reg_.Student(core::Sex::kFemale, "2013-04-01");
  reg_.Enrol(pupil, 2025, a_, 6);
  reg_.Event(pupil, meta::EventType::kDropOut, "2026-02-20", a_);
  const core::Period window = core::FlowWindow(2026);
  auto findings = CheckLedgers(reg_.store(), admin, *md_, window.start(), window.end(), on);
  ASSERT_TRUE(findings.ok()) << findings.status().ToString();
  std::multiset<std::string> kinds;
  for (const LedgerFinding& f : *findings) kinds.insert(f.kind + "@" + f.org_code);
  EXPECT_EQ(kinds, (std::multiset<std::string>{
                       "d_grade_in_use@2143990002", "major_hazard_incomplete@2143990001",
                       "overdue@2143990001", "closed_without_acceptance@2143990001",
                       "dropout_without_case@2143990001"}));
  for (const LedgerFinding& f : *findings) {
    if (f.kind == "overdue") {
      EXPECT_EQ(f.case_id, left->id);
    }
    if (f.kind == "major_hazard_incomplete") {
      EXPECT_EQ(f.message, "重大隐患整改未五落实：缺整改资金（元）、应急预案");
    }
  }
  // Once the dropout's case is opened, that finding is gone (and the new case is not overdue
  // on 2026-02-27, seven days on).
  ASSERT_TRUE(OpenDropoutCases(reg_.store(), admin, *md_, window.start(), window.end()).ok());
  auto after =
      CheckLedgers(reg_.store(), admin, *md_, window.start(), window.end(), Day(2026, 2, 27));
  for (const LedgerFinding& f : *after) EXPECT_NE(f.kind, "dropout_without_case");
}

// A ledger figure's cells are its months: split by sex or grade it is refused, and a register
// figure by month too, naming the file and the indicator.
TEST_F(LedgersTest, ALedgerFigureIsSplitByMonthOnly) {
  for (const auto& [numerator, split] :
       {std::pair{"cases(hazard)", "sex"}, std::pair{"students()", "month"}}) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir.File("extra"));
    testing::WriteFile(dir.File("extra/package.json"), R"({"name": "extra", "title": "测试"})");
    testing::WriteFile(dir.File("extra/indicators.json"),
                       std::string(R"({"indicators": [{"code": "x", "name": "测试指标", )") +
                           R"("numerator": ")" + numerator +
                           R"(", "unit": "count", "unit_word": "处", "decimals": 0, "splits": [")" +
                           split + R"("]}]})");
    const std::string dirs[] = {std::string(EDULEDGER_SOURCE_DIR) + "/packages/county-bureau",
                                dir.File("extra")};
    auto md = Metadata::Load(dirs);
    ASSERT_FALSE(md.ok()) << numerator;
    EXPECT_NE(md.status().message().find("x.splits"), std::string_view::npos)
        << md.status().message();
    EXPECT_NE(md.status().message().find("month（月份）"), std::string_view::npos)
        << md.status().message();
  }
}

// An indicator over a ledger, defined in a package of its own beside the shipped one: counted
// in the calendar year of each hazard's 发现日期, labelled so, a year still running marked as
// the year so far, and a figure of the ledger as it stands only in the latest year.
TEST_F(LedgersTest, ALedgerIndicatorIsCountedByTheCalendarYearOfItsPeriod) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.File("extra"));
  testing::WriteFile(dir.File("extra/package.json"), R"({"name": "extra", "title": "测试"})");
  testing::WriteFile(dir.File("extra/indicators.json"), R"json({"indicators": [
    {"code": "hazards_found_here", "name": "排查隐患数", "numerator": "cases(hazard)",
     "unit": "count", "unit_word": "处", "decimals": 0, "splits": ["month"]},
    {"code": "major_hazards_open_here", "name": "未销号重大隐患数",
     "numerator": "cases_now(hazard, level = major and state != closed)",
     "unit": "count", "unit_word": "处", "decimals": 0, "splits": ["month"]}]})json");
  const std::string dirs[] = {std::string(EDULEDGER_SOURCE_DIR) + "/packages/county-bureau",
                              dir.File("extra")};
  auto md = Metadata::Load(dirs);
  ASSERT_TRUE(md.ok()) << md.status().message();
  // The register holds the school years 2025 and 2026.
  const auto pupil = reg_.Student(core::Sex::kFemale, "2017-03-01");
  reg_.Enrol(pupil, 2025, a_, 2);
  reg_.Enrol(pupil, 2026, a_, 3);
  // Hazards found on 2025-11-05 (at B) and 2026-03-02 (at A), both 一般.
  ASSERT_TRUE(OpenHazard().ok());
  OpenCaseRequest r{.ledger = "hazard", .org = "2143990002", .day = Day(2025, 11, 5)};
  r.values = {{"category", "fire"},
              {"level", "general"},
              {"place", "配电间"},
              {"found_on", "2025-11-05"},
              {"found_by", "李老师"}};
  ASSERT_TRUE(OpenCase(reg_.store(), clerk_b_, *md, r).ok());

  const auto row = [&](int year, const std::string& code) {
    IndicatorRequest q;
    q.year = year;
    q.codes = {code};
    q.today = Day(2026, 12, 2);
    auto t = ComputeIndicators(reg_.store(), leader_, *md, q);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() && !t->rows.empty() ? t->rows.front() : IndicatorRow{};
  };
  const IndicatorRow y2025 = row(2025, "hazards_found_here");
  EXPECT_EQ(y2025.value, 1);  // the one found in 2025, not the later one
  EXPECT_EQ(y2025.text, "1处");
  EXPECT_FALSE(y2025.to_date);
  EXPECT_EQ(y2025.period_label, "2025年1月1日—2025年12月31日，按发现日期计");
  const IndicatorRow y2026 = row(2026, "hazards_found_here");
  EXPECT_EQ(y2026.value, 1);
  EXPECT_TRUE(y2026.to_date);  // 2026 runs to 31 December
  EXPECT_EQ(y2026.note, "自然年未结束：截至 2026年12月2日 的台账数据");
  // No 重大 hazard is open today: 0, a value; in 2025 the ledger's past states are not kept.
  const IndicatorRow now = row(2026, "major_hazards_open_here");
  EXPECT_EQ(now.text, "0处");
  EXPECT_EQ(now.period_label, "台账现状（2026年12月2日）");
  const IndicatorRow before = row(2025, "major_hazards_open_here");
  EXPECT_TRUE(before.text.empty());
  EXPECT_TRUE(before.note.starts_with("台账现状：只计入最新统计年度（2026年）")) << before.note;

  // By month of 发现日期, at the county: 2025's in November, 2026's in March; every other month
  // 0; a figure of the ledger as it stands has its total only.
  const auto by_month = [&](int year, const std::string& code) {
    IndicatorRequest q;
    q.year = year;
    q.codes = {code};
    q.org = "439901";
    q.by = IndicatorSplit::kMonth;
    q.today = Day(2026, 12, 2);
    auto t = ComputeIndicators(reg_.store(), leader_, *md, q);
    EXPECT_TRUE(t.ok()) << t.status().message();
    std::map<std::string, double> out;
    if (!t.ok()) return out;
    for (const IndicatorRow& cell : t->rows) {
      if (cell.org_code == "439901") out[cell.cell] = cell.value;
    }
    return out;
  };
  for (const auto& [year, month] : {std::pair{2025, 11}, std::pair{2026, 3}}) {
    const auto months = by_month(year, "hazards_found_here");
    ASSERT_EQ(months.size(), 13u) << year;  // 合计 and 1月…12月
    EXPECT_EQ(months.at("合计"), 1) << year;
    for (int m = 1; m <= 12; ++m) {
      EXPECT_EQ(months.at(std::to_string(m) + "月"), m == month ? 1 : 0) << year << " " << m;
    }
  }
  EXPECT_EQ(by_month(2026, "major_hazards_open_here").size(), 1u);
}

}  // namespace
}  // namespace eduledger::app
