// eduledger indicators: the official indicators of the metadata packages for a statistics year
// and an org unit, optionally split by sex, grade, township (with the county's own schools as
// a row of their own) or school.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/indicators.h"
#include "app/store_open.h"
#include "cli/commands.h"
#include "cli/json_number.h"
#include "cli/text_output.h"
#include "cli/year_output.h"
#include "core/rounding.h"
#include "ingest/table_writer.h"
#include "meta/grade.h"

namespace eduledger::cli {

namespace {

std::string Number(double v) { return core::FormatPlain(v, ""); }

// The 口径 column: at the snapshot, over the flow window, or from a ledger.
const char* Basis(const app::IndicatorRow& r) {
  if (!r.period_label.empty()) return "台账";
  return r.flow ? "统计期" : "时点";
}

std::string Met(const app::IndicatorRow& r) {
  if (!r.met) return "";
  return *r.met ? "达标" : "未达标";
}

// "示例县：有 12 名学生去向不明（七年级 5 名、九年级 7 名）…", the footnote of the rows marked *.
std::string LeaversFootnote(const app::UnitLeavers& u) {
  std::string grades;
  for (const auto& [grade, pupils] : u.by_grade) {
    if (!grades.empty()) grades += "、";
    grades += meta::GradeName(grade, 0) + " " + Number(pupils) + " 名";
  }
  return "* " + u.org_name + "：有 " + Number(u.total) + " 名学生去向不明（" + grades +
         "），离开在校名单而无学籍异动记录；标 * 的统计期指标所计的学生中有这些学生，可能缺漏。"
         "eduledger validate 列出流失名单";
}

void Print(const app::IndicatorTable& t, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    nlohmann::json rows = nlohmann::json::array();
    for (const app::IndicatorRow& r : t.rows) {
      rows.push_back({{"code", r.code},
                      {"name", r.name},
                      {"org_unit_code", r.org_code},
                      {"org_unit_name", r.org_name},
                      {"cell", r.cell},
                      {"period", !r.period_label.empty() ? "ledger"
                                 : r.flow                ? "flow"
                                                         : "stock"},
                      {"period_label", r.period_label},
                      {"to_date", r.to_date},
                      {"numerator", NumberJson(r.numerator)},
                      {"denominator", NumberJson(r.denominator)},
                      {"value", NumberJson(r.value)},
                      {"text", r.text},
                      {"note", r.note},
                      {"incomplete", r.incomplete},
                      {"target", r.target},
                      {"met", r.met ? nlohmann::json(*r.met) : nlohmann::json()}});
    }
    nlohmann::json out = {{"org_unit_code", t.org_code}, {"org_unit_name", t.org_name}};
    AddStatisticsYear(t.year, &out);
    out["rows"] = rows;
    nlohmann::json leavers = nlohmann::json::array();
    for (const app::UnitLeavers& u : t.leavers) {
      nlohmann::json grades = nlohmann::json::array();
      for (const auto& [grade, pupils] : u.by_grade) {
        grades.push_back({{"grade", grade},
                          {"grade_name", meta::GradeName(grade, 0)},
                          {"pupils", NumberJson(pupils)}});
      }
      leavers.push_back({{"org_unit_code", u.org_code},
                         {"org_unit_name", u.org_name},
                         {"pupils", NumberJson(u.total)},
                         {"by_grade", grades}});
    }
    out["unexplained_leavers"] = leavers;
    std::printf("%s\n", out.dump(2).c_str());
    return;
  }
  if (format == OutputFormat::kCsv) {
    std::printf(
        "\xEF\xBB\xBF统计年度,统计时点,统计期,指标代码,指标,单位代码,单位,分组,口径,分子,分母,值,"
        "显示值,说明,目标,是否达标\n");
    const std::string snapshot = t.snapshot.ToString();
    const std::string window =
        t.flow_window.start().ToString() + "至" + t.flow_window.end().ToString();
    for (const app::IndicatorRow& r : t.rows) {
      std::printf("%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", t.year, snapshot.c_str(),
                  window.c_str(), r.code.c_str(), ingest::CsvField(r.name).c_str(),
                  r.org_code.c_str(), ingest::CsvField(r.org_name).c_str(), r.cell.c_str(),
                  Basis(r), Number(r.numerator).c_str(), Number(r.denominator).c_str(),
                  Number(r.value).c_str(), r.text.c_str(), ingest::CsvField(r.note).c_str(),
                  r.target.c_str(), Met(r).c_str());
    }
    return;
  }
  std::printf("%s %s 指标\n", t.org_name.c_str(), StatisticsYearHeading(t.year).c_str());
  TextTable table({"指标", "单位", "分组", "口径", "分子", "分母", "值", "目标", "达标"});
  // A long note ("不适用：…") shows its head in the table and its reason once below it.
  // The same note once, with the indicators it is of.
  std::vector<std::pair<std::string, std::vector<std::string>>> notes;
  for (const app::IndicatorRow& r : t.rows) {
    std::string value = r.text;
    if (r.incomplete) value += "*";
    if (value.empty()) {
      const std::size_t colon = r.note.find("：");
      value = r.note.substr(0, colon);
      if (colon != std::string::npos) {
        auto it = std::find_if(notes.begin(), notes.end(),
                               [&](const auto& n) { return n.first == r.note; });
        if (it == notes.end()) it = notes.insert(notes.end(), {r.note, {}});
        if (std::find(it->second.begin(), it->second.end(), r.name) == it->second.end()) {
          it->second.push_back(r.name);
        }
      }
    }
    table.Add({r.name, r.org_name, r.cell, Basis(r), Number(r.numerator), Number(r.denominator),
               value, r.target, Met(r)});
  }
  std::printf("%s", table.Render().c_str());
  for (const app::UnitLeavers& u : t.leavers) std::printf("  注：%s\n", LeaversFootnote(u).c_str());
  for (const auto& [note, names] : notes) {
    std::string of;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i) of += (i ? "、" : "") + names[i];
    if (names.size() > 3) of += "等 " + std::to_string(names.size()) + " 项指标";
    std::printf("  注：%s %s\n", of.c_str(), note.c_str());
  }
}

}  // namespace

void AddIndicatorsCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    int year = 0;
    std::string org;
    std::string by;
    std::vector<std::string> codes;
    std::string category;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("indicators",
                                     "按元数据包的定义计算指标（辍学率、升学率、生师比、大班额等）"
                                     "，可按性别、年级、月份（台账指标）、乡镇或学校分组");
  cmd->add_option("--year", args->year,
                  "统计年度：2025 即统计时点 2025年9月1日、统计期 2024年9月1日—2025年8月31日"
                  "（默认统计时点已过的最近一年）");
  cmd->add_option("--org", args->org, "单位代码或名称（默认本级）");
  cmd->add_option("--by", args->by,
                  "分组：sex（性别）、grade（年级）、month（月份，台账指标按统计期字段所在月）、"
                  "township（乡镇，县直学校单列）、school（学校）、school_type（办学类型），"
                  "或台账指标允许的台账字段，如 "
                  "state（状态）、category（隐患类别）、level（隐患等级、培训层级）、"
                  "programme（资助项目）、学段（学校所属学段）");
  cmd->add_option("--indicator", args->codes, "只计算这些指标（代码或名称，可重复）");
  cmd->add_option("--category", args->category,
                  "只计算这一类指标，如 基本情况、招生与毕业、入学与控辍保学、教师队伍");
  cmd->add_option("--packages", args->packages,
                  "元数据包目录（可重复；默认随程序安装的 packages/county-bureau）");
  cmd->callback([&ctx, args] {
    auto set = app::Metadata::LoadOrDefault(args->packages);
    if (!set.ok()) return ctx.Fail(set.status());
    auto store = ctx.OpenStore(false);
    if (!store.ok()) return ctx.Fail(store.status());
    app::IndicatorRequest request;
    request.year = args->year;
    request.org = args->org;
    request.codes = args->codes;
    if (args->by == "sex") request.by = app::IndicatorSplit::kSex;
    if (args->by == "grade") request.by = app::IndicatorSplit::kGrade;
    if (args->by == "month") request.by = app::IndicatorSplit::kMonth;
    if (args->by == "township") request.by = app::IndicatorSplit::kTownship;
    if (args->by == "school") request.by = app::IndicatorSplit::kSchool;
    if (args->by == "school_type") request.by = app::IndicatorSplit::kSchoolType;
    if (!args->by.empty() && request.by == app::IndicatorSplit::kNone) {
      request.by = app::IndicatorSplit::kField;
      request.field = args->by;
    }
    request.category = args->category;
    auto table = app::ComputeIndicators(**store, ctx.actor, *set, request);
    if (!table.ok()) return ctx.Fail(table.status());
    Print(*table, ctx.format);
  });
}

}  // namespace eduledger::cli
