// Writing a workbook with libxlsxwriter whole or not at all (ingest only): it is built in a
// temporary file beside its target and renamed into place when closed without an error.
#pragma once

#include <xlsxwriter.h>

#include <string>

#include "core/status.h"

namespace eduledger::ingest::internal {

// The temporary file a workbook for `path` is built in.
std::string TempXlsxPath(const std::string& path);

// Close `wb` (built in TempXlsxPath(path)) and move it to `path`; `pending` is the first error
// met while writing it. On any error the temporary file is removed and nothing is at `path`
// that was not there before.
core::Status CloseWorkbookInto(lxw_workbook* wb, lxw_error pending, const std::string& path);

}  // namespace eduledger::ingest::internal
