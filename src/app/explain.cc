#include "app/explain.h"

#include <map>
#include <set>

#include "core/personal_data.h"
#include "core/rounding.h"
#include "engine/provenance.h"
#include "engine/row_tables.h"
#include "meta/grade.h"
#include "meta/school_type.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

class Explainer {
 public:
  Explainer(store::Store& store, const Metadata& md, const engine::Snapshot& s, std::size_t limit)
      : store_(store), md_(md), s_(s), limit_(limit) {}

  // The measures of `f` read for statistics year `year` at `orgs`, each in the school year it
  // reads (years_before and flows read earlier ones).
  Result<std::vector<ExplainedMeasure>> Side(const engine::Formula& f, int year, bool flow,
                                             std::span<const std::uint32_t> orgs) {
    std::vector<ExplainedMeasure> out;
    for (const engine::Formula::Read& read : f.Reads()) {
      ExplainedMeasure em;
      const engine::Measure& measure = md_.catalog().measures()[read.measure];
      em.text = measure.text;
      em.school_year = year - read.years_back;
      const core::Period school_year = core::Period::SchoolYear(em.school_year);
      if (measure.table == engine::MeasureTable::kValues) {
        em.when = std::to_string(em.school_year) + "年报表";
      } else if (flow && read.years_back == 1) {
        em.when = "统计期 " + school_year.start().ToChinese() + "—" + school_year.end().ToChinese();
      } else {
        em.when =
            school_year.start().ToChinese() + "（" + core::SchoolYearLabel(em.school_year) + "初）";
      }
      std::vector<engine::RecordRef> records;
      for (const std::uint32_t org : orgs) {
        const engine::Provenance p = engine::RecordsBehind(
            s_, md_.catalog(), read.measure, s_.YearIndex(em.school_year), org, limit_);
        em.total += p.total;
        em.sum += p.sum;
        for (const engine::RecordRef& r : p.records) {
          if (records.size() < limit_) records.push_back(r);
        }
      }
      EL_RETURN_IF_ERROR(Describe(records, em.school_year, &em.records));
      out.push_back(std::move(em));
    }
    return out;
  }

 private:
  ExplainedRecord Base(const engine::RecordRef& r, const char* kind) const {
    ExplainedRecord e;
    e.kind = kind;
    if (const meta::OrgUnit* u = s_.orgs().ById(r.org_unit_id)) {
      e.org_code = u->code;
      e.org_name = u->name;
    }
    return e;
  }

  Status Describe(const std::vector<engine::RecordRef>& refs, int school_year,
                  std::vector<ExplainedRecord>* out) {
    // People are looked up school by school, their names and numbers masked.
    std::map<std::int64_t, std::set<std::int64_t>> students, staff, events;
    bool values = false;
    for (const engine::RecordRef& r : refs) {
      if (r.table == engine::MeasureTable::kStudents) students[r.org_unit_id].insert(r.id);
      if (r.table == engine::MeasureTable::kStaff) staff[r.org_unit_id].insert(r.id);
      if (r.table == engine::MeasureTable::kEvents) events[r.org_unit_id].insert(r.id);
      values = values || r.table == engine::MeasureTable::kValues;
    }
    std::map<std::int64_t, ExplainedRecord> people, event_of;
    for (const auto& [org, ids] : students) {
      const std::int64_t schools[] = {org};
      EL_RETURN_IF_ERROR(store_.ForEachEnrolled(
          school_year, schools, [&](const meta::Student& st, const meta::Enrolment& en) {
            if (!ids.count(st.id)) return Status::OK();
            ExplainedRecord& e = people[st.id];
            e.name = core::MaskName(st.name);
            e.id = core::MaskIdNumber(st.id_number.empty() ? st.student_no : st.id_number);
            e.detail = meta::GradeName(en.grade, 0) + " " + en.class_name;
            return Status::OK();
          }));
    }
    for (const auto& [org, ids] : staff) {
      const std::int64_t schools[] = {org};
      EL_RETURN_IF_ERROR(store_.ForEachStaffAssignment(
          school_year, schools, [&](const meta::Staff& st, const meta::StaffAssignment& a) {
            if (!ids.count(st.id)) return Status::OK();
            ExplainedRecord& e = people[-st.id];  // staff ids apart from student ids
            e.name = core::MaskName(st.name);
            e.id = core::MaskIdNumber(st.id_number);
            e.detail = a.subject;
            return Status::OK();
          }));
    }
    const core::Period window = core::Period::SchoolYear(school_year);
    for (const auto& [org, ids] : events) {
      const std::int64_t schools[] = {org};
      EL_RETURN_IF_ERROR(store_.ForEachStatusEvent(
          window.start(), window.end(), schools,
          [&](const meta::Student& st, const meta::StatusEvent& ev) {
            if (!ids.count(ev.id)) return Status::OK();
            ExplainedRecord& e = event_of[ev.id];
            e.name = core::MaskName(st.name);
            e.id = core::MaskIdNumber(st.id_number.empty() ? st.student_no : st.id_number);
            e.detail = std::string(meta::EventTypeName(ev.type)) + " " + ev.date.ToString();
            return Status::OK();
          }));
    }
    // A collected value is named by its form (报表) and period.
    std::map<std::int64_t, std::string> form_of;
    if (values) {
      EL_ASSIGN_OR_RETURN(const std::vector<store::Submission> forms,
                          store_.ListSubmissions(school_year));
      for (const store::Submission& f : forms) {
        const meta::DataSet* set = md_.FindDataSet(f.data_set);
        form_of[f.id] = (set ? set->name : f.data_set) + "（" + std::to_string(f.period) + "年）";
      }
    }
    for (const engine::RecordRef& r : refs) {
      switch (r.table) {
        case engine::MeasureTable::kStudents:
        case engine::MeasureTable::kStaff: {
          const bool student = r.table == engine::MeasureTable::kStudents;
          ExplainedRecord e = Base(r, student ? "学生" : "教职工");
          const ExplainedRecord& p = people[student ? r.id : -r.id];
          e.name = p.name;
          e.id = p.id;
          e.detail = p.detail;
          out->push_back(std::move(e));
          break;
        }
        case engine::MeasureTable::kClasses: {
          ExplainedRecord e = Base(r, "班级");
          const engine::Snapshot::ClassInfo& c = s_.class_info(r.record);
          static const engine::Field& size = *engine::ClassLayout().Find("size");
          e.detail = c.name + "，" + std::to_string(size.Get(r.word)) + " 人";
          out->push_back(std::move(e));
          break;
        }
        case engine::MeasureTable::kSchools: {
          ExplainedRecord e = Base(r, "学校");
          e.name = e.org_name;
          if (const meta::OrgUnit* u = s_.orgs().ById(r.org_unit_id)) {
            if (const meta::SchoolTypeInfo* t = meta::FindSchoolType(u->school_type)) {
              e.detail = std::string(t->name);
            }
          }
          out->push_back(std::move(e));
          break;
        }
        case engine::MeasureTable::kEvents: {
          ExplainedRecord e = Base(r, "学籍异动");
          const ExplainedRecord& p = event_of[r.id];
          e.name = p.name;
          e.id = p.id;
          e.detail = p.detail;
          out->push_back(std::move(e));
          break;
        }
        case engine::MeasureTable::kValues: {
          ExplainedRecord e = Base(r, "报表数值");
          const auto form = form_of.find(r.id);
          e.id = form != form_of.end() ? form->second : "报表";
          e.detail = md_.value_schema().Text(r.record, r.word) + " = " + core::FormatPlain(r.value);
          out->push_back(std::move(e));
          break;
        }
      }
    }
    return Status::OK();
  }

  store::Store& store_;
  const Metadata& md_;
  const engine::Snapshot& s_;
  std::size_t limit_;
};

}  // namespace

Result<Explanation> ExplainIndicator(store::Store& store, const Actor& actor, const Metadata& md,
                                     const std::string& code, const std::string& org, int year,
                                     std::size_t limit, core::Date today) {
  const CompiledIndicator* c = md.Find(code);
  if (!c) return Status::NotFound("unknown_indicator", "没有指标 '" + code + "'");
  IndicatorRequest request;
  request.year = year;
  request.org = org;
  request.codes = {c->def.code};
  request.today = today;
  // One read of the register serves the figures and the records behind them.
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot,
                      engine::Snapshot::Build(store, &md.value_schema()));
  const engine::Cube cube = engine::Cube::Compute(*snapshot, md.catalog());
  EL_ASSIGN_OR_RETURN(IndicatorTable table, ComputeIndicators(cube, actor, md, request));
  Explanation out;
  out.def = c->def;
  out.year = table.year;
  out.snapshot = table.snapshot;
  out.flow_window = table.flow_window;
  out.row = table.rows.at(0);
  const meta::OrgUnit* unit = snapshot->orgs().ByCode(table.org_code);
  const std::uint32_t orgs[] = {static_cast<std::uint32_t>(snapshot->OrgIndex(unit->id))};
  Explainer e(store, md, *snapshot, limit);
  EL_ASSIGN_OR_RETURN(out.numerator, e.Side(c->plan.numerator, table.year, c->def.flow, orgs));
  EL_ASSIGN_OR_RETURN(out.denominator, e.Side(c->plan.denominator, table.year, c->def.flow, orgs));
  return out;
}

}  // namespace eduledger::app
