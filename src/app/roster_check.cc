#include "app/roster_check.h"

#include <algorithm>
#include <map>

#include "app/event_coverage.h"
#include "app/requested_year.h"
#include "engine/provenance.h"
#include "engine/snapshot.h"

namespace eduledger::app {

using core::Result;
using core::Status;

Result<RosterCheck> CheckRoster(store::Store& store, const Actor& actor, const Metadata& md,
                                int year, std::string_view org, core::Date today) {
  const CompiledIndicator* leavers = md.Find(kUnexplainedLeavers);
  if (leavers == nullptr) {
    return Status::FailedPrecondition("missing_indicator",
                                      "元数据包中没有学籍比对所用的指标 'unexplained_leavers'");
  }
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot, engine::Snapshot::Build(store));
  const Scope scope(actor, snapshot->orgs());
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* root, scope.Resolve(org));
  RosterCheck out;
  out.year = RequestedYear(year, today);
  if (snapshot->YearIndex(out.year) < 0) return NoRecordsOfYear(snapshot->years(), out.year);
  const std::vector<engine::Formula::Read> reads = leavers->plan.numerator.Reads();
  if (reads.size() != 1) {
    return Status::FailedPrecondition("bad_indicator",
                                      "指标 unexplained_leavers 的分子应为单独一项计数");
  }
  const int window_year = out.year - reads[0].years_back;
  const int window_idx = snapshot->YearIndex(window_year);
  if (window_idx < 0) return out;  // no roll of the year before: nothing to compare with
  // With no events at all every pupil who left is "unexplained": the list says nothing.
  out.events_recorded = EventsRecorded(*snapshot, window_year, *root);
  if (!out.events_recorded) return out;
  out.checked = true;
  const engine::Provenance p =
      engine::RecordsBehind(*snapshot, md.catalog(), reads[0].measure, window_idx,
                            static_cast<std::uint32_t>(snapshot->OrgIndex(root->id)), SIZE_MAX);
  out.total = static_cast<std::int64_t>(p.total);
  EL_ASSIGN_OR_RETURN(
      const std::vector<ExplainedRecord> pupils,
      DescribeRecords(store, md, *snapshot, p.records, window_year, actor.full_personal_view()));
  // By township (the school's parent; 县直 for one the county runs), then school.
  std::map<std::pair<std::string, std::string>, RosterGap> by_school;
  const meta::OrgTree& tree = snapshot->orgs();
  for (std::size_t i = 0; i < pupils.size(); ++i) {
    const meta::OrgUnit* school = tree.ById(p.records[i].org_unit_id);
    if (school == nullptr || !scope.Sees(*school)) continue;
    const meta::OrgUnit* parent = tree.ById(school->parent_id);
    const std::string township = parent && parent->level == meta::OrgLevel::kTownship
                                     ? parent->code + " " + parent->name
                                     : "0 县直学校";
    RosterGap& gap = by_school[{township, school->code}];
    gap.township = township.substr(township.find(' ') + 1);
    gap.school_code = school->code;
    gap.school_name = school->name;
    gap.pupils.push_back(pupils[i]);
    gap.student_ids.push_back(p.records[i].id);
  }
  for (auto& [key, gap] : by_school) out.gaps.push_back(std::move(gap));
  return out;
}

}  // namespace eduledger::app
