// Import of a ledger's cases (台账事项) from CSV or XLSX: a school's or section's own sheet (the
// payments of a 资助 programme, the hazards found this month) or a file exported from here and
// edited. The columns are the ledger's (app/case_columns.h); the rules are the register
// imports' (ingest/import.h): every row is read and checked, then the file against itself, then
// against the store; any error rejects the whole file and names every bad row with its column,
// value and reason; a clean file is written in one transaction with one audit entry. The file is
// read in blocks (`block_rows`): each block is checked and written into the open transaction
// while the import keeps of the rows before it only a 128-bit digest of each identity, so a file
// of a million payments is held in a few hundred megabytes; the first fault rolls the
// transaction back, and the rest of the file is still checked so that every bad row is named.
//
//   a row with 事项编号     updates that case: fields given are set (empty cells erase nothing),
//                          a 状态 after the case's own is reached by the moves the importing
//                          role may make, each checked as `ledger move` checks it
//   a row without one      opens a case in the ledger's first state, then makes the moves to
//                          its 状态 the same way; the row's content is its origin, so importing
//                          the same file twice opens nothing the second time
//
// Every step an import takes is checked; a row's steps are kept in the case's history as one
// move from its state to the row's 状态, dated by the row's 状态日期 (登记日期 for the
// opening), with the file's name and the steps taken as its comment.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/date.h"
#include "core/result.h"
#include "ingest/import.h"
#include "ingest/table_reader.h"
#include "store/store.h"

namespace eduledger::app {

struct CaseImportRequest {
  std::string ledger = {};  // code or name
  std::string path = {};
  bool dry_run = false;
  std::size_t max_errors = 100;
  std::string sheet = {};
  // Non-empty: write the file back here (.xlsx) with its errors and warnings marked.
  std::string errors_out = {};
  std::function<void(std::string_view phase, double fraction)> progress = {};
  core::Date today = core::Date::Today();
  // Rows read, checked and written at a time: what the import holds of the file beside a
  // digest of each row.
  std::size_t block_rows = 65536;
};

// Import the file `request.path` into the ledger as `actor`. NotFound for an unknown ledger;
// PermissionDenied "role_not_allowed" for a role that may neither open nor move its cases.
core::Result<ingest::ImportReport> ImportCaseFile(store::Store& store, const Actor& actor,
                                                  const Metadata& md,
                                                  const CaseImportRequest& request);
// The same from a table already open; `name` stands for the file in the report, the audit entry
// and the moves' comment (the example county imports its ledgers through this).
core::Result<ingest::ImportReport> ImportCaseTable(store::Store& store, const Actor& actor,
                                                   const Metadata& md, ingest::TableReader& reader,
                                                   const std::string& name,
                                                   const CaseImportRequest& request);

}  // namespace eduledger::app
