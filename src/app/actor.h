// Actor: who is asking. Every use case takes one, so reads and writes are scoped from the first
// line of code: the CLI acts as the local administrator today, the web server will pass the
// signed-in user without any use case changing.
//
//   role                 sees                      personal data   writes register
//   kBureauAdmin         its org units (all)       full            yes
//   kStatistician        its org units             full            yes
//   kSectionStaff        its org units             masked          no
//   kSchoolClerk         its school                full            yes (its school)
//   kCentralReviewer     its township's schools    masked          no
//   kLeader              its org units             masked          no
//   kInspector           its org units             masked          no
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "meta/org_tree.h"

namespace eduledger::app {

// In the order of meta::Roles(), which holds their keys and names.
enum class Role {
  kBureauAdmin,      // 教育局系统管理员
  kStatistician,     // 统计员
  kSectionStaff,     // 业务股室
  kSchoolClerk,      // 学校填报员
  kCentralReviewer,  // 乡镇中心校审核
  kLeader,           // 局领导（驾驶舱）
  kInspector,        // 督学
};

std::string_view RoleKey(Role role);   // "bureau_admin" …
std::string_view RoleName(Role role);  // "系统管理员" …

struct Actor {
  std::string user_id;
  Role role = Role::kLeader;
  // Codes of the org units whose subtrees the actor may see; "*" means every unit.
  std::vector<std::string> scope_codes;
  // The unit a request means when it names none: a user's own unit, or the bureau's county
  // (app/settings.h home_org) for the local administrator. Empty: see Scope::Resolve.
  std::string home_code;

  // The local administrator the CLI acts as: every unit, full view.
  static Actor LocalAdmin();

  bool full_personal_view() const;
  bool may_write_register() const;
  // Forms (app/forms.h): filling one's own units' forms, and approving, returning and
  // reopening the forms of the units below one's own.
  bool may_fill_forms() const;
  bool may_approve_forms() const;
};

// An actor's scope resolved against the org tree.
class Scope {
 public:
  Scope(const Actor& actor, const meta::OrgTree& tree);
  bool Sees(const meta::OrgUnit& unit) const;
  bool Sees(std::int64_t org_unit_id) const;
  // Resolve the org unit a request names (by code or name). A unit outside the scope is
  // NotFound, as an unknown one is. Naming none means the actor's home unit; without one, the
  // one county-level unit the actor sees, else the actor's one root when it is a county or
  // below (never a province or city by default); otherwise InvalidArgument "choose_org_unit".
  core::Result<const meta::OrgUnit*> Resolve(std::string_view code_or_name) const;

 private:
  const meta::OrgTree& tree_;
  bool all_ = false;
  std::vector<std::int64_t> roots_;
  std::string home_code_;
};

}  // namespace eduledger::app
