// The rows two counts of one table both count: "students(level = junior)" and
// "students(end_status = in_school and next_level = none)" give
// "students((level = junior) and ((end_status = in_school) and (next_level = none)))". The app
// uses it to ask how many of the pupils a figure counts among left the roll unrecorded, so
// that a figure is marked incomplete exactly where its own pupils are missing from the events.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eduledger::engine {

// The expression counting the rows both `a` and `b` count, when each is one count of the same
// table of rows (row_tables.h) with at most a filter; nullopt otherwise (a sum, a ratio, a
// collected figure, years_before, two tables, or text that does not parse).
std::optional<std::string> IntersectCounts(std::string_view a, std::string_view b);

}  // namespace eduledger::engine
