#include "engine/row_tables.h"

#include <array>

namespace eduledger::engine {

namespace {

constexpr std::array<RowTableSpec, kRowTableCount> kTables = {{
    {MeasureTable::kStudents, "students", "学生", StudentLayout, false},
    {MeasureTable::kStaff, "staff", "教职工", StaffLayout, false},
    {MeasureTable::kClasses, "classes", "班级", ClassLayout, false},
    {MeasureTable::kSchools, "schools", "学校", SchoolLayout, false},
    {MeasureTable::kEvents, "events", "学籍异动", EventLayout, true},
}};

}  // namespace

std::span<const RowTableSpec> RowTables() { return kTables; }

const RowTableSpec* FindRowTable(std::string_view name) {
  for (const RowTableSpec& t : kTables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const RowTableSpec& RowTable(MeasureTable t) { return kTables[static_cast<std::size_t>(t)]; }

std::string_view MeasureTableName(MeasureTable t) {
  if (t == MeasureTable::kValues) return "value";
  if (t == MeasureTable::kCases) return "cases";
  return RowTable(t).name;
}

}  // namespace eduledger::engine
