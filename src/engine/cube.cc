#include "engine/cube.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <thread>

#include "engine/no_value.h"
#include "engine/row_tables.h"
#include "meta/grade.h"

namespace eduledger::engine {

namespace {

constexpr int kFirstGradeCell = 4;
// Below this many groups per thread a table is counted on the calling thread alone.
constexpr std::size_t kGroupsPerThread = 20000;
// Below this many cases per thread a ledger is summed on the calling thread alone.
constexpr std::size_t kCasesPerThread = 200000;

// The cells a group adds to, besides the total: its sex and its grade (-1: none).
void GroupCells(std::uint64_t word, int* sex_cell, int* grade_cell) {
  static const Field& grade = GroupField("grade");
  static const Field& sex = GroupField("sex");
  const auto s = static_cast<int>(sex.Get(word));
  const auto g = static_cast<int>(grade.Get(word));
  *sex_cell = s == kNoSex ? -1 : SexCell(static_cast<core::Sex>(s));
  *grade_cell = g == kNoGrade ? -1 : kFirstGradeCell + g;
}

// numerator / denominator × factor; no value for a zero or missing denominator.
double RateValue(double numerator, double denominator, double factor) {
  return denominator == 0 || std::isnan(denominator) || std::isnan(numerator)
             ? kNoValue
             : numerator / denominator * factor;
}

// Call fn(measures, counters) for each table of rows (row_tables.h) that some measure of
// `catalog` counts, with those measures and a counter for each.
template <class Fn>
void ForEachRowTable(const Snapshot& snapshot, const MeasureCatalog& catalog, Fn fn) {
  const std::vector<Measure>& measures = catalog.measures();
  for (const RowTableSpec& spec : RowTables()) {
    const MeasureTable table = spec.table;
    std::vector<std::uint32_t> of_table;
    std::vector<MeasureCounter> counters;
    for (std::uint32_t m = 0; m < measures.size(); ++m) {
      if (measures[m].table != table) continue;
      of_table.push_back(m);
      counters.emplace_back(snapshot, measures[m]);
    }
    if (!counters.empty()) fn(of_table, counters);
  }
}

// The cell besides the total a case adds to in ledger measure `m`: its split field's value,
// or its period month; 0: none (a figure as the ledger stands, or a case without a month).
int CaseCellOf(const Measure& m, const CaseCells::Key& row) {
  if (m.split) return SplitCellOf(*m.split, row.group_word, row.word);
  return !m.current && row.month > 0 ? MonthCell(row.month) : 0;
}

// The columns of a ledger's case rows, or of its cells, that a pass over them reads.
struct CaseColumns {
  const std::uint64_t* words;
  const std::uint64_t* group_words;
  const std::uint16_t* years;
  const std::uint32_t* orgs;
  const std::uint8_t* months;
  const double* counts;  // the rows of each cell; null: rows, each one
  std::size_t size;
  std::size_t org_count;
  std::uint16_t latest;  // the index of the latest year held
};

// A measure whose filter is one mask test per year, and where its sums go.
struct MaskedMeasure {
  const MeasureCounter::Masks* masks;  // [year index]
  const double* column;                // the number summed; null: each row counts 1
  std::size_t sink;                    // in a slice's sinks
  const Field* split = nullptr;        // Measure::split
  bool current = false;                // Measure::current
};

// The most masked measures one pass sums together.
constexpr std::size_t kMeasuresPerPass = 4;

// Sum the rows [begin, end) into each of `of`'s cells in one pass: a run of rows of one cell
// (year, unit; month), as consecutive rows most often are (one school, one day of payment), is
// summed in registers and added when the cell changes. kCurrent: every row counts in the
// latest year, in no month.
template <std::size_t kMeasures, bool kCurrent, bool kGroup>
void SumMasked(const CaseColumns& c, const MaskedMeasure* of, const CaseSink* sinks,
               std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end;) {
    const std::uint16_t year = kCurrent ? c.latest : c.years[i];
    if (!kCurrent && year == CaseRows::kUndated) {
      ++i;
      continue;
    }
    const std::uint32_t org = c.orgs[i];
    const std::uint8_t month = kCurrent ? 0 : c.months[i];
    // The run's tests and sums as locals, kept in registers by the loop below.
    std::array<MeasureCounter::Masks, kMeasures> tests;
    std::array<const double*, kMeasures> columns;
    std::array<double, kMeasures> sums{};
    for (std::size_t k = 0; k < kMeasures; ++k) {
      tests[k] = of[k].masks[year];
      columns[k] = of[k].column;
    }
    for (; i < end; ++i) {
      if (c.orgs[i] != org) break;
      if constexpr (!kCurrent) {
        if (c.years[i] != year || c.months[i] != month) break;
      }
      const std::uint64_t word = c.words[i];
      const std::uint64_t group_word = kGroup ? c.group_words[i] : 0;
      for (std::size_t k = 0; k < kMeasures; ++k) {
        bool pass = (word & tests[k].row_mask) == tests[k].row_value;
        if constexpr (kGroup) pass &= (group_word & tests[k].group_mask) == tests[k].group_value;
        const double v = columns[k] != nullptr ? columns[k][i] : 1;
        sums[k] += pass && v == v ? v : 0;  // without a branch
      }
    }
    const std::size_t at = (static_cast<std::size_t>(year) * c.org_count + org) * kCellCount;
    for (std::size_t k = 0; k < kMeasures; ++k) {
      if (sums[k] == 0) continue;  // its cells were made 0 where rows may pass
      sinks[of[k].sink].Add(at + kCellTotal, sums[k]);
      if (month > 0) sinks[of[k].sink].Add(at + MonthCell(month), sums[k]);
    }
  }
}

template <std::size_t kMeasures>
void SumMaskedOf(const CaseColumns& c, bool current, bool group, const MaskedMeasure* of,
                 const CaseSink* sinks, std::size_t begin, std::size_t end) {
  if (current) {
    group ? SumMasked<kMeasures, true, true>(c, of, sinks, begin, end)
          : SumMasked<kMeasures, true, false>(c, of, sinks, begin, end);
  } else {
    group ? SumMasked<kMeasures, false, true>(c, of, sinks, begin, end)
          : SumMasked<kMeasures, false, false>(c, of, sinks, begin, end);
  }
}

// Sum the rows into each of `of` (all current or none), kMeasuresPerPass at a time.
void SumMaskedMeasures(const CaseColumns& c, bool current, bool group,
                       std::span<const MaskedMeasure> of, const CaseSink* sinks, std::size_t begin,
                       std::size_t end) {
  for (std::size_t k = 0; k < of.size(); k += kMeasuresPerPass) {
    const MaskedMeasure* these = of.data() + k;
    switch (std::min(kMeasuresPerPass, of.size() - k)) {
      case 1:
        SumMaskedOf<1>(c, current, group, these, sinks, begin, end);
        break;
      case 2:
        SumMaskedOf<2>(c, current, group, these, sinks, begin, end);
        break;
      case 3:
        SumMaskedOf<3>(c, current, group, these, sinks, begin, end);
        break;
      default:
        SumMaskedOf<4>(c, current, group, these, sinks, begin, end);
        break;
    }
  }
}

// Sum the rows [begin, end) into split measure `m`'s cells: each row (or cell of rows) into
// its unit's total and the cell of its split field's value.
void SumSplit(const CaseColumns& c, const MaskedMeasure& m, const CaseSink& sink, std::size_t begin,
              std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint16_t year = m.current ? c.latest : c.years[i];
    if (year == CaseRows::kUndated) continue;
    const MeasureCounter::Masks& t = m.masks[year];
    if ((c.words[i] & t.row_mask) != t.row_value ||
        (c.group_words[i] & t.group_mask) != t.group_value) {
      continue;
    }
    const double v = m.column != nullptr ? m.column[i] : 1;
    if (v != v || v == 0) continue;
    const std::size_t at = (static_cast<std::size_t>(year) * c.org_count + c.orgs[i]) * kCellCount;
    sink.Add(at + kCellTotal, v);
    sink.Add(at + static_cast<std::size_t>(SplitCellOf(*m.split, c.group_words[i], c.words[i])), v);
  }
}

// The measures of one ledger as their sums go: those of one mask test per year (by whether
// they count in the latest year only, and whether any tests a group field), those split by a
// field, and the others.
struct CasePlan {
  CaseColumns source;                                // the ledger's cells when held, else its rows
  std::vector<MeasureCounter::Masks> masks;          // [measure × years + year]
  std::array<std::vector<MaskedMeasure>, 2> masked;  // [current]
  std::array<bool, 2> group_tested{};
  std::vector<MaskedMeasure> split;
  std::vector<std::size_t> unmasked;  // in the measures
};

}  // namespace

int SexCell(core::Sex sex) {
  return sex == core::Sex::kMale ? 1 : sex == core::Sex::kFemale ? 2 : 3;
}

int GradeCell(int grade) { return kFirstGradeCell + grade - meta::kMinGrade; }

std::string CellLabel(int cell) {
  switch (cell) {
    case 0:
      return "合计";
    case 1:
      return "男";
    case 2:
      return "女";
    case 3:
      return "性别不详";
    default:
      return meta::GradeName(cell - kFirstGradeCell + meta::kMinGrade, 0);
  }
}

Cube Cube::Compute(const Snapshot& snapshot, const MeasureCatalog& catalog) {
  return Compute(snapshot, catalog, snapshot.values(), true);
}

Cube Cube::Compute(const Snapshot& snapshot, const MeasureCatalog& catalog,
                   std::span<const ValueRow> values) {
  return Compute(snapshot, catalog, values, false);
}

void Cube::CountGroups(const Table& table, std::span<const std::uint32_t> measures,
                       std::span<const MeasureCounter> counters) {
  // Contiguous slices of the groups, one per thread, cut where the school or the year changes
  // so that no two threads add to the same cells.
  const std::size_t groups = table.groups.size();
  const std::size_t threads =
      groups < kGroupsPerThread
          ? 1
          : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1,
                                    std::min<std::size_t>(8, groups / kGroupsPerThread));
  std::vector<std::size_t> cuts{0};
  for (std::size_t t = 1; t < threads; ++t) {
    std::size_t at = std::max(cuts.back(), groups * t / threads);
    while (at > 0 && at < groups && table.groups[at].org == table.groups[at - 1].org &&
           table.groups[at].year == table.groups[at - 1].year) {
      ++at;
    }
    cuts.push_back(at);
  }
  cuts.push_back(groups);
  const auto count_slice = [&](std::size_t begin, std::size_t end) {
    CountSlice(table, measures, counters, begin, end);
  };
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t + 1 < cuts.size(); ++t) {
    workers.emplace_back(count_slice, cuts[t], cuts[t + 1]);
  }
  count_slice(cuts[0], cuts[1]);
  for (std::thread& w : workers) w.join();
}

void Cube::CountSlice(const Table& table, std::span<const std::uint32_t> measures,
                      std::span<const MeasureCounter> counters, std::size_t begin,
                      std::size_t end) {
  // Groups outer, measures inner: a group's rows are read from memory once and stay in cache
  // while every measure of the table counts them.
  for (std::size_t i = begin; i < end; ++i) {
    const Group& g = table.groups[i];
    int sex_cell, grade_cell;
    GroupCells(g.word, &sex_cell, &grade_cell);
    const std::size_t at = Index(g.year, g.org, 0);
    for (std::size_t m = 0; m < measures.size(); ++m) {
      const auto n = static_cast<double>(counters[m].Count(g));
      if (n == 0) continue;
      double* cell = &counts_[measures[m]][at];
      cell[kCellTotal] += n;
      if (sex_cell >= 0) cell[sex_cell] += n;
      if (grade_cell >= 0) cell[grade_cell] += n;
    }
  }
}

void Cube::Recount(std::span<const std::uint32_t> orgs) {
  const Snapshot& s = *snapshot_;
  ForEachRowTable(
      s, *catalog_,
      [&](std::span<const std::uint32_t> of_table, std::span<const MeasureCounter> counters) {
        const Table& rows = counters.front().table();
        for (std::size_t y = 0; y < s.years().size(); ++y) {
          const int year = static_cast<int>(y);
          for (const std::uint32_t org : orgs) {
            // Count the unit afresh, then carry the difference up to every unit above it.
            std::vector<std::vector<double>> old;
            for (const std::uint32_t m : of_table) {
              double* cell = &counts_[m][Index(year, org, 0)];
              old.emplace_back(cell, cell + kCellCount);
              std::fill_n(cell, kCellCount, 0.0);
            }
            const auto [lo, hi] = SchoolGroups(rows, year, org);
            CountSlice(rows, of_table, counters, lo, hi);
            for (std::size_t k = 0; k < of_table.size(); ++k) {
              const double* now = &counts_[of_table[k]][Index(year, org, 0)];
              for (std::int32_t up = s.parent(org); up >= 0;
                   up = s.parent(static_cast<std::uint32_t>(up))) {
                double* to = &counts_[of_table[k]][Index(year, static_cast<std::uint32_t>(up), 0)];
                for (int c = 0; c < kCellCount; ++c)
                  to[c] += now[c] - old[k][static_cast<std::size_t>(c)];
              }
            }
          }
        }
      });
  const std::vector<Measure>& measures = catalog_->measures();
  for (std::uint32_t m = 0; m < measures.size(); ++m) {
    if (measures[m].needs_previous_year) ForgetYearsWithoutPrevious(m);
  }
}

void Cube::RecountCase(const Snapshot::CaseChange& change) {
  const Snapshot& s = *snapshot_;
  const CaseRows& rows = s.cases(change.ledger);
  const auto latest = static_cast<std::uint16_t>(s.years().size() - 1);
  std::vector<double> now;  // the row's numbers as they are
  for (const std::vector<double>& column : rows.numbers) now.push_back(column[change.row]);
  const std::vector<Measure>& measures = catalog_->measures();
  for (std::uint32_t k = 0; k < measures.size(); ++k) {
    const Measure& m = measures[k];
    if (m.table != MeasureTable::kCases || m.element != change.ledger) continue;
    const MeasureCounter counter(s, m);
    if (change.year_newly_held) {
      SumCases(std::span<const std::uint32_t>(&k, 1));
      RollUp(true, &counts_[k]);
      continue;
    }
    // What a row adds to its unit's cell: its count or number when it passes, in the year it
    // is counted in (the latest for a figure of the ledger as it stands).
    const auto add = [&](const CaseCells::Key& row, double number, double sign) {
      if (!m.current && row.year == CaseRows::kUndated) return;
      Group g;
      g.word = row.group_word;
      g.year = m.current ? latest : row.year;
      const double v = m.column < 0 ? 1 : number;
      if (v != v || !counter.Passes(g, row.word)) return;
      const int cell = CaseCellOf(m, row);
      for (std::int32_t u = static_cast<std::int32_t>(row.org); u >= 0;
           u = s.parent(static_cast<std::uint32_t>(u))) {
        counts_[k][Index(g.year, static_cast<std::uint32_t>(u), kCellTotal)] += sign * v;
        if (cell > 0) counts_[k][Index(g.year, static_cast<std::uint32_t>(u), cell)] += sign * v;
      }
    };
    const auto number = [&](const std::vector<double>& of_row) {
      return m.column < 0 ? 1.0 : of_row[static_cast<std::size_t>(m.column)];
    };
    add(change.was, number(change.numbers), -1);
    add(rows.CellOf(change.row), number(now), +1);
  }
}

void Cube::SumValues(const MeasureCounter& counter, const Measure& m,
                     std::span<const ValueRow> values, bool approved_only,
                     std::vector<double>* counts) const {
  const ValueSchema* schema = catalog_->values();
  for (const ValueRow& v : values) {
    if (v.element != m.element || (approved_only && !v.approved)) continue;
    if (!counter.RowPasses(v.year, v.word)) continue;
    double* cell = &(*counts)[Index(v.year, v.org, 0)];
    const auto add = [](double* to, double x) { *to = (*to == *to ? *to : 0) + x; };
    add(&cell[kCellTotal], v.value);
    if (const auto sex = schema->SexOf(v.element, v.word)) add(&cell[SexCell(*sex)], v.value);
  }
}

void Cube::SumCases(std::span<const std::uint32_t> measures) {
  const Snapshot& s = *snapshot_;
  const std::vector<Measure>& all = catalog_->measures();
  for (const std::uint32_t k : measures) std::fill(counts_[k].begin(), counts_[k].end(), kNoValue);
  if (!s.case_schema() || s.years().empty() || measures.empty()) return;
  const CaseRows& rows = s.cases(all[measures.front()].element);
  const std::size_t years = s.years().size();
  // A year in which the ledger holds cases (counted or opened in it) counts 0 where there are
  // none; a year it holds none of has no value (nothing was entered, which is not "none
  // happened").
  for (const std::uint32_t k : measures) {
    const Measure& m = all[k];
    for (std::size_t y = 0; y < rows.year_has_cases.size(); ++y) {
      const bool held = m.current ? y + 1 == rows.year_has_cases.size() && rows.size() > 0
                                  : rows.year_has_cases[y];
      if (!held) continue;
      for (std::uint32_t org = 0; org < s.org_count(); ++org) {
        double* cell = &counts_[k][Index(static_cast<int>(y), org, 0)];
        cell[kCellTotal] = 0;
        if (m.split) {
          std::fill_n(cell + SplitCell(0), SplitValueCount(*m.split), 0.0);
        } else if (!m.current) {
          std::fill_n(cell + MonthCell(1), 12, 0.0);
        }
      }
    }
  }
  std::vector<MeasureCounter> counters;
  for (const std::uint32_t k : measures) counters.emplace_back(s, all[k]);
  const CaseCells& cells = rows.cells;
  CasePlan plan;
  CaseColumns& source = plan.source;
  if (cells.held()) {
    source = {.words = cells.words(),
              .group_words = cells.group_words(),
              .years = cells.years(),
              .orgs = cells.orgs(),
              .months = cells.months(),
              .counts = cells.counts(),
              .size = cells.size(),
              .org_count = s.org_count(),
              .latest = static_cast<std::uint16_t>(years - 1)};
  } else {
    source = {.words = rows.words.data(),
              .group_words = rows.group_words.data(),
              .years = rows.years.data(),
              .orgs = rows.orgs.data(),
              .months = rows.months.data(),
              .counts = nullptr,
              .size = rows.size(),
              .org_count = s.org_count(),
              .latest = static_cast<std::uint16_t>(years - 1)};
  }
  // The common filter (state = paid) is one mask test per word and year, made without a
  // branch; any other goes through its counter row by row.
  plan.masks.resize(measures.size() * years);
  for (std::size_t k = 0; k < measures.size(); ++k) {
    const Measure& m = all[measures[k]];
    bool all_years = true, group = false;
    for (std::size_t y = 0; y < years && all_years; ++y) {
      const std::optional<MeasureCounter::Masks> of_year = counters[k].AsMasks(static_cast<int>(y));
      all_years = of_year.has_value();
      if (!all_years) break;
      plan.masks[k * years + y] = of_year->never
                                      ? MeasureCounter::Masks{.row_mask = 0, .row_value = 1}
                                      : *of_year;  // never: passes nothing
      group |= of_year->group_mask != 0;
    }
    if (!all_years) {
      plan.unmasked.push_back(k);
      continue;
    }
    const double* column =
        m.column >= 0 ? cells.held() ? cells.sums(static_cast<std::size_t>(m.column))
                                     : rows.numbers[static_cast<std::size_t>(m.column)].data()
                      : plan.source.counts;
    const MaskedMeasure masked{.masks = &plan.masks[k * years],
                               .column = column,
                               .sink = k,
                               .split = m.split,
                               .current = m.current};
    if (m.split) {  // its cell is read from each row
      plan.split.push_back(masked);
      continue;
    }
    plan.masked[m.current].push_back(masked);
    plan.group_tested[m.current] = plan.group_tested[m.current] || group;
  }
  // Slices of the rows (and of the cells), one per thread. A ledger's rows are in store order,
  // not by school, so two threads may add to one cell: the first adds into the cube, the others
  // list their additions, applied when all are done (a passing row adds only to a year zeroed
  // above).
  const std::size_t work = std::max(plan.unmasked.empty() ? 0 : rows.size(), plan.source.size);
  const std::size_t threads =
      work < kCasesPerThread
          ? 1
          : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1,
                                    std::min<std::size_t>(8, work / kCasesPerThread));
  std::vector<std::vector<CaseSink>> sinks(threads);
  std::vector<std::vector<std::pair<std::size_t, double>>> later((threads - 1) * measures.size());
  for (std::size_t t = 0; t < threads; ++t) {
    for (std::size_t k = 0; k < measures.size(); ++k) {
      sinks[t].push_back({.cells = counts_[measures[k]].data(),
                          .later = t == 0 ? nullptr : &later[(t - 1) * measures.size() + k]});
    }
  }
  const auto sum_slice = [&](std::size_t t) {
    const std::size_t n = plan.source.size;
    for (const bool current : {false, true}) {
      SumMaskedMeasures(plan.source, current, plan.group_tested[current], plan.masked[current],
                        sinks[t].data(), n * t / threads, n * (t + 1) / threads);
    }
    for (const MaskedMeasure& m : plan.split) {
      SumSplit(plan.source, m, sinks[t][m.sink], n * t / threads, n * (t + 1) / threads);
    }
    for (const std::size_t k : plan.unmasked) {
      const Measure& m = all[measures[k]];
      ForEachCountedIn(s, m, counters[k], rows.size() * t / threads,
                       rows.size() * (t + 1) / threads, [&](std::size_t i, int year, double v) {
                         const std::size_t at =
                             (static_cast<std::size_t>(year) * s.org_count() + rows.orgs[i]) *
                             kCellCount;
                         sinks[t][k].Add(at + kCellTotal, v);
                         if (const int cell = CaseCellOf(m, rows.CellOf(i)); cell > 0) {
                           sinks[t][k].Add(at + static_cast<std::size_t>(cell), v);
                         }
                       });
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(sum_slice, t);
  sum_slice(0);
  for (std::thread& w : workers) w.join();
  for (std::size_t l = 0; l < later.size(); ++l) {
    double* to = counts_[measures[l % measures.size()]].data();
    for (const auto& [at, v] : later[l]) to[at] += v;
  }
}

Cube Cube::Compute(const Snapshot& snapshot, const MeasureCatalog& catalog,
                   std::span<const ValueRow> values, bool approved_only) {
  Cube cube(snapshot, catalog);
  const std::size_t size = snapshot.years().size() * snapshot.org_count() * kCellCount;
  const std::vector<Measure>& measures = catalog.measures();
  for (const Measure& m : measures) {
    cube.counts_.emplace_back(size, m.table == MeasureTable::kValues ? kNoValue : 0.0);
  }
  const auto may_lack_values = [](const Measure& m) {
    return m.table == MeasureTable::kValues || m.table == MeasureTable::kCases;
  };
  // Row counts, table by table; then sums of collected figures.
  ForEachRowTable(
      snapshot, catalog,
      [&](std::span<const std::uint32_t> of_table, std::span<const MeasureCounter> counters) {
        cube.CountGroups(counters.front().table(), of_table, counters);
      });
  std::map<std::uint32_t, std::vector<std::uint32_t>> of_ledger;  // the case measures by ledger
  for (std::uint32_t m = 0; m < measures.size(); ++m) {
    if (measures[m].table == MeasureTable::kValues) {
      cube.SumValues(MeasureCounter(snapshot, measures[m]), measures[m], values, approved_only,
                     &cube.counts_[m]);
    } else if (measures[m].table == MeasureTable::kCases) {
      of_ledger[measures[m].element].push_back(m);
    }
  }
  for (const auto& [ledger, of_it] : of_ledger) cube.SumCases(of_it);
  for (std::uint32_t m = 0; m < measures.size(); ++m) {
    cube.RollUp(may_lack_values(measures[m]), &cube.counts_[m]);
    if (measures[m].needs_previous_year) cube.ForgetYearsWithoutPrevious(m);
  }
  return cube;
}

void Cube::ForgetYearsWithoutPrevious(std::uint32_t measure) {
  const std::vector<int>& years = snapshot_->years();
  for (std::size_t y = 0; y < years.size(); ++y) {
    if (snapshot_->YearIndex(years[y] - 1) >= 0) continue;
    double* from = &counts_[measure][Index(static_cast<int>(y), 0, 0)];
    std::fill_n(from, snapshot_->org_count() * kCellCount, kNoValue);
  }
}

void Cube::RollUp(bool may_lack_values, std::vector<double>* counts) const {
  const Snapshot& s = *snapshot_;
  for (std::size_t y = 0; y < s.years().size(); ++y) {
    for (const std::uint32_t org : s.bottom_up()) {
      const std::int32_t parent = s.parent(org);
      if (parent < 0) continue;
      const double* from = &(*counts)[Index(static_cast<int>(y), org, 0)];
      double* to = &(*counts)[Index(static_cast<int>(y), static_cast<std::uint32_t>(parent), 0)];
      if (!may_lack_values) {
        for (int c = 0; c < kCellCount; ++c) to[c] += from[c];
        continue;
      }
      for (int c = 0; c < kCellCount; ++c) {
        // A figure nobody collected stays "no value" (NaN) until a child has one.
        if (from[c] == from[c]) to[c] = (to[c] == to[c] ? to[c] : 0) + from[c];
      }
    }
  }
}

double Cube::Count(std::uint32_t measure, int year_idx, std::uint32_t org, int cell) const {
  if (year_idx < 0 || static_cast<std::size_t>(year_idx) >= snapshot_->years().size()) {
    return kNoValue;
  }
  return counts_[measure][Index(year_idx, org, cell)];
}

int Cube::YearOf(const FormulaOp& op, int year_idx) const {
  if (op.years_back == 0) return year_idx;
  if (year_idx < 0) return -1;
  return snapshot_->YearIndex(snapshot_->years()[static_cast<std::size_t>(year_idx)] -
                              op.years_back);
}

double Cube::Evaluate(const Formula& f, int year_idx, std::uint32_t org, int cell,
                      double* sides) const {
  return f.Evaluate(
      [&](const FormulaOp& op) { return Count(op.measure, YearOf(op, year_idx), org, cell); },
      sides);
}

double Cube::Evaluate(const Formula& f, int year_idx, std::span<const std::uint32_t> orgs,
                      int cell) const {
  if (orgs.empty()) return kNoValue;
  return f.Evaluate([&](const FormulaOp& op) {
    const int year = YearOf(op, year_idx);
    double sum = kNoValue;
    for (const std::uint32_t org : orgs) {
      const double v = Count(op.measure, year, org, cell);
      if (v == v) sum = (sum == sum ? sum : 0) + v;
    }
    return sum;
  });
}

RateCell Cube::Rate(const RatePlan& plan, int year_idx, std::span<const std::uint32_t> orgs,
                    int cell) const {
  RateCell out;
  out.numerator = Evaluate(plan.numerator, year_idx, orgs, cell);
  out.denominator =
      plan.denominator.empty() ? kNoValue : Evaluate(plan.denominator, year_idx, orgs, cell);
  out.value = plan.denominator.empty() ? out.numerator * plan.factor
                                       : RateValue(out.numerator, out.denominator, plan.factor);
  return out;
}

void Cube::EvaluateYear(const Formula& f, int year_idx, std::vector<double>* out) const {
  const std::size_t n = snapshot_->org_count() * kCellCount;
  const bool held = year_idx >= 0 && static_cast<std::size_t>(year_idx) < snapshot_->years().size();
  if (held && f.ops.size() == 1 && f.ops[0].kind == FormulaOp::kMeasure &&
      f.ops[0].years_back == 0) {  // one measure: its counts as they are
    const double* from = &counts_[f.ops[0].measure][Index(year_idx, 0, 0)];
    out->assign(from, from + n);
    return;
  }
  out->assign(n, kNoValue);
  if (f.ops.empty()) return;
  // The postfix program run over blocks of cells, so that the stack stays in cache.
  constexpr std::size_t kBlock = 256;
  std::vector<std::array<double, kBlock>> stack(f.ops.size());
  const std::vector<int>& years = snapshot_->years();
  for (std::size_t begin = 0; begin < n; begin += kBlock) {
    const std::size_t len = std::min(kBlock, n - begin);
    std::size_t top = 0;
    for (const FormulaOp& op : f.ops) {
      switch (op.kind) {
        case FormulaOp::kConst:
          std::fill_n(stack[top++].begin(), len, op.value);
          break;
        case FormulaOp::kMeasure: {
          const int y = YearOf(op, year_idx);
          double* to = stack[top++].data();
          if (y < 0 || static_cast<std::size_t>(y) >= years.size()) {
            std::fill_n(to, len, kNoValue);
          } else {
            std::copy_n(&counts_[op.measure][Index(y, 0, 0) + begin], len, to);
          }
          break;
        }
        case FormulaOp::kNeg:
          for (std::size_t i = 0; i < len; ++i) stack[top - 1][i] = -stack[top - 1][i];
          break;
        default: {
          const double* b = stack[--top].data();
          double* a = stack[top - 1].data();
          switch (op.kind) {
            case FormulaOp::kAdd:
              for (std::size_t i = 0; i < len; ++i) a[i] += b[i];
              break;
            case FormulaOp::kSub:
              for (std::size_t i = 0; i < len; ++i) a[i] -= b[i];
              break;
            case FormulaOp::kMul:
              for (std::size_t i = 0; i < len; ++i) a[i] *= b[i];
              break;
            case FormulaOp::kDiv:
              for (std::size_t i = 0; i < len; ++i) a[i] = b[i] == 0 ? kNoValue : a[i] / b[i];
              break;
            default:
              for (std::size_t i = 0; i < len; ++i) a[i] = ApplyCompare(op.compare, a[i], b[i]);
          }
        }
      }
    }
    if (top == 1) std::copy_n(stack[0].begin(), len, out->begin() + static_cast<long>(begin));
  }
}

void Cube::RatesOfYear(const RatePlan& plan, int year_idx, RateColumns* out) const {
  RateColumns& r = *out;
  EvaluateYear(plan.numerator, year_idx, &r.numerator);
  const std::size_t n = r.numerator.size();
  r.value.resize(n);
  if (plan.denominator.empty()) {
    r.denominator.assign(n, kNoValue);
    for (std::size_t i = 0; i < n; ++i) r.value[i] = r.numerator[i] * plan.factor;
    return;
  }
  EvaluateYear(plan.denominator, year_idx, &r.denominator);
  for (std::size_t i = 0; i < n; ++i) {
    r.value[i] = RateValue(r.numerator[i], r.denominator[i], plan.factor);
  }
}

RateCell Cube::Rate(const RatePlan& plan, int year_idx, std::uint32_t org, int cell) const {
  return Rate(plan, year_idx, std::span<const std::uint32_t>(&org, 1), cell);
}

}  // namespace eduledger::engine
