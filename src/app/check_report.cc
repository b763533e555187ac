#include "app/check_report.h"

#include <map>

#include "app/register_stats.h"
#include "meta/school_type.h"

namespace eduledger::app {

namespace {

using report::RecordMetric;

// Schools of a stage counted as 学校数 counts them.
std::int64_t SchoolsOfStage(const RegisterStats& s, meta::EducationLevel stage) {
  std::int64_t n = 0;
  for (const SchoolTypeCount& t : s.by_type) {
    const meta::SchoolTypeInfo* info = meta::FindSchoolType(t.type);
    if (info != nullptr && info->stage == stage && meta::CountsAsSchool(t.type)) {
      n += t.public_count + t.private_count;
    }
  }
  return n;
}

std::int64_t StudentsOf(const RegisterStats& s, meta::EducationLevel level) {
  for (const LevelCount& l : s.by_level) {
    if (l.level == level) return l.students;
  }
  return 0;
}

std::int64_t EventsOf(const RegisterStats& s, meta::EventType type) {
  for (const auto& [t, n] : s.events) {
    if (t == type) return n;
  }
  return 0;
}

using L = meta::EducationLevel;

// What each metric counts in the register's figures.
struct MetricDef {
  RecordMetric metric;
  std::string_view what;  // in Chinese, for the finding's query
  bool flow;              // counted over the flow window, not at the time point
  std::int64_t (*value)(const RegisterStats&);
};

constexpr MetricDef kMetricDefs[] = {
    {RecordMetric::kSchools, "学校数（不含教学点）", false,
     [](const RegisterStats& s) { return s.schools; }},
    {RecordMetric::kPrimarySchools, "小学数", false,
     [](const RegisterStats& s) { return SchoolsOfStage(s, L::kPrimary); }},
    {RecordMetric::kJuniorSchools, "初中学校数（含九年一贯制）", false,
     [](const RegisterStats& s) { return SchoolsOfStage(s, L::kJunior); }},
    {RecordMetric::kSeniorSchools, "普通高中数", false,
     [](const RegisterStats& s) { return SchoolsOfStage(s, L::kSenior); }},
    {RecordMetric::kVocationalSchools, "中职学校数", false,
     [](const RegisterStats& s) { return SchoolsOfStage(s, L::kVocational); }},
    {RecordMetric::kKindergartens, "幼儿园数", false,
     [](const RegisterStats& s) { return SchoolsOfStage(s, L::kPreschool); }},
    {RecordMetric::kSpecialSchools, "特殊教育学校数", false,
     [](const RegisterStats& s) { return SchoolsOfStage(s, L::kSpecial); }},
    {RecordMetric::kTeachingPoints, "教学点数", false,
     [](const RegisterStats& s) { return s.teaching_points; }},
    {RecordMetric::kStudents, "在校学生数", false,
     [](const RegisterStats& s) { return s.students; }},
    {RecordMetric::kPrimaryStudents, "小学在校生数", false,
     [](const RegisterStats& s) { return StudentsOf(s, L::kPrimary); }},
    {RecordMetric::kJuniorStudents, "初中在校生数", false,
     [](const RegisterStats& s) { return StudentsOf(s, L::kJunior); }},
    {RecordMetric::kSeniorStudents, "普通高中在校生数", false,
     [](const RegisterStats& s) { return StudentsOf(s, L::kSenior); }},
    {RecordMetric::kVocationalStudents, "中职在校生数", false,
     [](const RegisterStats& s) { return StudentsOf(s, L::kVocational); }},
    {RecordMetric::kKindergartenChildren, "在园幼儿数", false,
     [](const RegisterStats& s) { return StudentsOf(s, L::kPreschool); }},
    {RecordMetric::kStaff, "教职工数", false, [](const RegisterStats& s) { return s.staff; }},
    {RecordMetric::kTeachers, "专任教师数", false,
     [](const RegisterStats& s) { return s.teachers; }},
    {RecordMetric::kLeftBehind, "在校生中的留守儿童数", false,
     [](const RegisterStats& s) { return s.left_behind; }},
    {RecordMetric::kMigrantChildren, "在校生中的随迁子女数", false,
     [](const RegisterStats& s) { return s.migrant_children; }},
    {RecordMetric::kDisabledStudents, "在校残疾学生数", false,
     [](const RegisterStats& s) { return s.disabled; }},
    {RecordMetric::kMinorityStudents, "少数民族在校生数", false,
     [](const RegisterStats& s) { return s.minority; }},
    {RecordMetric::kRegisteredPoor, "建档立卡在校生数", false,
     [](const RegisterStats& s) { return s.registered_poor; }},
    {RecordMetric::kDropouts, "辍学人次", true,
     [](const RegisterStats& s) { return EventsOf(s, meta::EventType::kDropOut); }},
    {RecordMetric::kReturned, "辍学返校人次", true,
     [](const RegisterStats& s) { return EventsOf(s, meta::EventType::kReturn); }},
    {RecordMetric::kAdmissions, "招生入学人次", true,
     [](const RegisterStats& s) { return EventsOf(s, meta::EventType::kAdmit); }},
    {RecordMetric::kGraduates, "毕业人次", true,
     [](const RegisterStats& s) { return EventsOf(s, meta::EventType::kGraduate); }},
};

class RegisterRecordSource final : public report::RecordSource {
 public:
  RegisterRecordSource(store::Store& store, Actor actor, std::string org, std::vector<int> years)
      : store_(store), actor_(std::move(actor)), org_(std::move(org)), years_(std::move(years)) {}

  std::optional<report::RecordValue> Lookup(RecordMetric metric, int year) override {
    if (std::find(years_.begin(), years_.end(), year) == years_.end()) return std::nullopt;
    auto it = cache_.find(year);
    if (it == cache_.end()) {
      auto stats = ComputeRegisterStats(store_, actor_, year, org_);
      if (!stats.ok()) return std::nullopt;
      it = cache_.emplace(year, std::move(stats).value()).first;
    }
    const RegisterStats& s = it->second;
    const MetricDef* def = nullptr;
    for (const MetricDef& d : kMetricDefs) {
      if (d.metric == metric) def = &d;
    }
    if (def == nullptr) return std::nullopt;
    report::RecordValue v;
    v.value = def->value(s);
    v.description =
        s.org_name + " " + std::string(def->what) + "，" +
        (def->flow ? "学籍异动 " + s.flow.start().ToChinese() + "—" + s.flow.end().ToChinese()
                   : core::SchoolYearLabel(year) + "，统计时点 " + s.snapshot.ToChinese());
    v.command = "eduledger stats --year " + std::to_string(year) + " --org " + s.org_code;
    return v;
  }

 private:
  store::Store& store_;
  Actor actor_;
  std::string org_;
  std::vector<int> years_;
  std::map<int, RegisterStats> cache_;
};

}  // namespace

core::Result<std::unique_ptr<report::RecordSource>> RegisterRecords(store::Store& store,
                                                                    const Actor& actor,
                                                                    std::string_view org) {
  EL_ASSIGN_OR_RETURN(std::vector<int> years, store.SchoolYears());
  // Resolve the org unit now, so a wrong --org is an error rather than silence.
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* unit, Scope(actor, tree).Resolve(org));
  return std::unique_ptr<report::RecordSource>(
      std::make_unique<RegisterRecordSource>(store, actor, unit->code, std::move(years)));
}

core::Result<CheckReportOutcome> CheckReportFile(const Actor& actor,
                                                 const CheckReportRequest& request) {
  CheckReportOutcome out;
  EL_ASSIGN_OR_RETURN(out.document, report::ReadDocument(request.path));
  std::unique_ptr<report::RecordSource> records;
  if (request.store != nullptr) {
    EL_ASSIGN_OR_RETURN(records, RegisterRecords(*request.store, actor, request.org));
  }
  report::CheckOptions options;
  options.year = request.year;
  options.records = records.get();
  out.result = report::CheckSummaryDocument(out.document, options);
  return out;
}

}  // namespace eduledger::app
