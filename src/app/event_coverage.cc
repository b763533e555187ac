#include "app/event_coverage.h"

#include "core/statistics_year.h"

namespace eduledger::app {

bool EventsRecorded(const engine::Snapshot& snapshot, int school_year, const meta::OrgUnit& root) {
  const int year_idx = snapshot.YearIndex(school_year);
  if (year_idx < 0) return false;
  const meta::OrgTree& tree = snapshot.orgs();
  for (const engine::Group& g : snapshot.table(engine::MeasureTable::kEvents).groups) {
    if (g.year == year_idx && g.size() > 0 && tree.IsWithin(tree.units()[g.org].id, root.id)) {
      return true;
    }
  }
  return false;
}

std::string NoEventsNote(int year) {
  const core::Period window = core::FlowWindow(year);
  return "无学籍异动记录：统计期（" + window.start().ToChinese() + "至" + window.end().ToChinese() +
         "）内没有毕业、转学、辍学等任何学籍异动，无从统计；请先导入学籍异动（eduledger import "
         "events）";
}

}  // namespace eduledger::app
