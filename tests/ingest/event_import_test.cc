// The events import (学籍异动) against a real SQLite store holding the fixture county of
// tests/data (schools.csv, and the 2024 roster of students.csv). Every expected event is read
// off the rows the test writes.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/import.h"
#include "ingest/import_today.h"
#include "meta/org_tree.h"
#include "store/sqlite_store.h"
#include "testing/test_util.h"

namespace eduledger::ingest {
namespace {

using meta::EventType;

core::Date D(int y, int m, int d) { return *core::Date::FromYmd(y, m, d); }

// The fixture's people and schools.
constexpr const char* kZhang = "439901201605120019";  // 城关镇第一小学, 三年级
constexpr const char* kLi = "439901201608230029";     // 河口乡中心小学, 三年级
constexpr const char* kWang = "439901201211030037";   // 示例县第一中学, 七年级
constexpr const char* kZhao = "439901201302150042";   // 河口乡中心小学, 六年级
constexpr const char* kChengguan1 = "2143990001";     // 城关镇第一小学
constexpr const char* kHekou = "2143990002";          // 河口乡中心小学

constexpr const char* kHeader = "姓名,身份证件号,异动类型,异动日期,原学校,转入学校,原因\n";

class EventImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteStore(dir_.File("t.db"), {.create_if_missing = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    ASSERT_TRUE(Import(ImportKind::kOrgUnits, testing::DataPath("schools.csv")).status.ok());
    // The same roster for 2023 and 2024 (the enrolment check needs a year and the one before).
    for (const int year : {2023, 2024}) {
      ImportOptions o;
      o.school_year = year;
      ASSERT_TRUE(Import(ImportKind::kStudents, testing::DataPath("students.csv"), o).status.ok());
    }
    tree_ = meta::OrgTree(*store_->LoadOrgUnits());
  }

  ImportReport Import(ImportKind kind, const std::string& path, ImportOptions options = {}) {
    options.today = kToday;
    return ImportFile(*store_, kind, path, options,
                      store::AuditContext{"admin", "bureau_admin", "import", "{}"});
  }
  // Import `rows` (CSV lines after the header) as an events file.
  ImportReport Events(const std::string& rows) {
    const std::string path = dir_.File("events" + std::to_string(++files_) + ".csv");
    testing::WriteFile(path, std::string(kHeader) + rows);
    return Import(ImportKind::kEvents, path);
  }

  std::int64_t Id(const char* id_number) {
    const store::PersonKey key{meta::IdType::kResidentId, id_number, {}};
    std::vector<store::Found<meta::Student>> found;
    EXPECT_TRUE(store_->FindStudents(std::span(&key, 1), &found).ok());
    return found.empty() ? 0 : found[0].value.id;
  }
  std::int64_t School(const char* code) { return tree_.ByCode(code)->id; }
  std::vector<meta::StatusEvent> EventsOf(const char* id_number) {
    const std::int64_t ids[] = {Id(id_number)};
    std::vector<store::Found<meta::StatusEvent>> found;
    EXPECT_TRUE(store_->FindStatusEvents(ids, &found).ok());
    std::vector<meta::StatusEvent> out;
    for (auto& f : found) out.push_back(std::move(f.value));
    return out;
  }
  std::size_t AllEvents() {
    std::size_t n = 0;
    for (const char* p : {kZhang, kLi, kWang, kZhao}) n += EventsOf(p).size();
    return n;
  }
  static const RowError* ErrorAt(const ImportReport& r, std::int64_t row) {
    for (const RowError& e : r.errors.kept()) {
      if (e.row == row) return &e;
    }
    return nullptr;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::SqliteStore> store_;
  meta::OrgTree tree_;
  int files_ = 0;
};

TEST_F(EventImportTest, ImportsEventsAndBothEndsOfATransferWithinTheCounty) {
  const ImportReport r =
      Events(std::string("张小明,") + kZhang + ",转出,2024-11-05," + kChengguan1 +
             ",河口乡中心小学,搬家\n" + "赵小芳," + kZhao +
             ",毕业,2025-06-30,,,\n" +  // school: where she is enrolled
             "李小红," + kLi + ",辍学,2024-12-01," + kHekou + ",,外出务工\n" + "李小红," + kLi +
             ",复学（劝返）,2025-03-01," + kHekou + ",,\n" + "王大力," + kWang +
             ",转出,2025-01-10,示例县第一中学,外县第二中学,\n");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.written);
  // 2 (张小明 out and in) + 1 + 2 + 1.
  ASSERT_EQ(r.counts.size(), 1u);
  EXPECT_EQ(r.counts[0].added, 6);
  // A school outside the county is kept as written, with a warning.
  ASSERT_EQ(r.warnings.count(), 1);
  EXPECT_EQ(r.warnings.kept()[0].reason, "outside_county");

  const auto zhang = EventsOf(kZhang);
  ASSERT_EQ(zhang.size(), 2u);
  const auto out = std::find_if(zhang.begin(), zhang.end(),
                                [](const auto& e) { return e.type == EventType::kTransferOut; });
  const auto in = std::find_if(zhang.begin(), zhang.end(),
                               [](const auto& e) { return e.type == EventType::kTransferIn; });
  ASSERT_NE(out, zhang.end());
  ASSERT_NE(in, zhang.end());
  EXPECT_EQ(out->org_unit_id, School(kChengguan1));
  EXPECT_EQ(out->other_org_unit_id, School(kHekou));
  EXPECT_EQ(out->note, "搬家");
  EXPECT_EQ(in->org_unit_id, School(kHekou));
  EXPECT_EQ(in->other_org_unit_id, School(kChengguan1));
  EXPECT_EQ(in->date, D(2024, 11, 5));
  const auto zhao = EventsOf(kZhao);
  ASSERT_EQ(zhao.size(), 1u);
  EXPECT_EQ(zhao[0].type, EventType::kGraduate);
  EXPECT_EQ(zhao[0].org_unit_id, School(kHekou));
  const auto li = EventsOf(kLi);
  ASSERT_EQ(li.size(), 2u);
  EXPECT_EQ(li[1].type, EventType::kReturn);
  const auto wang = EventsOf(kWang);
  ASSERT_EQ(wang.size(), 1u);
  EXPECT_EQ(wang[0].other_org_unit_id, 0);
  EXPECT_EQ(wang[0].other_school, "外县第二中学");

  // The same file again changes nothing.
  const ImportReport again =
      Events(std::string("张小明,") + kZhang + ",转出,2024-11-05," + kChengguan1 +
             ",河口乡中心小学,搬家\n" + "赵小芳," + kZhao + ",毕业,2025-06-30,,,\n");
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_FALSE(again.written);
  EXPECT_EQ(again.counts[0].added, 0);
  EXPECT_EQ(AllEvents(), 6u);
}

TEST_F(EventImportTest, ATransferReportedByBothSchoolsIsStillTwoEvents) {
  // 城关镇第一小学 files the 转出 on 5 November, 河口乡中心小学 the 转入 on the 7th.
  const ImportReport r =
      Events(std::string("张小明,") + kZhang + ",转出,2024-11-05," + kChengguan1 + "," + kHekou +
             ",\n" + "张小明," + kZhang + ",转入,2024-11-07," + kChengguan1 + "," + kHekou + ",\n");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  const auto zhang = EventsOf(kZhang);
  ASSERT_EQ(zhang.size(), 2u);
  EXPECT_EQ(zhang[0].type, EventType::kTransferOut);
  EXPECT_EQ(zhang[0].date, D(2024, 11, 5));
  EXPECT_EQ(zhang[1].type, EventType::kTransferIn);
  EXPECT_EQ(zhang[1].date, D(2024, 11, 7));
}

TEST_F(EventImportTest, BadRowsRejectTheWholeFileAndEveryOneIsNamed) {
  const ImportReport r =
      Events(std::string("无名,110105201601010014,辍学,2024-12-01,") + kHekou + ",,\n" +  // row 2
             "李四," + kLi + ",辍学,2024-12-01," + kHekou + ",,\n" +                      // row 3
             "李小红," + kLi + ",退学了,2024-12-01," + kHekou + ",,\n" +                  // row 4
             "李小红," + kLi + ",辍学,2027-01-01," + kHekou + ",,\n" +                    // row 5
             "赵小芳," + kZhao + ",辍学,2024-12-01," + kChengguan1 + ",,\n" +             // row 6
             "李小红," + kLi + ",辍学,2024-12-01," + kHekou + ",,\n" +                    // row 7
             "李小红," + kLi + ",辍学,2024-12-01," + kHekou + ",,\n" +                    // row 8
             "张小明," + kZhang + ",转出,2024-11-05,,,\n");                               // row 9
  EXPECT_EQ(r.status.reason(), "rows_rejected");
  EXPECT_FALSE(r.written);
  const std::pair<int, const char*> expected[] = {
      {2, "unknown_student"},    {3, "name_mismatch"},   {4, "bad_event_type"}, {5, "future_date"},
      {6, "not_enrolled_there"}, {8, "duplicate_event"}, {9, "empty"}};
  for (const auto& [row, reason] : expected) {
    const RowError* e = ErrorAt(r, row);
    ASSERT_NE(e, nullptr) << "row " << row;
    EXPECT_EQ(e->reason, reason) << "row " << row << ": " << e->message;
  }
  EXPECT_EQ(ErrorAt(r, 7), nullptr);  // the first of the two identical rows is fine
  // An unknown type lists the ones a clerk can write.
  EXPECT_NE(ErrorAt(r, 4)->message.find("复学（劝返）"), std::string::npos);
  EXPECT_EQ(AllEvents(), 0u);
}

TEST_F(EventImportTest, NothingFollowsADeathAndAReturnNeedsTheAbsenceBeforeIt) {
  // In one file: 李小红 dies on 1 December and "drops out" in January: the whole file is
  // rejected at row 3.
  const ImportReport dead =
      Events(std::string("李小红,") + kLi + ",死亡,2024-12-01," + kHekou + ",,\n" + "李小红," +
             kLi + ",辍学,2025-01-05," + kHekou + ",,\n");
  EXPECT_EQ(dead.status.reason(), "rows_rejected");
  ASSERT_NE(ErrorAt(dead, 3), nullptr);
  EXPECT_EQ(ErrorAt(dead, 3)->reason, "after_death");
  EXPECT_NE(ErrorAt(dead, 3)->message.find("2024年12月1日死亡（第2行）"), std::string::npos)
      << ErrorAt(dead, 3)->message;
  EXPECT_EQ(ErrorAt(dead, 2), nullptr);
  EXPECT_EQ(AllEvents(), 0u);

  // A death already stored: a later file's transfer of the same pupil is refused.
  ASSERT_TRUE(Events(std::string("张小明,") + kZhang + ",死亡,2024-12-01," + kChengguan1 + ",,\n")
                  .status.ok());
  const ImportReport later = Events(std::string("张小明,") + kZhang + ",转出,2025-01-10," +
                                    kChengguan1 + "," + kHekou + ",\n");
  EXPECT_EQ(later.status.reason(), "rows_rejected");
  ASSERT_NE(ErrorAt(later, 2), nullptr);
  EXPECT_NE(ErrorAt(later, 2)->message.find("系统中已有记录"), std::string::npos);
  EXPECT_EQ(EventsOf(kZhang).size(), 1u);

  // A 复学 with no 休学 before it and a 劝返复学 with no 辍学 are imported, with a warning
  // each; the 复学 after 王大力's 休学 has none.
  const ImportReport back =
      Events(std::string("李小红,") + kLi + ",复学,2025-03-01," + kHekou + ",,\n" + "赵小芳," +
             kZhao + ",复学（劝返）,2025-03-01," + kHekou + ",,\n" + "王大力," + kWang +
             ",休学,2024-10-08,示例县第一中学,,\n" + "王大力," + kWang +
             ",复学,2025-02-20,示例县第一中学,,\n");
  ASSERT_TRUE(back.status.ok()) << back.status.ToString();
  EXPECT_TRUE(back.written);
  ASSERT_EQ(back.warnings.count(), 2);
  EXPECT_EQ(back.warnings.kept()[0].row, 2);
  EXPECT_EQ(back.warnings.kept()[0].reason, "resume_without_suspension");
  EXPECT_EQ(back.warnings.kept()[1].row, 3);
  EXPECT_EQ(back.warnings.kept()[1].reason, "return_without_dropout");
  // A second 复学 after 王大力's one 休学 is warned: he was back already.
  const ImportReport twice =
      Events(std::string("王大力,") + kWang + ",复学,2025-03-20,示例县第一中学,,\n");
  ASSERT_TRUE(twice.status.ok()) << twice.status.ToString();
  ASSERT_EQ(twice.warnings.count(), 1);
  EXPECT_EQ(twice.warnings.kept()[0].reason, "resume_without_suspension");

  // A death dated before events already stored is refused on the death's row.
  const ImportReport early =
      Events(std::string("王大力,") + kWang + ",死亡,2024-09-20,示例县第一中学,,\n");
  EXPECT_EQ(early.status.reason(), "rows_rejected");
  ASSERT_NE(ErrorAt(early, 2), nullptr);
  EXPECT_EQ(ErrorAt(early, 2)->reason, "after_death");
  EXPECT_NE(ErrorAt(early, 2)->message.find("2024年10月8日还有学籍异动（休学）"), std::string::npos)
      << ErrorAt(early, 2)->message;
}

TEST_F(EventImportTest, AMistypedCountySchoolIsNotTakenForOneElsewhere) {
  // "示例县第九小学" names no school of the tree but carries the county's name: an error, not
  // a transfer out of the county.
  const ImportReport r = Events(std::string("张小明,") + kZhang + ",转出,2024-11-05," +
                                kChengguan1 + ",示例县第九小学,\n");
  EXPECT_EQ(r.status.reason(), "rows_rejected");
  ASSERT_NE(ErrorAt(r, 2), nullptr);
  EXPECT_EQ(ErrorAt(r, 2)->reason, "unknown_school");
  EXPECT_EQ(ErrorAt(r, 2)->column, "F列“转入学校”");
  EXPECT_NE(ErrorAt(r, 2)->message.find("示例县"), std::string::npos);
  EXPECT_EQ(AllEvents(), 0u);
  // The city of the same stem is elsewhere: a transfer out of the county, with a warning.
  const ImportReport city = Events(std::string("张小明,") + kZhang + ",转出,2024-11-05," +
                                   kChengguan1 + ",示例市实验中学,\n");
  ASSERT_TRUE(city.status.ok()) << city.status.ToString();
  ASSERT_EQ(city.warnings.count(), 1);
  EXPECT_EQ(city.warnings.kept()[0].reason, "outside_county");
}

TEST_F(EventImportTest, TheOtherSchoolsRecordOfATransferCountsAsUnchanged) {
  // 城关镇第一小学's 转出 on 5 November makes 河口乡中心小学's 转入 too. 河口乡 then files its
  // own 转入 dated the 7th: a new event; its other end (the 转出) is already there.
  ASSERT_TRUE(Events(std::string("张小明,") + kZhang + ",转出,2024-11-05," + kChengguan1 + "," +
                     kHekou + ",\n")
                  .status.ok());
  const ImportReport r = Events(std::string("张小明,") + kZhang + ",转入,2024-11-07," +
                                kChengguan1 + "," + kHekou + ",\n");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.counts.size(), 1u);
  EXPECT_EQ(r.counts[0].added, 1);
  EXPECT_EQ(r.counts[0].unchanged, 1);
  EXPECT_EQ(EventsOf(kZhang).size(), 3u);
}

TEST_F(EventImportTest, ATransferOnTheSnapshotDayExplainsTheNewRosterAsWell) {
  // A transfer dated 1 September is the new window's: the pupil is on the old school's roll
  // on the snapshot day and joins the new one that day.
  ASSERT_TRUE(Events(std::string("张小明,") + kZhang + ",转出,2024-09-01," + kChengguan1 + "," +
                     kHekou + ",\n")
                  .status.ok());
  const std::string roster = dir_.File("hekou.csv");
  testing::WriteFile(roster, std::string("姓名,身份证件号,学校标识码,年级,学年\n张小明,") + kZhang +
                                 "," + kHekou + ",三年级,2024\n");
  const ImportReport r = Import(ImportKind::kStudents, roster);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  const std::int64_t ids[] = {Id(kZhang)};
  std::vector<store::Found<meta::Enrolment>> enrolled;
  ASSERT_TRUE(store_->FindEnrolments(2024, ids, &enrolled).ok());
  ASSERT_EQ(enrolled.size(), 2u);
  const auto at_hekou = std::find_if(enrolled.begin(), enrolled.end(), [&](const auto& f) {
    return f.value.org_unit_id == School(kHekou);
  });
  ASSERT_NE(at_hekou, enrolled.end());
  EXPECT_EQ(at_hekou->value.joined, D(2024, 9, 1));
}

TEST_F(EventImportTest, ATransferExplainsARosterAtTheNewSchool) {
  // 河口乡中心小学's roster of 2024, made after 张小明 arrived there.
  const std::string roster = dir_.File("hekou.csv");
  testing::WriteFile(roster, std::string("姓名,身份证件号,学校标识码,年级,学年\n张小明,") + kZhang +
                                 "," + kHekou + ",三年级,2024\n");
  ImportReport before = Import(ImportKind::kStudents, roster);
  EXPECT_EQ(before.status.reason(), "rows_rejected");
  ASSERT_FALSE(before.errors.kept().empty());
  EXPECT_EQ(before.errors.kept()[0].reason, "enrolled_elsewhere");
  EXPECT_NE(before.errors.kept()[0].message.find("学籍异动"), std::string::npos);

  ASSERT_TRUE(Events(std::string("张小明,") + kZhang + ",转出,2024-11-05," + kChengguan1 + "," +
                     kHekou + ",\n")
                  .status.ok());
  const ImportReport after = Import(ImportKind::kStudents, roster);
  ASSERT_TRUE(after.status.ok()) << after.status.ToString();
  const std::int64_t ids[] = {Id(kZhang)};
  std::vector<store::Found<meta::Enrolment>> enrolled;
  ASSERT_TRUE(store_->FindEnrolments(2024, ids, &enrolled).ok());
  ASSERT_EQ(enrolled.size(), 2u);
  for (const auto& f : enrolled) {
    if (f.value.org_unit_id == School(kHekou)) {
      EXPECT_EQ(f.value.joined, D(2024, 11, 5));  // joined the day of the transfer
    } else {
      EXPECT_TRUE(f.value.joined.is_null());  // on 城关镇第一小学's roll on 1 September
    }
  }
}

}  // namespace
}  // namespace eduledger::ingest
