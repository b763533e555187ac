#include "ingest/csv_reader.h"

#include <array>

#include "core/text.h"
#include "ingest/table_writer.h"

namespace eduledger::ingest {

namespace {

// Pick the delimiter that splits the first line into the most fields, outside quotes.
char DetectDelimiter(std::string_view text) {
  std::array<int, 3> counts{};  // , \t ;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ',') ++counts[0];
    if (c == '\t') ++counts[1];
    if (c == ';') ++counts[2];
  }
  if (counts[1] > counts[0] && counts[1] >= counts[2]) return '\t';
  if (counts[2] > counts[0] && counts[2] > counts[1]) return ';';
  return ',';
}

}  // namespace

bool Row::blank() const {
  for (const Cell& c : cells) {
    if (!core::TrimSpace(c.text).empty()) return false;
  }
  return true;
}

core::Result<std::unique_ptr<CsvReader>> CsvReader::FromBytes(std::string name, std::string bytes) {
  std::unique_ptr<CsvReader> r(new CsvReader);
  r->name_ = std::move(name);
  r->bytes_holder_ = std::move(bytes);
  EL_RETURN_IF_ERROR(r->Init(r->bytes_holder_));
  return r;
}

core::Status CsvReader::Init(std::string_view bytes) {
  auto decoded = core::DecodeText(bytes);
  if (!decoded.ok()) return decoded.status().WithContext(name_);
  decoded_ = std::move(decoded).value();
  // A moved std::string keeps its buffer unless it was small; re-point to be safe.
  if (!decoded_.storage.empty()) decoded_.text = decoded_.storage;
  text_ = decoded_.text;
  delimiter_ = DetectDelimiter(text_);
  return core::Status::OK();
}

double CsvReader::progress() const {
  return text_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(text_.size());
}

std::string CsvReader::description() const {
  const char* delim = delimiter_ == '\t'  ? "制表符分隔"
                      : delimiter_ == ';' ? "分号分隔"
                                          : "逗号分隔";
  return name_ + "（" + std::string(core::EncodingName(decoded_.encoding)) + "，" + delim + "）";
}

core::Result<bool> CsvReader::Next(Row* row) {
  while (pos_ < text_.size()) {
    row->cells.clear();
    scratch_.clear();
    pending_.clear();
    const std::size_t record_start = pos_;
    ++record_;
    row->number = record_;
    bool end_of_record = false;
    while (!end_of_record) {
      std::size_t i = pos_;
      if (i < text_.size() && text_[i] == '"') {
        // Quoted field: find the closing quote, skipping doubled ones.
        const std::size_t content = i + 1;
        std::size_t j = content;
        bool has_escapes = false;
        while (true) {
          const std::size_t q = text_.find('"', j);
          if (q == std::string_view::npos) {
            return core::Status::InvalidArgument(
                "unterminated_quote",
                name_ + " 第" + std::to_string(record_) + "行：引号没有闭合（从文件第" +
                    std::to_string(core::LineOfOffset(text_, record_start)) + "行开始）");
          }
          if (q + 1 < text_.size() && text_[q + 1] == '"') {
            has_escapes = true;
            j = q + 2;
            continue;
          }
          j = q;
          break;
        }
        const std::string_view field = text_.substr(content, j - content);
        if (has_escapes) {
          const std::size_t start = scratch_.size();
          for (std::size_t k = 0; k < field.size(); ++k) {
            scratch_.push_back(field[k]);
            if (field[k] == '"') ++k;
          }
          pending_.push_back(PendingCell{true, start, scratch_.size() - start});
        } else {
          pending_.push_back(PendingCell{false, content, field.size()});
        }
        i = j + 1;
        // Text after the closing quote up to the delimiter is dropped, as Excel does.
        while (i < text_.size() && text_[i] != delimiter_ && text_[i] != '\n' && text_[i] != '\r')
          ++i;
      } else {
        std::size_t j = i;
        while (j < text_.size() && text_[j] != delimiter_ && text_[j] != '\n' && text_[j] != '\r')
          ++j;
        pending_.push_back(PendingCell{false, i, j - i});
        i = j;
      }
      if (i >= text_.size()) {
        pos_ = text_.size();
        end_of_record = true;
      } else if (text_[i] == delimiter_) {
        pos_ = i + 1;
        if (pos_ == text_.size()) {
          pending_.push_back(PendingCell{false, pos_, 0});
          end_of_record = true;
        }
      } else {
        if (text_[i] == '\r') ++i;
        if (i < text_.size() && text_[i] == '\n') ++i;
        pos_ = i;
        end_of_record = true;
      }
    }
    // scratch_ is complete now: views into it stay valid until the next row.
    for (const PendingCell& p : pending_) {
      const std::string_view base = p.in_scratch ? std::string_view(scratch_) : text_;
      std::string_view cell = base.substr(p.offset, p.size);
      // The apostrophe an export put before a formula-like value (CsvField) is not data.
      if (cell.size() > 1 && cell.front() == '\'' && StartsLikeAFormula(cell.substr(1))) {
        cell.remove_prefix(1);
      }
      row->cells.push_back(Cell{cell, false});
    }
    if (!row->blank()) return true;
  }
  return false;
}

}  // namespace eduledger::ingest
