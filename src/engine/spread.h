// Spread: the inter-school coefficient of variation (差异系数) of the county balanced-
// compulsory-education assessment (县域义务教育均衡). Each school i below an org unit has a
// value X_i (a ratio, e.g. 生均教学及辅助用房面积) and a weight P_i (its pupils of the level
// assessed); schools with no weight take no part. With P = Σ P_i:
//
//   mean  X̄ = Σ P_i X_i / P
//   sd    S = sqrt(Σ P_i (X_i − X̄)² / P)
//   CV    = S / X̄
//
// A school whose X_i has no value (a zero denominator, a figure not collected) makes the whole
// CV "no value", as does X̄ = 0: a CV over part of the schools would mislead.
#pragma once

#include <cstdint>
#include <span>

#include "engine/cube.h"

namespace eduledger::engine {

struct SpreadCell {
  double mean = 0;  // NaN: no value
  double sd = 0;
  double cv = 0;
  std::uint32_t schools = 0;  // schools weighed
  bool has_value() const { return cv == cv; }
};

// The CV of `x` over `schools` (org indexes) in year `year_idx`, weighted by `weight`.
SpreadCell CoefficientOfVariation(const Cube& cube, const RatePlan& x, const Formula& weight,
                                  int year_idx, std::span<const std::uint32_t> schools);

}  // namespace eduledger::engine
