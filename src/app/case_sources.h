// Cases the register opens in the 控辍保学 ledger (dropout_control): each 辍学 (dropout) event of
// the 学籍异动 opens one case, and each pupil of a year's 流失名单 (app/roster_check.h) one,
// however often the events are imported or this is run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/date.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

// The ledger dropout events open cases in.
inline constexpr std::string_view kDropoutLedger = "dropout_control";

// A dropout event as a 控辍保学 case is opened from.
struct DropoutEvent {
  std::string origin;   // "dropout_event:<id>"
  std::string student;  // the pupil's 全国学籍号, else ID number
  core::Date date;
  std::string note;
  std::string school_code;
  std::string school_name;
  std::string township;  // "县直学校" for a school the county runs
};

// The dropout events dated within [from, to] at the schools of compulsory education (a grade
// of 1–9 taught, not an adult school) the actor sees, by date.
core::Result<std::vector<DropoutEvent>> DropoutEvents(store::Store& store, const Actor& actor,
                                                      core::Date from, core::Date to);

struct OpenedCases {
  std::size_t opened = 0;    // new cases
  std::size_t existing = 0;  // events (pupils) whose case was opened before
  std::size_t followed = 0;  // 流失名单 pupils already followed by a case of another origin
  std::vector<std::int64_t> ids;  // of the new cases
};

// Open a case for each dropout event dated within [from, to] at a school of compulsory education
// (one teaching a grade of 1–9, not an adult school) the actor sees: in its
// first state (疑似辍学), at the event's school, with the student, source 学籍异动 and the day
// the pupil left; origin "dropout_event:<event id>". FailedPrecondition "missing_ledger" when
// the package has no dropout_control ledger.
core::Result<OpenedCases> OpenDropoutCases(store::Store& store, const Actor& actor,
                                           const Metadata& md, core::Date from, core::Date to);

// Open a case for each pupil of statistics year `year`'s 流失名单 (0: the latest year whose
// snapshot has passed) at the schools the actor sees: in the first state (疑似辍学), at the
// school whose roll they left, source 流失名单, opened on the year's snapshot day (today, when
// that is later than today); origin "roster:<year>:<student id>". A pupil the ledger already
// follows (a case still open, or one opened since the year's flow window began: a dropout
// event's, one registered by hand) gets no second case and is counted `followed`. Nothing is
// opened when the year's roster cannot be checked (RosterCheck::checked). The errors of
// CheckRoster, and "missing_ledger" as above.
core::Result<OpenedCases> OpenRosterCases(store::Store& store, const Actor& actor,
                                          const Metadata& md, int year,
                                          core::Date today = core::Date::Today());

}  // namespace eduledger::app
