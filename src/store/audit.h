// The audit log: who wrote what, when, and which keys. Every write transaction appends exactly
// one AuditRecord in the same transaction as the data, so the log and the data cannot disagree.
// Keys are internal ids (never names or ID numbers), stored as ranges: a run of consecutive
// ids added by one import is one row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eduledger::store {

// Who is writing and why: the actor's user id and role, the action ("import.students") and a
// JSON detail (file name, digest, counts), free of personal data.
struct AuditContext {
  std::string actor;
  std::string role;
  std::string action;
  std::string detail_json = "{}";
};

enum class ChangeKind : std::uint8_t { kAdd, kUpdate, kDelete };
std::string_view ChangeKindName(ChangeKind kind);      // "add", "update", "delete"
ChangeKind ChangeKindFromName(std::string_view name);  // its inverse (unknown: kDelete)

// A run of keys of one entity changed the same way. For per-year entities (enrolment,
// staff_assignment) the key is the person's id and school_year says which year; else it is 0.
struct AuditKeyRange {
  std::string entity;  // "org_unit", "student", "enrolment", "status_event", "staff", ...
  ChangeKind change = ChangeKind::kAdd;
  int school_year = 0;
  std::int64_t first_key = 0;
  std::int64_t last_key = 0;

  friend bool operator==(const AuditKeyRange&, const AuditKeyRange&) = default;
};

// Accumulates the keys a transaction touches, folding each key into the range it extends as
// it arrives (a bulk insert of consecutive ids costs one range, not one entry per id).
class AuditKeys {
 public:
  // `entity` must be a string with static storage (a literal).
  void Add(std::string_view entity, ChangeKind change, int school_year, std::int64_t key);
  // The ranges, sorted by (entity, change, year, first key), adjacent ones merged.
  std::vector<AuditKeyRange> Ranges() const;
  bool empty() const { return count_ == 0; }
  std::size_t count() const { return count_; }

 private:
  struct Run {
    std::string_view entity;
    ChangeKind change;
    int school_year;
    std::int64_t first;
    std::int64_t last;
  };
  std::vector<Run> runs_;
  std::size_t count_ = 0;
};

// What Commit writes to the log.
struct AuditRecord {
  AuditContext context;
  std::string at;  // ISO 8601 local time (UTC+8)
  std::vector<AuditKeyRange> keys;
};

// An entry as read back from the log.
struct AuditEntry {
  std::int64_t id = 0;
  AuditRecord record;
};

}  // namespace eduledger::store
