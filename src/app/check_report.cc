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
    using L = meta::EducationLevel;
    std::int64_t value = 0;
    std::string what;
    bool flow = false;
    switch (metric) {
      case RecordMetric::kSchools:
        value = s.schools;
        what = "学校数（不含教学点）";
        break;
      case RecordMetric::kPrimarySchools:
        value = SchoolsOfStage(s, L::kPrimary);
        what = "小学数";
        break;
      case RecordMetric::kJuniorSchools:
        value = SchoolsOfStage(s, L::kJunior);
        what = "初中学校数（含九年一贯制）";
        break;
      case RecordMetric::kSeniorSchools:
        value = SchoolsOfStage(s, L::kSenior);
        what = "普通高中数";
        break;
      case RecordMetric::kVocationalSchools:
        value = SchoolsOfStage(s, L::kVocational);
        what = "中职学校数";
        break;
      case RecordMetric::kKindergartens:
        value = SchoolsOfStage(s, L::kPreschool);
        what = "幼儿园数";
        break;
      case RecordMetric::kSpecialSchools:
        value = SchoolsOfStage(s, L::kSpecial);
        what = "特殊教育学校数";
        break;
      case RecordMetric::kTeachingPoints:
        value = s.teaching_points;
        what = "教学点数";
        break;
      case RecordMetric::kStudents:
        value = s.students;
        what = "在校学生数";
        break;
      case RecordMetric::kPrimaryStudents:
        value = StudentsOf(s, L::kPrimary);
        what = "小学在校生数";
        break;
      case RecordMetric::kJuniorStudents:
        value = StudentsOf(s, L::kJunior);
        what = "初中在校生数";
        break;
      case RecordMetric::kSeniorStudents:
        value = StudentsOf(s, L::kSenior);
        what = "普通高中在校生数";
        break;
      case RecordMetric::kVocationalStudents:
        value = StudentsOf(s, L::kVocational);
        what = "中职在校生数";
        break;
      case RecordMetric::kKindergartenChildren:
        value = StudentsOf(s, L::kPreschool);
        what = "在园幼儿数";
        break;
      case RecordMetric::kStaff:
        value = s.staff;
        what = "教职工数";
        break;
      case RecordMetric::kTeachers:
        value = s.teachers;
        what = "专任教师数";
        break;
      case RecordMetric::kLeftBehind:
        value = s.left_behind;
        what = "在校生中的留守儿童数";
        break;
      case RecordMetric::kMigrantChildren:
        value = s.migrant_children;
        what = "在校生中的随迁子女数";
        break;
      case RecordMetric::kDisabledStudents:
        value = s.disabled;
        what = "在校残疾学生数";
        break;
      case RecordMetric::kMinorityStudents:
        value = s.minority;
        what = "少数民族在校生数";
        break;
      case RecordMetric::kRegisteredPoor:
        value = s.registered_poor;
        what = "建档立卡在校生数";
        break;
      case RecordMetric::kDropouts:
        value = EventsOf(s, meta::EventType::kDropOut);
        what = "辍学人次";
        flow = true;
        break;
      case RecordMetric::kReturned:
        value = EventsOf(s, meta::EventType::kReturn);
        what = "辍学返校人次";
        flow = true;
        break;
      case RecordMetric::kAdmissions:
        value = EventsOf(s, meta::EventType::kAdmit);
        what = "招生入学人次";
        flow = true;
        break;
      case RecordMetric::kGraduates:
        value = EventsOf(s, meta::EventType::kGraduate);
        what = "毕业人次";
        flow = true;
        break;
    }
    report::RecordValue v;
    v.value = value;
    v.description =
        s.org_name + " " + what + "，" +
        (flow ? "学籍异动 " + s.flow.start().ToChinese() + "—" + s.flow.end().ToChinese()
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
