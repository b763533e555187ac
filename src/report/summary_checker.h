// The summary checker: reads a work summary and finds its unfilled blanks, its rates and
// shares that do not follow from the counts printed beside them, its parts that do not add up
// to their totals, its quantities stated twice with different values and, given the records,
// the figures the records contradict. docs/check-report.md describes each finding.
//
// The checker does not cry wolf: a rate is called wrong only when the counts it is computed
// from are named with it; a rate no stated pair supports is "unverifiable" (info), with the
// nearest candidate; approximate figures (余, 多, 近, 约, 左右) and rounded ones (3.4万) are
// compared as the ranges they stand for.
#pragma once

#include <vector>

#include "report/document.h"
#include "report/figure.h"
#include "report/finding.h"
#include "report/record_source.h"

namespace eduledger::report {

struct CheckOptions {
  int year = 0;                     // the year figures belong to when the text does not say
  RecordSource* records = nullptr;  // compare with the records when given
};

struct CheckSummary {
  int paragraphs = 0;
  int figures = 0;
  int rates_checked = 0;  // rates and shares with counts to check them against
  int rates_verified = 0;
  int sums_checked = 0;  // totals with their parts
  int records_compared = 0;
  int errors = 0;
  int warnings = 0;
  int infos = 0;
};

struct CheckResult {
  std::vector<Finding> findings;  // in document order
  CheckSummary summary;
  int year = 0;  // the document's year: --year, else the first year its title names; 0 if none
};

CheckResult CheckSummaryDocument(const Document& document, const CheckOptions& options);

}  // namespace eduledger::report
