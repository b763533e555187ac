// eduledger explain: an indicator's definition, its numbers for one unit and statistics year, and
// the first records behind its numerator and denominator (names and ID numbers masked).
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/explain.h"
#include "app/store_open.h"
#include "cli/commands.h"
#include "cli/json_number.h"
#include "cli/text_output.h"
#include "cli/year_output.h"
#include "core/rounding.h"

namespace eduledger::cli {

namespace {

std::string ExplainedNumber(double v) { return core::FormatPlain(v, "无值"); }

nlohmann::json SideJson(const std::vector<app::ExplainedMeasure>& side) {
  nlohmann::json out = nlohmann::json::array();
  for (const app::ExplainedMeasure& m : side) {
    nlohmann::json records = nlohmann::json::array();
    for (const app::ExplainedRecord& r : m.records) {
      records.push_back({{"kind", r.kind},
                         {"org_unit_code", r.org_code},
                         {"org_unit_name", r.org_name},
                         {"name", r.name},
                         {"id", r.id},
                         {"detail", r.detail}});
    }
    out.push_back({{"measure", m.text},
                   {"school_year", m.school_year},
                   {"when", m.when},
                   {"value", m.held ? NumberJson(m.sum) : nlohmann::json()},
                   {"school_year_held", m.held},
                   {"records_total", m.total},
                   {"records", records}});
  }
  return out;
}

void PrintSide(const char* title, const std::string& expression,
               const std::vector<app::ExplainedMeasure>& side) {
  if (expression.empty()) return;
  std::printf("\n%s：%s\n", title, expression.c_str());
  for (const app::ExplainedMeasure& m : side) {
    if (!m.held) {
      std::printf("  %s = 无值（库中没有%s的记录）\n", m.text.c_str(),
                  core::SchoolYearLabel(m.school_year).c_str());
      continue;
    }
    std::printf("  %s = %s（%s，%llu 条记录）", m.text.c_str(), ExplainedNumber(m.sum).c_str(),
                m.when.c_str(), static_cast<unsigned long long>(m.total));
    if (m.records.size() < m.total) std::printf("（列出前 %zu 条）", m.records.size());
    std::printf("\n");
    if (m.records.empty()) continue;
    TextTable table({"类别", "单位", "姓名", "证件号/来源", "说明"});
    for (const app::ExplainedRecord& r : m.records) {
      table.Add({r.kind, r.org_name, r.name, r.id, r.detail});
    }
    std::printf("%s", table.Render().c_str());
  }
}

}  // namespace

void AddExplainCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string indicator;
    std::string org;
    int year = 0;
    std::size_t limit = 10;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "说明一个指标：定义、分子分母的数值，以及构成它们的前几条记录（姓名、证件号已遮蔽）");
  cmd->add_option("indicator", args->indicator, "指标代码或名称")->required();
  cmd->add_option("--org", args->org, "单位代码或名称（默认本级）");
  cmd->add_option("--year", args->year,
                  "统计年度（默认统计时点已过的最近一年；见 indicators --help）");
  cmd->add_option("--limit", args->limit, "每项列出的记录条数（默认 10）");
  cmd->add_option("--packages", args->packages,
                  "元数据包目录（可重复；默认随程序安装的 packages/county-bureau）");
  cmd->callback([&ctx, args] {
    auto md = app::Metadata::LoadOrDefault(args->packages);
    if (!md.ok()) return ctx.Fail(md.status());
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    auto e = app::ExplainIndicator(**store, ctx.actor, *md, args->indicator, args->org, args->year,
                                   args->limit);
    if (!e.ok()) return ctx.Fail(e.status());
    const app::IndicatorRow& r = e->row;
    if (ctx.json()) {
      const auto num = [](double v) { return NumberJson(v); };
      nlohmann::json out = {{"code", e->def.code},
                            {"name", e->def.name},
                            {"definition", e->def.definition},
                            {"basis", e->def.basis},
                            {"period", e->def.flow ? "flow" : "stock"},
                            {"org_unit_code", r.org_code},
                            {"numerator", num(r.numerator)},
                            {"denominator", num(r.denominator)},
                            {"value", num(r.value)},
                            {"text", r.text},
                            {"note", r.note},
                            {"target", r.target},
                            {"numerator_records", SideJson(e->numerator)},
                            {"denominator_records", SideJson(e->denominator)}};
      AddStatisticsYear(e->year, &out);
      std::printf("%s\n", out.dump(2).c_str());
      return;
    }
    // A count has no denominator; a rate's missing one is 无值.
    const std::string denominator =
        e->def.denominator.empty() ? "" : "，分母 " + ExplainedNumber(r.denominator);
    std::printf("%s（%s）\n定义：%s\n依据：%s\n%s\n口径：%s\n\n%s：分子 %s%s，值 %s",
                e->def.name.c_str(), e->def.code.c_str(), e->def.definition.c_str(),
                e->def.basis.c_str(), StatisticsYearHeading(e->year).c_str(),
                e->def.flow ? "按统计期内发生的计" : "按统计时点的状况计", r.org_name.c_str(),
                ExplainedNumber(r.numerator).c_str(), denominator.c_str(),
                r.text.empty() ? r.note.c_str() : r.text.c_str());
    if (r.incomplete) std::printf("（%s）", r.note.c_str());
    if (!r.target.empty()) {
      const char* why = r.incomplete ? "无法判断：数据不完整" : "无法判断：无值";
      std::printf("；目标 %s，%s", r.target.c_str(), !r.met ? why : (*r.met ? "达标" : "未达标"));
    }
    std::printf("\n");
    PrintSide("分子", e->def.numerator, e->numerator);
    PrintSide("分母", e->def.denominator, e->denominator);
  });
}

}  // namespace eduledger::cli
