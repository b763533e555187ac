#include "core/period.h"

#include <charconv>

#include "core/check.h"
#include "core/text.h"

namespace eduledger::core {

namespace {

Date Ymd(int y, int m, int d) {
  auto date = Date::FromYmd(y, m, d);
  EL_CHECK(date.ok());
  return *date;
}

Date LastDayOfMonth(int y, int m) {
  return (m == 12 ? Ymd(y + 1, 1, 1) : Ymd(y, m + 1, 1)).AddDays(-1);
}

bool ParseInt(std::string_view text, int* out) {
  if (text.empty()) return false;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

Period Period::SchoolYear(int year) {
  return Period(PeriodType::kSchoolYear, year, 0, Ymd(year, 9, 1), Ymd(year + 1, 8, 31));
}

Period Period::Term(int year, int term) {
  EL_CHECK(term == 1 || term == 2);
  return term == 1 ? Period(PeriodType::kTerm, year, 1, Ymd(year, 9, 1), Ymd(year + 1, 1, 31))
                   : Period(PeriodType::kTerm, year, 2, Ymd(year + 1, 2, 1), Ymd(year + 1, 8, 31));
}

Period Period::CalendarYear(int year) {
  return Period(PeriodType::kCalendarYear, year, 0, Ymd(year, 1, 1), Ymd(year, 12, 31));
}

Period Period::HalfYear(int year, int half) {
  EL_CHECK(half == 1 || half == 2);
  return half == 1 ? Period(PeriodType::kHalfYear, year, 1, Ymd(year, 1, 1), Ymd(year, 6, 30))
                   : Period(PeriodType::kHalfYear, year, 2, Ymd(year, 7, 1), Ymd(year, 12, 31));
}

Period Period::Quarter(int year, int quarter) {
  EL_CHECK(quarter >= 1 && quarter <= 4);
  const int first = (quarter - 1) * 3 + 1;
  return Period(PeriodType::kQuarter, year, quarter, Ymd(year, first, 1),
                LastDayOfMonth(year, first + 2));
}

Period Period::Month(int year, int month) {
  EL_CHECK(month >= 1 && month <= 12);
  return Period(PeriodType::kMonth, year, month, Ymd(year, month, 1), LastDayOfMonth(year, month));
}

Result<Period> Period::Parse(std::string_view id) {
  const Status bad = Status::InvalidArgument("bad_period", "无法识别的期间：" + std::string(id));
  int year = 0;
  if (id.size() < 4 || !ParseInt(id.substr(0, 4), &year) || year < 1900 || year > 9998) {
    return bad;
  }
  const std::string_view rest = id.substr(4);
  int n = 0;
  if (rest.empty()) return CalendarYear(year);
  if (rest == "SY") return SchoolYear(year);
  if (rest.size() == 2 && ParseInt(rest.substr(1), &n)) {
    if (rest[0] == 'T' && (n == 1 || n == 2)) return Term(year, n);
    if (rest[0] == 'H' && (n == 1 || n == 2)) return HalfYear(year, n);
    if (rest[0] == 'Q' && n >= 1 && n <= 4) return Quarter(year, n);
  }
  if (rest.size() == 2 && ParseInt(rest, &n) && n >= 1 && n <= 12) return Month(year, n);
  return bad;
}

std::string Period::id() const {
  const std::string y = std::to_string(year_);
  switch (type_) {
    case PeriodType::kSchoolYear:
      return y + "SY";
    case PeriodType::kTerm:
      return y + "T" + std::to_string(index_);
    case PeriodType::kCalendarYear:
      return y;
    case PeriodType::kHalfYear:
      return y + "H" + std::to_string(index_);
    case PeriodType::kQuarter:
      return y + "Q" + std::to_string(index_);
    case PeriodType::kMonth:
      return y + (index_ < 10 ? "0" : "") + std::to_string(index_);
  }
  return y;
}

std::string Period::Label() const {
  const std::string y = std::to_string(year_);
  switch (type_) {
    case PeriodType::kSchoolYear:
      return SchoolYearLabel(year_);
    case PeriodType::kTerm:
      return index_ == 1 ? y + "年秋季学期" : std::to_string(year_ + 1) + "年春季学期";
    case PeriodType::kCalendarYear:
      return y + "年";
    case PeriodType::kHalfYear:
      return y + (index_ == 1 ? "年上半年" : "年下半年");
    case PeriodType::kQuarter:
      return y + "年第" + std::to_string(index_) + "季度";
    case PeriodType::kMonth:
      return y + "年" + std::to_string(index_) + "月";
  }
  return y;
}

int SchoolYearOf(Date d) { return d.month() >= 9 ? d.year() : d.year() - 1; }

Result<int> ParseSchoolYear(std::string_view text) {
  std::string_view t = TrimSpace(text);
  const Status bad =
      Status::InvalidArgument("bad_school_year", "无法识别的学年：" + std::string(text));
  for (std::string_view suffix : {"学年度", "学年", "年度", "年"}) {
    if (t.ends_with(suffix)) {
      t.remove_suffix(suffix.size());
      break;
    }
  }
  int first = 0;
  if (t.size() < 4 || !ParseInt(t.substr(0, 4), &first) || first < 1900 || first > 9998) return bad;
  std::string_view rest = t.substr(4);
  if (rest.empty()) return first;
  for (std::string_view dash : {"-", "—", "－", "~", "/", "至"}) {
    if (rest.starts_with(dash)) {
      rest.remove_prefix(dash.size());
      int second = 0;
      if (rest.size() == 4 && ParseInt(rest, &second) && second == first + 1) return first;
      return bad;
    }
  }
  return bad;
}

std::string SchoolYearLabel(int school_year) {
  return std::to_string(school_year) + "-" + std::to_string(school_year + 1) + "学年";
}

}  // namespace eduledger::core
