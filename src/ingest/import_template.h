// Import templates: a blank XLSX a school clerk fills in, with the columns of one import kind
// under their canonical headers, a notes row above them (rows above the header are skipped on
// import), a comment on each header saying what it takes, drop-down lists for coded columns
// (the values ChoicesOf names, from a hidden sheet), and every cell formatted as text, so an
// ID number keeps its 18 characters.
#pragma once

#include <string>

#include "core/status.h"
#include "ingest/import.h"

namespace eduledger::ingest {

// Write the template of `kind` to `path` (.xlsx), whole or not at all.
core::Status WriteImportTemplate(ImportKind kind, const std::string& path);

}  // namespace eduledger::ingest
