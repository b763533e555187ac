// The day the import suites run "on": fixed, so that a date check (a birth date in the future,
// an event after today) gives the same verdict whenever the tests run.
#pragma once

#include "core/date.h"

namespace eduledger::ingest {

inline const core::Date kToday = *core::Date::FromYmd(2026, 11, 23);

}  // namespace eduledger::ingest
