#include "app/case_sources.h"

#include <nlohmann/json.hpp>
#include <unordered_set>

#include "app/ledgers.h"
#include "app/roster_check.h"
#include "core/statistics_year.h"
#include "meta/school_type.h"

namespace eduledger::app {

using core::Result;
using core::Status;

Result<std::vector<DropoutEvent>> DropoutEvents(store::Store& store, const Actor& actor,
                                                core::Date from, core::Date to) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const Scope scope(actor, tree);
  // 控辍保学 is of compulsory education: the schools that teach some grade of 1–9, not adult ones.
  const auto compulsory = [](int type) {
    if (meta::IsAdult(type)) return false;
    for (int grade = 1; grade <= 9; ++grade) {
      if (meta::AdmitsGrade(type, grade)) return true;
    }
    return false;
  };
  std::vector<std::int64_t> schools;
  for (const meta::OrgUnit& u : tree.units()) {
    if (u.level == meta::OrgLevel::kSchool && scope.Sees(u) && compulsory(u.school_type)) {
      schools.push_back(u.id);
    }
  }
  std::vector<DropoutEvent> out;
  EL_RETURN_IF_ERROR(store.ForEachStatusEvent(
      from, to, schools, [&](const meta::Student& s, const meta::StatusEvent& e) {
        const meta::OrgUnit* school = tree.ById(e.org_unit_id);
        if (e.type != meta::EventType::kDropOut || school == nullptr) return Status::OK();
        const meta::OrgUnit* township = tree.TownshipOf(school->id);
        // The 全国学籍号 names one pupil whatever document they hold.
        out.push_back(DropoutEvent{"dropout_event:" + std::to_string(e.id),
                                   s.student_no.empty() ? s.id_number : s.student_no, e.date,
                                   e.note, school->code, school->name,
                                   township != nullptr ? township->name : "县直学校"});
        return Status::OK();
      }));
  return out;
}

Result<OpenedCases> OpenDropoutCases(store::Store& store, const Actor& actor, const Metadata& md,
                                     core::Date from, core::Date to) {
  if (md.FindLedger(kDropoutLedger) == nullptr) {
    return Status::FailedPrecondition("missing_ledger",
                                      "元数据包中没有控辍保学台账 (dropout_control)");
  }
  EL_ASSIGN_OR_RETURN(const std::vector<DropoutEvent> events,
                      DropoutEvents(store, actor, from, to));
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  OpenedCases out;
  for (const DropoutEvent& event : events) {
    EL_ASSIGN_OR_RETURN(const std::optional<store::Case> existing,
                        store.FindCaseByOrigin(kDropoutLedger, event.origin));
    if (existing) {
      ++out.existing;
      continue;
    }
    OpenCaseRequest request;
    request.ledger = kDropoutLedger;
    request.org = event.school_code;
    request.day = event.date;
    request.origin = event.origin;
    request.values = {{"student", event.student},
                      {"source", "dropout_event"},
                      {"absent_since", event.date.ToString()}};
    if (!event.note.empty()) request.comment = "学籍异动原因：" + event.note;
    EL_ASSIGN_OR_RETURN(const store::Case c, OpenCase(store, actor, md, tree, request));
    ++out.opened;
    out.ids.push_back(c.id);
  }
  return out;
}

Result<OpenedCases> OpenRosterCases(store::Store& store, const Actor& actor, const Metadata& md,
                                    int year, core::Date today) {
  const meta::LedgerType* ledger = md.FindLedger(kDropoutLedger);
  if (ledger == nullptr) {
    return Status::FailedPrecondition("missing_ledger",
                                      "元数据包中没有控辍保学台账 (dropout_control)");
  }
  EL_ASSIGN_OR_RETURN(const RosterCheck roster, CheckRoster(store, actor, md, year, "", today));
  OpenedCases out;
  if (!roster.checked || roster.total == 0) return out;
  // The pupils the ledger follows already: by a case still open, or opened in the window.
  const core::Date window_start = core::FlowWindow(roster.year).start();
  std::unordered_set<std::string> followed;
  EL_RETURN_IF_ERROR(store.ScanCases(kDropoutLedger, [&](const store::Case& c) {
    const meta::WorkflowState* state = ledger->workflow.State(c.state);
    if ((state != nullptr && !state->final) || c.opened >= window_start) {
      const auto fields = nlohmann::json::parse(c.fields, nullptr, false);
      if (fields.is_object() && fields.contains("student") && fields["student"].is_string()) {
        followed.insert(fields["student"].get<std::string>());
      }
    }
    return Status::OK();
  }));
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const core::Date snapshot = core::SnapshotDate(roster.year);
  const core::Date day = today < snapshot ? today : snapshot;
  for (const RosterGap& gap : roster.gaps) {
    const meta::OrgUnit* school = tree.ByCode(gap.school_code);
    if (school == nullptr || meta::IsAdult(school->school_type)) continue;
    // The gap's pupils as the school's roll of the year before has them: 控辍保学 follows those
    // of compulsory grades (1–9), not a senior or vocational pupil who left.
    const std::unordered_set<std::int64_t> gap_ids(gap.student_ids.begin(), gap.student_ids.end());
    std::vector<meta::Student> pupils;
    EL_RETURN_IF_ERROR(store.ForEachEnrolled(roster.year - 1, std::span(&school->id, 1),
                                             [&](const meta::Student& s, const meta::Enrolment& e) {
                                               if (gap_ids.count(s.id) && e.grade >= 1 &&
                                                   e.grade <= 9)
                                                 pupils.push_back(s);
                                               return Status::OK();
                                             }));
    for (const meta::Student& s : pupils) {
      const std::string origin =
          "roster:" + std::to_string(roster.year) + ":" + std::to_string(s.id);
      EL_ASSIGN_OR_RETURN(const std::optional<store::Case> existing,
                          store.FindCaseByOrigin(kDropoutLedger, origin));
      if (existing) {
        ++out.existing;
        continue;
      }
      if (followed.count(std::to_string(s.id))) {
        ++out.followed;
        continue;
      }
      OpenCaseRequest request;
      request.ledger = kDropoutLedger;
      request.org = gap.school_code;
      request.day = day;
      request.origin = origin;
      request.values = {{"student", s.student_no.empty() ? s.id_number : s.student_no},
                        {"source", "roster"}};
      request.comment = std::to_string(roster.year) +
                        "年学籍比对：上学年在籍，本学年初不在任何学校在籍，且无异动记录";
      EL_ASSIGN_OR_RETURN(const store::Case c, OpenCase(store, actor, md, tree, request));
      ++out.opened;
      out.ids.push_back(c.id);
    }
  }
  return out;
}

}  // namespace eduledger::app
