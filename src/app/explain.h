// Explain an indicator cell: its definition, its numbers, and the first records behind each
// count or sum its numerator and denominator are made of (engine/provenance.h), with names and
// ID numbers masked. What `eduledger explain` prints; the report links figures to the same.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/indicators.h"
#include "app/metadata.h"
#include "app/record_names.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

// One count or sum of a side: the measure's text, the school year it reads, its value, and
// its first records.
struct ExplainedMeasure {
  std::string text;         // "students(level = primary and end_status = dropped_out)"
  int school_year = 0;      // the school year whose rows it counts (a flow: the year before)
  std::string when;         // that year in words: "2017年9月1日（2017-2018学年初）"
  std::uint64_t total = 0;  // records
  double sum = 0;           // the measure's value: the records counted, or their values summed
  bool held = true;         // false: the register holds no rows of that school year at all
  std::vector<ExplainedRecord> records;
};

struct Explanation {
  meta::Indicator def;
  int year = 0;  // the statistics year
  core::Date snapshot;
  core::Period flow_window = core::Period::SchoolYear(1970);
  IndicatorRow row;
  std::vector<ExplainedMeasure> numerator;
  std::vector<ExplainedMeasure> denominator;
};

// Explain `code` (or name) at `org` for statistics year `year` (0: the latest whose snapshot
// has passed on `today`), listing up to `limit` records per measure.
core::Result<Explanation> ExplainIndicator(store::Store& store, const Actor& actor,
                                           const Metadata& md, const std::string& code,
                                           const std::string& org, int year, std::size_t limit,
                                           core::Date today = core::Date::Today());

}  // namespace eduledger::app
