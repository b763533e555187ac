// The register's basic figures for one org unit and statistics year (core/statistics_year.h),
// every one a package indicator computed by the engine (packages/county-bureau: the
// categories 基本情况, 招生与毕业, 教师队伍, 学籍异动), laid out the way a bureau's basic
// statistics read: schools by type (teaching points counted apart, as national tables do),
// students, entrants and graduates by level with the groups summaries report, staff and
// full-time teachers by level with the pupil-teacher ratio, and the register's changes over
// the flow window. The same figure is what `indicators` prints for the same code, year and
// unit, and what check-report compares a summary with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/indicators.h"
#include "app/metadata.h"
#include "core/result.h"
#include "core/statistics_year.h"
#include "meta/education_level.h"
#include "store/store.h"

namespace eduledger::app {

// One figure: an indicator's total for the unit (and its female cell where it has one).
struct StatsFigure {
  std::string code;                   // the indicator
  std::string name;                   // "小学在校生数"
  double value = __builtin_nan("");   // NaN: no value (note says why), or no such figure
  double female = __builtin_nan("");  // NaN: not split by sex
  std::string text;                   // as the indicator prints it ("13617人")
  std::string note;                   // why there is no value
  bool flow = false;
  bool has_value() const { return value == value; }
};

struct SchoolTypeCount {
  int type = 0;
  double public_count = 0;
  double private_count = 0;
};

struct LevelFigures {
  meta::EducationLevel level = meta::EducationLevel::kPrimary;
  StatsFigure students, entrants, graduates, teachers, ratio;  // code empty: none for the level
};

struct RegisterStats {
  int year = 0;  // the statistics year
  core::Date snapshot;
  core::Period flow = core::Period::SchoolYear(1970);
  std::string org_code;
  std::string org_name;

  // Schools, private schools, teaching points; students and the groups; staff and teachers.
  std::vector<StatsFigure> totals;
  std::vector<SchoolTypeCount> by_type;  // by type code, including 218 and attached classes
  std::vector<LevelFigures> by_level;    // the levels with pupils, teachers, entrants or graduates
  std::vector<StatsFigure> events;       // 学籍异动 in the flow window, by type

  // The figure of indicator `code` among totals and events, or nullptr.
  const StatsFigure* Find(std::string_view code) const;
};

// Compute the figures for `org` (code or name; empty: the actor's home unit) in statistics
// year `year` (0: the latest whose snapshot has passed). NotFound "no_such_year" for a year
// without enrolments and "no_records" for a unit with none; a unit outside the actor's scope
// is NotFound; a package without one of the indicators is FailedPrecondition
// "missing_indicator".
core::Result<RegisterStats> ComputeRegisterStats(store::Store& store, const Actor& actor,
                                                 const Metadata& md, int year, std::string_view org,
                                                 core::Date today = core::Date::Today());
// The same from a cube computed with `md.catalog()`.
core::Result<RegisterStats> ComputeRegisterStats(const engine::Cube& cube, const Actor& actor,
                                                 const Metadata& md, int year, std::string_view org,
                                                 core::Date today = core::Date::Today());

}  // namespace eduledger::app
