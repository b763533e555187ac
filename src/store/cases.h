// Programme ledger cases (台账事项) as the store keeps them: one row per case with its fields
// as a JSON object, the history of its moves, and the entries of its logs (劝返记录 …). What the
// fields and states mean is the ledger type's (meta/ledger_type.h); the store only keeps them.
//
// A case carries its own version, bumped by every save: two people moving the same case at
// once cannot both succeed (the second is refused, kAborted "concurrent_write"), while writes
// to other cases never get in each other's way.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"

namespace eduledger::store {

struct Case {
  std::int64_t id = 0;      // 0 until stored
  std::string ledger = {};  // the ledger type's code
  std::int64_t org_unit_id = 0;
  std::string state = {};
  core::Date opened = {};
  core::Date state_since = {};   // the day it entered its state
  std::string fields = {};       // JSON object: field code → value as text
  std::string responsible = {};  // JSON array of {"role", "person", "line"}
  // What opened it, when something did ("dropout_event:123", "roster:2025:4567"): unique in
  // its ledger, so that one event opens one case however often it is imported.
  std::string origin = {};
  std::int64_t version = 0;     // set by the store
  std::string updated_at = {};  // set by the store
  std::string updated_by = {};
};

// One move of a case: its opening (transition empty, from empty) or a transition.
struct CaseMove {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string transition = {};
  std::string from_state = {};
  std::string to_state = {};
  core::Date day = {};  // the day it took effect
  std::string comment = {};
  std::string at = {};     // set by the store
  std::string actor = {};  // set by the store
  std::string role = {};   // set by the store
};

// An entry of a case's log (the ledger type's `entries`).
struct CaseEntry {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string entry = {};  // the entry type's code
  core::Date day = {};
  std::string fields = {};  // JSON object
  std::string at = {};      // set by the store
  std::string actor = {};   // set by the store
};

}  // namespace eduledger::store
