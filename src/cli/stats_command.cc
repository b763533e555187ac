// eduledger stats: the register's basic figures for a statistics year and an org unit: schools
// by type, students, entrants, graduates and teachers by level, the groups, and the year's
// register changes, each a package indicator (app/register_stats.h).
#include <cstdio>

#include "app/register_stats.h"
#include "cli/commands.h"
#include "cli/stats_output.h"

namespace eduledger::cli {

void AddStatsCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    int year = 0;
    std::string org;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "stats",
      "基本情况统计：学校数（按办学类型）、各学段在校生、招生、毕业生与专任教师、"
      "学籍异动，按统计年度和单位");
  cmd->add_option("--year", args->year,
                  "统计年度：2025 即统计时点 2025年9月1日、统计期 2024年9月1日—2025年8月31日"
                  "（默认统计时点已过的最近一年）");
  cmd->add_option("--org", args->org, "单位代码或名称（默认本级）");
  cmd->add_option("--packages", args->packages,
                  "元数据包目录（可重复；默认随程序安装的 packages/county-bureau）");
  cmd->callback([&ctx, args] {
    auto md = app::Metadata::LoadOrDefault(args->packages);
    if (!md.ok()) return ctx.Fail(md.status());
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    auto stats = app::ComputeRegisterStats(**store, ctx.actor, *md, args->year, args->org);
    if (!stats.ok()) return ctx.Fail(stats.status());
    if (ctx.json()) {
      std::printf("%s\n", StatsJson(*stats).dump(2).c_str());
    } else {
      std::printf("%s", StatsText(*stats).c_str());
    }
  });
}

}  // namespace eduledger::cli
