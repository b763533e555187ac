#include "bench/cube/hand_loop.h"

#include <array>
#include <cstdint>
#include <vector>

#include "engine/cube.h"
#include "engine/field.h"

namespace eduledger::bench {

namespace {

using Counts = std::array<std::uint32_t, 4>;  // enrolled, dropped, graduated, promoted

}  // namespace

void HandLoopCube(const StudentColumns& c, CubeCells* cells) {
  constexpr int kCells = engine::kCellCount;
  constexpr auto kDropped = static_cast<std::uint8_t>(engine::EndStatus::kDroppedOut);
  constexpr auto kGraduated = static_cast<std::uint8_t>(engine::EndStatus::kGraduated);
  const std::size_t orgs = c.org_count();
  std::vector<Counts> counts(c.years.size() * orgs * kCells, Counts{});

  const std::size_t n = c.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t graduated = c.end_status[i] == kGraduated;
    const Counts add{1, c.end_status[i] == kDropped, graduated,
                     graduated & (c.next_level[i] != engine::kNextNotEnrolled &&
                                  c.next_level[i] != engine::kNextUnknown)};
    Counts* cell = &counts[(c.year[i] * orgs + c.school[i]) * kCells];
    Counts* targets[3] = {cell, cell + c.sex[i], cell + engine::GradeCell(c.grade[i])};
    for (Counts* to : targets) {
      for (int m = 0; m < 4; ++m) (*to)[m] += add[m];
    }
  }

  // Roll the schools up into their township and county.
  for (std::size_t y = 0; y < c.years.size(); ++y) {
    for (std::uint32_t s = 0; s < orgs; ++s) {
      if (c.org_level[s] != static_cast<std::uint8_t>(meta::OrgLevel::kSchool)) continue;
      const Counts* from = &counts[(y * orgs + s) * kCells];
      for (const meta::OrgLevel level : {meta::OrgLevel::kTownship, meta::OrgLevel::kCounty}) {
        const std::int32_t up = c.Above(s, level);
        if (up < 0) continue;
        Counts* to = &counts[(y * orgs + static_cast<std::size_t>(up)) * kCells];
        for (int k = 0; k < kCells; ++k) {
          for (int m = 0; m < 4; ++m) to[k][m] += from[k][m];
        }
      }
    }
  }

  CubeCells& out = *cells;
  out.Clear();
  for (std::size_t y = 0; y < c.years.size(); ++y) {
    for (std::uint32_t o = 0; o < orgs; ++o) {
      if (!ReportedLevel(static_cast<meta::OrgLevel>(c.org_level[o]))) continue;
      for (int k = 0; k < kCells; ++k) {
        const Counts& x = counts[(y * orgs + o) * kCells + static_cast<std::size_t>(k)];
        if (x[0] == 0) continue;
        CubeCell cell{c.years[y], o, k, x[0], x[1], x[2], x[3]};
        cell.SetRates();
        out.Add(cell);
      }
    }
  }
}

}  // namespace eduledger::bench
