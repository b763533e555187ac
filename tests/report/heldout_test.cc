// The checker on eleven sets of passages written for this team by writers who never saw the
// checker's code, each with its answer key (key.tsv: a file is clean, or holds one planted
// fault of a kind at a figure). Each set was measured once as it came, then the causes of
// what it missed or called wrong were fixed (the closing notes give both figures); here the
// sets guard those fixes: no clean figure may ever be called wrong, and the faults found may
// not fall below what is found today.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/document.h"
#include "report/summary_checker.h"

namespace eduledger::report {
namespace {

struct Tally {
  int planted = 0, found = 0, false_errors = 0, false_warnings = 0;
};

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, '\t');) out.push_back(field);
  return out;
}

Tally Score(const std::filesystem::path& set) {
  Tally t;
  std::ifstream key(set / "key.tsv");
  EXPECT_TRUE(key.good()) << set;
  for (std::string line; std::getline(key, line);) {
    const std::vector<std::string> k = Split(line);
    if (k.size() < 2) continue;
    SCOPED_TRACE(set.filename().string() + "/" + k[0]);
    auto doc = ReadDocument((set / k[0]).string());
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    if (!doc.ok()) continue;
    const CheckResult r = CheckSummaryDocument(*doc, {});
    const bool fault = k[1] == "fault" && k.size() >= 4;
    bool hit = false;
    for (const Finding& f : r.findings) {
      const bool serious = f.severity != Severity::kInfo;
      if (fault && !hit && serious && f.text.starts_with(k[3])) {
        hit = true;
        continue;
      }
      if (f.severity == Severity::kError) ++t.false_errors;
      if (f.severity == Severity::kWarning) ++t.false_warnings;
      EXPECT_EQ(f.severity, Severity::kInfo)
          << FindingKindKey(f.kind) << " at " << f.text << ": " << f.reason;
    }
    if (fault) {
      ++t.planted;
      t.found += hit;
    }
  }
  return t;
}

TEST(HeldOutTest, NothingCleanIsCalledWrongAndTheFaultsFoundDoNotFall) {
  const std::filesystem::path root =
      std::filesystem::path(EDULEDGER_SOURCE_DIR) / "tests/report/heldout";
  Tally all;
  for (int set = 1; set <= 12; ++set) {
    const Tally t = Score(root / ("set" + std::to_string(set)));
    std::printf("set %d: %d of %d planted faults found, false errors %d, false warnings %d\n", set,
                t.found, t.planted, t.false_errors, t.false_warnings);
    all.planted += t.planted;
    all.found += t.found;
    all.false_errors += t.false_errors;
    all.false_warnings += t.false_warnings;
  }
  EXPECT_EQ(all.planted, 242);
  EXPECT_EQ(all.false_errors, 0);
  EXPECT_EQ(all.false_warnings, 0);
  EXPECT_GE(all.found, 226);  // found today: raise it as causes are fixed, never lower it
  RecordProperty("found", all.found);
}

}  // namespace
}  // namespace eduledger::report
