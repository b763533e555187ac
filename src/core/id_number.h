// 居民身份证号码: the citizen ID number of GB 11643-1999, and the 2018 residence permits for
// Hong Kong, Macau and Taiwan residents (address codes 810000, 820000, 830000), which share its
// structure.
//
//   pos  1-6    address code: the 2-digit province prefix is checked strictly (GB/T 2260)
//   pos  7-14   birth date YYYYMMDD: a real day, not before 1800, not after today
//   pos 15-17   sequence; digit 17 odd = male, even = female
//   pos 18      check character, ISO 7064 MOD 11-2: S = Σ a_i·W_i, W_i = 2^(17-i) mod 11,
//               Y = S mod 11 maps 0..10 to 1 0 X 9 8 7 6 5 4 3 2
//
// The old 15-digit form (GB 11643-1989: address, YYMMDD, sequence, no check character) is
// converted by inserting "19" after the address and appending the check character; the
// original is kept. A lowercase x is accepted and stored uppercase.
//
// Rejections (InvalidArgument, reason code):
//   empty                 nothing given
//   bad_length            not 15 or 18 characters
//   bad_character         a non-digit where a digit belongs (X only as the 18th)
//   unknown_province      the first two digits are no province of GB/T 2260
//   bad_birth_date        positions 7-14 are not a real day, or before 1800
//   future_birth_date     the birth date is after today
//   bad_check_character   the 18th character does not match MOD 11-2
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace eduledger::core {

enum class Sex : unsigned char { kUnknown = 0, kMale = 1, kFemale = 2 };

class IdNumber {
 public:
  // Parse an ID number as typed: surrounding spaces are ignored, full-width digits folded.
  // `today` bounds the birth date.
  static Result<IdNumber> Parse(std::string_view text, Date today = Date::Today());

  // Compute the MOD 11-2 check character of the first 17 digits (which must be digits).
  static char CheckCharacter(std::string_view first17);

  // The 18-character number.
  std::string_view str() const { return {digits_.data(), digits_.size()}; }
  std::string_view address_code() const { return str().substr(0, 6); }
  int province_code() const { return (digits_[0] - '0') * 10 + (digits_[1] - '0'); }
  Date birth_date() const { return birth_date_; }
  Sex sex() const { return ((digits_[16] - '0') % 2) ? Sex::kMale : Sex::kFemale; }
  // The 15-digit original when this number was converted from one, else empty.
  const std::string& original15() const { return original15_; }

  friend bool operator==(const IdNumber& a, const IdNumber& b) { return a.digits_ == b.digits_; }

 private:
  IdNumber() = default;
  std::array<char, 18> digits_{};
  Date birth_date_;
  std::string original15_;
};

// True when `code` is a province-level prefix of GB/T 2260 (11..65, 71, 81, 82; 83 is only
// valid for the Taiwan residence permit's 830000).
bool IsKnownProvinceCode(int code);

}  // namespace eduledger::core
