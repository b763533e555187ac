#include "engine/case_cells.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace eduledger::engine {
namespace {

CaseCells::Key At(std::uint32_t org, std::uint8_t month, std::uint64_t word) {
  return {.group_word = 7, .word = word, .org = org, .year = 0, .month = month};
}

// The cell of `key` among the cells, or -1.
int CellOf(const CaseCells& cells, const CaseCells::Key& key) {
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells.orgs()[c] == key.org && cells.months()[c] == key.month &&
        cells.words()[c] == key.word && cells.group_words()[c] == key.group_word &&
        cells.years()[c] == key.year) {
      return static_cast<int>(c);
    }
  }
  return -1;
}

TEST(CaseCellsTest, RowsOfOneCellAreCountedAndTheirSetNumbersSummed) {
  CaseCells cells(2);
  const double nan = std::nan("");
  // Four rows: three of school 1 in March (word 5), one of school 2; column 1 unset on one.
  const std::vector<std::vector<double>> numbers = {{100, 1}, {250, nan}, {50, 2}, {7, 3}};
  const CaseCells::Key keys[] = {At(1, 3, 5), At(1, 3, 5), At(1, 3, 5), At(2, 3, 5)};
  std::size_t seen = 0;
  for (std::size_t r = 0; r < 4; ++r) cells.AddScanned(keys[r], numbers[r], ++seen);
  // Twelve more of one cell, so that the four cells' worth stay under a quarter of the rows.
  for (std::size_t r = 0; r < 12; ++r) cells.AddScanned(At(3, 4, 9), numbers[3], ++seen);
  cells.EndScan(seen);
  ASSERT_TRUE(cells.held());
  ASSERT_EQ(cells.size(), 3u);
  const int march = CellOf(cells, At(1, 3, 5));
  ASSERT_GE(march, 0);
  EXPECT_EQ(cells.counts()[march], 3);
  EXPECT_EQ(cells.sums(0)[march], 400);  // 100 + 250 + 50
  EXPECT_EQ(cells.sums(1)[march], 3);    // 1 + 2, the unset one left out
  const int april = CellOf(cells, At(3, 4, 9));
  ASSERT_GE(april, 0);
  EXPECT_EQ(cells.counts()[april], 12);
  EXPECT_EQ(cells.sums(1)[april], 36);

  // A row moved (its state word 5 → 6, its sum 250 → 300): out of its cell, into a new one.
  const std::vector<double> moved = {300, 4};
  cells.Move(At(1, 3, 5), numbers[1], At(1, 3, 6), moved);
  EXPECT_EQ(cells.counts()[march], 2);
  EXPECT_EQ(cells.sums(0)[march], 150);
  EXPECT_EQ(cells.sums(1)[march], 3);
  const int paid = CellOf(cells, At(1, 3, 6));
  ASSERT_GE(paid, 0);
  EXPECT_EQ(cells.counts()[paid], 1);
  EXPECT_EQ(cells.sums(0)[paid], 300);
  EXPECT_EQ(cells.sums(1)[paid], 4);
  // Moved on to another school and month: the cell it left is empty, its sums exactly 0.
  cells.Move(At(1, 3, 6), moved, At(3, 4, 9), moved);
  EXPECT_EQ(cells.counts()[paid], 0);
  EXPECT_EQ(cells.sums(0)[paid], 0);
  EXPECT_EQ(cells.counts()[april], 13);
  EXPECT_EQ(cells.sums(0)[april], 7 * 12 + 300);
}

TEST(CaseCellsTest, AnEmptiedCellSumsToZeroWhateverItsAmounts) {
  CaseCells cells(1);
  const std::vector<double> dime = {0.1}, fifth = {0.2}, other = {1};
  std::size_t seen = 0;
  cells.AddScanned(At(1, 1, 1), dime, ++seen);
  cells.AddScanned(At(1, 1, 1), fifth, ++seen);
  for (int r = 0; r < 10; ++r) cells.AddScanned(At(2, 1, 1), other, ++seen);
  cells.EndScan(seen);
  ASSERT_TRUE(cells.held());
  const int cell = CellOf(cells, At(1, 1, 1));
  ASSERT_GE(cell, 0);
  cells.Move(At(1, 1, 1), dime, At(2, 1, 1), dime);
  cells.Move(At(1, 1, 1), fifth, At(2, 1, 1), fifth);
  EXPECT_EQ(cells.counts()[cell], 0);
  EXPECT_EQ(cells.sums(0)[cell], 0.0);  // not 2.8e-17
  // An edit the cells do not see (the same cell, the same numbers) changes nothing.
  const int to = CellOf(cells, At(2, 1, 1));
  ASSERT_GE(to, 0);
  const double before = cells.sums(0)[to];
  cells.Move(At(2, 1, 1), dime, At(2, 1, 1), dime);
  EXPECT_EQ(cells.sums(0)[to], before);
  EXPECT_EQ(cells.counts()[to], 12);
}

TEST(CaseCellsTest, RowsOfManyCellsAreNotHeld) {
  // A small ledger, every row a cell of its own: no cells held.
  CaseCells few(1);
  const std::vector<double> one = {1};
  for (std::uint32_t r = 0; r < 10; ++r) few.AddScanned(At(r, 1, 1), one, r + 1);
  few.EndScan(10);
  EXPECT_FALSE(few.held());
  EXPECT_EQ(few.size(), 0u);
  // Exactly a quarter: held. One cell more: not.
  CaseCells quarter(1);
  for (std::uint32_t r = 0; r < 40; ++r) quarter.AddScanned(At(r % 10, 1, 1), one, r + 1);
  quarter.EndScan(40);
  EXPECT_TRUE(quarter.held());
  CaseCells over(1);
  for (std::uint32_t r = 0; r < 40; ++r) over.AddScanned(At(r % 11, 1, 1), one, r + 1);
  over.EndScan(40);
  EXPECT_FALSE(over.held());
  // A large ledger of new cells is given up while scanned, and a move then changes nothing.
  CaseCells large(1);
  std::size_t seen = 0;
  for (std::uint32_t r = 0; r < (1u << 16); ++r) large.AddScanned(At(r, 1, 1), one, ++seen);
  EXPECT_FALSE(large.held());
  large.Move(At(1, 1, 1), one, At(1, 1, 2), one);
  EXPECT_EQ(large.size(), 0u);
  EXPECT_LE(large.MemoryBytes(), sizeof(std::vector<double>));  // its one column, emptied
}

}  // namespace
}  // namespace eduledger::engine
