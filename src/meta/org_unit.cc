#include "meta/org_unit.h"

#include "meta/code_table.h"

namespace eduledger::meta {

namespace {

constexpr CodeEntry<OrgLevel> kLevels[] = {
    {OrgLevel::kProvince, "1", "省", "省级|province"},
    {OrgLevel::kCity, "2", "市", "市级|地市|city"},
    {OrgLevel::kCounty, "3", "县", "县级|区县|县区|county"},
    {OrgLevel::kTownship, "4", "乡镇", "乡|镇|街道|乡镇街道|township"},
    {OrgLevel::kSchool, "5", "学校", "school"},
};

constexpr CodeEntry<Ownership> kOwnerships[] = {
    {Ownership::kEducationDept, "1", "教育部门办", "公办|教育部门|教育部门和集体办|public"},
    {Ownership::kOtherDept, "3", "其他部门办", "其他部门"},
    {Ownership::kLocalEnterprise, "5", "地方企业办", "地方企业|企业办"},
    {Ownership::kPrivate, "2", "民办", "private"},
};

constexpr CodeEntry<int> kUrbanRural[] = {
    {111, "111", "主城区", "城区"},    {112, "112", "城乡结合区", ""},
    {121, "121", "镇中心区", "镇区"},  {122, "122", "镇乡结合区", ""},
    {123, "123", "特殊区域", ""},      {210, "210", "乡中心区", ""},
    {220, "220", "村庄", "乡村|农村"},
};

}  // namespace

std::string_view OrgLevelName(OrgLevel level) { return NameOf<OrgLevel>(kLevels, level); }
std::optional<OrgLevel> ParseOrgLevel(std::string_view text) {
  return LookupCode<OrgLevel>(kLevels, text);
}

std::string_view OwnershipName(Ownership ownership) {
  return NameOf<Ownership>(kOwnerships, ownership);
}
std::optional<Ownership> ParseOwnership(std::string_view text) {
  return LookupCode<Ownership>(kOwnerships, text);
}

std::optional<int> ParseUrbanRural(std::string_view text) {
  return LookupCode<int>(kUrbanRural, text);
}
std::string_view UrbanRuralName(int code) { return NameOf<int>(kUrbanRural, code); }

UrbanRuralBucket UrbanRuralBucketOf(int code) {
  if (code == 111 || code == 112) return UrbanRuralBucket::kUrban;
  if (code >= 121 && code <= 123) return UrbanRuralBucket::kTown;
  if (code == 210 || code == 220) return UrbanRuralBucket::kRural;
  return UrbanRuralBucket::kUnknown;
}

std::string_view UrbanRuralBucketName(UrbanRuralBucket bucket) {
  switch (bucket) {
    case UrbanRuralBucket::kUrban:
      return "城区";
    case UrbanRuralBucket::kTown:
      return "镇区";
    case UrbanRuralBucket::kRural:
      return "乡村";
    case UrbanRuralBucket::kUnknown:
      break;
  }
  return "未知";
}

std::vector<std::string_view> OrgLevelNames() { return NamesOf<OrgLevel>(kLevels); }

std::vector<std::string_view> OwnershipNames() { return NamesOf<Ownership>(kOwnerships); }

std::vector<std::string_view> UrbanRuralNames() { return NamesOf<int>(kUrbanRural); }

}  // namespace eduledger::meta
