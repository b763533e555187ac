// LedgerType: a programme ledger (台账) as data in a metadata package (ledgers/<code>.json): the
// typed fields of its cases, the workflow they follow, and the responsible persons a case
// names (the 行政线 and 教育线 of 七长责任制). A bureau adds a ledger without a rebuild.
//
// Each case belongs to an org unit (a school, or a township for a case not yet placed) and
// has a state of the workflow; `views` name parts of the ledger by state, `entries` the logs
// kept on each case.
//
//   field types   text, integer, money (stored in 分, written in 元), area (平方米, two
//                 decimals), date, choice (from the field's options), bool (是/否), and link
//                 (to a student, school, staff member, building or another case)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meta/workflow.h"

namespace eduledger::meta {

enum class FieldType : std::uint8_t {
  kText,
  kInteger,
  kMoney,
  kArea,
  kDate,
  kChoice,
  kBool,
  kLink
};
std::string_view FieldTypeKey(FieldType t);   // "text", "money" …
std::string_view FieldTypeName(FieldType t);  // "文本", "金额（元）" …
std::optional<FieldType> ParseFieldType(std::string_view key);
// A field whose values are numbers summed and compared as such (integer, money, area).
inline bool IsNumberField(FieldType t) {
  return t == FieldType::kInteger || t == FieldType::kMoney || t == FieldType::kArea;
}

// What a link field points at.
enum class LinkTarget : std::uint8_t { kStudent, kSchool, kStaff, kBuilding, kCase };
std::string_view LinkTargetKey(LinkTarget t);   // "student" …
std::string_view LinkTargetName(LinkTarget t);  // "学生" …
std::optional<LinkTarget> ParseLinkTarget(std::string_view key);

struct FieldOption {
  std::string code;
  std::string name;
};

struct LedgerField {
  std::string code;
  std::string name;
  FieldType type = FieldType::kText;
  bool required = false;                   // on every case, from its opening
  std::vector<FieldOption> options;        // kChoice
  LinkTarget link = LinkTarget::kStudent;  // kLink
  std::string link_ledger;                 // kLink to a case: that ledger's code

  const FieldOption* Option(std::string_view code_or_name) const;
};

// A line of responsibility: 行政线 (县长 → 乡镇长 → 村主任) or 教育线 (局长 → 校长 → 班主任).
struct ResponsibleRole {
  std::string code;  // "township_head"
  std::string name;  // "乡（镇）长"
  std::string line;  // "行政线" | "教育线" | other text the bureau uses
};

// A named part of a ledger by state: the 疑似辍学学生台账 of the 控辍保学 cases is those in
// state suspected.
struct LedgerView {
  std::string code;
  std::string name;
  std::vector<std::string> states;
};

// A log kept on each case, one entry per event (劝返记录: date, who, how, outcome, level).
struct LedgerEntryType {
  std::string code;
  std::string name;
  std::vector<LedgerField> fields;
};

struct LedgerType {
  std::string code;
  std::string name;
  std::string description;
  std::vector<LedgerField> fields;
  Workflow workflow;
  std::vector<ResponsibleRole> responsible;
  std::vector<LedgerView> views;
  std::vector<LedgerEntryType> entries;
  // The date field that places a case in a year for the ledger's figures (found_on, paid_on);
  // empty: the day the case was opened. A stock ledger (buildings, institutions) records
  // things as they stand and has no period: its figures are of the latest year only.
  std::string period;
  bool stock = false;
  std::string package;
  std::string source;  // the file it was read from

  // The field with `code_or_name` (隐患等级 or level), or nullptr.
  const LedgerField* Field(std::string_view code_or_name) const;
};

}  // namespace eduledger::meta
