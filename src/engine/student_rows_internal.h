// Student-year rows and event rows from register facts: the part of Snapshot::Build that turns
// students, enrolments and status events into packed rows. Internal to the engine.
//
// A student's enrolments and events are gathered first and read together in Finish():
//   - a school year's row is the enrolment the student held on its snapshot day. An
//     enrolment joined after it (meta::Enrolment::joined: a transfer during the year) is where
//     the student went, not a row of the snapshot;
//   - its events, end status and start status come from the student's events, wherever they
//     happened; next_level and previous from the rows of the years after and before;
//   - each event is also a row of its own (the events table), at the school where it happened,
//     with the grade the student had there (or at the row's school) that year.
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
// record i of the students table; the i-th event kept is record i of the events table.
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
  // Events of students not added, or without a date, are ignored.
  void AddEvent(const store::EventFacts& f);

  // The school years enrolled in (or fixed), ascending.
  const std::vector<int>& years() const { return years_; }

  struct Rows {
    std::vector<PendingRow> students;  // unsorted; year indexes are positions in years()
    std::vector<PendingRow> events;    // events dated in a school year of years()
  };
  // The rows, with events, statuses, next and previous level and class sizes filled in.
  Rows Finish();

  // The store ids of the events kept, by record.
  const std::vector<std::int64_t>& event_ids() const { return event_ids_; }
  // The classes (school × school year × grade × name) and their sizes on the snapshot day
  // (set by Finish; a class only pupils who arrived later were in has size 0).
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
    std::int32_t first_event = -1;      // linked list through EventState::next
  };
  struct EnrolmentState {
    std::uint32_t record;
    std::int32_t next;
    std::uint32_t org;
    std::uint32_t class_id;
    std::int16_t school_year;
    std::int8_t grade;
    bool joined_after_snapshot;  // arrived during the year: not on the snapshot day's roll
  };
  struct EventState {
    std::int32_t next;
    std::int32_t org;  // org index of the school; -1 when not given or unknown
    core::Date date;
    meta::EventType type;
  };

  const meta::OrgTree& orgs_;
  absl::flat_hash_map<std::int64_t, std::uint32_t> record_of_id_;
  std::vector<StudentState> students_;
  std::vector<EnrolmentState> enrolments_;
  std::vector<EventState> events_;
  std::vector<std::int64_t> event_ids_;
  std::vector<int> years_;
  bool fixed_years_ = false;
  absl::flat_hash_map<std::string, std::uint32_t> class_of_;
  std::vector<ClassKey> classes_;
  std::vector<std::uint32_t> class_sizes_;
  std::string key_buffer_;
};

}  // namespace eduledger::engine::internal
