#include "meta/grade.h"

#include <charconv>

#include "core/text.h"
#include "meta/code_table.h"
#include "meta/school_type.h"

namespace eduledger::meta {

namespace {

constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五",   "六",
                                        "七", "八", "九", "十", "十一", "十二"};

// Parse "1".."12" or 一..十二 at the start of `text`; returns the number and its length.
int LeadingNumber(std::string_view text, std::size_t* len) {
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && ptr != text.data()) {
    *len = static_cast<std::size_t>(ptr - text.data());
    return value;
  }
  // Longest match first: 十二 before 十 and 二.
  for (int n = 12; n >= 1; --n) {
    if (text.starts_with(kDigits[n - 1])) {
      *len = kDigits[n - 1].size();
      return n;
    }
  }
  *len = 0;
  return 0;
}

core::Status BadGrade(std::string_view text) {
  return core::Status::InvalidArgument("bad_grade", "无法识别的年级：" + std::string(text));
}

// The first grade of the stage a school of `school_type` starts at: 7 for 初中 and 10 for
// 高中/中职 schools, 1 otherwise.
int StageBase(int school_type) {
  const SchoolTypeInfo* t = FindSchoolType(school_type);
  if (t == nullptr) return 1;
  if (t->min_grade == 7) return 7;
  if (t->min_grade == 10) return 10;
  return 1;
}

}  // namespace

core::Result<int> ParseGrade(std::string_view raw, int school_type) {
  const std::string_view text = internal::NormalizeForLookup(raw);
  if (text.empty()) return core::Status::InvalidArgument("empty", "年级为空");
  if (text == "小班" || text == "托小班") return -2;
  if (text == "中班") return -1;
  if (text == "大班" || text == "学前班") return 0;

  std::string_view rest = text;
  int base = 0;  // 0: stage-relative number, resolved against the school type
  for (const auto& [prefix, start] : {std::pair<std::string_view, int>{"小学", 1},
                                      {"初中", 7},
                                      {"初", 7},
                                      {"高中", 10},
                                      {"高", 10},
                                      {"中职", 10},
                                      {"职高", 10},
                                      {"中专", 10}}) {
    if (rest.starts_with(prefix)) {
      rest.remove_prefix(prefix.size());
      base = start;
      break;
    }
  }
  std::size_t len = 0;
  const int n = LeadingNumber(rest, &len);
  if (n == 0) return BadGrade(raw);
  rest.remove_prefix(len);
  if (!(rest.empty() || rest == "年级" || rest == "年")) return BadGrade(raw);

  int grade;
  if (base != 0) {
    if (n > (base == 1 ? 6 : 3)) return BadGrade(raw);
    grade = base + n - 1;
  } else if (n > 3 || StageBase(school_type) == 1) {
    grade = n;  // 七年级 is 7 wherever it is written
  } else {
    grade = StageBase(school_type) + n - 1;
  }
  if (grade < 1 || grade > kMaxGrade) return BadGrade(raw);
  return grade;
}

std::string GradeName(int grade, int school_type) {
  switch (grade) {
    case -2:
      return "小班";
    case -1:
      return "中班";
    case 0:
      return "大班";
    default:
      break;
  }
  if (grade < 1 || grade > kMaxGrade) return "";
  if (grade >= 10 && IsVocational(school_type)) {
    return std::string("中职") + std::string(kDigits[grade - 10]) + "年级";
  }
  if (grade >= 10) return std::string("高") + std::string(kDigits[grade - 10]);
  // At a school whose numbers are stage-relative, "一年级" would read as its first stage year.
  const std::string prefix = grade <= 3 && StageBase(school_type) != 1 ? "小学" : "";
  return prefix + std::string(kDigits[grade - 1]) + "年级";
}

}  // namespace eduledger::meta
