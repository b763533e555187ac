// Fuzz target: an .xlsx workbook (a zip of XML parts) read as an import reads it.
#include "fuzz/fuzz_target.h"
#include "fuzz/table_rows.h"
#include "ingest/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduledger;
  const std::string path = fuzz::ScratchFile("fuzz.xlsx", fuzz::AsText(data, size));
  auto reader = ingest::XlsxReader::Open(path, "");
  if (!reader.ok()) {
    fuzz::ExpectRefusal(reader.status(), "opening the workbook");
    return 0;
  }
  fuzz::ReadAllRows(**reader, ingest::XlsxReader::kMaxColumns, ingest::XlsxReader::kMaxCellBytes);
  return 0;
}
