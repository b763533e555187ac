#include "app/check_report.h"

#include <cmath>
#include <map>

#include "app/indicators.h"
#include "app/requested_year.h"
#include "core/statistics_year.h"
#include "engine/snapshot.h"

namespace eduledger::app {

namespace {

using report::RecordMetric;

// The indicator each quantity a summary states is compared with (packages/county-bureau), and
// what it counts, in Chinese, for the finding.
struct MetricDef {
  RecordMetric metric;
  const char* indicator;
};

constexpr MetricDef kMetricDefs[] = {
    {RecordMetric::kSchools, "schools"},
    {RecordMetric::kPrimarySchools, "primary_schools"},
    {RecordMetric::kJuniorSchools, "junior_schools"},
    {RecordMetric::kSeniorSchools, "senior_schools"},
    {RecordMetric::kVocationalSchools, "vocational_schools"},
    {RecordMetric::kKindergartens, "kindergartens"},
    {RecordMetric::kSpecialSchools, "special_schools"},
    {RecordMetric::kTeachingPoints, "teaching_points"},
    {RecordMetric::kStudents, "students"},
    {RecordMetric::kPrimaryStudents, "primary_students"},
    {RecordMetric::kJuniorStudents, "junior_students"},
    {RecordMetric::kSeniorStudents, "senior_students"},
    {RecordMetric::kVocationalStudents, "vocational_students"},
    {RecordMetric::kKindergartenChildren, "preschool_children"},
    {RecordMetric::kStaff, "staff"},
    {RecordMetric::kTeachers, "fulltime_teachers"},
    {RecordMetric::kLeftBehind, "left_behind_students"},
    {RecordMetric::kMigrantChildren, "migrant_students"},
    {RecordMetric::kDisabledStudents, "disabled_students"},
    {RecordMetric::kMinorityStudents, "minority_students"},
    {RecordMetric::kRegisteredPoor, "registered_poor_students"},
    {RecordMetric::kDropouts, "compulsory_dropouts"},
    {RecordMetric::kReturned, "returns"},
    {RecordMetric::kAdmissions, "entrants"},
    {RecordMetric::kGraduates, "graduates"},
    {RecordMetric::kPrimaryDropoutRate, "primary_dropout_rate"},
    {RecordMetric::kJuniorDropoutRate, "junior_dropout_rate"},
    {RecordMetric::kPrimaryPromotionRate, "primary_promotion_rate"},
    {RecordMetric::kJuniorPromotionRate, "junior_promotion_rate"},
    {RecordMetric::kRetentionRate, "retention_rate"},
    {RecordMetric::kPrimaryNetEnrolmentRate, "primary_net_enrolment_rate"},
    {RecordMetric::kJuniorGrossEnrolmentRate, "junior_gross_enrolment_rate"},
    {RecordMetric::kSeniorGrossEnrolmentRate, "senior_gross_enrolment_rate"},
    {RecordMetric::kPreschoolGrossEnrolmentRate, "preschool_gross_enrolment_rate"},
    {RecordMetric::kDisabledEnrolmentRate, "disabled_enrolment_rate"},
    {RecordMetric::kPrimaryPupilTeacherRatio, "primary_pupil_teacher_ratio"},
    {RecordMetric::kJuniorPupilTeacherRatio, "junior_pupil_teacher_ratio"},
    {RecordMetric::kSeniorPupilTeacherRatio, "senior_pupil_teacher_ratio"},
    {RecordMetric::kPreschoolPupilTeacherRatio, "preschool_pupil_teacher_ratio"},
};

const char* IndicatorOf(RecordMetric metric) {
  for (const MetricDef& d : kMetricDefs) {
    if (d.metric == metric) return d.indicator;
  }
  return nullptr;
}

// The register's figures, as the package indicators give them for the unit: one snapshot and
// cube, a table per statistics year asked for.
class RegisterRecordSource final : public report::RecordSource {
 public:
  RegisterRecordSource(std::unique_ptr<engine::Snapshot> snapshot, const Metadata& md, Actor actor,
                       std::string org)
      : snapshot_(std::move(snapshot)),
        md_(md),
        cube_(engine::Cube::Compute(*snapshot_, md.catalog())),
        actor_(std::move(actor)),
        org_(std::move(org)) {}

  std::optional<report::RecordValue> Lookup(RecordMetric metric, int year) override {
    const char* code = IndicatorOf(metric);
    if (code == nullptr || snapshot_->YearIndex(year) < 0) return std::nullopt;
    auto it = cache_.find(year);
    if (it == cache_.end()) {
      IndicatorRequest request;
      request.year = year;
      request.org = org_;
      for (const MetricDef& d : kMetricDefs) {
        if (md_.Find(d.indicator)) request.codes.push_back(d.indicator);
      }
      auto table = ComputeIndicators(cube_, actor_, md_, request);
      if (!table.ok()) return std::nullopt;
      it = cache_.emplace(year, std::move(table).value()).first;
    }
    for (const IndicatorRow& r : it->second.rows) {
      if (r.code != code) continue;
      report::RecordValue v;
      if (std::isnan(r.value)) {
        v.missing = r.note.empty() ? "无记录" : r.note;
      } else {
        v.value = r.value;
      }
      if (const CompiledIndicator* c = md_.Find(code)) v.decimals = c->def.decimals;
      v.description = r.org_name + " " + r.name + "，" + core::StatisticsYearLabel(year) + "，" +
                      (!r.period_label.empty() ? "台账 " + r.period_label
                       : r.flow ? "统计期 " + it->second.flow_window.start().ToChinese() + "—" +
                                      it->second.flow_window.end().ToChinese()
                                : "统计时点 " + it->second.snapshot.ToChinese());
      v.command = "eduledger indicators --year " + std::to_string(year) + " --org " +
                  it->second.org_code + " --indicator " + code;
      return v;
    }
    return std::nullopt;
  }

  bool HoldsYear(int year) override { return snapshot_->YearIndex(year) >= 0; }

  // Snapshot years are school years; the statistics year of school year Y is Y.
  std::string YearsHeld() override { return YearsHeldText(snapshot_->years()); }

 private:
  std::unique_ptr<engine::Snapshot> snapshot_;
  const Metadata& md_;
  engine::Cube cube_;
  Actor actor_;
  std::string org_;
  std::map<int, IndicatorTable> cache_;
};

}  // namespace

core::Result<std::unique_ptr<report::RecordSource>> RegisterRecords(store::Store& store,
                                                                    const Actor& actor,
                                                                    const Metadata& md,
                                                                    std::string_view org) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot, ReadSnapshot(store, md));
  // Resolve the org unit now, so a wrong --org is an error rather than silence.
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* unit, Scope(actor, snapshot->orgs()).Resolve(org));
  std::string code = unit->code;
  return std::unique_ptr<report::RecordSource>(
      std::make_unique<RegisterRecordSource>(std::move(snapshot), md, actor, std::move(code)));
}

core::Result<CheckReportOutcome> CheckReportFile(const Actor& actor,
                                                 const CheckReportRequest& request) {
  CheckReportOutcome out;
  EL_ASSIGN_OR_RETURN(out.document, report::ReadDocument(request.path));
  std::unique_ptr<report::RecordSource> records;
  if (request.store != nullptr) {
    if (request.metadata == nullptr) {
      return core::Status::InvalidArgument("no_metadata", "与台账比对需要元数据包");
    }
    EL_ASSIGN_OR_RETURN(records,
                        RegisterRecords(*request.store, actor, *request.metadata, request.org));
  }
  report::CheckOptions options;
  options.year = request.year;
  options.records = records.get();
  out.result = report::CheckSummaryDocument(out.document, options);
  return out;
}

}  // namespace eduledger::app
