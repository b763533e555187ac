// Enrolment: a student at a school in a school year, as at the statistics time point
// (1 September), with grade and class. One person has one enrolment per school year and
// school; a second at another school in the same year is an error unless a transfer (转入)
// explains it, and then it is where the student went, not a second pupil of the snapshot.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"

namespace eduledger::meta {

struct Enrolment {
  std::int64_t student_id = 0;
  int school_year = 0;           // 2024 = 2024-2025学年
  std::int64_t org_unit_id = 0;  // the school
  int grade = 0;                 // see grade.h
  std::string class_name;        // 班级, as the school names it ("3班", "七(2)班")
  int admission_ym = 0;          // 入学年月 at this school, YYYYMM; 0 unknown
  // The day a student who arrived during the school year by a transfer joined this school;
  // null for one on its roll on the snapshot day (the stock). Set by the import when a
  // transfer explains a second enrolment of the year.
  core::Date joined;

  friend bool operator==(const Enrolment&, const Enrolment&) = default;
};

}  // namespace eduledger::meta
