// Export, then import the exported file again: nothing may differ (the round trip is exact).
#include "ingest/export.h"

#include <gtest/gtest.h>

#include "core/zip_reader.h"
#include "ingest/import_today.h"
#include "store/sqlite_store.h"
#include "testing/db_dump.h"
#include "testing/test_util.h"

namespace eduledger::ingest {
namespace {

class ExportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ =
        std::move(store::OpenSqliteStore(dir_.File("t.db"), {.create_if_missing = true})).value();
    for (auto [kind, file] : {std::pair{ImportKind::kOrgUnits, "schools.csv"},
                              std::pair{ImportKind::kStudents, "students.csv"},
                              std::pair{ImportKind::kStaff, "staff.csv"}}) {
      const ImportReport r = Run(kind, testing::DataPath(file), false);
      ASSERT_TRUE(r.status.ok()) << file << ": " << r.status.ToString();
    }
    tree_ = meta::OrgTree(*store_->LoadOrgUnits());
  }

  ImportReport Run(ImportKind kind, const std::string& path, bool dry_run) {
    ImportOptions o;
    o.school_year = 2024;
    o.dry_run = dry_run;
    o.today = kToday;
    return ImportFile(*store_, kind, path, o, {"admin", "bureau_admin", "import", "{}"});
  }

  ExportOptions All() const {
    ExportOptions o;
    o.school_year = 2024;
    o.units = tree_.Subtree(tree_.ByCode("439901")->id);
    return o;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::SqliteStore> store_;
  meta::OrgTree tree_;
};

TEST_P(ExportTest, ReimportingAnExportChangesNothing) {
  const std::string ext = GetParam();
  for (ImportKind kind : {ImportKind::kOrgUnits, ImportKind::kStudents, ImportKind::kEnrolments,
                          ImportKind::kStaff}) {
    const std::string path = dir_.File(std::string(ImportKindName(kind)) + "." + ext);
    auto rows = ExportFile(*store_, tree_, kind, path, All());
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    const std::int64_t expected = kind == ImportKind::kOrgUnits ? 8
                                  : kind == ImportKind::kStaff  ? 2
                                                                : 6;
    EXPECT_EQ(*rows, expected) << ImportKindName(kind);
    const ImportReport again = Run(kind, path, true);
    ASSERT_TRUE(again.status.ok())
        << ImportKindName(kind) << ": " << again.status.ToString()
        << (again.errors.empty() ? "" : " " + again.errors.kept()[0].message);
    for (const EntityCounts& c : again.counts) {
      EXPECT_EQ(c.added, 0) << c.entity;
      EXPECT_EQ(c.changed, 0) << c.entity;
      EXPECT_EQ(c.unchanged, expected) << c.entity;
    }
  }
}

TEST_P(ExportTest, FormulaLikeValuesAreTextAndComeBackUnchanged) {
  const std::string ext = GetParam();
  // A class and a name a spreadsheet would run as formulas.
  const std::string in = dir_.File("formula.csv");
  testing::WriteFile(in,
                     "姓名,身份证件号,学校标识码,年级,班级\n"
                     "@王小华,439901201606010022,2143990001,三年级,\"=HYPERLINK(\"\"x\"\")\"\n");
  const ImportReport imported = Run(ImportKind::kStudents, in, false);
  ASSERT_TRUE(imported.status.ok()) << imported.status.ToString();
  const std::string path = dir_.File("students." + ext);
  ASSERT_TRUE(ExportFile(*store_, tree_, ImportKind::kStudents, path, All()).ok());
  if (ext == "csv") {
    const std::string text = testing::ReadFileOrDie(path);
    EXPECT_NE(text.find("\n'@王小华,"), std::string::npos) << text;  // the first column
    EXPECT_NE(text.find(",\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << text;
    EXPECT_EQ(text.find(",=HYPERLINK"), std::string::npos);
  } else {
    // An XLSX cell is a string, never a formula (<f>).
    auto zip = core::ZipReader::Open(path);
    ASSERT_TRUE(zip.ok());
    const std::string sheet = *zip->ReadAll("xl/worksheets/sheet1.xml");
    EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  }
  const ImportReport again = Run(ImportKind::kStudents, path, true);
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  for (const EntityCounts& c : again.counts) {
    EXPECT_EQ(c.added + c.changed, 0) << c.entity << " in " << ext;
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, ExportTest, ::testing::Values("csv", "xlsx"));

TEST(ExportCsvTest, WritesUtf8WithBomAndTheImportHeaders) {
  testing::TempDir dir;
  auto store =
      std::move(store::OpenSqliteStore(dir.File("t.db"), {.create_if_missing = true})).value();
  ImportOptions o;
  o.today = kToday;
  ASSERT_TRUE(ImportFile(*store, ImportKind::kOrgUnits, testing::DataPath("schools.csv"), o,
                         {"admin", "bureau_admin", "import", "{}"})
                  .status.ok());
  const meta::OrgTree tree(*store->LoadOrgUnits());
  ExportOptions eo;
  eo.units = tree.Subtree(tree.ByCode("439901")->id);
  ASSERT_TRUE(ExportFile(*store, tree, ImportKind::kOrgUnits, dir.File("s.csv"), eo).ok());
  const std::string text = testing::ReadFileOrDie(dir.File("s.csv"));
  EXPECT_TRUE(text.starts_with("\xEF\xBB\xBF单位代码,单位名称,层级,上级单位,办学类型"));
  EXPECT_NE(text.find("\r\n2143990003,河口乡石门教学点,学校,439901200,小学教学点,教育部门办,村庄,"
                      "否,是,否,2143990002\r\n"),
            std::string::npos);
}

TEST(ExportCsvTest, MasksPersonalDataWhenAsked) {
  testing::TempDir dir;
  auto store =
      std::move(store::OpenSqliteStore(dir.File("t.db"), {.create_if_missing = true})).value();
  ImportOptions o;
  o.today = kToday;
  o.school_year = 2024;
  const store::AuditContext who{"admin", "bureau_admin", "import", "{}"};
  ASSERT_TRUE(ImportFile(*store, ImportKind::kOrgUnits, testing::DataPath("schools.csv"), o, who)
                  .status.ok());
  ASSERT_TRUE(ImportFile(*store, ImportKind::kStudents, testing::DataPath("students.csv"), o, who)
                  .status.ok());
  const meta::OrgTree tree(*store->LoadOrgUnits());
  ExportOptions eo;
  eo.school_year = 2024;
  eo.units = tree.Subtree(tree.ByCode("439901")->id);
  eo.mask_personal = true;
  ASSERT_TRUE(ExportFile(*store, tree, ImportKind::kStudents, dir.File("s.csv"), eo).ok());
  const std::string text = testing::ReadFileOrDie(dir.File("s.csv"));
  EXPECT_EQ(text.find("439901201605120019"), std::string::npos);
  EXPECT_EQ(text.find("张小明"), std::string::npos);
  EXPECT_NE(text.find("439901********0019"), std::string::npos);
  EXPECT_NE(text.find("张**"), std::string::npos);
}

}  // namespace
}  // namespace eduledger::ingest
