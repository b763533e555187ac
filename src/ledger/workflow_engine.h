// The workflow engine: whether a move may be made, and when an entry is overdue. Every state
// change in EduLedger goes through it: a programme ledger's cases (ledger_type.h) and the forms'
// submissions (app/forms.h, workflow form_submission) alike. The definitions are data
// (meta/workflow.h); this decides on them and changes nothing itself: the caller stores the move
// with its history entry in one transaction, or nothing when a check refuses it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "meta/ledger_type.h"
#include "meta/workflow.h"

namespace eduledger::ledger {

// A move asked for: the transition (code or Chinese name), by whom, with what.
struct MoveRequest {
  std::string_view transition = {};
  std::string_view role = {};                     // role key (meta/role.h)
  const std::set<std::string>* filled = nullptr;  // field codes holding a value after the move
  std::string_view comment = {};
};

// The transition to make from `state`, or why not (nothing is changed either way):
//   NotFound "unknown_transition"        the workflow has no such move;
//   FailedPrecondition "wrong_state"     the move is not made from `state`;
//   PermissionDenied "role_not_allowed"  the role may not make it;
//   InvalidArgument "field_required"     a field it needs is empty (the message names them all);
//   InvalidArgument "comment_required"   it needs a comment (退回的原因) and has none.
// `fields` (a ledger's; null for a workflow without fields) give the names in messages.
core::Result<const meta::WorkflowTransition*> CheckMove(
    const meta::Workflow& workflow, std::string_view state, const MoveRequest& request,
    const std::vector<meta::LedgerField>* fields = nullptr);

// The moves `role` may make from `state`, in the workflow's order.
std::vector<const meta::WorkflowTransition*> MovesFrom(const meta::Workflow& workflow,
                                                       std::string_view state,
                                                       std::string_view role);

// The shortest chain of moves `role` may make that takes an entry from `from` to `to`: empty
// when the two are the same, nullopt when no chain of its moves gets there. An import that
// records a case already worked (a hazard already 已验收) makes these moves, each checked.
std::optional<std::vector<const meta::WorkflowTransition*>> PathTo(const meta::Workflow& workflow,
                                                                   std::string_view from,
                                                                   std::string_view to,
                                                                   std::string_view role);

// The day by which an entry that entered `state` on `entered` must leave it: `entered` plus the
// state's deadline_days, or the date in its deadline_field (`field_date`); nullopt when the
// state has no deadline (or a final state, or the field is empty).
std::optional<core::Date> Deadline(const meta::WorkflowState& state, core::Date entered,
                                   std::optional<core::Date> field_date = std::nullopt);
// Is an entry with `deadline` overdue on `on`? From the day after the deadline on.
inline bool Overdue(std::optional<core::Date> deadline, core::Date on) {
  return deadline && !deadline->is_null() && on > *deadline;
}

// "草稿" for a state code, the code itself when the workflow does not know it.
std::string StateName(const meta::Workflow& workflow, std::string_view state);

}  // namespace eduledger::ledger
