// The values of a ledger case's fields: what a person types, checked and put in one canonical
// text per type, and shown back as people read it.
//
//   type      typed                       stored                shown
//   integer   "12", "１２"                 "12"                  12
//   money     "1,234.5", "1234.50元"       "123450" (分)          1234.50元
//   area      "1,280.5", "1280.5平方米"    "1280.50"             1280.50平方米
//   date      2026-3-1, 2026年3月1日       "2026-03-01"          2026年3月1日
//   choice    code or name                the option's code     the option's name
//   bool      是/否, true/false, 1/0       "true" / "false"      是 / 否
//   text      anything (trimmed)          as typed              as typed
//   link      resolved by the app layer (a student's, school's or case's id or code)
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "meta/ledger_type.h"

namespace eduledger::ledger {

// The canonical text of `typed` for `field`; InvalidArgument "bad_field_value" naming the field
// and what it expects. A link's value is returned trimmed (the app layer resolves it).
core::Result<std::string> NormalizeFieldValue(const meta::LedgerField& field,
                                              std::string_view typed);

// The stored value as people read it.
std::string DisplayFieldValue(const meta::LedgerField& field, std::string_view stored);

}  // namespace eduledger::ledger
