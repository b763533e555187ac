// The student-year data of the cube benchmark as plain columns: what the peers (DuckDB,
// PostgreSQL, SQLite, the hand-written loops) are given, taken once from an EduLedger snapshot
// so that every engine counts the same rows.
//
// One entry per student-year, in student order (a student's years together, students in the
// order the store holds them). Org units are snapshot org indexes. A school's township and
// county are the units of those levels above it; a county-run school (县直学校) has no
// township.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/snapshot.h"
#include "meta/org_unit.h"

namespace eduledger::bench {

struct StudentColumns {
  std::vector<int> years;                // school years; year[] indexes this
  std::vector<std::int32_t> parent;      // per org index; -1 at the top
  std::vector<std::uint8_t> org_level;   // per org index: meta::OrgLevel
  std::vector<std::uint8_t> year;        // index into years
  std::vector<std::uint32_t> school;     // org index
  std::vector<std::uint8_t> sex;         // 1 男, 2 女, 3 unknown (the cube's sex cells)
  std::vector<std::int8_t> grade;        // meta grade, -2..12
  std::vector<std::uint8_t> end_status;  // engine::EndStatus
  std::vector<std::uint8_t> next_level;  // engine next_level code (0 none, 15 unknown)

  std::size_t size() const { return year.size(); }
  std::size_t org_count() const { return parent.size(); }
  // The unit of `level` above `org`, or -1.
  std::int32_t Above(std::uint32_t org, meta::OrgLevel level) const;

  static StudentColumns FromSnapshot(const engine::Snapshot& snapshot);
  // The same rows ordered by school year and school (the order the hand loop rolls up from).
  StudentColumns OrderedBySchool() const;

  core::Status Save(const std::string& path) const;
  static core::Result<StudentColumns> Load(const std::string& path);
  // CSV for the SQL peers: year,county,township,school,sex,grade,end_status,next_level.
  core::Status WriteCsv(const std::string& path) const;
};

}  // namespace eduledger::bench
