// RuleChecker: runs a form's validation rules (meta/validation_rule.h) at its org unit and
// school year, over the register and the collected figures, optionally with one form's
// pending values in place of its stored ones. For app/forms.cc.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "app/forms.h"
#include "engine/snapshot.h"

namespace eduledger::app::internal {

class RuleChecker {
 public:
  // Read the register and every stored value (any state).
  static core::Result<RuleChecker> Open(store::Store& store, const Metadata& md);

  const engine::Snapshot& snapshot() const { return *snapshot_; }

  // After a form was stored: its values are now `rows`.
  void Replace(std::int64_t submission_id, std::vector<engine::ValueRow> rows);

  // The numeric values of `values` (checked beforehand) as value rows of `org` and
  // `year_idx`, carrying `submission_id`.
  std::vector<engine::ValueRow> Rows(std::span<const store::DataValue> values, std::uint32_t org,
                                     int year_idx, std::int64_t submission_id) const;

  // The rules of `data_set` broken at `org` in year `year_idx`, with the stored values of
  // `submission_id` (0: a form not stored yet) replaced by `pending`.
  std::vector<RuleResult> Check(const meta::DataSet& data_set, std::uint32_t org, int year_idx,
                                std::int64_t submission_id,
                                std::span<const engine::ValueRow> pending) const;

  // The rules broken by every form in `forms`, each with its explanations attached.
  std::vector<RuleResult> CheckAll(std::span<const store::Submission> forms) const;

 private:
  void Evaluate(const engine::Cube& cube, const meta::DataSet& data_set, std::uint32_t org,
                int year_idx, std::vector<RuleResult>* out) const;

  const Metadata* md_ = nullptr;
  std::unique_ptr<engine::Snapshot> snapshot_;
  std::vector<engine::ValueRow> values_;  // the snapshot's, with later submissions applied
};

// The explanations JSON of a submission as a map, and back.
std::map<std::string, std::string> ParseExplanations(const std::string& json);
std::string ExplanationsJson(const std::map<std::string, std::string>& explanations);

}  // namespace eduledger::app::internal
