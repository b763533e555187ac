#include "core/money.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

TEST(MoneyTest, ParsesYuanIntoFen) {
  EXPECT_EQ(Money::ParseYuan("1234")->fen(), 123400);
  EXPECT_EQ(Money::ParseYuan("1,234.5")->fen(), 123450);
  EXPECT_EQ(Money::ParseYuan("１２３４.５６元")->fen(), 123456);
  EXPECT_EQ(Money::ParseYuan("-3.20")->fen(), -320);
  EXPECT_EQ(Money::ParseYuan("0.07")->fen(), 7);
}

TEST(MoneyTest, RejectsWhatIsNoAmount) {
  EXPECT_EQ(Money::ParseYuan("1.234").status().reason(), "bad_money");
  EXPECT_EQ(Money::ParseYuan("").status().reason(), "bad_money");
  EXPECT_EQ(Money::ParseYuan("十元").status().reason(), "bad_money");
  EXPECT_EQ(Money::ParseYuan("1.2.3").status().reason(), "bad_money");
}

TEST(MoneyTest, PrintsWanYuanRoundedHalfUp) {
  // 22,070,000.00 元 = 2207.00 万元; 123,450.00 元 = 12.345 万元 → 12.35 (half up).
  EXPECT_EQ(Money::FromYuan(22'070'000).ToWanYuanString(), "2207.00");
  EXPECT_EQ(Money::FromYuan(123'450).ToWanYuanString(), "12.35");
  EXPECT_EQ(Money::FromYuan(123'449).ToWanYuanString(), "12.34");
  EXPECT_EQ(Money::FromFen(-1'235'000).ToWanYuanString(1), "-1.2");
  EXPECT_EQ(Money::FromFen(50).ToYuanString(), "0.50");
}

TEST(MoneyTest, SumsExactly) {
  Money total;
  for (int i = 0; i < 10; ++i) total += Money::FromFen(10);  // ten times 0.10 元
  EXPECT_EQ(total, Money::FromYuan(1));
}

TEST(MoneyTest, DividesRoundingHalfAwayFromZero) {
  EXPECT_EQ(DivideRoundHalfUp(5, 2), 3);
  EXPECT_EQ(DivideRoundHalfUp(-5, 2), -3);
  EXPECT_EQ(DivideRoundHalfUp(4, 3), 1);
}

}  // namespace
}  // namespace eduledger::core
