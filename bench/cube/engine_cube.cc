#include "bench/cube/engine_cube.h"

namespace eduledger::bench {

core::Result<std::unique_ptr<EngineCube>> EngineCube::Make() {
  std::unique_ptr<EngineCube> e(new EngineCube());
  const auto compile = [&](std::string_view text, engine::Formula* to) -> core::Status {
    // Each school year's flows as recorded (the last one is still running): what the peers
    // count too.
    EL_ASSIGN_OR_RETURN(
        *to, engine::CompileFormula(text, engine::FormulaKind::kArithmetic, &e->catalog_, nullptr,
                                    {.flows_to_date = true}));
    return core::Status::OK();
  };
  engine::Formula enrolled, dropped, graduated, promoted;
  EL_RETURN_IF_ERROR(compile("students()", &enrolled));
  EL_RETURN_IF_ERROR(compile("students(end_status = dropped_out)", &dropped));
  EL_RETURN_IF_ERROR(compile("students(end_status = graduated)", &graduated));
  EL_RETURN_IF_ERROR(
      compile("students(end_status = graduated and next_level != none and next_level != unknown)",
              &promoted));
  e->dropout_ = engine::RatePlan{dropped, enrolled, 1};
  e->promotion_ = engine::RatePlan{promoted, graduated, 1};
  return e;
}

void EngineCube::Cells(const engine::Cube& cube, CubeCells* cells) const {
  const engine::Snapshot& s = cube.snapshot();
  const auto& units = s.orgs().units();
  CubeCells& out = *cells;
  out.Clear();
  engine::Cube::RateColumns& dropout = dropout_columns_;
  engine::Cube::RateColumns& promotion = promotion_columns_;
  for (std::size_t y = 0; y < s.years().size(); ++y) {
    const int year = static_cast<int>(y);
    cube.RatesOfYear(dropout_, year, &dropout);
    cube.RatesOfYear(promotion_, year, &promotion);
    for (std::uint32_t o = 0; o < units.size(); ++o) {
      if (!ReportedLevel(units[o].level)) continue;
      for (int k = 0; k < engine::kCellCount; ++k) {
        const std::size_t i = engine::Cube::CellIndex(o, k);
        if (!(dropout.denominator[i] > 0)) continue;
        CubeCell c;
        c.year = s.years()[y];
        c.org = o;
        c.cell = k;
        c.enrolled = static_cast<std::int64_t>(dropout.denominator[i]);
        c.dropped = static_cast<std::int64_t>(dropout.numerator[i]);
        c.graduated = static_cast<std::int64_t>(promotion.denominator[i]);
        c.promoted = static_cast<std::int64_t>(promotion.numerator[i]);
        c.dropout_rate = dropout.value[i];
        c.promotion_rate = promotion.value[i];
        out.Add(c);
      }
    }
  }
}

}  // namespace eduledger::bench
