// Arguments several commands share.
#pragma once

#include <CLI/CLI.hpp>

#include "ingest/import.h"

namespace eduledger::cli {

// The KIND argument of import and export: schools, students, enrolments or staff (the names
// ingest::ParseImportKind reads), parsed into `kind`.
void AddKindArgument(CLI::App* cmd, ingest::ImportKind* kind);

}  // namespace eduledger::cli
