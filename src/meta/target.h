// Target (目标任务): the value an indicator should reach for an org unit in a school year
// (targets.json), at least or at most, and whether a computed value meets it.
#pragma once

#include <string>

namespace eduledger::meta {

enum class TargetDirection : unsigned char { kAtLeast, kAtMost };

struct Target {
  std::string indicator;  // indicator code
  std::string org_code;   // org unit code; "*": every unit
  int school_year = 0;    // 0: every year
  double value = 0;       // in the indicator's printed unit (a percentage as 99.5)
  TargetDirection direction = TargetDirection::kAtLeast;
  std::string package;
  std::string source;  // "packages/county-bureau/targets.json: targets[3]", for messages

  // Whether `printed_value` (rounded as the indicator prints) meets the target.
  bool MetBy(double printed_value) const {
    return direction == TargetDirection::kAtLeast ? printed_value >= value : printed_value <= value;
  }
};

}  // namespace eduledger::meta
