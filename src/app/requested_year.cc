#include "app/requested_year.h"

#include <string>

#include "core/statistics_year.h"

namespace eduledger::app {

int RequestedYear(int year, core::Date today) {
  return year != 0 ? year : core::LatestStatisticsYear(today);
}

std::string YearsHeldText(std::span<const int> years) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += "、";
    out += std::to_string(years[i]);
    if (j > i) out += "—" + std::to_string(years[j]);
    i = j + 1;
  }
  return out.empty() ? "无" : out + "年";
}

core::Status NoRecordsOfYear(std::span<const int> years_held, int year) {
  std::string message = std::to_string(year) + "年无在校生记录（统计时点 " +
                        core::SnapshotDate(year).ToChinese() + "）";
  if (years_held.empty()) {
    message += "；数据库中还没有在校生记录，请先导入学生名单";
  } else {
    message += "；库中有 " + YearsHeldText(years_held) + "的记录，可用 --year 指定";
  }
  return core::Status::NotFound("no_such_year", message);
}

}  // namespace eduledger::app
