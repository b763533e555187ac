// EduLedger's side of the cube benchmark: the four counts written in the expression language
// (docs/expressions.md) as a bureau would write them, compiled once, and the cube computed by
// engine::Cube over a snapshot.
#pragma once

#include <memory>

#include "bench/cube/cube_cells.h"
#include "engine/compile.h"
#include "engine/cube.h"

namespace eduledger::bench {

class EngineCube {
 public:
  static core::Result<std::unique_ptr<EngineCube>> Make();

  // The cells of `cube` (computed with catalog()) for counties, townships and schools, into
  // `cells` (cleared first; its buffer is reused, as are the rate columns).
  void Cells(const engine::Cube& cube, CubeCells* cells) const;
  const engine::MeasureCatalog& catalog() const { return catalog_; }

 private:
  EngineCube() = default;
  engine::MeasureCatalog catalog_;
  engine::RatePlan dropout_;    // dropped / enrolled
  engine::RatePlan promotion_;  // promoted / graduated
  mutable engine::Cube::RateColumns dropout_columns_, promotion_columns_;
};

}  // namespace eduledger::bench
