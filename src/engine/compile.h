// Compile expressions (expr_parser.h) against the snapshot's tables: an indicator's numerator
// or denominator, or a validation rule's side, becomes a Formula over measures, and each
// filter a disjunction of clauses of field tests (measure.h). Errors name the character.
//
// Functions: students(filter), staff(filter), classes(filter) count rows of that table
// (the filter may be omitted); years_before(n, expr) takes expr's measures n school years
// back; value(element, filter) sums a collected figure's values whose categories pass the
// filter (value_schema.h); cases(ledger, filter) counts a programme ledger's cases and
// sum(ledger.field, filter) sums a number field of them (case_schema.h); cases_now and sum_now
// read every case as it stands today, in the latest school year held. In a filter: field
// comparisons (=, !=, <, <=, >, >=, in, between), a bool field alone (`left_behind`), had(event, …)
// for status events within the school year (readable once the year has ended: see CompileFormula),
// age (on 31 August of the school year's first year) and age_on("MM-DD"), in_year(date field)
// for a case date in the calendar year of the statistics year, and and/or/not.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "engine/case_schema.h"
#include "engine/expr_parser.h"
#include "engine/formula.h"
#include "engine/measure.h"
#include "engine/value_schema.h"

namespace eduledger::engine {

// The measures of every formula compiled with it, each once.
class MeasureCatalog {
 public:
  // `values` and `cases` (which must outlive the catalog) let formulas read collected figures
  // and programme ledger cases.
  explicit MeasureCatalog(const ValueSchema* values = nullptr, const CaseSchema* cases = nullptr)
      : values_(values), cases_(cases) {}
  const ValueSchema* values() const { return values_; }
  const CaseSchema* cases() const { return cases_; }

  // The index of `m`, added unless an identical measure is there.
  std::uint32_t Add(Measure m);
  const std::vector<Measure>& measures() const { return measures_; }
  std::size_t size() const { return measures_.size(); }

 private:
  std::vector<Measure> measures_;
  const ValueSchema* values_;
  const CaseSchema* cases_;
};

enum class FormulaKind : std::uint8_t {
  kArithmetic,  // an indicator's numerator or denominator
  kComparison,  // a validation rule: left op right
};

struct CompileOptions {
  // A flow (流量) of the statistics year: register rows (students, staff, classes) are read
  // over its flow window, the school year before the cell's (core/statistics_year.h).
  // Collected figures are read as they are: a form of the statistics year reports its own
  // window already.
  bool flow = false;
  // A field of what happens during a school year (end_status, next_level, had(…)) may be read
  // only for a school year that has ended by the cell's snapshot (a flow, or years_before).
  // With flows_to_date it may be read for the cell's own school year as recorded so far: a
  // half-year figure ("截至 DATE") or a benchmark of the counting, never an annual figure.
  bool flows_to_date = false;
};

// Compile `source`. InvalidArgument "bad_expression" (syntax) or "bad_formula" (an unknown
// function, field or value; a filter where a number belongs; a flow field read before its
// year has ended …), the message naming the character; `error`, when given, receives the
// offset.
core::Result<Formula> CompileFormula(std::string_view source, FormulaKind kind,
                                     MeasureCatalog* catalog, ExprError* error = nullptr,
                                     CompileOptions options = {});

// The most values a split field may hold (cells 1 … kSplitValues: cube.h's SplitCell).
inline constexpr int kSplitValues = 18;

// The fields the cases of ledger `l` may be split by (Measure::split): the state, its choice
// and yes/no fields, and the school's 学段 (`level`).
bool CanSplitBy(const Field& field);
const Field* FindSplitField(const CaseLedger& l, std::string_view name);
// How many values split field `field` holds (stored 0 … count - 1), and the name of one: a
// choice's option (0: 未填), a state's, 是/否, a 学段.
int SplitValueCount(const Field& field);
std::string SplitValueLabel(const Field& field, std::uint64_t stored);

// `f` with every measure it reads split by field `field` of the ledger they count (their cells
// 1 + the value stored, in place of months), each added to `catalog`. InvalidArgument
// "bad_split" when `f` reads anything but one ledger's cases, when that ledger has no such
// field (by code or Chinese name), or when the field holds more than kSplitValues values.
core::Result<Formula> SplitFormula(const Formula& f, std::string_view field,
                                   MeasureCatalog* catalog);

}  // namespace eduledger::engine
