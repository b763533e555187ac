// Export of schools, students, enrolments and staff to CSV or XLSX, with the same headers the
// import reads: an exported file imported again changes nothing. Personal data is masked for
// readers without full view (mask_personal).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ingest/import.h"
#include "meta/org_tree.h"
#include "store/store.h"

namespace eduledger::ingest {

struct ExportOptions {
  // The statistics year: its snapshot's roster (students, enrolments, staff) or the events of
  // its flow window (events).
  int school_year = 0;
  std::vector<const meta::OrgUnit*> units;  // the org units to include, in output order
  bool mask_personal = false;               // mask names, ID numbers and student numbers
  std::function<void(double fraction)> progress;
};

// Write the records of `kind` to `path` (.csv or .xlsx). Returns the number of data rows.
core::Result<std::int64_t> ExportFile(store::Store& store, const meta::OrgTree& tree,
                                      ImportKind kind, const std::string& path,
                                      const ExportOptions& options);

}  // namespace eduledger::ingest
