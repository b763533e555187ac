#include "ingest/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "core/date.h"
#include "ingest/columns.h"

namespace eduledger::ingest {

namespace {

using core::XmlReader;

// "B12" → column 1 (0-based); -1 when there is no column letter; kMaxColumns or more when the
// letters name a column past XFD (counting stops there, so nothing overflows).
int ColumnOfRef(std::string_view ref) {
  int col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = std::min(col * 26 + (ref[i] - 'A' + 1), XlsxReader::kMaxColumns + 1);
  }
  return i == 0 ? -1 : col - 1;
}

std::int64_t ToInt(std::string_view s, std::int64_t fallback) {
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() ? v : fallback;
}

// True for a number format that shows a date: Excel's built-in date formats, or a custom code
// with a year or day part outside quotes and brackets.
bool IsDateFormat(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58)) {
    return true;
  }
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') ++bracket;
    if (c == ']' && bracket > 0) --bracket;
    if (bracket) continue;
    if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') return true;
    if (code.substr(i).starts_with("年") || code.substr(i).starts_with("日")) return true;
  }
  return false;
}

core::Status ParseStyles(const core::ZipReader& zip, std::vector<bool>* date_styles) {
  if (!zip.Has("xl/styles.xml")) return core::Status::OK();
  EL_ASSIGN_OR_RETURN(const std::string xml, zip.ReadAll("xl/styles.xml"));
  std::vector<std::pair<int, std::string>> custom;
  bool in_cell_xfs = false;
  std::vector<int> xf_formats;
  EL_RETURN_IF_ERROR(core::ParseXml(
      "styles.xml", xml,
      {[&](std::string_view name, const char** attrs) {
         if (name == "numFmt") {
           custom.emplace_back(static_cast<int>(ToInt(XmlReader::Attr(attrs, "numFmtId"), 0)),
                               std::string(XmlReader::Attr(attrs, "formatCode")));
         } else if (name == "cellXfs") {
           in_cell_xfs = true;
         } else if (name == "xf" && in_cell_xfs) {
           xf_formats.push_back(static_cast<int>(ToInt(XmlReader::Attr(attrs, "numFmtId"), 0)));
         }
       },
       [&](std::string_view name) {
         if (name == "cellXfs") in_cell_xfs = false;
       },
       nullptr}));
  for (const int fmt : xf_formats) {
    std::string_view code;
    for (const auto& [id, c] : custom) {
      if (id == fmt) code = c;
    }
    date_styles->push_back(IsDateFormat(fmt, code));
  }
  return core::Status::OK();
}

core::Status ParseSharedStrings(const core::ZipReader& zip, std::vector<std::string>* out) {
  if (!zip.Has("xl/sharedStrings.xml")) return core::Status::OK();
  EL_ASSIGN_OR_RETURN(const std::string xml, zip.ReadAll("xl/sharedStrings.xml"));
  bool in_t = false;
  int phonetic = 0;
  return core::ParseXml("sharedStrings.xml", xml,
                        {[&](std::string_view name, const char**) {
                           if (name == "si") out->emplace_back();
                           if (name == "rPh") ++phonetic;
                           if (name == "t" && phonetic == 0) in_t = true;
                         },
                         [&](std::string_view name) {
                           if (name == "t") in_t = false;
                           if (name == "rPh") --phonetic;
                         },
                         [&](std::string_view text) {
                           if (in_t && !out->empty()) out->back().append(text);
                         }});
}

// The worksheet path of the sheet called `wanted` (or the first), and its name.
core::Status FindSheet(const core::ZipReader& zip, const std::string& path,
                       const std::string& wanted, std::string* sheet_path,
                       std::string* sheet_name) {
  EL_ASSIGN_OR_RETURN(const std::string workbook, zip.ReadAll("xl/workbook.xml"));
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  EL_RETURN_IF_ERROR(core::ParseXml("workbook.xml", workbook,
                                    {[&](std::string_view name, const char** attrs) {
                                       if (name == "sheet") {
                                         sheets.emplace_back(
                                             std::string(XmlReader::Attr(attrs, "name")),
                                             std::string(XmlReader::Attr(attrs, "id")));
                                       }
                                     },
                                     nullptr, nullptr}));
  if (sheets.empty()) {
    return core::Status::InvalidArgument("missing_sheet", path + " 中没有工作表");
  }
  const std::pair<std::string, std::string>* chosen = &sheets[0];
  if (!wanted.empty()) {
    chosen = nullptr;
    std::string names;
    for (const auto& s : sheets) {
      if (s.first == wanted) chosen = &s;
      names += (names.empty() ? "" : "、") + s.first;
    }
    if (chosen == nullptr) {
      return core::Status::InvalidArgument(
          "missing_sheet", path + " 中没有名为“" + wanted + "”的工作表（现有：" + names + "）");
    }
  }
  EL_ASSIGN_OR_RETURN(const std::string rels, zip.ReadAll("xl/_rels/workbook.xml.rels"));
  std::string target;
  EL_RETURN_IF_ERROR(core::ParseXml("workbook.xml.rels", rels,
                                    {[&](std::string_view name, const char** attrs) {
                                       if (name == "Relationship" &&
                                           XmlReader::Attr(attrs, "Id") == chosen->second) {
                                         target = XmlReader::Attr(attrs, "Target");
                                       }
                                     },
                                     nullptr, nullptr}));
  if (target.empty()) {
    return core::Status::InvalidArgument("bad_xlsx", path + " 的工作表关系缺失");
  }
  *sheet_path = target.starts_with('/') ? target.substr(1) : "xl/" + target;
  *sheet_name = chosen->first;
  return core::Status::OK();
}

}  // namespace

core::Result<std::unique_ptr<XlsxReader>> XlsxReader::Open(const std::string& path,
                                                           const std::string& sheet) {
  std::unique_ptr<XlsxReader> r(new XlsxReader);
  r->path_ = path;
  EL_ASSIGN_OR_RETURN(core::ZipReader zip, core::ZipReader::Open(path));
  r->zip_ = std::make_unique<core::ZipReader>(std::move(zip));
  if (!r->zip_->Has("xl/workbook.xml")) {
    return core::Status::InvalidArgument("bad_xlsx",
                                         path + " 不是 Excel 工作簿（缺少 xl/workbook.xml）");
  }
  std::string sheet_path;
  EL_RETURN_IF_ERROR(FindSheet(*r->zip_, path, sheet, &sheet_path, &r->sheet_name_));
  EL_RETURN_IF_ERROR(ParseSharedStrings(*r->zip_, &r->shared_strings_));
  EL_RETURN_IF_ERROR(ParseStyles(*r->zip_, &r->date_styles_));
  EL_ASSIGN_OR_RETURN(core::ZipReader::Stream stream, r->zip_->OpenStream(sheet_path));
  r->stream_ = std::make_unique<core::ZipReader::Stream>(std::move(stream));
  XlsxReader* self = r.get();
  r->xml_ = std::make_unique<core::XmlReader>(
      path + ":" + sheet_path,
      core::XmlReader::Handlers{[self](std::string_view n, const char** a) { self->OnStart(n, a); },
                                [self](std::string_view n) { self->OnEnd(n); },
                                [self](std::string_view t) { self->OnText(t); }});
  return r;
}

XlsxReader::~XlsxReader() = default;

void XlsxReader::FailCell(std::string why) {
  if (!error_.ok()) return;
  error_ = core::Status::InvalidArgument(
      "bad_xlsx", path_ + " 工作表“" + sheet_name_ + "”的单元格 " + cell_ref_ + "：" + why);
}

void XlsxReader::OnStart(std::string_view name, const char** attrs) {
  if (!error_.ok()) return;
  if (name == "row") {
    in_row_ = true;
    building_ = PendingRow{};
    building_.number = ToInt(XmlReader::Attr(attrs, "r"), last_row_number_ + 1);
    last_row_number_ = building_.number;
  } else if (name == "c" && in_row_) {
    const std::string_view ref = XmlReader::Attr(attrs, "r");
    const int col = ColumnOfRef(ref);
    cell_col_ = col >= 0 ? col : static_cast<int>(building_.cells.size());
    cell_ref_ = !ref.empty() ? std::string(ref.substr(0, 16))
                             : ColumnLetter(std::min(cell_col_, kMaxColumns)) +
                                   std::to_string(building_.number);
    if (cell_col_ >= kMaxColumns) {
      cell_col_ = -1;
      return FailCell("列超出 Excel 的最大列 XFD（16384 列），文件已损坏或被篡改");
    }
    cell_type_ = XmlReader::Attr(attrs, "t");
    cell_style_ = static_cast<int>(ToInt(XmlReader::Attr(attrs, "s"), 0));
    cell_value_.clear();
  } else if (name == "rPh") {
    ++phonetic_depth_;
  } else if ((name == "v" || name == "t") && cell_col_ >= 0 && phonetic_depth_ == 0) {
    collecting_ = true;
  }
}

void XlsxReader::OnText(std::string_view text) {
  if (!collecting_ || !error_.ok()) return;
  if (cell_value_.size() + text.size() > kMaxCellBytes) {
    collecting_ = false;
    return FailCell("内容超过 Excel 单元格的上限（32767 个字符）");
  }
  cell_value_.append(text);
}

void XlsxReader::OnEnd(std::string_view name) {
  if (!error_.ok()) return;
  if (name == "v" || name == "t") {
    collecting_ = false;
  } else if (name == "rPh") {
    --phonetic_depth_;
  } else if (name == "c" && cell_col_ >= 0) {
    std::string value;
    bool numeric = false;
    if (cell_type_ == "s") {
      // A shared string that is not there is a broken file, never an empty cell: read as
      // empty, a 是 would become 否 in the store.
      const std::int64_t idx = ToInt(cell_value_, -1);
      if (shared_strings_.empty()) {
        return FailCell(
            "引用了共享字符串，但文件中没有共享字符串表（xl/sharedStrings.xml），文件已损坏");
      }
      if (idx < 0 || static_cast<std::size_t>(idx) >= shared_strings_.size() ||
          std::to_string(idx) != cell_value_) {
        return FailCell("引用了不存在的共享字符串“" + cell_value_.substr(0, 20) + "”（共 " +
                        std::to_string(shared_strings_.size()) + " 项），文件已损坏");
      }
      value = shared_strings_[static_cast<std::size_t>(idx)];
    } else if (cell_type_ == "b") {
      value = cell_value_ == "1" ? "TRUE" : "FALSE";
    } else if (cell_type_ == "str" || cell_type_ == "inlineStr" || cell_type_ == "e") {
      value = cell_value_;
    } else if (!cell_value_.empty()) {
      numeric = true;
      value = cell_value_;
      const bool date_style = cell_style_ >= 0 &&
                              static_cast<std::size_t>(cell_style_) < date_styles_.size() &&
                              date_styles_[static_cast<std::size_t>(cell_style_)];
      if (date_style) {
        auto date = core::Date::FromExcelSerial(std::strtod(cell_value_.c_str(), nullptr));
        if (date.ok()) {
          value = date->ToString();
          numeric = false;
        }
      }
    }
    const auto col = static_cast<std::size_t>(cell_col_);
    if (building_.cells.size() <= col) {
      building_.cells.resize(col + 1);
      building_.numeric.resize(col + 1, false);
    }
    building_.cells[col] = std::move(value);
    building_.numeric[col] = numeric;
    cell_col_ = -1;
  } else if (name == "row") {
    in_row_ = false;
    ready_.push_back(std::move(building_));
  }
}

core::Result<bool> XlsxReader::Next(Row* row) {
  char buf[1 << 16];
  while (true) {
    while (!ready_.empty()) {
      current_ = std::move(ready_.front());
      ready_.pop_front();
      row->number = current_.number;
      row->cells.clear();
      for (std::size_t i = 0; i < current_.cells.size(); ++i) {
        row->cells.push_back(Cell{current_.cells[i], current_.numeric[i]});
      }
      if (!row->blank()) return true;
    }
    if (finished_) return false;
    EL_ASSIGN_OR_RETURN(const std::size_t n, stream_->Read(buf, sizeof buf));
    finished_ = n == 0;
    EL_RETURN_IF_ERROR(xml_->Feed(std::string_view(buf, n), finished_));
    if (!error_.ok()) return error_;
  }
}

double XlsxReader::progress() const {
  if (!stream_ || stream_->size() == 0) return 1.0;
  return static_cast<double>(stream_->consumed()) / static_cast<double>(stream_->size());
}

std::string XlsxReader::description() const { return path_ + "（工作表“" + sheet_name_ + "”）"; }

}  // namespace eduledger::ingest
