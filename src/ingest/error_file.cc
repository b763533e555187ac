#include "ingest/error_file.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <map>
#include <vector>

#include "core/file.h"
#include "ingest/columns.h"
#include "ingest/table_reader.h"
#include "ingest/table_writer.h"
#include "ingest/xlsx_output_internal.h"

namespace eduledger::ingest {

namespace {

// "D列“上级单位”" → 3; -1 for a label naming no column (an error about the whole row).
int ColumnOfLabel(std::string_view label) {
  int col = 0;
  std::size_t i = 0;
  for (; i < label.size() && label[i] >= 'A' && label[i] <= 'Z'; ++i)
    col = col * 26 + (label[i] - 'A' + 1);
  return i > 0 && label.substr(i).starts_with("列") ? col - 1 : -1;
}

// A row of the file, its cells copied (a reader's views last until its next row).
struct CopiedRow {
  std::int64_t number = 0;
  std::vector<std::string> cells;
};

struct Marks {
  std::map<int, bool> cells;  // column → is an error (else a warning)
  std::string reasons;
};

}  // namespace

core::Status WriteErrorFile(const std::string& source, const std::string& sheet,
                            const ImportReport& report, const std::string& path) {
  if (core::FileExtension(path) != "xlsx") {
    return core::Status::InvalidArgument("unsupported_format", path + "：错误文件只能写成 .xlsx");
  }
  if (core::SameFile(path, source)) {
    return core::Status::InvalidArgument(
        "errors_onto_source", "错误文件不能覆盖被导入的文件 " + source + "，请换一个文件名");
  }
  std::map<std::int64_t, Marks> marks;  // by row number
  for (const auto* list : {&report.errors, &report.warnings}) {
    const bool error = list == &report.errors;
    for (const RowError& e : list->kept()) {
      Marks& m = marks[e.row];
      const int col = ColumnOfLabel(e.column);
      if (col >= 0) m.cells[col] = m.cells[col] || error;
      if (!m.reasons.empty()) m.reasons += "；";
      m.reasons += (error ? "" : "提示：") + (e.column.empty() ? "" : e.column + "：") + e.message;
    }
  }
  TableOptions options;
  options.sheet = sheet;
  EL_ASSIGN_OR_RETURN(auto reader, OpenTable(source, options));

  const std::string tmp = internal::TempXlsxPath(path);
  lxw_workbook_options wb_options = {};
  wb_options.constant_memory = LXW_TRUE;  // rows stream out: a large file stays small in memory
  lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &wb_options);
  if (wb == nullptr) {
    return core::Status::Unavailable(
        "cannot_write",
        "无法写入 " + path + "：" + XlsxWriterErrorText(LXW_ERROR_CREATING_XLSX_FILE));
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, "错误标注");
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format_index(text, 49);
  lxw_format* bad = workbook_add_format(wb);
  format_set_num_format_index(bad, 49);
  format_set_bg_color(bad, 0xFFC7CE);
  format_set_font_color(bad, 0x9C0006);
  lxw_format* warn = workbook_add_format(wb);
  format_set_num_format_index(warn, 49);
  format_set_bg_color(warn, 0xFFEB9C);
  lxw_format* reason = workbook_add_format(wb);
  format_set_font_color(reason, 0x9C0006);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  // The reasons go in the column after the widest row; the header row names it.
  std::vector<CopiedRow> rows;
  std::size_t width = 0;
  Row row;
  core::Status status;
  while (true) {
    auto more = reader->Next(&row);
    if (!more.ok()) {
      status = more.status();
      break;
    }
    if (!*more) break;
    CopiedRow copy;
    copy.number = row.number;
    for (const Cell& c : row.cells) copy.cells.emplace_back(c.text);
    width = std::max(width, copy.cells.size());
    rows.push_back(std::move(copy));
  }
  lxw_error e = LXW_NO_ERROR;
  const auto reason_col = static_cast<lxw_col_t>(width);
  for (const CopiedRow& r : rows) {
    if (!status.ok() || e != LXW_NO_ERROR) break;
    const auto at = static_cast<lxw_row_t>(r.number - 1);
    const auto m = marks.find(r.number);
    for (std::size_t c = 0; c < r.cells.size() && e == LXW_NO_ERROR; ++c) {
      lxw_format* f = text;
      if (m != marks.end()) {
        const auto cell = m->second.cells.find(static_cast<int>(c));
        if (cell != m->second.cells.end()) f = cell->second ? bad : warn;
      }
      // Written as strings: the clerk's text comes back as typed, never as a formula.
      e = worksheet_write_string(ws, at, static_cast<lxw_col_t>(c), r.cells[c].c_str(), f);
    }
    if (e == LXW_NO_ERROR && r.number == report.header_row) {
      e = worksheet_write_string(ws, at, reason_col, "错误与提示", bold);
    } else if (e == LXW_NO_ERROR && m != marks.end()) {
      e = worksheet_write_string(ws, at, reason_col, m->second.reasons.c_str(), reason);
    }
  }
  if (e == LXW_NO_ERROR) e = worksheet_set_column(ws, reason_col, reason_col, 60, nullptr);
  if (!status.ok()) {
    workbook_close(wb);
    std::remove(tmp.c_str());
    return status;
  }
  return internal::CloseWorkbookInto(wb, e, path);
}

}  // namespace eduledger::ingest
