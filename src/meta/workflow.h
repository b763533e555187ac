// Workflow: the states an entry moves through and the moves between them, as data in a metadata
// package. A programme ledger's cases (ledger_type.h) and the forms' submissions (workflows.json,
// code "form_submission") each follow one; the ledger layer (src/ledger) runs them, so there is
// one transition mechanism for both.
//
//   state       code, name, deadline (days after entering it, or a date field of the case),
//               final (no deadline, the case is done: 已销号, 已审核 …)
//   transition  code, name, from (states), to (a state), the roles that may make it, the
//               fields it needs filled, and whether it needs a comment (退回须写明原因)
//
// Role keys are those of meta/role.h (school_clerk, central_reviewer …).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eduledger::meta {

struct WorkflowState {
  std::string code;
  std::string name;
  std::optional<int> deadline_days;  // days after entering the state
  std::string deadline_field;        // or the date in this field of the case (整改期限)
  bool final = false;
};

struct WorkflowTransition {
  std::string code;
  std::string name;
  std::vector<std::string> from;  // state codes
  std::string to;
  std::vector<std::string> roles;            // role keys; empty: nobody (a move the system makes)
  std::vector<std::string> requires_fields;  // field codes that must hold a value
  bool comment_required = false;
};

struct Workflow {
  std::string code;
  std::string name;
  std::string initial;  // the state a new entry is in
  std::vector<WorkflowState> states;
  std::vector<WorkflowTransition> transitions;
  std::string package;

  const WorkflowState* State(std::string_view code) const;
  const WorkflowTransition* Transition(std::string_view code) const;
};

// The code of the forms' workflow in workflows.json. Its states are the submission states of
// store/collected.h: draft, submitted, approved, returned.
inline constexpr std::string_view kFormWorkflow = "form_submission";

}  // namespace eduledger::meta
