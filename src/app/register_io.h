// Import and export of the register as use cases: the actor's role decides whether they may
// write, its scope which schools a file may touch or an export may contain, and its view
// whether names and ID numbers come out whole or masked. Every write is audited as the actor.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "app/actor.h"
#include "core/result.h"
#include "ingest/import.h"
#include "store/store.h"

namespace eduledger::app {

struct ImportRequest {
  ingest::ImportKind kind = ingest::ImportKind::kStudents;
  std::string path;
  int school_year = 0;
  bool dry_run = false;
  std::size_t max_errors = 100;
  std::string sheet;
  // Non-empty: write the file back here (.xlsx) with its errors and warnings marked
  // (ingest/error_file.h), when it has any.
  std::string errors_out;
  std::function<void(std::string_view phase, double fraction)> progress;
};

// Import a file as `actor`. A role that may not write the register is PermissionDenied; the
// report says what was (or would be) written and what was wrong.
core::Result<ingest::ImportReport> ImportRegisterFile(store::Store& store, const Actor& actor,
                                                      const ImportRequest& request);

// The file `source` (sheet `sheet`) written back to `errors_out` (.xlsx) with the faults of
// `report` marked, when `errors_out` is given, the file was read and it has any; sets
// report->error_file then. Never onto the store's own file.
core::Status WriteErrorsOut(store::Store& store, const std::string& source,
                            const std::string& sheet, const std::string& errors_out,
                            ingest::ImportReport* report);

struct ExportRequest {
  ingest::ImportKind kind = ingest::ImportKind::kStudents;
  std::string path;
  // The statistics year: its snapshot's roster (the school year it begins). 0: the latest
  // whose snapshot has passed on `today`. A year without enrolments is NotFound
  // "no_such_year".
  int school_year = 0;
  std::string org;  // code or name; empty: the actor's home unit
  std::function<void(double fraction)> progress;
  core::Date today = core::Date::Today();
};

struct ExportResult {
  std::int64_t rows = 0;
  int school_year = 0;
  std::string org_name;
  bool masked = false;
};

core::Result<ExportResult> ExportRegisterFile(store::Store& store, const Actor& actor,
                                              const ExportRequest& request);

}  // namespace eduledger::app
