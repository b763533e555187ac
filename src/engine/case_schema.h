// CaseSchema: how the engine reads programme ledger cases (meta/ledger_type.h). Each ledger
// becomes a table of its own, named by its code, so cases(hazard, level = major) counts and
// sum(student_aid.amount, programme = boarding_subsidy) sums like any other measure
// (compile.h):
//
//   row word   state, every choice field (option index + 1; 0 unset), every yes/no field, and
//              the calendar year of every date field (in_year(found_on): the statistics year's
//              calendar year), as many as fit in 64 bits
//   group word the fields of the case's school (level, school type, urban-rural …), so a
//              filter may test them as a register count does
//   numbers    one column per integer, money (in 元) and area field, NaN when unset
//
// A case is counted in the statistics year whose calendar year holds its period date (the
// ledger's period field, else the day it was opened): money and events of a summary are
// quoted by calendar year (DOMAIN.md §2); a case whose period date is not set yet (a 大班额
// class not yet eliminated) is in no year's figures, only in those of cases as they stand
// (cases_now). A stock ledger (buildings, institutions) records
// things as they stand today and is counted in the latest statistics year held only.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "engine/field.h"
#include "meta/data_element.h"
#include "meta/ledger_type.h"
#include "store/cases.h"

namespace eduledger::engine {

// Calendar years of date fields are stored as year - kCaseYearBase (0: unset).
inline constexpr int kCaseYearBase = 1950;

struct CaseLedger {
  const meta::LedgerType* def = nullptr;
  // The row-word fields (state first) and the ledger field behind each (nullptr: the state).
  std::vector<Field> fields;
  std::vector<const meta::LedgerField*> sources;
  // Choice fields and the state as categories: option 0 is "unset", option i + 1 the ledger's
  // option i.
  std::deque<meta::Category> categories;
  // The number columns: integer, money and area fields.
  std::vector<const meta::LedgerField*> numbers;
  // The link fields to a student: one column each of the student linked (the 资助 payment's
  // pupil), so that a case is joined to the register without a lookup (student_links.h).
  std::vector<const meta::LedgerField*> student_links;
  const meta::LedgerField* period = nullptr;  // a date field; nullptr: the opening day
  std::unique_ptr<Layout> layout;
  // Fields left out of the row word because it was full (a package check reports them).
  std::vector<std::string> left_out;
};

// The period of ledger `l`'s figures in statistics year `year`, as people read it:
// "2026年1月1日—2026年12月31日，按发现日期计", or for a stock ledger "台账现状".
std::string CasePeriodLabel(const CaseLedger& l, int year);

class CaseSchema {
 public:
  // The schema of `ledgers` (which must outlive it).
  explicit CaseSchema(std::span<const meta::LedgerType> ledgers);
  CaseSchema() = default;

  // The index of the ledger with `code`, or -1.
  int Find(std::string_view code) const;
  const CaseLedger& ledger(std::size_t i) const { return ledgers_[i]; }
  std::size_t size() const { return ledgers_.size(); }
  // The number column of field `code` of ledger `i`, or -1.
  int NumberColumn(std::size_t i, std::string_view code) const;
  // The student link column of field `code` of ledger `i`, or -1.
  int StudentLinkColumn(std::size_t i, std::string_view code) const;

  // A stored case of ledger `i` as the engine reads it.
  struct Row {
    std::uint64_t word = 0;
    std::vector<double> numbers;         // one per number column
    std::vector<std::int64_t> students;  // one per student link: the student's store id, 0 unset
    core::Date period;                   // the day that places it in a year (null: none)
  };
  Row Read(std::size_t i, const store::Case& c) const;

 private:
  std::deque<CaseLedger> ledgers_;  // stable addresses: layouts point into them
};

}  // namespace eduledger::engine
