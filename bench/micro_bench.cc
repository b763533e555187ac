// Micro benchmarks of the hot paths of an import: ID numbers, text decoding, CSV rows.
#include <benchmark/benchmark.h>

#include <string>

#include "core/id_number.h"
#include "core/text.h"
#include "core/text_codec.h"
#include "ingest/csv_reader.h"
#include "report/summary_checker.h"

namespace {

using eduledger::core::Date;

void BM_ParseIdNumber(benchmark::State& state) {
  const Date today = *Date::FromYmd(2026, 11, 23);
  for (auto _ : state) {
    auto id = eduledger::core::IdNumber::Parse("439901201605120019", today);
    benchmark::DoNotOptimize(id);
  }
}
BENCHMARK(BM_ParseIdNumber);

std::string SampleCsv(int rows) {
  std::string text = "姓名,性别,身份证件号,学校名称,年级\n";
  for (int i = 0; i < rows; ++i) text += "张小明,男,439901201605120019,示例县城关第一小学,三年级\n";
  return text;
}

void BM_DecodeGb18030(benchmark::State& state) {
  const std::string gb = *eduledger::core::EncodeGb18030(SampleCsv(10000));
  for (auto _ : state) {
    auto text = eduledger::core::DecodeText(gb);
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * gb.size()));
}
BENCHMARK(BM_DecodeGb18030);

void BM_CsvRows(benchmark::State& state) {
  const std::string csv = SampleCsv(10000);
  for (auto _ : state) {
    auto reader = eduledger::ingest::CsvReader::FromBytes("b.csv", csv);
    eduledger::ingest::Row row;
    std::int64_t n = 0;
    while (*(*reader)->Next(&row)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * 10001);
}
BENCHMARK(BM_CsvRows);

// A 100-page summary: about 1,000 characters a page, in sentences of the kinds summaries write
// (counts, 其中 lists, breakdowns, rates, shares, money, blanks), with numbers that vary.
std::string HundredPageSummary() {
  std::string text = "示例县2026年教育工作总结\n";
  int i = 0;
  while (eduledger::core::CodePointCount(text) < 100'000) {
    const std::string n = std::to_string(100 + i % 900);
    text += "一、全县共有学校" + std::to_string(108 + i % 5) +
            "所，其中小学67所（完小47所、教学点20所），初中12所，"
            "在校学生3" +
            n + "2人，专任教师19" + std::to_string(i % 10) + "9人。\n";
    text += "全县适龄儿童4000人，已入学39" + std::to_string(70 + i % 30) +
            "人，入学率99.5%；"
            "春秋两季共发放助学资金2207万元、资助36033人次，实现零疏漏。\n";
    text +=
        "全县共排查危险水域40处，其中高风险水域12处，占30%；中风险水域20处，占50%；低风险水域8处，"
        "占20%。投入近10亿元建设校舍2" +
        n + "平方米（加固174153平方米，重建47200平方米）。\n";
    text +=
        "开展培训活动60余场次计6000余人次参加，组织25名业务骨干赴外地考察学习，**年投入**.**"
        "亿元。\n";
    ++i;
  }
  return text;
}

void BM_CheckSummary100Pages(benchmark::State& state) {
  const std::string text = HundredPageSummary();
  for (auto _ : state) {
    const auto doc = eduledger::report::DocumentFromText(
        "b.txt", text, eduledger::report::DocumentFormat::kText, "UTF-8");
    auto result = eduledger::report::CheckSummaryDocument(doc, {});
    benchmark::DoNotOptimize(result);
  }
  state.counters["chars"] = static_cast<double>(eduledger::core::CodePointCount(text));
}
BENCHMARK(BM_CheckSummary100Pages)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
