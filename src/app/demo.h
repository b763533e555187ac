// The example county as a use case: generate it into a store as the actor (who must be allowed
// to write the register), audited as "demo.generate".
#pragma once

#include "app/actor.h"
#include "app/metadata.h"
#include "ingest/demo_county.h"

namespace eduledger::app {

struct DemoFormsSummary {
  int submitted = 0;
  int approved = 0;
  int returned = 0;
  std::size_t values = 0;
};

// Fill the example county's forms (population by age, disabled children, exam results, school
// conditions) from its register with seeded noise, submit them and approve all but one
// (returned with a comment). Meant for a one-county demo.
core::Result<DemoFormsSummary> FillDemoForms(store::Store& store, const Actor& actor,
                                             const Metadata& md, std::uint64_t seed);

core::Result<ingest::DemoSummary> GenerateDemoCounty(store::Store& store, const Actor& actor,
                                                     const ingest::DemoOptions& options);

}  // namespace eduledger::app
