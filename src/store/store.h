// Store: where EduLedger keeps its records. The only code that speaks SQL lives behind this
// interface; SQLite (one file, the embedded default) implements it today, and a PostgreSQL
// implementation for server mode slots in without touching its callers.
//
// Writes go through a Transaction (transaction.h), each with its audit entry. Reads are
// plain calls; they see committed data. Concurrency is optimistic: a caller that reads, plans
// and then writes passes the Version() it read to Begin, which fails with kAborted when
// anyone wrote in between. A Store is used from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "meta/enrolment.h"
#include "meta/org_unit.h"
#include "meta/staff.h"
#include "meta/status_event.h"
#include "meta/student.h"
#include "store/audit.h"
#include "store/cases.h"
#include "store/collected.h"
#include "store/register_scan.h"
#include "store/transaction.h"

namespace eduledger::store {

// Identity of a person in the register: the document (type and number) when there is a
// number, else the 全国学籍号. The views must outlive the lookup they are passed to.
struct PersonKey {
  meta::IdType id_type = meta::IdType::kResidentId;
  std::string_view id_number;   // empty when the document has no number
  std::string_view student_no;  // used only when id_number is empty
};

// A person's identities as a large import matches its rows against them; the views are valid
// only during the callback.
struct PersonIdentity {
  std::int64_t id = 0;
  meta::IdType id_type = meta::IdType::kResidentId;
  std::string_view id_number;   // empty when the document has no number
  std::string_view student_no;  // students only; empty when none
  std::string_view name;
};

// A record found for the key at `index` of a lookup's keys.
template <class T>
struct Found {
  std::size_t index = 0;
  T value;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version of the open store (its newest applied migration).
  virtual core::Result<int> SchemaVersion() = 0;

  // True when the file at `path` is part of the open store (its database file or journal):
  // a file that must never be overwritten by an export. A server store holds no local file.
  virtual bool HoldsFile(const std::string& path) const = 0;

  // The store's version: the id of the latest audit entry, 0 when nothing was ever written.
  virtual core::Result<std::int64_t> Version() = 0;
  // Start a write. With `expected_version`, fail with kAborted "concurrent_write" when the
  // store has changed since that version was read.
  virtual core::Result<Transaction> Begin(const AuditContext& context,
                                          std::optional<std::int64_t> expected_version) = 0;

  // --- register reads ---------------------------------------------------------------------
  virtual core::Result<std::vector<meta::OrgUnit>> LoadOrgUnits() = 0;
  // The stored students with the identities of `keys`: `out` gets one entry per key that
  // matches, in no particular order (a key that matches nothing gets none, so looking up a
  // million new students costs no memory).
  virtual core::Status FindStudents(std::span<const PersonKey> keys,
                                    std::vector<Found<meta::Student>>* out) = 0;
  // The stored enrolments in `school_year` of the students `student_ids`, as above: one entry
  // per record, so two for a student who moved schools within the year.
  virtual core::Status FindEnrolments(int school_year, std::span<const std::int64_t> student_ids,
                                      std::vector<Found<meta::Enrolment>>* out) = 0;
  virtual core::Status FindStaff(std::span<const PersonKey> keys,
                                 std::vector<Found<meta::Staff>>* out) = 0;
  // The stored students (staff members) with the ids `ids`, as above: one entry per id found.
  // For records that point at a person by id (a ledger case's student).
  virtual core::Status FindStudentsById(std::span<const std::int64_t> ids,
                                        std::vector<Found<meta::Student>>* out) = 0;
  virtual core::Status FindStaffById(std::span<const std::int64_t> ids,
                                     std::vector<Found<meta::Staff>>* out) = 0;
  // Every student's (staff member's) identities, in no particular order: a file of more rows
  // than a lookup serves well is matched by one pass over them.
  virtual core::Status ScanStudentIdentities(const ScanFn<PersonIdentity>& fn) = 0;
  virtual core::Status ScanStaffIdentities(const ScanFn<PersonIdentity>& fn) = 0;
  virtual core::Status FindStaffAssignments(int school_year,
                                            std::span<const std::int64_t> staff_ids,
                                            std::vector<Found<meta::StaffAssignment>>* out) = 0;

  // Call `fn` for each student enrolled in `school_year` at one of `org_unit_ids`, ordered by
  // school, grade, class and id. A non-OK status from `fn` stops the walk and is returned.
  virtual core::Status ForEachEnrolled(
      int school_year, std::span<const std::int64_t> org_unit_ids,
      const std::function<core::Status(const meta::Student&, const meta::Enrolment&)>& fn) = 0;
  // The status events of the students `student_ids`, any date, each student's by date: `out`
  // gets one entry per event, its index that of the student.
  virtual core::Status FindStatusEvents(std::span<const std::int64_t> student_ids,
                                        std::vector<Found<meta::StatusEvent>>* out) = 0;
  // Call `fn` for each status event dated within [from, to] at one of `org_unit_ids`, with its
  // student, by date.
  virtual core::Status ForEachStatusEvent(
      core::Date from, core::Date to, std::span<const std::int64_t> org_unit_ids,
      const std::function<core::Status(const meta::Student&, const meta::StatusEvent&)>& fn) = 0;
  // Call `fn` for each staff assignment in `school_year` at one of `org_unit_ids`.
  virtual core::Status ForEachStaffAssignment(
      int school_year, std::span<const std::int64_t> org_unit_ids,
      const std::function<core::Status(const meta::Staff&, const meta::StaffAssignment&)>& fn) = 0;

  // --- scans for the engine's snapshot (register_scan.h) ------------------------------------
  // Each calls `fn` once per record in no particular order; a non-OK status from `fn` stops
  // the scan and is returned.
  virtual core::Status ScanStudents(const ScanFn<StudentFacts>& fn) = 0;
  virtual core::Status ScanEnrolments(const ScanFn<EnrolmentFacts>& fn) = 0;
  virtual core::Status ScanStatusEvents(const ScanFn<EventFacts>& fn) = 0;
  virtual core::Status ScanStaffAssignments(const ScanFn<StaffFacts>& fn) = 0;
  // The facts behind one school's student rows (an incremental snapshot refresh): the students
  // enrolled at `school_id` in some school year of `years`, with all their enrolments and
  // status events, wherever they are.
  virtual core::Status ScanSchoolRegister(std::int64_t school_id, std::span<const int> years,
                                          const SchoolScan& scan) = 0;

  // --- the years held ---------------------------------------------------------------------
  // School years that have enrolments, ascending.
  virtual core::Result<std::vector<int>> SchoolYears() = 0;

  // --- collected figures (collected.h) ---------------------------------------------------
  // The form `data_set` of `org_unit_id` for `period`, or nullopt when never saved.
  virtual core::Result<std::optional<Submission>> FindSubmission(std::string_view data_set,
                                                                 std::int64_t org_unit_id,
                                                                 int period) = 0;
  // Every form saved for `period` (0: every period), by data set, org unit and period.
  virtual core::Result<std::vector<Submission>> ListSubmissions(int period) = 0;
  // The values of one form, by element and disaggregation.
  virtual core::Result<std::vector<DataValue>> LoadValues(std::int64_t submission_id) = 0;
  // Every stored value with its form's org unit, period and state, in no particular order.
  virtual core::Status ScanValues(const ScanFn<StoredValue>& fn) = 0;
  // Values changed after approval in forms of `period` (0: every period), oldest first.
  virtual core::Result<std::vector<ValueChange>> ListValueChanges(int period) = 0;

  // --- programme ledgers (cases.h) --------------------------------------------------------
  virtual core::Result<std::optional<Case>> FindCase(std::int64_t id) = 0;
  // The case of `ledger` that `origin` opened, if any.
  virtual core::Result<std::optional<Case>> FindCaseByOrigin(std::string_view ledger,
                                                             std::string_view origin) = 0;
  // Call `fn` for each case of `ledger` (empty: of every ledger), by id.
  virtual core::Status ScanCases(std::string_view ledger, const ScanFn<Case>& fn) = 0;
  // A case's moves and its log entries, oldest first.
  virtual core::Result<std::vector<CaseMove>> ListCaseMoves(std::int64_t case_id) = 0;
  virtual core::Result<std::vector<CaseEntry>> ListCaseEntries(std::int64_t case_id) = 0;

  // --- settings (transaction.h writes them) -----------------------------------------------
  // Every setting, by key.
  virtual core::Result<std::vector<Setting>> LoadSettings() = 0;

  // --- audit ------------------------------------------------------------------------------
  // The newest `limit` audit entries, newest first.
  virtual core::Result<std::vector<AuditEntry>> RecentAudit(int limit) = 0;
};

}  // namespace eduledger::store
