// Table: one columnar table of the snapshot (students, staff, classes). Rows are grouped by
// school, school year and (where the table has them) grade and sex; a group's attributes are
// packed once into its word, each row's own attributes into a row word (field.h). Rows of a
// group are contiguous, so a count over a group whose filter tests only group fields costs
// nothing per row.
//
// Read-only once built, so it may be read from several threads.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/field.h"

namespace eduledger::engine {

struct Group {
  std::uint64_t word = 0;   // group fields (field.h)
  std::uint32_t begin = 0;  // rows [begin, end)
  std::uint32_t end = 0;
  std::uint32_t org = 0;   // org-unit index of the school
  std::uint16_t year = 0;  // school-year index
  std::uint32_t size() const { return end - begin; }
};

struct Table {
  const Layout* layout = nullptr;
  std::vector<Group> groups;
  std::vector<std::uint64_t> words;    // one per row
  std::vector<std::uint32_t> records;  // one per row: the record it stands for (provenance)

  std::size_t MemoryBytes() const {
    return groups.capacity() * sizeof(Group) + words.capacity() * sizeof(std::uint64_t) +
           records.capacity() * sizeof(std::uint32_t);
  }
};

}  // namespace eduledger::engine
