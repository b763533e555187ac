// Fuzz target: delimited text as a clerk's CSV (any encoding, delimiter, quoting).
#include "fuzz/fuzz_target.h"
#include "fuzz/table_rows.h"
#include "ingest/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduledger;
  auto reader = ingest::CsvReader::FromBytes("fuzz.csv", std::string(fuzz::AsText(data, size)));
  if (!reader.ok()) {
    fuzz::ExpectRefusal(reader.status(), "opening the CSV");
    return 0;
  }
  // A CSV has no bound of its own on a row but the file's size: a row of one-byte fields.
  fuzz::ReadAllRows(**reader, size + 1, size * 4 + 4);
  return 0;
}
