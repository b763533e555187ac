#include "meta/ethnicity.h"

#include <array>
#include <charconv>

#include "meta/code_table.h"

namespace eduledger::meta {

namespace {

// GB/T 3304-1991, in code order: index i is code i + 1.
constexpr std::array<std::string_view, 56> kNames = {
    "汉族",     "蒙古族",   "回族",       "藏族",     "维吾尔族",   "苗族",   "彝族",     "壮族",
    "布依族",   "朝鲜族",   "满族",       "侗族",     "瑶族",       "白族",   "土家族",   "哈尼族",
    "哈萨克族", "傣族",     "黎族",       "傈僳族",   "佤族",       "畲族",   "高山族",   "拉祜族",
    "水族",     "东乡族",   "纳西族",     "景颇族",   "柯尔克孜族", "土族",   "达斡尔族", "仫佬族",
    "羌族",     "布朗族",   "撒拉族",     "毛南族",   "仡佬族",     "锡伯族", "阿昌族",   "普米族",
    "塔吉克族", "怒族",     "乌孜别克族", "俄罗斯族", "鄂温克族",   "德昂族", "保安族",   "裕固族",
    "京族",     "塔塔尔族", "独龙族",     "鄂伦春族", "赫哲族",     "门巴族", "珞巴族",   "基诺族",
};
constexpr std::string_view kOther = "其他";
constexpr std::string_view kForeign = "外国血统中国籍人士";

}  // namespace

std::optional<int> ParseEthnicity(std::string_view text) {
  if (text == "汉族") return 1;  // most cells
  const std::string_view needle = internal::NormalizeForLookup(text);
  if (needle.empty()) return std::nullopt;
  int code = 0;
  const auto [ptr, ec] = std::from_chars(needle.data(), needle.data() + needle.size(), code);
  if (ec == std::errc() && ptr == needle.data() + needle.size()) {
    if ((code >= 1 && code <= 56) || code == 97 || code == 98) return code;
    return std::nullopt;
  }
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    const std::string_view name = kNames[i];
    // "汉" for "汉族"; "蒙古" for "蒙古族".
    if (needle == name || (needle.size() + 3 == name.size() && name.starts_with(needle))) {
      return static_cast<int>(i) + 1;
    }
  }
  if (needle == kOther || needle == "其他民族") return 97;
  if (needle == kForeign) return 98;
  return std::nullopt;
}

std::string_view EthnicityName(int code) {
  if (code >= 1 && code <= 56) return kNames[static_cast<std::size_t>(code) - 1];
  if (code == 97) return kOther;
  if (code == 98) return kForeign;
  return "";
}

bool IsMinority(int code) { return (code >= 2 && code <= 56) || code == 97 || code == 98; }

std::vector<std::string_view> EthnicityNames() {
  std::vector<std::string_view> out(kNames.begin(), kNames.end());
  out.push_back(kOther);
  out.push_back(kForeign);
  return out;
}

}  // namespace eduledger::meta
