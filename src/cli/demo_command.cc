// eduledger demo: generate the example county (示例县) and print what was made.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "app/case_sources.h"
#include "app/large_classes.h"
#include "app/register_stats.h"
#include "app/store_open.h"
#include "cli/commands.h"
#include "cli/stats_output.h"
#include "cli/text_output.h"
#include "core/statistics_year.h"
#include "demo/county.h"
#include "demo/forms.h"
#include "demo/ledgers.h"

namespace eduledger::cli {

void AddDemoCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    demo::DemoOptions options;
    bool force = false;
    bool no_forms = false;
    bool no_ledgers = false;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "生成示例县：约108所学校、每学年约3.2万名在校生（十个学年）和约2100名教职工，"
      "由随机种子确定，可重复");
  cmd->add_option("--seed", args->options.seed, "随机种子（默认 20261123）");
  cmd->add_option("--scale", args->options.scale, "生成几个县（默认 1；300 约为一个省）")
      ->check(CLI::Range(1, 900));
  cmd->add_option("--last-year", args->options.last_year, "最新学年（默认 2026）")
      ->check(CLI::Range(2000, 2100));
  cmd->add_option("--years", args->options.years, "生成几个学年（默认 10）")
      ->check(CLI::Range(1, 12));
  cmd->add_flag("--force", args->force, "先删除已有的数据库文件再生成");
  cmd->add_flag("--no-forms", args->no_forms, "不填报示例报表（适龄人口、考试成绩、办学条件等）");
  cmd->add_flag("--no-ledgers", args->no_ledgers,
                "不导入示例台账（资助、校舍、隐患、项目、教师、督导、信访、校外培训机构）");
  cmd->add_option("--packages", args->packages,
                  "元数据包目录（默认随程序安装的 packages/county-bureau）");
  cmd->callback([&ctx, args] {
    // A new store is built beside the old one and moved into place when it is complete: a
    // demo killed halfway leaves the old store (or none), never half of a new one.
    const bool replace = args->force || ::access(ctx.db.c_str(), F_OK) != 0;
    const std::string target = ctx.db;
    if (replace) {
      ctx.db = app::BuildingLocation(target);
      if (core::Status s = app::RemoveStore(ctx.db); !s.ok()) return ctx.Fail(s);
    }
    // However this ends, a store left half-built is removed and the command names the target.
    struct Cleanup {
      CliContext& ctx;
      std::string target;
      bool replace;
      ~Cleanup() {
        if (replace && ctx.db != target) {
          (void)app::RemoveStore(ctx.db);
          ctx.db = target;
        }
      }
    } cleanup{ctx, target, replace};
    auto store = ctx.OpenStore(true);
    if (!store.ok()) return ctx.Fail(store.status());
    ProgressLine progress;
    if (!ctx.json() && args->options.scale > 1) {
      args->options.progress = [&progress](int done, int total) {
        progress.Update("生成", static_cast<double>(done) / total);
      };
    }
    const auto start = std::chrono::steady_clock::now();
    auto summary = demo::GenerateDemoCounty(**store, ctx.actor, args->options);
    progress.Clear();
    if (!summary.ok()) return ctx.Fail(summary.status());
    // One county also gets its collected figures, through the forms workflow.
    demo::DemoFormsSummary forms;
    auto md = app::Metadata::LoadOrDefault(args->packages);
    if (!md.ok()) return ctx.Fail(md.status());
    if (args->options.scale == 1 && !args->no_forms) {
      auto filled = demo::FillDemoForms(**store, ctx.actor, *md, args->options.seed);
      if (!filled.ok()) return ctx.Fail(filled.status());
      forms = *filled;
    }
    // Its 控辍保学 ledger opens a case for each dropout of the latest statistics year the 学籍异动
    // record (the years before are history, their cases long closed).
    std::size_t dropout_cases = 0;
    if (args->options.scale == 1) {
      auto opened = app::OpenDropoutCases(**store, ctx.actor, *md,
                                          core::FlowWindow(args->options.last_year).start(),
                                          core::FlowWindow(args->options.last_year).end());
      if (!opened.ok()) return ctx.Fail(opened.status());
      // …and one for each pupil of its 流失名单 the ledger does not follow yet.
      auto roster =
          app::OpenRosterCases(**store, ctx.actor, *md, args->options.last_year, summary->as_of);
      if (!roster.ok()) return ctx.Fail(roster.status());
      dropout_cases = opened->opened + roster->opened;
      // Without the sections' sheets, the 大班额 cases as `ledger sync` opens them (the sheets
      // below work them year by year instead).
      if (args->no_ledgers && md->FindLedger(app::kLargeClassLedger) != nullptr) {
        auto classes =
            app::SyncLargeClasses(**store, ctx.actor, *md, args->options.last_year, summary->as_of);
        if (!classes.ok()) return ctx.Fail(classes.status());
      }
    }
    // And every other ledger its cases, imported as the sections' sheets (demo/ledgers.h).
    demo::DemoLedgersSummary ledgers;
    if (args->options.scale == 1 && !args->no_ledgers) {
      auto filled = demo::FillDemoLedgers(**store, ctx.actor, *md, args->options.seed,
                                          args->options.last_year - args->options.years + 1,
                                          args->options.last_year, summary->as_of);
      if (!filled.ok()) return ctx.Fail(filled.status());
      ledgers = std::move(*filled);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // One county is reported as the county; a province as the province.
    const std::string org = args->options.scale == 1 ? "示例县" : "示例省";
    auto stats = app::ComputeRegisterStats(**store, ctx.actor, *md, args->options.last_year, org);
    if (!stats.ok()) return ctx.Fail(stats.status());
    if (replace) {
      store->reset();  // closed: its journal folded into the file
      if (core::Status s = app::MoveStoreInto(ctx.db, target); !s.ok()) return ctx.Fail(s);
      ctx.db = target;
    }
    if (ctx.json()) {
      nlohmann::json j = {{"db", ctx.db},
                          {"seed", args->options.seed},
                          {"scale", args->options.scale},
                          {"counties", summary->counties},
                          {"org_units", summary->org_units},
                          {"students", summary->students},
                          {"enrolments", summary->enrolments},
                          {"status_events", summary->events},
                          {"staff", summary->staff},
                          {"staff_assignments", summary->staff_assignments},
                          {"as_of", summary->as_of.ToString()},
                          {"forms_submitted", forms.submitted},
                          {"forms_approved", forms.approved},
                          {"form_values", forms.values},
                          {"dropout_cases", dropout_cases},
                          {"ledger_cases", ledgers.opened},
                          {"seconds", seconds},
                          {"stats", StatsJson(*stats)}};
      std::printf("%s\n", j.dump(2).c_str());
      return;
    }
    std::printf("已生成示例数据到 %s（种子 %llu，%d 个县，用时 %.1f 秒）\n", ctx.db.c_str(),
                static_cast<unsigned long long>(args->options.seed), summary->counties, seconds);
    std::printf(
        "  单位 %s 个；学生 %s 人，%d 个学年的在校登记 %s 条，学籍异动 %s 条（截至 %s）；"
        "教职工 %s 人，任职登记 %s 条\n\n",
        Thousands(summary->org_units).c_str(), Thousands(summary->students).c_str(),
        args->options.years, Thousands(summary->enrolments).c_str(),
        Thousands(summary->events).c_str(), summary->as_of.ToChinese().c_str(),
        Thousands(summary->staff).c_str(), Thousands(summary->staff_assignments).c_str());
    if (forms.submitted > 0) {
      std::printf("  报表 %d 张（%s 个数值），已审核 %d 张，退回 %d 张\n\n", forms.submitted,
                  Thousands(static_cast<std::int64_t>(forms.values)).c_str(), forms.approved,
                  forms.returned);
    }
    if (dropout_cases > 0) {
      std::printf(
          "  控辍保学台账 %zu 件（由%s学籍异动中的辍学记录和学籍比对的流失名单开案，eduledger "
          "ledger list --type dropout_control）\n\n",
          dropout_cases, core::SchoolYearLabel(args->options.last_year - 1).c_str());
    }
    if (!ledgers.opened.empty()) {
      std::string line;
      for (const meta::LedgerType& l : md->ledgers()) {
        const auto it = ledgers.opened.find(l.code);
        if (it == ledgers.opened.end() || it->second == 0) continue;
        line += (line.empty() ? "" : "，") + l.name + " " + Thousands(it->second) + " 件";
      }
      std::printf("  各台账导入：%s（eduledger ledger types）\n\n", line.c_str());
    }
    std::printf("%s", StatsText(*stats).c_str());
  });
}

}  // namespace eduledger::cli
