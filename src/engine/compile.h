// Compile expressions (expr_parser.h) against the snapshot's tables: an indicator's numerator
// or denominator, or a validation rule's side, becomes a Formula over measures, and each
// filter a disjunction of clauses of field tests (measure.h). Errors name the character.
//
// Functions: students(filter), staff(filter), classes(filter) count rows of that table
// (the filter may be omitted); years_before(n, expr) takes expr's measures n school years
// back; value(element, filter) sums a collected figure's values whose categories pass the
// filter (value_schema.h). In a filter: field comparisons (=, !=, <, <=, >, >=, in, between),
// a bool field alone (`left_behind`), had(event, …) for status events within the school year,
// age (on 31 August of the school year's first year) and age_on("MM-DD"), and and/or/not.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "engine/expr_parser.h"
#include "engine/formula.h"
#include "engine/measure.h"
#include "engine/value_schema.h"

namespace eduledger::engine {

// The measures of every formula compiled with it, each once.
class MeasureCatalog {
 public:
  // `values` (which must outlive the catalog) lets formulas read collected figures.
  explicit MeasureCatalog(const ValueSchema* values = nullptr) : values_(values) {}
  const ValueSchema* values() const { return values_; }

  // The index of `m`, added unless an identical measure is there.
  std::uint32_t Add(Measure m);
  const std::vector<Measure>& measures() const { return measures_; }
  std::size_t size() const { return measures_.size(); }

 private:
  std::vector<Measure> measures_;
  const ValueSchema* values_;
};

enum class FormulaKind : std::uint8_t {
  kArithmetic,  // an indicator's numerator or denominator
  kComparison,  // a validation rule: left op right
};

// Compile `source`. InvalidArgument "bad_expression" (syntax) or "bad_formula" (an unknown
// function, field or value; a filter where a number belongs …), the message naming the
// character; `error`, when given, receives the offset.
core::Result<Formula> CompileFormula(std::string_view source, FormulaKind kind,
                                     MeasureCatalog* catalog, ExprError* error = nullptr);

}  // namespace eduledger::engine
