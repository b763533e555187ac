#include "app/actor.h"

#include "core/text.h"

namespace eduledger::app {

std::string_view RoleKey(Role role) {
  switch (role) {
    case Role::kBureauAdmin:
      return "bureau_admin";
    case Role::kStatistician:
      return "statistician";
    case Role::kSectionStaff:
      return "section_staff";
    case Role::kSchoolClerk:
      return "school_clerk";
    case Role::kCentralReviewer:
      return "central_reviewer";
    case Role::kLeader:
      return "leader";
    case Role::kInspector:
      return "inspector";
  }
  return "?";
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kBureauAdmin:
      return "系统管理员";
    case Role::kStatistician:
      return "统计员";
    case Role::kSectionStaff:
      return "业务股室";
    case Role::kSchoolClerk:
      return "学校填报员";
    case Role::kCentralReviewer:
      return "中心校审核员";
    case Role::kLeader:
      return "局领导";
    case Role::kInspector:
      return "督学";
  }
  return "?";
}

Actor Actor::LocalAdmin() { return Actor{"local-admin", Role::kBureauAdmin, {"*"}}; }

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

Scope::Scope(const Actor& actor, const meta::OrgTree& tree) : tree_(tree) {
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
    if (all_) {
      const auto roots = tree_.Roots();
      if (roots.size() == 1) return roots[0];
      if (roots.empty()) return core::Status::NotFound("empty_register", "系统中还没有任何单位");
      return core::Status::InvalidArgument("choose_org_unit", "有多个顶级单位，请用 --org 指定");
    }
    if (roots_.size() == 1) return tree_.ById(roots_[0]);
    return core::Status::InvalidArgument("choose_org_unit", "请用 --org 指定单位");
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
