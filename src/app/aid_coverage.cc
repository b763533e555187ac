#include "app/aid_coverage.h"

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>
#include <utility>

#include "core/personal_data.h"
#include "engine/field.h"
#include "engine/slices.h"
#include "engine/student_links.h"
#include "engine/table.h"
#include "meta/school_type.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

// The termly aid of each level, and which a student of `level` is entitled to (an index of
// kProgrammes; -1 for a level without one here).
constexpr std::array<std::string_view, 4> kProgrammes = {"preschool_aid", "living_subsidy",
                                                         "senior_grant", "vocational_grant"};
int ProgrammeIndex(meta::EducationLevel level) {
  switch (level) {
    case meta::EducationLevel::kPreschool:
      return 0;
    case meta::EducationLevel::kPrimary:
    case meta::EducationLevel::kJunior:
      return 1;
    case meta::EducationLevel::kSenior:
      return 2;
    case meta::EducationLevel::kVocational:
      return 3;
    default:
      return -1;
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

std::string_view TermlyAidOf(meta::EducationLevel level) {
  const int i = ProgrammeIndex(level);
  return i < 0 ? std::string_view() : kProgrammes[static_cast<std::size_t>(i)];
}

Result<std::vector<UncoveredRecord>> UncoveredAidRecords(const engine::Snapshot& s,
                                                         const Actor& actor, const Metadata& md,
                                                         int school_year) {
  std::vector<UncoveredRecord> out;
  const int ledger = md.case_schema().Find(kAidLedger);
  const int year = s.YearIndex(school_year);
  if (ledger < 0 || year < 0 || s.case_schema() != &md.case_schema()) return out;
  const engine::CaseLedger& aid = md.case_schema().ledger(static_cast<std::size_t>(ledger));
  const int link = md.case_schema().StudentLinkColumn(static_cast<std::size_t>(ledger), "student");
  const engine::Field* state = aid.layout->Find("state");
  const engine::Field* term = aid.layout->Find("term");
  const engine::Field* programme = aid.layout->Find("programme");
  if (link < 0 || state == nullptr || term == nullptr || programme == nullptr) return out;
  const auto stored = [](const engine::Field* f, std::string_view code) -> std::uint64_t {
    return f->category->FindOption(code).value_or(0);
  };
  // The programme of each stored option (kProgrammes' index; -1 for one that is not termly).
  std::vector<int> programme_of(programme->category->options.size(), -1);
  for (std::size_t p = 0; p < kProgrammes.size(); ++p) {
    if (const std::uint64_t v = stored(programme, kProgrammes[p]); v != 0) {
      programme_of[v] = static_cast<int>(p);
    }
  }
  // This term's payments (已发放, 秋季学期 or 全学年, paid in the calendar year: the ledger's
  // period), as the students they reach, by programme: one pass over the payments' columns.
  const engine::CaseRows& rows = s.cases(static_cast<std::size_t>(ledger));
  const std::vector<std::uint32_t>& pupil = rows.student_records[static_cast<std::size_t>(link)];
  const std::uint64_t paid_state = stored(state, "paid");
  const std::uint64_t autumn = stored(term, "autumn"), whole_year = stored(term, "year");
  // On every core: each slice of the payments into sets of its own, then joined.
  constexpr std::size_t kMinRows = 1 << 18;
  const std::size_t payment_slices = engine::SliceCount(rows.size(), kMinRows);
  std::vector<std::vector<engine::StudentSet>> reached_in(
      payment_slices, std::vector<engine::StudentSet>(
                          kProgrammes.size(), engine::StudentSet(s.student_record_count())));
  std::vector<char> any_in(payment_slices, 0);
  engine::ForEachSlice(rows.size(), payment_slices,
                       [&](std::size_t slice, std::size_t begin, std::size_t end) {
                         std::vector<engine::StudentSet>& reached = reached_in[slice];
                         for (std::size_t i = begin; i < end; ++i) {
                           const std::uint64_t w = rows.words[i];
                           if (rows.years[i] != year || state->Get(w) != paid_state) continue;
                           if (const std::uint64_t t = term->Get(w); t != autumn && t != whole_year)
                             continue;
                           const int p = programme_of[programme->Get(w)];
                           if (p < 0) continue;
                           reached[static_cast<std::size_t>(p)].Add(pupil[i]);
                           any_in[slice] = 1;
                         }
                       });
  if (std::none_of(any_in.begin(), any_in.end(), [](char a) { return a != 0; })) return out;
  std::vector<engine::StudentSet>& paid = reached_in.front();
  for (std::size_t slice = 1; slice < payment_slices; ++slice) {
    for (std::size_t p = 0; p < paid.size(); ++p) paid[p].Merge(reached_in[slice][p]);
  }
  // The eligible students on the year's roll the payment of their level did not reach: one
  // pass over the students table's rows of the year, the groups telling school and grade.
  static const engine::Field& grade = engine::GroupField("grade");
  const engine::Layout& layout = engine::StudentLayout();
  const std::array<std::pair<const engine::Field*, std::uint32_t>, 5> flags = {{
      {layout.Find("registered_poor"), meta::kRegisteredPoor},
      {layout.Find("dibao"), meta::kDibao},
      {layout.Find("extreme_poverty"), meta::kExtremePoverty},
      {layout.Find("orphan"), meta::kOrphan},
      {layout.Find("disabled"), meta::kDisabled},
  }};
  std::uint64_t eligible = 0;
  for (const auto& [field, bit] : flags) eligible |= field->mask();
  const Scope scope(actor, s.orgs());
  const engine::Table& students = s.students();
  // On every core: each slice of the groups into a list of its own, then joined in order.
  constexpr std::size_t kMinGroups = 1 << 12;
  const std::size_t group_slices = engine::SliceCount(students.groups.size(), kMinGroups);
  std::vector<std::vector<UncoveredRecord>> missed_in(group_slices);
  engine::ForEachSlice(students.groups.size(), group_slices,
                       [&](std::size_t slice, std::size_t begin, std::size_t end) {
                         for (std::size_t gi = begin; gi < end; ++gi) {
                           const engine::Group& g = students.groups[gi];
                           if (g.year != year) continue;
                           const meta::OrgUnit& school = s.orgs().units()[g.org];
                           const int gr = static_cast<int>(grade.Get(g.word)) - grade.offset;
                           const int p = ProgrammeIndex(meta::LevelOf(school.school_type, gr));
                           if (p < 0 || !scope.Sees(school)) continue;
                           const engine::StudentSet& reached = paid[static_cast<std::size_t>(p)];
                           for (std::uint32_t r = g.begin; r < g.end; ++r) {
                             const std::uint64_t w = students.words[r];
                             if ((w & eligible) == 0 || reached.Has(students.records[r])) continue;
                             UncoveredRecord u;
                             u.student_id =
                                 s.RecordId(engine::MeasureTable::kStudents, students.records[r]);
                             u.org_unit_id = school.id;
                             u.grade = gr;
                             u.programme = kProgrammes[static_cast<std::size_t>(p)];
                             for (const auto& [field, bit] : flags) {
                               if (field->Get(w) != 0) u.flags |= bit;
                             }
                             missed_in[slice].push_back(u);
                           }
                         }
                       });
  for (std::vector<UncoveredRecord>& part : missed_in) {
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

Result<std::vector<UncoveredStudent>> UncoveredAidStudents(store::Store& store, const Actor& actor,
                                                           const Metadata& md, int school_year) {
  if (md.FindLedger(kAidLedger) == nullptr) return std::vector<UncoveredStudent>();
  EL_ASSIGN_OR_RETURN(const std::unique_ptr<engine::Snapshot> snapshot,
                      engine::Snapshot::Build(store, &md.value_schema(), &md.case_schema()));
  return UncoveredAidStudents(store, *snapshot, actor, md, school_year);
}

Result<std::vector<UncoveredStudent>> UncoveredAidStudents(store::Store& store,
                                                           const engine::Snapshot& snapshot,
                                                           const Actor& actor, const Metadata& md,
                                                           int school_year) {
  std::vector<UncoveredStudent> out;
  const meta::LedgerType* aid = md.FindLedger(kAidLedger);
  if (aid == nullptr) return out;
  EL_ASSIGN_OR_RETURN(const std::vector<UncoveredRecord> records,
                      UncoveredAidRecords(snapshot, actor, md, school_year));
  const meta::OrgTree& tree = snapshot.orgs();
  std::vector<std::pair<UncoveredStudent, std::uint32_t>> missed;
  for (const UncoveredRecord& r : records) {
    const meta::OrgUnit* school = tree.ById(r.org_unit_id);
    const meta::OrgUnit* township = tree.TownshipOf(r.org_unit_id);
    UncoveredStudent u;
    u.student_id = r.student_id;
    u.grade = r.grade;
    u.group = OptionName(*aid, "group", GroupOf(r.flags));
    u.programme = OptionName(*aid, "programme", r.programme);
    u.org_code = school->code;
    u.org_name = school->name;
    u.township = township != nullptr ? township->name : "县直学校";
    missed.emplace_back(std::move(u), r.flags);
  }
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
