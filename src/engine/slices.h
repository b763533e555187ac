// Work split into contiguous slices, one per core: a pass over a large table's rows on every
// core, each slice writing its own output, which the caller then joins in slice order (so the
// result is the one a single pass gives).
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace eduledger::engine {

// How many slices `n` items make: one per core, each of at least `min_per_slice` items.
inline std::size_t SliceCount(std::size_t n, std::size_t min_per_slice) {
  const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  return std::clamp<std::size_t>(n / std::max<std::size_t>(1, min_per_slice), 1, cores);
}

// Call fn(slice, begin, end) for each of `slices` contiguous slices of [0, n), the first on
// this thread and the others on threads of their own; returns when all are done.
template <class Fn>
void ForEachSlice(std::size_t n, std::size_t slices, Fn fn) {
  std::vector<std::thread> workers;
  for (std::size_t s = 1; s < slices; ++s) {
    workers.emplace_back([&fn, s, n, slices] { fn(s, n * s / slices, n * (s + 1) / slices); });
  }
  fn(std::size_t{0}, std::size_t{0}, n / slices);
  for (std::thread& w : workers) w.join();
}

}  // namespace eduledger::engine
