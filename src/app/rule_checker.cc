#include <cmath>
#include <nlohmann/json.hpp>

#include "app/rule_checker_internal.h"

namespace eduledger::app::internal {

using core::Result;
using core::Status;

Result<RuleChecker> RuleChecker::Open(store::Store& store, const Metadata& md) {
  RuleChecker c;
  c.md_ = &md;
  EL_ASSIGN_OR_RETURN(c.snapshot_, ReadSnapshot(store, md));
  c.values_ = c.snapshot_->values();
  return c;
}

void RuleChecker::Replace(std::int64_t submission_id, std::vector<engine::ValueRow> rows) {
  std::erase_if(values_,
                [&](const engine::ValueRow& v) { return v.submission_id == submission_id; });
  values_.insert(values_.end(), rows.begin(), rows.end());
}

std::vector<RuleResult> RuleChecker::Check(const meta::DataSet& data_set, std::uint32_t org,
                                           int year_idx, std::int64_t submission_id,
                                           std::span<const engine::ValueRow> pending) const {
  std::vector<engine::ValueRow> rows;
  rows.reserve(values_.size() + pending.size());
  for (const engine::ValueRow& v : values_) {
    if (v.submission_id != submission_id) rows.push_back(v);  // stored ids are never 0
  }
  rows.insert(rows.end(), pending.begin(), pending.end());
  const engine::Cube cube = engine::Cube::Compute(*snapshot_, md_->rule_catalog(), rows);
  std::vector<RuleResult> out;
  Evaluate(cube, data_set, org, year_idx, &out);
  return out;
}

std::vector<RuleResult> RuleChecker::CheckAll(std::span<const store::Submission> forms) const {
  const engine::Cube cube = engine::Cube::Compute(*snapshot_, md_->rule_catalog(), values_);
  std::vector<RuleResult> out;
  for (const store::Submission& s : forms) {
    const meta::DataSet* set = md_->FindDataSet(s.data_set);
    const std::int32_t org = snapshot_->OrgIndex(s.org_unit_id);
    const int year_idx = snapshot_->YearIndex(s.period);
    if (!set || org < 0 || year_idx < 0) continue;
    const std::size_t first = out.size();
    Evaluate(cube, *set, static_cast<std::uint32_t>(org), year_idx, &out);
    const auto explanations = ParseExplanations(s.explanations);
    for (std::size_t i = first; i < out.size(); ++i) {
      if (const auto it = explanations.find(out[i].rule); it != explanations.end()) {
        out[i].explanation = it->second;
      }
    }
  }
  return out;
}

void RuleChecker::Evaluate(const engine::Cube& cube, const meta::DataSet& data_set,
                           std::uint32_t org, int year_idx, std::vector<RuleResult>* out) const {
  const meta::OrgUnit& unit = snapshot_->orgs().units()[org];
  for (const CompiledRule& rule : md_->rules()) {
    if (rule.def.data_set != data_set.code) continue;
    double sides[2] = {__builtin_nan(""), __builtin_nan("")};
    const double holds = cube.Evaluate(rule.check, year_idx, org, engine::kCellTotal, sides);
    if (std::isnan(holds) || holds != 0) continue;  // holds, or a side has no value
    RuleResult r;
    r.rule = rule.def.code;
    r.name = rule.def.name;
    r.severity = rule.def.severity;
    r.message = rule.def.message.empty() ? rule.def.check : rule.def.message;
    r.org_code = unit.code;
    r.org_name = unit.name;
    r.data_set = data_set.code;
    r.left = sides[0];
    r.right = sides[1];
    out->push_back(std::move(r));
  }
}

std::vector<engine::ValueRow> RuleChecker::Rows(std::span<const store::DataValue> values,
                                                std::uint32_t org, int year_idx,
                                                std::int64_t submission_id) const {
  std::vector<engine::ValueRow> rows;
  for (const store::DataValue& v : values) {
    std::optional<engine::ValueRow> row = md_->value_schema().Row(v);
    if (!row) continue;  // text: no rule sums it
    row->submission_id = submission_id;
    row->org = org;
    row->year = static_cast<std::uint16_t>(year_idx);
    rows.push_back(*row);
  }
  return rows;
}

std::map<std::string, std::string> ParseExplanations(const std::string& json) {
  std::map<std::string, std::string> out;
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

std::string ExplanationsJson(const std::map<std::string, std::string>& explanations) {
  return nlohmann::json(explanations).dump();
}

}  // namespace eduledger::app::internal
