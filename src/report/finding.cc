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
    case FindingKind::kRecordMismatch:
      return "record_mismatch";
  }
  return "?";
}

std::string_view FindingKindName(FindingKind k) {
  switch (k) {
    case FindingKind::kPlaceholder:
      return "未填写的占位符";
    case FindingKind::kPartialFigure:
      return "数字未填写完整";
    case FindingKind::kRateMismatch:
      return "比率与数字不符";
    case FindingKind::kShareMismatch:
      return "占比与数字不符";
    case FindingKind::kRateUnverifiable:
      return "比率无法核实";
    case FindingKind::kPartsMismatch:
      return "分项之和与总数不符";
    case FindingKind::kPartsExceedTotal:
      return "分项之和超过总数";
    case FindingKind::kInconsistentRepeat:
      return "同一数字前后不一";
    case FindingKind::kRecordMismatch:
      return "与台账记录不符";
  }
  return "?";
}

}  // namespace eduledger::report
