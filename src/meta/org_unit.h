// OrgUnit: a node of the org-unit tree, province > city > county > township > school, with
// the attributes schools carry (type code, 办别, 城乡分类, boarding, small-scale). Codes are
// the 学校标识码 (10 digits) for schools and administrative division codes above them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eduledger::meta {

enum class OrgLevel : std::uint8_t {
  kProvince = 1,
  kCity = 2,
  kCounty = 3,
  kTownship = 4,
  kSchool = 5,
};

// "省", "市", "县", "乡镇", "学校".
std::string_view OrgLevelName(OrgLevel level);
std::optional<OrgLevel> ParseOrgLevel(std::string_view text);
// The names ParseOrgLevel accepts, in table order (error messages, import templates).
std::vector<std::string_view> OrgLevelNames();

// 办别 (DOMAIN.md §3.2). 公办 is everything except 民办.
enum class Ownership : std::uint8_t {
  kUnknown = 0,
  kEducationDept = 1,    // 教育部门办
  kOtherDept = 2,        // 其他部门办
  kLocalEnterprise = 3,  // 地方企业办
  kPrivate = 4,          // 民办
};

std::string_view OwnershipName(Ownership ownership);
// Parse a 办别 name, "公办" (read as 教育部门办) or "民办".
std::optional<Ownership> ParseOwnership(std::string_view text);
// The names ParseOwnership accepts, in table order (error messages, import templates).
std::vector<std::string_view> OwnershipNames();
inline bool IsPublic(Ownership o) { return o != Ownership::kUnknown && o != Ownership::kPrivate; }

// 城乡分类代码 (DOMAIN.md §3.3): 111 主城区, 112 城乡结合区, 121 镇中心区, 122 镇乡结合区,
// 123 特殊区域, 210 乡中心区, 220 村庄; 0 unknown.
enum class UrbanRuralBucket : std::uint8_t { kUnknown, kUrban, kTown, kRural };  // 城区 镇区 乡村
// Parse a code or a class name; the bucket names 城区, 镇区, 乡村 read as 111, 121, 220.
std::optional<int> ParseUrbanRural(std::string_view text);
// The names ParseUrbanRural accepts, in table order (error messages, import templates).
std::vector<std::string_view> UrbanRuralNames();
std::string_view UrbanRuralName(int code);
UrbanRuralBucket UrbanRuralBucketOf(int code);
std::string_view UrbanRuralBucketName(UrbanRuralBucket bucket);

struct OrgUnit {
  std::int64_t id = 0;  // store key; 0 until stored
  std::string code;     // 学校标识码 or division code; unique
  std::string name;
  std::int64_t parent_id = 0;  // 0 for the root
  OrgLevel level = OrgLevel::kSchool;
  // School attributes (level == kSchool); zero/unknown otherwise.
  int school_type = 0;  // 学校办学类型代码, e.g. 211
  Ownership ownership = Ownership::kUnknown;
  int urban_rural = 0;                 // 城乡分类代码
  bool boarding = false;               // 寄宿制学校
  bool small_scale = false;            // 乡村小规模学校
  std::int64_t central_school_id = 0;  // the school that runs a 教学点; 0 if none
  bool affordable = false;             // 普惠性 (a kindergarten: public, or 普惠性民办)

  friend bool operator==(const OrgUnit&, const OrgUnit&) = default;
};

}  // namespace eduledger::meta
