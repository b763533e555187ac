#include "store/collected.h"

namespace eduledger::store {

namespace {

struct StateNames {
  SubmissionState state;
  std::string_view key;
  std::string_view name;
};
constexpr StateNames kStates[] = {
    {SubmissionState::kDraft, "draft", "草稿"},
    {SubmissionState::kSubmitted, "submitted", "已上报"},
    {SubmissionState::kApproved, "approved", "已审核"},
    {SubmissionState::kReturned, "returned", "已退回"},
};

}  // namespace

std::string_view SubmissionStateKey(SubmissionState s) { return kStates[static_cast<int>(s)].key; }

std::string_view SubmissionStateName(SubmissionState s) {
  return kStates[static_cast<int>(s)].name;
}

std::optional<SubmissionState> ParseSubmissionState(std::string_view key) {
  for (const StateNames& s : kStates) {
    if (s.key == key || s.name == key) return s.state;
  }
  return std::nullopt;
}

}  // namespace eduledger::store
