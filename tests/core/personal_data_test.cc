#include "core/personal_data.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

TEST(PersonalDataTest, MasksIdNumbersKeepingAddressAndLastFour) {
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskIdNumber("G11010519491231002X"), "G11010*********002X");
  EXPECT_EQ(MaskIdNumber("12345"), "1***5");
  EXPECT_EQ(MaskIdNumber(""), "");
}

TEST(PersonalDataTest, MasksNamesKeepingTheFirstCharacter) {
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳晓明"), "欧***");
  EXPECT_EQ(MaskName(""), "");
}

}  // namespace
}  // namespace eduledger::core
