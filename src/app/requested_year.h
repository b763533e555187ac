// The statistics year a request means (core/statistics_year.h), and what a command says when
// the register holds nothing for it: "2030年无在校生记录", never a table of zeros.
#pragma once

#include <span>
#include <string>

#include "core/date.h"
#include "core/status.h"

namespace eduledger::app {

// `year`, or when it is 0 the latest statistics year whose snapshot has passed on `today`.
int RequestedYear(int year, core::Date today);

// The years held, runs joined: "2017、2024—2026年"; "无" for none.
std::string YearsHeldText(std::span<const int> years);

// NotFound "no_such_year": statistics year `year` has no enrolments; names the years held.
core::Status NoRecordsOfYear(std::span<const int> years_held, int year);

}  // namespace eduledger::app
