#include "meta/school_type.h"

#include <gtest/gtest.h>

namespace eduledger::meta {
namespace {

TEST(SchoolTypeTest, ParsesCodesAndNames) {
  EXPECT_EQ(ParseSchoolType("211"), 211);
  EXPECT_EQ(ParseSchoolType("九年一贯制学校"), 312);
  EXPECT_EQ(ParseSchoolType("教学点"), 218);
  EXPECT_EQ(ParseSchoolType("职高"), 365);
  EXPECT_EQ(ParseSchoolType("999"), std::nullopt);
  EXPECT_EQ(ParseSchoolType("大学"), std::nullopt);
}

TEST(SchoolTypeTest, TeachingPointsAndAttachedClassesAreNoSchools) {
  EXPECT_TRUE(CountsAsSchool(211));
  EXPECT_FALSE(CountsAsSchool(218));
  EXPECT_FALSE(CountsAsSchool(119));
  EXPECT_FALSE(CountsAsSchool(999));
}

TEST(SchoolTypeTest, SplitsMixedSchoolsByGrade) {
  EXPECT_EQ(LevelOf(312, 3), EducationLevel::kPrimary);
  EXPECT_EQ(LevelOf(312, 7), EducationLevel::kJunior);
  EXPECT_EQ(LevelOf(312, 0), EducationLevel::kPreschool);  // 附设幼儿班
  EXPECT_EQ(LevelOf(341, 11), EducationLevel::kSenior);
  EXPECT_EQ(LevelOf(365, 11), EducationLevel::kVocational);
  EXPECT_EQ(LevelOf(514, 4), EducationLevel::kSpecial);
  EXPECT_EQ(LevelOf(332, 8), EducationLevel::kAdult);
}

TEST(SchoolTypeTest, KnowsWhichGradesATypeAdmits) {
  EXPECT_TRUE(AdmitsGrade(211, 6));
  EXPECT_FALSE(AdmitsGrade(211, 7));
  EXPECT_FALSE(AdmitsGrade(311, 6));
  EXPECT_TRUE(AdmitsGrade(342, 10));
  EXPECT_FALSE(AdmitsGrade(342, 9));
}

}  // namespace
}  // namespace eduledger::meta
