// Group building for the snapshot (Build). Internal to the engine.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/snapshot.h"
#include "engine/student_rows_internal.h"

namespace eduledger::engine::internal {

// The group-word bits of an org unit's school attributes (zero for units that are no school).
std::uint64_t SchoolWord(const meta::OrgUnit& u);
// A group's word: the school's bits, grade, sex and the level they give.
std::uint64_t GroupWord(const Snapshot& s, std::uint64_t school_word, std::uint32_t org,
                        int stored_grade, int stored_sex);
// Append `rows` (sorted by key) to `table`, one group per distinct key.
void AppendGroups(const Snapshot& s, const std::vector<std::uint64_t>& school_word,
                  std::span<const PendingRow> rows, Table* table);

}  // namespace eduledger::engine::internal
