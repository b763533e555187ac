// eduledger ledger types | list | import | export | template | show | add | move | log | sync:
// the programme ledgers (台账).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/case_export.h"
#include "app/case_import.h"
#include "app/case_sources.h"
#include "app/large_classes.h"
#include "app/ledgers.h"
#include "app/requested_year.h"
#include "cli/commands.h"
#include "cli/import_report_output.h"
#include "cli/text_output.h"
#include "cli/with_store.h"
#include "core/statistics_year.h"
#include "ingest/table_writer.h"
#include "ledger/workflow_engine.h"
#include "meta/role.h"

namespace eduledger::cli {

namespace {

using nlohmann::json;

// "字段=值" options as field values; a malformed one is a usage fault.
core::Result<app::FieldValues> ParseSets(const std::vector<std::string>& sets) {
  app::FieldValues out;
  for (const std::string& s : sets) {
    const std::size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      return core::Status::InvalidArgument("bad_set", "--set 应写成 字段=值，而不是“" + s + "”");
    }
    out.emplace_back(s.substr(0, eq), s.substr(eq + 1));
  }
  return out;
}

core::Result<core::Date> DateOption(const std::string& text) {
  if (text.empty()) return core::Date();
  auto d = core::Date::Parse(text);
  if (!d.ok()) return core::Status::InvalidArgument("bad_date", "日期“" + text + "”无法识别");
  return *d;
}

// The options every writing command shares: --set 字段=值 (repeatable), --date and --packages.
struct WriteArgs {
  std::vector<std::string> sets;
  std::vector<std::string> responsible;  // 角色=姓名, for the commands that take them
  std::string date;
  std::vector<std::string> packages;
};

void AddWriteOptions(CLI::App* cmd, WriteArgs* args, const char* set_help, const char* date_help) {
  cmd->add_option("--set", args->sets, set_help);
  cmd->add_option("--date", args->date, date_help);
  AddPackagesOption(cmd, &args->packages);
}

void AddResponsibleOption(CLI::App* cmd, WriteArgs* args) {
  cmd->add_option("--responsible", args->responsible,
                  "责任人：角色=姓名（可重复，如 校长=王明、乡（镇）长=李强；姓名留空即撤去）");
}

// Read the shared options, run `fn(store, md, values, day)` and `report(md, result)`.
template <class Fn, class Report>
void RunWrite(CliContext& ctx, const WriteArgs& args, Fn fn, Report report) {
  WithStore(ctx, args.packages, [&](store::Store& store, const app::Metadata& md) {
    auto sets = ParseSets(args.sets);
    if (!sets.ok()) return ctx.Fail(sets.status());
    for (const std::string& r : args.responsible) {
      if (r.find('=') == std::string::npos || r.front() == '=') {
        return ctx.Fail(core::Status::InvalidArgument(
            "bad_responsible", "--responsible 应写成 角色=姓名，而不是“" + r + "”"));
      }
    }
    auto day = DateOption(args.date);
    if (!day.ok()) return ctx.Fail(day.status());
    auto result = fn(store, md, *sets, *day);
    if (!result.ok()) return ctx.Fail(result.status());
    report(md, *result);
  });
}

// A case written: its id and the state it is in now.
auto ReportCase(CliContext& ctx, const char* done) {
  return [&ctx, done](const app::Metadata& md, const store::Case& c) {
    if (ctx.json()) {
      std::printf("%s\n", json({{"id", c.id}, {"state", c.state}}).dump().c_str());
    } else {
      std::printf("%s，事项 %lld 现为“%s”\n", done, static_cast<long long>(c.id),
                  ledger::StateName(md.FindLedger(c.ledger)->workflow, c.state).c_str());
    }
  };
}

std::string Roles(const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) {
    const auto role = meta::RoleByKey(k);
    out += (out.empty() ? "" : "、") + std::string(role ? role->name : k);
  }
  return out;
}

json CaseJson(const app::CaseRow& r) {
  json values = json::array();
  for (const auto& [field, value] : r.values)
    values.push_back({{"field", field}, {"value", value}});
  json responsible = json::array();
  for (const auto& [role, person] : r.responsible)
    responsible.push_back({{"role", role}, {"person", person}});
  return {{"id", r.record.id},
          {"ledger", r.record.ledger},
          {"ledger_name", r.ledger->name},
          {"state", r.record.state},
          {"state_name", r.state_name},
          {"org_unit_code", r.org_code},
          {"org_unit_name", r.org_name},
          {"township", r.township},
          {"opened", r.record.opened.ToString()},
          {"state_since", r.record.state_since.ToString()},
          {"deadline", r.deadline ? json(r.deadline->ToString()) : json(nullptr)},
          {"overdue", r.overdue},
          {"version", r.record.version},
          {"fields", json::parse(r.record.fields, nullptr, false)},
          {"values", values},
          {"responsible", responsible}};
}

std::string Deadline(const app::CaseRow& r) {
  if (!r.deadline) return "—";
  return r.deadline->ToChinese() + (r.overdue ? "（已逾期）" : "");
}

void AddTypes(CLI::App& ledger, CliContext& ctx) {
  auto packages = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = ledger.add_subcommand("types", "列出各台账的状态、办理步骤和可办理的角色");
  AddPackagesOption(cmd, packages.get());
  cmd->callback([&ctx, packages] {
    auto md = app::Metadata::LoadOrDefault(*packages);
    if (!md.ok()) return ctx.Fail(md.status());
    if (ctx.json()) {
      json out = json::array();
      for (const meta::LedgerType& l : md->ledgers()) {
        json states = json::array(), moves = json::array();
        for (const meta::WorkflowState& s : l.workflow.states) {
          states.push_back({{"code", s.code},
                            {"name", s.name},
                            {"final", s.final},
                            {"deadline_days", s.deadline_days ? json(*s.deadline_days) : json()},
                            {"deadline_field", s.deadline_field}});
        }
        for (const meta::WorkflowTransition& t : l.workflow.transitions) {
          moves.push_back({{"code", t.code},
                           {"name", t.name},
                           {"from", t.from},
                           {"to", t.to},
                           {"roles", t.roles},
                           {"requires", t.requires_fields},
                           {"comment_required", t.comment_required}});
        }
        out.push_back({{"code", l.code},
                       {"name", l.name},
                       {"initial", l.workflow.initial},
                       {"states", states},
                       {"transitions", moves}});
      }
      std::printf("%s\n", out.dump(2).c_str());
      return;
    }
    for (const meta::LedgerType& l : md->ledgers()) {
      std::printf("%s（%s）\n", l.name.c_str(), l.code.c_str());
      if (!l.description.empty()) std::printf("  %s\n", l.description.c_str());
      TextTable moves({"办理步骤", "从", "到", "可办理的角色", "须填写"});
      for (const meta::WorkflowTransition& t : l.workflow.transitions) {
        std::string from, needs;
        for (const std::string& s : t.from) {
          from += (from.empty() ? "" : "、") + ledger::StateName(l.workflow, s);
        }
        for (const std::string& f : t.requires_fields) {
          const meta::LedgerField* field = l.Field(f);
          needs += (needs.empty() ? "" : "、") + (field ? field->name : f);
        }
        if (t.comment_required) needs += (needs.empty() ? "" : "、") + std::string("说明");
        moves.Add({t.name + " (" + t.code + ")", from, ledger::StateName(l.workflow, t.to),
                   Roles(t.roles), needs.empty() ? "—" : needs});
      }
      std::printf("%s\n", moves.Render().c_str());
    }
  });
}

// The filters of `list` and `export`.
struct QueryArgs {
  app::CaseQuery query;
  std::string on;
  std::vector<std::string> packages;
};

void AddQueryOptions(CLI::App* cmd, QueryArgs* args) {
  cmd->add_option("--type", args->query.ledger, "台账代码或名称（见 ledger types）")->required();
  cmd->add_option("--org", args->query.org, "单位代码或名称：乡镇、学校（含其下属学校）");
  cmd->add_option("--state", args->query.state, "状态或分类（代码或名称，如 疑似辍学学生台账）");
  cmd->add_flag("--overdue", args->query.overdue_only, "只列已逾期的事项");
  cmd->add_option("--responsible", args->query.responsible, "只列该责任人（姓名）负责的事项");
  cmd->add_option("--on", args->on, "按哪一天判断逾期（默认今天）");
  AddPackagesOption(cmd, &args->packages);
}

// Load the store and run `fn(store, md, query)` with the query the options give.
template <class Fn>
void WithQuery(CliContext& ctx, const QueryArgs& args, Fn fn) {
  WithStore(ctx, args.packages, [&](store::Store& store, const app::Metadata& md) {
    auto on = DateOption(args.on);
    if (!on.ok()) return ctx.Fail(on.status());
    app::CaseQuery query = args.query;
    query.on = *on;
    fn(store, md, query);
  });
}

void AddList(CLI::App& ledger, CliContext& ctx) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = ledger.add_subcommand(
      "list", "列出一个台账的事项，可按乡镇或学校、状态、是否逾期、责任人筛选");
  AddQueryOptions(cmd, args.get());
  cmd->callback([&ctx, args] {
    WithQuery(
        ctx, *args, [&](store::Store& store, const app::Metadata& md, const app::CaseQuery& query) {
          auto rows = app::ListCases(store, ctx.actor, md, query);
          if (!rows.ok()) return ctx.Fail(rows.status());
          if (ctx.json()) {
            json out = json::array();
            for (const app::CaseRow& r : *rows) out.push_back(CaseJson(r));
            std::printf("%s\n", out.dump(2).c_str());
            return;
          }
          if (ctx.format == OutputFormat::kCsv) {
            std::printf("编号,乡镇,单位代码,单位,状态,登记日期,办理期限,逾期\n");
            for (const app::CaseRow& r : *rows) {
              std::printf(
                  "%lld,%s,%s,%s,%s,%s,%s,%s\n", static_cast<long long>(r.record.id),
                  ingest::CsvField(r.township).c_str(), r.org_code.c_str(),
                  ingest::CsvField(r.org_name).c_str(), ingest::CsvField(r.state_name).c_str(),
                  r.record.opened.ToString().c_str(),
                  r.deadline ? r.deadline->ToString().c_str() : "", r.overdue ? "是" : "否");
            }
            return;
          }
          const meta::LedgerType* l = md.FindLedger(query.ledger);
          std::size_t overdue = 0;
          for (const app::CaseRow& r : *rows) overdue += r.overdue;
          std::printf("%s：%zu 件，其中逾期 %zu 件\n", l->name.c_str(), rows->size(), overdue);
          if (rows->empty()) return;
          TextTable table({"编号", "乡镇", "单位", "状态", "登记日期", "办理期限"});
          for (const app::CaseRow& r : *rows) {
            table.Add({std::to_string(r.record.id), r.township.empty() ? "县直" : r.township,
                       r.org_name, r.state_name, r.record.opened.ToChinese(), Deadline(r)});
          }
          std::printf("%s", table.Render().c_str());
        });
  });
}

void AddImport(CLI::App& ledger, CliContext& ctx) {
  struct Args {
    app::CaseImportRequest request;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      ledger.add_subcommand("import",
                            "从 CSV 或 XLSX 导入台账事项（列名见 ledger "
                            "template）：无事项编号的行登记新事项或更新同一事项，"
                            "有事项编号的行更新该事项；整份文件要么全部写入，要么一行也不写");
  cmd->add_option("--type", args->request.ledger, "台账代码或名称（见 ledger types）")->required();
  cmd->add_option("file", args->request.path, "CSV（UTF-8 或 GB18030）或 XLSX 文件")->required();
  cmd->add_flag("--dry-run", args->request.dry_run, "只检查并报告将新增、修改、不变的事项，不写入");
  cmd->add_option("--max-errors", args->request.max_errors, "最多列出多少处错误（默认 100）");
  cmd->add_option("--sheet", args->request.sheet, "XLSX 工作表名称（默认第一个）");
  cmd->add_option(
      "--errors-out", args->request.errors_out,
      "有错误或提示时，把原文件另存为此 XLSX：出错的单元格标红、提示标黄，末列写明原因");
  AddPackagesOption(cmd, &args->packages);
  cmd->callback([&ctx, args] {
    WithStore(ctx, args->packages, [&](store::Store& store, const app::Metadata& md) {
      ProgressLine progress;
      app::CaseImportRequest request = args->request;
      if (!ctx.json()) {
        request.progress = [&progress](std::string_view phase, double f) {
          progress.Update(phase, f);
        };
      }
      auto report = app::ImportCaseFile(store, ctx.actor, md, request);
      progress.Clear();
      if (!report.ok()) return ctx.Fail(report.status());
      FinishImport(ctx, *report);
    });
  });
}

void AddExport(CLI::App& ledger, CliContext& ctx) {
  struct Args : QueryArgs {
    std::string path;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = ledger.add_subcommand(
      "export", "把台账事项导出为 CSV 或 XLSX，列名与导入相同（改后可再导入更新）");
  AddQueryOptions(cmd, args.get());
  cmd->add_option("-o,--output", args->path, "输出文件（.csv 或 .xlsx）")->required();
  cmd->callback([&ctx, args] {
    WithQuery(ctx, *args,
              [&](store::Store& store, const app::Metadata& md, const app::CaseQuery& query) {
                auto result = app::ExportCases(store, ctx.actor, md, query, args->path);
                if (!result.ok()) return ctx.Fail(result.status());
                if (ctx.json()) {
                  std::printf("%s\n", json({{"file", args->path},
                                            {"rows", result->rows},
                                            {"ledger", result->ledger_name},
                                            {"masked", result->masked}})
                                          .dump()
                                          .c_str());
                  return;
                }
                std::printf("已导出%s %s 件到 %s%s\n", result->ledger_name.c_str(),
                            Thousands(result->rows).c_str(), args->path.c_str(),
                            result->masked ? "（证件号和姓名已遮蔽）" : "");
              });
  });
}

void AddTemplate(CLI::App& ledger, CliContext& ctx) {
  struct Args {
    std::string ledger;
    std::string path;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      ledger.add_subcommand("template", "生成台账的导入模板（XLSX）：列名、填写说明和下拉选项");
  cmd->add_option("--type", args->ledger, "台账代码或名称（见 ledger types）")->required();
  cmd->add_option("-o,--output", args->path, "输出文件（.xlsx）")->required();
  AddPackagesOption(cmd, &args->packages);
  cmd->callback([&ctx, args] {
    auto md = app::Metadata::LoadOrDefault(args->packages);
    if (!md.ok()) return ctx.Fail(md.status());
    if (core::Status st = app::WriteCaseTemplate(*md, args->ledger, args->path); !st.ok()) {
      return ctx.Fail(st);
    }
    if (ctx.json()) {
      std::printf("%s\n", json({{"file", args->path}}).dump().c_str());
    } else {
      std::printf("已生成导入模板 %s\n", args->path.c_str());
    }
  });
}

void AddShow(CLI::App& ledger, CliContext& ctx) {
  struct Args {
    std::int64_t id = 0;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      ledger.add_subcommand("show", "显示一件事项：字段、办理经过、记录和现在可办理的步骤");
  cmd->add_option("事项编号", args->id, "事项编号")->required();
  AddPackagesOption(cmd, &args->packages);
  cmd->callback([&ctx, args] {
    WithStore(ctx, args->packages, [&](store::Store& store, const app::Metadata& md) {
      auto d = app::ShowCase(store, ctx.actor, md, args->id);
      if (!d.ok()) return ctx.Fail(d.status());
      const meta::LedgerType& l = *d->row.ledger;
      if (ctx.json()) {
        json out = CaseJson(d->row);
        json moves = json::array(), entries = json::array(), next = json::array();
        for (const store::CaseMove& m : d->moves) {
          moves.push_back({{"transition", m.transition},
                           {"from", m.from_state},
                           {"to", m.to_state},
                           {"day", m.day.ToString()},
                           {"comment", m.comment},
                           {"at", m.at},
                           {"actor", m.actor},
                           {"role", m.role}});
        }
        for (const store::CaseEntry& e : d->entries) {
          entries.push_back({{"entry", e.entry},
                             {"day", e.day.ToString()},
                             {"fields", json::parse(e.fields, nullptr, false)},
                             {"actor", e.actor}});
        }
        for (const meta::WorkflowTransition* t : d->next) next.push_back(t->code);
        out["moves"] = moves;
        out["entries"] = entries;
        out["next"] = next;
        std::printf("%s\n", out.dump(2).c_str());
        return;
      }
      std::printf("%s 第 %lld 号：%s，%s\n", l.name.c_str(),
                  static_cast<long long>(d->row.record.id), d->row.org_name.c_str(),
                  d->row.state_name.c_str());
      std::printf("  登记于 %s，办理期限 %s\n", d->row.record.opened.ToChinese().c_str(),
                  Deadline(d->row).c_str());
      for (const auto& [field, value] : d->row.values) {
        std::printf("  %s：%s\n", field.c_str(), value.c_str());
      }
      std::string persons;
      for (const auto& [role, person] : d->row.responsible)
        persons += (persons.empty() ? "" : "，") + role + " " + person;
      if (!l.responsible.empty()) {
        std::printf("  责任人：%s\n", persons.empty() ? "未落实" : persons.c_str());
      }
      std::printf("办理经过：\n");
      for (const store::CaseMove& m : d->moves) {
        const meta::WorkflowTransition* t = l.workflow.Transition(m.transition);
        std::printf("  %s  %s → %s（%s，%s）%s\n", m.day.ToChinese().c_str(),
                    t ? t->name.c_str() : "登记", ledger::StateName(l.workflow, m.to_state).c_str(),
                    m.actor.c_str(), Roles({m.role}).c_str(),
                    m.comment.empty() ? "" : ("：" + m.comment).c_str());
      }
      if (!d->entries.empty()) std::printf("记录 %zu 条\n", d->entries.size());
      std::string next;
      for (const meta::WorkflowTransition* t : d->next)
        next += (next.empty() ? "" : "、") + t->name;
      std::printf("现在可办理：%s\n", next.empty() ? "无（当前角色）" : next.c_str());
    });
  });
}

void AddAdd(CLI::App& ledger, CliContext& ctx) {
  struct Args : WriteArgs {
    app::OpenCaseRequest request;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = ledger.add_subcommand("add", "在台账中登记一件事项");
  cmd->add_option("--type", args->request.ledger, "台账代码或名称")->required();
  cmd->add_option("--org", args->request.org, "事项所属单位（学校或乡镇）代码或名称")->required();
  cmd->add_option("--comment", args->request.comment, "说明");
  AddWriteOptions(cmd, args.get(), "字段=值（可重复；字段写代码或名称）", "登记日期（默认今天）");
  AddResponsibleOption(cmd, args.get());
  cmd->callback([&ctx, args] {
    RunWrite(
        ctx, *args,
        [&](store::Store& store, const app::Metadata& md, app::FieldValues values, core::Date day) {
          app::OpenCaseRequest request = args->request;
          request.values = std::move(values);
          request.responsible = *ParseSets(args->responsible);
          request.day = day;
          return app::OpenCase(store, ctx.actor, md, request);
        },
        ReportCase(ctx, "已登记"));
  });
}

void AddMove(CLI::App& ledger, CliContext& ctx) {
  struct Args : WriteArgs {
    app::MoveCaseRequest request;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      ledger.add_subcommand("move", "办理事项的下一步（如 落实整改、验收、复学、销号）");
  cmd->add_option("事项编号", args->request.id, "事项编号")->required();
  cmd->add_option("--do", args->request.transition, "办理步骤（代码或名称，见 ledger show）")
      ->required();
  cmd->add_option("--comment", args->request.comment, "说明或原因");
  AddWriteOptions(cmd, args.get(), "字段=值（可重复）：这一步须填写的字段", "办理日期（默认今天）");
  AddResponsibleOption(cmd, args.get());
  cmd->callback([&ctx, args] {
    RunWrite(
        ctx, *args,
        [&](store::Store& store, const app::Metadata& md, app::FieldValues values, core::Date day) {
          app::MoveCaseRequest request = args->request;
          request.values = std::move(values);
          request.responsible = *ParseSets(args->responsible);
          request.day = day;
          return app::MoveCase(store, ctx.actor, md, request);
        },
        ReportCase(ctx, "已办理"));
  });
}

void AddLog(CLI::App& ledger, CliContext& ctx) {
  struct Args : WriteArgs {
    std::int64_t id = 0;
    std::string entry;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = ledger.add_subcommand("log", "为事项添加一条记录（如 劝返记录、送教上门记录）");
  cmd->add_option("事项编号", args->id, "事项编号")->required();
  cmd->add_option("--entry", args->entry, "记录类别（代码或名称）")->required();
  AddWriteOptions(cmd, args.get(), "字段=值（可重复）", "日期（默认今天）");
  cmd->callback([&ctx, args] {
    RunWrite(
        ctx, *args,
        [&](store::Store& store, const app::Metadata& md, const app::FieldValues& values,
            core::Date day) {
          return app::AddCaseEntry(store, ctx.actor, md, args->id, args->entry, values, day);
        },
        [&](const app::Metadata&, const store::CaseEntry& e) {
          if (ctx.json()) {
            std::printf("%s\n", json({{"id", e.id}, {"case", e.case_id}}).dump().c_str());
          } else {
            std::printf("已记录（事项 %lld）\n", static_cast<long long>(e.case_id));
          }
        });
  });
}

void AddSync(CLI::App& ledger, CliContext& ctx) {
  struct Args {
    int year = 0;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = ledger.add_subcommand(
      "sync",
      "由学籍异动中的辍学记录和学籍比对的流失名单开控辍保学案，由各统计时点的班额开大班额化解案、"
      "并按下一统计时点的班额化解或销案（每条记录、每名学生、每个班级只开一次，重复运行不重复开案"
      "）");
  cmd->add_option(
      "--year", args->year,
      "统计年度：其统计期内的辍学记录和其统计时点的流失名单（默认统计时点已过的最近一年）");
  AddPackagesOption(cmd, &args->packages);
  cmd->callback([&ctx, args] {
    WithStore(ctx, args->packages, [&](store::Store& store, const app::Metadata& md) {
      const int year = app::RequestedYear(args->year, core::Date::Today());
      const core::Period window = core::FlowWindow(year);
      auto opened = app::OpenDropoutCases(store, ctx.actor, md, window.start(), window.end());
      if (!opened.ok()) return ctx.Fail(opened.status());
      auto roster = app::OpenRosterCases(store, ctx.actor, md, year);
      if (!roster.ok()) return ctx.Fail(roster.status());
      // A package without the 大班额 ledger has only the 控辍保学 cases to open.
      std::optional<app::LargeClassSync> classes;
      if (md.FindLedger(app::kLargeClassLedger) != nullptr) {
        auto synced = app::SyncLargeClasses(store, ctx.actor, md, year);
        if (!synced.ok()) return ctx.Fail(synced.status());
        classes = std::move(*synced);
      }
      if (ctx.json()) {
        json out = {{"year", year},
                    {"from", window.start().ToString()},
                    {"to", window.end().ToString()},
                    {"opened", opened->opened},
                    {"existing", opened->existing},
                    {"roster",
                     {{"opened", roster->opened},
                      {"existing", roster->existing},
                      {"followed", roster->followed}}}};
        if (classes) {
          out["large_class"] = {{"large", classes->large},
                                {"opened", classes->opened},
                                {"eliminated", classes->eliminated},
                                {"left", classes->left},
                                {"still_open", classes->still_open}};
        }
        std::printf("%s\n", out.dump().c_str());
        return;
      }
      std::printf("%s至%s的辍学记录：新开控辍保学案 %zu 件，已有 %zu 件\n",
                  window.start().ToChinese().c_str(), window.end().ToChinese().c_str(),
                  opened->opened, opened->existing);
      std::printf("%d年流失名单：新开控辍保学案 %zu 件，已有 %zu 件，已在其他案中跟踪 %zu 人\n",
                  year, roster->opened, roster->existing, roster->followed);
      if (classes) {
        std::printf(
            "%d年统计时点大班额（56人及以上）%zu 个：新开大班额化解案 %zu 件；化解 %zu 件，"
            "毕业离校销案 %zu 件；尚未化解 %zu 件\n",
            year, classes->large, classes->opened, classes->eliminated, classes->left,
            classes->still_open);
      }
    });
  });
}

}  // namespace

void AddLedgerCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* ledger = app.add_subcommand(
      "ledger",
      "业务台账：控辍保学、学生资助、校舍安全、安全隐患、项目、大班额化解、教师、督导、信访");
  ledger->require_subcommand(1);
  AddTypes(*ledger, ctx);
  AddList(*ledger, ctx);
  AddImport(*ledger, ctx);
  AddExport(*ledger, ctx);
  AddTemplate(*ledger, ctx);
  AddShow(*ledger, ctx);
  AddAdd(*ledger, ctx);
  AddMove(*ledger, ctx);
  AddLog(*ledger, ctx);
  AddSync(*ledger, ctx);
}

}  // namespace eduledger::cli
