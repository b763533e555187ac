// Hostile input files: broken XLSX references, zip bombs, files that are no files, cells no
// column may hold. Each is refused with a Chinese message naming where, never read as data,
// and never crashes or hangs the reader.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/file.h"
#include "ingest/import.h"
#include "ingest/xlsx_reader.h"
#include "store/sqlite_store.h"
#include "testing/db_dump.h"
#include "testing/test_util.h"
#include "testing/zip_writer.h"

namespace eduledger::ingest {
namespace {

// Read `path` to the end; the first error, or OK.
core::Status ReadToEnd(const std::string& path) {
  auto reader = OpenTable(path);
  if (!reader.ok()) return reader.status();
  Row row;
  while (true) {
    auto more = (*reader)->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return core::Status::OK();
  }
}

// The value reported for `row`'s first error.
std::string ErrorValue(const ImportReport& r, std::int64_t row) {
  for (const RowError& e : r.errors.kept()) {
    if (e.row == row) return e.value;
  }
  return "(none)";
}

// A sheet of two rows: a header and one data row whose B cell is shared string `index`.
std::string SheetWithSharedIndex(const std::string& index) {
  return R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)"
         R"(<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>)" +
         index + "</v></c></row>";
}

class HostileXlsxTest : public ::testing::Test {
 protected:
  std::string Write(const testing::ZipEntries& entries) {
    const std::string path = dir_.File("hostile.xlsx");
    testing::WriteZip(path, entries);
    return path;
  }
  testing::TempDir dir_;
};

TEST_F(HostileXlsxTest, ASharedStringThatIsNotThereIsABrokenFileNamingSheetAndCell) {
  const std::vector<std::string> strings = {"姓名", "是否留守儿童", "张小明"};
  for (const std::string index : {"3", "99", "-1", "x", "1e0", ""}) {
    const core::Status s =
        ReadToEnd(Write(testing::MinimalXlsx(SheetWithSharedIndex(index), strings)));
    ASSERT_FALSE(s.ok()) << "index " << index;
    EXPECT_EQ(s.reason(), "bad_xlsx") << index;
    EXPECT_NE(s.message().find("“名单”"), std::string_view::npos) << s.message();
    EXPECT_NE(s.message().find("B2"), std::string_view::npos) << s.message();
  }
  // The same sheet with a good index reads.
  EXPECT_TRUE(ReadToEnd(Write(testing::MinimalXlsx(SheetWithSharedIndex("1"), strings))).ok());
}

TEST_F(HostileXlsxTest, SharedStringCellsWithoutTheTableAreABrokenFile) {
  const core::Status s =
      ReadToEnd(Write(testing::MinimalXlsx(SheetWithSharedIndex("1"), {}, false)));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.reason(), "bad_xlsx");
  EXPECT_NE(s.message().find("sharedStrings.xml"), std::string_view::npos) << s.message();
}

TEST_F(HostileXlsxTest, AColumnPastXfdIsRefusedNotAllocated) {
  for (const std::string ref : {"ZZZZZZ2", "XFE2", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ2"}) {
    const std::string sheet = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>)"
                              R"(<row r="2"><c r=")" +
                              ref + R"(" t="inlineStr"><is><t>x</t></is></c></row>)";
    const core::Status s = ReadToEnd(Write(testing::MinimalXlsx(sheet, {"a"})));
    ASSERT_FALSE(s.ok()) << ref;
    EXPECT_EQ(s.reason(), "bad_xlsx") << ref;
    EXPECT_NE(s.message().find("XFD"), std::string_view::npos) << s.message();
  }
  // XFD, the last column, is read.
  const std::string last = R"(<row r="1"><c r="XFD1" t="inlineStr"><is><t>尾</t></is></c></row>)";
  EXPECT_TRUE(ReadToEnd(Write(testing::MinimalXlsx(last, {"a"}))).ok());
}

TEST_F(HostileXlsxTest, ZipBombsAreRefusedBeforeTheyExpand) {
  // 48 MiB of one repeated byte deflates about a thousandfold: far past any real workbook.
  const std::string bomb(std::size_t{48} << 20, ' ');
  {
    testing::ZipEntries sheet_bomb =
        testing::MinimalXlsx(SheetWithSharedIndex("1"), {"a", "b", "c"});
    sheet_bomb[3].second = R"(<?xml version="1.0"?><worksheet><sheetData>)" + bomb;
    const core::Status s = ReadToEnd(Write(sheet_bomb));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.reason(), "zip_too_large") << s.message();
  }
  for (const std::string part : {"xl/sharedStrings.xml", "xl/styles.xml"}) {
    testing::ZipEntries entries = testing::MinimalXlsx(SheetWithSharedIndex("1"), {"a", "b", "c"});
    if (part == "xl/styles.xml") {
      entries.emplace_back(part, "<styleSheet>" + bomb);
    } else {
      ASSERT_EQ(entries[4].first, part);
      entries[4].second = "<sst>" + bomb;
    }
    const core::Status s = ReadToEnd(Write(entries));
    ASSERT_FALSE(s.ok()) << part;
    EXPECT_EQ(s.reason(), "zip_too_large") << part << ": " << s.message();
    EXPECT_NE(s.message().find(part), std::string_view::npos) << s.message();
  }
}

// Set the uncompressed size the archive records for `entry` (local header and central
// directory alike) to `size`, as a damaged or forged file has it.
void ForgeRecordedSize(const std::string& path, const std::string& entry, std::uint32_t size) {
  std::string bytes = testing::ReadFileOrDie(path);
  auto put32 = [&](std::size_t at) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
  };
  int patched = 0;
  for (std::size_t at = 0; (at = bytes.find("PK", at)) != std::string::npos; ++at) {
    const bool local = bytes.compare(at, 4, "PK\x03\x04") == 0;
    const bool central = bytes.compare(at, 4, "PK\x01\x02") == 0;
    const std::size_t name_at = at + (local ? 30 : 46);
    if ((local || central) && bytes.compare(name_at, entry.size(), entry) == 0) {
      put32(at + (local ? 22 : 24));
      ++patched;
    }
  }
  ASSERT_EQ(patched, 2) << entry;
  testing::WriteFile(path, bytes);
}

TEST_F(HostileXlsxTest, AnEntryThatExpandsPastItsRecordedSizeIsABrokenFile) {
  // Found by the XLSX fuzz target: the progress of such a sheet went past 100%. Its data is
  // not what the archive says it is: refused, like a bad CRC.
  const std::string path = Write(testing::MinimalXlsx(SheetWithSharedIndex("1"), {"a", "b", "c"}));
  ForgeRecordedSize(path, "xl/worksheets/sheet1.xml", 40);
  const core::Status s = ReadToEnd(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.reason(), "bad_zip") << s.message();
  EXPECT_NE(s.message().find("xl/worksheets/sheet1.xml"), std::string_view::npos) << s.message();
}

TEST_F(HostileXlsxTest, AnImportOfABrokenWorkbookChangesNothing) {
  const std::string db = dir_.File("t.db");
  auto store = store::OpenSqliteStore(db, {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  ImportOptions options;
  options.today = *core::Date::FromYmd(2026, 11, 23);
  const store::AuditContext audit{"admin", "bureau_admin", "import", "{}"};
  ASSERT_TRUE(
      ImportFile(**store, ImportKind::kOrgUnits, testing::DataPath("schools.csv"), options, audit)
          .status.ok());
  const std::string before = testing::DumpDatabase(db);
  // 城关镇第一小学 restated with 是否寄宿制 pointing at a string that is not there.
  const std::string sheet = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                            R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>)"
                            R"(<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c>)"
                            R"(<c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>77</v></c></row>)";
  const std::string path =
      Write(testing::MinimalXlsx(sheet, {"单位代码", "单位名称", "上级单位", "是否寄宿制学校",
                                         "2143990001", "城关镇第一小学", "城关镇"}));
  const ImportReport r = ImportFile(**store, ImportKind::kOrgUnits, path, options, audit);
  EXPECT_EQ(r.status.reason(), "bad_xlsx") << r.status.ToString();
  EXPECT_FALSE(r.written);
  EXPECT_EQ(testing::DumpDatabase(db), before);
}

TEST(InputFileTest, WhatIsNoRegularFileIsRefusedWithoutBlocking) {
  testing::TempDir dir;
  const std::string fifo = dir.File("pipe.csv");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Opening a FIFO for reading blocks until a writer comes; the check must not.
  for (const std::string& path : {fifo, dir.path(), std::string("/dev/zero")}) {
    const auto bytes = core::ReadInputFile(path);
    ASSERT_FALSE(bytes.ok()) << path;
    EXPECT_NE(bytes.status().message().find(path), std::string_view::npos);
    const core::Status table = ReadToEnd(path == fifo ? fifo : path + "/x.csv");
    EXPECT_FALSE(table.ok()) << path;
  }
  EXPECT_EQ(core::ReadInputFile(fifo).status().reason(), "not_a_file");
  EXPECT_NE(core::ReadInputFile(fifo).status().message().find("管道"), std::string_view::npos);
  // An XLSX opened by path (libzip) is checked the same way.
  const std::string fifo_xlsx = dir.File("pipe.xlsx");
  ASSERT_EQ(::mkfifo(fifo_xlsx.c_str(), 0600), 0);
  EXPECT_EQ(ReadToEnd(fifo_xlsx).reason(), "not_a_file");
}

TEST(InputFileTest, SystemReasonsAreChinese) {
  testing::TempDir dir;
  const auto missing = core::ReadInputFile(dir.File("没有.csv"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("文件或目录不存在"), std::string_view::npos)
      << missing.status().message();
  const std::string big = dir.File("big.csv");
  testing::WriteFile(big, std::string(4096, 'a'));
  const auto too_large = core::ReadInputFile(big, 1024);
  EXPECT_EQ(too_large.status().reason(), "file_too_large");
  EXPECT_EQ(*core::ReadInputFile(big, 4096), std::string(4096, 'a'));
  if (::geteuid() != 0) {  // root reads anything
    ASSERT_EQ(::chmod(big.c_str(), 0), 0);
    EXPECT_NE(core::ReadInputFile(big).status().message().find("没有权限"), std::string_view::npos);
  }
}

TEST(ImportCellTest, ControlCharactersLineBreaksAndHugeValuesAreRefused) {
  testing::TempDir dir;
  const std::string db = dir.File("t.db");
  auto store = store::OpenSqliteStore(db, {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  ImportOptions options;
  options.today = *core::Date::FromYmd(2026, 11, 23);
  const store::AuditContext audit{"admin", "bureau_admin", "import", "{}"};
  const std::string path = dir.File("units.csv");
  testing::WriteFile(path, std::string("单位代码,单位名称,层级,上级单位\n") +
                               "439901,示例县,县,\n" +                   // row 2: good
                               "439901100,\"城关\n镇\",乡镇,439901\n" +  // row 3: a line break
                               "439901200,河口" + std::string(1, '\0') + "乡,乡镇,439901\n" +
                               "439901300," + std::string(300, 'x') + ",乡镇,439901\n");
  const ImportReport r = ImportFile(**store, ImportKind::kOrgUnits, path, options, audit);
  EXPECT_EQ(r.status.reason(), "rows_rejected");
  std::map<std::int64_t, std::string> reasons;
  for (const RowError& e : r.errors.kept()) reasons[e.row] = e.reason;
  // Row numbers count records: the quoted line break keeps row 3 one record.
  EXPECT_EQ(reasons, (std::map<std::int64_t, std::string>{
                         {3, "control_character"}, {4, "control_character"}, {5, "too_long"}}));
  for (const RowError& e : r.errors.kept()) {
    EXPECT_LT(e.value.size(), 100u) << "a huge value is cut in the report";
    EXPECT_EQ(e.value.find('\0'), std::string::npos) << "a NUL would end the printed message";
  }
  EXPECT_EQ(ErrorValue(r, 4), "河口␀乡");
}

}  // namespace
}  // namespace eduledger::ingest
