#include "core/rounding.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

TEST(RoundingTest, RoundsHalfAwayFromZero) {
  EXPECT_EQ(FormatHalfUp(2.5, 0), "3");
  EXPECT_EQ(FormatHalfUp(3.5, 0), "4");  // not to even
  EXPECT_EQ(FormatHalfUp(2.4999, 0), "2");
  EXPECT_EQ(FormatHalfUp(-0.125, 2), "-0.13");
  EXPECT_EQ(FormatHalfUp(0.145, 2), "0.15");  // 0.145 is 0.14499999… in binary
  EXPECT_EQ(FormatHalfUp(99.995, 2), "100.00");
  EXPECT_EQ(FormatHalfUp(7, 1), "7.0");
  EXPECT_EQ(FormatHalfUp(-0.004, 2), "0.00");
}

TEST(RoundingTest, RatiosOfCountsAreExact) {
  // 1/8 = 12.5% exactly: half rounds up.
  EXPECT_EQ(FormatRatioHalfUp(1, 8, 100, 0), "13");
  // 1/7 = 14.2857…%
  EXPECT_EQ(FormatRatioHalfUp(1, 7, 100, 2), "14.29");
  // 2/3 = 66.666…%
  EXPECT_EQ(FormatRatioHalfUp(2, 3, 100, 1), "66.7");
  // 29/200 = 0.145 exactly, which a double holds as 0.1449999…; the integer path rounds up.
  EXPECT_EQ(FormatRatioHalfUp(29, 200, 1, 2), "0.15");
  // 1/16 = 0.0625: at 3 places the tie rounds up to 0.063.
  EXPECT_EQ(FormatRatioHalfUp(1, 16, 1, 3), "0.063");
  EXPECT_EQ(FormatRatioHalfUp(-1, 8, 100, 0), "-13");
  EXPECT_EQ(FormatRatioHalfUp(1.5, 3, 100, 1), "50.0");  // not whole: the double path
}

}  // namespace
}  // namespace eduledger::core
