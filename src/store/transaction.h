// Transaction: one atomic write to the store. Everything written through it lands together
// with one audit entry, or not at all.
//
//   EL_ASSIGN_OR_RETURN(auto txn, store.Begin(context, expected_version));
//   EL_RETURN_IF_ERROR(txn.InsertStudents(students));   // assigns ids
//   return txn.Commit();
//
// Move-only. Destroying an uncommitted transaction rolls it back, so an early return or a
// killed process leaves the store as it was. Not safe to share between threads.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <utility>

#include "core/result.h"
#include "meta/enrolment.h"
#include "meta/org_unit.h"
#include "meta/staff.h"
#include "meta/status_event.h"
#include "meta/student.h"
#include "store/audit.h"
#include "store/cases.h"
#include "store/collected.h"
#include "store/setting.h"

namespace eduledger::store {

// The backend's side of a transaction (SQLite, PostgreSQL). Insert methods assign ids to the
// records they are given; update methods match on id. A failed call leaves the transaction
// open for the caller to roll back.
class TransactionImpl {
 public:
  virtual ~TransactionImpl() = default;
  virtual core::Status InsertOrgUnits(std::span<meta::OrgUnit> units) = 0;
  virtual core::Status UpdateOrgUnits(std::span<const meta::OrgUnit> units) = 0;
  virtual core::Status InsertStudents(std::span<meta::Student> students) = 0;
  virtual core::Status UpdateStudents(std::span<const meta::Student> students) = 0;
  virtual core::Status InsertEnrolments(std::span<const meta::Enrolment> enrolments) = 0;
  virtual core::Status UpdateEnrolments(std::span<const meta::Enrolment> enrolments) = 0;
  virtual core::Status InsertStatusEvents(std::span<meta::StatusEvent> events) = 0;
  virtual core::Status InsertStaff(std::span<meta::Staff> staff) = 0;
  virtual core::Status UpdateStaff(std::span<const meta::Staff> staff) = 0;
  virtual core::Status InsertStaffAssignments(std::span<const meta::StaffAssignment> rows) = 0;
  virtual core::Status UpdateStaffAssignments(std::span<const meta::StaffAssignment> rows) = 0;
  // Insert (id 0: assigns the id) or update a form's submission row.
  virtual core::Status SaveSubmission(Submission* submission) = 0;
  // Make `values` the form's values: those not among them are deleted.
  virtual core::Status ReplaceValues(std::int64_t submission_id,
                                     std::span<const DataValue> values) = 0;
  virtual core::Status InsertValueChanges(std::span<const ValueChange> changes) = 0;
  // Set `key` to `value`; an empty value removes the setting.
  virtual core::Status PutSetting(std::string_view key, std::string_view value) = 0;
  // Insert a case (id 0: assigns the id, version 1) or update it when its stored version is
  // still `case_->version` (then bumps it), else kAborted "concurrent_write". A second case of
  // one ledger with the same non-empty origin is kAlreadyExists "case_exists".
  virtual core::Status SaveCase(Case* case_) = 0;
  virtual core::Status InsertCaseMove(CaseMove* move) = 0;
  virtual core::Status InsertCaseEntry(CaseEntry* entry) = 0;
  // Append `record` to the audit log and commit; returns the audit entry's id.
  virtual core::Result<std::int64_t> Commit(const AuditRecord& record) = 0;
  virtual void Rollback() = 0;
};

class Transaction {
 public:
  Transaction(std::unique_ptr<TransactionImpl> impl, AuditContext context);
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();  // rolls back unless committed

  core::Status InsertOrgUnits(std::span<meta::OrgUnit> units);
  core::Status UpdateOrgUnits(std::span<const meta::OrgUnit> units);
  core::Status InsertStudents(std::span<meta::Student> students);
  core::Status UpdateStudents(std::span<const meta::Student> students);
  core::Status InsertEnrolments(std::span<const meta::Enrolment> enrolments);
  core::Status UpdateEnrolments(std::span<const meta::Enrolment> enrolments);
  core::Status InsertStatusEvents(std::span<meta::StatusEvent> events);
  core::Status InsertStaff(std::span<meta::Staff> staff);
  core::Status UpdateStaff(std::span<const meta::Staff> staff);
  core::Status InsertStaffAssignments(std::span<const meta::StaffAssignment> rows);
  core::Status UpdateStaffAssignments(std::span<const meta::StaffAssignment> rows);
  // Collected figures. SaveSubmission stamps updated_at and updated_by (the actor), and
  // InsertValueChanges each change's at and actor.
  core::Status SaveSubmission(Submission* submission);
  core::Status ReplaceValues(std::int64_t submission_id, std::span<const DataValue> values);
  core::Status InsertValueChanges(std::span<ValueChange> changes);
  // Set an installation setting (store/setting.h); an empty value removes it.
  core::Status PutSetting(std::string_view key, std::string_view value);
  // Programme ledgers (cases.h). SaveCase stamps updated_at and updated_by, the move and the
  // entry their at, actor (and role).
  core::Status SaveCase(Case* case_);
  core::Status InsertCaseMove(CaseMove* move);
  core::Status InsertCaseEntry(CaseEntry* entry);

  // The audit entry's detail, when it is known only at the end (an import's counts).
  void SetDetail(std::string detail_json) { context_.detail_json = std::move(detail_json); }

  // Write the audit entry (the context given to Begin, and every key written) and commit.
  // Returns the audit entry's id. A transaction that wrote nothing still commits its entry.
  core::Result<std::int64_t> Commit();
  // Discard everything; also what the destructor does.
  void Rollback();

  // How many keys this transaction has written so far.
  std::size_t changed_keys() const { return keys_.count(); }

 private:
  // Write `rows` with `write` and record their keys for the audit entry.
  template <class Rows, class Write>
  core::Status WriteAndRecord(std::string_view entity, ChangeKind change, Rows rows, Write write);

  std::unique_ptr<TransactionImpl> impl_;
  AuditContext context_;
  AuditKeys keys_;
};

}  // namespace eduledger::store
