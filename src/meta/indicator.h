// Indicator: an official figure defined as data (a metadata package's indicators.json): its
// numerator and denominator expressions (docs/expressions.md), the factor that makes a rate
// a percentage, the unit and decimals it is printed with, and the splits it may be shown by.
// Values are computed from unrounded counts and rounded half-up only when printed.
#pragma once

#include <string>
#include <vector>

#include "meta/org_unit.h"

namespace eduledger::meta {

// How a value is printed: "14.29%", "16.19:1", "3个".
enum class IndicatorUnit : unsigned char {
  kPercent,  // value × factor, then "%"
  kRatio,    // "N:1"
  kCount,    // a plain number with the unit word
};

struct Indicator {
  std::string code;         // "primary_dropout_rate"
  std::string name;         // "小学年辍学率"
  std::string category;     // the group it is listed under ("入学与控辍保学"); may be empty
  std::string numerator;    // expression
  std::string denominator;  // expression; empty: the value is the numerator
  // A count without a denominator: the rows it counts among (an expression). Where it is 0
  // there is nothing to count (大班额 at a unit with no compulsory-education class), and the
  // count is no value, not 0. Empty: every row of the tables the numerator reads.
  std::string universe;
  double factor = 1;  // 100 for a percentage
  IndicatorUnit unit = IndicatorUnit::kPercent;
  std::string unit_word;  // for kCount: "人", "个"
  int decimals = 2;
  bool split_by_sex = true;
  bool split_by_grade = false;
  bool split_by_month = false;  // a ledger figure: by the month of its cases' period dates
  // A ledger figure: the fields of its cases it may be split by, one cell per value (the
  // state, a choice or yes/no field, or the school's 学段 `level`), as written in the package.
  std::vector<std::string> split_fields;
  // A spread (差异系数, engine/spread.h): the CV over the schools below the unit of the
  // per-school value numerator / denominator, each school weighted by this expression.
  std::string spread_weight;
  // A mean of other indicators' values (综合差异系数): their codes.
  std::vector<std::string> mean_of;
  // A flow (流量): every count is read over the statistics year's flow window, the school year
  // that ended on 31 August before its snapshot (core/statistics_year.h), not at the snapshot.
  // Only a flow may read what happened during a school year (end_status, next_level, had(…)).
  bool flow = false;
  // The lowest org level the figure means something at (a school's or a township's rate over
  // population registered elsewhere does not); below it the figure is 不适用 for this reason.
  OrgLevel applies_down_to = OrgLevel::kSchool;
  std::string not_applicable_reason;
  std::string definition;  // the official wording, in Chinese
  std::string basis;       // where the definition comes from
  std::string package;     // the package that defines it
};

}  // namespace eduledger::meta
