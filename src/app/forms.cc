#include "app/forms.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "app/rule_checker_internal.h"
#include "core/rounding.h"
#include "core/statistics_year.h"
#include "core/text.h"
#include "ledger/workflow_engine.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

std::string Number(double v) { return core::FormatPlain(v, "无"); }

constexpr std::size_t kFaultsInMessage = 20;

std::string Describe(const RuleResult& r) {
  return r.org_name + "：" + r.name + "（" + r.rule + "）：" + r.message + "（左边 " +
         Number(r.left) + "，右边 " + Number(r.right) + "）";
}

Status ListFaults(core::StatusCode code, const char* reason, const std::string& head,
                  const std::vector<std::string>& faults) {
  std::string message = head;
  for (std::size_t i = 0; i < faults.size() && i < kFaultsInMessage; ++i) {
    message += "\n  " + faults[i];
  }
  if (faults.size() > kFaultsInMessage) {
    message += "\n  …另有 " + std::to_string(faults.size() - kFaultsInMessage) + " 处";
  }
  return code == core::StatusCode::kInvalidArgument ? Status::InvalidArgument(reason, message)
                                                    : Status::FailedPrecondition(reason, message);
}

// The form a key names, resolved against the register.
struct Form {
  const meta::DataSet* set = nullptr;
  const meta::OrgUnit* org = nullptr;
  std::uint32_t org_idx = 0;
  int year_idx = -1;
  std::optional<store::Submission> stored;
};

Result<Form> Resolve(store::Store& store, const Actor& actor, const Metadata& md,
                     const meta::OrgTree& tree, const FormKey& key) {
  Form f;
  f.set = md.FindDataSet(key.data_set);
  if (!f.set) return Status::NotFound("unknown_form", "没有报表 '" + key.data_set + "'");
  const Scope scope(actor, tree);
  EL_ASSIGN_OR_RETURN(f.org, scope.Resolve(key.org));
  if (f.org->level != f.set->filled_by) {
    return Status::InvalidArgument(
        "wrong_level", "报表“" + f.set->name + "”由" +
                           std::string(meta::OrgLevelName(f.set->filled_by)) + "填报，而“" +
                           f.org->name + "”是" + std::string(meta::OrgLevelName(f.org->level)));
  }
  if (!f.set->DueAt(*f.org)) {
    return Status::InvalidArgument("form_not_due", "“" + f.org->name + "”不开设报表“" +
                                                       f.set->name + "”所统计的学段，无需填报");
  }
  EL_ASSIGN_OR_RETURN(f.stored, store.FindSubmission(f.set->code, f.org->id, key.school_year));
  return f;
}

std::string FormLabel(const Form& f, int year) {
  return "“" + f.org->name + "” " + std::to_string(year) + "年的“" + f.set->name + "”";
}

// A write that lost a race, told in terms of the form (the store's words name no form);
// any other failure as it is.
Status InTermsOfTheForm(const Status& s, const std::string& label, std::string_view what) {
  if (s.reason() != "concurrent_write") return s;
  return Status::Aborted("concurrent_write", label + "在您读取之后" + std::string(what));
}

// The values of a request, checked and made canonical; faults name file, row and column.
std::vector<store::DataValue> CheckValues(const Metadata& md, const meta::DataSet& set,
                                          const SubmitRequest& request,
                                          std::vector<std::string>* faults) {
  std::vector<store::DataValue> out;
  std::set<std::pair<std::string, std::string>> seen;
  const engine::ValueSchema& schema = md.value_schema();
  for (const FormValueInput& in : request.values) {
    const std::string where = (request.source.empty() ? std::string() : request.source + " ") +
                              (in.row > 0 ? "第 " + std::to_string(in.row) + " 行" : std::string());
    const auto fault = [&](const char* column, const std::string& message) {
      faults->push_back(where + "“" + column + "”：" + message);
    };
    const meta::DataElement* e = md.FindElement(in.element);
    if (!e) {
      fault("数据项", "未知的数据项 '" + in.element + "'");
      continue;
    }
    bool in_form = false;
    for (const std::string& code : set.elements) in_form = in_form || code == e->code;
    if (!in_form) {
      fault("数据项", "'" + e->code + "' 不在报表“" + set.name + "”中");
      continue;
    }
    const engine::ValueElement& ve = schema.element(static_cast<std::size_t>(schema.Find(e->code)));
    auto d = meta::ParseDisaggregation(*e, ve.categories, in.disaggregation);
    if (!d.ok()) {
      fault("分组", std::string(d.status().message()));
      continue;
    }
    auto value = meta::NormalizeValue(*e, in.value);
    if (!value.ok()) {
      fault("数值", std::string(value.status().message()));
      continue;
    }
    store::DataValue v{e->code, meta::DisaggregationText(ve.categories, *d), *value};
    if (!seen.insert({v.element, v.disaggregation}).second) {
      fault("数据项", "'" + v.element + "' " + v.disaggregation + " 重复填报");
      continue;
    }
    out.push_back(std::move(v));
  }
  return out;
}

// The values that differ between `before` and `after` (both sorted by element and
// disaggregation), as changes.
std::vector<store::ValueChange> Diff(std::int64_t submission_id,
                                     const std::vector<store::DataValue>& before,
                                     std::vector<store::DataValue> after) {
  std::sort(after.begin(), after.end(), [](const auto& a, const auto& b) {
    return std::tie(a.element, a.disaggregation) < std::tie(b.element, b.disaggregation);
  });
  std::vector<store::ValueChange> out;
  std::size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    const bool take_old =
        j == after.size() ||
        (i < before.size() && std::tie(before[i].element, before[i].disaggregation) <
                                  std::tie(after[j].element, after[j].disaggregation));
    const bool take_new =
        i == before.size() ||
        (j < after.size() && std::tie(after[j].element, after[j].disaggregation) <
                                 std::tie(before[i].element, before[i].disaggregation));
    store::ValueChange c;
    c.submission_id = submission_id;
    if (take_old) {
      c.element = before[i].element;
      c.disaggregation = before[i].disaggregation;
      c.old_value = before[i++].value;
    } else if (take_new) {
      c.element = after[j].element;
      c.disaggregation = after[j].disaggregation;
      c.new_value = after[j++].value;
    } else {
      if (before[i].value == after[j].value) {
        ++i, ++j;
        continue;
      }
      c.element = after[j].element;
      c.disaggregation = after[j].disaggregation;
      c.old_value = before[i++].value;
      c.new_value = after[j++].value;
    }
    out.push_back(std::move(c));
  }
  return out;
}

store::AuditContext Audit(const Actor& actor, const char* action, const Form& f, int year,
                          nlohmann::json detail = nlohmann::json::object()) {
  detail["data_set"] = f.set->code;
  detail["org_unit"] = f.org->code;
  detail["school_year"] = year;
  return store::AuditContext{actor.user_id, std::string(RoleKey(actor.role)), action,
                             detail.dump()};
}

// The state a form moves to by `move` of the forms' workflow from its state `from`, or why it
// may not (ledger/workflow_engine.h: wrong state, a role that may not make it).
Result<store::SubmissionState> FormMove(const Metadata& md, const Actor& actor,
                                        store::SubmissionState from, std::string_view move,
                                        const std::string& label, std::string_view comment = {}) {
  const meta::Workflow* workflow = md.form_workflow();
  if (workflow == nullptr) {
    return Status::FailedPrecondition("no_form_workflow", "元数据包中没有报表的填报审核流程");
  }
  auto t = ledger::CheckMove(*workflow, store::SubmissionStateKey(from),
                             {.transition = move, .role = RoleKey(actor.role), .comment = comment});
  if (!t.ok()) return t.status().WithContext(label);
  const std::optional<store::SubmissionState> to = store::ParseSubmissionState((*t)->to);
  if (!to) return Status::Internal("bad_form_workflow", "报表流程的状态 '" + (*t)->to + "' 未知");
  return *to;
}

// Make `move` of the forms' workflow on a stored form, checked and audited.
Status Transition(store::Store& store, const Actor& actor, const Metadata& md, const FormKey& key,
                  std::string_view move, std::string_view comment, const char* action,
                  const std::function<void(store::Submission*)>& change,
                  nlohmann::json detail = nlohmann::json::object()) {
  EL_ASSIGN_OR_RETURN(const std::int64_t version, store.Version());
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  EL_ASSIGN_OR_RETURN(Form f, Resolve(store, actor, md, tree, key));
  if (!f.stored)
    return Status::FailedPrecondition("not_submitted", FormLabel(f, key.school_year) + "尚未填报");
  // The workflow says which roles make the move; the org tree, that it is the level above.
  EL_ASSIGN_OR_RETURN(
      const store::SubmissionState to,
      FormMove(md, actor, f.stored->state, move, FormLabel(f, key.school_year), comment));
  const Scope scope(actor, tree);
  if (f.org->parent_id != 0 && !scope.Sees(f.org->parent_id)) {
    return Status::PermissionDenied("not_reviewer", "报表由上一级单位审核");
  }
  store::Submission s = *f.stored;
  s.state = to;
  change(&s);
  auto begun = store.Begin(Audit(actor, action, f, key.school_year, detail), version);
  if (!begun.ok()) {
    return InTermsOfTheForm(
        begun.status(), FormLabel(f, key.school_year),
        "已被他人处理（审核、退回或重新填报），本次操作未生效；请查看它现在的状态后再操作");
  }
  store::Transaction txn = std::move(begun).value();
  EL_RETURN_IF_ERROR(txn.SaveSubmission(&s));
  return txn.Commit().status();
}

// Check and store one form; `version` is the store version the checker reflects, advanced by
// the commit.
Result<SubmitResult> SubmitOne(store::Store& store, const Actor& actor, const Metadata& md,
                               internal::RuleChecker& checker, const SubmitRequest& request,
                               std::int64_t* version) {
  const engine::Snapshot& snapshot = checker.snapshot();
  EL_ASSIGN_OR_RETURN(Form f, Resolve(store, actor, md, snapshot.orgs(), request.key));
  f.org_idx = static_cast<std::uint32_t>(snapshot.OrgIndex(f.org->id));
  f.year_idx = snapshot.YearIndex(request.key.school_year);
  if (f.year_idx < 0) {
    return Status::FailedPrecondition(
        "no_such_year", "学籍中没有 " + std::to_string(request.key.school_year) + "年（统计时点 " +
                            core::SnapshotDate(request.key.school_year).ToChinese() +
                            "）的在校生记录：请先导入该年的学生名单，报表要与学籍对照校验");
  }
  const std::string label = FormLabel(f, request.key.school_year);
  if (f.stored && f.stored->state == store::SubmissionState::kApproved) {
    return Status::FailedPrecondition("form_locked",
                                      label + "已审核，已锁定；如需修改，请上级单位先退回重开");
  }
  // The top unit has no one above to approve its forms: submitting approves them.
  const bool top = f.org->parent_id == 0;
  EL_ASSIGN_OR_RETURN(
      const store::SubmissionState next,
      FormMove(md, actor, f.stored ? f.stored->state : store::SubmissionState::kDraft,
               top ? "submit_top" : "submit", label));
  std::vector<std::string> faults;
  std::vector<store::DataValue> values = CheckValues(md, *f.set, request, &faults);
  if (!faults.empty()) {
    return ListFaults(core::StatusCode::kInvalidArgument, "bad_values",
                      label + "有 " + std::to_string(faults.size()) + " 处数据错误，未保存：",
                      faults);
  }
  const std::int64_t submission_id = f.stored ? f.stored->id : 0;
  std::vector<engine::ValueRow> pending =
      checker.Rows(values, f.org_idx, f.year_idx, submission_id);
  const std::vector<RuleResult> broken =
      checker.Check(*f.set, f.org_idx, f.year_idx, submission_id, pending);
  std::vector<std::string> errors, unexplained;
  SubmitResult result;
  std::map<std::string, std::string> explanations;
  for (const RuleResult& r : broken) {
    if (r.severity == meta::RuleSeverity::kError) {
      errors.push_back(Describe(r));
      continue;
    }
    const auto it = request.explanations.find(r.rule);
    if (it == request.explanations.end() || core::TrimSpace(it->second).empty()) {
      unexplained.push_back(Describe(r));
      continue;
    }
    RuleResult explained = r;
    explained.explanation = it->second;
    explanations[r.rule] = it->second;
    result.warnings.push_back(std::move(explained));
  }
  if (!errors.empty()) {
    return ListFaults(core::StatusCode::kFailedPrecondition, "validation_failed",
                      label + "未通过 " + std::to_string(errors.size()) + " 条逻辑校验，未保存：",
                      errors);
  }
  if (!unexplained.empty()) {
    return ListFaults(core::StatusCode::kFailedPrecondition, "explanation_required",
                      label + "有 " + std::to_string(unexplained.size()) +
                          " 条经验校验未通过，须逐条说明原因 (--explain 规则代码=说明)：",
                      unexplained);
  }
  store::Submission s = f.stored.value_or(store::Submission{});
  s.state = next;
  s.data_set = f.set->code;
  s.org_unit_id = f.org->id;
  s.period = request.key.school_year;
  s.comment.clear();
  s.explanations = internal::ExplanationsJson(explanations);
  std::vector<store::ValueChange> changes;
  if (s.ever_approved) {
    EL_ASSIGN_OR_RETURN(const std::vector<store::DataValue> before, store.LoadValues(s.id));
    changes = Diff(s.id, before, values);
  }
  if (s.state == store::SubmissionState::kApproved) s.ever_approved = true;
  nlohmann::json detail = {{"values", values.size()}, {"warnings_explained", explanations.size()}};
  if (!request.source.empty()) detail["file"] = request.source;
  auto begun =
      store.Begin(Audit(actor, "form.submit", f, request.key.school_year, detail), *version);
  if (!begun.ok()) {
    return InTermsOfTheForm(begun.status(), FormLabel(f, request.key.school_year),
                            "已被他人修改，本次填报未保存；请重新提交");
  }
  store::Transaction txn = std::move(begun).value();
  EL_RETURN_IF_ERROR(txn.SaveSubmission(&s));
  EL_RETURN_IF_ERROR(txn.ReplaceValues(s.id, values));
  EL_RETURN_IF_ERROR(txn.InsertValueChanges(changes));
  EL_ASSIGN_OR_RETURN(*version, txn.Commit());
  for (engine::ValueRow& row : pending) {
    row.submission_id = s.id;
    row.approved = s.state == store::SubmissionState::kApproved;
  }
  checker.Replace(s.id, std::move(pending));
  result.submission = s;
  result.changed_after_approval = changes.size();
  return result;
}

}  // namespace

Result<SubmitResult> SubmitForm(store::Store& store, const Actor& actor, const Metadata& md,
                                const SubmitRequest& request) {
  std::vector<Result<SubmitResult>> results = SubmitForms(store, actor, md, {&request, 1});
  return std::move(results.front());
}

std::vector<Result<SubmitResult>> SubmitForms(store::Store& store, const Actor& actor,
                                              const Metadata& md,
                                              std::span<const SubmitRequest> requests) {
  std::vector<Result<SubmitResult>> out;
  const auto fail_all = [&](const Status& s) {
    out.assign(requests.size(), Result<SubmitResult>(s));
    return std::move(out);
  };
  // Who may submit is the forms' workflow's to say (FormMove), form by form.
  auto version = store.Version();
  if (!version.ok()) return fail_all(version.status());
  auto checker = internal::RuleChecker::Open(store, md);
  if (!checker.ok()) return fail_all(checker.status());
  for (const SubmitRequest& request : requests) {
    auto result = SubmitOne(store, actor, md, *checker, request, &*version);
    out.push_back(std::move(result));
  }
  return out;
}

Status ApproveForm(store::Store& store, const Actor& actor, const Metadata& md,
                   const FormKey& key) {
  return Transition(store, actor, md, key, "approve", {}, "form.approve", [](store::Submission* s) {
    s->ever_approved = true;
    s->comment.clear();
  });
}

Status ReturnForm(store::Store& store, const Actor& actor, const Metadata& md, const FormKey& key,
                  const std::string& comment) {
  if (core::TrimSpace(comment).empty()) {
    return Status::InvalidArgument("comment_required", "退回报表须写明原因 (--comment)");
  }
  return Transition(store, actor, md, key, "return", comment, "form.return",
                    [&](store::Submission* s) { s->comment = comment; }, {{"comment", comment}});
}

Status ReopenForm(store::Store& store, const Actor& actor, const Metadata& md, const FormKey& key,
                  const std::string& reason) {
  if (core::TrimSpace(reason).empty()) {
    return Status::InvalidArgument("reason_required", "重开已审核的报表须写明原因 (--reason)");
  }
  return Transition(store, actor, md, key, "reopen", reason, "form.reopen",
                    [&](store::Submission* s) { s->comment = reason; }, {{"reason", reason}});
}

Result<std::vector<FormStatus>> ListForms(store::Store& store, const Actor& actor,
                                          const Metadata& md, int school_year) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const Scope scope(actor, tree);
  EL_ASSIGN_OR_RETURN(const std::vector<store::Submission> saved,
                      store.ListSubmissions(school_year));
  std::vector<FormStatus> out;
  for (const meta::DataSet& set : md.data_sets()) {
    for (const meta::OrgUnit& u : tree.units()) {
      if (!set.DueAt(u) || !scope.Sees(u)) continue;
      FormStatus st{set.code, set.name, u.code, u.name, std::nullopt, 0};
      for (const store::Submission& s : saved) {
        if (s.data_set == set.code && s.org_unit_id == u.id) st.submission = s;
      }
      if (st.submission) {
        EL_ASSIGN_OR_RETURN(const auto values, store.LoadValues(st.submission->id));
        st.values = values.size();
      }
      out.push_back(std::move(st));
    }
  }
  return out;
}

Result<Validation> ValidateForms(store::Store& store, const Actor& actor, const Metadata& md,
                                 int year) {
  EL_ASSIGN_OR_RETURN(internal::RuleChecker checker, internal::RuleChecker::Open(store, md));
  const meta::OrgTree& tree = checker.snapshot().orgs();
  const Scope scope(actor, tree);
  EL_ASSIGN_OR_RETURN(std::vector<store::Submission> saved, store.ListSubmissions(year));
  std::erase_if(saved, [&](const store::Submission& s) { return !scope.Sees(s.org_unit_id); });
  Validation out;
  out.year = year;
  for (const meta::DataSet& set : md.data_sets()) {
    for (const meta::OrgUnit& u : tree.units()) {
      if (!set.DueAt(u) || !scope.Sees(u)) continue;
      ++out.forms_due;
      const auto it = std::find_if(saved.begin(), saved.end(), [&](const store::Submission& s) {
        return s.data_set == set.code && s.org_unit_id == u.id;
      });
      if (it != saved.end()) {
        ++out.forms_saved;
        ++out.forms_by_state[static_cast<std::size_t>(it->state)];
      }
    }
  }
  out.broken = checker.CheckAll(saved);
  return out;
}

Result<std::vector<FormChange>> ListFormChanges(store::Store& store, const Actor& actor,
                                                const Metadata& md, int school_year) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const Scope scope(actor, tree);
  EL_ASSIGN_OR_RETURN(const std::vector<store::Submission> saved,
                      store.ListSubmissions(school_year));
  EL_ASSIGN_OR_RETURN(const std::vector<store::ValueChange> changes,
                      store.ListValueChanges(school_year));
  std::map<std::int64_t, const store::Submission*> by_id;
  for (const store::Submission& s : saved) by_id[s.id] = &s;
  std::vector<FormChange> out;
  for (const store::ValueChange& c : changes) {
    const auto it = by_id.find(c.submission_id);
    if (it == by_id.end() || !scope.Sees(it->second->org_unit_id)) continue;
    const meta::OrgUnit* u = tree.ById(it->second->org_unit_id);
    FormChange f{it->second->data_set, u ? u->code : "", u ? u->name : "", c, {}, {}, {}};
    const meta::DataSet* set = md.FindDataSet(f.data_set);
    f.data_set_name = set ? set->name : f.data_set;
    const meta::DataElement* e = md.FindElement(c.element);
    f.element_name = e ? e->name : c.element;
    const engine::ValueSchema& schema = md.value_schema();
    const int index = e ? schema.Find(e->code) : -1;
    f.group = index >= 0 ? meta::DisaggregationLabel(
                               schema.element(static_cast<std::size_t>(index)).categories,
                               c.disaggregation)
                         : (c.disaggregation.empty() ? "合计" : c.disaggregation);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace eduledger::app
