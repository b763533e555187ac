// Import templates: every kind's template reads back as that kind's header, its coded columns
// carry drop-down lists, its cells are text, and a template a clerk filled in imports.
#include "ingest/import_template.h"

#include <gtest/gtest.h>

#include "core/zip_reader.h"
#include "ingest/columns.h"
#include "ingest/error_file.h"
#include "ingest/table_reader.h"
#include "store/sqlite_store.h"
#include "testing/test_util.h"
#include "testing/zip_writer.h"

namespace eduledger::ingest {
namespace {

std::string Entry(const std::string& path, const std::string& name) {
  auto zip = core::ZipReader::Open(path);
  EXPECT_TRUE(zip.ok()) << zip.status().ToString();
  auto text = zip->ReadAll(name);
  EXPECT_TRUE(text.ok()) << name;
  return text.ok() ? *text : "";
}

TEST(ImportTemplateTest, EveryKindReadsBackAsItsOwnHeader) {
  testing::TempDir dir;
  for (const ImportKind kind : {ImportKind::kOrgUnits, ImportKind::kStudents,
                                ImportKind::kEnrolments, ImportKind::kStaff, ImportKind::kEvents}) {
    const std::string path = dir.File(std::string(ImportKindName(kind)) + ".xlsx");
    ASSERT_TRUE(WriteImportTemplate(kind, path).ok()) << ImportKindName(kind);
    auto reader = OpenTable(path);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    auto map = ReadHeader(**reader, ColumnsOf(kind), path);
    ASSERT_TRUE(map.ok()) << map.status().ToString();
    EXPECT_EQ(map->header_row(), 2) << "the notes row stands above the header";
    EXPECT_TRUE(map->ignored().empty());
    for (const ColumnSpec& spec : ColumnsOf(kind)) {
      EXPECT_TRUE(map->has(spec.field)) << ImportKindName(kind) << " " << spec.header;
    }
    Row row;
    EXPECT_FALSE(*(*reader)->Next(&row)) << "a blank template has no data rows";
    // One drop-down per coded column, reading its values from the hidden sheet.
    const std::string sheet = Entry(path, "xl/worksheets/sheet1.xml");
    std::size_t coded = 0;
    for (const ColumnSpec& spec : ColumnsOf(kind)) coded += !ChoicesOf(spec.field).empty();
    std::size_t lists = 0;
    for (std::size_t at = sheet.find("<dataValidation "); at != std::string::npos;
         at = sheet.find("<dataValidation ", at + 1)) {
      ++lists;
    }
    EXPECT_EQ(lists, coded) << ImportKindName(kind);
    // Every column is formatted as text (the built-in number format 49, "@").
    EXPECT_NE(Entry(path, "xl/styles.xml").find("numFmtId=\"49\""), std::string::npos);
  }
  // The hidden sheet of values holds what the drop-downs offer.
  const std::string strings = Entry(dir.File("students.xlsx"), "xl/sharedStrings.xml");
  for (const char* value : {"男", "女", "居民身份证", "汉族", "蒙古族", "农业户口", "视力残疾"}) {
    EXPECT_NE(strings.find(std::string(">") + value + "<"), std::string::npos) << value;
  }
  EXPECT_NE(Entry(dir.File("students.xlsx"), "xl/workbook.xml").find("state=\"hidden\""),
            std::string::npos);
}

TEST(ImportTemplateTest, AFilledInTemplateImports) {
  testing::TempDir dir;
  const std::string blank = dir.File("staff.xlsx");
  ASSERT_TRUE(WriteImportTemplate(ImportKind::kStaff, blank).ok());
  // A clerk's row, typed into the template: the columns in the template's order.
  testing::ZipEntries entries;
  auto zip = core::ZipReader::Open(blank);
  ASSERT_TRUE(zip.ok());
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
        "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml",
        "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
    entries.emplace_back(name, *zip->ReadAll(name));
  }
  std::map<Field, std::string> typed = {{Field::kName, "周老师"},
                                        {Field::kIdNumber, "439901198506200078"},
                                        {Field::kSchoolName, "城关镇第一小学"},
                                        {Field::kPost, "专任教师"},
                                        {Field::kSchoolYear, "2024"}};
  std::string row = "<row r=\"3\">";
  const auto columns = ColumnsOf(ImportKind::kStaff);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto it = typed.find(columns[c].field);
    if (it == typed.end()) continue;
    row += "<c r=\"" + ColumnLetter(static_cast<int>(c)) + "3\" t=\"inlineStr\"><is><t>" +
           it->second + "</t></is></c>";
  }
  row += "</row>";
  std::string& sheet = entries[9].second;
  sheet.replace(sheet.find("</sheetData>"), 0, row);
  const std::string filled = dir.File("filled.xlsx");
  testing::WriteZip(filled, entries);

  auto store =
      std::move(store::OpenSqliteStore(dir.File("t.db"), {.create_if_missing = true})).value();
  ImportOptions options;
  options.today = *core::Date::FromYmd(2026, 11, 23);
  const store::AuditContext audit{"admin", "bureau_admin", "import", "{}"};
  ASSERT_TRUE(
      ImportFile(*store, ImportKind::kOrgUnits, testing::DataPath("schools.csv"), options, audit)
          .status.ok());
  const ImportReport r = ImportFile(*store, ImportKind::kStaff, filled, options, audit);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString()
                             << (r.errors.empty() ? "" : " " + r.errors.kept()[0].message);
  EXPECT_EQ(r.rows, 1);
  EXPECT_TRUE(r.written);
}

TEST(ErrorFileTest, NeverOverwritesTheFileImported) {
  testing::TempDir dir;
  const std::string source = dir.File("学生.xlsx");
  ASSERT_TRUE(WriteImportTemplate(ImportKind::kStudents, source).ok());
  const std::string before = testing::ReadFileOrDie(source);
  ImportReport report;
  report.errors.Add(RowError{3, "A列“姓名”", "", "empty", "姓名为空"});
  // By its own name and by another spelling of it.
  for (const std::string& target : {source, dir.path() + "/./学生.xlsx"}) {
    const core::Status s = WriteErrorFile(source, "", report, target);
    EXPECT_EQ(s.reason(), "errors_onto_source") << target;
    EXPECT_EQ(testing::ReadFileOrDie(source), before);
  }
  EXPECT_TRUE(WriteErrorFile(source, "", report, dir.File("退回.xlsx")).ok());
}

}  // namespace
}  // namespace eduledger::ingest
