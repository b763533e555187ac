#include "report/placeholder.h"

#include <gtest/gtest.h>

namespace eduledger::report {
namespace {

std::vector<std::string> Blanks(std::string_view text, bool markdown = false) {
  std::vector<std::string> out;
  for (const Placeholder& p : FindPlaceholders(text, markdown)) {
    out.emplace_back(text.substr(p.begin, p.end - p.begin));
  }
  return out;
}

TEST(PlaceholderTest, FindsTheBlanksSummariesKeep) {
  EXPECT_EQ(Blanks("20__年是“__”规划的收官之年"), (std::vector<std::string>{"20__", "__"}));
  EXPECT_EQ(Blanks("***教育局将**所学校撤并，开展家访*次"),
            (std::vector<std::string>{"***", "**", "*"}));
  EXPECT_EQ(Blanks("XX区202X年，20xx年"), (std::vector<std::string>{"XX", "202X", "20xx"}));
  EXPECT_EQ(Blanks("李__、副市长"), (std::vector<std::string>{"__"}));
}

TEST(PlaceholderTest, KeepsDigitsAndPointsWrittenAmongTheBlanks) {
  const auto blanks = FindPlaceholders("投入**.**亿元，入园率****.****%", false);
  ASSERT_EQ(blanks.size(), 2u);
  EXPECT_TRUE(blanks[0].has_digits);
  EXPECT_TRUE(blanks[1].has_digits);
  EXPECT_FALSE(FindPlaceholders("共**所", false)[0].has_digits);
}

TEST(PlaceholderTest, LeavesLatinWordsAndMarkdownEmphasisAlone) {
  EXPECT_TRUE(Blanks("用 Excel 的 XXL 模板").empty());
  EXPECT_TRUE(Blanks("**一、基本情况**", true).empty());
  EXPECT_TRUE(Blanks("重点是 __课后服务__ 的覆盖", true).empty());
  // In Markdown, stars that stand for a number are still blanks.
  EXPECT_EQ(Blanks("全县**所学校，投入**.**亿元", true), (std::vector<std::string>{"**", "**.**"}));
  // In plain text, stars are blanks wherever they stand.
  EXPECT_EQ(Blanks("**一、基本情况**").size(), 2u);
}

}  // namespace
}  // namespace eduledger::report
