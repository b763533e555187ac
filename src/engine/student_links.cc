#include "engine/student_links.h"

#include <algorithm>

namespace eduledger::engine {

bool StudentSet::empty() const {
  return std::all_of(bits_.begin(), bits_.end(), [](std::uint64_t w) { return w == 0; });
}

}  // namespace eduledger::engine
