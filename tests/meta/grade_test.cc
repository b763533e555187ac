#include "meta/grade.h"

#include <gtest/gtest.h>

namespace eduledger::meta {
namespace {

constexpr int kPrimary = 211;
constexpr int kJunior = 311;
constexpr int kNineYear = 312;
constexpr int kHigh = 342;
constexpr int kVocational = 365;

TEST(GradeTest, ReadsAbsoluteNames) {
  EXPECT_EQ(*ParseGrade("一年级", kPrimary), 1);
  EXPECT_EQ(*ParseGrade("6年级", kPrimary), 6);
  EXPECT_EQ(*ParseGrade("七年级", kNineYear), 7);
  EXPECT_EQ(*ParseGrade("初二", kNineYear), 8);
  EXPECT_EQ(*ParseGrade("高三", kHigh), 12);
  EXPECT_EQ(*ParseGrade("十年级", kHigh), 10);
  EXPECT_EQ(*ParseGrade("大班", 111), 0);
  EXPECT_EQ(*ParseGrade("小班", 111), -2);
  EXPECT_EQ(*ParseGrade("中职二年级", kVocational), 11);
}

TEST(GradeTest, ReadsStageRelativeNumbersAgainstTheSchoolType) {
  // A 初级中学's "一年级" is 初一 (7); a 职业高中's "2" is 中职二年级 (11).
  EXPECT_EQ(*ParseGrade("一年级", kJunior), 7);
  EXPECT_EQ(*ParseGrade("2", kVocational), 11);
  EXPECT_EQ(*ParseGrade("3年级", kHigh), 12);
  // A 九年一贯制 school starts at grade 1: numbers stay absolute.
  EXPECT_EQ(*ParseGrade("3", kNineYear), 3);
}

TEST(GradeTest, RejectsWhatIsNoGrade) {
  EXPECT_EQ(ParseGrade("十三年级", kPrimary).status().reason(), "bad_grade");
  EXPECT_EQ(ParseGrade("初四", kJunior).status().reason(), "bad_grade");
  EXPECT_EQ(ParseGrade("一年级三班", kPrimary).status().reason(), "bad_grade");
  EXPECT_EQ(ParseGrade("", kPrimary).status().reason(), "empty");
}

TEST(GradeTest, NamesReadBackToTheSameGrade) {
  for (int type : {111, kPrimary, kJunior, kNineYear, kHigh, kVocational, 514}) {
    for (int grade = kMinGrade; grade <= kMaxGrade; ++grade) {
      const std::string name = GradeName(grade, type);
      auto back = ParseGrade(name, type);
      ASSERT_TRUE(back.ok()) << type << " " << name;
      EXPECT_EQ(*back, grade) << type << " " << name;
    }
  }
}

}  // namespace
}  // namespace eduledger::meta
