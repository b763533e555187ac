#include "core/id_number.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

const Date kToday = *Date::FromYmd(2026, 11, 23);

Status Rejection(std::string_view text) { return IdNumber::Parse(text, kToday).status(); }

TEST(IdNumberTest, AcceptsTheStandardsWorkedExamples) {
  // S = 167, Y = 167 mod 11 = 2 → 'X' (DOMAIN.md §1.1).
  auto a = IdNumber::Parse("11010519491231002X", kToday);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->str(), "11010519491231002X");
  EXPECT_EQ(a->birth_date(), *Date::FromYmd(1949, 12, 31));
  EXPECT_EQ(a->sex(), Sex::kFemale);  // digit 17 is 2: even
  EXPECT_EQ(a->province_code(), 11);
  EXPECT_EQ(a->address_code(), "110105");
  // Y = 8 → '4'; an 1880 birth date is a real one.
  EXPECT_TRUE(IdNumber::Parse("440524188001010014", kToday).ok());
}

TEST(IdNumberTest, ComputesTheCheckCharacter) {
  // 4·7+3·9+0+1·5+0+2·4+2·2+0+1·6+5·3+0+3·9+0+8·5+0+0+1·2 = 162; 162 mod 11 = 8 → '4'.
  EXPECT_EQ(IdNumber::CheckCharacter("43010220150308001"), '4');
  EXPECT_EQ(IdNumber::CheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(IdNumber::CheckCharacter("43010220150308002"), '2');
}

TEST(IdNumberTest, ReadsSexFromDigitSeventeen) {
  EXPECT_EQ(IdNumber::Parse("430102201503080014", kToday)->sex(), Sex::kMale);    // 1: odd
  EXPECT_EQ(IdNumber::Parse("430102201503080022", kToday)->sex(), Sex::kFemale);  // 2: even
}

TEST(IdNumberTest, AcceptsLowercaseXAndStoresUppercase) {
  auto id = IdNumber::Parse("11010519491231002x", kToday);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->str(), "11010519491231002X");
}

TEST(IdNumberTest, IgnoresSurroundingSpaceAndFullWidthDigits) {
  auto id = IdNumber::Parse("  ４３０１０２２０１５０３０８００１４\u3000", kToday);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(id->str(), "430102201503080014");
}

TEST(IdNumberTest, ConvertsTheOldFifteenDigitForm) {
  // Insert "19" after the address code, then append the check character (DOMAIN.md §1.1).
  auto id = IdNumber::Parse("110105491231002", kToday);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(id->str(), "11010519491231002X");
  EXPECT_EQ(id->original15(), "110105491231002");
  EXPECT_EQ(id->birth_date(), *Date::FromYmd(1949, 12, 31));
}

TEST(IdNumberTest, AcceptsResidencePermitsForHongKongMacauTaiwan) {
  EXPECT_TRUE(IdNumber::Parse("830000199001011234", kToday).ok());
  EXPECT_TRUE(IdNumber::Parse("810000199001011230", kToday).ok());
}

TEST(IdNumberTest, RejectsEmpty) { EXPECT_EQ(Rejection("  ").reason(), "empty"); }

TEST(IdNumberTest, RejectsBadLength) {
  EXPECT_EQ(Rejection("4301022015030800").reason(), "bad_length");
  EXPECT_EQ(Rejection("4301022015030800141").reason(), "bad_length");
}

TEST(IdNumberTest, RejectsBadCharacters) {
  EXPECT_EQ(Rejection("43010220150308A014").reason(), "bad_character");
  EXPECT_EQ(Rejection("43010220150308001Y").reason(), "bad_character");
  EXPECT_EQ(Rejection("11010549123100X").reason(), "bad_character");
}

TEST(IdNumberTest, RejectsUnknownProvince) {
  // 99 is no province; the check character (3) is right, so only the province is wrong.
  EXPECT_EQ(Rejection("990105194912310023").reason(), "unknown_province");
  // 83 is only valid as the Taiwan residence permit's 830000.
  EXPECT_EQ(Rejection("831234199001011234").reason(), "unknown_province");
}

TEST(IdNumberTest, RejectsBirthDatesThatAreNoRealDay) {
  EXPECT_EQ(Rejection("430102201502300014").reason(), "bad_birth_date");  // 30 February
  EXPECT_EQ(Rejection("430102201513010014").reason(), "bad_birth_date");  // month 13
  EXPECT_EQ(Rejection("430102201502290014").reason(), "bad_birth_date");  // 2015 not leap
}

TEST(IdNumberTest, RejectsBirthDateInTheFuture) {
  // 2030-01-01 with a correct check character (5).
  EXPECT_EQ(Rejection("430102203001010015").reason(), "future_birth_date");
}

TEST(IdNumberTest, RejectsWrongCheckCharacter) {
  const Status s = Rejection("110105194912310021");
  EXPECT_EQ(s.reason(), "bad_check_character");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("X"), std::string_view::npos);  // names the expected character
}

}  // namespace
}  // namespace eduledger::core
