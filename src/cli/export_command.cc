// eduledger export KIND -o FILE: write schools, students, enrolments or staff to CSV or XLSX.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/register_io.h"
#include "app/store_open.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/text_output.h"
#include "core/period.h"

namespace eduledger::cli {

void AddExportCommand(CLI::App& app, CliContext& ctx) {
  auto request = std::make_shared<app::ExportRequest>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "导出学校、学生、在校登记或教职工名单为 CSV（UTF-8，Excel 可直接打开）或 XLSX，"
      "列名与导入相同");
  AddKindArgument(cmd, &request->kind);
  cmd->add_option("-o,--output", request->path, "输出文件（.csv 或 .xlsx）")->required();
  cmd->add_option("--year", request->school_year, "学年（默认最新学年）");
  cmd->add_option("--org", request->org, "单位代码或名称（默认全部）");
  cmd->callback([&ctx, request] {
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    auto result = app::ExportRegisterFile(**store, ctx.actor, *request);
    if (!result.ok()) return ctx.Fail(result.status());
    if (ctx.json()) {
      std::printf("%s\n", nlohmann::json{{"file", request->path},
                                         {"rows", result->rows},
                                         {"school_year", result->school_year},
                                         {"org", result->org_name},
                                         {"masked", result->masked}}
                              .dump()
                              .c_str());
      return;
    }
    std::printf("已导出%s %s 行到 %s%s\n", result->org_name.c_str(),
                Thousands(result->rows).c_str(), request->path.c_str(),
                request->kind == ingest::ImportKind::kOrgUnits
                    ? ""
                    : ("（" + core::SchoolYearLabel(result->school_year) + "）").c_str());
  });
}

}  // namespace eduledger::cli
