// The roles of the people who use EduLedger, as the metadata names them (a workflow's moves say
// which roles may make them). app/actor.h gives each role its scope and rights.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace eduledger::meta {

struct RoleInfo {
  std::string_view key;   // "school_clerk"
  std::string_view name;  // "学校填报员"
};

// Every role, in the order of app::Role.
std::span<const RoleInfo> Roles();
// The role with `key`; nullopt for an unknown key.
std::optional<RoleInfo> RoleByKey(std::string_view key);

}  // namespace eduledger::meta
