// The records behind a figure (engine/provenance.h) named for people: students and staff by
// name and ID number, masked unless the reader has full view; classes, schools, status events,
// collected values by their form, and ledger cases by their ledger, number and state (no
// names: who a case concerns is on its own page). What explain and the roster check (流失名单)
// list.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "app/metadata.h"
#include "core/result.h"
#include "engine/provenance.h"
#include "engine/snapshot.h"
#include "store/store.h"

namespace eduledger::app {

struct ExplainedRecord {
  std::string kind;  // "学生", "教职工", "班级", "学校", "学籍异动", "报表数值", a ledger's name
  std::string org_code;
  std::string org_name;
  std::string name;    // masked unless full view
  std::string id;      // ID number (masked unless full view), or the form and its year
  std::string detail;  // grade and class; subject; class size; event and date; value
};

// Describe `refs` (records of school year `school_year`, the snapshot's) from the store.
core::Result<std::vector<ExplainedRecord>> DescribeRecords(store::Store& store, const Metadata& md,
                                                           const engine::Snapshot& snapshot,
                                                           std::span<const engine::RecordRef> refs,
                                                           int school_year, bool full_view);

}  // namespace eduledger::app
