// eduledger check-report FILE: find the blanks, contradictions and wrong figures in a
// hand-written work summary (and, with --db, the figures the records contradict).
// Exit 0: no error-level finding; 1: at least one; 2: the file cannot be read.
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/check_report.h"
#include "app/store_open.h"
#include "cli/commands.h"
#include "cli/year_output.h"
#include "core/text.h"

namespace eduledger::cli {

namespace {

using report::Finding;

// The sentence around [begin, end) of `text`, at most `around` characters each side.
void Excerpt(std::string_view text, std::size_t begin, std::size_t end, std::size_t around,
             std::string* left, std::string* right) {
  std::size_t from = begin;
  std::size_t count = 0;
  while (from > 0 && count < around) {
    std::size_t k = from - 1;
    while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
    const std::string_view ch = text.substr(k, from - k);
    if (ch == "。" || ch == "！" || ch == "？") break;
    from = k;
    ++count;
  }
  std::size_t to = end;
  count = 0;
  while (to < text.size() && count < around) {
    std::size_t k = to;
    core::NextCodePoint(text, &k);
    const std::string_view ch = text.substr(to, k - to);
    to = k;
    ++count;
    if (ch == "。" || ch == "！" || ch == "？") break;
  }
  *left = (from > 0 ? "…" : "") + std::string(text.substr(from, begin - from));
  *right = std::string(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
}

std::string ValueText(double v, const Finding& f) {
  return report::FormatValue(v, f.unit, f.decimals) +
         (f.unit == "元" && std::abs(v) >= 1e4 ? "元" : f.unit);
}

nlohmann::json FindingJson(const report::Document& doc, const Finding& f) {
  const std::string& text = doc.paragraphs[static_cast<std::size_t>(f.paragraph - 1)].text;
  std::string left, right;
  Excerpt(text, f.begin, f.end, 40, &left, &right);
  nlohmann::json j = {{"kind", std::string(report::FindingKindKey(f.kind))},
                      {"severity", std::string(report::SeverityKey(f.severity))},
                      {"paragraph", f.paragraph},
                      {"line", f.line},
                      {"start", report::CharOffset(text, f.begin)},
                      {"end", report::CharOffset(text, f.end)},
                      {"text", f.text},
                      {"excerpt", left + f.text + right},
                      {"reason", f.reason}};
  if (f.stated) j["stated"] = *f.stated;
  if (f.expected) j["expected"] = *f.expected;
  if (!f.unit.empty()) j["unit"] = f.unit;
  if (!f.query.empty()) j["query"] = f.query;
  if (!f.related.empty()) {
    j["related"] = nlohmann::json::array();
    for (const report::Place& p : f.related) {
      const std::string& pt = doc.paragraphs[static_cast<std::size_t>(p.paragraph - 1)].text;
      j["related"].push_back({{"paragraph", p.paragraph},
                              {"start", report::CharOffset(pt, p.begin)},
                              {"end", report::CharOffset(pt, p.end)},
                              {"text", p.text}});
    }
  }
  return j;
}

void PrintJson(const app::CheckReportOutcome& out) {
  const report::CheckSummary& s = out.result.summary;
  nlohmann::json j = {{"file", out.document.source},
                      {"encoding", out.document.encoding},
                      {"year", out.result.year},
                      {"summary",
                       {{"paragraphs", s.paragraphs},
                        {"figures", s.figures},
                        {"rates_checked", s.rates_checked},
                        {"rates_verified", s.rates_verified},
                        {"sums_checked", s.sums_checked},
                        {"records_compared", s.records_compared},
                        {"errors", s.errors},
                        {"warnings", s.warnings},
                        {"infos", s.infos}}},
                      {"findings", nlohmann::json::array()}};
  // The statistics year the figures were read in: its snapshot and flow window.
  if (out.result.year != 0) AddStatisticsYear(out.result.year, &j);
  for (const Finding& f : out.result.findings)
    j["findings"].push_back(FindingJson(out.document, f));
  std::printf("%s\n", j.dump(2).c_str());
}

void PrintText(const app::CheckReportOutcome& out) {
  const bool colour = ::isatty(STDOUT_FILENO) == 1;
  const report::CheckSummary& s = out.result.summary;
  std::printf("检查 %s（%s，%d段，%d个数字）\n", out.document.source.c_str(),
              out.document.encoding.c_str(), s.paragraphs, s.figures);
  if (out.result.year != 0) {
    std::printf("未写年份的数字按 %s 核对\n", StatisticsYearHeading(out.result.year).c_str());
  }
  std::printf("\n");
  for (const Finding& f : out.result.findings) {
    const std::string& text =
        out.document.paragraphs[static_cast<std::size_t>(f.paragraph - 1)].text;
    std::string where = "第" + std::to_string(f.paragraph) + "段";
    if (f.line > 0) where += " 第" + std::to_string(f.line) + "行";
    const char* on = f.severity == report::Severity::kError     ? "\033[1;31m"
                     : f.severity == report::Severity::kWarning ? "\033[1;33m"
                                                                : "\033[1;36m";
    std::printf("%s %s%s%s %s [%s]\n", where.c_str(), colour ? on : "",
                std::string(report::SeverityName(f.severity)).c_str(), colour ? "\033[0m" : "",
                f.reason.c_str(), std::string(report::FindingKindKey(f.kind)).c_str());
    std::string left, right;
    Excerpt(text, f.begin, f.end, 30, &left, &right);
    std::printf("    %s%s%s%s%s\n", left.c_str(), colour ? on : "【", f.text.c_str(),
                colour ? "\033[0m" : "】", right.c_str());
    if (f.stated && f.expected && f.kind == report::FindingKind::kRecordMismatch) {
      std::printf("    文中 %s，台账 %s\n", ValueText(*f.stated, f).c_str(),
                  ValueText(*f.expected, f).c_str());
    }
    if (!f.query.empty()) std::printf("    依据：%s\n", f.query.c_str());
  }
  if (!out.result.findings.empty()) std::printf("\n");
  std::printf(
      "共发现错误 %d 处、警告 %d 处、提示 %d 处；核对比率和占比 %d 个（相符 %d 个），分项合计 %d "
      "处，"
      "与台账比对 %d 项。\n",
      s.errors, s.warnings, s.infos, s.rates_checked, s.rates_verified, s.sums_checked,
      s.records_compared);
}

}  // namespace

void AddCheckReportCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string file;
    int year = 0;
    std::string org;
    std::vector<std::string> packages;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "check-report",
      "检查手写的工作总结：未填写的占位符、与所列数字不符的比率和占比、分项之和与总数不符、"
      "前后不一致的数字；加 --db 时与台账记录比对。文本、Markdown（UTF-8 或 GB18030）或 DOCX");
  cmd->add_option("file", args->file, "工作总结文件（.txt、.md 或 .docx）")->required();
  cmd->add_option("--year", args->year,
                  "文中未写年份的数字所属的统计年度（2025：统计时点 2025年9月1日，统计期 "
                  "2024年9月1日—2025年8月31日）；默认取总结标题中的年份");
  cmd->add_option("--org", args->org, "总结所述的单位（代码或名称；默认本级）");
  cmd->add_option("--packages", args->packages,
                  "与台账比对时用的元数据包目录（默认随程序安装的 packages/county-bureau）");
  cmd->callback([&ctx, args] {
    std::unique_ptr<store::Store> store;
    std::optional<app::Metadata> md;
    if (ctx.db_given) {
      auto loaded = app::Metadata::LoadOrDefault(args->packages);
      if (!loaded.ok()) return ctx.Fail(loaded.status());
      md = std::move(loaded).value();
      auto opened = ctx.OpenStore(false);
      if (!opened.ok()) return ctx.Fail(opened.status());
      store = std::move(opened).value();
    }
    app::CheckReportRequest request{args->file, args->year, store.get(), md ? &*md : nullptr,
                                    args->org};
    auto out = app::CheckReportFile(ctx.actor, request);
    if (!out.ok()) {
      ctx.Fail(out.status());
      ctx.exit_code = kExitUsage;
      return;
    }
    if (ctx.json()) {
      PrintJson(*out);
    } else {
      PrintText(*out);
    }
    ctx.exit_code = out->result.summary.errors > 0 ? kExitRejected : kExitOk;
  });
}

}  // namespace eduledger::cli
