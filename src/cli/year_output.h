// How every command that takes --year says which statistics year it used: the same heading for
// people and the same JSON fields for tools (core/statistics_year.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace eduledger::cli {

// "2025年教育统计（统计时点 2025年9月1日，统计期 2024年9月1日—2025年8月31日）".
std::string StatisticsYearHeading(int year);
// {"statistics_year": 2025, "snapshot_date": "2025-09-01",
//  "flow_window": {"from": "2024-09-01", "to": "2025-08-31"}}, added to `out`.
void AddStatisticsYear(int year, nlohmann::json* out);

}  // namespace eduledger::cli
