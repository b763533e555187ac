// 民族: the 2-digit codes of GB/T 3304 (01 汉族 … 56 基诺族, 97 其他, 98 外国血统中国籍人士).
// 0 means "not given". Minority (少数民族) is every known code except 01.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace eduledger::meta {

// Parse "汉族", "汉", "01" or "1"; nullopt when unknown.
std::optional<int> ParseEthnicity(std::string_view text);
// The 56 names of GB/T 3304 and 其他, 外国血统中国籍人士 (error messages, import templates).
std::vector<std::string_view> EthnicityNames();
// "汉族"; "" for 0 or an unknown code.
std::string_view EthnicityName(int code);
bool IsMinority(int code);

}  // namespace eduledger::meta
