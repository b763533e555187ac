// Student: one person, one record, keyed by the identity document (type and number), or by the
// 全国学籍号 when the document type has no number. Flags mark the groups summaries and aid
// programmes count (留守儿童, 随迁子女, 残疾, 建档立卡 …).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/id_number.h"
#include "core/result.h"

namespace eduledger::meta {

using core::Sex;

// 身份证件类型 of the 全国中小学生信息表 (DOMAIN.md §1.2). Stored as its one-character code.
enum class IdType : char {
  kResidentId = '1',        // 居民身份证 (and the 港澳台 residence permits)
  kHongKong = '6',          // 香港特区护照/身份证明
  kMacau = '7',             // 澳门特区护照/身份证明
  kTaiwan = '8',            // 台湾居民来往大陆通行证
  kForeignPermanent = '9',  // 境外永久居住证
  kPassport = 'A',          // 护照
  kOther = 'Z',             // 其他 (the number may be empty)
};
std::string_view IdTypeName(IdType type);
std::optional<IdType> ParseIdType(std::string_view text);
// The names ParseIdType accepts, in table order (error messages, import templates).
std::vector<std::string_view> IdTypeNames();
// True when numbers of this type follow GB 11643 and are checked with IdNumber::Parse.
inline bool IsGb11643(IdType type) { return type == IdType::kResidentId; }

std::string_view SexName(Sex sex);  // 男 / 女
std::optional<Sex> ParseSex(std::string_view text);
// The names ParseSex accepts, in table order (error messages, import templates).
std::vector<std::string_view> SexNames();

// 户口性质.
enum class Hukou : std::uint8_t {
  kUnknown = 0,
  kAgricultural = 1,
  kNonAgricultural = 2,
  kResident = 3
};
std::string_view HukouName(Hukou hukou);
std::optional<Hukou> ParseHukou(std::string_view text);
// The names ParseHukou accepts, in table order (error messages, import templates).
std::vector<std::string_view> HukouNames();

// 残疾类型 (the 残联 categories).
enum class Disability : std::uint8_t {
  kNone = 0,
  kVisual = 1,
  kHearing = 2,
  kSpeech = 3,
  kPhysical = 4,
  kIntellectual = 5,
  kMental = 6,
  kMultiple = 7,
};
std::string_view DisabilityName(Disability d);
std::optional<Disability> ParseDisability(std::string_view text);
// The names ParseDisability accepts, in table order (error messages, import templates).
std::vector<std::string_view> DisabilityNames();

// Flags, one bit each.
enum StudentFlag : std::uint32_t {
  kLeftBehind = 1u << 0,      // 留守儿童
  kMigrantChild = 1u << 1,    // 进城务工人员随迁子女
  kDisabled = 1u << 2,        // 残疾
  kRegisteredPoor = 1u << 3,  // 建档立卡 (脱贫家庭)
  kDibao = 1u << 4,           // 低保
  kExtremePoverty = 1u << 5,  // 特困供养
  kOrphan = 1u << 6,          // 孤儿
};

// Parse a yes/no cell: 是/否, Y/N, 1/0, true/false, √ and empty (= no).
std::optional<bool> ParseYesNo(std::string_view text);

struct Student {
  std::int64_t id = 0;  // store key; 0 until stored
  IdType id_type = IdType::kResidentId;
  std::string id_number;     // normalized: 18 characters for 居民身份证
  std::string id_number_15;  // the old 15-digit form as entered, when converted
  std::string student_no;    // 全国学籍号, 19 characters (G/J/L + 18)
  std::string name;
  Sex sex = Sex::kUnknown;
  core::Date birth_date;
  int ethnicity = 0;  // GB/T 3304 code
  Hukou hukou = Hukou::kUnknown;
  Disability disability = Disability::kNone;
  std::uint32_t flags = 0;  // StudentFlag bits

  bool Has(StudentFlag f) const { return (flags & f) != 0; }
  friend bool operator==(const Student&, const Student&) = default;
};

// Check a 全国学籍号: 19 characters, G/J/L then 18; for G the body must be a valid ID number
// (it may differ from the student's current one), for J it must be ID-shaped with a correct
// check character, for L it is region (6) + birth date (8) + 4 digits. InvalidArgument
// "bad_student_no" with the reason otherwise.
core::Status ValidateStudentNo(std::string_view student_no, core::Date today = core::Date::Today());

}  // namespace eduledger::meta
