// ValidationRule: a check run when a form is submitted (validation_rules.json), of the two
// kinds the national statistics use. A logical check (逻辑校验) is an error: a submission
// that breaks it is refused and nothing is stored. An empirical check (经验校验) is a warning:
// the submitter may keep the figures only with a written explanation.
//
// `check` is a comparison in the expression language (docs/expressions.md) that must hold,
// e.g. "value(exam_passed) <= value(exam_takers)"; it may read the register as well. A
// check whose sides have no value (a figure not filled) is skipped.
#pragma once

#include <string>

namespace eduledger::meta {

enum class RuleSeverity : unsigned char { kError, kWarning };

struct ValidationRule {
  std::string code;
  std::string name;
  std::string data_set;  // the form it guards
  RuleSeverity severity = RuleSeverity::kError;
  std::string check;
  std::string message;  // shown when the check fails (Chinese)
  std::string package;
};

}  // namespace eduledger::meta
