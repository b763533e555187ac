// The hand-written peer of the cube benchmark: one pass over the columns adding each
// student-year to its school's counters (total, sex and grade cells), then the schools rolled
// up into their townships and counties. No engine, no filters compiled from text: the
// practical limit of the machine, which depends on the order of the rows (student order
// scatters the counter updates; school order keeps them in cache).
#pragma once

#include "bench/cube/cube_cells.h"
#include "bench/cube/student_columns.h"

namespace eduledger::bench {

// The cube into `cells` (cleared first; its buffer is reused).
void HandLoopCube(const StudentColumns& columns, CubeCells* cells);

}  // namespace eduledger::bench
