// Collected figures as the store keeps them: a submission per form (data set), org unit and
// period, with its state in the approval workflow, and its data values (element ×
// disaggregation). Values changed after a form was first approved are kept as changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eduledger::store {

// draft → submitted → approved, or → returned (with a comment) → submitted again.
// An approved form is locked until it is reopened (back to draft, with a recorded reason).
enum class SubmissionState : std::uint8_t { kDraft, kSubmitted, kApproved, kReturned };
std::string_view SubmissionStateKey(SubmissionState s);  // "draft", "submitted", …
std::string_view SubmissionStateName(SubmissionState s);  // "草稿", "已上报", "已审核", "已退回"
std::optional<SubmissionState> ParseSubmissionState(std::string_view key);

struct Submission {
  std::int64_t id = 0;  // 0 until stored
  std::string data_set;
  std::int64_t org_unit_id = 0;
  int period = 0;  // the school year's first year
  SubmissionState state = SubmissionState::kDraft;
  std::string comment;         // the reviewer's comment on return, or the reason of a reopening
  std::string explanations;    // JSON object: warning rule code → the submitter's explanation
  bool ever_approved = false;  // once approved, later changes to values are tracked
  std::string updated_at;      // set by the store
  std::string updated_by;
};

struct DataValue {
  std::string element;
  std::string disaggregation;  // "age=6;sex=female", "" when the element has no categories
  std::string value;           // canonical text (meta::NormalizeValue)
  friend bool operator==(const DataValue&, const DataValue&) = default;
};

// A value with the form it belongs to, for the engine's snapshot.
struct StoredValue {
  std::int64_t org_unit_id = 0;
  int period = 0;
  SubmissionState state = SubmissionState::kDraft;
  std::int64_t submission_id = 0;
  DataValue value;
};

// A value changed (added, altered or removed) in a form that had been approved.
struct ValueChange {
  std::int64_t submission_id = 0;
  std::string element;
  std::string disaggregation;
  std::string old_value;  // "" when added
  std::string new_value;  // "" when removed
  std::string at;         // set by the store
  std::string actor;
};

}  // namespace eduledger::store
