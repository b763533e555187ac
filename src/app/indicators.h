// The indicators use case: every indicator of the loaded packages for one statistics year and
// org unit (core/statistics_year.h: stocks at its 1 September snapshot, flows over the school
// year that ended then; ledger figures over its calendar year, or as the ledger stands today:
// engine/case_schema.h), optionally split by sex, grade, township or school, each with its
// numerator, denominator and value, printed the way the bureau prints it.
//
// A cell without a value says why: no records, a zero denominator, a flow window still open,
// or a figure that means nothing at that level (不适用, with the package's reason), or a flow
// read from the register when the window has no 学籍异动 at all (app/event_coverage.h). A flow
// is incomplete when pupils it counts among (CompiledIndicator::leavers_among) left the roll
// unrecorded (the package's unexplained_leavers).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/result.h"
#include "core/statistics_year.h"
#include "store/store.h"

namespace eduledger::app {

// How the cells of a table are split: by sex or grade (cells of the unit), or into rows by
// township (with the schools the county runs directly as a row of their own), by school, or
// by school type (the schools of each 办学类型 taken together).
// kMonth: a ledger figure by the month of its cases' period dates (an indicator whose
// package allows it and that counts dated cases only).
// kField: a ledger figure by a field of its cases (IndicatorRequest::field: the state, a
// category, the school's 学段), for an indicator whose package allows it.
enum class IndicatorSplit { kNone, kSex, kGrade, kMonth, kField, kTownship, kSchool, kSchoolType };

struct IndicatorRequest {
  int year = 0;     // statistics year; 0: the latest whose snapshot has passed on `today`
  std::string org;  // code or name; empty: the actor's home unit (Scope::Resolve)
  IndicatorSplit by = IndicatorSplit::kNone;
  std::string field;  // kField: the field's code or Chinese name (state, level, category …)
  std::vector<std::string> codes;  // empty: every indicator (of `category`, when given)
  std::string category;            // only the indicators of this category
  core::Date today = core::Date::Today();
};

struct IndicatorRow {
  std::string code;
  std::string name;
  std::string org_code;  // the unit; for the row of the schools run by the county: "CODE:direct"
  std::string org_name;
  int school_type = 0;  // a row of a breakdown by school type: the type; else 0
  std::string cell;     // "合计", "男", "一年级" …
  bool flow = false;    // counted over the flow window, not at the snapshot
  // A ledger figure: its period ("2026年1月1日—2026年12月31日，按发现日期计", or "台账现状
  // (DATE)"); empty for a register or form figure.
  std::string period_label;
  bool to_date = false;    // a ledger figure of a calendar year still running: the year so far
  double numerator = 0;    // NaN: no value
  double denominator = 0;  // NaN: none
  double value = 0;        // NaN: no value
  std::string text;        // the value as printed ("14.29%"); empty when there is none
  std::string note;        // why there is no value, or why it is incomplete, in Chinese
  bool counted = true;     // false: not counted at all (不适用, window open, no 学籍异动)
  // A flow of a unit some of whose pupils left with nothing recorded (the 流失名单 of
  // validate): its events are missing, so the value may be too low or too high.
  bool incomplete = false;
  std::string target;       // the target (目标任务) as printed ("≥99.50%"); empty: none
  std::optional<bool> met;  // whether the printed value meets the target (none: no target
                            // or no value)
};

// The pupils of a unit who left with nothing recorded (validate's 流失名单), by grade: the
// reason its flows marked incomplete are.
struct UnitLeavers {
  std::string org_code;
  std::string org_name;
  double total = 0;
  std::vector<std::pair<int, double>> by_grade;  // grade (meta/grade.h), pupils; grades with any
};

struct IndicatorTable {
  int year = 0;  // the statistics year
  core::Date snapshot;
  core::Period flow_window = core::Period::SchoolYear(1970);
  std::string org_code;
  std::string org_name;
  std::vector<IndicatorRow> rows;    // by indicator, then unit, then cell
  std::vector<UnitLeavers> leavers;  // the units with an incomplete row, in row order
};

// The value of an indicator cell as printed: "14.29%", "16.19:1", "3个"; empty for no value.
std::string FormatIndicatorValue(const meta::Indicator& def, const engine::RateCell& cell);

// An indicator's cell over units `orgs` taken together (one unit, or the schools of one
// breakdown row): a rate of the summed counts, a spread over the schools below them
// (numerator: the standard deviation, denominator: the weighted mean, value: the CV; total
// cell only) or a mean of other indicators (value only). A count over units that hold no
// records of what it counts is no value.
// With `split`, a cell of that split of the figure (engine::SplitCell).
engine::RateCell IndicatorCell(const CompiledIndicator& c, const engine::Cube& cube, int year_idx,
                               std::span<const std::uint32_t> orgs, int cell,
                               const CompiledIndicator::FieldSplit* split = nullptr);

// Compute the table. An unknown indicator code is NotFound "unknown_indicator"; an org unit
// outside the actor's scope NotFound; a year with no enrolments NotFound "no_such_year".
core::Result<IndicatorTable> ComputeIndicators(store::Store& store, const Actor& actor,
                                               const Metadata& indicators,
                                               const IndicatorRequest& request);
// The same from a cube already computed with `indicators.catalog()`.
core::Result<IndicatorTable> ComputeIndicators(const engine::Cube& cube, const Actor& actor,
                                               const Metadata& indicators,
                                               const IndicatorRequest& request);

}  // namespace eduledger::app
