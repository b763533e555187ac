#include "engine/student_links.h"

#include <algorithm>

namespace eduledger::engine {

bool StudentSet::empty() const {
  return std::all_of(bits_.begin(), bits_.end(), [](std::uint64_t w) { return w == 0; });
}

void StudentSet::Merge(const StudentSet& other) {
  for (std::size_t i = 0; i < bits_.size() && i < other.bits_.size(); ++i)
    bits_[i] |= other.bits_[i];
}

}  // namespace eduledger::engine
