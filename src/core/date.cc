#include "core/date.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace eduledger::core {

namespace {

namespace chr = std::chrono;

chr::year_month_day Ymd(std::int32_t days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

// Split text into up to four runs of ASCII digits; everything between runs is a separator.
struct DigitRuns {
  std::string_view runs[4];
  int count = 0;
  bool overflow = false;
};

DigitRuns SplitDigits(std::string_view text) {
  DigitRuns out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAsciiDigit(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsAsciiDigit(text[j])) ++j;
    if (out.count == 4) {
      out.overflow = true;
      break;
    }
    out.runs[out.count++] = text.substr(i, j - i);
    i = j;
  }
  return out;
}

int ToInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// True when every non-digit byte of `text` is a separator a date may contain.
bool OnlyDateSeparators(std::string_view text) {
  std::string_view rest = text;
  while (!rest.empty()) {
    const char c = rest.front();
    if (IsAsciiDigit(c) || c == '-' || c == '/' || c == '.' || c == ' ') {
      rest.remove_prefix(1);
      continue;
    }
    bool matched = false;
    for (std::string_view sep : {"年", "月", "日", "号"}) {
      if (rest.starts_with(sep)) {
        rest.remove_prefix(sep.size());
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

// Drop a trailing time of day ("2015-03-08 00:00:00", "2015-03-08T08:30") from a date.
std::string_view StripTime(std::string_view text) {
  const std::size_t cut = text.find_first_of(" T");
  if (cut == std::string_view::npos || cut < 8) return text;
  const std::string_view time = text.substr(cut + 1);
  if (time.empty() || time.find(':') == std::string_view::npos) return text;
  for (const char c : time) {
    if (!IsAsciiDigit(c) && c != ':' && c != '.') return text;
  }
  return text.substr(0, cut);
}

Status BadDate(std::string_view text) {
  return Status::InvalidArgument("bad_date", "不是有效日期：" + std::string(text));
}

}  // namespace

Result<Date> Date::FromYmd(int year, int month, int day) {
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || !ymd.ok()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d-%02d-%02d", year, month, day);
    return BadDate(buf);
  }
  return Date(chr::sys_days{ymd}.time_since_epoch().count());
}

Date Date::Today() {
  const auto now = chr::system_clock::now() + chr::hours{8};
  return Date(chr::floor<chr::days>(now).time_since_epoch().count());
}

Result<Date> Date::Parse(std::string_view text) {
  text = TrimSpace(text);
  if (text.empty()) return Status::InvalidArgument("empty", "日期为空");
  const std::string_view date_part = StripTime(text);
  if (!OnlyDateSeparators(date_part)) return BadDate(text);
  const DigitRuns runs = SplitDigits(date_part);
  if (runs.overflow || runs.count > 3) return BadDate(text);
  if (runs.count == 1 && runs.runs[0].size() == 8) {
    // 20150308
    const std::string_view d = runs.runs[0];
    return FromYmd(ToInt(d.substr(0, 4)), ToInt(d.substr(4, 2)), ToInt(d.substr(6, 2)));
  }
  if (runs.count < 3 || runs.runs[0].size() != 4 || runs.runs[1].size() > 2 ||
      runs.runs[2].size() > 2) {
    return BadDate(text);
  }
  auto date = FromYmd(ToInt(runs.runs[0]), ToInt(runs.runs[1]), ToInt(runs.runs[2]));
  if (!date.ok()) return BadDate(text);
  return date;
}

Result<Date> Date::FromExcelSerial(double serial) {
  if (!std::isfinite(serial) || serial < 61 || serial > 2958465) {
    return Status::InvalidArgument("bad_date", "不是有效的 Excel 日期序号");
  }
  // Serial 25569 is 1970-01-01 (serials from 61 on are exact days after Excel's 1900-02-29).
  return Date(static_cast<std::int32_t>(std::floor(serial)) - 25569);
}

int Date::year() const { return static_cast<int>(Ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).day())); }

std::string Date::ToString() const {
  if (is_null()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

std::string Date::ToChinese() const {
  if (is_null()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d年%d月%d日", year(), month(), day());
  return buf;
}

int Date::AgeOn(Date on) const {
  if (is_null() || on.is_null() || on < *this) return 0;
  int age = on.year() - year();
  if (on.month() < month() || (on.month() == month() && on.day() < day())) --age;
  return age;
}

Result<int> ParseYearMonth(std::string_view text) {
  text = TrimSpace(text);
  if (text.empty()) return Status::InvalidArgument("empty", "年月为空");
  const Status bad =
      Status::InvalidArgument("bad_year_month", "不是有效年月：" + std::string(text));
  if (!OnlyDateSeparators(text)) return bad;
  const DigitRuns runs = SplitDigits(text);
  int year = 0;
  int month = 0;
  if (runs.count == 1 && (runs.runs[0].size() == 6 || runs.runs[0].size() == 8)) {
    year = ToInt(runs.runs[0].substr(0, 4));
    month = ToInt(runs.runs[0].substr(4, 2));
  } else if ((runs.count == 2 || runs.count == 3) && runs.runs[0].size() == 4 &&
             runs.runs[1].size() <= 2) {
    year = ToInt(runs.runs[0]);
    month = ToInt(runs.runs[1]);
  } else {
    return bad;
  }
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return bad;
  return year * 100 + month;
}

}  // namespace eduledger::core
