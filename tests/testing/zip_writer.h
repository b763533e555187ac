// Writing a zip archive entry by entry (libzip, deflated), for tests that build hostile XLSX
// and DOCX files by hand: broken references, missing parts, zip bombs.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace eduledger::testing {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;  // name, bytes

// Write `entries` to a new archive at `path`; fails the test on an error.
void WriteZip(const std::string& path, const ZipEntries& entries);

// The parts of a one-sheet workbook whose sheet XML is `sheet_data` (the children of
// <sheetData>) and whose shared strings are `shared` (no sharedStrings.xml when
// `with_shared_strings` is false).
ZipEntries MinimalXlsx(const std::string& sheet_data, const std::vector<std::string>& shared,
                       bool with_shared_strings = true);

}  // namespace eduledger::testing
