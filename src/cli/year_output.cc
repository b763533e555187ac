#include "cli/year_output.h"

#include "core/statistics_year.h"

namespace eduledger::cli {

std::string StatisticsYearHeading(int year) {
  return core::StatisticsYearLabel(year) + "（" + core::StatisticsYearDates(year) + "）";
}

void AddStatisticsYear(int year, nlohmann::json* out) {
  const core::Period flow = core::FlowWindow(year);
  (*out)["statistics_year"] = year;
  (*out)["snapshot_date"] = core::SnapshotDate(year).ToString();
  (*out)["flow_window"] = {{"from", flow.start().ToString()}, {"to", flow.end().ToString()}};
}

}  // namespace eduledger::cli
