// The XLSX reader against workbooks written by an independent library (libxlsxwriter).
#include "ingest/xlsx_reader.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "testing/test_util.h"

namespace eduledger::ingest {
namespace {

std::vector<std::vector<std::string>> ReadAll(TableReader& reader,
                                              std::vector<std::vector<bool>>* numeric = nullptr) {
  std::vector<std::vector<std::string>> out;
  Row row;
  while (true) {
    auto more = reader.Next(&row);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    std::vector<std::string> cells;
    std::vector<bool> nums;
    for (const Cell& c : row.cells) {
      cells.emplace_back(c.text);
      nums.push_back(c.numeric);
    }
    out.push_back(cells);
    if (numeric) numeric->push_back(nums);
  }
  return out;
}

TEST(XlsxReaderTest, ReadsStringsNumbersDatesAndGaps) {
  testing::TempDir dir;
  const std::string path = dir.File("t.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "学生");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  worksheet_write_string(ws, 0, 0, "姓名", nullptr);
  worksheet_write_string(ws, 0, 1, "出生日期", nullptr);
  worksheet_write_string(ws, 0, 3, "人数", nullptr);
  worksheet_write_string(ws, 1, 0, "张三", nullptr);
  lxw_datetime dt = {2015, 3, 8, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 1, &dt, date);
  worksheet_write_number(ws, 1, 3, 42, nullptr);
  // Row 3 is left empty; row 4 has a value in column C only.
  worksheet_write_string(ws, 3, 2, "尾", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  auto reader = XlsxReader::Open(path, "");
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  std::vector<std::vector<bool>> numeric;
  const auto rows = ReadAll(**reader, &numeric);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"姓名", "出生日期", "", "人数"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"张三", "2015-03-08", "", "42"}));
  EXPECT_FALSE(numeric[1][1]);  // a date comes out as text
  EXPECT_TRUE(numeric[1][3]);
  EXPECT_EQ(rows[2], (std::vector<std::string>{"", "", "尾"}));
  EXPECT_NE((*reader)->description().find("学生"), std::string::npos);
}

TEST(XlsxReaderTest, MarksAnIdNumberExcelStoredAsANumber) {
  testing::TempDir dir;
  const std::string path = dir.File("t.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_write_string(ws, 0, 0, "身份证件号", nullptr);
  worksheet_write_number(ws, 1, 0, 439901201605120019.0, nullptr);
  worksheet_write_string(ws, 2, 0, "439901201605120019", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto reader = XlsxReader::Open(path, "");
  ASSERT_TRUE(reader.ok());
  std::vector<std::vector<bool>> numeric;
  const auto rows = ReadAll(**reader, &numeric);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(numeric[1][0]);
  EXPECT_NE(rows[1][0], "439901201605120019");  // the double has lost the last digits
  EXPECT_FALSE(numeric[2][0]);
  EXPECT_EQ(rows[2][0], "439901201605120019");
}

TEST(XlsxReaderTest, ChoosesASheetByNameAndListsTheOthersWhenMissing) {
  testing::TempDir dir;
  const std::string path = dir.File("t.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  worksheet_write_string(workbook_add_worksheet(wb, "说明"), 0, 0, "填表说明", nullptr);
  worksheet_write_string(workbook_add_worksheet(wb, "数据"), 0, 0, "数据表", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto second = XlsxReader::Open(path, "数据");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(ReadAll(**second)[0][0], "数据表");
  auto missing = XlsxReader::Open(path, "名单");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().reason(), "missing_sheet");
  EXPECT_NE(missing.status().message().find("说明、数据"), std::string_view::npos);
}

TEST(XlsxReaderTest, RejectsFilesThatAreNoWorkbook) {
  testing::TempDir dir;
  const std::string path = dir.File("fake.xlsx");
  testing::WriteFile(path, "姓名,性别\n");
  auto reader = XlsxReader::Open(path, "");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().reason(), "bad_zip");
}

TEST(TableReaderTest, RefusesOldExcelFilesWithAdvice) {
  auto reader = OpenTable("名单.xls");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().reason(), "unsupported_format");
  EXPECT_NE(reader.status().message().find(".xlsx"), std::string_view::npos);
}

}  // namespace
}  // namespace eduledger::ingest
