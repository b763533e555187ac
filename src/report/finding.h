// Finding: one thing wrong, doubtful or unverifiable in a summary, with where it is, what the
// text says, what follows from the figures (or the records), and why, in one Chinese line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eduledger::report {

enum class Severity { kError, kWarning, kInfo };
std::string_view SeverityKey(Severity s);   // "error", "warning", "info"
std::string_view SeverityName(Severity s);  // "错误", "警告", "提示"

enum class FindingKind {
  kPlaceholder,         // a blank never filled in: **, XX, 20__, 202X
  kPartialFigure,       // a figure only partly filled: **.**亿元
  kRateMismatch,        // a rate that does not follow from the counts it is stated with
  kShareMismatch,       // 占 P% of a stated whole that does not follow
  kRateUnverifiable,    // a rate no stated pair of counts supports (nearest candidate shown)
  kPartsMismatch,       // parts that do not add up to the total they are listed under
  kPartsExceedTotal,    // parts that add up to more than their total
  kInconsistentRepeat,  // the same quantity stated twice with different values
  kRecordMismatch,      // a figure the records contradict
  kRecordsMissing,      // figures of a year the records do not hold: not compared
};
std::string_view FindingKindKey(FindingKind k);  // "placeholder", "rate_mismatch" …

// Another place a finding involves (the parts of a sum, the first statement of a repeat).
struct Place {
  int paragraph = 0;
  std::size_t begin = 0;  // byte range in that paragraph
  std::size_t end = 0;
  std::string text;
};

struct Finding {
  FindingKind kind = FindingKind::kPlaceholder;
  Severity severity = Severity::kError;
  int paragraph = 0;      // 1-based
  int line = 0;           // 1-based line of a text file; 0 for DOCX
  std::size_t begin = 0;  // byte range in the paragraph
  std::size_t end = 0;
  std::string text;                // the figure or blank as written
  std::optional<double> stated;    // the value the text gives
  std::optional<double> expected;  // the value that follows, when one does
  std::string unit;
  int decimals = 0;    // for printing stated and expected alike
  std::string reason;  // one line, in Chinese
  std::vector<Place> related;
  std::string query;  // for record checks: what was counted, and how to count it again
};

}  // namespace eduledger::report
