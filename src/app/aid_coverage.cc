#include "app/aid_coverage.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/personal_data.h"
#include "core/statistics_year.h"
#include "meta/school_type.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

constexpr std::uint32_t kEligible =
    meta::kRegisteredPoor | meta::kDibao | meta::kExtremePoverty | meta::kOrphan | meta::kDisabled;

// The aid a student of `level` is entitled to each term, or "" for a level without one here.
std::string_view ProgrammeOf(meta::EducationLevel level) {
  switch (level) {
    case meta::EducationLevel::kPreschool:
      return "preschool_aid";
    case meta::EducationLevel::kPrimary:
    case meta::EducationLevel::kJunior:
      return "living_subsidy";
    case meta::EducationLevel::kSenior:
      return "senior_grant";
    case meta::EducationLevel::kVocational:
      return "vocational_grant";
    default:
      return "";
  }
}

// The ledger's group option for a student's flags, the most specific first.
std::string_view GroupOf(std::uint32_t flags) {
  if (flags & meta::kRegisteredPoor) return "poverty_alleviated";
  if (flags & meta::kExtremePoverty) return "tekun";
  if (flags & meta::kOrphan) return "orphan";
  if (flags & meta::kDibao) return "dibao";
  return "disabled";
}

std::string OptionName(const meta::LedgerType& l, const char* field, std::string_view code) {
  const meta::LedgerField* f = l.Field(field);
  const meta::FieldOption* o = f != nullptr ? f->Option(code) : nullptr;
  return o != nullptr ? o->name : std::string(code);
}

}  // namespace

Result<std::vector<UncoveredStudent>> UncoveredAidStudents(store::Store& store, const Actor& actor,
                                                           const Metadata& md, int school_year) {
  std::vector<UncoveredStudent> out;
  const meta::LedgerType* aid = md.FindLedger(kAidLedger);
  if (aid == nullptr) return out;
  // This term's payments: (student id, programme).
  std::set<std::pair<std::string, std::string>> paid;
  EL_RETURN_IF_ERROR(store.ScanCases(kAidLedger, [&](const store::Case& c) {
    if (c.state != "paid") return Status::OK();
    const nlohmann::json f = nlohmann::json::parse(c.fields, nullptr, false);
    if (!f.is_object()) return Status::OK();
    const std::string term = f.value("term", "");
    const std::string day = f.value("paid_on", "");
    if ((term == "autumn" || term == "year") && day.starts_with(std::to_string(school_year))) {
      paid.emplace(f.value("student", ""), f.value("programme", ""));
    }
    return Status::OK();
  }));
  if (paid.empty()) return out;

  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const Scope scope(actor, tree);
  std::unordered_map<std::int64_t, std::uint32_t> flags;
  EL_RETURN_IF_ERROR(store.ScanStudents([&](const store::StudentFacts& s) {
    if ((s.flags & kEligible) != 0) flags[s.id] = s.flags;
    return Status::OK();
  }));
  std::vector<std::pair<UncoveredStudent, std::uint32_t>> missed;
  EL_RETURN_IF_ERROR(store.ScanEnrolments([&](const store::EnrolmentFacts& e) {
    if (e.school_year != school_year || !core::OnSnapshotRoll(e.joined, school_year)) {
      return Status::OK();
    }
    const auto f = flags.find(e.student_id);
    const meta::OrgUnit* school = tree.ById(e.org_unit_id);
    if (f == flags.end() || school == nullptr || !scope.Sees(*school)) return Status::OK();
    const std::string_view programme = ProgrammeOf(meta::LevelOf(school->school_type, e.grade));
    if (programme.empty() ||
        paid.count({std::to_string(e.student_id), std::string(programme)}) > 0) {
      return Status::OK();
    }
    const meta::OrgUnit* township = tree.TownshipOf(school->id);
    UncoveredStudent u;
    u.student_id = e.student_id;
    u.grade = e.grade;
    u.group = OptionName(*aid, "group", GroupOf(f->second));
    u.programme = OptionName(*aid, "programme", programme);
    u.org_code = school->code;
    u.org_name = school->name;
    u.township = township != nullptr ? township->name : "县直学校";
    missed.emplace_back(std::move(u), f->second);
    return Status::OK();
  }));
  std::vector<std::int64_t> ids;
  for (const auto& [u, f] : missed) ids.push_back(u.student_id);
  std::vector<store::Found<meta::Student>> found;
  EL_RETURN_IF_ERROR(store.FindStudentsById(ids, &found));
  std::unordered_map<std::int64_t, const meta::Student*> by_id;
  for (const auto& f : found) by_id[f.value.id] = &f.value;
  const bool masked = !actor.full_personal_view();
  for (auto& [u, f] : missed) {
    if (const auto it = by_id.find(u.student_id); it != by_id.end()) {
      const meta::Student& s = *it->second;
      const std::string& identity = s.id_number.empty() ? s.student_no : s.id_number;
      u.identity = masked ? core::MaskIdNumber(identity) : identity;
      u.name = masked ? core::MaskName(s.name) : s.name;
    }
    out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(), [](const UncoveredStudent& a, const UncoveredStudent& b) {
    return std::tie(a.township, a.org_code, a.grade, a.identity) <
           std::tie(b.township, b.org_code, b.grade, b.identity);
  });
  return out;
}

}  // namespace eduledger::app
