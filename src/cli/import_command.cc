// eduledger import KIND FILE: import schools, students, enrolments, staff or status events (学籍
// 异动), all or nothing.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/register_io.h"
#include "app/store_open.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/import_report_output.h"
#include "cli/text_output.h"

namespace eduledger::cli {

void AddImportCommand(CLI::App& app, CliContext& ctx) {
  auto request = std::make_shared<app::ImportRequest>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "导入学校（schools）、学生（students）、在校登记（enrolments）、教职工（staff）名单或学籍异动"
      "（events），"
      "CSV 或 XLSX。整份文件要么全部写入，要么一行也不写。");
  AddKindArgument(cmd, &request->kind);
  cmd->add_option("file", request->path, "CSV（UTF-8 或 GB18030）或 XLSX 文件")->required();
  cmd->add_option("--year", request->school_year,
                  "学年（如 2024 表示 2024-2025学年），文件没有“学年”列时必填");
  cmd->add_flag("--dry-run", request->dry_run, "只检查并报告将新增、修改、不变的记录，不写入");
  cmd->add_option("--max-errors", request->max_errors, "最多列出多少处错误（默认 100）");
  cmd->add_option("--sheet", request->sheet, "XLSX 工作表名称（默认第一个）");
  cmd->add_option(
      "--errors-out", request->errors_out,
      "有错误或提示时，把原文件另存为此 XLSX：出错的单元格标红、提示标黄，末列写明原因，"
      "可退回学校修改");
  cmd->callback([&ctx, request] {
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    ProgressLine progress;
    if (!ctx.json()) {
      request->progress = [&progress](std::string_view phase, double f) {
        progress.Update(phase, f);
      };
    }
    auto report = app::ImportRegisterFile(**store, ctx.actor, *request);
    progress.Clear();
    if (!report.ok()) return ctx.Fail(report.status());
    FinishImport(ctx, *report);
  });
}

}  // namespace eduledger::cli
