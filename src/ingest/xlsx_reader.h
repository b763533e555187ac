// XlsxReader: the rows of one worksheet of an .xlsx workbook, streamed (a 1,048,576-row sheet
// is never held in memory as a grid). Shared strings, inline strings, numbers and booleans are
// read; a number in a date-formatted cell comes out as an ISO date ("2015-03-08"); any other
// number keeps Excel's text and is marked numeric, so an ID number Excel has rounded to 15
// significant digits can be told apart from a typed one.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "core/xml_reader.h"
#include "core/zip_reader.h"
#include "ingest/table_reader.h"

namespace eduledger::ingest {

class XlsxReader final : public TableReader {
 public:
  // Excel's own bounds: columns A..XFD; a cell holds at most 32,767 characters.
  static constexpr int kMaxColumns = 16384;
  static constexpr std::size_t kMaxCellBytes = 32767 * 4;

  // Open `path` and the sheet named `sheet` (empty: the first). A missing sheet is
  // InvalidArgument "missing_sheet" listing the sheets there are.
  static core::Result<std::unique_ptr<XlsxReader>> Open(const std::string& path,
                                                        const std::string& sheet);
  ~XlsxReader() override;

  core::Result<bool> Next(Row* row) override;
  double progress() const override;
  std::string description() const override;

 private:
  struct PendingRow {
    std::int64_t number;
    std::vector<std::string> cells;
    std::vector<bool> numeric;
  };
  XlsxReader() = default;
  void OnStart(std::string_view name, const char** attrs);
  void OnEnd(std::string_view name);
  void OnText(std::string_view text);

  std::string path_;
  std::string sheet_name_;
  std::unique_ptr<core::ZipReader> zip_;
  std::unique_ptr<core::ZipReader::Stream> stream_;
  std::unique_ptr<core::XmlReader> xml_;
  std::vector<std::string> shared_strings_;
  std::vector<bool> date_styles_;  // by cell style index
  bool finished_ = false;

  // Parse state.
  std::deque<PendingRow> ready_;
  PendingRow building_;
  std::int64_t last_row_number_ = 0;
  bool in_row_ = false;
  int cell_col_ = -1;
  std::string cell_ref_;  // "B12", or the column and row worked out when the file gives none
  std::string cell_type_;
  int cell_style_ = 0;
  bool collecting_ = false;
  int phonetic_depth_ = 0;
  core::Status error_;  // the first thing wrong with the sheet; reading stops there
  // Refuse the sheet at the current cell: InvalidArgument "bad_xlsx" naming sheet and cell.
  void FailCell(std::string why);
  std::string cell_value_;

  PendingRow current_;  // the row handed out last; its strings back the Cell views
};

}  // namespace eduledger::ingest
