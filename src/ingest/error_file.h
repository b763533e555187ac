// The error file: a clerk's import file written back as XLSX with every cell an error names
// filled red (a warning's yellow) and a column 错误与提示 giving each row's reasons, so the
// bureau can send it back to the school to correct and import again.
#pragma once

#include <string>

#include "core/status.h"
#include "ingest/import.h"

namespace eduledger::ingest {

// Write `source` (the file `report` is of; `sheet` as imported) back to `path` (.xlsx) marked
// with `report`'s kept errors and warnings. Whole or not at all.
core::Status WriteErrorFile(const std::string& source, const std::string& sheet,
                            const ImportReport& report, const std::string& path);

}  // namespace eduledger::ingest
