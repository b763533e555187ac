#include "report/document.h"

#include <gtest/gtest.h>

#include "core/text_codec.h"
#include "testing/test_util.h"

namespace eduledger::report {
namespace {

TEST(DocumentTest, SplitsTextIntoParagraphsKeepingTheirLines) {
  const Document doc = DocumentFromText("t.txt", "标题\r\n\r\n  第一段。\r\n第二段。",
                                        DocumentFormat::kText, "UTF-8");
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[0].text, "标题");
  EXPECT_EQ(doc.paragraphs[1].text, "第一段。");
  EXPECT_EQ(doc.paragraphs[1].line, 3);
  EXPECT_EQ(doc.paragraphs[2].number, 3);
  EXPECT_EQ(doc.paragraphs[2].line, 4);
}

TEST(DocumentTest, ReadsGb18030AndUtf8WithBomAlike) {
  testing::TempDir dir;
  const std::string text = "2019年度教育工作总结\n全县共有学校108所。\n";
  testing::WriteFile(dir.File("gb.txt"), *core::EncodeGb18030(text));
  testing::WriteFile(dir.File("bom.md"), "\xEF\xBB\xBF" + text);
  auto gb = ReadDocument(dir.File("gb.txt"));
  auto bom = ReadDocument(dir.File("bom.md"));
  ASSERT_TRUE(gb.ok()) << gb.status().ToString();
  ASSERT_TRUE(bom.ok()) << bom.status().ToString();
  EXPECT_EQ(gb->encoding, "GB18030");
  EXPECT_EQ(bom->format, DocumentFormat::kMarkdown);
  ASSERT_EQ(gb->paragraphs.size(), bom->paragraphs.size());
  for (std::size_t i = 0; i < gb->paragraphs.size(); ++i) {
    EXPECT_EQ(gb->paragraphs[i].text, bom->paragraphs[i].text);
  }
}

TEST(DocumentTest, ReadsADocxWrittenByLibreOfficeWithItsTable) {
  // tests/data/summary.docx: a heading, two paragraphs, a table of two rows, a paragraph.
  auto doc = ReadDocument(testing::DataPath("summary.docx"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<std::string> texts;
  for (const Paragraph& p : doc->paragraphs) texts.push_back(p.text);
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "示例县2026年教育工作总结",
                       "全县共有学校108所，其中小学67所（完小47所、教学点21所），初中12所。",
                       "全县适龄儿童4000人，已入学3900人，入学率99.5%。", "项目", "数量",
                       "新建校舍", "**栋", "20__年，我县将继续推进教育现代化。"}));
  EXPECT_EQ(doc->paragraphs[1].table, 0);
  // The table's four cells, by row and column.
  for (std::size_t i = 3; i < 7; ++i) {
    SCOPED_TRACE(texts[i]);
    EXPECT_EQ(doc->paragraphs[i].table, 1);
    EXPECT_EQ(doc->paragraphs[i].row, static_cast<int>(i - 3) / 2);
    EXPECT_EQ(doc->paragraphs[i].column, static_cast<int>(i - 3) % 2);
  }
}

TEST(DocumentTest, SaysWhyAFileCannotBeRead) {
  testing::TempDir dir;
  EXPECT_EQ(ReadDocument(dir.File("absent.txt")).status().reason(), "cannot_read");
  testing::WriteFile(dir.File("fake.docx"), "不是 Word 文档");
  EXPECT_EQ(ReadDocument(dir.File("fake.docx")).status().reason(), "bad_docx");
  EXPECT_EQ(ReadDocument(dir.File("old.doc")).status().reason(), "unsupported_format");
}

TEST(DocumentTest, CountsCharactersNotBytes) {
  EXPECT_EQ(CharOffset("全县108所", 6), 2u);  // two 3-byte characters
  EXPECT_EQ(CharOffset("全县108所", 9), 5u);
}

}  // namespace
}  // namespace eduledger::report
