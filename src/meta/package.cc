#include "meta/package.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace eduledger::meta {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr std::size_t kErrorsInMessage = 5;

bool IsCode(const std::string& s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

class Reader {
 public:
  explicit Reader(std::vector<PackageError>* errors) : errors_(errors) {}

  // The parsed file, or null (with the fault recorded). A missing optional file is empty.
  json Load(const std::string& path, bool required) {
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

  void Fault(const std::string& file, const std::string& key, std::string message) {
    errors_->push_back(PackageError{file, key, std::move(message)});
  }

  // Field `name` of `obj` as a string; records a fault when it is required and absent or
  // of another type.
  std::string Text(const std::string& file, const std::string& key, const json& obj,
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

  void UnknownKeys(const std::string& file, const std::string& key, const json& obj,
                   std::initializer_list<std::string_view> known) {
    for (const auto& [name, value] : obj.items()) {
      bool ok = false;
      for (const std::string_view k : known) ok = ok || k == name;
      if (!ok) Fault(file, key + "." + name, "未知的项 (拼写错误？)");
    }
  }

  void Indicators(const std::string& file, const json& root, Package* p) {
    if (root.is_null()) return;
    if (!root.is_object() || !root.contains("indicators") || !root["indicators"].is_array()) {
      Fault(file, "indicators", "应为 {\"indicators\": [...]}");
      return;
    }
    std::set<std::string> seen;
    const json& list = root["indicators"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& o = list[i];
      std::string key = "indicators[" + std::to_string(i) + "]";
      if (!o.is_object()) {
        Fault(file, key, "应为对象");
        continue;
      }
      Indicator ind;
      ind.code = Text(file, key, o, "code", true);
      if (!ind.code.empty()) {
        if (!IsCode(ind.code)) {
          Fault(file, key + ".code", "代码 '" + ind.code + "' 只能含小写字母、数字和下划线");
        }
        if (!seen.insert(ind.code).second) {
          Fault(file, key + ".code", "代码 '" + ind.code + "' 重复");
        }
        key = ind.code;
      }
      UnknownKeys(file, key, o,
                  {"code", "name", "numerator", "denominator", "factor", "unit", "unit_word",
                   "decimals", "splits", "definition", "basis"});
      ind.name = Text(file, key, o, "name", true);
      ind.numerator = Text(file, key, o, "numerator", true);
      ind.denominator = Text(file, key, o, "denominator", false);
      ind.definition = Text(file, key, o, "definition", false);
      ind.basis = Text(file, key, o, "basis", false);
      ind.unit_word = Text(file, key, o, "unit_word", false);
      const std::string unit = Text(file, key, o, "unit", true);
      if (unit == "%") {
        ind.unit = IndicatorUnit::kPercent;
        ind.factor = 100;
      } else if (unit == ":1") {
        ind.unit = IndicatorUnit::kRatio;
      } else if (unit == "count") {
        ind.unit = IndicatorUnit::kCount;
      } else if (!unit.empty()) {
        Fault(file, key + ".unit", "单位应为 \"%\"、\":1\" 或 \"count\"，而不是 '" + unit + "'");
      }
      if (o.contains("factor")) {
        if (!o["factor"].is_number() || o["factor"].get<double>() <= 0) {
          Fault(file, key + ".factor", "应为正数");
        } else {
          ind.factor = o["factor"].get<double>();
        }
      }
      if (o.contains("decimals")) {
        const json& d = o["decimals"];
        if (!d.is_number_integer() || d.get<int>() < 0 || d.get<int>() > 6) {
          Fault(file, key + ".decimals", "应为 0 到 6 的整数");
        } else {
          ind.decimals = d.get<int>();
        }
      }
      ind.split_by_sex = ind.split_by_grade = false;
      if (o.contains("splits")) {
        if (!o["splits"].is_array()) {
          Fault(file, key + ".splits", "应为数组，如 [\"sex\", \"grade\"]");
        } else {
          for (const json& s : o["splits"]) {
            if (s == "sex")
              ind.split_by_sex = true;
            else if (s == "grade")
              ind.split_by_grade = true;
            else
              Fault(file, key + ".splits", "未知的分组 " + s.dump() + " (可用: sex, grade)");
          }
        }
      }
      ind.package = p->name;
      p->indicators.push_back(std::move(ind));
    }
  }

 private:
  std::vector<PackageError>* errors_;
};

}  // namespace

std::string PackageError::ToString() const {
  std::string out = file;
  if (!key.empty()) out += ": " + key;
  return out + ": " + message;
}

Result<Package> ReadPackage(const std::string& directory, std::vector<PackageError>* errors) {
  std::vector<PackageError> local;
  std::vector<PackageError>* errs = errors ? errors : &local;
  errs->clear();
  Reader r(errs);
  Package p;
  p.directory = directory;
  const std::string manifest_path = directory + "/package.json";
  const json manifest = r.Load(manifest_path, true);
  if (manifest.is_object()) {
    p.name = r.Text(manifest_path, "package", manifest, "name", true);
    p.title = r.Text(manifest_path, "package", manifest, "title", false);
    p.version = r.Text(manifest_path, "package", manifest, "version", false);
    r.UnknownKeys(manifest_path, "package", manifest, {"name", "title", "version", "description"});
  } else if (!manifest.is_null()) {
    r.Fault(manifest_path, "", "应为 JSON 对象");
  }
  const std::string indicators_path = directory + "/indicators.json";
  r.Indicators(indicators_path, r.Load(indicators_path, false), &p);
  if (errs->empty()) return p;
  return PackageFaults("元数据包 " + directory, *errs);
}

Status PackageFaults(std::string_view what, const std::vector<PackageError>& errors) {
  std::string message = std::string(what) + " 有 " + std::to_string(errors.size()) + " 处错误:";
  for (std::size_t i = 0; i < errors.size() && i < kErrorsInMessage; ++i) {
    message += "\n  " + errors[i].ToString();
  }
  return Status::InvalidArgument("bad_package", message);
}

}  // namespace eduledger::meta
