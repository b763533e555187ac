#include "meta/org_tree.h"

#include <algorithm>

#include "core/text.h"

namespace eduledger::meta {

OrgTree::OrgTree(std::vector<OrgUnit> units) : units_(std::move(units)) {
  for (std::size_t i = 0; i < units_.size(); ++i) {
    by_id_[units_[i].id] = i;
    by_code_[units_[i].code] = i;
    by_name_.emplace(units_[i].name, i);
    children_[units_[i].parent_id].push_back(i);
  }
  for (auto& [parent, kids] : children_) {
    std::sort(kids.begin(), kids.end(),
              [this](std::size_t a, std::size_t b) { return units_[a].code < units_[b].code; });
  }
}

const OrgUnit* OrgTree::ById(std::int64_t id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &units_[it->second];
}

const OrgUnit* OrgTree::ByCode(std::string_view code) const {
  const auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &units_[it->second];
}

std::vector<const OrgUnit*> OrgTree::ByName(std::string_view name) const {
  std::vector<const OrgUnit*> out;
  const auto [first, last] = by_name_.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(&units_[it->second]);
  return out;
}

core::Result<const OrgUnit*> OrgTree::ResolveSchool(std::string_view code,
                                                    std::string_view name) const {
  code = core::TrimSpace(code);
  name = core::TrimSpace(name);
  const OrgUnit* unit = nullptr;
  if (!code.empty()) {
    unit = ByCode(code);
    if (unit == nullptr) {
      return core::Status::NotFound("unknown_school", "学校标识码" + std::string(code) + "不存在");
    }
    if (!name.empty() && unit->name != name) {
      return core::Status::InvalidArgument("school_mismatch",
                                           "学校标识码" + std::string(code) + "是“" + unit->name +
                                               "”，与学校名称“" + std::string(name) + "”不符");
    }
  } else if (!name.empty()) {
    const auto named = ByName(name);
    if (named.empty()) {
      return core::Status::NotFound("unknown_school", "学校“" + std::string(name) + "”不存在");
    }
    if (named.size() > 1) {
      return core::Status::InvalidArgument("ambiguous_school",
                                           "有" + std::to_string(named.size()) + "个单位名为“" +
                                               std::string(name) + "”，请填写学校标识码");
    }
    unit = named[0];
  } else {
    return core::Status::InvalidArgument("missing_school", "学校标识码和学校名称都为空");
  }
  if (unit->level != OrgLevel::kSchool) {
    return core::Status::InvalidArgument("not_a_school", "“" + unit->name + "”不是学校");
  }
  return unit;
}

core::Result<const OrgUnit*> OrgTree::Resolve(std::string_view code_or_name) const {
  const std::string_view text = core::TrimSpace(code_or_name);
  if (const OrgUnit* u = ByCode(text)) return u;
  const auto named = ByName(text);
  if (named.size() == 1) return named[0];
  if (named.size() > 1) {
    return core::Status::InvalidArgument(
        "ambiguous_org_unit",
        "有" + std::to_string(named.size()) + "个单位名为“" + std::string(text) + "”，请使用代码");
  }
  return core::Status::NotFound("unknown_org_unit", "找不到单位“" + std::string(text) + "”");
}

const OrgUnit* OrgTree::TownshipOf(std::int64_t id) const {
  const OrgUnit* unit = ById(id);
  const OrgUnit* p = unit ? ById(unit->parent_id) : nullptr;
  for (int depth = 0; p != nullptr && depth < 16; ++depth, p = ById(p->parent_id)) {
    if (p->level == OrgLevel::kTownship) return p;
  }
  return nullptr;
}

bool OrgTree::IsWithin(std::int64_t id, std::int64_t ancestor_id) const {
  for (int depth = 0; id != 0 && depth < 16; ++depth) {
    if (id == ancestor_id) return true;
    const OrgUnit* u = ById(id);
    if (u == nullptr) return false;
    id = u->parent_id;
  }
  return false;
}

std::vector<const OrgUnit*> OrgTree::Subtree(std::int64_t root_id) const {
  std::vector<const OrgUnit*> out;
  const OrgUnit* root = ById(root_id);
  if (root == nullptr) return out;
  std::vector<const OrgUnit*> stack = {root};
  while (!stack.empty()) {
    const OrgUnit* u = stack.back();
    stack.pop_back();
    out.push_back(u);
    const auto it = children_.find(u->id);
    if (it == children_.end()) continue;
    for (auto k = it->second.rbegin(); k != it->second.rend(); ++k) stack.push_back(&units_[*k]);
  }
  return out;
}

std::vector<const OrgUnit*> OrgTree::SchoolsUnder(std::int64_t root_id) const {
  std::vector<const OrgUnit*> out;
  for (const OrgUnit* u : Subtree(root_id)) {
    if (u->level == OrgLevel::kSchool) out.push_back(u);
  }
  std::sort(out.begin(), out.end(),
            [](const OrgUnit* a, const OrgUnit* b) { return a->code < b->code; });
  return out;
}

std::vector<const OrgUnit*> OrgTree::Roots() const {
  std::vector<const OrgUnit*> out;
  const auto it = children_.find(0);
  if (it != children_.end()) {
    for (const std::size_t i : it->second) out.push_back(&units_[i]);
  }
  return out;
}

}  // namespace eduledger::meta
