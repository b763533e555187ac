// A figure in JSON: null for no value (never 0), an integer for a count, else the double.
#pragma once

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace eduledger::cli {

inline nlohmann::json NumberJson(double v) {
  if (std::isnan(v)) return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0) {
    return static_cast<std::int64_t>(v);
  }
  return v;
}

}  // namespace eduledger::cli
