// 零疏漏 on a register built by hand: exactly the eligible pupils on the year's roll who were not
// paid this term's aid of their level are listed, and validate's cross-checks carry them with
// the 控辍保学 cases that name no responsible person.
#include "app/aid_coverage.h"

#include <gtest/gtest.h>

#include "app/case_import.h"
#include "app/ledger_checks.h"
#include "app/ledger_fixture.h"
#include "ingest/table_reader.h"

namespace eduledger::app {
namespace {

using testing::Day;

class AidCoverageTest : public testing::LedgerFixture {
 protected:
  // A pupil with `flags`, enrolled at school A in grade `grade` of school year 2026; TinyRegister
  // numbers its pupils' 学籍号 L4399002015010100NN from 01.
  std::string Pupil(std::uint32_t flags, int grade) {
    const std::int64_t id = reg_.Student(core::Sex::kFemale, "2016-03-01", 1, flags);
    reg_.Enrol(id, 2026, a_, grade);
    char no[32];
    std::snprintf(no, sizeof(no), "L43990020150101%04d", ++pupils_);
    return no;
  }

  void Pay(std::vector<std::vector<std::string>> rows) {
    rows.insert(rows.begin(), {"单位代码", "学生", "资助项目", "学期", "金额（元）", "资金来源",
                               "发放日期", "资助对象类别", "状态"});
    auto table = ingest::MemoryTable(std::move(rows), "资助.csv");
    CaseImportRequest r{.ledger = "student_aid", .today = Day(2026, 11, 30)};
    auto report = ImportCaseTable(reg_.store(), Actor::LocalAdmin(), *md_, *table, "资助.csv", r);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    std::string why = report->status.ToString();
    for (const auto& e : report->errors.kept()) why += " " + e.column + e.message;
    ASSERT_TRUE(report->status.ok()) << why;
  }

  std::vector<std::string> Missed(const Actor& actor) {
    auto missed = UncoveredAidStudents(reg_.store(), actor, *md_, 2026);
    EXPECT_TRUE(missed.ok()) << missed.status().ToString();
    std::vector<std::string> out;
    for (const auto& u : missed.ok() ? *missed : std::vector<UncoveredStudent>{}) {
      out.push_back(u.identity + " " + u.group + " " + u.programme);
    }
    return out;
  }

  int pupils_ = 0;
};

TEST_F(AidCoverageTest, ListsExactlyTheEligiblePupilsNotPaidThisTerm) {
  const std::string paid = Pupil(meta::kRegisteredPoor, 3);
  const std::string unpaid = Pupil(meta::kDibao, 4);
  Pupil(0, 4);  // not in an eligible group: entitled to nothing
  const std::string spring_only = Pupil(meta::kOrphan, 5);
  const std::string last_year = Pupil(meta::kDisabled, 6);
  const std::string applied = Pupil(meta::kRegisteredPoor | meta::kDibao, 2);
  // Before the term's list is brought in, nothing is listed.
  EXPECT_TRUE(Missed(Actor::LocalAdmin()).empty());
  const std::string subsidy = "义务教育家庭经济困难学生生活补助";
  Pay({{"2143990001", paid, subsidy, "秋季学期", "250", "中央", "2026-10-15",
        "脱贫家庭（原建档立卡）", "已发放"},
       {"2143990001", spring_only, subsidy, "春季学期", "250", "中央", "2026-04-15", "孤儿",
        "已发放"},
       {"2143990001", last_year, subsidy, "秋季学期", "250", "中央", "2025-10-15", "残疾学生",
        "已发放"},
       {"2143990001", applied, subsidy, "秋季学期", "250", "中央", "", "", "已申请"}});
  EXPECT_EQ(Missed(Actor::LocalAdmin()),
            (std::vector<std::string>{
                applied + " 脱贫家庭（原建档立卡） " + subsidy,  // 二年级
                unpaid + " 城乡低保 " + subsidy,                 // 四年级
                spring_only + " 孤儿 " + subsidy,                // 五年级
                last_year + " 残疾学生 " + subsidy,              // 六年级
            }));
  // The township reviewer sees them masked; a clerk of school B sees none of A's.
  const auto masked = Missed(reviewer_);
  ASSERT_EQ(masked.size(), 4u);
  EXPECT_EQ(masked[1].find(unpaid), std::string::npos) << masked[1];
  EXPECT_TRUE(Missed(clerk_b_).empty());

  // validate's cross-checks carry them, at school A.
  auto findings = CheckLedgers(reg_.store(), Actor::LocalAdmin(), *md_, Day(2025, 9, 1),
                               Day(2026, 8, 31), Day(2026, 11, 30));
  ASSERT_TRUE(findings.ok()) << findings.status().ToString();
  int aid = 0;
  for (const LedgerFinding& f : *findings) {
    if (f.kind != "aid_missed") continue;
    ++aid;
    EXPECT_EQ(f.org_code, "2143990001");
    EXPECT_NE(f.message.find("本学期（2026年秋季学期）未发放" + subsidy), std::string::npos)
        << f.message;
  }
  EXPECT_EQ(aid, 4);
}

TEST_F(AidCoverageTest, AConfirmedDropoutWithNoOneResponsibleIsFound) {
  const std::string pupil = Pupil(0, 7);
  const Actor admin = Actor::LocalAdmin();
  const auto open = [&](const std::string& state, const std::string& head_teacher) {
    auto table = ingest::MemoryTable({{"单位代码", "学生", "来源", "离校日期", "劝返方案", "班主任",
                                       "登记日期", "状态", "状态日期"},
                                      {"2143990001", pupil, "摸排走访", "2026-10-08", "家访",
                                       head_teacher, "2026-10-08", state, "2026-10-10"}},
                                     "控辍.csv");
    CaseImportRequest r{.ledger = "dropout_control", .today = Day(2026, 11, 30)};
    auto report = ImportCaseTable(reg_.store(), admin, *md_, *table, "控辍.csv", r);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    std::string why = report->status.ToString();
    for (const auto& e : report->errors.kept()) why += " " + e.column + e.message;
    ASSERT_TRUE(report->status.ok()) << why;
  };
  const auto kinds = [&] {
    std::vector<std::string> out;
    auto findings = CheckLedgers(reg_.store(), admin, *md_, Day(2025, 9, 1), Day(2026, 8, 31),
                                 Day(2026, 10, 11));
    for (const LedgerFinding& f : *findings) out.push_back(f.kind);
    return out;
  };
  // 疑似辍学 is still being checked: no one need be named yet.
  open("疑似辍学", "");
  EXPECT_EQ(kinds(), std::vector<std::string>{});
  // 劝返中 with no one named; then with the head teacher named, nothing.
  open("劝返中", "");
  EXPECT_EQ(kinds(), std::vector<std::string>{"no_responsible"});
  open("劝返中", "周老师");
  EXPECT_EQ(kinds(), std::vector<std::string>{});
}

}  // namespace
}  // namespace eduledger::app
