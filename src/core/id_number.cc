#include "core/id_number.h"

#include "core/text.h"

namespace eduledger::core {

namespace {

// GB/T 2260 province-level prefixes.
constexpr int kProvinceCodes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                  35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                  53, 54, 61, 62, 63, 64, 65, 71, 81, 82};

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

Status Reject(std::string_view reason, std::string_view message) {
  return Status::InvalidArgument(reason, message);
}

bool AllDigits(std::string_view text) {
  for (const char c : text) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

int Digits(std::string_view text) {
  int value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

bool IsKnownProvinceCode(int code) {
  if (code == 83) return true;  // checked against the full address code in Parse
  for (const int p : kProvinceCodes) {
    if (p == code) return true;
  }
  return false;
}

char IdNumber::CheckCharacter(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

Result<IdNumber> IdNumber::Parse(std::string_view text, Date today) {
  text = TrimSpace(text);
  std::string folded_storage;
  if (HasFullWidthForms(text)) folded_storage = FoldFullWidth(text);
  const std::string_view folded = folded_storage.empty() ? text : std::string_view(folded_storage);
  if (folded.empty()) return Reject("empty", "身份证件号为空");
  if (folded.size() != 18 && folded.size() != 15) {
    return Reject("bad_length", "身份证号应为18位（或旧式15位），实为" +
                                    std::to_string(CodePointCount(folded)) + "位");
  }
  IdNumber id;
  char buf[18];  // the 18-character number being built
  if (folded.size() == 15) {
    if (!AllDigits(folded)) return Reject("bad_character", "15位身份证号只能由数字组成");
    id.original15_ = std::string(folded);
    folded.copy(buf, 6);
    buf[6] = '1';
    buf[7] = '9';
    folded.substr(6).copy(buf + 8, 9);
  } else {
    folded.copy(buf, 18);
    buf[17] = AsciiUpper(buf[17]);
    if (!AllDigits(std::string_view(buf, 17)) || !(IsAsciiDigit(buf[17]) || buf[17] == 'X')) {
      return Reject("bad_character", "身份证号前17位须为数字，第18位为数字或X");
    }
  }
  const std::string_view number(buf, 18);
  const int province = Digits(number.substr(0, 2));
  const bool permit_83 = province == 83 && number.substr(0, 6) == "830000";
  if (!(IsKnownProvinceCode(province) && (province != 83 || permit_83))) {
    return Reject("unknown_province",
                  "前两位" + std::string(number.substr(0, 2)) + "不是有效的省级行政区划代码");
  }
  const std::string_view birth = number.substr(6, 8);
  auto date = Date::FromYmd(Digits(birth.substr(0, 4)), Digits(birth.substr(4, 2)),
                            Digits(birth.substr(6, 2)));
  if (!date.ok() || date->year() < 1800) {
    return Reject("bad_birth_date", "出生日期码" + std::string(birth) + "不是有效日期");
  }
  if (!today.is_null() && *date > today) {
    return Reject("future_birth_date", "出生日期" + date->ToString() + "晚于今天");
  }
  const char expected = CheckCharacter(number);
  if (id.original15_.empty()) {
    if (buf[17] != expected) {
      return Reject("bad_check_character",
                    std::string("校验码应为") + expected + "，实为" + buf[17]);
    }
  } else {
    buf[17] = expected;
  }
  std::copy(buf, buf + 18, id.digits_.begin());
  id.birth_date_ = *date;
  return id;
}

}  // namespace eduledger::core
