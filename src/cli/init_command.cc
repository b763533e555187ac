// eduledger init: create the database file, or bring an existing one to the current schema.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/store_open.h"
#include "cli/commands.h"

namespace eduledger::cli {

void AddInitCommand(CLI::App& app, CliContext& ctx) {
  CLI::App* cmd = app.add_subcommand("init", "创建数据库文件，或把已有数据库升级到当前结构版本");
  cmd->callback([&ctx] {
    auto store = ctx.OpenStore(true);
    if (!store.ok()) return ctx.Fail(store.status());
    auto version = (*store)->SchemaVersion();
    if (!version.ok()) return ctx.Fail(version.status());
    if (ctx.json()) {
      std::printf("%s\n",
                  nlohmann::json{{"db", ctx.db}, {"schema_version", *version}}.dump().c_str());
    } else {
      std::printf("数据库 %s 已就绪（结构版本 %d）\n", ctx.db.c_str(), *version);
    }
  });
}

}  // namespace eduledger::cli
