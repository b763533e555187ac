// 学校(机构)办学类型代码: the MoE's 3-digit school type codes (DOMAIN.md §3.1), with what each
// type may enrol and how it is counted.
//
//   - 小学教学点 (218) is not counted in 学校数; national tables count 教学点 separately.
//   - 附设 classes (119, 219, 319, 329, 349, 368, 518, 519) are classes inside another school,
//     never schools of their own.
//   - Mixed-level schools (312, 341, 345, 514) count once under their type; their students are
//     split by level (LevelOf).
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "meta/education_level.h"

namespace eduledger::meta {

// What a school type is, for counting and for checking enrolments.
struct SchoolTypeInfo {
  int code;               // 211
  std::string_view name;  // 小学
  EducationLevel stage;   // the level it is listed under in 学校数 tables
  int min_grade;          // grades it may enrol (see grade.h): -2 小班 … 12 高三
  int max_grade;
  bool attached_class;  // 附设班: not a school
  bool teaching_point;  // 218
};
// The type with `code`, or nullptr.
const SchoolTypeInfo* FindSchoolType(int code);
// Parse "211", "小学" or a common name ("九年一贯制", "职高", "教学点"); nullopt when unknown.
std::optional<int> ParseSchoolType(std::string_view text);
// The names of the codes, in code order (error messages, import templates).
std::vector<std::string_view> SchoolTypeNames();

// True when the type counts in 学校数 (not a teaching point, not an attached class).
bool CountsAsSchool(int code);
bool IsTeachingPoint(int code);
// True for 中等职业教育 types (361-369).
bool IsVocational(int code);
// True for 特殊教育 schools (511-514) and their attached classes (518, 519).
bool IsSpecialEducation(int code);
// True for 成人 schools (221-229, 331, 332, 351, 352).
bool IsAdult(int code);
// True when a school of `code` may enrol `grade`.
bool AdmitsGrade(int code, int grade);

// The level a student of `grade` at a school of type `code` is counted in.
EducationLevel LevelOf(int school_type, int grade);

}  // namespace eduledger::meta
