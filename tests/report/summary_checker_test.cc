// The checker on hand-written passages: each kind of finding, and, as important, the passages
// that must give none. Expected values are worked out by hand in the comments.
#include "report/summary_checker.h"

#include <gtest/gtest.h>

#include <map>

namespace eduledger::report {
namespace {

CheckResult Check(std::string_view text, CheckOptions options = {},
                  DocumentFormat format = DocumentFormat::kText) {
  return CheckSummaryDocument(DocumentFromText("t.txt", text, format, "UTF-8"), options);
}

std::vector<std::string> Kinds(const CheckResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.emplace_back(FindingKindKey(f.kind));
  return out;
}

const Finding* Only(const CheckResult& r, FindingKind kind) {
  const Finding* found = nullptr;
  for (const Finding& f : r.findings) {
    if (f.kind == kind) {
      EXPECT_EQ(found, nullptr) << "more than one " << FindingKindKey(kind);
      found = &f;
    }
  }
  EXPECT_NE(found, nullptr) << "no " << FindingKindKey(kind);
  return found;
}

// --- blanks -----------------------------------------------------------------------------------

TEST(SummaryCheckerTest, FindsBlanksAndPartlyFilledFigures) {
  const CheckResult r = Check("20__年，全县共有学校**所，投入**.**亿元，XX区完成“__”规划。");
  EXPECT_EQ(Kinds(r), (std::vector<std::string>{"placeholder", "placeholder", "partial_figure",
                                                "placeholder", "placeholder"}));
  EXPECT_EQ(r.findings[0].text, "20__年");
  EXPECT_EQ(r.findings[1].text, "**所");
  EXPECT_EQ(r.findings[1].unit, "所");
  EXPECT_EQ(r.findings[2].text, "**.**亿元");
  for (const Finding& f : r.findings) EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(r.summary.errors, 5);
}

TEST(SummaryCheckerTest, MarkdownEmphasisIsNoBlank) {
  EXPECT_TRUE(Check("## **一、基本情况**\n全县共有学校108所。", {}, DocumentFormat::kMarkdown)
                  .findings.empty());
}

// --- rates and shares -------------------------------------------------------------------------

TEST(SummaryCheckerTest, ACorrectRateGivesNothing) {
  // 3980 ÷ 4000 = 99.5%.
  const CheckResult r = Check("全县适龄儿童4000人，已入学3980人，入学率99.5%。");
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.summary.rates_checked, 1);
  EXPECT_EQ(r.summary.rates_verified, 1);
}

TEST(SummaryCheckerTest, ARateTheNamedCountsContradictIsAnError) {
  // 3900 ÷ 4000 = 97.5%, not 99.5%.
  const CheckResult r = Check("全县适龄儿童4000人，已入学3900人，入学率99.5%。");
  const Finding* f = Only(r, FindingKind::kRateMismatch);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_EQ(f->text, "99.5%");
  EXPECT_DOUBLE_EQ(*f->stated, 99.5);
  EXPECT_DOUBLE_EQ(*f->expected, 97.5);
  EXPECT_EQ(f->related.size(), 2u);
}

TEST(SummaryCheckerTest, ARateWhoseDenominatorIsNotStatedGivesNothing) {
  EXPECT_TRUE(Check("已入学3980人，小学入学率99.5%。").findings.empty());
  EXPECT_TRUE(Check("3-5岁幼儿入园率达98.7%;2所幼儿园被评为市一级一等园。").findings.empty());
}

TEST(SummaryCheckerTest, ARateNoStatedPairSupportsIsUnverifiableNotWrong) {
  // No count is named as the numerator; the nearest pair is 640 ÷ 812 ≈ 78.8%.
  const CheckResult r = Check("小学毕业生812人，初中毕业生640人，升学率97.3%。");
  const Finding* f = Only(r, FindingKind::kRateUnverifiable);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kInfo);
  EXPECT_DOUBLE_EQ(*f->expected, 78.8);
  EXPECT_EQ(r.summary.errors, 0);
}

TEST(SummaryCheckerTest, ASharesWholeIsTheTotalOfItsList) {
  // 15203 ÷ 31982 = 47.536…% → 47.54%.
  EXPECT_TRUE(Check("全县在校学生31982人，其中女生15203人，占47.54%。").findings.empty());
  const CheckResult r = Check("全县在校学生31982人，其中女生15203人，占45.54%。");
  const Finding* f = Only(r, FindingKind::kShareMismatch);
  ASSERT_NE(f, nullptr);
  EXPECT_DOUBLE_EQ(*f->expected, 47.54);
}

TEST(SummaryCheckerTest, APercentageOfADifferentWholeGivesNothing) {
  // The whole (全县人口) is not stated: nothing to check it against.
  EXPECT_TRUE(Check("全县在校学生31982人，其中女生15203人，占全县总人口的3.2%。").findings.empty());
}

TEST(SummaryCheckerTest, SharesOfAListOfThreeAreEachChecked) {
  // 12 ÷ 40 = 30%, 20 ÷ 40 = 50%, 8 ÷ 40 = 20%; the last is written 25%.
  const CheckResult r = Check(
      "全县共排查危险水域40处，其中高风险水域12处，占30%；中风险水域20处，占50%"
      "；低风险水域8处，占25%。");
  const Finding* f = Only(r, FindingKind::kShareMismatch);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->text, "25%");
  EXPECT_DOUBLE_EQ(*f->expected, 20);
}

// --- parts and totals -------------------------------------------------------------------------

TEST(SummaryCheckerTest, ANestedListThatAddsUpGivesNothing) {
  // 47 + 20 = 67 in the parentheses; 67 + 12 + 29 = 108 ≤ 108 under 其中.
  const CheckResult r =
      Check("全县共有学校108所，其中小学67所（完小47所、教学点20所），初中12所，幼儿园29所。");
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.summary.sums_checked, 2);
}

TEST(SummaryCheckerTest, ABreakdownThatDoesNotAddUpIsAnError) {
  // 47 + 21 = 68, not 67.
  const CheckResult r =
      Check("全县共有学校108所，其中小学67所（完小47所、教学点21所），初中12所。");
  const Finding* f = Only(r, FindingKind::kPartsMismatch);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->text, "67所");
  EXPECT_DOUBLE_EQ(*f->expected, 68);
  EXPECT_EQ(f->related.size(), 2u);
}

TEST(SummaryCheckerTest, PartsThatExceedTheirTotalAreAnError) {
  // 67 + 32 + 29 = 128 > 108.
  const CheckResult r = Check("全县共有学校108所，其中小学67所，初中32所，幼儿园29所。");
  const Finding* f = Only(r, FindingKind::kPartsExceedTotal);
  ASSERT_NE(f, nullptr);
  EXPECT_DOUBLE_EQ(*f->expected, 128);
}

TEST(SummaryCheckerTest, ALongListThatFallsShortIsAWarning) {
  // 1 + 8 + 41 + 54 = 104 of 108: three parts or more that come near the total usually mean to
  // name them all.
  const CheckResult r =
      Check("全县共有学校108所，其中普通高中1所、初级中学8所、小学41所、幼儿园54所。");
  const Finding* f = Only(r, FindingKind::kPartsMismatch);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_DOUBLE_EQ(*f->expected, 104);
  EXPECT_EQ(r.summary.errors, 0);
  // 1 + 8 + 41 + 29 = 79 of 108 (73%): some of them named, not all.
  const CheckResult some =
      Check("全县共有学校108所，其中普通高中1所、初级中学8所、小学41所、幼儿园29所。");
  EXPECT_EQ(some.summary.warnings, 0);
  EXPECT_EQ(some.summary.errors, 0);
}

TEST(SummaryCheckerTest, AListsLastItemIsNoTotal) {
  // 其中 may refer to both 41 and 12: 15 boarding schools exceed neither reading.
  EXPECT_TRUE(Check("全县有小学41所、初中12所，其中寄宿制学校15所。").findings.empty());
}

TEST(SummaryCheckerTest, ComplementaryPartsMustAddUp) {
  // 男 and 女 make the whole: 16000 + 15000 = 31000, not 31982.
  const CheckResult r = Check("全县在校学生31982人，其中男生16000人、女生15000人。");
  ASSERT_NE(Only(r, FindingKind::kPartsMismatch), nullptr);
  // A subset that is no partition may well be less than the total.
  EXPECT_TRUE(Check("全县在校学生31982人，其中留守儿童5804人、随迁子女1534人。").findings.empty());
}

TEST(SummaryCheckerTest, ApproximateFiguresWithinToleranceGiveNothing) {
  // 640 + 883 = 1523, within 1520余 = [1520, 1530).
  EXPECT_TRUE(Check("参加培训1520余人次（城区640人次、乡村883人次）。").findings.empty());
  // 640 + 913 = 1553 is not.
  ASSERT_NE(
      Only(Check("参加培训1520余人次（城区640人次、乡村913人次）。"), FindingKind::kPartsMismatch),
      nullptr);
  // 3.4万 stands for [33500, 34500]: 20000 + 14100 = 34100 fits.
  EXPECT_TRUE(Check("随迁子女3.4万名（小学20000名、初中14100名）。").findings.empty());
}

TEST(SummaryCheckerTest, ATotalAfterItsListMustBeItsSum) {
  EXPECT_TRUE(Check("新建小学3所、初中2所，共5所。").findings.empty());
  ASSERT_NE(Only(Check("新建小学3所、初中2所，共6所。"), FindingKind::kPartsMismatch), nullptr);
  // 共 after a figure of another kind starts no list: 700余名 is not money.
  EXPECT_TRUE(Check("助学贷款1000余万元,资助大学生700余名共234.4万元。").findings.empty());
}

TEST(SummaryCheckerTest, ListsWithBlanksAreLeftToThePlaceholderCheck) {
  const CheckResult r = Check("完成**所学校(包含初中**所，小学**所，幼儿园**所)。");
  for (const Finding& f : r.findings) EXPECT_EQ(f.kind, FindingKind::kPlaceholder);
  EXPECT_EQ(r.summary.sums_checked, 0);
}

// --- repeats ----------------------------------------------------------------------------------

TEST(SummaryCheckerTest, TheSameStatisticStatedTwiceDifferentlyIsAWarning) {
  const CheckResult r = Check("全县在校学生31982人。\n会上通报，全县在校学生32018人。");
  const Finding* f = Only(r, FindingKind::kInconsistentRepeat);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(f->paragraph, 2);
  EXPECT_EQ(f->related[0].paragraph, 1);
}

TEST(SummaryCheckerTest, DifferentThingsWithTheSameWordsAreNoRepeat) {
  EXPECT_TRUE(
      Check("投入资金400多万元。\n累计投资7000多万元，投入资金7000多万元。").findings.empty());
  EXPECT_TRUE(Check("2023年全县在校学生30000人；2024年全县在校学生31000人。").findings.empty());
  EXPECT_TRUE(Check("各部门职工培训面为84.6%。各部门职工培训面为84.6%。").findings.empty());
}

// --- records ----------------------------------------------------------------------------------

class FakeRecords final : public RecordSource {
 public:
  std::map<std::pair<RecordMetric, int>, double> values;
  std::map<std::pair<RecordMetric, int>, std::string> missing;  // held, but no value: why
  std::optional<RecordValue> Lookup(RecordMetric metric, int year) override {
    if (const auto m = missing.find({metric, year}); m != missing.end()) {
      return RecordValue{0, "示例县", "eduledger indicators", m->second};
    }
    const auto it = values.find({metric, year});
    if (it == values.end()) return std::nullopt;
    const int decimals = it->second == static_cast<std::int64_t>(it->second) ? 0 : 2;
    return RecordValue{it->second, "示例县", "eduledger stats --year " + std::to_string(year), "",
                       decimals};
  }
  bool HoldsYear(int year) override {
    for (const auto& [key, value] : values) {
      if (key.second == year) return true;
    }
    return false;
  }
  std::string YearsHeld() override { return "2026年"; }
};

// Options comparing with `records`, the document's year 2026.
CheckOptions Against(FakeRecords& records) {
  return CheckOptions{.year = 2026, .records = &records};
}

TEST(SummaryCheckerTest, ComparesFiguresWithTheRecords) {
  FakeRecords records;
  records.values[{RecordMetric::kStudents, 2026}] = 31083;
  records.values[{RecordMetric::kTeachers, 2026}] = 1929;
  records.values[{RecordMetric::kPrimarySchools, 2026}] = 41;
  records.values[{RecordMetric::kTeachingPoints, 2026}] = 21;
  const CheckOptions options = Against(records);
  const CheckResult r =
      Check("全县在校学生31082人，专任教师1929人，共有小学41所。城关一小在校学生2000人。", options);
  const Finding* f = Only(r, FindingKind::kRecordMismatch);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->text, "31082人");
  EXPECT_DOUBLE_EQ(*f->expected, 31083);
  EXPECT_NE(f->query.find("eduledger stats --year 2026"), std::string::npos);
  // 在校学生, 专任教师 and 小学; not the one school.
  EXPECT_EQ(r.summary.records_compared, 3);
}

TEST(SummaryCheckerTest, CountsTeachingPointsWhenTheTextDoes) {
  FakeRecords records;
  records.values[{RecordMetric::kPrimarySchools, 2026}] = 41;
  records.values[{RecordMetric::kTeachingPoints, 2026}] = 21;
  const CheckOptions options = Against(records);
  // 41 schools + 21 teaching points = 62, as the text counts them.
  EXPECT_TRUE(Check("全县共有小学62所（完小41所、教学点21个）。", options).findings.empty());
  EXPECT_TRUE(Check("全县共有小学41所。", options).findings.empty());
  // A 其中 clause lists them among the 62 too; an unclosed parenthesis ends at the sentence.
  EXPECT_TRUE(Check("全县共有小学62所，其中教学点21个。", options).findings.empty());
  EXPECT_TRUE(Check("全县共有小学41所（完小41所。另有教学点21个。", options).findings.empty());
  // Teaching points in a later clause are not among the 41.
  const CheckResult apart = Check("全县共有小学41所，另有教学点21个。", options);
  EXPECT_TRUE(apart.findings.empty()) << apart.findings[0].reason;
  EXPECT_EQ(apart.summary.records_compared, 2);
  EXPECT_EQ(Check("全县共有小学62所，另有教学点21个。", options).summary.errors, 1);
}

TEST(SummaryCheckerTest, FiguresOfAYearTheRecordsDoNotHoldAreReportedNotCompared) {
  FakeRecords records;
  records.values[{RecordMetric::kStudents, 2026}] = 31083;
  const CheckOptions options = Against(records);
  const CheckResult r =
      Check("2030年全县在校学生31082人，专任教师1929人。2026年全县在校学生31083人。", options);
  EXPECT_EQ(r.summary.errors, 0);
  const Finding* f = Only(r, FindingKind::kRecordsMissing);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(f->text, "31082人");  // the first of them
  EXPECT_NE(f->reason.find("台账中没有2030年的记录"), std::string::npos) << f->reason;
  EXPECT_NE(f->reason.find("2 个数字未与台账比对"), std::string::npos) << f->reason;
  EXPECT_EQ(r.summary.records_compared, 1);
}

TEST(SummaryCheckerTest, AQuantityTheRecordsHaveNoValueForIsReportedNotPassed) {
  FakeRecords records;
  records.values[{RecordMetric::kStudents, 2026}] = 31083;
  records.missing[{RecordMetric::kDropouts, 2026}] = "无学籍异动记录";
  const CheckOptions options = Against(records);
  const CheckResult r = Check("全县在校学生31083人，辍学学生99人。", options);
  EXPECT_EQ(r.summary.errors, 0);
  const Finding* f = Only(r, FindingKind::kRecordsMissing);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->text, "99人");
  EXPECT_NE(f->reason.find("无学籍异动记录"), std::string::npos) << f->reason;
}

TEST(SummaryCheckerTest, ApproximateFiguresMatchRecordsWithinTheirRange) {
  FakeRecords records;
  records.values[{RecordMetric::kLeftBehind, 2026}] = 5804;
  const CheckOptions options = Against(records);
  EXPECT_TRUE(Check("全县留守儿童5800余名。", options).findings.empty());
  EXPECT_EQ(Check("全县留守儿童6000余名。", options).summary.errors, 1);
}

TEST(SummaryCheckerTest, RatesAreComparedWithTheIndicatorsOfTheirLevelAndYear) {
  // The indicators: 2026 小学 0.0213%, 初中 0.6103%; 2025 小学 0.1%; 巩固率 2026 98.7654%.
  FakeRecords records;
  records.values[{RecordMetric::kPrimaryDropoutRate, 2026}] = 0.0213;
  records.values[{RecordMetric::kJuniorDropoutRate, 2026}] = 0.6103;
  records.values[{RecordMetric::kPrimaryDropoutRate, 2025}] = 0.1;
  records.values[{RecordMetric::kRetentionRate, 2026}] = 98.7654;
  const CheckOptions options = Against(records);
  // Each as written, to its decimals: 0.02% stands for [0.015, 0.025], 0.61% for
  // [0.605, 0.615], 98.8% for [98.75, 98.85]; a level's value is never taken for another's,
  // nor a year's for another year's.
  const CheckResult right = Check(
      "全县小学辍学率为0.02%，初中辍学率为0.61%，九年义务教育巩固率98.8%。2025年小学辍学率为0.10%"
      "。",
      options);
  EXPECT_TRUE(right.findings.empty()) << right.findings[0].reason;
  EXPECT_EQ(right.summary.records_compared, 4);
  // Altered: 初中 0.35% (the records 0.61%); 巩固率 98.7% stands for [98.65, 98.75]: not 98.7654.
  const CheckResult wrong =
      Check("全县小学辍学率为0.02%，初中辍学率为0.35%。九年义务教育巩固率98.7%。", options);
  ASSERT_EQ(wrong.summary.errors, 2);
  EXPECT_EQ(wrong.findings[0].text, "0.35%");
  EXPECT_DOUBLE_EQ(*wrong.findings[0].expected, 0.61);
  EXPECT_NE(wrong.findings[0].reason.find("台账记录为0.61%"), std::string::npos)
      << wrong.findings[0].reason;
  EXPECT_EQ(wrong.findings[1].text, "98.7%");
  // A ratio to one: 生师比16.19:1 stands for [16.185, 16.195]; 16.2:1 for [16.15, 16.25].
  records.values[{RecordMetric::kPrimaryPupilTeacherRatio, 2026}] = 16.1875;
  EXPECT_TRUE(Check("小学生师比16.19:1，小学生师比约为16.2∶1。", options).findings.empty());
  const CheckResult ratio = Check("全县小学生师比为17.19：1。", options);
  ASSERT_EQ(ratio.summary.errors, 1);
  EXPECT_NE(ratio.findings[0].reason.find("台账记录为16.19:1"), std::string::npos)
      << ratio.findings[0].reason;
  // A rate naming no level, and the targets of a plan, are not compared.
  const CheckResult unnamed =
      Check("辍学率为0.35%。\n三、2027年工作打算\n初中辍学率控制在0.5%以内。", options);
  EXPECT_TRUE(unnamed.findings.empty()) << unnamed.findings[0].reason;
  EXPECT_EQ(unnamed.summary.records_compared, 0);
}

}  // namespace
}  // namespace eduledger::report
