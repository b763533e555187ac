// TableReader: rows of cells from a file a person brings, CSV or XLSX, behind one interface.
// Rows come out one at a time (the whole file is never a grid in memory); each carries the
// row number the person sees in Excel, so errors can point at it. Cell text is UTF-8.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace eduledger::ingest {

struct Cell {
  std::string_view text;  // valid until the next call to Next
  bool numeric = false;   // an XLSX number cell (Excel may have mangled an ID number)
};

struct Row {
  std::int64_t number = 0;  // 1-based, as Excel numbers rows
  std::vector<Cell> cells;

  std::string_view text(std::size_t col) const {
    return col < cells.size() ? cells[col].text : std::string_view();
  }
  bool blank() const;
};

class TableReader {
 public:
  virtual ~TableReader() = default;
  // Read the next row that is not blank; false at the end of the table.
  virtual core::Result<bool> Next(Row* row) = 0;
  // Fraction of the input consumed, 0..1, for progress display.
  virtual double progress() const = 0;
  // What was read, for reports: "students.csv (GB18030, 逗号分隔)", "学生.xlsx 工作表“Sheet1”".
  virtual std::string description() const = 0;
};

struct TableOptions {
  std::string sheet;  // XLSX: the sheet to read; empty = the first
};

// A table already in memory, read as a file would be: the first row is the header, row numbers
// count from 1. For tables a program builds (the example county feeds its records through the
// same imports a clerk's file goes through).
std::unique_ptr<TableReader> MemoryTable(std::vector<std::vector<std::string>> rows,
                                         std::string description);

// Open `path` by its extension: .csv, .txt and .tsv as delimited text (encoding and delimiter
// detected), .xlsx as a workbook. .xls and other formats are InvalidArgument
// "unsupported_format" with advice.
core::Result<std::unique_ptr<TableReader>> OpenTable(const std::string& path,
                                                     const TableOptions& options = {});

}  // namespace eduledger::ingest
