// The check both table targets (CSV, XLSX) make of every row a reader gives out.
#pragma once

#include <string>

#include "fuzz/fuzz_target.h"
#include "ingest/table_reader.h"

namespace eduledger::fuzz {

// Read `reader` to its end or its first refusal, checking each row: row numbers rise, cells
// are valid UTF-8, at most `max_columns` of them, and progress stays within 0..1.
void ReadAllRows(ingest::TableReader& reader, std::size_t max_columns, std::size_t max_cell_bytes);

}  // namespace eduledger::fuzz
