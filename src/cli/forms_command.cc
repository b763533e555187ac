// eduledger forms | submit | approve | return | reopen | validate | changes: collected figures
// (报表) filled by org units, checked by the validation rules and approved by the level above.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/forms.h"
#include "app/ledger_checks.h"
#include "app/requested_year.h"
#include "app/roster_check.h"
#include "app/store_open.h"
#include "cli/commands.h"
#include "cli/json_number.h"
#include "cli/text_output.h"
#include "cli/with_store.h"
#include "cli/year_output.h"
#include "core/rounding.h"
#include "core/statistics_year.h"

namespace eduledger::cli {

namespace {

std::string RuleSide(double v) { return core::FormatPlain(v, "无"); }

struct FormArgs {
  std::string form;
  std::string org;
  int year = 0;
  std::vector<std::string> packages;
};

void AddFormOptions(CLI::App* cmd, FormArgs* args) {
  cmd->add_option("--form", args->form, "报表代码或名称")->required();
  cmd->add_option("--org", args->org, "填报单位代码或名称")->required();
  cmd->add_option("--year", args->year, "统计年度（如 2025：统计时点 2025年9月1日）")->required();
  AddPackagesOption(cmd, &args->packages);
}

app::FormKey KeyOf(const FormArgs& a) { return app::FormKey{a.form, a.org, a.year}; }

// The broken rules as a table for people.
std::string RulesTable(const app::Metadata& md, const std::vector<app::RuleResult>& rules) {
  TextTable table({"单位", "报表", "规则", "类别", "说明", "左边", "右边", "填报说明"});
  for (const app::RuleResult& r : rules) {
    const meta::DataSet* set = md.FindDataSet(r.data_set);
    table.Add({r.org_name, set ? set->name : r.data_set, r.name,
               r.severity == meta::RuleSeverity::kError ? "逻辑校验（错误）" : "经验校验（警告）",
               r.message, RuleSide(r.left), RuleSide(r.right), r.explanation});
  }
  return table.Render();
}

// The statistics year a listing means: --year, or the latest whose snapshot has passed.
int YearOf(int year) { return app::RequestedYear(year, core::Date::Today()); }

nlohmann::json RosterJson(const app::RosterCheck& r) {
  nlohmann::json gaps = nlohmann::json::array();
  for (const app::RosterGap& g : r.gaps) {
    nlohmann::json pupils = nlohmann::json::array();
    for (const app::ExplainedRecord& p : g.pupils) {
      pupils.push_back({{"name", p.name}, {"id", p.id}, {"detail", p.detail}});
    }
    gaps.push_back({{"kind", "unexplained_leaver"},
                    {"township", g.township},
                    {"school_code", g.school_code},
                    {"school_name", g.school_name},
                    {"count", g.pupils.size()},
                    {"pupils", pupils}});
  }
  return {{"checked", r.checked},
          {"events_recorded", r.events_recorded},
          {"total", r.total},
          {"gaps", gaps}};
}

// The roster check for people: who is unaccounted for, by township and school.
void PrintRoster(const app::RosterCheck& r) {
  const core::Period window = core::FlowWindow(r.year);
  std::printf("\n学籍比对（流失名单）：");
  if (!r.events_recorded) {
    std::printf(
        "%s至%s没有任何学籍异动记录，无法区分毕业、转学、辍学与流失；请先导入学籍异动（eduledger "
        "import events）\n",
        window.start().ToChinese().c_str(), window.end().ToChinese().c_str());
    return;
  }
  if (!r.checked) {
    std::printf("库中没有%s的在校名单，无法比对\n", core::SchoolYearLabel(window.year()).c_str());
    return;
  }
  if (r.total == 0) {
    std::printf("%s在校的学生均有去向（在校、毕业或有异动记录）\n",
                window.start().ToChinese().c_str());
    return;
  }
  std::printf(
      "%lld 名学生 %s 在校，%s 不在本县任何学校，且没有毕业、转出、辍学、休学或死亡记录，"
      "请学校核实并补录学籍异动\n",
      static_cast<long long>(r.total), window.start().ToChinese().c_str(),
      core::SnapshotDate(r.year).ToChinese().c_str());
  TextTable table({"乡镇", "学校", "姓名", "证件号", "原年级班级"});
  for (const app::RosterGap& g : r.gaps) {
    for (const app::ExplainedRecord& p : g.pupils) {
      table.Add({g.township, g.school_name, p.name, p.id, p.detail});
    }
  }
  std::printf("%s", table.Render().c_str());
}

void PrintFormsValidation(const app::Metadata& md, const app::Validation& v) {
  const std::vector<app::RuleResult>& rules = v.broken;
  std::printf("%s：应填报报表 %zu 张，已填报 %zu 张，未填报 %zu 张\n",
              StatisticsYearHeading(v.year).c_str(), v.forms_due, v.forms_saved,
              v.forms_due - v.forms_saved);
  if (v.forms_saved > 0) {
    std::string states;
    for (const store::SubmissionState s :
         {store::SubmissionState::kApproved, store::SubmissionState::kSubmitted,
          store::SubmissionState::kReturned, store::SubmissionState::kDraft}) {
      const std::size_t n = v.forms_by_state[static_cast<std::size_t>(s)];
      if (n == 0) continue;
      states += (states.empty() ? "" : "、") + std::string(store::SubmissionStateName(s)) + " " +
                std::to_string(n) + " 张";
    }
    std::printf("已填报的：%s；指标只用已审核的报表\n", states.c_str());
  }
  if (v.forms_saved == 0) {
    std::printf("未填报 %zu 张，没有可校验的报表\n", v.forms_due);
    return;
  }
  if (rules.empty()) {
    std::string unfilled;
    if (v.forms_due > v.forms_saved) {
      unfilled = "；另有未填报 " + std::to_string(v.forms_due - v.forms_saved) + " 张";
    }
    std::printf("已填报的 %zu 张报表全部校验通过%s\n", v.forms_saved, unfilled.c_str());
    return;
  }
  std::printf("%s", RulesTable(md, rules).c_str());
}

nlohmann::json LedgerFindingsJson(const std::vector<app::LedgerFinding>& findings) {
  nlohmann::json out = nlohmann::json::array();
  for (const app::LedgerFinding& f : findings) {
    out.push_back({{"kind", f.kind},
                   {"ledger", f.ledger_name},
                   {"case", f.case_id == 0 ? nlohmann::json() : nlohmann::json(f.case_id)},
                   {"township", f.township},
                   {"school_code", f.org_code},
                   {"school_name", f.org_name},
                   {"message", f.message}});
  }
  return out;
}

// The ledgers' cross-checks for people, by township and school.
void PrintLedgerFindings(const std::vector<app::LedgerFinding>& findings) {
  std::printf("\n台账核查：");
  if (findings.empty()) {
    std::printf(
        "未发现逾期事项、在用D级危房、未验收销号的隐患、未五落实的重大隐患或未开案的辍学记录\n");
    return;
  }
  std::printf("%zu 项\n", findings.size());
  TextTable table({"乡镇", "单位", "台账", "事项", "问题"});
  for (const app::LedgerFinding& f : findings) {
    table.Add({f.township, f.org_name, f.ledger_name,
               f.case_id == 0 ? "—" : std::to_string(f.case_id), f.message});
  }
  std::printf("%s", table.Render().c_str());
}

void PrintValidation(const app::Metadata& md, const app::Validation& v,
                     const app::RosterCheck& roster,
                     const std::vector<app::LedgerFinding>& ledger_findings, OutputFormat format) {
  const std::vector<app::RuleResult>& rules = v.broken;
  if (format == OutputFormat::kJson) {
    nlohmann::json broken = nlohmann::json::array();
    for (const app::RuleResult& r : rules) {
      broken.push_back(
          {{"rule", r.rule},
           {"name", r.name},
           {"severity", r.severity == meta::RuleSeverity::kError ? "error" : "warning"},
           {"data_set", r.data_set},
           {"org_unit_code", r.org_code},
           {"org_unit_name", r.org_name},
           {"message", r.message},
           {"left", NumberJson(r.left)},
           {"right", NumberJson(r.right)},
           {"explanation", r.explanation}});
    }
    nlohmann::json by_state = nlohmann::json::object();
    for (std::size_t s = 0; s < v.forms_by_state.size(); ++s) {
      by_state[std::string(store::SubmissionStateKey(static_cast<store::SubmissionState>(s)))] =
          v.forms_by_state[s];
    }
    nlohmann::json out = {{"forms_due", v.forms_due},
                          {"forms_saved", v.forms_saved},
                          {"forms_unfilled", v.forms_due - v.forms_saved},
                          {"forms_by_state", by_state}};
    AddStatisticsYear(v.year, &out);
    out["broken"] = broken;
    out["roster"] = RosterJson(roster);
    out["ledger_findings"] = LedgerFindingsJson(ledger_findings);
    std::printf("%s\n", out.dump(2).c_str());
    return;
  }
  PrintFormsValidation(md, v);
  PrintRoster(roster);
  PrintLedgerFindings(ledger_findings);
}

void AddSubmit(CLI::App& app, CliContext& ctx) {
  struct Args : FormArgs {
    std::string values;
    std::vector<std::string> explain;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "submit",
      "填报并上报一张报表：数值文件（CSV 或 XLSX，列：数据项、分组、数值）经校验后保存；"
      "逻辑校验不通过则不保存，经验校验不通过须逐条说明");
  AddFormOptions(cmd, args.get());
  cmd->add_option("--values", args->values, "数值文件")->required()->check(CLI::ExistingFile);
  cmd->add_option("--explain", args->explain, "经验校验的说明：规则代码=说明（可重复）");
  cmd->callback([&ctx, args] {
    WithStore(ctx, args->packages, [&](store::Store& store, const app::Metadata& md) {
      app::SubmitRequest request;
      request.key = KeyOf(*args);
      request.source = args->values;
      for (const std::string& e : args->explain) {
        const std::size_t eq = e.find('=');
        if (eq == std::string::npos) {
          return ctx.Fail(core::Status::InvalidArgument(
              "bad_explanation", "--explain 应写作 规则代码=说明，而不是 '" + e + "'"));
        }
        request.explanations[e.substr(0, eq)] = e.substr(eq + 1);
      }
      auto values = app::ReadFormValues(args->values);
      if (!values.ok()) return ctx.Fail(values.status());
      request.values = std::move(*values);
      auto result = app::SubmitForm(store, ctx.actor, md, request);
      if (!result.ok()) return ctx.Fail(result.status());
      const std::string state(store::SubmissionStateName(result->submission.state));
      if (ctx.json()) {
        std::printf("%s\n",
                    nlohmann::json({{"submission_id", result->submission.id},
                                    {"state", store::SubmissionStateKey(result->submission.state)},
                                    {"values", request.values.size()},
                                    {"warnings_explained", result->warnings.size()},
                                    {"changed_after_approval", result->changed_after_approval}})
                        .dump(2)
                        .c_str());
        return;
      }
      std::printf("已保存 %zu 个数值，报表状态：%s\n", request.values.size(), state.c_str());
      if (!result->warnings.empty()) {
        std::printf("经验校验未通过但已说明 %zu 条：\n", result->warnings.size());
        std::printf("%s", RulesTable(md, result->warnings).c_str());
      }
      if (result->changed_after_approval > 0) {
        std::printf("审核后修改了 %zu 个数值（已记录，可用 eduledger changes 查看）\n",
                    result->changed_after_approval);
      }
    });
  });
}

// approve, return and reopen: a state change with an optional text.
using TransitionFn = core::Status (*)(store::Store&, const app::Actor&, const app::Metadata&,
                                      const app::FormKey&, const std::string& text);

void AddTransition(CLI::App& app, CliContext& ctx, const char* name, const char* help,
                   const char* text_option, const char* text_help, const char* done,
                   TransitionFn transition) {
  struct Args : FormArgs {
    std::string text;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(name, help);
  AddFormOptions(cmd, args.get());
  if (text_option) cmd->add_option(text_option, args->text, text_help)->required();
  const std::string command = name;
  cmd->callback([&ctx, args, command, done, transition] {
    WithStore(ctx, args->packages, [&](store::Store& store, const app::Metadata& md) {
      const core::Status s = transition(store, ctx.actor, md, KeyOf(*args), args->text);
      if (!s.ok()) return ctx.Fail(s);
      if (ctx.json()) {
        std::printf("%s\n", nlohmann::json({{"done", command}}).dump().c_str());
      } else {
        std::printf("%s\n", done);
      }
    });
  });
}

void AddForms(CLI::App& app, CliContext& ctx) {
  struct Args {
    int year = 0;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("forms",
                                     "列出一个统计年度应填报的报表及其状态（未填报、草稿、"
                                     "已上报、已审核、已退回）");
  cmd->add_option("--year", args->year, "统计年度（默认统计时点已过的最近一年）");
  AddPackagesOption(cmd, &args->packages);
  cmd->callback([&ctx, args] {
    WithStore(ctx, args->packages, [&](store::Store& store, const app::Metadata& md) {
      const int year = YearOf(args->year);
      auto forms = app::ListForms(store, ctx.actor, md, year);
      if (!forms.ok()) return ctx.Fail(forms.status());
      if (ctx.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const app::FormStatus& f : *forms) {
          list.push_back(
              {{"data_set", f.data_set},
               {"org_unit_code", f.org_code},
               {"org_unit_name", f.org_name},
               {"state", f.submission ? std::string(store::SubmissionStateKey(f.submission->state))
                                      : std::string("missing")},
               {"values", f.values},
               {"comment", f.submission ? f.submission->comment : ""}});
        }
        nlohmann::json out = nlohmann::json::object();
        AddStatisticsYear(year, &out);
        out["forms"] = list;
        std::printf("%s\n", out.dump(2).c_str());
        return;
      }
      std::printf("%s 报表\n", StatisticsYearHeading(year).c_str());
      TextTable table({"报表", "单位", "状态", "数值个数", "更新时间", "意见"});
      for (const app::FormStatus& f : *forms) {
        table.Add(
            {f.data_set_name, f.org_name,
             f.submission ? std::string(store::SubmissionStateName(f.submission->state)) : "未填报",
             std::to_string(f.values), f.submission ? f.submission->updated_at : "",
             f.submission ? f.submission->comment : ""});
      }
      std::printf("%s", table.Render().c_str());
    });
  });
}

void AddValidate(CLI::App& app, CliContext& ctx) {
  struct Args {
    int year = 0;
    std::string org;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "对一个统计年度已填报的全部报表运行校验规则，按单位列出未通过的规则和未填报的报表数；"
      "比对学籍，列出去向不明的学生（流失名单）；核查台账（逾期事项、在用D级危房、"
      "未验收销号的隐患、未五落实的重大隐患、未开案的辍学记录、未落实责任人的控辍保学案、"
      "资助零疏漏、未制定化解方案的大班额）");
  cmd->add_option("--year", args->year, "统计年度（默认统计时点已过的最近一年）");
  cmd->add_option("--org", args->org, "学籍比对的单位（默认本级）");
  AddPackagesOption(cmd, &args->packages);
  cmd->callback([&ctx, args] {
    WithStore(ctx, args->packages, [&](store::Store& store, const app::Metadata& md) {
      const int year = YearOf(args->year);
      auto v = app::ValidateForms(store, ctx.actor, md, year);
      if (!v.ok()) return ctx.Fail(v.status());
      auto roster = app::CheckRoster(store, ctx.actor, md, year, args->org);
      if (!roster.ok()) return ctx.Fail(roster.status());
      const core::Period window = core::FlowWindow(year);
      auto ledgers = app::CheckLedgers(store, ctx.actor, md, window.start(), window.end(),
                                       core::Date::Today());
      if (!ledgers.ok()) return ctx.Fail(ledgers.status());
      PrintValidation(md, *v, *roster, *ledgers, ctx.format);
      for (const app::RuleResult& r : v->broken) {
        if (r.severity == meta::RuleSeverity::kError) ctx.exit_code = kExitRejected;
      }
    });
  });
}

void AddChanges(CLI::App& app, CliContext& ctx) {
  auto year = std::make_shared<int>(0);
  CLI::App* cmd =
      app.add_subcommand("changes", "列出报表审核后被修改的数值（原值、新值、修改人、时间）");
  cmd->add_option("--year", *year, "统计年度（默认全部年度）");
  auto packages = std::make_shared<std::vector<std::string>>();
  AddPackagesOption(cmd, packages.get());
  cmd->callback([&ctx, year, packages] {
    WithStore(ctx, *packages, [&](store::Store& store, const app::Metadata& md) {
      auto changes = app::ListFormChanges(store, ctx.actor, md, *year);
      if (!changes.ok()) return ctx.Fail(changes.status());
      if (ctx.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const app::FormChange& c : *changes) {
          list.push_back({{"data_set", c.data_set},
                          {"data_set_name", c.data_set_name},
                          {"org_unit_code", c.org_code},
                          {"element", c.change.element},
                          {"element_name", c.element_name},
                          {"disaggregation", c.change.disaggregation},
                          {"group", c.group},
                          {"old_value", c.change.old_value},
                          {"new_value", c.change.new_value},
                          {"at", c.change.at},
                          {"actor", c.change.actor}});
        }
        nlohmann::json out = nlohmann::json::object();
        if (*year != 0) AddStatisticsYear(*year, &out);
        out["changes"] = list;
        std::printf("%s\n", out.dump(2).c_str());
        return;
      }
      const std::string when = *year != 0 ? StatisticsYearHeading(*year) + " " : "各年度";
      if (changes->empty()) {
        std::printf("%s没有审核后修改的数值\n", when.c_str());
        return;
      }
      std::printf("%s报表审核后修改的数值\n", when.c_str());
      TextTable table({"报表", "单位", "数据项", "分组", "原值", "新值", "修改人", "时间"});
      for (const app::FormChange& c : *changes) {
        table.Add({c.data_set_name, c.org_name, c.element_name, c.group,
                   c.change.old_value.empty() ? "（无）" : c.change.old_value,
                   c.change.new_value.empty() ? "（删除）" : c.change.new_value, c.change.actor,
                   c.change.at});
      }
      std::printf("%s", table.Render().c_str());
    });
  });
}

}  // namespace

void AddFormsCommands(CLI::App& app, CliContext& ctx) {
  AddForms(app, ctx);
  AddSubmit(app, ctx);
  AddTransition(app, ctx, "approve", "审核通过一张已上报的报表（上一级单位）；通过后锁定", nullptr,
                nullptr, "已审核通过，报表已锁定",
                [](store::Store& store, const app::Actor& actor, const app::Metadata& md,
                   const app::FormKey& key,
                   const std::string&) { return app::ApproveForm(store, actor, md, key); });
  AddTransition(app, ctx, "return", "退回一张已上报的报表，写明意见；填报单位修改后可再次上报",
                "--comment", "退回意见", "已退回", app::ReturnForm);
  AddTransition(app, ctx, "reopen", "重开一张已审核的报表（记入审计日志），此后的修改逐条记录",
                "--reason", "重开原因", "已重开，报表回到草稿状态", app::ReopenForm);
  AddValidate(app, ctx);
  AddChanges(app, ctx);
}

}  // namespace eduledger::cli
