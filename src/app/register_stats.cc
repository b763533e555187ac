#include "app/register_stats.h"

#include <cmath>
#include <map>

#include "engine/snapshot.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

constexpr double kNaN = __builtin_nan("");

// The indicators of each part of the layout.
constexpr const char* kTotals[] = {
    "schools",
    "private_schools",
    "teaching_points",
    "students",
    "minority_students",
    "left_behind_students",
    "migrant_students",
    "disabled_students",
    "registered_poor_students",
    "entrants",
    "graduates",
    "compulsory_dropouts",
    "staff",
    "fulltime_teachers",
};
constexpr const char* kEvents[] = {"transfers_out",     "transfers_in",   "suspensions",
                                   "resumptions",       "dropout_events", "returns",
                                   "graduation_events", "deaths",         "other_events"};
constexpr const char* kSchoolUnits[] = {"public_school_units", "private_school_units"};

struct LevelCodes {
  meta::EducationLevel level;
  const char* students;
  const char* entrants;  // nullptr: none for the level
  const char* graduates;
  const char* teachers;
  const char* ratio;
};
using L = meta::EducationLevel;
constexpr LevelCodes kLevels[] = {
    {L::kPreschool, "preschool_children", "preschool_entrants", nullptr, "preschool_teachers",
     "preschool_pupil_teacher_ratio"},
    {L::kPrimary, "primary_students", "primary_entrants", "primary_graduates", "primary_teachers",
     "primary_pupil_teacher_ratio"},
    {L::kJunior, "junior_students", "junior_entrants", "junior_graduates", "junior_teachers",
     "junior_pupil_teacher_ratio"},
    {L::kSenior, "senior_students", "senior_entrants", "senior_graduates", "senior_teachers",
     "senior_pupil_teacher_ratio"},
    {L::kVocational, "vocational_students", "vocational_entrants", "vocational_graduates",
     "vocational_teachers", "vocational_pupil_teacher_ratio"},
    {L::kSpecial, "special_students", "special_entrants", "special_graduates", "special_teachers",
     "special_pupil_teacher_ratio"},
    {L::kAdult, "adult_students", nullptr, "adult_graduates", "adult_teachers", nullptr},
};

// The figures of one table split by sex, by indicator code.
class Figures {
 public:
  void Take(const IndicatorTable& t) {
    for (const IndicatorRow& r : t.rows) {
      StatsFigure& f = by_code_[r.code];
      if (r.cell == "合计") {
        f.code = r.code;
        f.name = r.name;
        f.value = r.value;
        f.text = r.text;
        f.note = r.note;
        f.flow = r.flow;
        f.female = kNaN;
      } else if (r.cell == "女") {
        f.female = r.value;
      }
    }
  }
  StatsFigure Get(const char* code) const {
    if (code == nullptr) return StatsFigure{};
    const auto it = by_code_.find(code);
    return it == by_code_.end() ? StatsFigure{} : it->second;
  }

 private:
  std::map<std::string, StatsFigure, std::less<>> by_code_;
};

}  // namespace

const StatsFigure* RegisterStats::Find(std::string_view code) const {
  for (const std::vector<StatsFigure>* part : {&totals, &events}) {
    for (const StatsFigure& f : *part) {
      if (f.code == code) return &f;
    }
  }
  return nullptr;
}

Result<RegisterStats> ComputeRegisterStats(store::Store& store, const Actor& actor,
                                           const Metadata& md, int year, std::string_view org,
                                           core::Date today) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot, ReadSnapshot(store, md));
  const engine::Cube cube = engine::Cube::Compute(*snapshot, md.catalog());
  return ComputeRegisterStats(cube, actor, md, year, org, today);
}

Result<RegisterStats> ComputeRegisterStats(const engine::Cube& cube, const Actor& actor,
                                           const Metadata& md, int year, std::string_view org,
                                           core::Date today) {
  IndicatorRequest request;
  request.year = year;
  request.org = std::string(org);
  request.today = today;
  request.by = IndicatorSplit::kSex;
  const auto need = [&](const char* code) {
    if (code != nullptr) request.codes.push_back(code);
  };
  for (const char* code : kTotals) need(code);
  for (const char* code : kEvents) need(code);
  for (const LevelCodes& l : kLevels) {
    for (const char* code : {l.students, l.entrants, l.graduates, l.teachers, l.ratio}) need(code);
  }
  for (const std::string& code : request.codes) {
    if (md.Find(code) == nullptr) {
      return Status::FailedPrecondition("missing_indicator",
                                        "元数据包中没有基本情况统计所用的指标 '" + code + "'");
    }
  }
  EL_ASSIGN_OR_RETURN(const IndicatorTable table, ComputeIndicators(cube, actor, md, request));
  Figures figures;
  figures.Take(table);

  RegisterStats out;
  out.year = table.year;
  out.snapshot = table.snapshot;
  out.flow = table.flow_window;
  out.org_code = table.org_code;
  out.org_name = table.org_name;
  for (const char* code : kTotals) out.totals.push_back(figures.Get(code));
  const StatsFigure* students = out.Find("students");
  const StatsFigure* staff = out.Find("staff");
  if (!(students->value > 0) && !(staff->value > 0)) {
    return Status::NotFound("no_records", "“" + out.org_name + "” " + std::to_string(out.year) +
                                              "年无在校生和教职工记录（统计时点 " +
                                              out.snapshot.ToChinese() + "）");
  }
  for (const char* code : kEvents) out.events.push_back(figures.Get(code));
  for (const LevelCodes& l : kLevels) {
    LevelFigures f{l.level,
                   figures.Get(l.students),
                   figures.Get(l.entrants),
                   figures.Get(l.graduates),
                   figures.Get(l.teachers),
                   figures.Get(l.ratio)};
    // Every level with anything to show, so that the 合计 row is the sum of the rows.
    if (f.students.value > 0 || f.teachers.value > 0 || f.entrants.value > 0 ||
        f.graduates.value > 0) {
      out.by_level.push_back(std::move(f));
    }
  }

  // Schools by type: public and private, the schools of each type taken together.
  IndicatorRequest by_type = request;
  by_type.by = IndicatorSplit::kSchoolType;
  by_type.codes.assign(std::begin(kSchoolUnits), std::end(kSchoolUnits));
  EL_ASSIGN_OR_RETURN(const IndicatorTable types, ComputeIndicators(cube, actor, md, by_type));
  std::map<int, SchoolTypeCount> counts;
  for (const IndicatorRow& r : types.rows) {
    SchoolTypeCount& c = counts[r.school_type];
    c.type = r.school_type;
    const double n = std::isnan(r.value) ? 0 : r.value;
    (r.code == kSchoolUnits[0] ? c.public_count : c.private_count) += n;
  }
  for (const auto& [type, c] : counts) {
    if (c.public_count + c.private_count > 0) out.by_type.push_back(c);
  }
  return out;
}

}  // namespace eduledger::app
