// Arguments several commands share.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace eduledger::cli {

// The KIND argument of import and export: schools, students, enrolments or staff (the names
// ingest::ParseImportKind reads).
void AddKindArgument(CLI::App* cmd, std::string* kind);

}  // namespace eduledger::cli
