#include "report/finding.h"

namespace eduledger::report {

std::string_view SeverityKey(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "?";
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "错误";
    case Severity::kWarning:
      return "警告";
    case Severity::kInfo:
      return "提示";
  }
  return "?";
}

std::string_view FindingKindKey(FindingKind k) {
  switch (k) {
    case FindingKind::kPlaceholder:
      return "placeholder";
    case FindingKind::kPartialFigure:
      return "partial_figure";
    case FindingKind::kRateMismatch:
      return "rate_mismatch";
    case FindingKind::kShareMismatch:
      return "share_mismatch";
    case FindingKind::kRateUnverifiable:
      return "rate_unverifiable";
    case FindingKind::kPartsMismatch:
      return "parts_mismatch";
    case FindingKind::kPartsExceedTotal:
      return "parts_exceed_total";
    case FindingKind::kInconsistentRepeat:
      return "inconsistent_repeat";
    case FindingKind::kRecordsMissing:
      return "records_missing";
    case FindingKind::kRecordMismatch:
      return "record_mismatch";
  }
  return "?";
}

}  // namespace eduledger::report
