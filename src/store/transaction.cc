#include "store/transaction.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/check.h"

namespace eduledger::store {

namespace {

// Now in China (UTC+8) as "2026-11-23T14:05:09+08:00".
// Formatted once a second: a million rows of one import are stamped without a million calls
// to strftime.
std::string NowIso() {
  thread_local std::time_t last = -1;
  thread_local std::string text;
  const auto now = std::chrono::system_clock::now() + std::chrono::hours(8);
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  if (t != last) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
    text = buf;
    last = t;
  }
  return text;
}

}  // namespace

Transaction::Transaction(std::unique_ptr<TransactionImpl> impl, AuditContext context)
    : impl_(std::move(impl)), context_(std::move(context)) {}

Transaction::Transaction(Transaction&&) noexcept = default;
Transaction& Transaction::operator=(Transaction&& other) noexcept {
  if (this != &other) {
    Rollback();
    impl_ = std::move(other.impl_);
    context_ = std::move(other.context_);
    keys_ = std::move(other.keys_);
  }
  return *this;
}

Transaction::~Transaction() { Rollback(); }

void Transaction::Rollback() {
  if (impl_) {
    impl_->Rollback();
    impl_.reset();
  }
}

core::Result<std::int64_t> Transaction::Commit() {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  AuditRecord record{context_, NowIso(), keys_.Ranges()};
  auto id = impl_->Commit(record);
  if (!id.ok()) {
    Rollback();
    return id;
  }
  impl_.reset();
  return id;
}

namespace {

// The audit key of each kind of record: (key, school_year).
std::pair<std::int64_t, int> AuditKeyOf(const meta::OrgUnit& r) { return {r.id, 0}; }
std::pair<std::int64_t, int> AuditKeyOf(const meta::Student& r) { return {r.id, 0}; }
std::pair<std::int64_t, int> AuditKeyOf(const meta::Enrolment& r) {
  return {r.student_id, r.school_year};
}
std::pair<std::int64_t, int> AuditKeyOf(const meta::StatusEvent& r) { return {r.id, 0}; }
std::pair<std::int64_t, int> AuditKeyOf(const meta::Staff& r) { return {r.id, 0}; }
std::pair<std::int64_t, int> AuditKeyOf(const meta::StaffAssignment& r) {
  return {r.staff_id, r.school_year};
}

}  // namespace

template <class Rows, class Write>
core::Status Transaction::WriteAndRecord(std::string_view entity, ChangeKind change, Rows rows,
                                         Write write) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  EL_RETURN_IF_ERROR(write(*impl_, rows));
  for (const auto& row : rows) {
    const auto [key, school_year] = AuditKeyOf(row);
    keys_.Add(entity, change, school_year, key);
  }
  return core::Status::OK();
}

#define EL_TXN_WRITE(Method, RowType, entity, change)                                    \
  core::Status Transaction::Method(std::span<RowType> rows) {                            \
    return WriteAndRecord(entity, change, rows,                                          \
                          [](TransactionImpl& impl, auto r) { return impl.Method(r); }); \
  }

EL_TXN_WRITE(InsertOrgUnits, meta::OrgUnit, "org_unit", ChangeKind::kAdd)
EL_TXN_WRITE(UpdateOrgUnits, const meta::OrgUnit, "org_unit", ChangeKind::kUpdate)
EL_TXN_WRITE(InsertStudents, meta::Student, "student", ChangeKind::kAdd)
EL_TXN_WRITE(UpdateStudents, const meta::Student, "student", ChangeKind::kUpdate)
EL_TXN_WRITE(InsertEnrolments, const meta::Enrolment, "enrolment", ChangeKind::kAdd)
EL_TXN_WRITE(UpdateEnrolments, const meta::Enrolment, "enrolment", ChangeKind::kUpdate)
EL_TXN_WRITE(InsertStatusEvents, meta::StatusEvent, "status_event", ChangeKind::kAdd)
EL_TXN_WRITE(InsertStaff, meta::Staff, "staff", ChangeKind::kAdd)
EL_TXN_WRITE(UpdateStaff, const meta::Staff, "staff", ChangeKind::kUpdate)
EL_TXN_WRITE(InsertStaffAssignments, const meta::StaffAssignment, "staff_assignment",
             ChangeKind::kAdd)
EL_TXN_WRITE(UpdateStaffAssignments, const meta::StaffAssignment, "staff_assignment",
             ChangeKind::kUpdate)

#undef EL_TXN_WRITE

core::Status Transaction::SaveSubmission(Submission* submission) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  const bool fresh = submission->id == 0;
  submission->updated_at = NowIso();
  submission->updated_by = context_.actor;
  EL_RETURN_IF_ERROR(impl_->SaveSubmission(submission));
  keys_.Add("submission", fresh ? ChangeKind::kAdd : ChangeKind::kUpdate, submission->period,
            submission->id);
  return core::Status::OK();
}

core::Status Transaction::ReplaceValues(std::int64_t submission_id,
                                        std::span<const DataValue> values) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  EL_RETURN_IF_ERROR(impl_->ReplaceValues(submission_id, values));
  keys_.Add("data_values", ChangeKind::kUpdate, 0, submission_id);
  return core::Status::OK();
}

core::Status Transaction::PutSetting(std::string_view key, std::string_view value) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  return impl_->PutSetting(key, value);
}

core::Status Transaction::SaveCase(Case* case_) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  const bool fresh = case_->id == 0;
  case_->updated_at = NowIso();
  case_->updated_by = context_.actor;
  EL_RETURN_IF_ERROR(impl_->SaveCase(case_));
  keys_.Add("case", fresh ? ChangeKind::kAdd : ChangeKind::kUpdate, 0, case_->id);
  return core::Status::OK();
}

core::Status Transaction::InsertCaseMove(CaseMove* move) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  move->at = NowIso();
  move->actor = context_.actor;
  move->role = context_.role;
  return impl_->InsertCaseMove(move);
}

core::Status Transaction::InsertCaseEntry(CaseEntry* entry) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  entry->at = NowIso();
  entry->actor = context_.actor;
  EL_RETURN_IF_ERROR(impl_->InsertCaseEntry(entry));
  keys_.Add("case_entry", ChangeKind::kAdd, 0, entry->id);
  return core::Status::OK();
}

core::Status Transaction::InsertValueChanges(std::span<ValueChange> changes) {
  if (!impl_) return core::Status::FailedPrecondition("transaction_closed", "事务已结束");
  const std::string at = NowIso();
  for (ValueChange& c : changes) {
    c.at = at;
    c.actor = context_.actor;
  }
  return impl_->InsertValueChanges(changes);
}

}  // namespace eduledger::store
