#include "core/rounding.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace eduledger::core {

namespace {

__extension__ using Wide = unsigned __int128;  // counts × factor × 10^9 fit

constexpr double kWholeLimit = 1099511627776.0;  // 2^40

// Print `units` / 10^decimals.
std::string FromUnits(bool negative, Wide units, int decimals) {
  Wide scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const auto whole = static_cast<unsigned long long>(units / scale);
  auto frac = static_cast<unsigned long long>(units % scale);
  char buf[64];
  int n = std::snprintf(buf, sizeof(buf), "%s%llu", negative && units != 0 ? "-" : "", whole);
  if (decimals > 0)
    std::snprintf(buf + n, sizeof(buf) - static_cast<std::size_t>(n), ".%0*llu", decimals, frac);
  return buf;
}

bool Whole(double v) { return std::fabs(v) < kWholeLimit && v == std::floor(v); }

}  // namespace

std::string FormatHalfUp(double value, int decimals) {
  if (decimals < 0) decimals = 0;
  if (decimals > 9) decimals = 9;
  const bool negative = value < 0;
  const double scaled = std::fabs(value) * std::pow(10.0, decimals);
  const double rounded = std::floor(scaled * (1 + 1e-12) + 0.5);
  return FromUnits(negative, static_cast<Wide>(rounded), decimals);
}

std::string FormatRatioHalfUp(double numerator, double denominator, double factor, int decimals) {
  if (decimals < 0) decimals = 0;
  if (decimals > 9) decimals = 9;
  if (!Whole(numerator) || !Whole(denominator) || !Whole(factor) || denominator == 0) {
    return FormatHalfUp(numerator / denominator * factor, decimals);
  }
  const bool negative = (numerator < 0) != (denominator < 0) && numerator != 0;
  Wide num = static_cast<Wide>(std::fabs(numerator)) * static_cast<Wide>(std::fabs(factor));
  for (int i = 0; i < decimals; ++i) num *= 10;
  const auto den = static_cast<Wide>(std::fabs(denominator));
  // Half up: floor((2·num + den) / (2·den)).
  return FromUnits(negative, (2 * num + den) / (2 * den), decimals);
}

std::string FormatPlain(double v, std::string_view no_value) {
  if (v != v) return std::string(no_value);
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.10g", v);
  return buf;
}

}  // namespace eduledger::core
