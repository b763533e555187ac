#include "store/audit.h"

#include <algorithm>
#include <tuple>

namespace eduledger::store {

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdd:
      return "add";
    case ChangeKind::kUpdate:
      return "update";
    case ChangeKind::kDelete:
      return "delete";
  }
  return "?";
}

ChangeKind ChangeKindFromName(std::string_view name) {
  for (const ChangeKind k : {ChangeKind::kAdd, ChangeKind::kUpdate, ChangeKind::kDelete}) {
    if (ChangeKindName(k) == name) return k;
  }
  return ChangeKind::kDelete;
}

void AuditKeys::Add(std::string_view entity, ChangeKind change, int school_year, std::int64_t key) {
  ++count_;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.entity == entity && last.change == change && last.school_year == school_year &&
        (key == last.last + 1 || key == last.last)) {
      last.last = key;
      return;
    }
  }
  runs_.push_back(Run{entity, change, school_year, key, key});
}

std::vector<AuditKeyRange> AuditKeys::Ranges() const {
  std::vector<Run> sorted = runs_;
  std::sort(sorted.begin(), sorted.end(), [](const Run& a, const Run& b) {
    return std::tie(a.entity, a.change, a.school_year, a.first) <
           std::tie(b.entity, b.change, b.school_year, b.first);
  });
  std::vector<AuditKeyRange> out;
  for (const Run& r : sorted) {
    if (!out.empty()) {
      AuditKeyRange& last = out.back();
      if (last.entity == r.entity && last.change == r.change && last.school_year == r.school_year &&
          r.first <= last.last_key + 1) {
        last.last_key = std::max(last.last_key, r.last);
        continue;
      }
    }
    out.push_back(AuditKeyRange{std::string(r.entity), r.change, r.school_year, r.first, r.last});
  }
  return out;
}

}  // namespace eduledger::store
