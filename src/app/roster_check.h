// The roster check of a statistics year (学籍比对; its result is the 流失名单): the pupils on
// the roll at the start of its flow window who are on no school's roll at its snapshot while
// the register records no reason (no graduation, transfer out, dropout, suspension or death):
// the package indicator unexplained_leavers, listed by township and school with who they are.
// Each is a register gap a school must explain, and a 控辍保学 case to open; while there are
// any, the unit's flow figures are incomplete (app/indicators.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "app/record_names.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

struct RosterGap {
  std::string township;  // the school's township; "县直学校" for a school the county runs
  std::string school_code;
  std::string school_name;
  std::vector<ExplainedRecord> pupils;    // masked unless the reader has full view
  std::vector<std::int64_t> student_ids;  // the pupils' register ids, in the order of pupils
};

struct RosterCheck {
  int year = 0;                 // the statistics year
  bool checked = false;         // false: the register lacks the school year before (nothing to
                                // compare with), or its window has no events (below)
  bool events_recorded = true;  // false: no 学籍异动 at all in the window (app/event_coverage.h)
  std::int64_t total = 0;       // pupils unaccounted for
  std::vector<RosterGap> gaps;  // by township, then school
};

// Check statistics year `year` (0: the latest whose snapshot has passed) at `org` (empty: the
// actor's home unit). NotFound "no_such_year" when the register has no roll of `year`; a package
// without the indicator unexplained_leavers is FailedPrecondition "missing_indicator".
core::Result<RosterCheck> CheckRoster(store::Store& store, const Actor& actor, const Metadata& md,
                                      int year, std::string_view org,
                                      core::Date today = core::Date::Today());

}  // namespace eduledger::app
