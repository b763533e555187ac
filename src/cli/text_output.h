// Text output for people: numbers with thousands separators, tables aligned by display width
// (Chinese characters take two columns), and a progress line on a terminal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eduledger::cli {

// 31982 → "31,982".
std::string Thousands(std::int64_t n);
// "16.19" for numerator 1619 / denominator 100 rounded half-up to `decimals`; "—" for a zero
// denominator.
std::string Ratio(std::int64_t numerator, std::int64_t denominator, int decimals);

// A table printed with columns aligned; the first column is left-aligned, the others right.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string Render(std::string_view indent = "  ") const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

// A progress line on stderr ("读取校验  45%"), redrawn at most ten times a second; silent
// when stderr is not a terminal.
class ProgressLine {
 public:
  ProgressLine();
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  void Update(std::string_view phase, double fraction);
  void Clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::int64_t last_ms_ = 0;
  std::string last_phase_;
};

}  // namespace eduledger::cli
