#include <fstream>
#include <set>
#include <sstream>

#include "meta/package_reader_internal.h"

namespace eduledger::meta::internal {

bool IsCode(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

json PackageReader::Load(const std::string& path, bool required) {
  std::ifstream in(path);
  if (!in) {
    if (required) Fault(path, "", "文件不存在或无法读取");
    return json();
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    return json::parse(buffer.str());
  } catch (const json::parse_error& e) {
    Fault(path, "", "不是有效的 JSON (第 " + std::to_string(e.byte) + " 字节): " + e.what());
    return json();
  }
}

void PackageReader::Fault(const std::string& file, const std::string& key, std::string message) {
  errors_->push_back(PackageError{file, key, std::move(message)});
}

std::string PackageReader::Text(const std::string& file, const std::string& key, const json& obj,
                                const char* name, bool required) {
  const auto it = obj.find(name);
  if (it == obj.end()) {
    if (required) Fault(file, key + "." + name, "缺少必填项");
    return {};
  }
  if (!it->is_string()) {
    Fault(file, key + "." + name, "应为字符串");
    return {};
  }
  return it->get<std::string>();
}

std::vector<std::string> PackageReader::Texts(const std::string& file, const std::string& key,
                                              const json& obj, const char* name) {
  std::vector<std::string> out;
  const auto it = obj.find(name);
  if (it == obj.end()) return out;
  if (!it->is_array()) {
    Fault(file, key + "." + name, "应为字符串数组");
    return out;
  }
  for (const json& v : *it) {
    if (v.is_string())
      out.push_back(v.get<std::string>());
    else
      Fault(file, key + "." + name, "应为字符串数组，而含有 " + v.dump());
  }
  return out;
}

void PackageReader::UnknownKeys(const std::string& file, const std::string& key, const json& obj,
                                std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : obj.items()) {
    bool ok = false;
    for (const std::string_view k : known) ok = ok || k == name;
    if (!ok) Fault(file, key + "." + name, "未知的项 (拼写错误？)");
  }
}

void PackageReader::Entries(const std::string& file, const json& root, const char* list, bool coded,
                            const std::function<void(const std::string&, const json&)>& fn) {
  if (root.is_null()) return;
  if (!root.is_object() || !root.contains(list) || !root[list].is_array()) {
    Fault(file, list, std::string("应为 {\"") + list + "\": [...]}");
    return;
  }
  std::set<std::string> seen;
  const json& entries = root[list];
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const json& o = entries[i];
    std::string key = std::string(list) + "[" + std::to_string(i) + "]";
    if (!o.is_object()) {
      Fault(file, key, "应为对象");
      continue;
    }
    if (coded) {
      const std::string code = Text(file, key, o, "code", true);
      if (!code.empty()) {
        if (!IsCode(code)) {
          Fault(file, key + ".code", "代码 '" + code + "' 只能含小写字母、数字和下划线");
        }
        if (!seen.insert(code).second) Fault(file, key + ".code", "代码 '" + code + "' 重复");
        key = code;
      }
    }
    fn(key, o);
  }
}

}  // namespace eduledger::meta::internal
