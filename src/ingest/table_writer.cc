#include "ingest/table_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/file.h"
#include "core/text.h"
#include "ingest/xlsx_output_internal.h"

namespace eduledger::ingest {

namespace {

core::Status CannotWrite(const std::string& path, std::string_view why) {
  return core::Status::Unavailable("cannot_write", "无法写入 " + path + "：" + std::string(why));
}

}  // namespace

std::string XlsxWriterErrorText(int error) {
  const auto e = static_cast<lxw_error>(error);
  switch (e) {
    case LXW_ERROR_CREATING_XLSX_FILE:
      return "无法创建文件（" + core::SystemErrorText(errno) + "）";
    case LXW_ERROR_CREATING_TMPFILE:
      return "无法创建临时文件（" + core::SystemErrorText(errno) + "）";
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return "内存不足";
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return "单元格内容超过 Excel 的上限（32767 个字符）";
    default:
      return "写入 XLSX 失败（错误代码 " + std::to_string(static_cast<int>(e)) + "，" +
             core::SystemErrorText(errno) + "）";
  }
}

namespace {

std::string TempPath(const std::string& path) {
  return path + ".part" + std::to_string(::getpid());
}

class CsvWriter final : public TableWriter {
 public:
  static core::Result<std::unique_ptr<TableWriter>> Create(const std::string& path) {
    auto w = std::unique_ptr<CsvWriter>(new CsvWriter(path));
    w->file_ = std::fopen(w->tmp_.c_str(), "wb");
    if (w->file_ == nullptr) return CannotWrite(path, core::SystemErrorText(errno));
    std::fputs("\xEF\xBB\xBF", w->file_);
    return std::unique_ptr<TableWriter>(std::move(w));
  }
  ~CsvWriter() override {
    if (file_ != nullptr) {
      std::fclose(file_);
      std::remove(tmp_.c_str());
    }
  }
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  core::Status WriteRow(std::span<const std::string> cells) override {
    line_.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line_.push_back(',');
      line_ += CsvField(cells[i]);
    }
    line_ += "\r\n";
    if (std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size()) {
      return CannotWrite(path_, core::SystemErrorText(errno));
    }
    return core::Status::OK();
  }

  core::Status Close() override {
    const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok || !closed || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
      const core::Status s = CannotWrite(path_, core::SystemErrorText(errno));
      std::remove(tmp_.c_str());
      return s;
    }
    return core::Status::OK();
  }

 private:
  explicit CsvWriter(std::string path) : path_(std::move(path)), tmp_(TempPath(path_)) {}
  std::string path_;
  std::string tmp_;
  std::FILE* file_ = nullptr;
  std::string line_;
};

class XlsxWriter final : public TableWriter {
 public:
  static core::Result<std::unique_ptr<TableWriter>> Create(const std::string& path,
                                                           std::string_view sheet) {
    auto w = std::unique_ptr<XlsxWriter>(new XlsxWriter(path));
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;  // rows stream to a temporary file
    w->workbook_ = workbook_new_opt(w->tmp_.c_str(), &options);
    if (w->workbook_ == nullptr) return CannotWrite(path, "无法创建工作簿");
    const std::string name(sheet);
    w->sheet_ = workbook_add_worksheet(w->workbook_, name.empty() ? nullptr : name.c_str());
    w->header_ = workbook_add_format(w->workbook_);
    format_set_bold(w->header_);
    w->text_ = workbook_add_format(w->workbook_);
    format_set_num_format(w->text_, "@");
    return std::unique_ptr<TableWriter>(std::move(w));
  }
  ~XlsxWriter() override {
    if (workbook_ != nullptr) {
      workbook_close(workbook_);
      std::remove(tmp_.c_str());
    }
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  core::Status WriteRow(std::span<const std::string> cells) override {
    if (row_ == 0) {
      widths_.assign(cells.size(), 8.0);
      worksheet_freeze_panes(sheet_, 1, 0);
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      const lxw_error e =
          worksheet_write_string(sheet_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(c),
                                 cells[c].c_str(), row_ == 0 ? header_ : text_);
      if (e != LXW_NO_ERROR) return CannotWrite(path_, XlsxWriterErrorText(e));
      if (row_ < 200 && c < widths_.size()) {
        const double w = static_cast<double>(core::DisplayWidth(cells[c])) + 2;
        if (w > widths_[c]) widths_[c] = w;
      }
    }
    ++row_;
    return core::Status::OK();
  }

  core::Status Close() override {
    // Column widths are known only now; in constant-memory mode they may still be set.
    for (std::size_t c = 0; c < widths_.size(); ++c) {
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           widths_[c] > 40 ? 40 : widths_[c], nullptr);
    }
    lxw_workbook* wb = workbook_;
    workbook_ = nullptr;
    return internal::CloseWorkbookInto(wb, LXW_NO_ERROR, path_);
  }

 private:
  explicit XlsxWriter(std::string path)
      : path_(std::move(path)), tmp_(internal::TempXlsxPath(path_)) {}
  std::string path_;
  std::string tmp_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;
  std::size_t row_ = 0;
  std::vector<double> widths_;
};

}  // namespace

bool StartsLikeAFormula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string CsvField(std::string_view text) {
  const std::string guard = StartsLikeAFormula(text) ? "'" : "";
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return guard + std::string(text);
  std::string out = "\"" + guard;
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

core::Result<std::unique_ptr<TableWriter>> CreateTable(const std::string& path,
                                                       std::string_view sheet) {
  const std::string ext = core::FileExtension(path);
  if (ext == "csv") return CsvWriter::Create(path);
  if (ext == "xlsx") return XlsxWriter::Create(path, sheet);
  return core::Status::InvalidArgument("unsupported_format", path + "：导出只支持 .csv 和 .xlsx");
}

namespace internal {

std::string TempXlsxPath(const std::string& path) {
  return path + ".part" + std::to_string(::getpid()) + ".xlsx";
}

core::Status CloseWorkbookInto(lxw_workbook* wb, lxw_error pending, const std::string& path) {
  const std::string tmp = TempXlsxPath(path);
  const lxw_error closed = workbook_close(wb);
  if (pending != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    return CannotWrite(path, XlsxWriterErrorText(pending != LXW_NO_ERROR ? pending : closed));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    return CannotWrite(path, core::SystemErrorText(err));
  }
  return core::Status::OK();
}

}  // namespace internal

}  // namespace eduledger::ingest
