// Measure: what the engine counts. A count of rows of one snapshot table (students, staff,
// classes) that pass a filter, or the sum of one collected figure's values that do, for each school
// year, org unit and cell (cube.h). (A formula may read it some years back: formula.h.) Filters are
// compiled to a disjunction of clauses; each clause is a conjunction of tests on packed fields
// (field.h), so a row passes when any clause passes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/field.h"

namespace eduledger::engine {

// The tables of rows (row_tables.h); kValues: a sum of collected figures (value_schema.h)
// rather than a count of rows; kCases: a count or sum of a programme ledger's cases
// (case_schema.h), the ledger named by the measure.
enum class MeasureTable : std::uint8_t {
  kStudents,
  kStaff,
  kClasses,
  kSchools,
  kEvents,
  kValues,
  kCases
};
inline constexpr std::size_t kRowTableCount = 5;  // the tables before kValues

// "students", "staff", "classes", "schools", "events", "value", "cases".
std::string_view MeasureTableName(MeasureTable t);

struct Test {
  enum Kind : std::uint8_t {
    kEq,        // field == value
    kNe,        // field != value
    kRange,     // lo <= field <= hi
    kNotRange,  // field < lo or field > hi
    kAnyBits,   // field & value != 0 (events)
    kNoBits,    // field & value == 0
    kAge,       // lo <= age on (month, day) of the school year <= hi (birth-day field)
    kNotAge,
    kInYear,  // the field (a calendar year) is the school year's first year (case dates)
    kNotInYear,
  };
  Kind kind = kEq;
  const Field* field = nullptr;
  std::uint64_t value = 0;
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  std::uint8_t month = 8;  // kAge, kNotAge: the reference day in the school year's first year
  std::uint8_t day = 31;
};

// Tests that must all hold.
using Clause = std::vector<Test>;

struct Measure {
  MeasureTable table = MeasureTable::kStudents;
  std::uint32_t element = 0;  // kValues: the element's index in the value schema; kCases: the
                              // ledger's in the case schema
  std::int32_t column = -1;   // kCases: the number column summed; -1: the cases counted
  // kCases: every case as it stands today, whatever year its date gives, counted in the latest
  // school year held (cases_now, sum_now: open cases, "动态清零").
  bool current = false;
  // kCases: a field of the ledger's cases (a row field: the state, a choice, a yes/no; or the
  // school's 学段) whose value gives each case's cell, 1 + the value stored (SplitCell,
  // cube.h), in place of its period month. nullptr: cells 1–12 are months.
  const Field* split = nullptr;
  std::vector<Clause> clauses;  // any must hold; one empty clause = every row
  std::string text;             // canonical text, also the identity of the measure
  // A test reads a field known only when the school year before is held (field.h): no value
  // in the first year held.
  bool needs_previous_year = false;
};

}  // namespace eduledger::engine
