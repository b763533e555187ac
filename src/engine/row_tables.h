// The snapshot's tables of rows, as expressions name them: what each row is, its layout
// (field.h) and whether its rows are things that happen during a school year (a flow table:
// read only over an ended school year, like the flow fields). Counted by students(…),
// staff(…), classes(…), schools(…) and events(…).
//
//   table     a row is                                            grouped by
//   students  a student enrolled at a school at a snapshot        year, school, grade, sex
//   staff     a staff assignment of a school year                 year, school, sex
//   classes   a class (school × year × grade × name)              year, school, grade
//   schools   a school with students or staff in a school year    year, school
//   events    a status event (学籍异动), in the school year of its date, at its school
//                                                                  year, school, grade, sex
#pragma once

#include <span>
#include <string_view>

#include "engine/field.h"
#include "engine/measure.h"

namespace eduledger::engine {

struct RowTableSpec {
  MeasureTable table;
  std::string_view name;   // as written in expressions
  std::string_view label;  // Chinese
  const Layout& (*layout)();
  bool flow;
};

// Every table of rows, in MeasureTable order.
std::span<const RowTableSpec> RowTables();
// The table named `name`, or nullptr.
const RowTableSpec* FindRowTable(std::string_view name);
// The spec of a table of rows (not kValues).
const RowTableSpec& RowTable(MeasureTable t);

}  // namespace eduledger::engine
