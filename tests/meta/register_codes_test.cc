// Code tables of the register: ethnicity, sex, yes/no, 户口, ownership, urban-rural class,
// staff posts and titles, and the 全国学籍号 check.
#include <gtest/gtest.h>

#include "meta/ethnicity.h"
#include "meta/org_unit.h"
#include "meta/staff.h"
#include "meta/student.h"

namespace eduledger::meta {
namespace {

const core::Date kToday = *core::Date::FromYmd(2026, 11, 23);

TEST(EthnicityTest, ParsesNamesShortNamesAndCodes) {
  EXPECT_EQ(ParseEthnicity("汉族"), 1);
  EXPECT_EQ(ParseEthnicity("汉"), 1);
  EXPECT_EQ(ParseEthnicity("01"), 1);
  EXPECT_EQ(ParseEthnicity("土家族"), 15);
  EXPECT_EQ(ParseEthnicity("苗"), 6);
  EXPECT_EQ(ParseEthnicity("基诺族"), 56);
  EXPECT_EQ(ParseEthnicity("57"), std::nullopt);
  EXPECT_EQ(ParseEthnicity("火星族"), std::nullopt);
  EXPECT_EQ(EthnicityName(8), "壮族");
  EXPECT_FALSE(IsMinority(1));
  EXPECT_TRUE(IsMinority(15));
  EXPECT_FALSE(IsMinority(0));
}

TEST(StudentCodesTest, ParsesSexYesNoHukouAndIdType) {
  EXPECT_EQ(ParseSex("男"), core::Sex::kMale);
  EXPECT_EQ(ParseSex("2"), core::Sex::kFemale);
  EXPECT_EQ(ParseSex("未知"), std::nullopt);
  EXPECT_EQ(ParseYesNo("是"), true);
  EXPECT_EQ(ParseYesNo(" 否 "), false);
  EXPECT_EQ(ParseYesNo(""), false);
  EXPECT_EQ(ParseYesNo("Y"), true);
  EXPECT_EQ(ParseYesNo("也许"), std::nullopt);
  EXPECT_EQ(ParseHukou("农业户口"), Hukou::kAgricultural);
  EXPECT_EQ(ParseIdType("居民身份证"), IdType::kResidentId);
  EXPECT_EQ(ParseIdType("a"), IdType::kPassport);
}

TEST(StudentNoTest, AcceptsTheThreePrefixes) {
  EXPECT_TRUE(ValidateStudentNo("G430102201503080014", kToday).ok());
  EXPECT_TRUE(ValidateStudentNo("J430102201503080014", kToday).ok());
  EXPECT_TRUE(ValidateStudentNo("L430102201503081234", kToday).ok());
}

TEST(StudentNoTest, RejectsMalformedNumbers) {
  EXPECT_EQ(ValidateStudentNo("G43010220150308001", kToday).reason(), "bad_student_no");   // 18
  EXPECT_EQ(ValidateStudentNo("G430102201503080015", kToday).reason(), "bad_student_no");  // check
  EXPECT_EQ(ValidateStudentNo("X430102201503080014", kToday).reason(), "bad_student_no");
  EXPECT_EQ(ValidateStudentNo("L430102201502301234", kToday).reason(), "bad_student_no");  // 2-30
}

TEST(OrgUnitCodesTest, ParsesOwnershipAndUrbanRuralClass) {
  EXPECT_EQ(ParseOwnership("公办"), Ownership::kEducationDept);
  EXPECT_EQ(ParseOwnership("民办"), Ownership::kPrivate);
  EXPECT_TRUE(IsPublic(Ownership::kOtherDept));
  EXPECT_FALSE(IsPublic(Ownership::kPrivate));
  EXPECT_EQ(ParseUrbanRural("122"), 122);
  EXPECT_EQ(ParseUrbanRural("村庄"), 220);
  EXPECT_EQ(ParseUrbanRural("城区"), 111);
  EXPECT_EQ(UrbanRuralBucketOf(112), UrbanRuralBucket::kUrban);
  EXPECT_EQ(UrbanRuralBucketOf(123), UrbanRuralBucket::kTown);
  EXPECT_EQ(UrbanRuralBucketOf(210), UrbanRuralBucket::kRural);
  EXPECT_EQ(ParseUrbanRural("330"), std::nullopt);
}

TEST(StaffCodesTest, ReadsOldAndNewTitleNames) {
  EXPECT_EQ(ParseTitle("高级教师"), Title::kSenior);
  EXPECT_EQ(ParseTitle("中学高级教师"), Title::kSenior);
  EXPECT_EQ(ParseTitle("小学高级教师"), Title::kFirst);  // the 2015 reform's mapping
  EXPECT_EQ(ParseTitle(""), Title::kNone);
  EXPECT_EQ(ParsePost("专任教师"), Post::kFullTimeTeacher);
  EXPECT_EQ(ParseQualification("大专"), Qualification::kAssociate);
}

}  // namespace
}  // namespace eduledger::meta
