// The columns of a file of a ledger's cases (import, export and template alike), made from the
// ledger type: the case's number, its unit, state and days, then one column per field under the
// field's Chinese name, the student's name beside a student link, and one column per
// responsible person. An exported file imports again unchanged; a clerk's own sheet is read by
// the same headers and their aliases (身份证号 for the student of a 资助 payment).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ingest/columns.h"
#include "meta/ledger_type.h"

namespace eduledger::app {

enum class CaseColumnKind : std::uint8_t {
  kId,           // 事项编号: the stored case a row updates; empty for a new case
  kOrgCode,      // 单位代码
  kOrgName,      // 单位名称
  kState,        // 状态
  kOpened,       // 登记日期
  kStateSince,   // 状态日期: the day the case entered its state
  kField,        // one of the ledger's fields
  kPersonName,   // 姓名 of the student the ledger's student link names (checked, not stored)
  kResponsible,  // a responsible person (校长, 乡（镇）长 …): the person's name
};

struct CaseColumn {
  CaseColumnKind kind = CaseColumnKind::kField;
  std::string header;
  std::string key;
  std::string aliases;  // '|'-separated
  std::string hint;     // what the template's comment says
  std::vector<std::string> choices;
  const meta::LedgerField* field = nullptr;     // kField
  const meta::ResponsibleRole* role = nullptr;  // kResponsible
};

// The columns of `ledger`'s case files, in export order. They point into `ledger`.
std::vector<CaseColumn> CaseColumnsOf(const meta::LedgerType& ledger);

// The header words of `columns`, for ingest::ReadHeaderRow (they point into `columns`).
std::vector<ingest::HeaderWords> HeaderWordsOf(std::span<const CaseColumn> columns);

// The ledger's first link to a student, or nullptr.
const meta::LedgerField* StudentLinkOf(const meta::LedgerType& ledger);

}  // namespace eduledger::app
