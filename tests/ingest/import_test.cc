// Imports against a real SQLite store, on the fixtures in tests/data (a county with three
// townships' worth of schools, six students, two staff). Expected counts are read off the
// fixture files by hand.
#include "ingest/import.h"

#include <gtest/gtest.h>

#include "core/log.h"
#include "ingest/import_today.h"
#include "meta/org_tree.h"
#include "store/sqlite_store.h"
#include "testing/db_dump.h"
#include "testing/test_util.h"

namespace eduledger::ingest {
namespace {

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("t.db");
    auto store = store::OpenSqliteStore(db_, {.create_if_missing = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  ImportReport Import(ImportKind kind, const std::string& file, ImportOptions options = {}) {
    options.today = kToday;
    const std::string path = file.find('/') == std::string::npos ? testing::DataPath(file) : file;
    return ImportFile(*store_, kind, path, options,
                      store::AuditContext{"admin", "bureau_admin", "import", "{}"});
  }

  void ImportSchools() {
    const ImportReport r = Import(ImportKind::kOrgUnits, "schools.csv");
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  }

  static ImportOptions Year(int y) {
    ImportOptions o;
    o.school_year = y;
    return o;
  }

  static const EntityCounts& CountsOf(const ImportReport& r, std::string_view entity) {
    for (const EntityCounts& c : r.counts) {
      if (c.entity == entity) return c;
    }
    static const EntityCounts kNone;
    ADD_FAILURE() << "no counts for " << entity;
    return kNone;
  }

  // The error kept for `row`, if any.
  static const RowError* ErrorAt(const ImportReport& r, std::int64_t row) {
    for (const RowError& e : r.errors.kept()) {
      if (e.row == row) return &e;
    }
    return nullptr;
  }

  testing::TempDir dir_;
  std::string db_;
  std::unique_ptr<store::SqliteStore> store_;
};

TEST_F(ImportTest, BuildsTheOrgTreeFromOneFile) {
  const ImportReport r = Import(ImportKind::kOrgUnits, "schools.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.written);
  EXPECT_EQ(r.rows, 8);
  EXPECT_EQ(CountsOf(r, "org_unit").added, 8);
  const meta::OrgTree tree(*store_->LoadOrgUnits());
  const meta::OrgUnit* point = tree.ByCode("2143990003");
  ASSERT_NE(point, nullptr);
  EXPECT_EQ(point->school_type, 218);
  EXPECT_TRUE(point->small_scale);
  EXPECT_EQ(point->urban_rural, 220);
  EXPECT_EQ(tree.ById(point->parent_id)->name, "河口乡");
  EXPECT_EQ(tree.ById(point->central_school_id)->name, "河口乡中心小学");
  EXPECT_EQ(tree.ByCode("1143990005")->ownership, meta::Ownership::kPrivate);
  EXPECT_EQ(tree.SchoolsUnder(tree.ByCode("439901")->id).size(), 5u);
}

TEST_F(ImportTest, ImportsStudentsWithTheirEnrolment) {
  ImportSchools();
  const ImportReport r = Import(ImportKind::kStudents, "students.csv", Year(2024));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.rows, 6);  // the title row above the header is not data
  EXPECT_EQ(CountsOf(r, "student").added, 6);
  EXPECT_EQ(CountsOf(r, "enrolment").added, 6);
  EXPECT_EQ(testing::QueryScalar(db_, "SELECT count(*) FROM students WHERE flags & 1"), "3");
  // 李小红: 土家族 (15), 建档立卡 (bit 8); grade "3年级" at a primary school is 3.
  EXPECT_EQ(testing::QueryScalar(db_,
                                 "SELECT ethnicity || ',' || flags FROM students WHERE "
                                 "id_number = '439901201608230029'"),
            "15,8");
  EXPECT_EQ(testing::QueryScalar(db_,
                                 "SELECT grade || ',' || class_name || ',' || admission_ym "
                                 "FROM enrolments e JOIN students s ON s.id = e.student_id "
                                 "WHERE s.id_number = '439901201608230029'"),
            "3,1班,202209");
  // Sex and birth date come from the ID number when the cells are empty (刘小宝).
  EXPECT_EQ(testing::QueryScalar(db_,
                                 "SELECT sex || ',' || birth_date FROM students WHERE "
                                 "id_number = '439901202004010054'"),
            "1,2020-04-01");
  EXPECT_EQ(testing::QueryScalar(db_,
                                 "SELECT grade FROM enrolments e JOIN students s ON "
                                 "s.id = e.student_id WHERE s.name = '刘小宝'"),
            "-1");
}

TEST_F(ImportTest, SecondImportOfTheSameFileChangesNothing) {
  ImportSchools();
  ASSERT_TRUE(Import(ImportKind::kStudents, "students.csv", Year(2024)).status.ok());
  const std::string before = testing::DumpDatabase(db_);
  const ImportReport again = Import(ImportKind::kStudents, "students.csv", Year(2024));
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_FALSE(again.written);
  EXPECT_EQ(CountsOf(again, "student").unchanged, 6);
  EXPECT_EQ(CountsOf(again, "student").added + CountsOf(again, "student").changed, 0);
  EXPECT_EQ(CountsOf(again, "enrolment").unchanged, 6);
  EXPECT_EQ(testing::DumpDatabase(db_), before);
  // The same holds for the schools file, whose parents are named (示例县, 城关镇): the stored unit
  // and the file's row of the same code are one unit, not two of that name.
  const ImportReport schools = Import(ImportKind::kOrgUnits, "schools.csv");
  ASSERT_TRUE(schools.status.ok()) << schools.status.ToString();
  EXPECT_TRUE(schools.errors.empty());
  EXPECT_EQ(CountsOf(schools, "org_unit").unchanged, 8);
  EXPECT_EQ(testing::DumpDatabase(db_), before);
}

TEST_F(ImportTest, AnIdNumberExcelTurnedIntoANumberIsNamedSo) {
  ImportSchools();
  // What Excel writes into a CSV for an 18-digit number in a General cell.
  const std::string file = dir_.File("sci.csv");
  testing::WriteFile(file,
                     "姓名,身份证件号,学校标识码,年级,学年\n"
                     "张小明,4.39901E+17,2143990001,三年级,2024\n"
                     "李小红,4.399012016e17,2143990001,三年级,2024\n");
  const ImportReport r = Import(ImportKind::kStudents, file);
  EXPECT_EQ(r.status.reason(), "rows_rejected");
  for (std::int64_t row : {2, 3}) {
    const RowError* e = ErrorAt(r, row);
    ASSERT_NE(e, nullptr) << row;
    EXPECT_EQ(e->reason, "id_number_as_number") << row;
    EXPECT_NE(e->message.find("文本"), std::string::npos) << e->message;
  }
}

TEST_F(ImportTest, ReportsEveryErrorInOnePass) {
  ImportSchools();
  // Row 2 has a bad date; row 3 is the same person again. Both are reported at once.
  const std::string file = dir_.File("twice.csv");
  testing::WriteFile(file,
                     "姓名,身份证件号,出生日期,学校标识码,年级,学年\n"
                     "张小明,439901201605120019,2016-13-12,2143990001,三年级,2024\n"
                     "张小明,439901201605120019,,2143990001,三年级,2024\n");
  const ImportReport r = Import(ImportKind::kStudents, file);
  EXPECT_EQ(r.status.reason(), "rows_rejected");
  EXPECT_EQ(r.errors.count(), 2);
  ASSERT_NE(ErrorAt(r, 2), nullptr);
  EXPECT_EQ(ErrorAt(r, 2)->reason, "bad_date");
  ASSERT_NE(ErrorAt(r, 3), nullptr);
  EXPECT_EQ(ErrorAt(r, 3)->reason, "duplicate_person");
  EXPECT_NE(ErrorAt(r, 3)->message.find("第2行"), std::string::npos) << ErrorAt(r, 3)->message;
}

TEST_F(ImportTest, AnotherStudentsNumberIsMaskedInTheReport) {
  ImportSchools();
  ASSERT_TRUE(Import(ImportKind::kStudents, "students.csv", Year(2024)).status.ok());
  // 张小明 (439901201605120019) holds G439901201605120019; another pupil claims it.
  const std::string file = dir_.File("taken.csv");
  testing::WriteFile(file,
                     "姓名,身份证件号,全国学籍号,学校标识码,年级,学年\n"
                     "王小华,439901201606010022,G439901201605120019,2143990001,三年级,2024\n");
  const ImportReport r = Import(ImportKind::kStudents, file);
  const RowError* e = ErrorAt(r, 2);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->reason, "student_no_taken");
  EXPECT_NE(e->message.find("439901********0019"), std::string::npos) << e->message;
  for (const RowError& any : r.errors.kept()) {
    EXPECT_EQ((any.message + any.value).find("201605120019"), std::string::npos) << any.message;
  }
}

TEST_F(ImportTest, AnUnknownCodeListsTheValuesAllowed) {
  ImportSchools();
  const std::string file = dir_.File("post.csv");
  testing::WriteFile(file,
                     "姓名,身份证件号,学校名称,岗位类别,学年\n"
                     "周老师,439901198506200078,城关镇第一小学,校长,2024\n");
  const ImportReport r = Import(ImportKind::kStaff, file);
  const RowError* e = ErrorAt(r, 2);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->reason, "bad_post");
  for (std::string_view post : {"专任教师", "行政人员", "教辅人员", "工勤技能人员", "其他"}) {
    EXPECT_NE(e->message.find(post), std::string::npos) << e->message;
  }
}

TEST_F(ImportTest, AYearThatContradictsTheFilesIsAnError) {
  ImportSchools();
  const std::string before = testing::DumpDatabase(db_);
  // staff.csv's rows are of 2024 (one "2024", one "2024-2025学年").
  const ImportReport r = Import(ImportKind::kStaff, "staff.csv", Year(2025));
  EXPECT_EQ(r.status.reason(), "rows_rejected");
  EXPECT_EQ(r.errors.count(), 2);
  for (const RowError& e : r.errors.kept()) EXPECT_EQ(e.reason, "school_year_conflict");
  EXPECT_EQ(testing::DumpDatabase(db_), before);
  EXPECT_TRUE(Import(ImportKind::kStaff, "staff.csv", Year(2024)).status.ok());
}

TEST_F(ImportTest, Gb18030AndUtf8WithBomReadTheSame) {
  ImportSchools();
  testing::TempDir other;
  const std::string db2 = other.File("t2.db");
  {
    auto store2 = store::OpenSqliteStore(db2, {.create_if_missing = true});
    ASSERT_TRUE(store2.ok());
    ImportOptions o = Year(2024);
    o.today = kToday;
    const store::AuditContext who{"admin", "bureau_admin", "import", "{}"};
    ASSERT_TRUE(
        ImportFile(**store2, ImportKind::kOrgUnits, testing::DataPath("schools.csv"), o, who)
            .status.ok());
    const ImportReport gb = ImportFile(**store2, ImportKind::kStudents,
                                       testing::DataPath("students_gb18030.csv"), o, who);
    ASSERT_TRUE(gb.status.ok()) << gb.status.ToString();
    EXPECT_NE(gb.source.find("GB18030"), std::string::npos);
  }
  const ImportReport bom = Import(ImportKind::kStudents, "students_utf8_bom.csv", Year(2024));
  ASSERT_TRUE(bom.status.ok()) << bom.status.ToString();
  EXPECT_NE(bom.source.find("UTF-8 BOM"), std::string::npos);
  const std::string sql =
      "SELECT group_concat(id_number || name || sex || birth_date || ethnicity "
      "|| hukou || flags, ';') FROM (SELECT * FROM students ORDER BY id_number)";
  EXPECT_EQ(testing::QueryScalar(db_, sql), testing::QueryScalar(db2, sql));
  EXPECT_NE(testing::QueryScalar(db_, sql).find("张小明"), std::string::npos);
}

TEST_F(ImportTest, RejectsAFileWithBadRowsWholeAndNamesEveryOne) {
  ImportSchools();
  const std::string before = testing::DumpDatabase(db_);
  const ImportReport r = Import(ImportKind::kStudents, "students_bad.csv");
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.reason(), "rows_rejected");
  EXPECT_FALSE(r.written);
  EXPECT_EQ(testing::DumpDatabase(db_), before);
  // Row 2 is good; rows 3-8 each have one error (tests/data/students_bad.csv).
  EXPECT_EQ(r.errors.count(), 6);
  EXPECT_EQ(ErrorAt(r, 2), nullptr);
  struct Expected {
    std::int64_t row;
    std::string_view reason;
    std::string_view column;
    std::string_view value;
  };
  // An ID number in an error report is masked: the first six and the last four characters.
  for (const Expected& e : std::initializer_list<Expected>{
           {3, "bad_check_character", "C列“身份证件号”", "439901********0011"},
           {4, "unknown_school", "E列“学校标识码”", "2199999999"},
           {5, "grade_not_offered", "F列“年级”", "七年级"},
           {6, "birth_date_mismatch", "D列“出生日期”", "2013-02-16"},
           {7, "enrolled_twice", "C列“身份证件号”", "439901********0019"},
           {8, "sex_mismatch", "B列“性别”", "女"}}) {
    const RowError* got = ErrorAt(r, e.row);
    ASSERT_NE(got, nullptr) << "row " << e.row;
    EXPECT_EQ(got->reason, e.reason) << "row " << e.row;
    EXPECT_EQ(got->column, e.column) << "row " << e.row;
    EXPECT_EQ(got->value, e.value) << "row " << e.row;
    EXPECT_FALSE(got->message.empty());
  }
}

TEST_F(ImportTest, KeepsOnlyTheFirstErrorsButCountsAll) {
  ImportSchools();
  ImportOptions o;
  o.max_errors = 2;
  const ImportReport r = Import(ImportKind::kStudents, "students_bad.csv", o);
  EXPECT_EQ(r.errors.count(), 6);
  EXPECT_EQ(r.errors.kept().size(), 2u);
}

TEST_F(ImportTest, RejectsAnEnrolmentAtASecondSchoolInTheSameYear) {
  ImportSchools();
  ASSERT_TRUE(Import(ImportKind::kStudents, "students.csv", Year(2024)).status.ok());
  const std::string before = testing::DumpDatabase(db_);
  // 张小明 is at 城关镇第一小学 in 2024; a file puts him at 河口乡中心小学 the same year.
  const std::string moved = dir_.File("moved.csv");
  testing::WriteFile(moved,
                     "姓名,身份证件号,学校名称,年级,学年\n"
                     "张小明,439901201605120019,河口乡中心小学,三年级,2024\n");
  const ImportReport r = Import(ImportKind::kStudents, moved);
  ASSERT_EQ(r.errors.count(), 1);
  EXPECT_EQ(r.errors.kept()[0].reason, "enrolled_elsewhere");
  EXPECT_NE(r.errors.kept()[0].message.find("城关镇第一小学"), std::string::npos);
  EXPECT_EQ(testing::DumpDatabase(db_), before);
  // The next school year at the other school is a new enrolment, not a conflict.
  const std::string next = dir_.File("next.csv");
  testing::WriteFile(next,
                     "姓名,身份证件号,学校名称,年级,学年\n"
                     "张小明,439901201605120019,河口乡中心小学,四年级,2025\n");
  const ImportReport ok = Import(ImportKind::kStudents, next);
  ASSERT_TRUE(ok.status.ok()) << ok.status.ToString();
  EXPECT_EQ(CountsOf(ok, "student").unchanged, 1);
  EXPECT_EQ(CountsOf(ok, "enrolment").added, 1);
}

TEST_F(ImportTest, EmptyCellsKeepWhatTheStoreHolds) {
  ImportSchools();
  ASSERT_TRUE(Import(ImportKind::kStudents, "students.csv", Year(2024)).status.ok());
  // No 民族 column, an empty class and a changed grade for 王大力.
  const std::string update = dir_.File("update.csv");
  testing::WriteFile(update,
                     "姓名,身份证件号,学校标识码,年级,班级,学年\n"
                     "王大力,439901201211030037,3143990004,八年级,,2024\n");
  const ImportReport r = Import(ImportKind::kStudents, update);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(CountsOf(r, "student").unchanged, 1);
  EXPECT_EQ(CountsOf(r, "enrolment").changed, 1);
  EXPECT_EQ(testing::QueryScalar(db_,
                                 "SELECT grade || ',' || class_name FROM enrolments e JOIN "
                                 "students s ON s.id = e.student_id WHERE s.name = '王大力'"),
            "8,1班");
  EXPECT_EQ(testing::QueryScalar(db_, "SELECT ethnicity FROM students WHERE name = '王大力'"), "1");
}

TEST_F(ImportTest, DryRunReportsButWritesNothing) {
  ImportSchools();
  const std::string before = testing::DumpDatabase(db_);
  ImportOptions o = Year(2024);
  o.dry_run = true;
  const ImportReport r = Import(ImportKind::kStudents, "students.csv", o);
  ASSERT_TRUE(r.status.ok());
  EXPECT_FALSE(r.written);
  EXPECT_EQ(CountsOf(r, "student").added, 6);
  EXPECT_EQ(testing::DumpDatabase(db_), before);
}

TEST_F(ImportTest, RowsForSchoolsOutsideTheActorsScopeAreUnknown) {
  ImportSchools();
  const meta::OrgTree tree(*store_->LoadOrgUnits());
  const std::int64_t chengguan = tree.ByCode("439901100")->id;
  ImportOptions o = Year(2024);
  o.may_write = [&](const meta::OrgUnit& u) { return tree.IsWithin(u.id, chengguan); };
  const ImportReport r = Import(ImportKind::kStudents, "students.csv", o);
  // Rows 4, 6 and 8 are at 河口乡 schools (the title is row 1, the header row 2).
  ASSERT_EQ(r.errors.count(), 3);
  for (std::int64_t row : {4, 6, 8}) {
    const RowError* e = ErrorAt(r, row);
    ASSERT_NE(e, nullptr) << row;
    EXPECT_EQ(e->reason, "unknown_school");
  }
}

TEST_F(ImportTest, RejectsAFileWithoutRequiredColumns) {
  ImportSchools();
  const std::string path = dir_.File("cols.csv");
  testing::WriteFile(path, "姓名,性别,民族\n张三,男,汉族\n");
  const ImportReport r = Import(ImportKind::kStudents, path, Year(2024));
  EXPECT_EQ(r.status.reason(), "missing_column");
  EXPECT_NE(r.status.message().find("年级"), std::string_view::npos);
  const ImportReport no_year = Import(ImportKind::kStudents, "students.csv");
  EXPECT_EQ(no_year.status.reason(), "missing_column");
  EXPECT_NE(no_year.status.message().find("--year"), std::string_view::npos);
}

TEST_F(ImportTest, ImportsStaffAndTheirAssignments) {
  ImportSchools();
  const ImportReport r = Import(ImportKind::kStaff, "staff.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(CountsOf(r, "staff").added, 2);
  EXPECT_EQ(CountsOf(r, "staff_assignment").added, 2);
  EXPECT_EQ(testing::QueryScalar(db_,
                                 "SELECT post || ',' || title || ',' || level_taught || ',' "
                                 "|| qualification || ',' || school_year FROM staff_assignments a "
                                 "JOIN staff s ON s.id = a.staff_id WHERE s.name = '吴老师'"),
            "1,2,2,2,2024");
  EXPECT_EQ(CountsOf(Import(ImportKind::kStaff, "staff.csv"), "staff").unchanged, 2);
}

TEST_F(ImportTest, EnrolmentsNeedStudentsOnTheRegister) {
  ImportSchools();
  ASSERT_TRUE(Import(ImportKind::kStudents, "students.csv", Year(2024)).status.ok());
  const std::string path = dir_.File("enrol.csv");
  testing::WriteFile(path,
                     "全国学籍号,身份证件号,学校标识码,年级,学年\n"
                     "G439901201605120019,,2143990001,四年级,2025\n"
                     ",439901201302150042,3143990004,七年级,2025\n"
                     ",439901198506200078,3143990004,七年级,2025\n");
  const ImportReport r = Import(ImportKind::kEnrolments, path);
  ASSERT_EQ(r.errors.count(), 1);
  EXPECT_EQ(r.errors.kept()[0].row, 4);
  EXPECT_EQ(r.errors.kept()[0].reason, "unknown_student");
  // Without the stranger the two others are placed in 2025.
  testing::WriteFile(path,
                     "全国学籍号,身份证件号,学校标识码,年级,学年\n"
                     "G439901201605120019,,2143990001,四年级,2025\n"
                     ",439901201302150042,3143990004,七年级,2025\n");
  const ImportReport ok = Import(ImportKind::kEnrolments, path);
  ASSERT_TRUE(ok.status.ok()) << ok.status.ToString();
  EXPECT_EQ(CountsOf(ok, "enrolment").added, 2);
  EXPECT_EQ(CountsOf(ok, "student").unchanged, 2);
}

TEST_F(ImportTest, LogsNoPersonalData) {
  ImportSchools();
  std::string captured;
  core::SetLogLevel(core::LogLevel::kDebug);
  core::SetLogSink([&](std::string_view line) { captured.append(line).push_back('\n'); });
  const ImportReport ok = Import(ImportKind::kStudents, "students.csv", Year(2024));
  const ImportReport bad = Import(ImportKind::kStudents, "students_bad.csv");
  core::SetLogSink(nullptr);
  core::SetLogLevel(core::LogLevel::kWarning);
  ASSERT_TRUE(ok.status.ok());
  for (std::string_view secret :
       {"439901201605120019", "G439901201605120019", "张小明", "错校验"}) {
    EXPECT_EQ(captured.find(secret), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace eduledger::ingest
