#include "meta/school_type.h"

#include <charconv>

#include "meta/code_table.h"

namespace eduledger::meta {

namespace {

using L = EducationLevel;

// Codes and names as in DOMAIN.md §3.1 (two independent public code tables that agree).
constexpr SchoolTypeInfo kTypes[] = {
    {111, "幼儿园", L::kPreschool, -2, 0, false, false},
    {112, "独立设置的少数民族幼儿园", L::kPreschool, -2, 0, false, false},
    {119, "附设幼儿班", L::kPreschool, -2, 0, true, false},
    {211, "小学", L::kPrimary, -2, 6, false, false},
    {212, "独立设置的少数民族小学", L::kPrimary, -2, 6, false, false},
    {213, "一贯制学校小学部", L::kPrimary, 1, 6, false, false},
    {218, "小学教学点", L::kPrimary, -2, 6, false, true},
    {219, "附设小学班", L::kPrimary, 1, 6, true, false},
    {221, "成人小学", L::kAdult, 1, 6, false, false},
    {229, "扫盲班", L::kAdult, 1, 6, true, false},
    {311, "初级中学", L::kJunior, 7, 9, false, false},
    {312, "九年一贯制学校", L::kJunior, -2, 9, false, false},
    {313, "少数民族初中", L::kJunior, 7, 9, false, false},
    {314, "少数民族九年一贯制学校", L::kJunior, -2, 9, false, false},
    {319, "附设普通初中班", L::kJunior, 7, 9, true, false},
    {321, "职业初中", L::kJunior, 7, 9, false, false},
    {329, "附设职业初中班", L::kJunior, 7, 9, true, false},
    {331, "成人职工初中", L::kAdult, 7, 9, false, false},
    {332, "成人农民初中", L::kAdult, 7, 9, false, false},
    {341, "完全中学", L::kSenior, 7, 12, false, false},
    {342, "高级中学", L::kSenior, 10, 12, false, false},
    {343, "少数民族完全中学", L::kSenior, 7, 12, false, false},
    {344, "少数民族高级中学", L::kSenior, 10, 12, false, false},
    {345, "十二年一贯制学校", L::kSenior, -2, 12, false, false},
    {349, "附设普通高中班", L::kSenior, 10, 12, true, false},
    {351, "成人职工高中", L::kAdult, 10, 12, false, false},
    {352, "成人农民高中", L::kAdult, 10, 12, false, false},
    {361, "中等职业学校", L::kVocational, 10, 12, false, false},
    {362, "中等技术学校", L::kVocational, 10, 12, false, false},
    {363, "中等师范学校", L::kVocational, 10, 12, false, false},
    {364, "成人中等专业学校", L::kVocational, 10, 12, false, false},
    {365, "职业高中学校", L::kVocational, 10, 12, false, false},
    {366, "技工学校", L::kVocational, 10, 12, false, false},
    {368, "附设中职班", L::kVocational, 10, 12, true, false},
    {369, "其他中职机构", L::kVocational, 10, 12, false, false},
    {371, "专门学校", L::kJunior, 7, 12, false, false},
    {511, "盲人学校", L::kSpecial, -2, 12, false, false},
    {512, "聋人学校", L::kSpecial, -2, 12, false, false},
    {513, "培智学校", L::kSpecial, -2, 12, false, false},
    {514, "其他特殊教育学校", L::kSpecial, -2, 12, false, false},
    {518, "小学附设特教班", L::kSpecial, 1, 6, true, false},
    {519, "附设特教班", L::kSpecial, 1, 9, true, false},
};

struct Alias {
  std::string_view text;
  int code;
};

// Names clerks write for a type, beside the official ones.
constexpr Alias kAliases[] = {
    {"幼儿园", 111},       {"公办幼儿园", 111},   {"民办幼儿园", 111}, {"小学", 211},
    {"完小", 211},         {"完全小学", 211},     {"中心小学", 211},   {"教学点", 218},
    {"初中", 311},         {"初级中学", 311},     {"九年一贯制", 312}, {"九年制学校", 312},
    {"完中", 341},         {"高中", 342},         {"普通高中", 342},   {"十二年一贯制", 345},
    {"职业高中", 365},     {"职高", 365},         {"中职", 361},       {"职业中专", 361},
    {"中等专业学校", 361}, {"特殊教育学校", 514}, {"特教学校", 514},   {"工读学校", 371},
    {"成人中专", 364},
};

}  // namespace

const SchoolTypeInfo* FindSchoolType(int code) {
  for (const SchoolTypeInfo& t : kTypes) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

std::optional<int> ParseSchoolType(std::string_view text) {
  const std::string_view needle = internal::NormalizeForLookup(text);
  if (needle.empty()) return std::nullopt;
  int code = 0;
  const auto [ptr, ec] = std::from_chars(needle.data(), needle.data() + needle.size(), code);
  if (ec == std::errc() && ptr == needle.data() + needle.size()) {
    return FindSchoolType(code) ? std::optional<int>(code) : std::nullopt;
  }
  for (const SchoolTypeInfo& t : kTypes) {
    if (t.name == needle) return t.code;
  }
  for (const Alias& a : kAliases) {
    if (a.text == needle) return a.code;
  }
  return std::nullopt;
}

bool CountsAsSchool(int code) {
  const SchoolTypeInfo* t = FindSchoolType(code);
  return t != nullptr && !t->attached_class && !t->teaching_point;
}

bool IsTeachingPoint(int code) { return code == 218; }
bool IsVocational(int code) { return code >= 361 && code <= 369; }
bool IsSpecialEducation(int code) { return code >= 511 && code <= 519; }
bool IsAdult(int code) {
  return (code >= 221 && code <= 229) || code == 331 || code == 332 || code == 351 || code == 352;
}

bool AdmitsGrade(int code, int grade) {
  const SchoolTypeInfo* t = FindSchoolType(code);
  return t != nullptr && grade >= t->min_grade && grade <= t->max_grade;
}

EducationLevel LevelOf(int school_type, int grade) {
  if (IsSpecialEducation(school_type)) return L::kSpecial;
  if (IsAdult(school_type)) return L::kAdult;
  if (IsVocational(school_type)) return L::kVocational;
  if (grade <= 0) return L::kPreschool;
  if (grade <= 6) return L::kPrimary;
  if (grade <= 9) return L::kJunior;
  return L::kSenior;
}

std::vector<std::string_view> SchoolTypeNames() {
  std::vector<std::string_view> out;
  for (const SchoolTypeInfo& t : kTypes) out.push_back(t.name);
  return out;
}

}  // namespace eduledger::meta
