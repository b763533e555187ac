// Whether the register holds any 学籍异动 (status events) for a flow window at all. Without
// them every flow read from the register (毕业、升学、辍学、转学) is unknowable, not zero: a
// county that imported rolls but never events must not see a 辍学率 of 0.00% or a 流失名单 of
// every pupil who left. The indicators and the roster check say so instead of counting.
#pragma once

#include <string>

#include "engine/snapshot.h"
#include "meta/org_unit.h"

namespace eduledger::app {

// True when some school at or below `root` has an event dated in school year `school_year`.
bool EventsRecorded(const engine::Snapshot& snapshot, int school_year, const meta::OrgUnit& root);

// The note of a flow figure of statistics year `year` whose window has no events.
std::string NoEventsNote(int year);

}  // namespace eduledger::app
