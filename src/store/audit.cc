#include "store/audit.h"

#include <algorithm>
#include <tuple>

namespace eduledger::store {

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdd: return "add";
    case ChangeKind::kUpdate: return "update";
    case ChangeKind::kDelete: return "delete";
  }
  return "?";
}

void AuditKeys::Add(std::string_view entity, ChangeKind change, int school_year,
                    std::int64_t key) {
  keys_.push_back(Key{entity, change, school_year, key});
}

std::vector<AuditKeyRange> AuditKeys::Ranges() const {
  std::vector<Key> sorted = keys_;
  std::sort(sorted.begin(), sorted.end(), [](const Key& a, const Key& b) {
    return std::tie(a.entity, a.change, a.school_year, a.key) <
           std::tie(b.entity, b.change, b.school_year, b.key);
  });
  std::vector<AuditKeyRange> out;
  for (const Key& k : sorted) {
    if (!out.empty()) {
      AuditKeyRange& last = out.back();
      if (last.entity == k.entity && last.change == k.change &&
          last.school_year == k.school_year && (k.key == last.last_key || k.key == last.last_key + 1)) {
        last.last_key = k.key;
        continue;
      }
    }
    out.push_back(AuditKeyRange{std::string(k.entity), k.change, k.school_year, k.key, k.key});
  }
  return out;
}

}  // namespace eduledger::store
