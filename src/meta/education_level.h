// 学段: the level of education a student is counted in. A student's level follows from the
// school's type and the grade: a 九年一贯制 school's grade 7 is 初中, every student of a special
// school is 特殊教育, every student of a 中职 school is 中等职业教育.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace eduledger::meta {

enum class EducationLevel : std::uint8_t {
  kPreschool = 0,  // 学前教育
  kPrimary,        // 小学
  kJunior,         // 初中
  kSenior,         // 普通高中
  kVocational,     // 中等职业教育
  kSpecial,        // 特殊教育
  kAdult,          // 成人教育 (成人小学、初中、高中)
};
inline constexpr int kEducationLevelCount = 7;

inline constexpr std::array<EducationLevel, kEducationLevelCount> kAllEducationLevels = {
    EducationLevel::kPreschool, EducationLevel::kPrimary,    EducationLevel::kJunior,
    EducationLevel::kSenior,    EducationLevel::kVocational, EducationLevel::kSpecial,
    EducationLevel::kAdult};

// "学前教育", "小学", "初中", "普通高中", "中等职业教育", "特殊教育", "成人教育".
std::string_view EducationLevelName(EducationLevel level);
// "preschool", "primary", "junior", "senior", "vocational", "special", "adult".
std::string_view EducationLevelKey(EducationLevel level);
// Parse a name, a key or a common short form (学前, 幼儿园, 高中, 中职, 特教).
std::optional<EducationLevel> ParseEducationLevel(std::string_view text);
// The names ParseEducationLevel accepts, in table order (error messages, import templates).
std::vector<std::string_view> EducationLevelNames();

}  // namespace eduledger::meta
