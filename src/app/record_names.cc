#include "app/record_names.h"

#include <map>
#include <set>

#include "core/period.h"
#include "core/personal_data.h"
#include "core/rounding.h"
#include "meta/grade.h"
#include "meta/school_type.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

class Describer {
 public:
  Describer(store::Store& store, const Metadata& md, const engine::Snapshot& s, bool full_view)
      : store_(store), md_(md), s_(s), full_view_(full_view) {}

  ExplainedRecord Base(const engine::RecordRef& r, const char* kind) const {
    ExplainedRecord e;
    e.kind = kind;
    if (const meta::OrgUnit* u = s_.orgs().ById(r.org_unit_id)) {
      e.org_code = u->code;
      e.org_name = u->name;
    }
    return e;
  }

  Status Describe(std::span<const engine::RecordRef> refs, int school_year,
                  std::vector<ExplainedRecord>* out) {
    // People are looked up school by school, their names and numbers masked unless the
    // reader may see them.
    std::map<std::int64_t, std::set<std::int64_t>> students, staff, events;
    bool values = false;
    for (const engine::RecordRef& r : refs) {
      if (r.table == engine::MeasureTable::kStudents) students[r.org_unit_id].insert(r.id);
      if (r.table == engine::MeasureTable::kStaff) staff[r.org_unit_id].insert(r.id);
      if (r.table == engine::MeasureTable::kEvents) events[r.org_unit_id].insert(r.id);
      values = values || r.table == engine::MeasureTable::kValues;
    }
    std::map<std::int64_t, ExplainedRecord> people, event_of;
    for (const auto& [org, org_ids] : students) {
      const std::set<std::int64_t>& ids = org_ids;  // a lambda may not capture a binding (clang 14)
      const std::int64_t schools[] = {org};
      EL_RETURN_IF_ERROR(store_.ForEachEnrolled(
          school_year, schools, [&](const meta::Student& st, const meta::Enrolment& en) {
            if (!ids.count(st.id)) return Status::OK();
            ExplainedRecord& e = people[st.id];
            e.name = full_view_ ? st.name : core::MaskName(st.name);
            e.id = Id(st.id_number.empty() ? st.student_no : st.id_number);
            e.detail = meta::GradeName(en.grade, 0) + " " + en.class_name;
            return Status::OK();
          }));
    }
    for (const auto& [org, org_ids] : staff) {
      const std::set<std::int64_t>& ids = org_ids;  // a lambda may not capture a binding (clang 14)
      const std::int64_t schools[] = {org};
      EL_RETURN_IF_ERROR(store_.ForEachStaffAssignment(
          school_year, schools, [&](const meta::Staff& st, const meta::StaffAssignment& a) {
            if (!ids.count(st.id)) return Status::OK();
            ExplainedRecord& e = people[-st.id];  // staff ids apart from student ids
            e.name = full_view_ ? st.name : core::MaskName(st.name);
            e.id = Id(st.id_number);
            e.detail = a.subject;
            return Status::OK();
          }));
    }
    const core::Period window = core::Period::SchoolYear(school_year);
    for (const auto& [org, org_ids] : events) {
      const std::set<std::int64_t>& ids = org_ids;  // a lambda may not capture a binding (clang 14)
      const std::int64_t schools[] = {org};
      EL_RETURN_IF_ERROR(store_.ForEachStatusEvent(
          window.start(), window.end(), schools,
          [&](const meta::Student& st, const meta::StatusEvent& ev) {
            if (!ids.count(ev.id)) return Status::OK();
            ExplainedRecord& e = event_of[ev.id];
            e.name = full_view_ ? st.name : core::MaskName(st.name);
            e.id = Id(st.id_number.empty() ? st.student_no : st.id_number);
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
        case engine::MeasureTable::kStaff:
        case engine::MeasureTable::kEvents: {
          // A person, or the event of one: who it is, as looked up above.
          const bool student = r.table == engine::MeasureTable::kStudents;
          const bool event = r.table == engine::MeasureTable::kEvents;
          ExplainedRecord e = Base(r, event ? "学籍异动" : student ? "学生" : "教职工");
          const ExplainedRecord& p = event ? event_of[r.id] : people[student ? r.id : -r.id];
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

        case engine::MeasureTable::kCases: {
          // A case by its ledger, number and state; who it concerns is on the case's page.
          const engine::CaseLedger& l = md_.case_schema().ledger(r.record);
          ExplainedRecord e = Base(r, l.def->name.c_str());
          e.id = "事项 " + std::to_string(r.id);
          const engine::Field& state = l.fields.front();
          e.detail = "状态：" + state.category->options[state.Get(r.word)].name;
          if (r.value != 1) e.detail += "，" + core::FormatPlain(r.value);
          out->push_back(std::move(e));
          break;
        }
        case engine::MeasureTable::kValues: {
          ExplainedRecord e = Base(r, "报表数值");
          const auto form = form_of.find(r.id);
          e.id = form != form_of.end() ? form->second : "报表";
          e.detail = md_.value_schema().Label(r.record, r.word) + "：" + core::FormatPlain(r.value);
          out->push_back(std::move(e));
          break;
        }
      }
    }
    return Status::OK();
  }

 private:
  std::string Id(std::string_view number) const {
    return full_view_ ? std::string(number) : core::MaskIdNumber(number);
  }

  store::Store& store_;
  const Metadata& md_;
  const engine::Snapshot& s_;
  bool full_view_;
};

}  // namespace

Result<std::vector<ExplainedRecord>> DescribeRecords(store::Store& store, const Metadata& md,
                                                     const engine::Snapshot& snapshot,
                                                     std::span<const engine::RecordRef> refs,
                                                     int school_year, bool full_view) {
  std::vector<ExplainedRecord> out;
  EL_RETURN_IF_ERROR(Describer(store, md, snapshot, full_view).Describe(refs, school_year, &out));
  return out;
}

}  // namespace eduledger::app
