#include "ingest/row_error.h"

#include <algorithm>
#include <tuple>

namespace eduledger::ingest {

void ErrorList::Add(RowError error) {
  ++count_;
  if (kept_.size() < limit_) kept_.push_back(std::move(error));
}

void ErrorList::SortByRow() {
  std::stable_sort(kept_.begin(), kept_.end(), [](const RowError& a, const RowError& b) {
    return std::tie(a.row, a.column) < std::tie(b.row, b.column);
  });
}

}  // namespace eduledger::ingest
