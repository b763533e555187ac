// Register scans: the lean rows the engine's snapshot is built from. They carry facts, never
// names or ID numbers, so a snapshot holds no personal data beyond a birth date and a sex.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "core/date.h"
#include "core/status.h"
#include "meta/education_level.h"
#include "meta/staff.h"
#include "meta/status_event.h"
#include "meta/student.h"

namespace eduledger::store {

struct StudentFacts {
  std::int64_t id = 0;
  core::Sex sex = core::Sex::kUnknown;
  core::Date birth_date;
  int ethnicity = 0;
  meta::Hukou hukou = meta::Hukou::kUnknown;
  meta::Disability disability = meta::Disability::kNone;
  std::uint32_t flags = 0;
};

// `class_name` is valid only during the callback.
struct EnrolmentFacts {
  std::int64_t student_id = 0;
  int school_year = 0;
  std::int64_t org_unit_id = 0;
  int grade = 0;
  std::string_view class_name;
  core::Date joined;  // null: on the roll on the snapshot day (meta/enrolment.h)
};

struct EventFacts {
  std::int64_t id = 0;
  std::int64_t student_id = 0;
  meta::EventType type = meta::EventType::kAdmit;
  core::Date date;  // null when the event's date is not known
  std::int64_t org_unit_id = 0;
};

// A staff assignment with the person's sex and birth date.
struct StaffFacts {
  std::int64_t staff_id = 0;
  int school_year = 0;
  std::int64_t org_unit_id = 0;
  core::Sex sex = core::Sex::kUnknown;
  core::Date birth_date;
  meta::Post post = meta::Post::kUnknown;
  meta::Title title = meta::Title::kNone;
  std::optional<meta::EducationLevel> level_taught;
  meta::Qualification qualification = meta::Qualification::kUnknown;
};

template <class T>
using ScanFn = std::function<core::Status(const T&)>;

// The three callbacks of Store::ScanSchoolRegister: the students first, then their
// enrolments, then their events.
struct SchoolScan {
  ScanFn<StudentFacts> students;
  ScanFn<EnrolmentFacts> enrolments;
  ScanFn<EventFacts> events;
};

}  // namespace eduledger::store
