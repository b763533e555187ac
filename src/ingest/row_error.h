// RowError: one thing wrong with one cell of an imported file, precise enough for a clerk to
// find and fix it: the row as Excel numbers it, the column as the file names it, the value,
// a stable English reason code and a message in Chinese. ErrorList keeps the first `limit`
// errors and counts all of them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eduledger::ingest {

struct RowError {
  std::int64_t row = 0;  // 0 for errors about the whole file
  std::string column;    // "D列“身份证件号”"; empty when no single column is at fault
  std::string value;     // the cell as given
  std::string reason;    // "bad_check_character"
  std::string message;   // "校验码应为X，实为1"
};

class ErrorList {
 public:
  explicit ErrorList(std::size_t limit = 100) : limit_(limit) {}
  void Add(RowError error);
  const std::vector<RowError>& kept() const { return kept_; }
  std::int64_t count() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::size_t limit() const { return limit_; }
  // Sort the kept errors by row, then column.
  void SortByRow();

 private:
  std::size_t limit_;
  std::vector<RowError> kept_;
  std::int64_t count_ = 0;
};

}  // namespace eduledger::ingest
