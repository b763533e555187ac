// The cube every engine of the benchmark computes, in one form they all write and the
// comparison reads: for each school year, org unit (county, township, school) and cell (0
// total, 1..3 sex, 4..18 grade, as engine/cube.h numbers them) with at least one student,
//   enrolled   students enrolled at the start of the school year
//   dropped    of them, end_status = dropped_out
//   graduated  of them, end_status = graduated
//   promoted   of the graduates, enrolled somewhere the next school year
// and the rates dropped / enrolled and promoted / graduated (no value without graduates).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "meta/org_unit.h"

namespace eduledger::bench {

// The levels the cube reports: county, township, school.
inline bool ReportedLevel(meta::OrgLevel level) {
  return level == meta::OrgLevel::kCounty || level == meta::OrgLevel::kTownship ||
         level == meta::OrgLevel::kSchool;
}

struct CubeCell {
  int year = 0;  // the school year, e.g. 2025
  std::uint32_t org = 0;
  int cell = 0;
  std::int64_t enrolled = 0, dropped = 0, graduated = 0, promoted = 0;
  double dropout_rate = 0;    // dropped / enrolled
  double promotion_rate = 0;  // promoted / graduated; NaN without graduates

  // The rates from the counts.
  void SetRates();
};

class CubeCells {
 public:
  void Add(const CubeCell& c) { cells_.push_back(c); }
  void Clear() { cells_.clear(); }  // keeps the buffer
  std::size_t size() const { return cells_.size(); }
  const std::vector<CubeCell>& cells() const { return cells_; }

  // Sort by (year, org, cell) for comparison.
  void Sort();
  core::Status WriteCsv(const std::string& path) const;
  // year,org,cell,enrolled,dropped,graduated,promoted,dropout_rate,promotion_rate with or
  // without a header line; an empty promotion_rate is no value.
  static core::Result<CubeCells> ReadCsv(const std::string& path);

  // An empty string when `other` holds the same cells with the same counts and rates (within
  // 1e-12 relative, the SQL peers print 15 to 17 digits); otherwise the first differences.
  std::string Diff(const CubeCells& other) const;

 private:
  std::vector<CubeCell> cells_;
};

}  // namespace eduledger::bench
