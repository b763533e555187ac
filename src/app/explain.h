// Explain an indicator cell: its definition, its numbers, and the first records behind each
// count or sum its numerator and denominator are made of (engine/provenance.h), with names and
// ID numbers masked. What `eduledger explain` prints; the report links figures to the same.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/indicators.h"
#include "app/metadata.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

struct ExplainedRecord {
  std::string kind;  // "学生", "教职工", "班级", "报表数值"
  std::string org_code;
  std::string org_name;
  std::string name;    // masked
  std::string id;      // masked ID number, or the form's code
  std::string detail;  // grade and class; post; class size; disaggregation and value
};

// One count or sum of a side: the measure's text, its value, and its first records.
struct ExplainedMeasure {
  std::string text;         // "students(level = primary and end_status = dropped_out)"
  std::uint64_t total = 0;  // records
  double sum = 0;           // the measure's value: the records counted, or their values summed
  std::vector<ExplainedRecord> records;
};

struct Explanation {
  meta::Indicator def;
  IndicatorRow row;
  std::vector<ExplainedMeasure> numerator;
  std::vector<ExplainedMeasure> denominator;
};

// Explain `code` (or name) at `org` for `school_year` (0: the newest), listing up to `limit`
// records per measure.
core::Result<Explanation> ExplainIndicator(store::Store& store, const Actor& actor,
                                           const Metadata& md, const std::string& code,
                                           const std::string& org, int school_year,
                                           std::size_t limit);

}  // namespace eduledger::app
