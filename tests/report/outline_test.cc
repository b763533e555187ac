// Headings and plan sections of a summary's outline.
#include "report/outline.h"

#include <gtest/gtest.h>

namespace eduledger::report {
namespace {

TEST(OutlineTest, HeadingLevelsOfMarkdownAndTheChineseOutline) {
  EXPECT_EQ(HeadingLevel("## 一、基本情况", true), 2);
  EXPECT_EQ(HeadingLevel("## 一、基本情况", false), 0);  // in a text file # is no heading
  EXPECT_EQ(HeadingLevel("一、基本情况", false), 1);
  EXPECT_EQ(HeadingLevel("十二、信访工作", false), 1);
  EXPECT_EQ(HeadingLevel("（三）强化控辍保学。全县劝返辍学学生12人。", false), 2);
  EXPECT_EQ(HeadingLevel("(2)校舍安全", false), 3);
  EXPECT_EQ(HeadingLevel("3、师资队伍", false), 3);
  // Not headings: body text, a numbered sentence too long to be a heading, 一是.
  EXPECT_EQ(HeadingLevel("全县共有学校86所。", false), 0);
  EXPECT_EQ(HeadingLevel("一是全面落实控辍保学责任，县乡村校四级联动", false), 0);
  EXPECT_EQ(
      HeadingLevel(
          "一、全县坚持把教育摆在优先发展的战略地位，统筹推进城乡义务教育一体化发展取得新成效",
          false),
      0);
  EXPECT_EQ(HeadingLevel("#标签", true), 0);
}

TEST(OutlineTest, PlanHeadingsNameTheComingWorkNotTheSummary) {
  EXPECT_TRUE(IsPlanHeading("三、下一步工作"));
  EXPECT_TRUE(IsPlanHeading("## 四、2026年工作思路"));
  EXPECT_TRUE(IsPlanHeading("（二）明年工作打算"));
  EXPECT_FALSE(IsPlanHeading("2025年工作总结和2026年工作打算"));
  EXPECT_FALSE(IsPlanHeading("一、主要工作"));
}

TEST(OutlineTest, APlanSectionRunsToTheNextHeadingOfItsLevel) {
  const Document doc = DocumentFromText("t",
                                        "# 2025年工作总结和2026年工作打算\n"
                                        "## 一、主要工作\n在校学生31767人。\n"
                                        "## 二、下一步工作\n### （一）控辍保学\n力争零辍学。\n"
                                        "## 三、附表\n学校86所。",
                                        DocumentFormat::kMarkdown, "UTF-8");
  EXPECT_EQ(PlanParagraphs(doc),
            (std::vector<bool>{false, false, false, true, true, true, false, false}));
}

}  // namespace
}  // namespace eduledger::report
