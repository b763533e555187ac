#include "core/money.h"

#include <cstdio>
#include <cstdlib>

#include "core/check.h"
#include "core/text.h"

namespace eduledger::core {

std::int64_t DivideRoundHalfUp(std::int64_t numerator, std::int64_t denominator) {
  EL_CHECK(denominator > 0);
  const std::int64_t magnitude = (std::llabs(numerator) * 2 + denominator) / (denominator * 2);
  return numerator < 0 ? -magnitude : magnitude;
}

Result<Money> Money::ParseYuan(std::string_view text) {
  const std::string folded = FoldFullWidth(TrimSpace(text));
  std::string_view s = folded;
  const Status bad = Status::InvalidArgument("bad_money", "不是有效金额：" + std::string(text));
  if (s.ends_with("元")) s.remove_suffix(3);
  s = TrimSpace(s);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::int64_t whole = 0;
  std::int64_t cents = 0;
  int decimals = -1;  // -1: before the decimal point
  bool any_digit = false;
  for (const char c : s) {
    if (c == ',' && decimals < 0) continue;
    if (c == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (!IsAsciiDigit(c)) return bad;
    any_digit = true;
    if (decimals < 0) {
      if (whole > 90'000'000'000'000LL) return bad;
      whole = whole * 10 + (c - '0');
    } else {
      if (++decimals > 2) return bad;
      cents = cents * 10 + (c - '0');
    }
  }
  if (!any_digit) return bad;
  if (decimals == 1) cents *= 10;
  const std::int64_t fen = whole * 100 + cents;
  return Money(negative ? -fen : fen);
}

std::string Money::ToYuanString() const {
  const std::int64_t magnitude = std::llabs(fen_);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", fen_ < 0 ? "-" : "",
                static_cast<long long>(magnitude / 100), static_cast<long long>(magnitude % 100));
  return buf;
}

std::string Money::ToWanYuanString(int decimals) const {
  EL_CHECK(decimals >= 0 && decimals <= 6);
  // 1 万元 = 1,000,000 fen; scaled = round(fen / 10^(6 - decimals)).
  std::int64_t divisor = 1'000'000;
  std::int64_t unit = 1;
  for (int i = 0; i < decimals; ++i) divisor /= 10, unit *= 10;
  const std::int64_t scaled = DivideRoundHalfUp(fen_, divisor);
  const std::int64_t magnitude = std::llabs(scaled);
  char buf[48];
  if (decimals == 0) {
    std::snprintf(buf, sizeof buf, "%s%lld", scaled < 0 ? "-" : "",
                  static_cast<long long>(magnitude));
  } else {
    std::snprintf(buf, sizeof buf, "%s%lld.%0*lld", scaled < 0 ? "-" : "",
                  static_cast<long long>(magnitude / unit), decimals,
                  static_cast<long long>(magnitude % unit));
  }
  return buf;
}

}  // namespace eduledger::core
