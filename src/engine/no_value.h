// The engine's "no value": a cell, field or figure that has none is NaN, never 0, so that it
// propagates through arithmetic and is printed as 无.
#pragma once

namespace eduledger::engine {

inline constexpr double kNoValue = __builtin_nan("");

}  // namespace eduledger::engine
