// Rng: the demo generator's deterministic random numbers (xoshiro256**, seeded through
// splitmix64). The same seed gives the same sequence on every platform: no std::
// distribution (whose algorithms the standard leaves to each library) is used.
#pragma once

#include <cstdint>
#include <span>

namespace eduledger::demo::internal {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (std::uint64_t& s : state_) s = SplitMix(&seed);
  }

  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }
  // Uniform in [0, n); n > 0.
  std::uint32_t Below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((Next() >> 32) * n) >> 32);
  }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  // An index drawn with the given weights (not necessarily summing to 1).
  std::size_t Weighted(std::span<const double> weights) {
    double total = 0;
    for (const double w : weights) total += w;
    double x = Unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  template <class T>
  const T& Pick(std::span<const T> items) {
    return items[Below(static_cast<std::uint32_t>(items.size()))];
  }

  // A seed for an independent stream `k` of `seed` (county k, staff of county k …).
  static std::uint64_t Derive(std::uint64_t seed, std::uint64_t k) {
    std::uint64_t x = seed ^ (k * 0x9E3779B97F4A7C15ULL);
    return SplitMix(&x);
  }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t SplitMix(std::uint64_t* x) {
    std::uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_[4];
};

}  // namespace eduledger::demo::internal
