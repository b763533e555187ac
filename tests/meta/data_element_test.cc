// Values typed into a form keep their exact digits or are refused: no value is stored with
// digits lost (12345678901234567 as a double is 12345678901234568).
#include "meta/data_element.h"

#include <gtest/gtest.h>

namespace eduledger::meta {
namespace {

DataElement Element(ValueType type) {
  DataElement e;
  e.code = "x";
  e.type = type;
  return e;
}

std::string Normal(ValueType type, std::string_view text) {
  auto v = NormalizeValue(Element(type), text);
  return v.ok() ? *v : "refused: " + std::string(v.status().message());
}

TEST(NormalizeValueTest, IntegersKeepEveryDigitOrAreRefused) {
  EXPECT_EQ(Normal(ValueType::kInteger, "1865"), "1865");
  EXPECT_EQ(Normal(ValueType::kInteger, " 007 "), "7");
  EXPECT_EQ(Normal(ValueType::kInteger, "214.0"), "214");
  EXPECT_EQ(Normal(ValueType::kInteger, "999999999999999"), "999999999999999");  // 15 digits
  for (std::string_view bad :
       {"12345678901234567", "1000000000000000", "12345678901234567890123456", "1e308", "1E3",
        "214.5", "-3", "0x10", "1,234", "12.", ".5", "inf", "nan", "--1"}) {
    const auto v = NormalizeValue(Element(ValueType::kInteger), bad);
    ASSERT_FALSE(v.ok()) << bad << " gave " << *v;
    EXPECT_EQ(v.status().reason(), "bad_value") << bad;
  }
  EXPECT_NE(Normal(ValueType::kInteger, "12345678901234567").find("999999999999999"),
            std::string::npos);
}

TEST(NormalizeValueTest, NumbersAndPercentagesKeepTheirDigits) {
  EXPECT_EQ(Normal(ValueType::kNumber, "12.50"), "12.5");
  EXPECT_EQ(Normal(ValueType::kNumber, "-0.25"), "-0.25");
  EXPECT_EQ(Normal(ValueType::kNumber, "123456789.012345"), "123456789.012345");
  EXPECT_EQ(Normal(ValueType::kPercentage, "96.8"), "96.8");
  for (std::string_view bad : {"1.0000000000000001", "1e-3", "2.5e2"}) {
    EXPECT_FALSE(NormalizeValue(Element(ValueType::kNumber), bad).ok()) << bad;
  }
  EXPECT_FALSE(NormalizeValue(Element(ValueType::kPercentage), "100.5").ok());
}

TEST(DisaggregationLabelTest, NamesTheOptionsAsAPersonReadsThem) {
  Category sex{"sex", "性别", {{"male", "男"}, {"female", "女"}}, std::nullopt};
  Category subject{"subject", "科目", {{"chinese", "语文"}, {"math", "数学"}}, std::nullopt};
  const std::vector<const Category*> both = {&sex, &subject};
  EXPECT_EQ(DisaggregationLabel(both, "subject=chinese"), "语文");
  EXPECT_EQ(DisaggregationLabel(both, "sex=female;subject=math"), "女、数学");
  EXPECT_EQ(DisaggregationLabel(both, ""), "合计");
  // A part the package no longer knows stays as written.
  EXPECT_EQ(DisaggregationLabel(both, "subject=art"), "subject=art");
}

}  // namespace
}  // namespace eduledger::meta
