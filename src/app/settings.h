// Settings of the installation (`eduledger config`), kept in the store:
//
//   key        名称      meaning
//   home_org   本级单位  the org unit a command means when it names none: the bureau's own
//                        county (district). Without it, the one county in the store.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

struct SettingDef {
  std::string_view key;
  std::string_view name;  // Chinese
  std::string_view help;  // Chinese: what it does and what a value looks like
};

std::span<const SettingDef> KnownSettings();

// Every known setting with its stored value ("" when unset), in KnownSettings() order.
core::Result<std::vector<store::Setting>> ListSettings(store::Store& store);

// Set `key` to `value` (empty: remove it), with an audit entry. An unknown key is
// InvalidArgument "unknown_setting"; home_org takes a unit's code or name and keeps its code
// (an unknown or ambiguous unit is the org tree's error). PermissionDenied for an actor who
// may not write the register.
core::Status PutSetting(store::Store& store, const Actor& actor, std::string_view key,
                        std::string_view value);

// `actor` with its home unit taken from the store's home_org when the actor has none.
core::Result<Actor> WithHomeUnit(store::Store& store, Actor actor);

}  // namespace eduledger::app
