#include "meta/student.h"

#include "core/text.h"
#include "meta/code_table.h"

namespace eduledger::meta {

namespace {

constexpr CodeEntry<IdType> kIdTypes[] = {
    {IdType::kResidentId, "1", "居民身份证", "身份证|居民身份证号|港澳台居民居住证"},
    {IdType::kHongKong, "6", "香港特区护照/身份证明", "香港特区护照|香港身份证"},
    {IdType::kMacau, "7", "澳门特区护照/身份证明", "澳门特区护照|澳门身份证"},
    {IdType::kTaiwan, "8", "台湾居民来往大陆通行证", "台胞证"},
    {IdType::kForeignPermanent, "9", "境外永久居住证", ""},
    {IdType::kPassport, "A", "护照", "a"},
    {IdType::kOther, "Z", "其他", "z"},
};

constexpr CodeEntry<Sex> kSexes[] = {
    {Sex::kMale, "1", "男", "男性|male|m"},
    {Sex::kFemale, "2", "女", "女性|female|f"},
};

constexpr CodeEntry<Hukou> kHukous[] = {
    {Hukou::kAgricultural, "1", "农业户口", "农业|农村户口|农村"},
    {Hukou::kNonAgricultural, "2", "非农业户口", "非农业|城镇户口|城镇"},
    {Hukou::kResident, "3", "居民户口", "居民|统一居民户口"},
};

constexpr CodeEntry<Disability> kDisabilities[] = {
    {Disability::kNone, "0", "无", "否|非残疾"},
    {Disability::kVisual, "1", "视力残疾", "视力"},
    {Disability::kHearing, "2", "听力残疾", "听力"},
    {Disability::kSpeech, "3", "言语残疾", "言语"},
    {Disability::kPhysical, "4", "肢体残疾", "肢体"},
    {Disability::kIntellectual, "5", "智力残疾", "智力"},
    {Disability::kMental, "6", "精神残疾", "精神"},
    {Disability::kMultiple, "7", "多重残疾", "多重"},
};

constexpr CodeEntry<bool> kYesNo[] = {
    {true, "1", "是", "y|yes|true|√|有"},
    {false, "0", "否", "n|no|false|×|无"},
};

core::Status BadStudentNo(std::string_view why) {
  return core::Status::InvalidArgument("bad_student_no", "全国学籍号" + std::string(why));
}

}  // namespace

std::string_view IdTypeName(IdType type) { return NameOf<IdType>(kIdTypes, type); }
std::optional<IdType> ParseIdType(std::string_view text) {
  return LookupCode<IdType>(kIdTypes, text);
}

std::string_view SexName(Sex sex) { return NameOf<Sex>(kSexes, sex); }
std::optional<Sex> ParseSex(std::string_view text) { return LookupCode<Sex>(kSexes, text); }

std::string_view HukouName(Hukou hukou) { return NameOf<Hukou>(kHukous, hukou); }
std::optional<Hukou> ParseHukou(std::string_view text) { return LookupCode<Hukou>(kHukous, text); }

std::string_view DisabilityName(Disability d) { return NameOf<Disability>(kDisabilities, d); }
std::optional<Disability> ParseDisability(std::string_view text) {
  return LookupCode<Disability>(kDisabilities, text);
}

std::optional<bool> ParseYesNo(std::string_view text) {
  if (text == "是") return true;  // what nearly every cell holds
  if (text == "否" || text.empty()) return false;
  if (internal::NormalizeForLookup(text).empty()) return false;
  return LookupCode<bool>(kYesNo, text);
}

core::Status ValidateStudentNo(std::string_view student_no, core::Date today) {
  if (core::CodePointCount(student_no) != 19 || student_no.size() != 19) {
    return BadStudentNo("应为19位（G/J/L加18位）");
  }
  const char prefix = core::AsciiUpper(student_no[0]);
  const std::string_view body = student_no.substr(1);
  switch (prefix) {
    case 'G': {
      auto id = core::IdNumber::Parse(body, today);
      if (!id.ok())
        return BadStudentNo("G字头后的身份证号无效：" + std::string(id.status().message()));
      return core::Status::OK();
    }
    case 'J': {
      for (std::size_t i = 0; i < 17; ++i) {
        if (!core::IsAsciiDigit(body[i])) return BadStudentNo("J字头后应为身份证号结构");
      }
      if (core::AsciiUpper(body[17]) != core::IdNumber::CheckCharacter(body)) {
        return BadStudentNo("J字头号码校验码错误");
      }
      return core::Status::OK();
    }
    case 'L': {
      for (const char c : body) {
        if (!core::IsAsciiDigit(c)) return BadStudentNo("L字头后应为18位数字");
      }
      if (!core::Date::Parse(body.substr(6, 8)).ok()) {
        return BadStudentNo("L字头号码中的出生日期无效");
      }
      return core::Status::OK();
    }
    default:
      return BadStudentNo("应以G、J或L开头");
  }
}

std::vector<std::string_view> IdTypeNames() { return NamesOf<IdType>(kIdTypes); }

std::vector<std::string_view> SexNames() { return NamesOf<Sex>(kSexes); }

std::vector<std::string_view> HukouNames() { return NamesOf<Hukou>(kHukous); }

std::vector<std::string_view> DisabilityNames() { return NamesOf<Disability>(kDisabilities); }

}  // namespace eduledger::meta
