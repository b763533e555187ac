// IntersectCounts: the rows two counts of one table both count, as an expression.
#include "engine/count_intersection.h"

#include <gtest/gtest.h>

namespace eduledger::engine {
namespace {

TEST(CountIntersectionTest, JoinsTheFiltersOfTwoCountsOfOneTable) {
  EXPECT_EQ(IntersectCounts("students(level = junior)", "students(next_level = none)"),
            "students((level = junior) and (next_level = none))");
  // An or inside one filter stays grouped.
  EXPECT_EQ(IntersectCounts("students(grade = 1 or grade = 7)", "students(minority)"),
            "students(((grade = 1) or (grade = 7)) and minority)");
  // A count without a filter adds none.
  EXPECT_EQ(IntersectCounts("students()", "students(grade = 9)"), "students((grade = 9))");
  EXPECT_EQ(IntersectCounts("classes()", "classes()"), "classes()");
}

TEST(CountIntersectionTest, RefusesWhatIsNotOneCountOfTheSameTable) {
  EXPECT_FALSE(IntersectCounts("students(grade = 1)", "staff(post = fulltime_teacher)"));
  EXPECT_FALSE(IntersectCounts("students(grade = 1) + students(grade = 2)", "students()"));
  EXPECT_FALSE(IntersectCounts("years_before(8, students(grade = 1))", "students()"));
  EXPECT_FALSE(IntersectCounts("value(school_age_population)", "students()"));
  EXPECT_FALSE(IntersectCounts("students(grade = ", "students()"));
}

}  // namespace
}  // namespace eduledger::engine
