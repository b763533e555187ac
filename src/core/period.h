// Periods: a school year (学年, 1 September to 31 August; "2024" is 2024-09-01..2025-08-31),
// its terms, calendar years, half-years, quarters and months. Every value and event belongs
// to one, and a school-year value says whether it is a stock at the statistics time point
// (as at 1 September) or a flow over the window that ends on 31 August (DOMAIN.md §2).
//
//   id          type          start        end
//   2024SY      school year   2024-09-01   2025-08-31
//   2024T1      term 1 (秋)   2024-09-01   2025-01-31
//   2024T2      term 2 (春)   2025-02-01   2025-08-31
//   2024        calendar year 2024-01-01   2024-12-31
//   2024H1/H2   half-year     Jan-Jun / Jul-Dec
//   2024Q3      quarter       2024-07-01   2024-09-30
//   202409      month
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace eduledger::core {

enum class PeriodType : unsigned char {
  kSchoolYear,
  kTerm,
  kCalendarYear,
  kHalfYear,
  kQuarter,
  kMonth,
};

class Period {
 public:
  static Period SchoolYear(int year);
  // term 1 (autumn) or 2 (spring) of school year `year`.
  static Period Term(int year, int term);
  static Period CalendarYear(int year);
  static Period HalfYear(int year, int half);
  static Period Quarter(int year, int quarter);
  static Period Month(int year, int month);

  // Parse an id of the table above; InvalidArgument "bad_period" otherwise.
  static Result<Period> Parse(std::string_view id);

  PeriodType type() const { return type_; }
  int year() const { return year_; }
  int index() const { return index_; }  // term, half, quarter or month number; 0 for years
  Date start() const { return start_; }
  Date end() const { return end_; }
  bool Contains(Date d) const { return !d.is_null() && start_ <= d && d <= end_; }

  std::string id() const;
  // "2024-2025学年", "2024年秋季学期", "2024年", "2024年上半年", "2024年第3季度", "2024年9月".
  std::string Label() const;

  friend bool operator==(const Period& a, const Period& b) {
    return a.type_ == b.type_ && a.year_ == b.year_ && a.index_ == b.index_;
  }

 private:
  Period(PeriodType type, int year, int index, Date start, Date end)
      : type_(type), year_(year), index_(index), start_(start), end_(end) {}
  PeriodType type_;
  int year_;
  int index_;
  Date start_;
  Date end_;
};

// The school year a date falls in: 2024-09-01..2025-08-31 → 2024.
int SchoolYearOf(Date d);
// "2024-2025学年".
std::string SchoolYearLabel(int school_year);
// Parse a school year as written: "2024", "2024学年", "2024-2025", "2024-2025学年",
// "2024—2025学年度". InvalidArgument "bad_school_year" otherwise (also when the two years do
// not follow each other).
Result<int> ParseSchoolYear(std::string_view text);

}  // namespace eduledger::core
