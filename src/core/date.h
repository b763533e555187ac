// Date: a calendar day (proleptic Gregorian), held as days since 1970-01-01. A default Date is
// "no date" (is_null()); every Date built by FromYmd or Parse is a real calendar day.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::core {

class Date {
 public:
  Date() = default;  // the null date

  // Build a date; InvalidArgument "bad_date" when it is not a real calendar day.
  static Result<Date> FromYmd(int year, int month, int day);
  static Date FromDays(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Today in China (UTC+8, no daylight saving).
  static Date Today();

  // Parse the ways a clerk writes a date: 2015-03-08, 2015/3/8, 2015.03.08, 20150308,
  // 2015年3月8日, with an optional time part (" 00:00:00") that is ignored. Empty text is
  // InvalidArgument "empty"; anything else that is not a real day is "bad_date".
  static Result<Date> Parse(std::string_view text);
  // Build a date from an Excel serial day number (1900 system: 1 = 1900-01-01, with Excel's
  // fictitious 1900-02-29 at 60). Serials below 61 or above year 9999 are "bad_date".
  static Result<Date> FromExcelSerial(double serial);

  bool is_null() const { return days_ == kNull; }
  std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  Date AddDays(int n) const { return Date(days_ + n); }

  // ISO 8601 "2015-03-08"; "" for the null date.
  std::string ToString() const;
  // "2015年3月8日"; "" for the null date.
  std::string ToChinese() const;

  // Completed years of age (周岁) on `on`; 0 when either date is null or `on` is earlier.
  int AgeOn(Date on) const;

  friend bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

 private:
  static constexpr std::int32_t kNull = INT32_MIN;
  explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = kNull;
};

// Parse a year and month: 2021-09, 2021/9, 202109, 2021年9月, 2021.9, or a full date whose day
// is dropped. Returns year*100+month (202109). Empty is "empty"; otherwise "bad_year_month".
Result<int> ParseYearMonth(std::string_view text);

}  // namespace eduledger::core
