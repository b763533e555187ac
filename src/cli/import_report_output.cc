#include "cli/import_report_output.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/text_output.h"

namespace eduledger::cli {

namespace {

std::string_view EntityLabel(std::string_view entity) {
  if (entity == "org_unit") return "单位";
  if (entity == "student") return "学生";
  if (entity == "enrolment") return "在校登记";
  if (entity == "staff") return "教职工";
  if (entity == "staff_assignment") return "任职登记";
  if (entity == "status_event") return "学籍异动";
  if (entity == "case") return "台账事项";
  return entity;
}

nlohmann::json ErrorsJson(const ingest::ErrorList& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const ingest::RowError& e : list.kept()) {
    out.push_back({{"row", e.row},
                   {"column", e.column},
                   {"value", e.value},
                   {"reason", e.reason},
                   {"message", e.message}});
  }
  return out;
}

void PrintErrors(std::FILE* to, std::string_view title, const ingest::ErrorList& list) {
  if (list.empty()) return;
  std::fprintf(to, "%s\n", std::string(title).c_str());
  for (const ingest::RowError& e : list.kept()) {
    std::string where = e.row > 0 ? "第" + std::to_string(e.row) + "行" : "文件";
    if (!e.column.empty()) where += " " + e.column;
    if (!e.value.empty()) where += " “" + e.value + "”";
    std::fprintf(to, "  %s：%s [%s]\n", where.c_str(), e.message.c_str(), e.reason.c_str());
  }
  if (list.count() > static_cast<std::int64_t>(list.kept().size())) {
    std::fprintf(to, "  ……仅列出前%zu处，共%lld处\n", list.kept().size(),
                 static_cast<long long>(list.count()));
  }
}

}  // namespace

void PrintImportReport(const CliContext& ctx, const ingest::ImportReport& r) {
  // A rejected file adds nothing: its counts would read as what was written.
  const bool accepted = r.errors.empty() && r.status.ok();
  if (ctx.json()) {
    nlohmann::json j = {{"kind", r.ledger.empty() ? ingest::ImportKindName(r.kind) : "cases"},
                        {"source", r.source},
                        {"rows", r.rows},
                        {"dry_run", r.dry_run},
                        {"written", r.written},
                        {"audit_id", r.audit_id},
                        {"ignored_columns", r.ignored_columns},
                        {"error_count", r.errors.count()},
                        {"errors", ErrorsJson(r.errors)},
                        {"warning_count", r.warnings.count()},
                        {"warnings", ErrorsJson(r.warnings)}};
    if (!r.ledger.empty()) j["ledger"] = r.ledger;
    if (!r.error_file.empty()) j["error_file"] = r.error_file;
    for (const ingest::EntityCounts& c : accepted ? r.counts : decltype(r.counts){}) {
      j["counts"][c.entity] = {
          {"added", c.added}, {"changed", c.changed}, {"unchanged", c.unchanged}};
    }
    if (!r.status.ok()) {
      j["status"] = {{"code", std::string(core::StatusCodeName(r.status.code()))},
                     {"reason", std::string(r.status.reason())},
                     {"message", std::string(r.status.message())}};
    }
    std::printf("%s\n", j.dump(2).c_str());
    return;
  }
  // A file that could not be read at all has no rows to speak of: its error says why.
  const bool read = r.status.ok() || r.status.reason() == "rows_rejected";
  if (read) std::printf("读取 %s，数据 %s 行\n", r.source.c_str(), Thousands(r.rows).c_str());
  if (!r.ignored_columns.empty()) {
    std::string cols;
    for (const std::string& c : r.ignored_columns) cols += (cols.empty() ? "" : "、") + c;
    std::printf("未识别、已忽略的列：%s\n", cols.c_str());
  }
  if (accepted && !r.counts.empty()) {
    TextTable t({"", r.dry_run ? "将新增" : "新增", r.dry_run ? "将修改" : "修改", "不变"});
    for (const ingest::EntityCounts& c : r.counts) {
      t.Add({std::string(EntityLabel(c.entity)), Thousands(c.added), Thousands(c.changed),
             Thousands(c.unchanged)});
    }
    std::printf("%s", t.Render().c_str());
  }
  PrintErrors(stdout, "提示（不影响导入）：", r.warnings);
  std::fflush(stdout);  // the errors follow on stderr, after what was printed

  if (!r.errors.empty()) {
    PrintErrors(
        stderr,
        "文件有" + std::to_string(r.errors.count()) + "处错误，已整体拒绝，数据库未作任何改动：",
        r.errors);
  } else if (r.status.ok()) {
    if (r.dry_run) {
      std::printf("试运行：文件检查通过，未写入任何数据。\n");
    } else if (r.rows == 0) {
      std::printf("文件中没有数据行（表头之下是空的），未写入任何数据。\n");
    } else if (r.written) {
      std::printf("已写入数据库（审计记录 #%lld）。\n", static_cast<long long>(r.audit_id));
    } else {
      std::printf("数据与数据库一致，无需改动。\n");
    }
  }
  if (!r.error_file.empty()) {
    std::fprintf(
        stderr,
        "已把标注了错误的文件另存为 %s（出错单元格标红、提示标黄，末列为原因），可退回学校修改\n",
        r.error_file.c_str());
  }
}

void FinishImport(CliContext& ctx, const ingest::ImportReport& report) {
  PrintImportReport(ctx, report);
  if (report.status.ok()) return;
  if (report.status.reason() == "rows_rejected") {
    ctx.exit_code = kExitRejected;
  } else {
    ctx.Fail(report.status);
  }
}

}  // namespace eduledger::cli
