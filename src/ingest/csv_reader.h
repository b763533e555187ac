// CsvReader: delimited text as Excel writes and reads it (RFC 4180): fields separated by a
// comma, tab or semicolon (detected from the first line), optionally quoted with '"', quotes
// doubled inside quotes, quoted fields may span lines, CRLF or LF line ends. Row numbers count
// records, as Excel shows them. The text is decoded first (core/text_codec.h).
#pragma once

#include "core/text_codec.h"
#include "ingest/table_reader.h"

namespace eduledger::ingest {

class CsvReader final : public TableReader {
 public:
  // Read delimited text from `bytes`, the file's raw bytes. `name` names the source in
  // messages.
  static core::Result<std::unique_ptr<CsvReader>> FromBytes(std::string name, std::string bytes);

  core::Result<bool> Next(Row* row) override;
  double progress() const override;
  std::string description() const override;

  char delimiter() const { return delimiter_; }
  core::Encoding encoding() const { return decoded_.encoding; }

 private:
  CsvReader() = default;
  core::Status Init(std::string_view bytes);

  std::string name_;
  std::string bytes_holder_;
  core::DecodedText decoded_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::int64_t record_ = 0;
  char delimiter_ = ',';
  struct PendingCell {
    bool in_scratch;
    std::size_t offset;
    std::size_t size;
  };
  std::string scratch_;  // unescaped quoted fields of the current row
  std::vector<PendingCell> pending_;
};

}  // namespace eduledger::ingest
