// Masking of personal data for logs, error reports and views that do not need the whole value.
// Names, ID numbers and phone numbers never reach a log line unmasked.
#pragma once

#include <string>
#include <string_view>

namespace eduledger::core {

// "11010519491231002X" → "110105********002X": the address code and the last four characters
// stay. Values shorter than 10 characters keep only their first and last character.
std::string MaskIdNumber(std::string_view id_number);

// "张三" → "张*", "欧阳晓明" → "欧***": the first character stays.
std::string MaskName(std::string_view name);

}  // namespace eduledger::core
