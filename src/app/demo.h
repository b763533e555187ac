// The example county as a use case: generate it into a store as the actor (who must be allowed
// to write the register), audited as "demo.generate".
#pragma once

#include "app/actor.h"
#include "ingest/demo_county.h"

namespace eduledger::app {

core::Result<ingest::DemoSummary> GenerateDemoCounty(store::Store& store, const Actor& actor,
                                                     const ingest::DemoOptions& options);

}  // namespace eduledger::app
