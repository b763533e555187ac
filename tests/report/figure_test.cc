// Figures as the text writes them: values, the ranges they stand for, units and words.
#include "report/figure.h"

#include <gtest/gtest.h>

#include <cmath>

namespace eduledger::report {
namespace {

std::vector<Figure> Figures(std::string_view text) {
  return ExtractFigures(text, false, 2024).figures;
}

Figure One(std::string_view text) {
  const auto figs = Figures(text);
  EXPECT_EQ(figs.size(), 1u) << text;
  return figs.empty() ? Figure{} : figs[0];
}

TEST(FigureTest, ReadsExactCountsWithSeparators) {
  const Figure f = One("全县在校学生31,982人。");
  EXPECT_EQ(f.value, 31982);
  EXPECT_EQ(f.lo, 31982);
  EXPECT_EQ(f.hi, 31982);
  EXPECT_EQ(f.unit, "人");
  EXPECT_FALSE(f.approximate);
  EXPECT_EQ(f.before, "全县在校学生");
  EXPECT_EQ(f.written, "31,982人");
}

TEST(FigureTest, RoundedFiguresStandForARange) {
  // 3.4万 is rounded to 0.1万 = 1000: [33500, 34500].
  const Figure f = One("留守儿童3.4万名");
  EXPECT_EQ(f.value, 34000);
  EXPECT_EQ(f.lo, 33500);
  EXPECT_EQ(f.hi, 34500);
  EXPECT_EQ(f.unit, "人");  // 名 counts people
}

TEST(FigureTest, ApproximateFiguresStandForTheirRange) {
  const Figure a = One("培训1520余人次");  // more than 1520, below 1530
  EXPECT_EQ(a.lo, 1520);
  EXPECT_EQ(a.hi, 1530);
  EXPECT_TRUE(a.approximate);
  const Figure b = One("投入400多万元");  // 400万 and more, below 500万
  EXPECT_EQ(b.unit, "元");
  EXPECT_EQ(b.lo, 4'000'000);
  EXPECT_EQ(b.hi, 5'000'000);
  const Figure c = One("投入近10亿元");  // 近: at most, within 10%
  EXPECT_EQ(c.hi, 1e9);
  EXPECT_EQ(c.lo, 0.9e9);
  const Figure d = One("投入约240万元");
  EXPECT_DOUBLE_EQ(d.lo, 2'160'000);
  EXPECT_DOUBLE_EQ(d.hi, 2'640'000);
  const Figure e = One("达到99%以上");
  EXPECT_EQ(e.lo, 99);
  EXPECT_TRUE(std::isinf(e.hi));
  const Figure g = One("需资金8亿元左右");
  EXPECT_DOUBLE_EQ(g.lo, 7.2e8);
}

TEST(FigureTest, PercentagesKeepTheirDecimals) {
  const Figure f = One("入园率达98.7%");
  EXPECT_TRUE(f.IsPercent());
  EXPECT_EQ(f.decimals, 1);
  EXPECT_DOUBLE_EQ(f.lo, 98.65);
  EXPECT_DOUBLE_EQ(f.hi, 98.75);
  EXPECT_EQ(One("百分之九十五的学校").value, 95);
  EXPECT_EQ(One("提高2.3个百分点").unit, "个百分点");
}

TEST(FigureTest, ReadsChineseNumeralsBeforeAUnit) {
  const Figure f = One("新建两所幼儿园");
  EXPECT_EQ(f.value, 2);
  EXPECT_EQ(f.unit, "所");
  EXPECT_TRUE(f.chinese);
  EXPECT_EQ(f.after, "幼儿园");
  EXPECT_EQ(One("评出十二名教师").value, 12);
}

TEST(FigureTest, RatiosToOneAreRoundedFigures) {
  // 16.19:1 stands for [16.185, 16.195]; 16:1 for [15.5, 16.5] (a ratio is never exact).
  const Figure f = One("小学生师比16.19:1。");
  EXPECT_EQ(f.unit, ":1");
  EXPECT_DOUBLE_EQ(f.value, 16.19);
  EXPECT_NEAR(f.lo, 16.185, 1e-9);
  EXPECT_NEAR(f.hi, 16.195, 1e-9);
  EXPECT_EQ(f.before, "小学生师比");
  EXPECT_EQ(f.written, "16.19:1");
  const Figure whole = One("初中生师比为16∶1");
  EXPECT_EQ(whole.lo, 15.5);
  EXPECT_EQ(whole.hi, 16.5);
  EXPECT_EQ(One("生师比13.5：1").value, 13.5);
  // Times and other ratios are none.
  EXPECT_TRUE(Figures("上午8:30开会").empty());
  EXPECT_TRUE(Figures("按1:2配备").empty());
  EXPECT_TRUE(Figures("比例为10:15").empty());
}

TEST(FigureTest, YearsDatesOrdinalsNamesAndNumberingAreNoFigures) {
  EXPECT_TRUE(Figures("2019年教育工作总结").empty());
  EXPECT_TRUE(Figures("7月4日上午").empty());
  EXPECT_TRUE(Figures("(1)完成改扩建").empty());
  EXPECT_TRUE(Figures("做到“两个维护”").empty());
  EXPECT_TRUE(Figures("第四届教学成果奖").empty());
  EXPECT_TRUE(Figures("出台“1+7”文件").empty());
  EXPECT_TRUE(Figures("高考一本、二本上线").empty());
  const auto range = Figures("3-5岁幼儿");  // the 3 starts a range; 5岁 is a figure
  ASSERT_EQ(range.size(), 1u);
  EXPECT_EQ(range[0].value, 5);
}

TEST(FigureTest, AQuotedBlankIsANameAndTouchesNoOtherFigure) {
  // A blank in quotation marks is dropped like any quoted name: alone, and after a figure
  // whose range it must not overwrite.
  EXPECT_TRUE(Figures("开展“**所”创建活动").empty());
  const auto figs = Figures("全县共有学校120所，开展“**所”创建活动");
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_FALSE(figs[0].unknown);
  EXPECT_EQ(figs[0].lo, 120);
  EXPECT_EQ(figs[0].hi, 120);
}

TEST(FigureTest, BlanksFollowedByAUnitAreUnknownFigures) {
  const auto figs = Figures("共**所学校，投入**.**亿元，覆盖率**%");
  ASSERT_EQ(figs.size(), 3u);
  for (const Figure& f : figs) EXPECT_TRUE(f.unknown);
  EXPECT_EQ(figs[0].unit, "所");
  EXPECT_EQ(figs[1].unit, "元");
  EXPECT_EQ(figs[1].written, "**.**亿元");
  EXPECT_EQ(figs[2].unit, "%");
}

TEST(FigureTest, FiguresBelongToTheYearTheSentenceNames) {
  const auto figs = ExtractFigures(
                        "2023年全县在校学生30000人；2024年全县在校学生31000人。全年新增教师50名。今"
                        "年新建学校2所。",
                        false, 2026)
                        .figures;
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[0].year, 2023);
  EXPECT_EQ(figs[1].year, 2024);
  EXPECT_EQ(figs[2].year, 2024);  // a sentence naming no year: the paragraph's last
  EXPECT_EQ(figs[3].year, 2026);  // 今年: the document's year
  EXPECT_EQ(ExtractFigures("新增教师50名。", false, 2026).figures[0].year, 2026);
}

TEST(FigureTest, KeepsTheWordsAroundAFigure) {
  const auto figs = Figures("完成普高招生数7052人、职高招生数8433人，完成14所学校的改扩建");
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].before, "完成普高招生数");
  EXPECT_EQ(figs[1].before, "职高招生数");
  EXPECT_EQ(figs[2].after, "学校");
}

TEST(FigureTest, FindsTheDocumentYearInTheTitle) {
  EXPECT_EQ(DocumentYear({"2019年度教育工作总结", "沅陵县人民政府门户网站"}), 2019);
  EXPECT_EQ(DocumentYear({"教育局工作总结"}), 0);
}

TEST(FigureTest, FormatsMoneyInWan) {
  EXPECT_EQ(FormatValue(72674000, "元", 0), "7267.4万");
  EXPECT_EQ(FormatValue(20700000, "元", 0), "2070万");
  EXPECT_EQ(FormatValue(97.5, "%", 1), "97.5");
}

}  // namespace
}  // namespace eduledger::report
