// The indicators use case: every indicator of the loaded packages for one school year and
// org unit, optionally split by sex, grade, township or school, each with its numerator,
// denominator and value, printed the way the bureau prints it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

enum class IndicatorSplit { kNone, kSex, kGrade, kTownship, kSchool };

struct IndicatorRequest {
  int school_year = 0;  // 0: the newest in the register
  std::string org;      // code or name; empty: the actor's root
  IndicatorSplit by = IndicatorSplit::kNone;
  std::vector<std::string> codes;  // empty: every indicator
};

struct IndicatorRow {
  std::string code;
  std::string name;
  std::string org_code;
  std::string org_name;
  std::string cell;         // "合计", "男", "一年级" …
  double numerator = 0;     // NaN: no value
  double denominator = 0;   // NaN: none
  double value = 0;         // NaN: no value
  std::string text;         // the value as printed ("14.29%"); empty when there is none
  std::string target;       // the target (目标任务) as printed ("≥99.50%"); empty: none
  std::optional<bool> met;  // whether the printed value meets the target (none: no target
                            // or no value)
};

struct IndicatorTable {
  int school_year = 0;
  std::string org_code;
  std::string org_name;
  std::vector<IndicatorRow> rows;  // by indicator, then unit, then cell
};

// The value of an indicator cell as printed: "14.29%", "16.19:1", "3个"; empty for no value.
std::string FormatIndicatorValue(const meta::Indicator& def, const engine::RateCell& cell);

// An indicator's cell: a rate, a spread over the schools below `org` (numerator: the standard
// deviation, denominator: the weighted mean, value: the CV; total cell only) or a mean of other
// indicators (value only).
engine::RateCell IndicatorCell(const CompiledIndicator& c, const engine::Cube& cube, int year_idx,
                               std::uint32_t org, int cell);

// Compute the table. An unknown indicator code is NotFound "unknown_indicator"; an org unit
// outside the actor's scope NotFound; a year not in the register NotFound "no_such_year".
core::Result<IndicatorTable> ComputeIndicators(store::Store& store, const Actor& actor,
                                               const Metadata& indicators,
                                               const IndicatorRequest& request);
// The same from a cube already computed with `indicators.catalog()`.
core::Result<IndicatorTable> ComputeIndicators(const engine::Cube& cube, const Actor& actor,
                                               const Metadata& indicators,
                                               const IndicatorRequest& request);

}  // namespace eduledger::app
