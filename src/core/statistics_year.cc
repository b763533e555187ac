#include "core/statistics_year.h"

namespace eduledger::core {

Date SnapshotDate(int year) { return Period::SchoolYear(year).start(); }

Period FlowWindow(int year) { return Period::SchoolYear(year - 1); }

bool OnSnapshotRoll(Date joined, int school_year) {
  return joined.is_null() || joined < SnapshotDate(school_year);
}

int LatestStatisticsYear(Date today) {
  return today < SnapshotDate(today.year()) ? today.year() - 1 : today.year();
}

std::string StatisticsYearLabel(int year) { return std::to_string(year) + "年教育统计"; }

std::string StatisticsYearDates(int year) {
  const Period flow = FlowWindow(year);
  return "统计时点 " + SnapshotDate(year).ToChinese() + "，统计期 " + flow.start().ToChinese() +
         "—" + flow.end().ToChinese();
}

}  // namespace eduledger::core
