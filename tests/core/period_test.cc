#include <gtest/gtest.h>

#include "core/statistics_year.h"

namespace eduledger::core {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(PeriodTest, SchoolYearRunsFromSeptemberToAugust) {
  const Period sy = Period::SchoolYear(2024);
  EXPECT_EQ(sy.start(), D(2024, 9, 1));
  EXPECT_EQ(sy.end(), D(2025, 8, 31));
  EXPECT_EQ(sy.Label(), "2024-2025学年");
  EXPECT_EQ(SchoolYearOf(D(2024, 9, 1)), 2024);
  EXPECT_EQ(SchoolYearOf(D(2025, 8, 31)), 2024);
  EXPECT_EQ(SchoolYearOf(D(2024, 8, 31)), 2023);
}

TEST(PeriodTest, SnapshotAndFlowWindow) {
  EXPECT_EQ(SnapshotDate(2024), D(2024, 9, 1));
  const Period flow = FlowWindow(2024);
  EXPECT_EQ(flow.start(), D(2023, 9, 1));
  EXPECT_EQ(flow.end(), D(2024, 8, 31));
}

TEST(PeriodTest, TermsSplitTheSchoolYear) {
  EXPECT_EQ(Period::Term(2024, 1).end(), D(2025, 1, 31));
  EXPECT_EQ(Period::Term(2024, 2).start(), D(2025, 2, 1));
  EXPECT_EQ(Period::Term(2024, 2).Label(), "2025年春季学期");
}

TEST(PeriodTest, ParsesIds) {
  EXPECT_EQ(*Period::Parse("2024SY"), Period::SchoolYear(2024));
  EXPECT_EQ(*Period::Parse("2024"), Period::CalendarYear(2024));
  EXPECT_EQ(*Period::Parse("2024H2"), Period::HalfYear(2024, 2));
  EXPECT_EQ(Period::Parse("2024Q3")->end(), D(2024, 9, 30));
  EXPECT_EQ(Period::Parse("202402")->end(), D(2024, 2, 29));
  EXPECT_EQ(Period::Parse("2024T2")->id(), "2024T2");
  EXPECT_EQ(Period::Parse("2024Q5").status().reason(), "bad_period");
  EXPECT_EQ(Period::Parse("24").status().reason(), "bad_period");
  EXPECT_EQ(Period::Parse("202413").status().reason(), "bad_period");
}

}  // namespace
}  // namespace eduledger::core

namespace eduledger::core {
namespace {

TEST(PeriodTest, ParsesSchoolYearsAsWritten) {
  for (std::string_view text :
       {"2024", "2024学年", "2024-2025", "2024-2025学年", "2024—2025学年度"}) {
    auto y = ParseSchoolYear(text);
    ASSERT_TRUE(y.ok()) << text;
    EXPECT_EQ(*y, 2024) << text;
  }
  EXPECT_EQ(ParseSchoolYear("2024-2026").status().reason(), "bad_school_year");
  EXPECT_EQ(ParseSchoolYear("去年").status().reason(), "bad_school_year");
}

}  // namespace
}  // namespace eduledger::core

namespace eduledger::core {
namespace {

TEST(StatisticsYearTest, TheLatestYearIsTheOneWhoseSnapshotHasPassed) {
  EXPECT_EQ(LatestStatisticsYear(D(2026, 12, 1)), 2026);
  EXPECT_EQ(LatestStatisticsYear(D(2026, 9, 1)), 2026);   // the snapshot day itself
  EXPECT_EQ(LatestStatisticsYear(D(2026, 8, 31)), 2025);  // 2026's snapshot is tomorrow
  EXPECT_EQ(LatestStatisticsYear(D(2027, 1, 1)), 2026);
}

TEST(StatisticsYearTest, LabelsSayTheSnapshotAndTheFlowWindow) {
  EXPECT_EQ(StatisticsYearLabel(2025), "2025年教育统计");
  EXPECT_EQ(StatisticsYearDates(2025), "统计时点 2025年9月1日，统计期 2024年9月1日—2025年8月31日");
}

}  // namespace
}  // namespace eduledger::core
