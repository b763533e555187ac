// eduledger stats: schools by type, students and staff by level for a year and an org unit.
#include <cstdio>

#include "app/register_stats.h"
#include "app/store_open.h"
#include "cli/commands.h"
#include "cli/stats_output.h"

namespace eduledger::cli {

void AddStatsCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    int year = 0;
    std::string org;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "stats", "学校数（按办学类型）、在校生与专任教师（按学段）及学籍异动，按学年和单位统计");
  cmd->add_option("--year", args->year, "学年（如 2026 表示 2026-2027学年；默认最新学年）");
  cmd->add_option("--org", args->org, "单位代码或名称（默认本级）");
  cmd->callback([&ctx, args] {
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    int year = args->year;
    if (year == 0) {
      auto latest = app::LatestSchoolYear(**store);
      if (!latest.ok()) return ctx.Fail(latest.status());
      if (*latest == 0) {
        return ctx.Fail(core::Status::NotFound("no_enrolments",
                                               "数据库中还没有在校学生记录，请用 --year 指定学年"));
      }
      year = *latest;
    }
    auto stats = app::ComputeRegisterStats(**store, ctx.actor, year, args->org);
    if (!stats.ok()) return ctx.Fail(stats.status());
    if (ctx.json()) {
      std::printf("%s\n", StatsJson(*stats).dump(2).c_str());
    } else {
      std::printf("%s", StatsText(*stats).c_str());
    }
  });
}

}  // namespace eduledger::cli
