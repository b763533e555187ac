#include "ledger/workflow_engine.h"

#include <deque>
#include <map>

#include "core/text.h"
#include "meta/role.h"

namespace eduledger::ledger {

using core::Status;

namespace {

std::string Quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

std::string RoleNameOf(std::string_view key) {
  const auto role = meta::RoleByKey(key);
  return role ? std::string(role->name) : std::string(key);
}

std::string FieldName(std::string_view code, const std::vector<meta::LedgerField>* fields) {
  if (fields != nullptr) {
    for (const meta::LedgerField& f : *fields) {
      if (f.code == code) return f.name;
    }
  }
  return std::string(code);
}

template <class Items, class Name>
std::string Joined(const Items& items, Name name) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "、") + name(item);
  return out;
}

}  // namespace

std::string StateName(const meta::Workflow& workflow, std::string_view state) {
  const meta::WorkflowState* s = workflow.State(state);
  return s != nullptr ? s->name : std::string(state);
}

core::Result<const meta::WorkflowTransition*> CheckMove(
    const meta::Workflow& workflow, std::string_view state, const MoveRequest& request,
    const std::vector<meta::LedgerField>* fields) {
  const meta::WorkflowTransition* t = workflow.Transition(request.transition);
  for (const meta::WorkflowTransition& candidate : workflow.transitions) {
    if (t == nullptr && candidate.name == request.transition) t = &candidate;
  }
  if (t == nullptr) {
    return Status::NotFound(
        "unknown_transition",
        workflow.name + "没有" + Quoted(request.transition) + "这一步（可办理的有：" +
            Joined(workflow.transitions,
                   [](const meta::WorkflowTransition& x) { return x.name + " (" + x.code + ")"; }) +
            "）");
  }
  bool from_here = false;
  for (const std::string& from : t->from) from_here = from_here || from == state;
  if (!from_here) {
    return Status::FailedPrecondition(
        "wrong_state",
        Quoted(t->name) + "只能在" +
            Joined(t->from, [&](const std::string& s) { return Quoted(StateName(workflow, s)); }) +
            "时办理，当前为" + Quoted(StateName(workflow, state)));
  }
  bool allowed = false;
  for (const std::string& role : t->roles) allowed = allowed || role == request.role;
  if (!allowed) {
    return Status::PermissionDenied(
        "role_not_allowed",
        RoleNameOf(request.role) + "不能办理" + Quoted(t->name) +
            (t->roles.empty() ? std::string("（由系统办理）")
                              : "（可办理的角色：" + Joined(t->roles, RoleNameOf) + "）"));
  }
  std::vector<std::string> missing;
  for (const std::string& f : t->requires_fields) {
    if (request.filled == nullptr || !request.filled->count(f)) missing.push_back(f);
  }
  if (!missing.empty()) {
    return Status::InvalidArgument("field_required", "办理" + Quoted(t->name) + "须填写：" +
                                                         Joined(missing, [&](const std::string& f) {
                                                           return FieldName(f, fields);
                                                         }));
  }
  if (t->comment_required && core::TrimSpace(request.comment).empty()) {
    return Status::InvalidArgument("comment_required",
                                   "办理" + Quoted(t->name) + "须写明原因或说明");
  }
  return t;
}

std::vector<const meta::WorkflowTransition*> MovesFrom(const meta::Workflow& workflow,
                                                       std::string_view state,
                                                       std::string_view role) {
  std::vector<const meta::WorkflowTransition*> out;
  for (const meta::WorkflowTransition& t : workflow.transitions) {
    bool from_here = false, allowed = false;
    for (const std::string& from : t.from) from_here = from_here || from == state;
    for (const std::string& r : t.roles) allowed = allowed || r == role;
    if (from_here && allowed) out.push_back(&t);
  }
  return out;
}

std::optional<std::vector<const meta::WorkflowTransition*>> PathTo(const meta::Workflow& workflow,
                                                                   std::string_view from,
                                                                   std::string_view to,
                                                                   std::string_view role) {
  // Breadth first over states: the first time `to` is reached is by the fewest moves. Each
  // state reached keeps the move that reached it and the state that move was made from.
  struct Step {
    const meta::WorkflowTransition* move = nullptr;
    std::string previous;
  };
  std::map<std::string, Step, std::less<>> reached{{std::string(from), Step{}}};
  std::deque<std::string> queue{std::string(from)};
  while (!queue.empty() && !reached.count(to)) {
    const std::string state = queue.front();
    queue.pop_front();
    for (const meta::WorkflowTransition* t : MovesFrom(workflow, state, role)) {
      if (reached.emplace(t->to, Step{t, state}).second) queue.push_back(t->to);
    }
  }
  if (!reached.count(to)) return std::nullopt;
  std::vector<const meta::WorkflowTransition*> path;
  for (auto at = reached.find(to); at->second.move != nullptr; at = reached.find(at->second.previous)) {
    path.insert(path.begin(), at->second.move);
  }
  return path;
}

std::optional<core::Date> Deadline(const meta::WorkflowState& state, core::Date entered,
                                   std::optional<core::Date> field_date) {
  if (state.final) return std::nullopt;
  if (state.deadline_days && !entered.is_null()) return entered.AddDays(*state.deadline_days);
  if (!state.deadline_field.empty() && field_date && !field_date->is_null()) return field_date;
  return std::nullopt;
}

}  // namespace eduledger::ledger
