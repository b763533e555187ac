// Student-year rows from register facts: the part of Snapshot::Build that turns students,
// enrolments and status events into packed rows. Internal to the engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/field.h"
#include "meta/org_tree.h"
#include "store/register_scan.h"

namespace eduledger::engine::internal {

// A row being built: its sort key (year, school, grade, sex), word and record.
struct PendingRow {
  std::uint64_t key = 0;
  std::uint64_t word = 0;
  std::uint32_t record = 0;
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

// Collects the facts of the register and turns them into rows. The i-th student added is
// record i.
class StudentRows {
 public:
  // `orgs` must outlive this; org indexes are positions in orgs.units().
  explicit StudentRows(const meta::OrgTree& orgs) : orgs_(orgs) {}
  // With the school years fixed (an incremental refresh: the snapshot's years): enrolments in
  // other years are ignored, and a year's next year is "held" when it is among them.
  StudentRows(const meta::OrgTree& orgs, std::vector<int> years)
      : orgs_(orgs), years_(std::move(years)), fixed_years_(true) {}

  void AddStudent(const store::StudentFacts& f);
  // Enrolments of unknown students or schools, or with a grade out of range, are ignored.
  void AddEnrolment(const store::EnrolmentFacts& f);
  // Events of students not added are ignored; an event counts in the school year it is dated
  // in (when the student is enrolled then), and sets the start status of later school years.
  void AddEvent(const store::EventFacts& f);

  // The school years enrolled in (or fixed), ascending.
  const std::vector<int>& years() const { return years_; }
  // The rows, unsorted, with events, end status, next level and class sizes filled in; year
  // indexes are positions in years().
  std::vector<PendingRow> Finish() const;

  // The classes (school × school year × grade × name) and their sizes.
  struct ClassKey {
    int school_year;
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
    std::int32_t last_event_rank;
    std::int32_t start_event_rank;  // of the last event that sets the start status
    std::uint16_t events;
    std::int16_t school_year;
    std::uint8_t end_status;
    std::uint8_t start_status;
    std::int8_t grade;
  };

  const meta::OrgTree& orgs_;
  absl::flat_hash_map<std::int64_t, std::uint32_t> record_of_id_;
  std::vector<StudentState> students_;
  std::vector<EnrolmentState> enrolments_;
  std::vector<int> years_;
  bool fixed_years_ = false;
  absl::flat_hash_map<std::string, std::uint32_t> class_of_;
  std::vector<ClassKey> classes_;
  std::vector<std::uint32_t> class_sizes_;
  std::string key_buffer_;
};

}  // namespace eduledger::engine::internal
