#include "core/personal_data.h"

#include "core/text.h"

namespace eduledger::core {

std::string MaskIdNumber(std::string_view id_number) {
  if (id_number.empty()) return "";
  if (id_number.size() < 10) {
    std::string out(1, id_number.front());
    out.append(id_number.size() > 2 ? id_number.size() - 2 : 0, '*');
    if (id_number.size() > 1) out.push_back(id_number.back());
    return out;
  }
  std::string out(id_number.substr(0, 6));
  out.append(id_number.size() - 10, '*');
  out.append(id_number.substr(id_number.size() - 4));
  return out;
}

std::string MaskName(std::string_view name) {
  std::size_t pos = 0;
  if (name.empty()) return "";
  NextCodePoint(name, &pos);
  std::string out(name.substr(0, pos));
  out.append(CodePointCount(name.substr(pos)), '*');
  return out;
}

}  // namespace eduledger::core
