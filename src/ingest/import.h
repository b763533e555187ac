// Import of schools (org units), students, enrolments and staff from CSV or XLSX.
//
// An import is all or nothing. Every row is read and checked (cell values, then the file
// against itself, then the file against the store) before anything is written; any error
// rejects the whole file, names every bad row (up to a limit) with its column, value and
// reason, and leaves the store exactly as it was. A file that passes is written in one
// transaction with one audit entry, so a killed import leaves the store as it was too.
// Importing the same file twice changes nothing the second time: records are matched on their
// keys (the 单位代码; the identity document; the person and school year) and only what
// differs is written. Empty cells never erase what the store holds.
//
//   phase        what happens                                  on error
//   read         decode, find the header, parse every row      row errors collected
//   compare      duplicates in the file, lookups in the store  row errors collected
//   write        one transaction: inserts, updates, audit      nothing written
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "ingest/columns.h"
#include "ingest/row_error.h"
#include "meta/org_unit.h"
#include "store/store.h"

namespace eduledger::ingest {

enum class ImportKind { kOrgUnits, kStudents, kEnrolments, kStaff, kEvents };

// "schools", "students", "enrolments", "staff", "events".
std::string_view ImportKindName(ImportKind kind);
// "学校", "学生", "在校登记", "教职工", "学籍异动".
std::string_view ImportKindLabel(ImportKind kind);
// Parse "schools" (or "orgunits"), "students", "enrolments", "staff", "events".
std::optional<ImportKind> ParseImportKind(std::string_view text);
// The columns of a file of `kind` (columns.h), in export order.
std::span<const ColumnSpec> ColumnsOf(ImportKind kind);

struct ImportOptions {
  // The school year for rows of a file without a 学年 column (0: such a file is rejected).
  int school_year = 0;
  bool dry_run = false;
  std::size_t max_errors = 100;
  std::string sheet;  // XLSX sheet; empty = the first
  // May the importing actor write records of this school? Null: every school. A row for a
  // school the actor may not see is reported as an unknown school.
  std::function<bool(const meta::OrgUnit&)> may_write;
  // Called now and then with the phase ("读取校验", "比对", "写入") and the fraction done.
  std::function<void(std::string_view phase, double fraction)> progress;
  core::Date today = core::Date::Today();
};

struct EntityCounts {
  std::string entity;  // "org_unit", "student", "enrolment", "staff", "staff_assignment"
  std::int64_t added = 0;
  std::int64_t changed = 0;
  std::int64_t unchanged = 0;
};

struct ImportReport {
  ImportKind kind = ImportKind::kStudents;
  std::string ledger;           // a ledger's cases (app/case_import.h): the ledger's code
  std::string file;             // the path as given
  std::string source;           // what was read: file, encoding, sheet
  std::int64_t rows = 0;        // data rows read
  std::int64_t header_row = 0;  // the row the header was found in, 0 before it was
  std::vector<EntityCounts> counts;
  ErrorList errors;    // any error rejects the file
  ErrorList warnings;  // worth a look, never blocking
  std::vector<std::string> ignored_columns;
  bool dry_run = false;
  bool written = false;  // a transaction was committed
  std::int64_t audit_id = 0;
  std::string error_file;  // where the file was written back with its faults marked, if it was
  // OK, or why the file was rejected: a file-level problem (unreadable, no header, a missing
  // column) with its reason, or InvalidArgument "rows_rejected" when rows had errors.
  core::Status status;
};

// Import `path` as `kind` into `store`; `audit` says who is writing.
ImportReport ImportFile(store::Store& store, ImportKind kind, const std::string& path,
                        const ImportOptions& options, const store::AuditContext& audit);
// The same from a table already open (table_reader.h); `name` stands for the file in the
// report and the audit entry.
ImportReport ImportTable(store::Store& store, ImportKind kind, TableReader& reader,
                         const std::string& name, const ImportOptions& options,
                         const store::AuditContext& audit);

}  // namespace eduledger::ingest
