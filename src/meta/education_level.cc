#include "meta/education_level.h"

#include "meta/code_table.h"

namespace eduledger::meta {

namespace {
constexpr CodeEntry<EducationLevel> kLevels[] = {
    {EducationLevel::kPreschool, "preschool", "学前教育", "学前|幼儿园|学前班|幼教"},
    {EducationLevel::kPrimary, "primary", "小学", "小学阶段"},
    {EducationLevel::kJunior, "junior", "初中", "初中阶段|初级中学"},
    {EducationLevel::kSenior, "senior", "普通高中", "高中|高中阶段"},
    {EducationLevel::kVocational, "vocational", "中等职业教育", "中职|职高|职业高中|中专"},
    {EducationLevel::kSpecial, "special", "特殊教育", "特教"},
    {EducationLevel::kAdult, "adult", "成人教育", "成人"},
};
}  // namespace

std::string_view EducationLevelName(EducationLevel level) {
  return NameOf<EducationLevel>(kLevels, level);
}

std::string_view EducationLevelKey(EducationLevel level) {
  return CodeOf<EducationLevel>(kLevels, level);
}

std::optional<EducationLevel> ParseEducationLevel(std::string_view text) {
  return LookupCode<EducationLevel>(kLevels, text);
}

std::vector<std::string_view> EducationLevelNames() { return NamesOf<EducationLevel>(kLevels); }

}  // namespace eduledger::meta
