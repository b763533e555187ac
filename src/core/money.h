// Money: an amount in fen (分, 0.01 元) held as a 64-bit integer, so sums are exact. Printing in
// 万元 rounds half-up (四舍五入) to 2 decimals, once, at the end.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::core {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromFen(std::int64_t fen) { return Money(fen); }
  static constexpr Money FromYuan(std::int64_t yuan) { return Money(yuan * 100); }

  // Parse an amount in yuan as typed: "1234", "1,234.5", "１２３４.５６", "-3.20", "1234元".
  // More than two decimals, or an empty or non-numeric text, is InvalidArgument "bad_money".
  static Result<Money> ParseYuan(std::string_view text);

  constexpr std::int64_t fen() const { return fen_; }
  // "1234.50".
  std::string ToYuanString() const;
  // Amount in 万元 rounded half-up to `decimals` places: 12345678 fen → "12.35".
  std::string ToWanYuanString(int decimals = 2) const;

  constexpr Money operator+(Money o) const { return Money(fen_ + o.fen_); }
  constexpr Money operator-(Money o) const { return Money(fen_ - o.fen_); }
  constexpr Money operator*(std::int64_t k) const { return Money(fen_ * k); }
  Money& operator+=(Money o) {
    fen_ += o.fen_;
    return *this;
  }
  friend constexpr bool operator==(Money a, Money b) = default;
  friend constexpr auto operator<=>(Money a, Money b) = default;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

// Divide `numerator` by `denominator` (> 0) and round half away from zero: the 四舍五入 of
// official statistics.
std::int64_t DivideRoundHalfUp(std::int64_t numerator, std::int64_t denominator);

}  // namespace eduledger::core
