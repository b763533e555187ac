// SqliteStore: the Store in one SQLite file. WAL journal, foreign keys on, synchronous=NORMAL
// (a committed write survives a crash of the process; an import killed at any moment leaves
// the file as it was before the import). The schema is migrated on open (sqlite_migrations.h).
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace eduledger::store {

struct SqliteOptions {
  // Create the file when it does not exist; otherwise a missing file is kNotFound.
  bool create_if_missing = false;
  // Migrate up to this schema version (0: the latest). Tests use it to build old files.
  int migrate_to = 0;
};

class SqliteStore;

// Open (and migrate) the store in `path`.
core::Result<std::unique_ptr<SqliteStore>> OpenSqliteStore(const std::string& path,
                                                           const SqliteOptions& options = {});

// The schema version of the newest migration this build knows.
int LatestSqliteSchemaVersion();

class SqliteStore final : public Store {
 public:
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  core::Result<int> SchemaVersion() override;
  bool HoldsFile(const std::string& path) const override;

  core::Result<std::int64_t> Version() override;
  core::Result<Transaction> Begin(const AuditContext& context,
                                  std::optional<std::int64_t> expected_version) override;

  core::Result<std::vector<meta::OrgUnit>> LoadOrgUnits() override;
  core::Status FindStudents(std::span<const PersonKey> keys,
                            std::vector<Found<meta::Student>>* out) override;
  core::Status FindEnrolments(int school_year, std::span<const std::int64_t> student_ids,
                              std::vector<Found<meta::Enrolment>>* out) override;
  core::Status FindStudentsById(std::span<const std::int64_t> ids,
                                std::vector<Found<meta::Student>>* out) override;
  core::Status FindStaffById(std::span<const std::int64_t> ids,
                             std::vector<Found<meta::Staff>>* out) override;
  core::Status FindStaff(std::span<const PersonKey> keys,
                         std::vector<Found<meta::Staff>>* out) override;
  core::Status FindStaffAssignments(int school_year, std::span<const std::int64_t> staff_ids,
                                    std::vector<Found<meta::StaffAssignment>>* out) override;
  core::Status ForEachEnrolled(
      int school_year, std::span<const std::int64_t> org_unit_ids,
      const std::function<core::Status(const meta::Student&, const meta::Enrolment&)>& fn) override;
  core::Status FindStatusEvents(std::span<const std::int64_t> student_ids,
                                std::vector<Found<meta::StatusEvent>>* out) override;
  core::Status ForEachStatusEvent(
      core::Date from, core::Date to, std::span<const std::int64_t> org_unit_ids,
      const std::function<core::Status(const meta::Student&, const meta::StatusEvent&)>& fn)
      override;
  core::Status ForEachStaffAssignment(
      int school_year, std::span<const std::int64_t> org_unit_ids,
      const std::function<core::Status(const meta::Staff&, const meta::StaffAssignment&)>& fn)
      override;

  core::Status ScanStudents(const ScanFn<StudentFacts>& fn) override;
  core::Status ScanStudentIdentities(const ScanFn<PersonIdentity>& fn) override;
  core::Status ScanStaffIdentities(const ScanFn<PersonIdentity>& fn) override;
  core::Status ScanEnrolments(const ScanFn<EnrolmentFacts>& fn) override;
  core::Status ScanStatusEvents(const ScanFn<EventFacts>& fn) override;
  core::Status ScanSchoolRegister(std::int64_t school_id, std::span<const int> years,
                                  const SchoolScan& scan) override;
  core::Status ScanStaffAssignments(const ScanFn<StaffFacts>& fn) override;
  core::Result<std::vector<int>> SchoolYears() override;
  core::Result<std::optional<Submission>> FindSubmission(std::string_view data_set,
                                                         std::int64_t org_unit_id,
                                                         int period) override;
  core::Result<std::vector<Submission>> ListSubmissions(int period) override;
  core::Result<std::vector<DataValue>> LoadValues(std::int64_t submission_id) override;
  core::Status ScanValues(const ScanFn<StoredValue>& fn) override;
  core::Result<std::vector<ValueChange>> ListValueChanges(int period) override;
  core::Result<std::optional<Case>> FindCase(std::int64_t id) override;
  core::Result<std::optional<Case>> FindCaseByOrigin(std::string_view ledger,
                                                     std::string_view origin) override;
  core::Status ScanCases(std::string_view ledger, const ScanFn<Case>& fn) override;
  core::Result<std::vector<CaseMove>> ListCaseMoves(std::int64_t case_id) override;
  core::Result<std::vector<CaseEntry>> ListCaseEntries(std::int64_t case_id) override;
  core::Result<std::vector<Setting>> LoadSettings() override;
  core::Result<std::vector<AuditEntry>> RecentAudit(int limit) override;

  // The connection state (sqlite_store_impl_internal.h); opaque outside the store.
  struct Impl;

 private:
  friend core::Result<std::unique_ptr<SqliteStore>> OpenSqliteStore(const std::string&,
                                                                    const SqliteOptions&);
  friend class SqliteTransaction;
  template <class Fn>
  core::Status Scan(const std::string& select, Fn fn);
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace eduledger::store
