// Micro benchmarks of the hot paths of an import: ID numbers, text decoding, CSV rows.
#include <benchmark/benchmark.h>

#include <string>

#include "core/id_number.h"
#include "core/text_codec.h"
#include "ingest/csv_reader.h"

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

}  // namespace

BENCHMARK_MAIN();
