// The register's basic figures for one org unit and school year: schools by type (teaching
// points counted apart, as national tables do), students by level with the groups summaries
// report, staff and full-time teachers by level with the student-teacher ratio, and the
// register's changes over the year's flow window. Stocks are as at 1 September of the school
// year; flows run over the window that ends on the 31 August before it (DOMAIN.md §2).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "core/result.h"
#include "core/statistics_year.h"
#include "meta/education_level.h"
#include "meta/status_event.h"
#include "store/store.h"

namespace eduledger::app {

struct SchoolTypeCount {
  int type = 0;
  std::int64_t public_count = 0;
  std::int64_t private_count = 0;
};

struct LevelCount {
  meta::EducationLevel level = meta::EducationLevel::kPrimary;
  std::int64_t students = 0;
  std::int64_t female = 0;
  std::int64_t teachers = 0;  // full-time teachers (专任教师) of the level
};

struct RegisterStats {
  int school_year = 0;
  std::string org_code;
  std::string org_name;
  core::Date snapshot;                                 // 9月1日 of the school year
  core::Period flow = core::Period::SchoolYear(1970);  // the flow window; set by Compute…

  std::int64_t schools = 0;  // 学校数: teaching points and attached classes excluded
  std::int64_t private_schools = 0;
  std::int64_t teaching_points = 0;
  std::vector<SchoolTypeCount> by_type;  // by type code, including 218

  std::int64_t students = 0;
  std::int64_t minority = 0;
  std::int64_t left_behind = 0;
  std::int64_t migrant_children = 0;
  std::int64_t disabled = 0;
  std::int64_t registered_poor = 0;
  std::vector<LevelCount> by_level;  // levels with students or teachers

  std::int64_t staff = 0;     // 教职工
  std::int64_t teachers = 0;  // 专任教师

  std::vector<std::pair<meta::EventType, std::int64_t>> events;  // in the flow window
};

// The school year to report when none is asked for: the newest with enrolments (0 if none).
core::Result<int> LatestSchoolYear(store::Store& store);

// Compute the figures for `org` (code or name; empty: the actor's root) in `school_year`.
// A unit outside the actor's scope is NotFound.
core::Result<RegisterStats> ComputeRegisterStats(store::Store& store, const Actor& actor,
                                                 int school_year, std::string_view org);

}  // namespace eduledger::app
