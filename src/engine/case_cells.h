// CaseCells: a ledger's case rows grouped by what a sum under a filter of equalities reads (the
// school year, the unit, the month and the two words): how many rows each cell holds and the
// sum of each number column over them. A ledger of payments, millions of rows of a few states
// and programmes per school and day, is summed over its cells instead of its rows; a ledger
// whose rows are nearly all different holds no cells (`held` false) and is summed row by row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace eduledger::engine {

class CaseCells {
 public:
  struct Key {
    std::uint64_t group_word = 0, word = 0;
    std::uint32_t org = 0;
    std::uint16_t year = 0;  // or CaseRows::kUndated
    std::uint8_t month = 0;
    bool operator==(const Key&) const = default;
    template <typename H>
    friend H AbslHashValue(H h, const Key& k) {
      return H::combine(std::move(h), k.group_word, k.word, k.org, k.year, k.month);
    }
  };

  // No cells (a ledger not scanned is summed by its rows); with `columns` number columns, cells
  // to be filled by a scan.
  CaseCells() = default;
  explicit CaseCells(std::size_t columns) : held_(true), sums_(columns) {}

  // A row read while the rows are scanned: grouped while the cells stay few enough beside the
  // rows seen (`rows_seen`, this one included), else dropped for good.
  void AddScanned(const Key& key, std::span<const double> numbers, std::size_t rows_seen);
  // Decide at the end of the scan of `rows` rows whether the cells are held.
  void EndScan(std::size_t rows);
  // A held row changed: taken out of its cell as it was and put into its cell as it is.
  void Move(const Key& was, std::span<const double> numbers_were, const Key& is,
            std::span<const double> numbers);

  bool held() const { return held_; }
  std::size_t size() const { return words_.size(); }
  const std::uint64_t* group_words() const { return group_words_.data(); }
  const std::uint64_t* words() const { return words_.data(); }
  const std::uint32_t* orgs() const { return orgs_.data(); }
  const std::uint16_t* years() const { return years_.data(); }
  const std::uint8_t* months() const { return months_.data(); }
  const double* counts() const { return counts_.data(); }
  // The sum of the set values (NaN: unset) of number column `column` over each cell's rows.
  const double* sums(std::size_t column) const { return sums_[column].data(); }
  std::size_t MemoryBytes() const;

 private:
  void Add(const Key& key, std::span<const double> numbers, double sign);
  void Drop();

  bool held_ = false;
  std::vector<std::uint64_t> group_words_, words_;
  std::vector<std::uint32_t> orgs_;
  std::vector<std::uint16_t> years_;
  std::vector<std::uint8_t> months_;
  std::vector<double> counts_;
  std::vector<std::vector<double>> sums_;  // [column][cell]
  absl::flat_hash_map<Key, std::uint32_t> index_;
};

}  // namespace eduledger::engine
