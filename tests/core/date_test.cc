#include "core/date.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

TEST(DateTest, ParsesTheWaysClerksWriteDates) {
  const Date expected = *Date::FromYmd(2015, 3, 8);
  for (std::string_view text : {"2015-03-08", "2015/3/8", "2015.03.08", "20150308", "2015年3月8日",
                                " 2015-3-8 ", "2015-03-08 00:00:00"}) {
    auto d = Date::Parse(text);
    ASSERT_TRUE(d.ok()) << text << ": " << d.status().ToString();
    EXPECT_EQ(*d, expected) << text;
  }
}

TEST(DateTest, RejectsDaysThatDoNotExist) {
  EXPECT_EQ(Date::Parse("2015-02-29").status().reason(), "bad_date");
  EXPECT_TRUE(Date::Parse("2016-02-29").ok());
  EXPECT_EQ(Date::Parse("2015-13-01").status().reason(), "bad_date");
  EXPECT_EQ(Date::Parse("15-3-8").status().reason(), "bad_date");
  EXPECT_EQ(Date::Parse("三月八日").status().reason(), "bad_date");
  EXPECT_EQ(Date::Parse("").status().reason(), "empty");
}

TEST(DateTest, ConvertsExcelSerials) {
  // Excel serial 42071 is 2015-03-08: 25569 is 1970-01-01, and 2015-03-08 is day 16502.
  EXPECT_EQ(*Date::FromExcelSerial(42071), *Date::FromYmd(2015, 3, 8));
  EXPECT_EQ(*Date::FromExcelSerial(25569), *Date::FromYmd(1970, 1, 1));
  EXPECT_FALSE(Date::FromExcelSerial(10).ok());
}

TEST(DateTest, CountsCompletedYears) {
  const Date birth = *Date::FromYmd(2018, 8, 31);
  EXPECT_EQ(birth.AgeOn(*Date::FromYmd(2024, 8, 30)), 5);
  EXPECT_EQ(birth.AgeOn(*Date::FromYmd(2024, 8, 31)), 6);
  EXPECT_EQ(birth.AgeOn(*Date::FromYmd(2017, 1, 1)), 0);
}

TEST(DateTest, PrintsIsoAndChinese) {
  const Date d = *Date::FromYmd(2024, 9, 1);
  EXPECT_EQ(d.ToString(), "2024-09-01");
  EXPECT_EQ(d.ToChinese(), "2024年9月1日");
  EXPECT_EQ(Date().ToString(), "");
}

TEST(DateTest, ParsesYearMonth) {
  for (std::string_view text :
       {"2021-09", "2021/9", "202109", "2021年9月", "2021.9", "2021-09-01"}) {
    auto ym = ParseYearMonth(text);
    ASSERT_TRUE(ym.ok()) << text;
    EXPECT_EQ(*ym, 202109) << text;
  }
  EXPECT_EQ(ParseYearMonth("2021-13").status().reason(), "bad_year_month");
  EXPECT_EQ(ParseYearMonth("9月").status().reason(), "bad_year_month");
}

}  // namespace
}  // namespace eduledger::core
