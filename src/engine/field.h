// Fields of the snapshot's tables: how each attribute an expression may test is packed into a
// 64-bit word, per group (the school's attributes, grade, sex: one value for many rows) or
// per row (a student's birth date, flags, events …), and how its values are written.
//
// Group word (every table):
//   bits  0-3  grade + 2 (15: none)      4-5  sex (0 unknown, 1 男, 2 女, 3 none)
//         6-8  education level            9-18 school type code     19-21 ownership (办别)
//        22    public (公办)             23-29 urban-rural code - 100  30-31 urban-rural class
//        32    boarding   33 small-scale  34 teaching point   35 affordable (普惠, kindergartens)
//        36    counts as a school (学校数: not a teaching point, not a class attached elsewhere)
// Row words are per table; see StudentLayout(), StaffLayout(), ClassLayout(), SchoolLayout(),
// EventLayout(). A student row:
//   bits  0-15 birth day   16-22 flags (留守 … 孤儿)   23-24 previous year   25-31 ethnicity
//        32    minority    33-35 disability   36-37 hukou   38-47 events of the year
//        48-50 end status  51-54 next level   55-61 class size (127: 127 or more)
//        62-63 start status (on the snapshot day)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "meta/data_element.h"

namespace eduledger::engine {

enum class FieldScope : std::uint8_t { kGroup, kRow };

enum class FieldKind : std::uint8_t {
  kInt,       // a number: stored = value + offset
  kEnum,      // a code from a table, written by name ("primary", "小学") or code
  kBool,      // one bit: written bare (`left_behind`) or compared with yes/no
  kEventSet,  // one bit per status-event type, tested with had(…)
  kBirthDay,  // days since kBirthBase + 1 (0 unknown), tested as an age on a date
};

struct Field {
  std::string_view name;   // as written in expressions
  std::string_view label;  // Chinese name, for messages and docs
  FieldScope scope = FieldScope::kRow;
  FieldKind kind = FieldKind::kInt;
  std::uint8_t shift = 0;
  std::uint8_t width = 0;
  int offset = 0;  // kInt only
  // kEnum: the stored code of a value name, nullopt when unknown.
  std::optional<int> (*parse)(std::string_view text) = nullptr;
  // kEnum of a collected figure's category (value_schema.h), parsed when `parse` is null:
  // the stored value is the option's index.
  const meta::Category* category = nullptr;
  // What happened during the row's school year (events, the status at its end, where the
  // student went next): readable only for a school year that has ended by the statistics
  // year's snapshot, i.e. over a flow window (core/statistics_year.h).
  bool flow = false;
  // Known only when the register holds the school year before the row's (a student's
  // previous year): a count testing it has no value in the first year held.
  bool needs_previous_year = false;

  std::uint64_t mask() const { return ((std::uint64_t{1} << width) - 1) << shift; }
  std::uint64_t max_stored() const { return (std::uint64_t{1} << width) - 1; }
  std::uint64_t Get(std::uint64_t word) const { return (word >> shift) & max_stored(); }
  // Put `stored` (clipped to the width) into `word`.
  void Set(std::uint64_t* word, std::uint64_t stored) const {
    *word = (*word & ~mask()) | ((stored & max_stored()) << shift);
  }
};

// The fields one table offers to expressions.
class Layout {
 public:
  // With `group_fields` false the layout offers its row fields only (collected figures).
  explicit Layout(std::string_view table, std::span<const Field> row_fields,
                  bool group_fields = true);
  std::string_view table() const { return table_; }
  // The field named `name` (a row field before a group field of the same name), or nullptr.
  const Field* Find(std::string_view name) const;
  std::span<const Field> row_fields() const { return row_fields_; }
  // Every field's name, for "unknown field" messages.
  std::string Names() const;

 private:
  std::string_view table_;
  std::span<const Field> row_fields_;
  bool group_fields_ = true;
};

// Group fields, shared by every table.
std::span<const Field> GroupFields();
const Field& GroupField(std::string_view name);  // one of GroupFields(); aborts when absent

const Layout& StudentLayout();
const Layout& StaffLayout();
const Layout& ClassLayout();
const Layout& SchoolLayout();  // a school in a school year: group fields only
const Layout& EventLayout();  // a status event (学籍异动): its type, the student's birth, flags

// Birth days are stored as days since this day + 1 (1930-01-01, in days since 1970).
inline constexpr std::int32_t kBirthBase = -14610;
// A birth date as the birth field stores it; 0 when unknown or outside the field's range.
std::uint64_t StoredBirthDay(core::Date birth);
inline constexpr int kNoGrade = 15;  // stored grade of a group without one
inline constexpr int kNoSex = 3;     // stored sex of a group without one

// A student's state on the snapshot day (1 September) that begins the row's school year: on
// the roll but on 休学, or dropped out and not yet back. Set by the last of the events that
// take a pupil out of school or bring one back (休学/复学, 辍学/返校, 招生/转入) dated before
// that day, i.e. in the flow windows that ended by it (an event of the snapshot day itself is
// the new window's); graduating or leaving a school does not stop a later enrolment counting.
enum class StartStatus : std::uint8_t {
  kInSchool = 0,
  kSuspended = 1,
  kDroppedOut = 2,
};

// A student's state at the end of the school year: the last status-changing event in it, or,
// with none, the state the year began with (a pupil on 休学 or out since an earlier year
// stays so; 其他 changes nothing).
enum class EndStatus : std::uint8_t {
  kInSchool = 0,
  kTransferredOut = 1,
  kSuspended = 2,
  kDroppedOut = 3,
  kGraduated = 4,
  kDied = 5,
};
// Where a student was at the snapshot of the school year before (the `previous` field): not
// enrolled, at the same level, at another level. 招生 (entrants) are the rows not at the same
// level.
enum class Previous : std::uint8_t {
  kNone = 0,
  kSameLevel = 1,
  kOtherLevel = 2,
};

// next_level: 0 not enrolled the next school year, level + 1 when enrolled, 15 unknown (the
// snapshot has no next year).
inline constexpr int kNextNotEnrolled = 0;
inline constexpr int kNextUnknown = 15;

}  // namespace eduledger::engine
