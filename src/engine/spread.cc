#include "engine/spread.h"

#include <cmath>
#include <vector>

#include "engine/no_value.h"

namespace eduledger::engine {

SpreadCell CoefficientOfVariation(const Cube& cube, const RatePlan& x, const Formula& weight,
                                  int year_idx, std::span<const std::uint32_t> schools) {
  struct Point {
    double x, p;
  };
  std::vector<Point> points;
  double total = 0, weighted = 0;
  bool missing = false;
  for (const std::uint32_t org : schools) {
    const double p = cube.Evaluate(weight, year_idx, org, kCellTotal);
    if (std::isnan(p) || p <= 0) continue;
    const RateCell r = cube.Rate(x, year_idx, org, kCellTotal);
    if (!r.has_value()) {
      missing = true;
      continue;
    }
    points.push_back({r.value, p});
    total += p;
    weighted += p * r.value;
  }
  SpreadCell out;
  out.schools = static_cast<std::uint32_t>(points.size());
  if (missing || points.empty() || weighted == 0) {
    out.mean = out.sd = out.cv = kNoValue;
    return out;
  }
  out.mean = weighted / total;
  double squares = 0;
  for (const Point& pt : points) squares += pt.p * (pt.x - out.mean) * (pt.x - out.mean);
  out.sd = std::sqrt(squares / total);
  out.cv = out.sd / out.mean;
  return out;
}

}  // namespace eduledger::engine
