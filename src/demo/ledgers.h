// The example county's programme ledgers: cases in every shipped ledger for every school year of
// its register, imported as sheets through `ledger import`'s path (app/case_import.h) the way a
// section would bring its own lists. They are made so that every ledger figure has a value and
// every cross-check has something to find: 控辍保学 cases persuaded back and some not, aid paid
// each term to the students of the eligible groups with a few missed this term, D-grade
// buildings sealed and demolished and one still in use, hazards found and fixed with some
// overdue and a 重大 one without all of 五落实, projects at every stage, teachers hired, trained
// and posted, inspections with their findings, petitions and tutoring institutions.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/date.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::demo {

struct DemoLedgersSummary {
  std::map<std::string, std::int64_t> opened;  // ledger code → cases opened
  std::int64_t updated = 0;                    // stored cases the sheets moved on
};

// Fill the shipped ledgers of a one-county demo whose register spans school years
// [first_year, last_year] and runs to `as_of`, as `actor`, from `seed`. Run after the register,
// the forms and the 控辍保学 cases the 学籍异动 opens (ledger sync), which it works on.
core::Result<DemoLedgersSummary> FillDemoLedgers(store::Store& store, const app::Actor& actor,
                                                 const app::Metadata& md, std::uint64_t seed,
                                                 int first_year, int last_year, core::Date as_of);

}  // namespace eduledger::demo
