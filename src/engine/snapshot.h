// Snapshot: a read-only, columnar, in-memory copy of the register for the engine: the org
// tree, the school years, and the tables of rows of row_tables.h (students, staff, classes,
// schools, events; table.h). It holds facts only (birth dates, sex, flags, grades, events),
// never names or ID numbers; provenance maps rows back to store ids.
//
// A student-year row is the student's enrolment as at 1 September of the school year. Its
// `events` are the status events dated within that school year, `end_status` the state the
// last of them left, `start_status` the state on the snapshot day, `next_level` where the
// student is enrolled on the next 1 September and `previous` where on the one before
// (student_rows_internal.h). A school row is a school with students or staff in the year. A
// staff member without a level taught teaches at the level the school is listed under.
//
// Collected figures (value_schema.h) come in as value rows: numeric values of the elements the
// schema knows, for the school years the register holds, each marked approved or not.
//
// Programme ledger cases (case_schema.h) come in as case rows, one table per ledger.
//
// Build() reads the whole store. Once built a Snapshot changes only through RefreshSchools (one
// school's register re-read after a change), so several threads may read it between refreshes.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/result.h"
#include "engine/case_schema.h"
#include "engine/measure.h"
#include "engine/table.h"
#include "engine/value_schema.h"
#include "meta/org_tree.h"
#include "store/store.h"

namespace eduledger::engine {

namespace internal {
struct PendingRow;
}

class Snapshot {
 public:
  // Read the whole register from `store`, and its collected figures when `values` is given
  // (it must outlive the snapshot).
  // The cases of the ledgers of `cases` (when given; it must outlive the snapshot) are read
  // too, each placed in a year as case_schema.h says.
  static core::Result<std::unique_ptr<Snapshot>> Build(store::Store& store,
                                                       const ValueSchema* values = nullptr,
                                                       const CaseSchema* cases = nullptr);

  const meta::OrgTree& orgs() const { return orgs_; }
  std::size_t org_count() const { return orgs_.units().size(); }
  // Index of the org unit with store id `id` (its position in orgs().units()), or -1.
  std::int32_t OrgIndex(std::int64_t id) const;
  std::int32_t parent(std::uint32_t org) const { return parent_[org]; }
  // Org indexes ordered children before parents (for rolling counts up).
  const std::vector<std::uint32_t>& bottom_up() const { return bottom_up_; }

  // School years held, ascending; a year index is a position in this list.
  const std::vector<int>& years() const { return years_; }
  // The index of `school_year`, or -1.
  int YearIndex(int school_year) const;

  // A table of rows (not kValues).
  const Table& table(MeasureTable t) const { return tables_[static_cast<std::size_t>(t)]; }
  const Table& students() const { return table(MeasureTable::kStudents); }
  const Table& staff() const { return table(MeasureTable::kStaff); }
  const Table& classes() const { return table(MeasureTable::kClasses); }

  // The record of the student with store id `id` (what RecordId gives back for a student row),
  // or CaseRows::kNoRecord.
  std::uint32_t StudentRecord(std::int64_t id) const;
  std::size_t student_record_count() const { return student_ids_.size(); }

  // The store id behind a record of table `t`: a student, staff member, event or (schools)
  // org unit; 0 for a class (class_info).
  std::int64_t RecordId(MeasureTable t, std::uint32_t record) const;
  // The class behind a class record: its school year, school and name.
  struct ClassInfo {
    int school_year = 0;
    std::int64_t org_unit_id = 0;
    std::string name;
  };
  const ClassInfo& class_info(std::uint32_t record) const { return classes_info_[record]; }

  // Collected figures, in store order; the schema that reads them (nullptr: none).
  const std::vector<ValueRow>& values() const { return values_; }
  const ValueSchema* value_schema() const { return value_schema_; }
  // Stored values left out: an unknown element or disaggregation, or text.
  std::size_t skipped_values() const { return skipped_values_; }

  // Programme ledger cases: the rows of ledger `i` of case_schema() (nullptr: none read).
  const CaseRows& cases(std::size_t i) const { return cases_[i]; }
  const CaseSchema* case_schema() const { return case_schema_; }
  // Cases left out: a period date in a year, or an org unit, the snapshot does not hold (a case
  // with no period date yet is held, for the figures of cases as they stand: cases_now).
  std::size_t skipped_cases() const { return skipped_cases_; }

  // Incremental refresh: re-read the register of `schools` (org indexes) from `store` and put
  // their student rows and classes in place of those held; the rows of their students at
  // other schools get the next school year as it now is. `changed` (when given) receives the
  // org indexes whose rows changed, for Cube::Recount. Refresh every school a change touched
  // (both ends of a transfer). FailedPrecondition "snapshot_rebuild" when only a full Build
  // will do. Not safe while others read the snapshot.
  core::Status RefreshSchools(store::Store& store, std::span<const std::uint32_t> schools,
                              std::vector<std::uint32_t>* changed);
  // A case moved or edited: its row as it now reads put in place of the one held, returning
  // what the row was, for Cube::RecountCase. FailedPrecondition "snapshot_rebuild" when only
  // a full Build will do (a case the snapshot does not hold, such as a new one; a period in a
  // year or an org unit it does not hold). A year once holding cases keeps holding them until
  // the next Build. Not safe while others read the snapshot.
  struct CaseChange {
    std::size_t ledger = 0;        // in case_schema()
    std::size_t row = 0;           // in cases(ledger)
    CaseCells::Key was;            // the row before: its words, unit, year and month
    std::vector<double> numbers;   // and its numbers
    bool year_newly_held = false;  // the case's year held no case before: recount the ledger
  };
  core::Result<CaseChange> UpdateCase(const store::Case& c);

  // Rows replaced by refreshes and no longer in any group.
  std::size_t stale_rows() const { return stale_rows_; }

  // The store version the snapshot reflects.
  std::int64_t version() const { return version_; }
  // Bytes held by the tables and the maps behind them.
  std::size_t MemoryBytes() const;

 private:
  friend class SnapshotBuilder;
  Snapshot() = default;
  // Give the row of `row`'s record in its (year, school) what `row` says of the student (all
  // but the class size); whether it changed.
  bool PatchStudentRow(const internal::PendingRow& row);
  Table& mutable_table(MeasureTable t) { return tables_[static_cast<std::size_t>(t)]; }
  // The year index a case's row is counted in (CaseRows::kUndated; -1: a year not held), and
  // the group word of a case at org unit `org` (its school's fields, no grade or sex).
  int CaseYear(const meta::LedgerType& def, const CaseSchema::Row& row) const;
  std::uint64_t CaseGroupWord(std::uint32_t org) const;

  meta::OrgTree orgs_;
  std::vector<std::int32_t> parent_;
  std::vector<std::uint64_t> school_word_;  // group word of each org unit's school fields
  std::vector<std::uint32_t> bottom_up_;
  std::vector<int> years_;
  std::array<Table, kRowTableCount> tables_;
  std::vector<std::int64_t> student_ids_;
  absl::flat_hash_map<std::int64_t, std::uint32_t> student_index_;  // when ids are not in order
  std::vector<std::int64_t> staff_ids_;
  std::vector<std::int64_t> event_ids_;
  std::vector<ClassInfo> classes_info_;
  std::vector<ValueRow> values_;
  const ValueSchema* value_schema_ = nullptr;
  std::size_t skipped_values_ = 0;
  std::vector<CaseRows> cases_;
  const CaseSchema* case_schema_ = nullptr;
  std::size_t skipped_cases_ = 0;
  std::int64_t version_ = 0;
  std::size_t stale_rows_ = 0;
};

// The groups of school `org` in school year `year_idx`: [first, second) of table.groups
// (groups are ordered by year, then school).
std::pair<std::size_t, std::size_t> SchoolGroups(const Table& table, int year_idx,
                                                 std::uint32_t org);

}  // namespace eduledger::engine
