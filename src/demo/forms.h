// The example county's collected figures, filled through the forms workflow as the actor.
#pragma once

#include <cstdint>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::demo {

struct DemoFormsSummary {
  int submitted = 0;
  int approved = 0;
  int returned = 0;
  std::size_t values = 0;
};

// Fill the example county's forms (population by age, disabled children, exam results, school
// conditions) from its register with seeded noise, submit them and approve all but one
// (returned with a comment). Meant for a one-county demo.
core::Result<DemoFormsSummary> FillDemoForms(store::Store& store, const app::Actor& actor,
                                             const app::Metadata& md, std::uint64_t seed);

}  // namespace eduledger::demo
