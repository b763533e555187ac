#include "meta/role.h"

namespace eduledger::meta {

std::span<const RoleInfo> Roles() {
  static constexpr RoleInfo kRoles[] = {
      {"bureau_admin", "系统管理员"},
      {"statistician", "统计员"},
      {"section_staff", "业务股室"},
      {"school_clerk", "学校填报员"},
      {"central_reviewer", "中心校审核员"},
      {"leader", "局领导"},
      {"inspector", "督学"},
  };
  return kRoles;
}

std::optional<RoleInfo> RoleByKey(std::string_view key) {
  for (const RoleInfo& r : Roles()) {
    if (r.key == key) return r;
  }
  return std::nullopt;
}

}  // namespace eduledger::meta
