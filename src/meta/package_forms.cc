// The collected-figure files of a metadata package: categories and data elements, data sets,
// validation rules and targets. References between them are checked when the packages are
// put together (app/metadata.h), since one package may use another's definitions.
#include "meta/grade.h"
#include "meta/package_reader_internal.h"
#include "meta/school_type.h"

namespace eduledger::meta::internal {

namespace {

constexpr int kMaxRangeOptions = 256;

void ReadCategory(PackageReader& r, const std::string& file, const std::string& key, const json& o,
                  Package* p) {
  r.UnknownKeys(file, key, o, {"code", "name", "options", "range"});
  Category c;
  c.code = r.Text(file, key, o, "code", true);
  c.name = r.Text(file, key, o, "name", true);
  if (o.contains("range")) {
    const json& range = o["range"];
    if (!range.is_object() || !range.contains("from") || !range.contains("to") ||
        !range["from"].is_number_integer() || !range["to"].is_number_integer() ||
        range["to"].get<int>() < range["from"].get<int>() ||
        range["to"].get<int>() - range["from"].get<int>() >= kMaxRangeOptions) {
      r.Fault(file, key + ".range",
              "应为 {\"from\": 整数, \"to\": 整数, \"suffix\": \"岁\"}，至多 256 项");
    } else {
      const std::string suffix = r.Text(file, key + ".range", range, "suffix", false);
      c.range_from = range["from"].get<int>();
      for (int v = range["from"].get<int>(); v <= range["to"].get<int>(); ++v) {
        c.options.push_back({std::to_string(v), std::to_string(v) + suffix});
      }
    }
  }
  if (o.contains("options") && c.range_from) {
    r.Fault(file, key, "options 与 range 只能用其一");
  } else if (o.contains("options")) {
    r.Entries(file, o, "options", true, [&](const std::string& okey, const json& opt) {
      r.UnknownKeys(file, key + "." + okey, opt, {"code", "name"});
      c.options.push_back({r.Text(file, key + "." + okey, opt, "code", true),
                           r.Text(file, key + "." + okey, opt, "name", true)});
    });
  }
  if (c.options.empty()) r.Fault(file, key, "分类须有选项 (options 或 range)");
  if (c.options.size() > kMaxRangeOptions) r.Fault(file, key, "分类的选项不能超过 256 个");
  p->categories.push_back(std::move(c));
}

void ReadElement(PackageReader& r, const std::string& file, const std::string& key, const json& o,
                 Package* p) {
  r.UnknownKeys(file, key, o, {"code", "name", "type", "categories", "description"});
  DataElement e;
  e.code = r.Text(file, key, o, "code", true);
  e.name = r.Text(file, key, o, "name", true);
  e.description = r.Text(file, key, o, "description", false);
  const std::string type = r.Text(file, key, o, "type", true);
  if (const auto t = ParseValueType(type)) {
    e.type = *t;
  } else if (!type.empty()) {
    r.Fault(file, key + ".type",
            "类型应为 number、integer、percentage、text 或 yes_no，而不是 '" + type + "'");
  }
  e.categories = r.Texts(file, key, o, "categories");
  if (e.categories.size() > 8) r.Fault(file, key + ".categories", "至多 8 个分类");
  e.package = p->name;
  p->elements.push_back(std::move(e));
}

void ReadDataSet(PackageReader& r, const std::string& file, const std::string& key, const json& o,
                 Package* p) {
  r.UnknownKeys(file, key, o,
                {"code", "name", "filled_by", "for_levels", "elements", "description"});
  DataSet d;
  d.code = r.Text(file, key, o, "code", true);
  d.name = r.Text(file, key, o, "name", true);
  d.description = r.Text(file, key, o, "description", false);
  const std::string level = r.Text(file, key, o, "filled_by", true);
  if (level == "county") {
    d.filled_by = OrgLevel::kCounty;
  } else if (level == "township") {
    d.filled_by = OrgLevel::kTownship;
  } else if (level == "school") {
    d.filled_by = OrgLevel::kSchool;
  } else if (!level.empty()) {
    r.Fault(file, key + ".filled_by", "应为 county、township 或 school，而不是 '" + level + "'");
  }
  for (const std::string& name : r.Texts(file, key, o, "for_levels")) {
    if (const auto parsed = ParseEducationLevel(name)) {
      d.for_levels.push_back(*parsed);
    } else {
      r.Fault(file, key + ".for_levels", "未知的学段 '" + name + "'");
    }
  }
  d.elements = r.Texts(file, key, o, "elements");
  if (d.elements.empty()) r.Fault(file, key + ".elements", "报表须至少有一个数据项");
  d.package = p->name;
  p->data_sets.push_back(std::move(d));
}

void ReadRule(PackageReader& r, const std::string& file, const std::string& key, const json& o,
              Package* p) {
  r.UnknownKeys(file, key, o, {"code", "name", "data_set", "severity", "check", "message"});
  ValidationRule rule;
  rule.code = r.Text(file, key, o, "code", true);
  rule.name = r.Text(file, key, o, "name", true);
  rule.data_set = r.Text(file, key, o, "data_set", true);
  rule.check = r.Text(file, key, o, "check", true);
  rule.message = r.Text(file, key, o, "message", false);
  const std::string severity = r.Text(file, key, o, "severity", true);
  if (severity == "error") {
    rule.severity = RuleSeverity::kError;
  } else if (severity == "warning") {
    rule.severity = RuleSeverity::kWarning;
  } else if (!severity.empty()) {
    r.Fault(file, key + ".severity",
            "应为 error (逻辑校验) 或 warning (经验校验)，而不是 '" + severity + "'");
  }
  rule.package = p->name;
  p->rules.push_back(std::move(rule));
}

void ReadTarget(PackageReader& r, const std::string& file, const std::string& key, const json& o,
                Package* p) {
  r.UnknownKeys(file, key, o, {"indicator", "org", "year", "at_least", "at_most"});
  Target t;
  t.indicator = r.Text(file, key, o, "indicator", true);
  t.org_code = r.Text(file, key, o, "org", true);
  if (!o.contains("year")) {
    t.school_year = 0;  // every year
  } else if (!o["year"].is_number_integer() || o["year"].get<int>() < 1949 ||
             o["year"].get<int>() > 2200) {
    r.Fault(file, key + ".year", "应为学年的起始年份，如 2025（省略：每个学年）");
  } else {
    t.school_year = o["year"].get<int>();
  }
  const bool at_least = o.contains("at_least"), at_most = o.contains("at_most");
  if (at_least == at_most) {
    r.Fault(file, key, "须有 at_least 或 at_most 之一");
  } else {
    const json& v = o[at_least ? "at_least" : "at_most"];
    if (!v.is_number()) {
      r.Fault(file, key + (at_least ? ".at_least" : ".at_most"), "应为数值");
    } else {
      t.value = v.get<double>();
      t.direction = at_least ? TargetDirection::kAtLeast : TargetDirection::kAtMost;
    }
  }
  t.package = p->name;
  t.source = file + ": " + key;
  p->targets.push_back(std::move(t));
}

}  // namespace

void ReadForms(PackageReader& r, const std::string& directory, Package* p) {
  const std::string elements = directory + "/data_elements.json";
  const json root = r.Load(elements, false);
  if (root.is_object() && root.contains("categories")) {
    r.Entries(elements, root, "categories", true,
              [&](const std::string& key, const json& o) { ReadCategory(r, elements, key, o, p); });
  }
  if (!root.is_null()) r.UnknownKeys(elements, "", root, {"categories", "data_elements"});
  r.Entries(elements, root, "data_elements", true,
            [&](const std::string& key, const json& o) { ReadElement(r, elements, key, o, p); });
  const std::string sets = directory + "/data_sets.json";
  r.Entries(sets, r.Load(sets, false), "data_sets", true,
            [&](const std::string& key, const json& o) { ReadDataSet(r, sets, key, o, p); });
  const std::string rules = directory + "/validation_rules.json";
  r.Entries(rules, r.Load(rules, false), "rules", true,
            [&](const std::string& key, const json& o) { ReadRule(r, rules, key, o, p); });
  const std::string targets = directory + "/targets.json";
  r.Entries(targets, r.Load(targets, false), "targets", false,
            [&](const std::string& key, const json& o) { ReadTarget(r, targets, key, o, p); });
}

}  // namespace eduledger::meta::internal
