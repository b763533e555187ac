// Rounding for print: 四舍五入 (half away from zero) to a fixed number of decimals, the way
// the national statistics round rates. Values are kept unrounded everywhere else.
#pragma once

#include <string>
#include <string_view>

namespace eduledger::core {

// `value` rounded half away from zero to `decimals` places (0..9) and printed with exactly
// that many: FormatHalfUp(2.5, 0) == "3", FormatHalfUp(-0.125, 2) == "-0.13". A tolerance
// of one part in 10^12 absorbs binary representation error (0.145 prints "0.15" at 2).
std::string FormatHalfUp(double value, int decimals);

// numerator / denominator × factor, rounded and printed as above. When all three are whole
// numbers below 2^40 the quotient is computed exactly in integers. The denominator must not
// be 0.
std::string FormatRatioHalfUp(double numerator, double denominator, double factor, int decimals);

// `v` in at most ten significant digits ("14199", "0.1764", "5.430941668"), for showing
// unrounded figures; `no_value` for NaN.
std::string FormatPlain(double v, std::string_view no_value = "");

}  // namespace eduledger::core
