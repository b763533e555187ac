// eduledger config: the installation's settings (app/settings.h). With no key it lists them,
// with a key it prints one, with a key and a value it sets it; --unset removes it.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/settings.h"
#include "cli/commands.h"
#include "cli/text_output.h"

namespace eduledger::cli {

void AddConfigCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string key;
    std::string value;
    bool unset = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "config", "查看或修改本系统的设置，如本级单位（home_org：不指定 --org 时统计的县区）");
  cmd->add_option("key", args->key, "设置项（不填：列出全部）");
  cmd->add_option("value", args->value, "新的值（不填：显示当前值）");
  cmd->add_flag("--unset", args->unset, "删除该设置项，恢复默认");
  cmd->callback([&ctx, args] {
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    if (!args->value.empty() || args->unset) {
      if (args->key.empty()) {
        return ctx.Fail(core::Status::InvalidArgument("missing_key", "请给出要修改的设置项"));
      }
      const core::Status s =
          app::PutSetting(**store, ctx.actor, args->key, args->unset ? "" : args->value);
      if (!s.ok()) return ctx.Fail(s);
    }
    auto settings = app::ListSettings(**store);
    if (!settings.ok()) return ctx.Fail(settings.status());
    const auto defs = app::KnownSettings();
    if (ctx.json()) {
      nlohmann::json out = nlohmann::json::object();
      for (const store::Setting& s : *settings) {
        if (args->key.empty() || s.key == args->key) out[s.key] = s.value;
      }
      std::printf("%s\n", out.dump(2).c_str());
      return;
    }
    TextTable table({"设置项", "名称", "当前值", "说明"});
    bool found = args->key.empty();
    for (std::size_t i = 0; i < settings->size(); ++i) {
      const store::Setting& s = (*settings)[i];
      if (!args->key.empty() && s.key != args->key) continue;
      found = true;
      table.Add({s.key, std::string(defs[i].name), s.value.empty() ? "（未设定）" : s.value,
                 std::string(defs[i].help)});
    }
    if (!found) {
      return ctx.Fail(core::Status::InvalidArgument(
          "unknown_setting", "没有设置项“" + args->key + "”（用 eduledger config 列出全部）"));
    }
    std::printf("%s", table.Render().c_str());
  });
}

}  // namespace eduledger::cli
