// Printing the register's basic figures (app/register_stats.h) for people and as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "app/register_stats.h"
#include "cli/cli_context.h"

namespace eduledger::cli {

nlohmann::json StatsJson(const app::RegisterStats& s);
std::string StatsText(const app::RegisterStats& s);

}  // namespace eduledger::cli
