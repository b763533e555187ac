// Provenance: the records behind a cell of the cube. For a measure, a school year and an org
// unit, the snapshot rows (or collected values) below that unit that the measure counts (or
// sums), in snapshot order, up to a limit, with the total. The report and the dashboard link a
// figure to these; `eduledger explain` prints them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/compile.h"
#include "engine/snapshot.h"

namespace eduledger::engine {

struct RecordRef {
  MeasureTable table = MeasureTable::kStudents;
  std::int64_t id = 0;  // student, staff or case id; the submission id of a value; 0: a class
  std::int64_t org_unit_id = 0;
  std::uint32_t record = 0;  // snapshot record (class: ClassInfo index; value: element; case:
                             // ledger)
  std::uint64_t word = 0;    // the row word (a value's disaggregation)
  double value = 1;          // a value's number; 1 for a counted row
};

struct Provenance {
  std::vector<RecordRef> records;  // the first `limit`
  std::uint64_t total = 0;         // every record behind the cell
  double sum = 0;                  // the sum of their values (a count: total)
};

// The records measure `m` of `catalog` counts in year `year_idx` at `org` and below (cell:
// the total). Collected figures: approved values only, as the cube reads them.
Provenance RecordsBehind(const Snapshot& snapshot, const MeasureCatalog& catalog, std::uint32_t m,
                         int year_idx, std::uint32_t org, std::size_t limit);

}  // namespace eduledger::engine
