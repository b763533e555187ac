// The import of a ledger's cases through the app layer on the shipped package: a file is
// written whole or not at all, the same file twice changes nothing, a row updates its case by
// 事项编号 or by what identifies it (unit and required fields), a 状态 is reached by the moves
// the importing role may make and each is in the case's history, and an export read back
// changes nothing, masked or not.
#include "app/case_import.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "app/case_export.h"
#include "app/ledger_fixture.h"
#include "app/ledgers.h"
#include "core/personal_data.h"
#include "ingest/table_reader.h"
#include "testing/test_util.h"

namespace eduledger::app {
namespace {

using Rows = std::vector<std::vector<std::string>>;

using testing::Day;

const std::vector<std::string> kHazardHeader = {"单位代码", "隐患类别",   "隐患等级", "部位",
                                                "发现日期", "排查人",     "状态",     "状态日期",
                                                "整改措施", "整改责任人", "整改期限"};

class CaseImportTest : public testing::LedgerFixture {
 protected:
  ingest::ImportReport Import(const Actor& actor, const std::string& ledger, Rows rows,
                              bool dry_run = false, std::size_t block_rows = 65536) {
    auto table = ingest::MemoryTable(std::move(rows), "test.csv");
    CaseImportRequest r{
        .ledger = ledger, .dry_run = dry_run, .today = Day(2026, 6, 1), .block_rows = block_rows};
    auto report = ImportCaseTable(reg_.store(), actor, *md_, *table, "隐患.csv", r);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    if (report.ok()) return *report;
    ingest::ImportReport none;
    return none;
  }

  std::vector<store::Case> Cases(const std::string& ledger) {
    std::vector<store::Case> out;
    EXPECT_TRUE(reg_.store()
                    .ScanCases(ledger,
                               [&](const store::Case& c) {
                                 out.push_back(c);
                                 return core::Status::OK();
                               })
                    .ok());
    return out;
  }

  static std::string Reasons(const ingest::ImportReport& r) {
    std::string out;
    for (const auto& e : r.errors.kept())
      out += std::to_string(e.row) + ":" + e.reason + "(" + e.column + ") ";
    return out;
  }
};

TEST_F(CaseImportTest, NewRowsOpenCasesOnceAndReachTheirStateThroughItsMoves) {
  const Rows file = {
      kHazardHeader,
      {"2143990001", "消防", "一般", "食堂后厨", "2026-03-02", "王老师", "整改中", "2026-03-04",
       "更换灭火器", "李主任", "2026-04-30"},
      {"2143990001", "用电", "重大", "配电房", "2026-03-05", "王老师", "", "", "", "", ""}};
  const auto first = Import(clerk_a_, "hazard", file);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString() << Reasons(first);
  ASSERT_EQ(first.counts.size(), 1u);
  EXPECT_EQ(first.counts[0].added, 2);
  EXPECT_TRUE(first.written);
  const auto cases = Cases("hazard");
  ASSERT_EQ(cases.size(), 2u);
  // The first row: opened on the day it was found (its 登记日期 is blank, 发现日期 is the
  // ledger's period field), then 落实整改 on its 状态日期.
  const store::Case* rectifying = nullptr;
  const store::Case* found = nullptr;
  for (const auto& c : cases) (c.state == "rectifying" ? rectifying : found) = &c;
  ASSERT_NE(rectifying, nullptr);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(rectifying->opened, Day(2026, 3, 2));
  EXPECT_EQ(rectifying->state_since, Day(2026, 3, 4));
  EXPECT_EQ(found->state, "found");
  EXPECT_EQ(found->opened, Day(2026, 3, 5));
  const auto moves = reg_.store().ListCaseMoves(rectifying->id);
  ASSERT_TRUE(moves.ok());
  ASSERT_EQ(moves->size(), 2u);
  EXPECT_EQ((*moves)[0].to_state, "found");
  EXPECT_EQ((*moves)[0].day, Day(2026, 3, 2));
  EXPECT_EQ((*moves)[1].transition, "rectify");
  EXPECT_EQ((*moves)[1].day, Day(2026, 3, 4));
  EXPECT_EQ((*moves)[1].actor, "clerk-a");
  EXPECT_EQ((*moves)[1].comment, "导入：隐患.csv");

  // The same file again opens nothing and moves nothing.
  const auto again = Import(clerk_a_, "hazard", file);
  ASSERT_TRUE(again.status.ok()) << again.status.ToString() << Reasons(again);
  EXPECT_EQ(again.counts[0].added, 0);
  EXPECT_EQ(again.counts[0].unchanged, 2);
  EXPECT_FALSE(again.written);
  EXPECT_EQ(Cases("hazard").size(), 2u);
  EXPECT_EQ(reg_.store().ListCaseMoves(rectifying->id)->size(), 2u);
}

TEST_F(CaseImportTest, OneBadRowRejectsTheWholeFileAndADryRunWritesNothing) {
  const Rows bad = {
      kHazardHeader,
      {"2143990001", "消防", "一般", "食堂", "2026-03-02", "王老师", "", "", "", "", ""},
      {"2143990001", "电梯", "一般", "楼梯", "2026-03-02", "王老师", "", "", "", "", ""},
      {"2143990001", "用电", "一般", "", "2026-03-02", "王老师", "", "", "", "", ""}};
  const auto rejected = Import(clerk_a_, "hazard", bad);
  EXPECT_EQ(rejected.status.reason(), "rows_rejected");
  EXPECT_FALSE(rejected.written);
  // Row 3's category is not one of the choices; row 4 has no 部位 (a required field of a new
  // case).
  EXPECT_EQ(Reasons(rejected), "3:bad_field_value(B列“隐患类别”) 4:field_required() ")
      << Reasons(rejected);
  EXPECT_TRUE(Cases("hazard").empty());

  const Rows good = {bad[0], bad[1]};
  const auto dry = Import(clerk_a_, "hazard", good, /*dry_run=*/true);
  ASSERT_TRUE(dry.status.ok()) << Reasons(dry);
  EXPECT_EQ(dry.counts[0].added, 1);
  EXPECT_FALSE(dry.written);
  EXPECT_TRUE(Cases("hazard").empty());
}

TEST_F(CaseImportTest, ARowUpdatesItsCaseByNumberOrByWhatIdentifiesIt) {
  OpenCaseRequest open{.ledger = "hazard",
                       .org = "2143990001",
                       .values = {{"category", "fire"},
                                  {"level", "general"},
                                  {"place", "食堂后厨"},
                                  {"found_on", "2026-03-02"},
                                  {"found_by", "王老师"}},
                       .day = Day(2026, 3, 2)};
  auto c = OpenCase(reg_.store(), clerk_a_, *md_, open);
  ASSERT_TRUE(c.ok()) << c.status().ToString();

  // Without 事项编号: the same unit and required fields are the same case.
  const auto by_identity =
      Import(clerk_a_, "hazard",
             {kHazardHeader,
              {"2143990001", "消防", "一般", "食堂后厨", "2026-03-02", "王老师", "整改中",
               "2026-03-03", "更换灭火器", "李主任", "2026-04-30"}});
  ASSERT_TRUE(by_identity.status.ok()) << Reasons(by_identity);
  EXPECT_EQ(by_identity.counts[0].added, 0);
  EXPECT_EQ(by_identity.counts[0].changed, 1);
  auto stored = reg_.store().FindCase(c->id);
  EXPECT_EQ((*stored)->state, "rectifying");
  EXPECT_NE((*stored)->fields.find("更换灭火器"), std::string::npos);

  // With 事项编号: a blank cell erases nothing; the township reviewer accepts by import, and a
  // school clerk could not have (验收 is the reviewer's).
  const std::vector<std::string> header = {"事项编号", "状态",   "状态日期",
                                           "验收日期", "验收人", "整改措施"};
  const std::string id = std::to_string(c->id);
  const Rows accept = {header, {id, "已验收", "2026-03-20", "2026-03-20", "赵校长", ""}};
  const auto refused = Import(clerk_a_, "hazard", accept);
  EXPECT_EQ(Reasons(refused), "2:no_path(B列“状态”) ");
  EXPECT_EQ((*reg_.store().FindCase(c->id))->state, "rectifying");
  const auto accepted = Import(reviewer_, "hazard", accept);
  ASSERT_TRUE(accepted.status.ok()) << Reasons(accepted);
  stored = reg_.store().FindCase(c->id);
  EXPECT_EQ((*stored)->state, "accepted");
  EXPECT_EQ((*stored)->state_since, Day(2026, 3, 20));
  EXPECT_NE((*stored)->fields.find("更换灭火器"), std::string::npos);
  const auto moves = reg_.store().ListCaseMoves(c->id);
  ASSERT_EQ(moves->size(), 3u);
  EXPECT_EQ((*moves)[2].transition, "accept");
  EXPECT_EQ((*moves)[2].role, "central_reviewer");

  // A stale row (its 状态日期 before the case's last move) does not move the case back.
  const Rows stale = {header, {id, "整改中", "2026-03-03", "", "", ""}};
  const auto back = Import(reviewer_, "hazard", stale);
  EXPECT_EQ(Reasons(back), "2:move_before_state(C列“状态日期”) ");
  EXPECT_EQ((*reg_.store().FindCase(c->id))->state, "accepted");
  // Nor does an export edited to a new 状态 that keeps the day of the old one; left blank, the
  // move is dated today.
  const Rows edited = {header, {id, "已销号", "2026-03-20", "", "", ""}};
  EXPECT_EQ(Reasons(Import(reviewer_, "hazard", edited)), "2:move_before_state(C列“状态日期”) ");
  const Rows undated = {header, {id, "已销号", "", "", "", ""}};
  ASSERT_TRUE(Import(reviewer_, "hazard", undated).status.ok());
  EXPECT_EQ((*reg_.store().FindCase(c->id))->state_since, Day(2026, 6, 1));

  // A number the reader does not see is not found; a leader opens and moves nothing.
  const Rows other = {header, {"999", "", "", "", "", ""}};
  EXPECT_EQ(Reasons(Import(reviewer_, "hazard", other)), "2:unknown_case() ");
  auto table = ingest::MemoryTable(Rows(accept), "x.csv");
  CaseImportRequest r{.ledger = "hazard", .today = Day(2026, 6, 1)};
  EXPECT_EQ(ImportCaseTable(reg_.store(), leader_, *md_, *table, "x.csv", r).status().reason(),
            "role_not_allowed");
}

TEST_F(CaseImportTest, AStudentIsFoundByIdentityAndAnExportReadsBackUnchanged) {
  const std::int64_t pupil = reg_.Student(core::Sex::kMale, "2012-05-01");
  reg_.Enrol(pupil, 2025, a_, 6);
  const std::string student_no = "L439900201501010001";  // TinyRegister's first 学籍号
  const std::vector<std::string> header = {"单位代码", "学籍号", "姓名", "来源", "班主任"};
  const auto unknown = Import(clerk_a_, "dropout_control",
                              {header, {"2143990001", "L439900201501019999", "", "摸排走访", ""}});
  EXPECT_EQ(Reasons(unknown), "2:unknown_person(B列“学籍号”) ");
  const auto masked = Import(clerk_a_, "dropout_control",
                             {header, {"2143990001", "L4399******0001", "", "摸排走访", ""}});
  EXPECT_EQ(Reasons(masked), "2:masked_identity(B列“学籍号”) ");
  // TinyRegister names every pupil 学生: another name is a warning, not an error.
  const auto opened = Import(clerk_a_, "dropout_control",
                             {header, {"2143990001", student_no, "张三", "摸排走访", "周老师"}});
  ASSERT_TRUE(opened.status.ok()) << Reasons(opened);
  ASSERT_EQ(opened.warnings.kept().size(), 1u);
  EXPECT_EQ(opened.warnings.kept()[0].reason, "name_mismatch");
  const auto cases = Cases("dropout_control");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_NE(cases[0].fields.find("\"student\":\"" + std::to_string(pupil) + "\""),
            std::string::npos)
      << cases[0].fields;
  EXPECT_NE(cases[0].responsible.find("周老师"), std::string::npos) << cases[0].responsible;
  const auto listed = ListCases(reg_.store(), reviewer_, *md_,
                                {.ledger = "dropout_control", .responsible = "周老师"});
  EXPECT_EQ(listed->size(), 1u);

  // A case's detail names the pupil, not the internal id it stores; masked for the reviewer.
  const auto student_shown = [&](const Actor& actor) {
    const auto d = ShowCase(reg_.store(), actor, *md_, cases[0].id);
    for (const auto& [field, value] : d->row.values) {
      if (field == "学生") return value;
    }
    return std::string("none");
  };
  EXPECT_EQ(student_shown(clerk_a_), "学生（" + student_no + "）");
  EXPECT_EQ(student_shown(reviewer_), "学*（" + core::MaskIdNumber(student_no) + "）");
  EXPECT_EQ(student_shown(reviewer_).find(student_no), std::string::npos);

  // The reviewer's export masks the 学籍号 and the name; read back it changes nothing.
  testing::TempDir dir;
  for (const Actor* actor : {&reviewer_, &clerk_a_}) {
    const std::string path = dir.File(actor->user_id + ".csv");
    auto exported = ExportCases(reg_.store(), *actor, *md_, {.ledger = "dropout_control"}, path);
    ASSERT_TRUE(exported.ok()) << exported.status().ToString();
    EXPECT_EQ(exported->rows, 1);
    EXPECT_EQ(exported->masked, actor == &reviewer_);
    const std::string text = testing::ReadFileOrDie(path);
    EXPECT_EQ(text.find(student_no) != std::string::npos, actor == &clerk_a_) << text;
    CaseImportRequest r{.ledger = "dropout_control", .path = path, .today = Day(2026, 6, 1)};
    auto back = ImportCaseFile(reg_.store(), *actor, *md_, r);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(back->status.ok()) << Reasons(*back);
    ASSERT_EQ(back->counts.size(), 1u);
    EXPECT_EQ(back->counts[0].unchanged, 1) << text;
    EXPECT_FALSE(back->written);
  }
}

// Two years' payments of the same kind to one pupil are two cases, told apart by their 发放日期
// (the ledger's period field); a row without one cannot say which it is.
TEST_F(CaseImportTest, PaymentsOfTheSameKindAreToldApartByTheirPeriod) {
  const std::int64_t pupil = reg_.Student(core::Sex::kFemale, "2013-05-01");
  reg_.Enrol(pupil, 2025, a_, 6);
  const std::vector<std::string> header = {"单位代码",   "学生",     "资助项目", "学期",
                                           "金额（元）", "资金来源", "发放日期"};
  const std::vector<std::string> paid_2024 = {
      "2143990001", "L439900201501010001", "义务教育家庭经济困难学生生活补助", "秋季学期", "250",
      "中央",       "2024-10-15"};
  std::vector<std::string> paid_2025 = paid_2024;
  paid_2025[6] = "2025-10-15";
  const auto first = Import(clerk_a_, "student_aid", {header, paid_2024, paid_2025});
  ASSERT_TRUE(first.status.ok()) << Reasons(first);
  EXPECT_EQ(first.counts[0].added, 2);
  const auto again = Import(clerk_a_, "student_aid", {header, paid_2025});
  EXPECT_EQ(again.counts[0].unchanged, 1) << Reasons(again);
  std::vector<std::string> undated = paid_2024;
  undated[6] = "";
  EXPECT_EQ(Reasons(Import(clerk_a_, "student_aid", {header, undated})), "2:ambiguous_row() ");
  EXPECT_EQ(Cases("student_aid").size(), 2u);
  // A negative amount is refused; a second payment of the term in 2025 of another amount is
  // taken, with a warning that it may be one paid twice.
  std::vector<std::string> negative = paid_2025;
  negative[4] = "-100";
  EXPECT_EQ(Reasons(Import(clerk_a_, "student_aid", {header, negative})),
            "2:bad_field_value(E列“金额（元）”) ");
  std::vector<std::string> twice = paid_2025;
  twice[4] = "300";
  twice[6] = "2025-11-20";
  const auto second = Import(clerk_a_, "student_aid", {header, twice});
  ASSERT_TRUE(second.status.ok()) << Reasons(second);
  EXPECT_EQ(second.counts[0].added, 1);
  ASSERT_EQ(second.warnings.kept().size(), 1u);
  EXPECT_EQ(second.warnings.kept()[0].reason, "possible_duplicate");
  EXPECT_NE(second.warnings.kept()[0].message.find("发放日期在同一年"), std::string::npos)
      << second.warnings.kept()[0].message;
}

// A file of several blocks (two rows each here) is one import: its pupils are matched by one
// scan of the register, a row of the last block that repeats one of the first rejects the whole
// file though the first blocks were clean, and a payment entered as 已发放 has two moves in its
// history, the opening and the move to 已发放 that names the steps of the workflow it passed.
TEST_F(CaseImportTest, AFileOfManyBlocksIsCheckedAndWrittenWhole) {
  const Actor admin = Actor::LocalAdmin();
  std::vector<std::int64_t> pupils;
  for (int i = 0; i < 5; ++i) {
    pupils.push_back(reg_.Student(core::Sex::kFemale, "2013-05-01"));
    reg_.Enrol(pupils.back(), 2025, a_, 6);
  }
  const std::vector<std::string> header = {"单位代码", "状态",    "学生",       "姓名",
                                           "资助项目", "学期",    "金额（元）", "资助对象类别",
                                           "资金来源", "发放日期"};
  const auto row = [](int pupil, const std::string& name) {
    char no[32];
    std::snprintf(no, sizeof no, "L43990020150101%04d", pupil);
    return std::vector<std::string>{
        "2143990001", "已发放", no,         name,   "义务教育家庭经济困难学生生活补助",
        "秋季学期",   "625",    "城乡低保", "中央", "2025-10-15"};
  };
  Rows clean = {header};
  for (int i = 1; i <= 5; ++i) clean.push_back(row(i, i == 5 ? "李四" : "学生"));
  Rows repeated = clean;
  repeated[5] = row(2, "学生");  // row 6 pays pupil 2 again, as row 3 did

  const auto rejected = Import(admin, "student_aid", repeated, false, 2);
  EXPECT_EQ(Reasons(rejected), "6:duplicate_row() ");
  EXPECT_FALSE(rejected.written);
  EXPECT_TRUE(Cases("student_aid").empty());

  const auto written = Import(admin, "student_aid", clean, false, 2);
  ASSERT_TRUE(written.status.ok()) << Reasons(written);
  EXPECT_TRUE(written.written);
  EXPECT_EQ(written.rows, 5);
  EXPECT_EQ(written.counts[0].added, 5);
  // Row 6's 姓名 is not the name the register has (TinyRegister names every pupil 学生).
  ASSERT_EQ(written.warnings.kept().size(), 1u);
  EXPECT_EQ(written.warnings.kept()[0].row, 6);
  EXPECT_EQ(written.warnings.kept()[0].reason, "name_mismatch");
  const auto cases = Cases("student_aid");
  ASSERT_EQ(cases.size(), 5u);
  std::set<std::string> students;
  for (const store::Case& c : cases) {
    EXPECT_EQ(c.state, "paid");
    EXPECT_EQ(c.opened, Day(2025, 10, 15));  // no 登记日期: the day of its period field
    const std::string key = "\"student\":\"";
    const auto at = c.fields.find(key);
    ASSERT_NE(at, std::string::npos) << c.fields;
    students.insert(
        c.fields.substr(at + key.size(), c.fields.find('"', at + key.size()) - at - key.size()));
    const auto moves = reg_.store().ListCaseMoves(c.id);
    ASSERT_EQ(moves->size(), 2u);
    EXPECT_EQ((*moves)[0].to_state, "applied");
    EXPECT_EQ((*moves)[1].transition, "pay");
    EXPECT_EQ((*moves)[1].from_state, "applied");
    EXPECT_EQ((*moves)[1].to_state, "paid");
    EXPECT_EQ((*moves)[1].comment, "导入：隐患.csv（经学校评议、公示、资助中心审核、发放）");
  }
  std::set<std::string> expected;
  for (const std::int64_t p : pupils) expected.insert(std::to_string(p));
  EXPECT_EQ(students, expected);

  // Read again, in blocks or whole, it changes nothing.
  for (const std::size_t block : {std::size_t{2}, std::size_t{65536}}) {
    const auto again = Import(admin, "student_aid", clean, false, block);
    EXPECT_EQ(again.counts[0].unchanged, 5) << Reasons(again);
    EXPECT_FALSE(again.written);
  }
}

}  // namespace
}  // namespace eduledger::app
