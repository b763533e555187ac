#include "app/actor.h"

#include "core/text.h"
#include "meta/role.h"

namespace eduledger::app {

std::string_view RoleKey(Role role) { return meta::Roles()[static_cast<std::size_t>(role)].key; }

std::string_view RoleName(Role role) { return meta::Roles()[static_cast<std::size_t>(role)].name; }

Actor Actor::LocalAdmin() { return Actor{"local-admin", Role::kBureauAdmin, {"*"}, ""}; }

bool Actor::full_personal_view() const {
  return role == Role::kBureauAdmin || role == Role::kStatistician || role == Role::kSchoolClerk;
}

bool Actor::may_write_register() const {
  return role == Role::kBureauAdmin || role == Role::kStatistician || role == Role::kSchoolClerk;
}

bool Actor::may_fill_forms() const { return may_write_register() || role == Role::kSectionStaff; }

bool Actor::may_approve_forms() const {
  return role == Role::kBureauAdmin || role == Role::kStatistician || role == Role::kSectionStaff ||
         role == Role::kCentralReviewer;
}

Scope::Scope(const Actor& actor, const meta::OrgTree& tree)
    : tree_(tree), home_code_(actor.home_code) {
  for (const std::string& code : actor.scope_codes) {
    if (code == "*") {
      all_ = true;
    } else if (const meta::OrgUnit* u = tree.ByCode(code)) {
      roots_.push_back(u->id);
    }
  }
}

bool Scope::Sees(const meta::OrgUnit& unit) const { return Sees(unit.id); }

bool Scope::Sees(std::int64_t org_unit_id) const {
  if (all_) return tree_.ById(org_unit_id) != nullptr;
  for (const std::int64_t root : roots_) {
    if (tree_.IsWithin(org_unit_id, root)) return true;
  }
  return false;
}

core::Result<const meta::OrgUnit*> Scope::Resolve(std::string_view code_or_name) const {
  if (core::TrimSpace(code_or_name).empty()) {
    if (!home_code_.empty()) return Resolve(home_code_);
    std::vector<const meta::OrgUnit*> counties;
    for (const meta::OrgUnit& u : tree_.units()) {
      if (u.level == meta::OrgLevel::kCounty && Sees(u)) counties.push_back(&u);
    }
    if (counties.size() == 1) return counties[0];
    std::vector<const meta::OrgUnit*> roots;
    if (all_) {
      roots = tree_.Roots();
    } else {
      for (const std::int64_t id : roots_) roots.push_back(tree_.ById(id));
    }
    if (roots.empty()) return core::Status::NotFound("empty_register", "系统中还没有任何单位");
    if (roots.size() == 1 && roots[0]->level >= meta::OrgLevel::kCounty) return roots[0];
    return core::Status::InvalidArgument(
        "choose_org_unit",
        counties.empty()
            ? "请用 --org 指定单位"
            : "库中有 " + std::to_string(counties.size()) +
                  " 个县级单位，请用 --org 指定单位，或用 eduledger config home_org 单位代码 "
                  "设定本级单位");
  }
  auto unit = tree_.Resolve(code_or_name);
  if (!unit.ok()) return unit.status();
  if (!Sees(**unit)) {
    return core::Status::NotFound("unknown_org_unit",
                                  "找不到单位“" + std::string(code_or_name) + "”");
  }
  return unit;
}

}  // namespace eduledger::app
