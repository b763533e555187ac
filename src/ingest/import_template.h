// Import templates: a blank XLSX a school clerk fills in, with the columns of one import kind
// under their canonical headers, a notes row above them (rows above the header are skipped on
// import), a comment on each header saying what it takes, drop-down lists for coded columns
// (the values ChoicesOf names, from a hidden sheet), and every cell formatted as text, so an
// ID number keeps its 18 characters.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/import.h"

namespace eduledger::ingest {

// Write the template of `kind` to `path` (.xlsx), whole or not at all.
core::Status WriteImportTemplate(ImportKind kind, const std::string& path);

// A column of a template: its header, what its comment says, and the values of its drop-down
// (none: a free column).
struct TemplateColumn {
  std::string header;
  std::string hint;
  std::vector<std::string> choices;
};

// Write a template of `columns` to `path` (.xlsx) on a sheet named `title`, whole or not at
// all: for files whose columns are made at run time (a ledger's).
core::Status WriteTemplate(std::string_view title, std::span<const TemplateColumn> columns,
                           const std::string& path);

}  // namespace eduledger::ingest
