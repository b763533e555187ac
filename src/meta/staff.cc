#include "meta/staff.h"

#include "meta/code_table.h"

namespace eduledger::meta {

namespace {

constexpr CodeEntry<Post> kPosts[] = {
    {Post::kFullTimeTeacher, "1", "专任教师", "教师|专任|teacher"},
    {Post::kAdministrative, "2", "行政人员", "行政|管理人员"},
    {Post::kSupport, "3", "教辅人员", "教辅"},
    {Post::kWorker, "4", "工勤技能人员", "工勤人员|工勤"},
    {Post::kOther, "5", "其他", "校办企业职工|其他人员"},
};

constexpr CodeEntry<Title> kTitles[] = {
    {Title::kNone, "0", "未定职级", "未定级|无|未评"},
    {Title::kSeniorPlus, "1", "正高级教师", "正高级|正高"},
    {Title::kSenior, "2", "高级教师", "高级|中学高级教师|中学高级|副高"},
    {Title::kFirst, "3", "一级教师",
     "一级|中学一级教师|中教一级|中学一级|小学高级教师|小学高级|中级"},
    {Title::kSecond, "4", "二级教师", "二级|中学二级教师|中教二级|小学一级教师|小学一级|助理级"},
    {Title::kThird, "5", "三级教师", "三级|中学三级教师|小学二级教师|小学二级|小学三级教师|员级"},
};

constexpr CodeEntry<Qualification> kQualifications[] = {
    {Qualification::kDoctorate, "1", "博士研究生", "博士"},
    {Qualification::kMaster, "2", "硕士研究生", "硕士|研究生"},
    {Qualification::kBachelor, "3", "本科", "大学本科|学士"},
    {Qualification::kAssociate, "4", "专科", "大专|大学专科"},
    {Qualification::kSecondary, "5", "高中阶段", "高中|中专|中师|职高"},
    {Qualification::kBelowSecondary, "6", "高中阶段以下", "初中|初中及以下|高中以下"},
};

}  // namespace

std::string_view PostName(Post post) { return NameOf<Post>(kPosts, post); }
std::optional<Post> ParsePost(std::string_view text) { return LookupCode<Post>(kPosts, text); }

std::string_view TitleName(Title title) { return NameOf<Title>(kTitles, title); }
std::optional<Title> ParseTitle(std::string_view text) {
  if (internal::NormalizeForLookup(text).empty()) return Title::kNone;
  return LookupCode<Title>(kTitles, text);
}

std::string_view QualificationName(Qualification q) {
  return NameOf<Qualification>(kQualifications, q);
}
std::optional<Qualification> ParseQualification(std::string_view text) {
  return LookupCode<Qualification>(kQualifications, text);
}

std::vector<std::string_view> PostNames() { return NamesOf<Post>(kPosts); }

std::vector<std::string_view> TitleNames() { return NamesOf<Title>(kTitles); }

std::vector<std::string_view> QualificationNames() {
  return NamesOf<Qualification>(kQualifications);
}

}  // namespace eduledger::meta
