#include "app/settings.h"

#include <nlohmann/json.hpp>

#include "meta/org_tree.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

constexpr SettingDef kSettings[] = {
    {"home_org", "本级单位",
     "不指定 --org 时各命令统计的单位，即本局所辖的县（区）；填单位代码或名称。未设定时取库中唯一"
     "的县级单位"},
};

const SettingDef* FindSetting(std::string_view key) {
  for (const SettingDef& d : kSettings) {
    if (d.key == key) return &d;
  }
  return nullptr;
}

}  // namespace

std::span<const SettingDef> KnownSettings() { return kSettings; }

Result<std::vector<store::Setting>> ListSettings(store::Store& store) {
  EL_ASSIGN_OR_RETURN(const std::vector<store::Setting> stored, store.LoadSettings());
  std::vector<store::Setting> out;
  for (const SettingDef& d : kSettings) {
    store::Setting s{std::string(d.key), ""};
    for (const store::Setting& have : stored) {
      if (have.key == d.key) s.value = have.value;
    }
    out.push_back(std::move(s));
  }
  return out;
}

Status PutSetting(store::Store& store, const Actor& actor, std::string_view key,
                  std::string_view value) {
  if (!FindSetting(key)) {
    std::string known;
    for (const SettingDef& d : kSettings) known += (known.empty() ? "" : "、") + std::string(d.key);
    return Status::InvalidArgument("unknown_setting",
                                   "没有设置项“" + std::string(key) + "”（可设：" + known + "）");
  }
  if (!actor.may_write_register()) {
    return Status::PermissionDenied("not_allowed", "只有系统管理员和统计员可以修改设置");
  }
  std::string stored(value);
  if (key == "home_org" && !value.empty()) {
    EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
    const meta::OrgTree tree(std::move(units));
    EL_ASSIGN_OR_RETURN(const meta::OrgUnit* unit, Scope(actor, tree).Resolve(value));
    stored = unit->code;
  }
  store::AuditContext context{actor.user_id, std::string(RoleKey(actor.role)), "config.set",
                              nlohmann::json{{"key", key}, {"value", stored}}.dump()};
  EL_ASSIGN_OR_RETURN(store::Transaction txn, store.Begin(context, std::nullopt));
  EL_RETURN_IF_ERROR(txn.PutSetting(key, stored));
  return txn.Commit().status();
}

Result<Actor> WithHomeUnit(store::Store& store, Actor actor) {
  if (!actor.home_code.empty()) return actor;
  EL_ASSIGN_OR_RETURN(const std::vector<store::Setting> settings, store.LoadSettings());
  for (const store::Setting& s : settings) {
    if (s.key == "home_org") actor.home_code = s.value;
  }
  return actor;
}

}  // namespace eduledger::app
