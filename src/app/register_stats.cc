#include "app/register_stats.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "meta/org_tree.h"
#include "meta/school_type.h"

namespace eduledger::app {

core::Result<int> LatestSchoolYear(store::Store& store) {
  EL_ASSIGN_OR_RETURN(const std::vector<int> years, store.SchoolYears());
  return years.empty() ? 0 : years.back();
}

core::Result<RegisterStats> ComputeRegisterStats(store::Store& store, const Actor& actor,
                                                 int school_year, std::string_view org) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const Scope scope(actor, tree);
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* root, scope.Resolve(org));

  RegisterStats out;
  out.school_year = school_year;
  out.org_code = root->code;
  out.org_name = root->name;
  out.snapshot = core::SnapshotDate(school_year);
  out.flow = core::FlowWindow(school_year);

  // Schools of the subtree the actor may see.
  std::unordered_set<std::int64_t> schools;
  std::map<int, SchoolTypeCount> types;
  for (const meta::OrgUnit* u : tree.SchoolsUnder(root->id)) {
    if (!scope.Sees(*u)) continue;
    schools.insert(u->id);
    SchoolTypeCount& t = types[u->school_type];
    t.type = u->school_type;
    ++(u->ownership == meta::Ownership::kPrivate ? t.private_count : t.public_count);
    if (meta::IsTeachingPoint(u->school_type)) {
      ++out.teaching_points;
    } else if (meta::CountsAsSchool(u->school_type)) {
      ++out.schools;
      if (u->ownership == meta::Ownership::kPrivate) ++out.private_schools;
    }
  }
  for (const auto& [type, count] : types) out.by_type.push_back(count);

  std::map<meta::EducationLevel, LevelCount> levels;
  EL_ASSIGN_OR_RETURN(const auto enrolled, store.CountEnrolments(school_year));
  for (const store::EnrolmentCount& c : enrolled) {
    if (!schools.contains(c.org_unit_id)) continue;
    const meta::EducationLevel level =
        meta::LevelOf(tree.ById(c.org_unit_id)->school_type, c.grade);
    LevelCount& l = levels[level];
    l.level = level;
    l.students += c.count;
    if (c.sex == core::Sex::kFemale) l.female += c.count;
    out.students += c.count;
  }
  EL_ASSIGN_OR_RETURN(const auto groups, store.CountStudentGroups(school_year));
  for (const store::StudentGroupCount& g : groups) {
    if (!schools.contains(g.org_unit_id)) continue;
    out.minority += g.minority;
    out.left_behind += g.left_behind;
    out.migrant_children += g.migrant_child;
    out.disabled += g.disabled;
    out.registered_poor += g.registered_poor;
  }
  EL_ASSIGN_OR_RETURN(const auto staff, store.CountStaff(school_year));
  for (const store::StaffCount& c : staff) {
    if (!schools.contains(c.org_unit_id)) continue;
    out.staff += c.count;
    if (c.post != meta::Post::kFullTimeTeacher) continue;
    out.teachers += c.count;
    // A teacher with no level given teaches at the level the school is listed under.
    const meta::SchoolTypeInfo* type = meta::FindSchoolType(tree.ById(c.org_unit_id)->school_type);
    const meta::EducationLevel level = c.level_taught ? *c.level_taught
                                       : type         ? type->stage
                                                      : meta::EducationLevel::kPrimary;
    LevelCount& l = levels[level];
    l.level = level;
    l.teachers += c.count;
  }
  for (const auto& [level, count] : levels) out.by_level.push_back(count);

  EL_ASSIGN_OR_RETURN(const auto events, store.CountEvents(out.flow.start(), out.flow.end()));
  std::map<meta::EventType, std::int64_t> by_type;
  for (const store::EventCount& e : events) {
    if (schools.contains(e.org_unit_id)) by_type[e.type] += e.count;
  }
  out.events.assign(by_type.begin(), by_type.end());
  return out;
}

}  // namespace eduledger::app
