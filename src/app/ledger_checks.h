// The cross-checks of the programme ledgers that `validate` runs, by township and school:
//
//   overdue                     a case open past the deadline of its state (any ledger)
//   d_grade_in_use              a building graded D (整幢危房) still in use and not demolished
//   closed_without_acceptance   a hazard closed with no acceptance recorded
//   major_hazard_incomplete     a 重大 hazard under rectification without all of 措施、责任、
//                               资金、时限、预案 (五落实)
//   dropout_without_case        a dropout (辍学) of the statistics year's window at a school of
//                               compulsory education with no 控辍保学 case (run `ledger sync`)
//   no_responsible              a case of a ledger with responsible roles (控辍保学's 七长责任制)
//                               past its first state and not finished, with no one named
//   large_class_without_plan    大班额: a class of 56+ whose case has no 化解方案 yet, or one on
//                               the statistics year's snapshot with no case (run `ledger sync`)
//   aid_missed                  零疏漏: a student of an eligible group on the statistics year's
//                               roll not paid this term's aid of their level (app/aid_coverage.h)
//
// They name the shipped ledgers (hazard, building, dropout_control, student_aid, large_class); a
// package
// without one has nothing of it to check.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/date.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

struct LedgerFinding {
  std::string kind;  // as above
  std::string ledger_name;
  std::int64_t case_id = 0;  // 0 for a dropout without a case
  std::string township;      // "县直学校" for a school the county runs
  std::string org_code;
  std::string org_name;
  std::string message;  // Chinese
};

// The findings at the units the actor sees, judged on `on`, with the dropouts of [from, to]; by
// township, school, kind and case.
core::Result<std::vector<LedgerFinding>> CheckLedgers(store::Store& store, const Actor& actor,
                                                      const Metadata& md, core::Date from,
                                                      core::Date to, core::Date on);

}  // namespace eduledger::app
