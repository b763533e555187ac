// The 大班额 ledger (large_class) as the register keeps it: each class of 小学 or 初中 with 56 or
// more pupils on a statistics year's snapshot opens one case, and the snapshots after close it.
//
//   a class      its school, the school year its cohort entered grade 1 (school year − grade)
//                and its class number (the last run of digits of its name: "七(2)班" and
//                "八(2)班" are one class a year apart; a name without digits is its number)
//   opened       on the snapshot day it first had 56+ (state 待化解), origin
//                "large_class:<school code>:<cohort>:<class number>", once however often this
//                is run
//   eliminated   (已化解) on the first later snapshot where the class has 55 or fewer, or, when
//                it is no longer found by its number, every class of its grade has
//   left         (已毕业离校) when its cohort's grade is no longer taught at the school
//   relapse      a class at 56+ again after its case was closed (反弹) gets a case of its own,
//                origin "<its origin>#<year>"
//
// A case opened by hand (no origin) is its author's to move.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/date.h"
#include "core/result.h"
#include "engine/snapshot.h"
#include "store/store.h"

namespace eduledger::app {

inline constexpr std::string_view kLargeClassLedger = "large_class";
// 大班额: 56 pupils or more (the national standard; 66+ is 超大班额).
inline constexpr int kLargeClassSize = 56;

struct LargeClassSync {
  int year = 0;                   // the latest statistics year read
  std::size_t large = 0;          // classes of 56+ on its snapshot
  std::size_t opened = 0;         // cases opened, over every year read
  std::size_t eliminated = 0;     // cases moved to 已化解
  std::size_t left = 0;           // cases moved to 已毕业离校
  std::size_t still_open = 0;     // cases of the register not closed after the run
  std::vector<std::int64_t> ids;  // of the new cases
};

// Read the snapshots of the statistics years held up to `year` (0: the latest whose snapshot has
// passed on `today`), in order, at the schools the actor sees: close the open cases a snapshot
// shows eliminated or gone, then open a case for each class of 56+ that has none. NotFound
// "no_such_year" when the register has no roll of `year`; FailedPrecondition "year_running"
// when its snapshot day is after `today`, "missing_ledger" when the package has no large_class
// ledger.
core::Result<LargeClassSync> SyncLargeClasses(store::Store& store, const Actor& actor,
                                              const Metadata& md, int year,
                                              core::Date today = core::Date::Today());

// A class of 56+ on a snapshot.
struct LargeClass {
  std::string school_code;
  std::string school_name;
  std::string township;  // "县直学校" for a school the county runs
  int grade = 0;
  std::string class_name;
  int size = 0;
  std::string origin;  // of its case
};

// The classes of 56+ on statistics year `year`'s snapshot at the schools the actor sees, by
// school, grade and class number; the errors of SyncLargeClasses but "missing_ledger".
core::Result<std::vector<LargeClass>> LargeClassesOf(store::Store& store, const Actor& actor,
                                                     int year,
                                                     core::Date today = core::Date::Today());

// The same from a snapshot already read (empty when it lacks the year).
std::vector<LargeClass> LargeClassesOf(const engine::Snapshot& s, const Actor& actor, int year);

// Those of them on snapshot `s` no case followed (none was opened, or it was closed before: a
// relapse after 已化解 needs a case of its own, `ledger sync`); empty when the package has no
// large_class ledger or `s` lacks the year.
core::Result<std::vector<LargeClass>> UnfollowedLargeClasses(store::Store& store,
                                                             const engine::Snapshot& s,
                                                             const Actor& actor, const Metadata& md,
                                                             int year);

// A class's number as the case identifies it (above): "七(2)班" → "2", "一班" → "一班".
std::string ClassNumber(std::string_view class_name);

}  // namespace eduledger::app
