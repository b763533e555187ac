// The example county (示例县): a realistic register generated deterministically from a seed, for
// demos, tests and benchmarks. One county has ten townships and 108 schools of the kinds a real
// county has, about 32,000 students enrolled in each of ten school years with admissions,
// promotions, transfers, dropouts and returns at realistic rates, and about 2,100 staff. The
// ID numbers are valid (GB 11643) and unique; the names are made up.
//
// --scale K generates K such counties under one province (K=300: about ten million students
// enrolled per school year). County k's records depend only on the seed and k, so county 1 is
// the same at every scale. Each county's register is written in one transaction; its status
// events then go through the events import, as a county's 学籍异动 file would.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "app/actor.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::demo {

struct DemoOptions {
  std::uint64_t seed = 20261123;
  int scale = 1;         // counties, 1..900
  int last_year = 2026;  // the newest school year
  int years = 10;        // school years of enrolments, ending at last_year (巩固率 looks 8 back)
  // Called after each county with (counties done, counties in all).
  std::function<void(int done, int total)> progress;
};

struct DemoSummary {
  int counties = 0;
  std::int64_t org_units = 0;
  std::int64_t students = 0;
  std::int64_t enrolments = 0;
  std::int64_t events = 0;
  std::int64_t staff = 0;
  std::int64_t staff_assignments = 0;
  core::Date as_of;  // events are generated up to this day
};

// Generate the example register into `store`, which must hold no org units yet.
core::Result<DemoSummary> GenerateDemo(store::Store& store, const DemoOptions& options,
                                       const store::AuditContext& audit);

// The same as a use case: as `actor`, who must be allowed to write the register (else
// PermissionDenied), audited as "demo.generate".
core::Result<DemoSummary> GenerateDemoCounty(store::Store& store, const app::Actor& actor,
                                             const DemoOptions& options);

}  // namespace eduledger::demo
