#include "engine/provenance.h"

#include "engine/measure_eval.h"

namespace eduledger::engine {

namespace {

// Whether `org` is `root` or below it.
bool Under(const Snapshot& s, std::uint32_t org, std::uint32_t root) {
  for (std::int32_t o = static_cast<std::int32_t>(org); o >= 0;
       o = s.parent(static_cast<std::uint32_t>(o))) {
    if (static_cast<std::uint32_t>(o) == root) return true;
  }
  return false;
}

}  // namespace

Provenance RecordsBehind(const Snapshot& snapshot, const MeasureCatalog& catalog, std::uint32_t m,
                         int year_idx, std::uint32_t org, std::size_t limit) {
  Provenance out;
  const Measure& measure = catalog.measures()[m];
  const MeasureCounter counter(snapshot, measure);
  const auto take = [&](RecordRef r) {
    ++out.total;
    out.sum += r.value;
    if (out.records.size() < limit) out.records.push_back(r);
  };
  if (measure.table == MeasureTable::kValues) {
    for (const ValueRow& v : snapshot.values()) {
      if (v.element != measure.element || !v.approved || v.year != year_idx ||
          !Under(snapshot, v.org, org) || !counter.RowPasses(v.year, v.word)) {
        continue;
      }
      take(RecordRef{measure.table, v.submission_id, snapshot.orgs().units()[v.org].id, v.element,
                     v.word, v.value});
    }
    return out;
  }
  if (measure.table == MeasureTable::kCases) {
    if (!snapshot.case_schema()) return out;
    const CaseRows& rows = snapshot.cases(measure.element);
    ForEachCounted(snapshot, measure, counter, [&](std::size_t i, int year, double v) {
      if (year != year_idx || !Under(snapshot, rows.orgs[i], org)) return;
      take(RecordRef{measure.table, rows.ids[i], snapshot.orgs().units()[rows.orgs[i]].id,
                     measure.element, rows.words[i], v});
    });
    return out;
  }
  const Table& table = counter.table();
  for (const Group& g : table.groups) {
    if (g.year != year_idx || !Under(snapshot, g.org, org)) continue;
    for (std::uint32_t i = g.begin; i < g.end; ++i) {
      if (!counter.Passes(g, table.words[i])) continue;
      const std::uint32_t record = table.records[i];
      take(RecordRef{measure.table, snapshot.RecordId(measure.table, record),
                     snapshot.orgs().units()[g.org].id, record, table.words[i], 1});
    }
  }
  return out;
}

}  // namespace eduledger::engine
