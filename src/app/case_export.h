// Export of a ledger's cases to CSV or XLSX under the columns the import reads
// (app/case_columns.h), so that a list exported, worked on and imported again updates its cases
// and changes nothing else; and the blank template of a ledger for a clerk to fill in. ID
// numbers and names are masked for readers without full view.
#pragma once

#include <cstdint>
#include <string>

#include "app/actor.h"
#include "app/ledgers.h"
#include "app/metadata.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

struct CaseExportResult {
  std::int64_t rows = 0;
  std::string ledger_name;
  bool masked = false;
};

// Write the cases `query` lists (ListCases) to `path` (.csv or .xlsx), whole or not at all.
core::Result<CaseExportResult> ExportCases(store::Store& store, const Actor& actor,
                                           const Metadata& md, const CaseQuery& query,
                                           const std::string& path);

// Write the import template of the ledger `ledger` (code or name) to `path` (.xlsx).
core::Status WriteCaseTemplate(const Metadata& md, const std::string& ledger,
                               const std::string& path);

}  // namespace eduledger::app
