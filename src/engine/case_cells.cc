#include "engine/case_cells.h"

#include <algorithm>
#include <utility>

namespace eduledger::engine {
namespace {

// Cells are held when they are at most this share of the rows (summing them is then several
// times faster than summing the rows, for the memory of a fraction of them).
constexpr std::size_t kRowsPerCell = 4;
// The rows scanned before the share is tested (a ledger's first rows are all new cells).
constexpr std::size_t kRowsBeforeTest = 1 << 16;

}  // namespace

void CaseCells::AddScanned(const Key& key, std::span<const double> numbers, std::size_t rows_seen) {
  if (!held_) return;
  Add(key, numbers, 1);
  if (rows_seen >= kRowsBeforeTest && size() * kRowsPerCell > rows_seen) Drop();
}

void CaseCells::EndScan(std::size_t rows) {
  if (held_ && size() * kRowsPerCell > rows) Drop();
}

void CaseCells::Move(const Key& was, std::span<const double> numbers_were, const Key& is,
                     std::span<const double> numbers) {
  if (!held_) return;
  if (was == is &&
      std::equal(numbers_were.begin(), numbers_were.end(), numbers.begin(), numbers.end(),
                 [](double a, double b) { return a == b || (a != a && b != b); })) {
    return;  // an edit of what the cells do not hold
  }
  Add(was, numbers_were, -1);
  Add(is, numbers, 1);
}

void CaseCells::Add(const Key& key, std::span<const double> numbers, double sign) {
  const auto [it, added] = index_.try_emplace(key, static_cast<std::uint32_t>(size()));
  if (added) {
    group_words_.push_back(key.group_word);
    words_.push_back(key.word);
    orgs_.push_back(key.org);
    years_.push_back(key.year);
    months_.push_back(key.month);
    counts_.push_back(0);
    for (std::vector<double>& column : sums_) column.push_back(0);
  }
  const std::uint32_t cell = it->second;
  counts_[cell] += sign;
  if (counts_[cell] == 0) {
    // Emptied: its sums are 0, not what is left of adding and taking away amounts in 元 that
    // a double holds inexactly (0.1 + 0.2 - 0.1 - 0.2 is 2.8e-17).
    for (std::vector<double>& column : sums_) column[cell] = 0;
    return;
  }
  for (std::size_t k = 0; k < numbers.size() && k < sums_.size(); ++k) {
    if (numbers[k] == numbers[k]) sums_[k][cell] += sign * numbers[k];
  }
}

void CaseCells::Drop() {
  held_ = false;
  // Give the memory back, not only the elements.
  std::vector<std::uint64_t>().swap(group_words_);
  std::vector<std::uint64_t>().swap(words_);
  std::vector<std::uint32_t>().swap(orgs_);
  std::vector<std::uint16_t>().swap(years_);
  std::vector<std::uint8_t>().swap(months_);
  std::vector<double>().swap(counts_);
  for (std::vector<double>& column : sums_) std::vector<double>().swap(column);
  absl::flat_hash_map<Key, std::uint32_t>().swap(index_);
}

std::size_t CaseCells::MemoryBytes() const {
  std::size_t n = (group_words_.capacity() + words_.capacity()) * sizeof(std::uint64_t) +
                  orgs_.capacity() * sizeof(std::uint32_t) +
                  years_.capacity() * sizeof(std::uint16_t) + months_.capacity() +
                  counts_.capacity() * sizeof(double) +
                  index_.capacity() * (sizeof(std::pair<const Key, std::uint32_t>) + 1) +
                  sums_.capacity() * sizeof(std::vector<double>);
  for (const std::vector<double>& column : sums_) n += column.capacity() * sizeof(double);
  return n;
}

}  // namespace eduledger::engine
