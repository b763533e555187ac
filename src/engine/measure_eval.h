// Counting a measure's rows group by group: the engine's hot loop. A measure's clauses are
// made ready once per school year (ages become birth-day ranges of that year); a group whose
// group fields fail every clause costs nothing per row, and one whose passing clause tests no
// row field costs nothing per row either.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/measure.h"
#include "engine/snapshot.h"

namespace eduledger::engine {

class MeasureCounter {
 public:
  MeasureCounter(const Snapshot& snapshot, const Measure& measure);

  // The rows of `g` (of the measure's table) that pass.
  std::uint64_t Count(const Group& g) const;
  // Whether a row word of school year `year_idx` passes, for a measure whose filter tests row
  // fields only (a collected figure's categories).
  bool RowPasses(int year_idx, std::uint64_t word) const;
  // Whether one row of `g` passes (for provenance; Count is the fast path).
  bool Passes(const Group& g, std::uint64_t row_word) const;

  // A year's filter when it is one clause of equalities: a row passes when both of its words,
  // masked, give the values (a loop over many ungrouped rows, as a ledger's cases are, tests it
  // without a branch). `never`: no row of the year passes.
  struct Masks {
    bool never = false;
    std::uint64_t group_mask = 0, group_value = 0;
    std::uint64_t row_mask = 0, row_value = 0;
  };
  std::optional<Masks> AsMasks(int year_idx) const;

  const Table& table() const { return *table_; }

 private:
  struct Ready {
    std::uint8_t kind;
    std::uint8_t shift;
    std::uint64_t field_mask;  // unshifted
    std::uint64_t bits;        // kNe: shifted mask; kAnyBits/kNoBits: shifted bits
    std::uint64_t value;       // kNe: shifted value
    std::uint64_t lo;
    std::uint64_t span;
  };
  struct ReadyClause {
    bool never = false;
    std::uint64_t group_mask = 0, group_value = 0;
    std::uint64_t row_mask = 0, row_value = 0;
    std::vector<Ready> group_tests;
    std::vector<Ready> row_tests;
  };

  static ReadyClause Prepare(const Clause& c, int school_year);
  static bool Pass(const Ready& t, std::uint64_t w);
  static bool GroupPass(const ReadyClause& c, std::uint64_t w);
  static bool RowPass(const ReadyClause& c, std::uint64_t w);
  static std::uint64_t CountRows(const ReadyClause& c, const std::uint64_t* w, std::size_t n);

  const Table* table_;
  std::vector<std::vector<ReadyClause>> by_year_;  // [year index][clause]
};

// Call fn(row, year_idx, value) for each case of rows [begin, end) of measure `m` (kCases,
// counted by `counter`) that passes, in store order: the year it is counted in, and 1 or the
// number summed (rows whose number is unset are skipped).
template <class Fn>
void ForEachCountedIn(const Snapshot& s, const Measure& m, const MeasureCounter& counter,
                      std::size_t begin, std::size_t end, Fn fn) {
  if (!s.case_schema() || s.years().empty()) return;
  const CaseRows& rows = s.cases(m.element);
  const auto latest = static_cast<std::uint16_t>(s.years().size() - 1);
  const double* column =
      m.column < 0 ? nullptr : rows.numbers[static_cast<std::size_t>(m.column)].data();
  for (std::size_t i = begin; i < end; ++i) {
    if (!m.current && rows.years[i] == CaseRows::kUndated) continue;
    Group g;
    g.word = rows.group_words[i];
    g.year = m.current ? latest : rows.years[i];
    if (!counter.Passes(g, rows.words[i])) continue;
    const double v = column ? column[i] : 1;
    if (v == v) fn(i, static_cast<int>(g.year), v);
  }
}

// The same for every case of the ledger.
template <class Fn>
void ForEachCounted(const Snapshot& s, const Measure& m, const MeasureCounter& counter, Fn fn) {
  if (!s.case_schema()) return;
  ForEachCountedIn(s, m, counter, 0, s.cases(m.element).size(), fn);
}

}  // namespace eduledger::engine
