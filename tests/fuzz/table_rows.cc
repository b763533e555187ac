#include "fuzz/table_rows.h"

#include "core/text.h"

namespace eduledger::fuzz {

void ReadAllRows(ingest::TableReader& reader, std::size_t max_columns, std::size_t max_cell_bytes) {
  ingest::Row row;
  std::int64_t last = 0;
  while (true) {
    auto more = reader.Next(&row);
    if (!more.ok()) {
      ExpectRefusal(more.status(), "a table row");
      return;
    }
    if (!*more) return;
    Expect(row.number > last, "row numbers must rise");
    last = row.number;
    Expect(!row.blank(), "a blank row must be skipped");
    Expect(row.cells.size() <= max_columns, "a row wider than the reader's bound");
    for (const ingest::Cell& cell : row.cells) {
      Expect(cell.text.size() <= max_cell_bytes, "a cell longer than the reader's bound");
      Expect(core::IsValidUtf8(cell.text), "a cell that is not valid UTF-8");
    }
    const double p = reader.progress();
    Expect(p >= 0 && p <= 1, "progress outside 0..1");
  }
}

}  // namespace eduledger::fuzz
