// Statistics year (统计年度): the one meaning of `--year` in every command, table and JSON, the
// convention of the national basic statistics (基层统计报表, DOMAIN.md §2):
//
//   statistics year Y ("2025年教育统计")
//     stocks  as at the snapshot Y-09-01, the start of school year Y (2025-2026学年初):
//             在校生, 教职工, 班数, 学校数, 招生 (the entrants of autumn Y)
//     flows   over the school year that ended the day before, (Y-1)-09-01 .. Y-08-31:
//             辍学, 转入/转出, 休学, 死亡, and the graduates of summer Y (毕业生, 升学)
//
// So the flows of statistics year Y are complete on its snapshot day; a flow of a school year
// still running is a half-year figure ("截至 DATE"), never an annual one.
#pragma once

#include <string>

#include "core/date.h"
#include "core/period.h"

namespace eduledger::core {

// The snapshot (统计时点) of statistics year `year`: `year`-09-01.
Date SnapshotDate(int year);
// The flow window (统计期) of statistics year `year`: (`year`-1)-09-01 .. `year`-08-31, the
// school year `year` - 1.
Period FlowWindow(int year);
// Whether a pupil who joined a school on `joined` (by a transfer; null: on its roll from the
// start) is on that school's roll of school year `school_year` on the snapshot day. The
// snapshot is taken as its day begins: a transfer dated 1 September is the new window's, so
// the pupil still counts at the school left.
bool OnSnapshotRoll(Date joined, int school_year);
// The latest statistics year whose snapshot is on or before `today` (2026-12-01 → 2026,
// 2026-08-31 → 2025).
int LatestStatisticsYear(Date today);
// "2025年教育统计".
std::string StatisticsYearLabel(int year);
// "统计时点 2025年9月1日，统计期 2024年9月1日—2025年8月31日".
std::string StatisticsYearDates(int year);

}  // namespace eduledger::core
