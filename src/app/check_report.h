// Checking a hand-written summary as a use case: read it, check it, and, with a store, compare
// its figures with the register as the actor sees it (its scope, the org unit asked for).
#pragma once

#include <memory>
#include <string>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/result.h"
#include "report/summary_checker.h"
#include "store/store.h"

namespace eduledger::app {

struct CheckReportRequest {
  std::string path;
  int year = 0;                        // the year figures belong to when the text does not say
  store::Store* store = nullptr;       // compare with these records when given
  const Metadata* metadata = nullptr;  // the indicators the records are counted with
  std::string org;                     // the org unit the summary is about (default: the root)
};

struct CheckReportOutcome {
  report::Document document;
  report::CheckResult result;
};

core::Result<CheckReportOutcome> CheckReportFile(const Actor& actor,
                                                 const CheckReportRequest& request);

// The register's figures for `org` as a RecordSource: the package indicators of `md` (which
// must outlive it), a statistics year computed on demand and kept.
core::Result<std::unique_ptr<report::RecordSource>> RegisterRecords(store::Store& store,
                                                                    const Actor& actor,
                                                                    const Metadata& md,
                                                                    std::string_view org);

}  // namespace eduledger::app
