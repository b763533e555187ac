#include "engine/measure_eval.h"

#include <algorithm>

#include "core/date.h"

namespace eduledger::engine {

namespace {

enum ReadyKind : std::uint8_t { kNe, kRange, kNotRange, kAnyBits, kNoBits };

// The last birth day (stored form) of a person who is at least `age` on (y, m, d).
std::int64_t LatestBirthForAge(int y, int m, int d, std::int64_t age) {
  const int year = y - static_cast<int>(std::min<std::int64_t>(age, 200));
  auto day = core::Date::FromYmd(year, m, d);
  // 29 February in a common year: a person born on 28 February is a year older on 1 March.
  const core::Date cutoff = day.ok() ? *day : core::Date::FromYmd(year, 3, 1)->AddDays(-1);
  return std::int64_t{cutoff.days()} - kBirthBase + 1;
}

}  // namespace

MeasureCounter::MeasureCounter(const Snapshot& snapshot, const Measure& measure)
    : table_(&snapshot.table(static_cast<std::size_t>(measure.table) >= kRowTableCount
                                 ? MeasureTable::kStudents
                                 : measure.table)) {
  for (const int year : snapshot.years()) {
    std::vector<ReadyClause> clauses;
    for (const Clause& c : measure.clauses) {
      ReadyClause r = Prepare(c, year);
      if (!r.never) clauses.push_back(std::move(r));
    }
    if (clauses.empty()) {
      ReadyClause never;
      never.never = true;
      clauses.push_back(std::move(never));
    }
    by_year_.push_back(std::move(clauses));
  }
}

MeasureCounter::ReadyClause MeasureCounter::Prepare(const Clause& clause, int school_year) {
  ReadyClause out;
  for (const Test& t : clause) {
    const Field& f = *t.field;
    const bool group = f.scope == FieldScope::kGroup;
    std::uint64_t& mask = group ? out.group_mask : out.row_mask;
    std::uint64_t& value = group ? out.group_value : out.row_value;
    std::vector<Ready>& tests = group ? out.group_tests : out.row_tests;
    const auto max = static_cast<std::int64_t>(f.max_stored());
    Ready r{};
    r.shift = f.shift;
    r.field_mask = f.max_stored();
    std::int64_t lo = t.lo, hi = t.hi;
    Test::Kind kind = t.kind;
    if (kind == Test::kAge || kind == Test::kNotAge) {
      // Age in [lo, hi] on the day  <=>  born after the cutoff for hi + 1, on or before
      // the cutoff for lo. Unknown births (stored 0) never pass an age test.
      lo = LatestBirthForAge(school_year, t.month, t.day, t.hi + 1) + 1;
      hi = LatestBirthForAge(school_year, t.month, t.day, t.lo);
      lo = std::max<std::int64_t>(lo, 1);
      kind = kind == Test::kAge ? Test::kRange : Test::kNotRange;
    }
    if (kind == Test::kInYear || kind == Test::kNotInYear) {
      lo = hi = school_year + f.offset;
      kind = kind == Test::kInYear ? Test::kRange : Test::kNotRange;
    }
    switch (kind) {
      case Test::kEq: {
        if (t.value > f.max_stored()) {
          out.never = true;
          return out;
        }
        const std::uint64_t v = t.value << f.shift;
        if ((mask & f.mask()) != 0 && (value & f.mask()) != v) {
          out.never = true;
          return out;
        }
        mask |= f.mask();
        value |= v;
        break;
      }
      case Test::kNe:
        if (t.value > f.max_stored()) break;  // always true
        r.kind = kNe;
        r.bits = f.mask();
        r.value = t.value << f.shift;
        tests.push_back(r);
        break;
      case Test::kRange:
      case Test::kNotRange: {
        lo = std::max<std::int64_t>(lo, 0);
        hi = std::min<std::int64_t>(hi, max);
        const bool empty = lo > hi;
        const bool full = lo == 0 && hi == max;
        if (kind == Test::kRange ? empty : full) {
          out.never = true;
          return out;
        }
        if (kind == Test::kRange ? full : empty) break;  // always true
        r.kind = kind == Test::kRange ? kRange : kNotRange;
        r.lo = static_cast<std::uint64_t>(lo);
        r.span = static_cast<std::uint64_t>(hi - lo);
        tests.push_back(r);
        break;
      }
      case Test::kAnyBits:
      case Test::kNoBits:
        r.kind = kind == Test::kAnyBits ? kAnyBits : kNoBits;
        r.bits = (t.value << f.shift) & f.mask();
        tests.push_back(r);
        break;
      default:
        break;
    }
  }
  return out;
}

inline bool MeasureCounter::Pass(const Ready& t, std::uint64_t w) {
  switch (t.kind) {
    case kNe:
      return (w & t.bits) != t.value;
    case kRange:
      return ((w >> t.shift) & t.field_mask) - t.lo <= t.span;
    case kNotRange:
      return ((w >> t.shift) & t.field_mask) - t.lo > t.span;
    case kAnyBits:
      return (w & t.bits) != 0;
    default:
      return (w & t.bits) == 0;
  }
}

inline bool MeasureCounter::GroupPass(const ReadyClause& c, std::uint64_t w) {
  if ((w & c.group_mask) != c.group_value) return false;
  for (const Ready& t : c.group_tests) {
    if (!Pass(t, w)) return false;
  }
  return true;
}

inline bool MeasureCounter::RowPass(const ReadyClause& c, std::uint64_t w) {
  if ((w & c.row_mask) != c.row_value) return false;
  for (const Ready& t : c.row_tests) {
    if (!Pass(t, w)) return false;
  }
  return true;
}

std::uint64_t MeasureCounter::CountRows(const ReadyClause& c, const std::uint64_t* w,
                                        std::size_t n) {
  if (c.row_tests.empty()) {
    if (c.row_mask == 0) return n;
    std::uint64_t count = 0;
    const std::uint64_t m = c.row_mask, v = c.row_value;
    for (std::size_t i = 0; i < n; ++i) count += (w[i] & m) == v;
    return count;
  }
  if (c.row_tests.size() == 1 && c.row_tests[0].kind == kRange) {
    const Ready& t = c.row_tests[0];
    std::uint64_t count = 0;
    const std::uint64_t m = c.row_mask, v = c.row_value;
    for (std::size_t i = 0; i < n; ++i) {
      count += ((w[i] & m) == v) & ((((w[i] >> t.shift) & t.field_mask) - t.lo) <= t.span);
    }
    return count;
  }
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < n; ++i) count += RowPass(c, w[i]);
  return count;
}

bool MeasureCounter::RowPasses(int year_idx, std::uint64_t word) const {
  for (const ReadyClause& c : by_year_[static_cast<std::size_t>(year_idx)]) {
    if (!c.never && RowPass(c, word)) return true;
  }
  return false;
}

std::optional<MeasureCounter::Masks> MeasureCounter::AsMasks(int year_idx) const {
  const std::vector<ReadyClause>& clauses = by_year_[static_cast<std::size_t>(year_idx)];
  if (clauses.size() != 1) return std::nullopt;
  const ReadyClause& c = clauses.front();
  if (c.never) return Masks{.never = true};
  if (!c.group_tests.empty() || !c.row_tests.empty()) return std::nullopt;
  return Masks{.group_mask = c.group_mask,
               .group_value = c.group_value,
               .row_mask = c.row_mask,
               .row_value = c.row_value};
}

bool MeasureCounter::Passes(const Group& g, std::uint64_t row_word) const {
  for (const ReadyClause& c : by_year_[g.year]) {
    if (!c.never && GroupPass(c, g.word) && RowPass(c, row_word)) return true;
  }
  return false;
}

std::uint64_t MeasureCounter::Count(const Group& g) const {
  const std::vector<ReadyClause>& clauses = by_year_[g.year];
  const ReadyClause* first = nullptr;
  int passing = 0;
  for (const ReadyClause& c : clauses) {
    if (c.never || !GroupPass(c, g.word)) continue;
    if (passing++ == 0) first = &c;
  }
  if (passing == 0) return 0;
  const std::uint64_t* w = table_->words.data() + g.begin;
  if (passing == 1) return CountRows(*first, w, g.size());
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    for (const ReadyClause& c : clauses) {
      if (!c.never && GroupPass(c, g.word) && RowPass(c, w[i])) {
        ++count;
        break;
      }
    }
  }
  return count;
}

}  // namespace eduledger::engine
