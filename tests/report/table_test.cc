// The grids of a summary's tables (report/table.h), from Markdown and from DOCX, and the table
// check over a DOCX table: the same grid either way.
#include "report/table.h"

#include <gtest/gtest.h>

#include "report/summary_checker.h"
#include "testing/test_util.h"
#include "testing/zip_writer.h"

namespace eduledger::report {
namespace {

std::vector<std::vector<std::string>> Texts(const Table& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : t.rows) {
    auto& cells = out.emplace_back();
    for (const TableCell& c : row) cells.push_back(c.text);
  }
  return out;
}

TEST(TableTest, ReadsAMarkdownTableWithoutItsDelimiterRowOrEmphasis) {
  const Document doc =
      DocumentFromText("t.md",
                       "前言。\n| 项目 | 投资（万元） |\n| --- | ---: |\n| A\\|B | **12,600** |\n"
                       "| 合计 | 12,600 |\n\n| 不是表 |\n",
                       DocumentFormat::kMarkdown, "UTF-8");
  const std::vector<Table> tables = TablesOf(doc);
  ASSERT_EQ(tables.size(), 1u);  // a pipe line with no delimiter row after it is no table
  EXPECT_EQ(Texts(tables[0]),
            (std::vector<std::vector<std::string>>{
                {"项目", "投资（万元）"}, {"A\\|B", "12,600"}, {"合计", "12,600"}}));
  // The cell's place is the figure's, inside the emphasis marks.
  const TableCell& c = tables[0].rows[1][1];
  EXPECT_EQ(doc.paragraphs[c.paragraph].text.substr(c.begin, c.end - c.begin), "12,600");
}

std::string Cell(const std::string& text, int span = 1) {
  const std::string props =
      span > 1 ? "<w:tcPr><w:gridSpan w:val=\"" + std::to_string(span) + "\"/></w:tcPr>" : "";
  return "<w:tc>" + props + "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>";
}

std::string Docx(const testing::TempDir& dir, const std::string& body) {
  const std::string path = dir.File("t.docx");
  testing::WriteZip(
      path, {{"[Content_Types].xml",
              "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
              "2006/content-types\"/>"},
             {"word/document.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://"
              "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
                  body + "</w:body></w:document>"}});
  return path;
}

TEST(TableTest, ReadsADocxTableByGridColumnsAndChecksIt) {
  testing::TempDir dir;
  // A title spanning both columns, then rows: 128 ÷ 362 = 35.36%, not 34.5%.
  const std::string rows[][3] = {{"风险等级", "水域数量（处）", "占比"},
                                 {"高风险", "46", "12.7%"},
                                 {"中风险", "128", "34.5%"},
                                 {"低风险", "188", "51.9%"},
                                 {"合计", "362", "100%"}};
  std::string tbl = "<w:tbl><w:tr>" + Cell("危险水域", 2) + Cell("单位：处") + "</w:tr>";
  for (const auto& r : rows) tbl += "<w:tr>" + Cell(r[0]) + Cell(r[1]) + Cell(r[2]) + "</w:tr>";
  tbl += "</w:tbl>";
  auto doc = ReadDocument(Docx(dir, "<w:p><w:r><w:t>全县排查危险水域。</w:t></w:r></w:p>" + tbl));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const std::vector<Table> tables = TablesOf(*doc);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows.size(), 6u);
  // The spanning cell takes grid columns 0 and 1: 单位：处 is in column 2.
  ASSERT_EQ(tables[0].rows[0].size(), 3u);
  EXPECT_EQ(tables[0].rows[0][2].text, "单位：处");
  EXPECT_EQ(tables[0].rows[3][2].text, "34.5%");

  // The table under its header row, checked: the odd share is found at its cell.
  tbl = "<w:tbl>";
  for (const auto& r : rows) tbl += "<w:tr>" + Cell(r[0]) + Cell(r[1]) + Cell(r[2]) + "</w:tr>";
  tbl += "</w:tbl>";
  doc = ReadDocument(Docx(dir, tbl));
  ASSERT_TRUE(doc.ok());
  const CheckResult r = CheckSummaryDocument(*doc, {});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kShareMismatch);
  EXPECT_EQ(r.findings[0].text, "34.5%");
  EXPECT_NEAR(*r.findings[0].expected, 35.4, 1e-9);
}

}  // namespace
}  // namespace eduledger::report
