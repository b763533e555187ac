#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

namespace eduledger::ingest {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string bytes,
                                              std::vector<std::int64_t>* numbers = nullptr) {
  auto reader = CsvReader::FromBytes("t.csv", std::move(bytes));
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  std::vector<std::vector<std::string>> out;
  Row row;
  while (*(*reader)->Next(&row)) {
    std::vector<std::string> cells;
    for (const Cell& c : row.cells) cells.emplace_back(c.text);
    out.push_back(cells);
    if (numbers) numbers->push_back(row.number);
  }
  return out;
}

TEST(CsvReaderTest, SplitsPlainFields) {
  const auto rows = ReadAll("a,b,c\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2", "3"}));
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithDelimitersQuotesAndNewlines) {
  std::vector<std::int64_t> numbers;
  const auto rows = ReadAll(
      "姓名,备注\r\n\"张,三\",\"他说\"\"好\"\"\"\r\n\"李四\",\"第一行\n第二行\"\r\n王五,x\r\n",
      &numbers);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"张,三", "他说\"好\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"李四", "第一行\n第二行"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"王五", "x"}));
  // Rows count records, as Excel shows them: the two-line field is one row.
  EXPECT_EQ(numbers, (std::vector<std::int64_t>{1, 2, 3, 4}));
}

TEST(CsvReaderTest, DetectsTabsAndSemicolons) {
  EXPECT_EQ(ReadAll("a\tb\n1\t2,3\n")[1], (std::vector<std::string>{"1", "2,3"}));
  EXPECT_EQ(ReadAll("a;b\n1;2\n")[1], (std::vector<std::string>{"1", "2"}));
}

TEST(CsvReaderTest, SkipsBlankRowsButKeepsTheirNumbers) {
  std::vector<std::int64_t> numbers;
  const auto rows = ReadAll("a,b\n\n,\n1,2", &numbers);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(numbers, (std::vector<std::int64_t>{1, 4}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2"}));
}

TEST(CsvReaderTest, KeepsEmptyTrailingField) {
  EXPECT_EQ(ReadAll("a,b,\n")[0], (std::vector<std::string>{"a", "b", ""}));
}

TEST(CsvReaderTest, RejectsAnUnterminatedQuoteNamingTheRow) {
  auto reader = CsvReader::FromBytes("t.csv", "a,b\n1,\"open\n2,3\n");
  ASSERT_TRUE(reader.ok());
  Row row;
  ASSERT_TRUE(*(*reader)->Next(&row));
  auto next = (*reader)->Next(&row);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.status().reason(), "unterminated_quote");
  EXPECT_NE(next.status().message().find("第2行"), std::string_view::npos);
}

}  // namespace
}  // namespace eduledger::ingest
