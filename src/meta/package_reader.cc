#include <algorithm>
#include <set>

#include "core/file.h"
#include "core/text.h"
#include "meta/package_reader_internal.h"

namespace eduledger::meta::internal {

bool IsCode(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

namespace {

// "第 3 行第 14 列" of byte `offset` (0-based) in `text`.
std::string LineAndColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::size_t line = core::LineOfOffset(text, offset);
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t from = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  return "第 " + std::to_string(line) + " 行第 " +
         std::to_string(core::CodePointCount(text.substr(from, offset - from)) + 1) + " 列";
}

}  // namespace

json PackageReader::Load(const std::string& path, bool required) {
  auto bytes = core::ReadInputFile(path, std::uint64_t{64} << 20);
  if (!bytes.ok()) {
    if (required || bytes.status().reason() != "cannot_read") {
      Fault(path, "", std::string(bytes.status().message()));
    }
    return json();
  }
  const std::string& text = *bytes;
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is 1-based: the byte where the parser stopped.
    Fault(path, "",
          "不是有效的 JSON（" + LineAndColumn(text, e.byte == 0 ? 0 : e.byte - 1) +
              "附近有语法错误）");
  } catch (const json::out_of_range& e) {
    // A number past what a double holds ("1e999"): the library names the digits only.
    const std::string what = e.what();
    const std::size_t open = what.find('\'');
    const std::size_t close = open == std::string::npos ? open : what.find('\'', open + 1);
    const std::string number =
        close == std::string::npos ? std::string() : what.substr(open + 1, close - open - 1);
    const std::size_t at = number.empty() ? std::string::npos : text.find(number);
    Fault(path, "",
          "数字超出范围" + (number.empty() ? std::string() : "“" + number + "”") +
              (at == std::string::npos ? "" : "（" + LineAndColumn(text, at) + "）"));
  } catch (const json::exception& e) {
    Fault(path, "", "不是有效的 JSON（错误号 " + std::to_string(e.id) + "）");
  }
  return json();
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
                            const std::function<void(const std::string&, const json&)>& fn,
                            const std::string& prefix) {
  if (root.is_null()) return;
  if (!root.is_object() || !root.contains(list) || !root[list].is_array()) {
    Fault(file, prefix + list, std::string("应为 {\"") + list + "\": [...]}");
    return;
  }
  std::set<std::string> seen;
  const json& entries = root[list];
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const json& o = entries[i];
    std::string key = prefix + list + "[" + std::to_string(i) + "]";
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
        key = prefix + code;
      }
    }
    fn(key, o);
  }
}

}  // namespace eduledger::meta::internal
