#include "meta/workflow.h"

namespace eduledger::meta {

const WorkflowState* Workflow::State(std::string_view state_code) const {
  for (const WorkflowState& s : states) {
    if (s.code == state_code) return &s;
  }
  return nullptr;
}

const WorkflowTransition* Workflow::Transition(std::string_view transition_code) const {
  for (const WorkflowTransition& t : transitions) {
    if (t.code == transition_code) return &t;
  }
  return nullptr;
}

}  // namespace eduledger::meta
