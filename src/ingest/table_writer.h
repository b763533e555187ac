// TableWriter: rows of text cells to a file a person opens in Excel. CSV is UTF-8 with a BOM
// (so Excel on Chinese Windows reads it as UTF-8), CRLF line ends, fields quoted when needed.
// XLSX writes every cell as text, so ID numbers keep all 18 characters, with a bold frozen
// header row. The file appears whole or not at all: rows go to a temporary file that Close
// renames into place; a writer destroyed without Close leaves nothing behind.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::ingest {

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual core::Status WriteRow(std::span<const std::string> cells) = 0;
  // Finish the file and move it into place.
  virtual core::Status Close() = 0;
};

// Create a writer by the extension of `path` (.csv or .xlsx); `sheet` names the XLSX sheet.
core::Result<std::unique_ptr<TableWriter>> CreateTable(const std::string& path,
                                                       std::string_view sheet);

// One CSV field: quoted if it holds a comma, quote, CR or LF (RFC 4180), and a field that a
// spreadsheet would run as a formula (beginning with =, +, -, @, tab or CR) prefixed with an
// apostrophe, which Excel and WPS take as "this is text" (CSV injection). The CSV reader
// takes the apostrophe off again (FormulaGuarded), so an export imports unchanged.
std::string CsvField(std::string_view text);

// libxlsxwriter's error code in Chinese (its own texts are English).
std::string XlsxWriterErrorText(int error);

// True when `text` begins with a character that starts a spreadsheet formula.
bool StartsLikeAFormula(std::string_view text);

}  // namespace eduledger::ingest
