// eduledger export KIND -o FILE: write schools, students, enrolments, staff or a statistics
// year's status events to CSV or XLSX, in the columns the import reads.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/register_io.h"
#include "app/store_open.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/text_output.h"
#include "cli/year_output.h"
#include "core/statistics_year.h"

namespace eduledger::cli {

void AddExportCommand(CLI::App& app, CliContext& ctx) {
  auto request = std::make_shared<app::ExportRequest>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "导出学校、学生、在校登记、教职工名单或学籍异动为 CSV（UTF-8，Excel 可直接打开）或 "
      "XLSX，列名与导入相同");
  AddKindArgument(cmd, &request->kind);
  cmd->add_option("-o,--output", request->path, "输出文件（.csv 或 .xlsx）")->required();
  cmd->add_option("--year", request->school_year,
                  "统计年度：名单为其统计时点（9月1日）的在校名单，学籍异动为其统计期内的异动"
                  "（默认统计时点已过的最近一年）");
  cmd->add_option("--org", request->org, "单位代码或名称（默认本级）");
  cmd->callback([&ctx, request] {
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    auto result = app::ExportRegisterFile(**store, ctx.actor, *request);
    if (!result.ok()) return ctx.Fail(result.status());
    if (ctx.json()) {
      nlohmann::json out = {{"file", request->path},
                            {"rows", result->rows},
                            {"org", result->org_name},
                            {"masked", result->masked}};
      if (request->kind != ingest::ImportKind::kOrgUnits) {
        AddStatisticsYear(result->school_year, &out);
      }
      std::printf("%s\n", out.dump().c_str());
      return;
    }
    std::string when;
    if (request->kind == ingest::ImportKind::kEvents) {
      const core::Period w = core::FlowWindow(result->school_year);
      when = "（" + core::StatisticsYearLabel(result->school_year) + "，统计期 " +
             w.start().ToChinese() + "—" + w.end().ToChinese() + "）";
    } else if (request->kind != ingest::ImportKind::kOrgUnits) {
      when = "（" + core::StatisticsYearLabel(result->school_year) + "，统计时点 " +
             core::SnapshotDate(result->school_year).ToChinese() + "）";
    }
    std::printf("已导出%s %s 行到 %s%s\n", result->org_name.c_str(),
                Thousands(result->rows).c_str(), request->path.c_str(), when.c_str());
  });
}

}  // namespace eduledger::cli
