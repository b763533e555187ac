// Tables: the grid of each table a summary holds, read from a Markdown pipe table (a header
// row, a row of dashes, then its rows) or a DOCX w:tbl (each cell's paragraphs, as the reader
// placed them), so that a check can read a table by its rows and columns.
//
//   | 风险等级 | 水域数量（处） | 占比 |     rows[0]: the header
//   | --- | ---: | ---: |                  (Markdown only)
//   | 高风险 | 46 | 12.7% |                rows[1] …
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "report/document.h"

namespace eduledger::report {

struct TableCell {
  std::size_t paragraph = 0;  // index into Document::paragraphs
  std::size_t begin = 0;      // byte range of the cell's text in that paragraph
  std::size_t end = 0;
  std::string text;  // trimmed, without the Markdown emphasis around it; "" for an empty cell
};

struct Table {
  // rows[0] is the header; a row may be shorter than another (a DOCX cell merged or missing).
  // Of a DOCX table, the first 64 grid columns are read.
  std::vector<std::vector<TableCell>> rows;
};

std::vector<Table> TablesOf(const Document& document);

}  // namespace eduledger::report
