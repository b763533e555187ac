#include "meta/package.h"

#include "core/text.h"
#include "meta/package_reader_internal.h"

namespace eduledger::meta {

using core::Result;
using core::Status;
using internal::json;
using internal::PackageReader;

namespace {

constexpr std::size_t kErrorsInMessage = 5;

void ReadIndicator(PackageReader& r, const std::string& file, const std::string& key, const json& o,
                   Package* p) {
  r.UnknownKeys(file, key, o,
                {"code", "name", "category", "numerator", "denominator", "factor", "unit",
                 "unit_word", "decimals", "splits", "spread_weight", "mean_of", "flow", "universe",
                 "applies_down_to", "not_applicable_reason", "definition", "basis"});
  Indicator ind;
  ind.code = r.Text(file, key, o, "code", true);
  ind.name = r.Text(file, key, o, "name", true);
  ind.category = r.Text(file, key, o, "category", false);
  ind.mean_of = r.Texts(file, key, o, "mean_of");
  ind.numerator = r.Text(file, key, o, "numerator", ind.mean_of.empty());
  if (o.contains("numerator") && core::TrimSpace(ind.numerator).empty()) {
    r.Fault(file, key + ".numerator", "不能为空：写出分子（或计数）的表达式");
  }
  ind.spread_weight = r.Text(file, key, o, "spread_weight", false);
  if (!ind.mean_of.empty() && (!ind.numerator.empty() || !ind.spread_weight.empty())) {
    r.Fault(file, key + ".mean_of", "mean_of 与 numerator、spread_weight 只能用其一");
  }
  ind.denominator = r.Text(file, key, o, "denominator", false);
  ind.universe = r.Text(file, key, o, "universe", false);
  if (!ind.universe.empty() && !ind.denominator.empty()) {
    r.Fault(file, key + ".universe", "universe 只用于没有分母的计数指标");
  }
  ind.definition = r.Text(file, key, o, "definition", false);
  ind.basis = r.Text(file, key, o, "basis", false);
  ind.unit_word = r.Text(file, key, o, "unit_word", false);
  const std::string unit = r.Text(file, key, o, "unit", true);
  if (unit == "%") {
    ind.unit = IndicatorUnit::kPercent;
    ind.factor = 100;
  } else if (unit == ":1") {
    ind.unit = IndicatorUnit::kRatio;
  } else if (unit == "count") {
    ind.unit = IndicatorUnit::kCount;
  } else if (!unit.empty()) {
    r.Fault(file, key + ".unit", "单位应为 \"%\"、\":1\" 或 \"count\"，而不是 '" + unit + "'");
  }
  if (o.contains("factor")) {
    if (!o["factor"].is_number() || o["factor"].get<double>() <= 0) {
      r.Fault(file, key + ".factor", "应为正数");
    } else {
      ind.factor = o["factor"].get<double>();
    }
  }
  if (o.contains("decimals")) {
    const json& d = o["decimals"];
    if (!d.is_number_integer() || d.get<int>() < 0 || d.get<int>() > 6) {
      r.Fault(file, key + ".decimals", "应为 0 到 6 的整数");
    } else {
      ind.decimals = d.get<int>();
    }
  }
  ind.split_by_sex = ind.split_by_grade = ind.split_by_month = false;
  for (const std::string& s : r.Texts(file, key, o, "splits")) {
    if (s == "sex")
      ind.split_by_sex = true;
    else if (s == "grade")
      ind.split_by_grade = true;
    else if (s == "month")
      ind.split_by_month = true;
    else if (s.empty())
      r.Fault(file, key + ".splits", "分组不能为空");
    else
      ind.split_fields.push_back(s);  // a ledger field, checked when the ledgers are read
  }
  if (o.contains("flow")) {
    if (!o["flow"].is_boolean()) {
      r.Fault(file, key + ".flow", "应为 true 或 false");
    } else {
      ind.flow = o["flow"].get<bool>();
    }
  }
  if (const std::string level = r.Text(file, key, o, "applies_down_to", false); !level.empty()) {
    const std::optional<OrgLevel> parsed = ParseOrgLevel(level);
    if (!parsed) {
      r.Fault(file, key + ".applies_down_to",
              "应为 county、township 或 school（县、乡镇、学校），而不是 '" + level + "'");
    } else {
      ind.applies_down_to = *parsed;
    }
  }
  ind.not_applicable_reason = r.Text(file, key, o, "not_applicable_reason", false);
  if (ind.applies_down_to != OrgLevel::kSchool && ind.not_applicable_reason.empty()) {
    r.Fault(file, key + ".not_applicable_reason", "限定了 applies_down_to 时须说明下级为何不适用");
  }
  ind.package = p->name;
  p->indicators.push_back(std::move(ind));
}

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
  Package p = ReadPackageContents(directory, errs);
  if (errs->empty()) return p;
  return PackageFaults("元数据包 " + directory, *errs);
}

Package ReadPackageContents(const std::string& directory, std::vector<PackageError>* errs) {
  PackageReader r(errs);
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
  r.Entries(indicators_path, r.Load(indicators_path, false), "indicators", true,
            [&](const std::string& key, const json& o) {
              ReadIndicator(r, indicators_path, key, o, &p);
            });
  internal::ReadForms(r, directory, &p);
  internal::ReadLedgers(r, directory, &p);
  return p;
}

Status PackageFaults(std::string_view what, const std::vector<PackageError>& errors) {
  std::string message = std::string(what) + " 有 " + std::to_string(errors.size()) + " 处错误:";
  for (std::size_t i = 0; i < errors.size() && i < kErrorsInMessage; ++i) {
    message += "\n  " + errors[i].ToString();
  }
  return Status::InvalidArgument("bad_package", message);
}

}  // namespace eduledger::meta
