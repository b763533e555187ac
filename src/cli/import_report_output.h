// How an import's report reads: what was read, what would be or was written, the warnings on
// stdout and the errors on stderr, or the whole report as JSON. The register's imports and a
// ledger's (`ledger import`) print the same way.
#pragma once

#include "cli/cli_context.h"
#include "ingest/import.h"

namespace eduledger::cli {

void PrintImportReport(const CliContext& ctx, const ingest::ImportReport& report);

// Print the report, then set the exit status: rejected rows, or the failure that stopped it.
void FinishImport(CliContext& ctx, const ingest::ImportReport& report);

}  // namespace eduledger::cli
