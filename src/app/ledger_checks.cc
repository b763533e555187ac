#include "app/ledger_checks.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/aid_coverage.h"
#include "app/case_sources.h"
#include "app/large_classes.h"
#include "app/ledgers.h"
#include "meta/grade.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

std::string Field(const nlohmann::json& fields, const char* code) {
  const auto it = fields.find(code);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The number a field's text ends with ("grade_7" → 7, "2025" → 2025); 0 when none.
int FieldNumber(const nlohmann::json& fields, const char* code) {
  const std::string text = Field(fields, code);
  std::size_t i = text.size();
  while (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') --i;
  int v = 0;  // 0 too when the digits do not fit
  std::from_chars(text.data() + i, text.data() + text.size(), v);
  return v;
}

}  // namespace

Result<std::vector<LedgerFinding>> CheckLedgers(store::Store& store, const Actor& actor,
                                                const Metadata& md, core::Date from, core::Date to,
                                                core::Date on) {
  std::vector<LedgerFinding> out;
  const auto add = [&](const CaseRow& r, const char* kind, std::string message) {
    out.push_back(LedgerFinding{kind, r.ledger->name, r.record.id,
                                r.township.empty() ? "县直学校" : r.township, r.org_code,
                                r.org_name, std::move(message)});
  };
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  for (const meta::LedgerType& l : md.ledgers()) {
    EL_ASSIGN_OR_RETURN(const std::vector<CaseRow> rows,
                        ListCases(store, actor, md, tree, {.ledger = l.code, .on = on}));
    for (const CaseRow& r : rows) {
      const nlohmann::json fields = nlohmann::json::parse(r.record.fields, nullptr, false);
      // 七长责任制: a case past its first state and not finished has its responsible persons.
      const meta::WorkflowState* state = l.workflow.State(r.record.state);
      if (!l.responsible.empty() && r.responsible.empty() && state != nullptr && !state->final &&
          r.record.state != l.workflow.initial) {
        add(r, "no_responsible", "“" + r.state_name + "”的事项未落实责任人");
      }
      // 大班额: a class of 56+ whose case has no plan yet (overdue or not, said once).
      if (l.code == kLargeClassLedger && r.record.state == l.workflow.initial) {
        // The class as it was found, and the grade its pupils are in now.
        const int found_year = FieldNumber(fields, "school_year");
        const int grade = FieldNumber(fields, "grade");
        const int now = grade + to.year() - found_year;
        const std::string today =
            now != grade && now >= 1 && now <= 9
                ? "（" + std::to_string(to.year()) + "年" + meta::GradeName(now, 0) + "）"
                : "";
        add(r, "large_class_without_plan",
            std::to_string(found_year) + "年统计时点" + meta::GradeName(grade, 0) +
                Field(fields, "class_name") + today + "班额 " + Field(fields, "size") +
                " 人，尚未制定化解方案" +
                (r.overdue ? "（已逾期：办理期限 " + r.deadline->ToChinese() + "）" : ""));
        continue;
      }
      if (r.overdue) {
        add(r, "overdue", "“" + r.state_name + "”已逾期：办理期限 " + r.deadline->ToChinese());
      }
      if (l.code == "building" && Field(fields, "grade") == "d" &&
          Field(fields, "in_use") == "true" && r.record.state != "demolished") {
        add(r, "d_grade_in_use",
            "D级危房“" + Field(fields, "name") + "”仍在使用，应立即封停、限期拆除");
      }
      if (l.code == "hazard" && r.record.state == "closed" &&
          (Field(fields, "accepted_on").empty() || Field(fields, "accepted_by").empty())) {
        add(r, "closed_without_acceptance", "隐患已销号，但没有验收日期或验收人");
      }
      if (l.code == "hazard" && Field(fields, "level") == "major" &&
          r.record.state == "rectifying") {
        std::string missing;
        for (const char* code : {"measures", "person", "money", "due", "contingency"}) {
          if (!Field(fields, code).empty()) continue;
          const meta::LedgerField* f = l.Field(code);
          missing += (missing.empty() ? "" : "、") + (f ? f->name : std::string(code));
        }
        if (!missing.empty()) {
          add(r, "major_hazard_incomplete", "重大隐患整改未五落实：缺" + missing);
        }
      }
    }
  }
  // Dropouts the 控辍保学 ledger has no case for.
  if (const meta::LedgerType* dropouts = md.FindLedger(kDropoutLedger)) {
    EL_ASSIGN_OR_RETURN(const std::vector<DropoutEvent> events,
                        DropoutEvents(store, actor, from, to));
    for (const DropoutEvent& e : events) {
      EL_ASSIGN_OR_RETURN(const std::optional<store::Case> c,
                          store.FindCaseByOrigin(kDropoutLedger, e.origin));
      if (c) continue;
      out.push_back(LedgerFinding{
          "dropout_without_case", dropouts->name, 0, e.township, e.school_code, e.school_name,
          e.date.ToChinese() + "的辍学记录没有控辍保学案（eduledger ledger sync）"});
    }
  }
  // The checks below read the register with the ledgers once.
  const meta::LedgerType* classes = md.FindLedger(kLargeClassLedger);
  const meta::LedgerType* aid = md.FindLedger(kAidLedger);
  std::unique_ptr<engine::Snapshot> snapshot;
  if (classes != nullptr || aid != nullptr) {
    EL_ASSIGN_OR_RETURN(snapshot,
                        engine::Snapshot::Build(store, &md.value_schema(), &md.case_schema()));
  }
  // Classes of 56+ on the statistics year's snapshot the 大班额 ledger has no case for (none
  // before that snapshot's day).
  if (classes != nullptr && core::SnapshotDate(to.year()) <= on) {
    EL_ASSIGN_OR_RETURN(const std::vector<LargeClass> large,
                        UnfollowedLargeClasses(store, *snapshot, actor, md, to.year()));
    for (const LargeClass& c : large) {
      out.push_back(LedgerFinding{
          "large_class_without_plan", classes->name, 0, c.township, c.school_code, c.school_name,
          std::to_string(to.year()) + "年统计时点" + meta::GradeName(c.grade, 0) + c.class_name +
              "班额 " + std::to_string(c.size) +
              " 人，台账中没有大班额化解案（eduledger ledger sync）"});
    }
  }
  // 零疏漏: eligible students of the school year not paid this term's aid.
  if (aid != nullptr) {
    EL_ASSIGN_OR_RETURN(const std::vector<UncoveredStudent> missed,
                        UncoveredAidStudents(store, *snapshot, actor, md, to.year()));
    for (const UncoveredStudent& u : missed) {
      out.push_back(LedgerFinding{"aid_missed", aid->name, 0, u.township, u.org_code, u.org_name,
                                  u.group + (u.group.ends_with("学生") ? " " : "学生 ") + u.name +
                                      "（" + u.identity + "，" + meta::GradeName(u.grade, 0) +
                                      "）本学期（" + std::to_string(to.year()) +
                                      "年秋季学期）未发放" + u.programme});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const LedgerFinding& a, const LedgerFinding& b) {
    return std::tie(a.township, a.org_code, a.kind, a.case_id) <
           std::tie(b.township, b.org_code, b.kind, b.case_id);
  });
  return out;
}

}  // namespace eduledger::app
