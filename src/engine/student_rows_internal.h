// Student-year rows from register facts: the part of building a snapshot shared by Build
// (every student); kept apart so a later per-school rebuild can reuse it. Internal to the engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/snapshot.h"
#include "store/register_scan.h"

namespace eduledger::engine::internal {

// A row being built: its sort key (year, school, grade, sex), word and record.
struct PendingRow {
  std::uint64_t key = 0;
  std::uint64_t word = 0;
  std::uint32_t record = 0;
  std::uint32_t class_id = 0;  // index into StudentRowInput::class_sizes
};

inline std::uint64_t RowKey(int year_idx, std::uint32_t org, int stored_grade, int stored_sex) {
  return (static_cast<std::uint64_t>(year_idx) << 40) | (static_cast<std::uint64_t>(org) << 8) |
         (static_cast<std::uint64_t>(stored_grade) << 4) | static_cast<std::uint64_t>(stored_sex);
}
inline int KeyYear(std::uint64_t key) { return static_cast<int>(key >> 40); }
inline std::uint32_t KeyOrg(std::uint64_t key) {
  return static_cast<std::uint32_t>((key >> 8) & 0xffffffff);
}
inline int KeyGrade(std::uint64_t key) { return static_cast<int>((key >> 4) & 0xf); }
inline int KeySex(std::uint64_t key) { return static_cast<int>(key & 0x3); }

// Collects the facts of a set of students and turns them into rows.
class StudentRows {
 public:
  explicit StudentRows(const Snapshot& snapshot);

  // Add a student whose rows will carry `record`.
  void AddStudent(const store::StudentFacts& f, std::uint32_t record);
  // Enrolments of students not added, of unknown schools or outside the years, are counted
  // in skipped().
  void AddEnrolment(const store::EnrolmentFacts& f);
  void AddEvent(const store::EventFacts& f);
  // The rows, sorted by key, with events, end status, next level and class sizes filled in.
  std::vector<PendingRow> Finish();
  std::int64_t skipped() const { return skipped_; }
  // The class of each row, as (year index, org, name); for the snapshot's class table.
  struct ClassKey {
    int year_idx;
    std::uint32_t org;
    std::string name;
    int grade;
  };
  const std::vector<ClassKey>& classes() const { return classes_; }
  const std::vector<std::uint32_t>& class_sizes() const { return class_sizes_; }

 private:
  struct StudentState {
    std::uint64_t bits = 0;  // row fields that belong to the person
    std::uint8_t sex = 0;
    std::int32_t first_enrolment = -1;  // linked list through EnrolmentState::next
  };
  struct EnrolmentState {
    std::uint32_t record;
    std::int32_t next;
    std::uint32_t org;
    std::uint32_t class_id;
    std::int32_t last_event_day;
    std::uint16_t events;
    std::uint8_t end_status;
    std::int8_t grade;
    std::uint8_t year_idx;
  };

  const Snapshot& snapshot_;
  absl::flat_hash_map<std::int64_t, std::uint32_t> state_of_id_;  // store id -> students_
  std::vector<StudentState> students_;
  std::vector<std::uint32_t> records_;  // per students_ entry: its snapshot record
  std::vector<EnrolmentState> enrolments_;
  absl::flat_hash_map<std::string, std::uint32_t> class_of_;
  std::vector<ClassKey> classes_;
  std::vector<std::uint32_t> class_sizes_;
  std::string key_buffer_;
  std::int64_t skipped_ = 0;
};

}  // namespace eduledger::engine::internal
