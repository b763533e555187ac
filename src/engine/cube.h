// Cube: the counts of every measure of a catalog for every school year, org unit and cell,
// and the value of any formula or rate read from them. Schools are counted from the
// snapshot's groups; every unit above holds the sum of its children (never an average).
//
// A collected figure (value(…)) with no value in a cell is "no value" (NaN), not 0: a unit
// above has a value when any unit below it has one. A ledger figure (cases(…), sum(…)) has
// a value in the years its ledger holds cases of, in the total cell only.
//
// Cells split a count: 0 total; 1 男, 2 女, 3 sex unknown; 4..18 grades -2..12. A table
// without a split (staff have no grade, classes no sex) leaves those cells at 0. A ledger
// figure's cells 1..12 are instead the months of its cases' period dates (MonthCell); a
// figure of the ledger as it stands (cases_now) has the total only. A ledger measure split by
// one of its cases' fields (Measure::split: state, category, level) has instead a cell per
// value of that field (SplitCell), for dated and current figures alike.
//
// A Cube reads the snapshot it was computed from, which must outlive it. It is immutable:
// reads are safe from several threads. Computing a large register uses every core.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/id_number.h"
#include "engine/compile.h"
#include "engine/measure_eval.h"
#include "engine/snapshot.h"

namespace eduledger::engine {

inline constexpr int kCellCount = 19;
inline constexpr int kCellTotal = 0;
int SexCell(core::Sex sex);
// The cell of month `month` (1–12) of a ledger figure.
inline int MonthCell(int month) { return month; }
// The cell of the cases of a split measure whose field stores `stored` (compile.h's
// SplitValueCount values at most, so that every one has a cell).
inline int SplitCell(std::uint64_t stored) { return 1 + static_cast<int>(stored); }
// The cell of a case with words `group_word` and `word` in a measure split by `field`.
inline int SplitCellOf(const Field& field, std::uint64_t group_word, std::uint64_t word) {
  return SplitCell(field.Get(field.scope == FieldScope::kGroup ? group_word : word));
}
int GradeCell(int grade);
// "合计", "男", "女", "性别不详", or the grade's name ("一年级"…).
std::string CellLabel(int cell);

// A ratio: numerator / denominator × factor. Without a denominator the value is the
// numerator × factor.
struct RatePlan {
  Formula numerator;
  Formula denominator;  // empty: none
  double factor = 1;
};

struct RateCell {
  double numerator = 0;    // NaN: no value
  double denominator = 0;  // NaN: no value, or no denominator
  double value = 0;        // NaN: no value (a zero or missing denominator)
  bool has_value() const { return value == value; }
};

// Where a slice of a ledger's sums adds a measure's cases: into the cube's cells, or listed
// for later (a thread other than the first, which may add to a cell the first adds to).
struct CaseSink {
  double* cells;
  std::vector<std::pair<std::size_t, double>>* later;
  void Add(std::size_t at, double v) const {
    if (later) {
      later->emplace_back(at, v);
    } else {
      cells[at] += v;
    }
  }
};

class Cube {
 public:
  // Count every measure of `catalog` (which must outlive the cube) over `snapshot`; collected
  // figures are the snapshot's approved values.
  static Cube Compute(const Snapshot& snapshot, const MeasureCatalog& catalog);
  // The same with the collected figures `values` (validation: stored values of any state,
  // with a form's pending values in place of its stored ones).
  static Cube Compute(const Snapshot& snapshot, const MeasureCatalog& catalog,
                      std::span<const ValueRow> values);

  // Measure `measure` in a cell; NaN when `year_idx` is outside the snapshot.
  double Count(std::uint32_t measure, int year_idx, std::uint32_t org, int cell) const;
  // For a comparison, `sides` (when given) receives the values of both sides.
  double Evaluate(const Formula& f, int year_idx, std::uint32_t org, int cell,
                  double* sides = nullptr) const;
  RateCell Rate(const RatePlan& plan, int year_idx, std::uint32_t org, int cell) const;
  // The same for units `orgs` taken together (no one above another): each measure summed over
  // them, then the formula evaluated, so a rate is Σ numerators ÷ Σ denominators. A collected
  // figure is no value when none of them has one. Empty `orgs`: no value.
  double Evaluate(const Formula& f, int year_idx, std::span<const std::uint32_t> orgs,
                  int cell) const;
  RateCell Rate(const RatePlan& plan, int year_idx, std::span<const std::uint32_t> orgs,
                int cell) const;

  // The same for every org unit and cell of a school year at once (the fast path for whole
  // tables): `out` gets org_count() × kCellCount values, org-major; index them with CellIndex.
  void EvaluateYear(const Formula& f, int year_idx, std::vector<double>* out) const;
  struct RateColumns {
    std::vector<double> numerator, denominator, value;
  };
  // `out` keeps its buffers between calls (a table of many rates reuses one).
  void RatesOfYear(const RatePlan& plan, int year_idx, RateColumns* out) const;
  static std::size_t CellIndex(std::uint32_t org, int cell) {
    return static_cast<std::size_t>(org) * kCellCount + static_cast<std::size_t>(cell);
  }

  // Incremental update: count the units `orgs` (schools) afresh from the snapshot, which
  // Snapshot::RefreshSchools has just changed for them, and carry the differences up to every
  // unit above; nothing else is recounted. Collected figures are left as they are. Not safe
  // while others read the cube.
  void Recount(std::span<const std::uint32_t> orgs);

  // Incremental update for one case Snapshot::UpdateCase has just changed: take the row as it
  // was out of every ledger measure of its ledger and put the row as it is in, in its unit and
  // every unit above (a few additions per measure, whatever the ledger's size). A change that
  // made a year hold cases recounts the ledger's measures whole. Not safe while others read.
  void RecountCase(const Snapshot::CaseChange& change);

  const Snapshot& snapshot() const { return *snapshot_; }
  const MeasureCatalog& catalog() const { return *catalog_; }

 private:
  static Cube Compute(const Snapshot& snapshot, const MeasureCatalog& catalog,
                      std::span<const ValueRow> values, bool approved_only);
  // The year index a measure op of a formula reads in school year `year_idx` (years_back
  // applied); -1 when that year is not held.
  int YearOf(const FormulaOp& op, int year_idx) const;
  // Count `measures` (of one table, with their `counters`) into counts_, on as many threads as
  // the machine has cores when the table is large.
  void CountGroups(const Table& table, std::span<const std::uint32_t> measures,
                   std::span<const MeasureCounter> counters);
  // Count groups [begin, end) of `table` (one slice of CountGroups).
  void CountSlice(const Table& table, std::span<const std::uint32_t> measures,
                  std::span<const MeasureCounter> counters, std::size_t begin, std::size_t end);
  // Add every unit's counts into its parent's, children first; `may_lack_values`: NaN is
  // "no value" (collected figures), not to be added.
  void RollUp(bool may_lack_values, std::vector<double>* counts) const;
  void SumValues(const MeasureCounter& counter, const Measure& m, std::span<const ValueRow> values,
                 bool approved_only, std::vector<double>* counts) const;
  // The measures of one ledger's cases (kCases), counted or a number column summed, into
  // their total and month cells, on as many threads as the machine has cores for a large ledger.
  void SumCases(std::span<const std::uint32_t> measures);
  // Make `measure` no value in the years whose previous school year is not held (it tests a
  // field known only then, field.h).
  void ForgetYearsWithoutPrevious(std::uint32_t measure);
  Cube(const Snapshot& s, const MeasureCatalog& c) : snapshot_(&s), catalog_(&c) {}
  std::size_t Index(int year_idx, std::uint32_t org, int cell) const {
    return (static_cast<std::size_t>(year_idx) * snapshot_->org_count() + org) * kCellCount +
           static_cast<std::size_t>(cell);
  }
  const Snapshot* snapshot_;
  const MeasureCatalog* catalog_;
  std::vector<std::vector<double>> counts_;  // [measure][(year, org, cell)]
};

}  // namespace eduledger::engine
