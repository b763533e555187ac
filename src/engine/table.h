// Table: one columnar table of the snapshot (students, staff, classes). Rows are grouped by
// school, school year and (where the table has them) grade and sex; a group's attributes are
// packed once into its word, each row's own attributes into a row word (field.h). Rows of a
// group are contiguous, so a count over a group whose filter tests only group fields costs
// nothing per row.
//
// Read-only once built, so it may be read from several threads.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/case_cells.h"
#include "engine/field.h"

namespace eduledger::engine {

struct Group {
  std::uint64_t word = 0;   // group fields (field.h)
  std::uint32_t begin = 0;  // rows [begin, end)
  std::uint32_t end = 0;
  std::uint32_t org = 0;   // org-unit index of the school
  std::uint16_t year = 0;  // school-year index
  std::uint32_t size() const { return end - begin; }
};

struct Table {
  const Layout* layout = nullptr;
  std::vector<Group> groups;
  std::vector<std::uint64_t> words;    // one per row
  std::vector<std::uint32_t> records;  // one per row: the record it stands for (provenance)

  std::size_t MemoryBytes() const {
    return groups.capacity() * sizeof(Group) + words.capacity() * sizeof(std::uint64_t) +
           records.capacity() * sizeof(std::uint32_t);
  }
};

// The cases of one programme ledger (case_schema.h), in store order. A row is wider than one
// word: its row word, its school's group word and its number columns.
struct CaseRows {
  std::vector<std::uint64_t> group_words;  // the school's fields (no grade, no sex)
  std::vector<std::uint64_t> words;        // CaseSchema::Row::word
  std::vector<std::uint32_t> orgs;         // org-unit index
  std::vector<std::uint16_t> years;        // school-year index, or kUndated
  std::vector<std::uint8_t> months;        // the period date's month, 1–12; 0: none (stock)
  std::vector<std::int64_t> ids;           // store ids
  bool ids_in_order = true;  // ascending (a store scans them so): a case is found by bisection
  std::vector<std::vector<double>> numbers;  // [column][row], NaN unset
  // [student link][row]: the record of the student linked (Snapshot::StudentRecord), kNoRecord
  // when unset or not in the register.
  std::vector<std::vector<std::uint32_t>> student_records;
  std::vector<bool> year_has_cases;  // [year index]: any case counted or opened in it
  CaseCells cells;                   // the rows grouped, when they fall into few cells
  std::size_t size() const { return ids.size(); }
  // The cell of row `i` (CaseCells).
  CaseCells::Key CellOf(std::size_t i) const {
    return {.group_word = group_words[i],
            .word = words[i],
            .org = orgs[i],
            .year = years[i],
            .month = months[i]};
  }

  // The year of a case whose period date is not set yet (a 大班额 class not yet eliminated, by
  // 化解日期): in no year's figures, but counted as it stands today (cases_now).
  static constexpr std::uint16_t kUndated = 0xFFFF;
  static constexpr std::uint32_t kNoRecord = 0xFFFFFFFF;

  std::size_t MemoryBytes() const {
    std::size_t n = (group_words.capacity() + words.capacity()) * sizeof(std::uint64_t) +
                    orgs.capacity() * sizeof(std::uint32_t) +
                    years.capacity() * sizeof(std::uint16_t) + months.capacity() +
                    ids.capacity() * sizeof(std::int64_t);
    for (const std::vector<double>& c : numbers) n += c.capacity() * sizeof(double);
    for (const auto& c : student_records) n += c.capacity() * sizeof(std::uint32_t);
    return n + cells.MemoryBytes();
  }
};

}  // namespace eduledger::engine
