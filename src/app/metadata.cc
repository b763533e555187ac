#include "app/metadata.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "engine/count_intersection.h"
#include "store/collected.h"

namespace eduledger::app {

using core::Result;

namespace {

// Collects the definitions of several packages, checking that codes are unique across them.
class Merger {
 public:
  explicit Merger(std::vector<meta::PackageError>* errors) : errors_(errors) {}

  template <class T>
  void Take(std::vector<T>& from, std::vector<T>* to, const std::string& file,
            std::set<std::string>* codes, const char* what) {
    for (T& t : from) {
      if (!codes->insert(t.code).second) {
        errors_->push_back({file, t.code, std::string(what) + "代码与另一个元数据包重复"});
        continue;
      }
      to->push_back(std::move(t));
    }
  }

 private:
  std::vector<meta::PackageError>* errors_;
};

}  // namespace

Result<Metadata> Metadata::Load(std::span<const std::string> directories,
                                std::vector<meta::PackageError>* errors) {
  std::vector<meta::PackageError> local;
  std::vector<meta::PackageError>* errs = errors ? errors : &local;
  errs->clear();
  Metadata md;
  Data& d = *md.d_;
  Merger merge(errs);
  std::set<std::string> indicator_codes, category_codes, element_codes, set_codes, rule_codes,
      workflow_codes, ledger_codes;
  std::vector<meta::Indicator> indicators;
  std::map<std::string, std::string> directory_of;  // package name → directory
  for (const std::string& dir : directories) {
    meta::Package package = meta::ReadPackageContents(dir, errs);
    directory_of[package.name] = dir;
    merge.Take(package.indicators, &indicators, dir + "/indicators.json", &indicator_codes, "指标");
    merge.Take(package.categories, &d.categories, dir + "/data_elements.json", &category_codes,
               "分类");
    merge.Take(package.elements, &d.elements, dir + "/data_elements.json", &element_codes,
               "数据项");
    merge.Take(package.data_sets, &d.data_sets, dir + "/data_sets.json", &set_codes, "报表");
    std::vector<meta::ValidationRule> rules;
    merge.Take(package.rules, &rules, dir + "/validation_rules.json", &rule_codes, "校验规则");
    for (meta::ValidationRule& r : rules) d.rules.push_back(CompiledRule{std::move(r), {}});
    d.targets.insert(d.targets.end(), package.targets.begin(), package.targets.end());
    merge.Take(package.workflows, &d.workflows, dir + "/workflows.json", &workflow_codes, "流程");
    merge.Take(package.ledgers, &d.ledgers, dir + "/ledgers", &ledger_codes, "台账");
  }
  const auto file_of = [&](const std::string& package, const char* name) {
    return directory_of[package] + "/" + name;
  };
  // References between definitions.
  for (const meta::DataElement& e : d.elements) {
    for (const std::string& c : e.categories) {
      if (!category_codes.count(c)) {
        errs->push_back({file_of(e.package, "data_elements.json"), e.code + ".categories",
                         "未定义的分类 '" + c + "'"});
      }
    }
  }
  for (const meta::DataSet& s : d.data_sets) {
    for (const std::string& e : s.elements) {
      if (!element_codes.count(e)) {
        errs->push_back({file_of(s.package, "data_sets.json"), s.code + ".elements",
                         "未定义的数据项 '" + e + "'"});
      }
    }
  }
  for (const CompiledRule& r : d.rules) {
    if (!set_codes.count(r.def.data_set)) {
      errs->push_back({file_of(r.def.package, "validation_rules.json"), r.def.code + ".data_set",
                       "未定义的报表 '" + r.def.data_set + "'"});
    }
  }
  for (std::size_t i = 0; i < d.targets.size(); ++i) {
    const meta::Target& t = d.targets[i];
    if (!indicator_codes.count(t.indicator)) {
      errs->push_back({file_of(t.package, "targets.json"),
                       "targets[" + std::to_string(i) + "].indicator",
                       "未定义的指标 '" + t.indicator + "'"});
    }
  }
  // The forms move through the submission states (store/collected.h), by the forms' workflow.
  if (!d.data_sets.empty()) {
    const meta::Workflow* forms = md.form_workflow();
    const std::string file =
        forms != nullptr ? file_of(forms->package, "workflows.json") : "workflows.json";
    if (forms == nullptr) {
      errs->push_back({file, std::string(meta::kFormWorkflow),
                       "定义了报表，但没有报表的填报审核流程 (workflows.json 中的 " +
                           std::string(meta::kFormWorkflow) + ")"});
    } else {
      for (const store::SubmissionState s :
           {store::SubmissionState::kDraft, store::SubmissionState::kSubmitted,
            store::SubmissionState::kApproved, store::SubmissionState::kReturned}) {
        if (forms->State(store::SubmissionStateKey(s)) == nullptr) {
          errs->push_back({file, std::string(meta::kFormWorkflow) + ".states",
                           "报表流程须有状态 '" + std::string(store::SubmissionStateKey(s)) +
                               "'（" + std::string(store::SubmissionStateName(s)) + "）"});
        }
      }
      for (const meta::WorkflowState& s : forms->states) {
        if (!store::ParseSubmissionState(s.code)) {
          errs->push_back({file, std::string(meta::kFormWorkflow) + ".states." + s.code,
                           "报表流程的状态只能是 draft、submitted、approved、returned"});
        }
      }
    }
  }
  // Compile the expressions against the register and the collected figures.
  d.schema = std::make_unique<engine::ValueSchema>(d.elements, d.categories);
  d.cases = std::make_unique<engine::CaseSchema>(d.ledgers);
  for (std::size_t i = 0; i < d.cases->size(); ++i) {
    for (const std::string& field : d.cases->ledger(i).left_out) {
      errs->push_back({d.ledgers[i].source, "fields." + field,
                       "可筛选的字段（状态、选项、是否、日期）过多，放不进一个 64 位的行字"});
    }
  }
  d.catalog = std::make_unique<engine::MeasureCatalog>(d.schema.get(), d.cases.get());
  d.rule_catalog = std::make_unique<engine::MeasureCatalog>(d.schema.get(), d.cases.get());
  const auto compile = [&](const std::string& source, engine::FormulaKind kind,
                           engine::MeasureCatalog* catalog, const std::string& file,
                           const std::string& key, engine::Formula* out, bool flow = false) {
    if (source.empty()) return;
    auto f = engine::CompileFormula(source, kind, catalog, nullptr, {.flow = flow});
    if (f.ok())
      *out = std::move(*f);
    else
      errs->push_back({file, key, std::string(f.status().message())});
  };
  for (meta::Indicator& ind : indicators) {
    CompiledIndicator c;
    c.plan.factor = ind.factor;
    const std::string file = file_of(ind.package, "indicators.json");
    // A flow reads the register over the statistics year's flow window.
    const bool flow = ind.flow;
    compile(ind.numerator, engine::FormulaKind::kArithmetic, d.catalog.get(), file,
            ind.code + ".numerator", &c.plan.numerator, flow);
    compile(ind.denominator, engine::FormulaKind::kArithmetic, d.catalog.get(), file,
            ind.code + ".denominator", &c.plan.denominator, flow);
    compile(ind.spread_weight, engine::FormulaKind::kArithmetic, d.catalog.get(), file,
            ind.code + ".spread_weight", &c.spread_weight, flow);
    if (!ind.universe.empty()) {
      compile(ind.universe, engine::FormulaKind::kArithmetic, d.catalog.get(), file,
              ind.code + ".universe", &c.presence, flow);
    } else if (ind.denominator.empty() && ind.spread_weight.empty()) {
      std::set<std::string_view> tables;
      for (const std::uint32_t m : c.plan.numerator.Measures()) {
        const engine::MeasureTable t = d.catalog->measures()[m].table;
        if (t != engine::MeasureTable::kValues && t != engine::MeasureTable::kCases) {
          tables.insert(engine::MeasureTableName(t));
        }
      }
      std::string every_row;
      for (const std::string_view t : tables) {
        every_row += (every_row.empty() ? "" : " + ") + std::string(t) + "()";
      }
      compile(every_row, engine::FormulaKind::kArithmetic, d.catalog.get(), file,
              ind.code + ".numerator", &c.presence, flow);
    }
    for (const engine::Formula* f : {&c.plan.numerator, &c.plan.denominator, &c.spread_weight}) {
      for (const std::uint32_t m : f->Measures()) {
        const engine::MeasureTable table = d.catalog->measures()[m].table;
        if (table == engine::MeasureTable::kValues) {
          c.reads_forms = true;
        } else if (table == engine::MeasureTable::kCases) {
          c.reads_ledgers = true;
        } else {
          c.reads_register = true;
        }
        c.reads_events = c.reads_events || table == engine::MeasureTable::kEvents;
      }
    }
    // A ledger figure's cells 1–12 are months (engine/cube.h): split by sex or grade it would
    // show months as sexes or grades.
    if (c.reads_ledgers && (ind.split_by_sex || ind.split_by_grade)) {
      errs->push_back({file_of(ind.package, "indicators.json"), ind.code + ".splits",
                       "读台账的指标不能按 sex 或 grade（学生的性别、年级）分组；可按 month（月份）"
                       "或台账的字段，台账中名为 grade 的字段请写其中文名（如 年级）"});
    }
    if (ind.split_by_month && (!c.reads_ledgers || c.reads_register || c.reads_forms)) {
      errs->push_back({file_of(ind.package, "indicators.json"), ind.code + ".splits",
                       "只有只读台账事项的指标才能按 month（月份）分组"});
    }
    for (const std::string& field : ind.split_fields) {
      if (c.FindSplit(field) != nullptr) {
        errs->push_back({file_of(ind.package, "indicators.json"), ind.code + ".splits",
                         "分组 '" + field + "' 重复"});
        continue;
      }
      CompiledIndicator::FieldSplit split;
      split.field = field;
      split.plan.factor = c.plan.factor;
      core::Status failed = core::Status::OK();
      for (const auto& [from, to] : {std::pair{&c.plan.numerator, &split.plan.numerator},
                                     std::pair{&c.plan.denominator, &split.plan.denominator},
                                     std::pair{&c.presence, &split.presence}}) {
        if (from->empty() || !failed.ok()) continue;
        auto f = engine::SplitFormula(*from, field, d.catalog.get());
        if (f.ok()) {
          *to = std::move(*f);
        } else {
          failed = f.status();
        }
      }
      for (const std::uint32_t m : split.plan.numerator.Measures()) {
        split.split = d.catalog->measures()[m].split;
      }
      if (!failed.ok() || split.split == nullptr) {
        errs->push_back({file_of(ind.package, "indicators.json"), ind.code + ".splits",
                         failed.ok()
                             ? "未知的分组 '" + field + "' (可用: sex, grade, month 或台账字段)"
                             : std::string(failed.message())});
        continue;
      }
      c.field_splits.push_back(std::move(split));
    }
    c.def = std::move(ind);
    d.indicators.push_back(std::move(c));
  }
  for (CompiledIndicator& c : d.indicators) {
    for (const std::string& code : c.def.mean_of) {
      const CompiledIndicator* part = md.Find(code);
      if (!part || !part->def.mean_of.empty()) {
        errs->push_back({file_of(c.def.package, "indicators.json"), c.def.code + ".mean_of",
                         "'" + code + "' 不是已定义的（非平均）指标"});
        continue;
      }
      c.mean_of.push_back(part);
      c.reads_forms = c.reads_forms || part->reads_forms;
      c.reads_register = c.reads_register || part->reads_register;
    }
  }
  // Each register flow's own unexplained leavers.
  if (const CompiledIndicator* leavers = md.Find(kUnexplainedLeavers)) {
    const std::string leaver_rows = leavers->def.numerator;
    for (CompiledIndicator& c : d.indicators) {
      if (!c.def.flow || !c.reads_register || c.reads_events || &c == leavers) continue;
      const std::string& among = !c.def.universe.empty()      ? c.def.universe
                                 : !c.def.denominator.empty() ? c.def.denominator
                                                              : c.def.numerator;
      if (const auto both = engine::IntersectCounts(among, leaver_rows)) {
        compile(*both, engine::FormulaKind::kArithmetic, d.catalog.get(),
                file_of(c.def.package, "indicators.json"), c.def.code + ".universe",
                &c.leavers_among, true);
      }
    }
  }
  for (CompiledRule& r : d.rules) {
    compile(r.def.check, engine::FormulaKind::kComparison, d.rule_catalog.get(),
            file_of(r.def.package, "validation_rules.json"), r.def.code + ".check", &r.check);
  }
  if (errs->empty()) return md;
  return meta::PackageFaults("元数据", *errs);
}

Result<Metadata> Metadata::LoadOrDefault(std::span<const std::string> directories) {
  if (!directories.empty()) return Load(directories);
  const std::string shipped[] = {DefaultPackagesDirectory() + "/county-bureau"};
  return Load(shipped);
}

const CompiledIndicator::FieldSplit* CompiledIndicator::FindSplit(std::string_view field) const {
  // As the package names it first (学段 and a ledger's own level are two), then by the field's
  // Chinese name, then by its code.
  for (const FieldSplit& s : field_splits) {
    if (s.field == field) return &s;
  }
  for (const FieldSplit& s : field_splits) {
    if (s.split->label == field) return &s;
  }
  for (const FieldSplit& s : field_splits) {
    if (s.split->name == field && s.split->scope == engine::FieldScope::kRow) return &s;
  }
  return nullptr;
}

const CompiledIndicator* Metadata::Find(std::string_view code_or_name) const {
  for (const CompiledIndicator& c : d_->indicators) {
    if (c.def.code == code_or_name || c.def.name == code_or_name) return &c;
  }
  return nullptr;
}

const meta::DataElement* Metadata::FindElement(std::string_view code) const {
  for (const meta::DataElement& e : d_->elements) {
    if (e.code == code || e.name == code) return &e;
  }
  return nullptr;
}

const meta::Workflow* Metadata::FindWorkflow(std::string_view code) const {
  for (const meta::Workflow& w : d_->workflows) {
    if (w.code == code) return &w;
  }
  return nullptr;
}

const meta::LedgerType* Metadata::FindLedger(std::string_view code_or_name) const {
  for (const meta::LedgerType& l : d_->ledgers) {
    if (l.code == code_or_name || l.name == code_or_name) return &l;
  }
  return nullptr;
}

const meta::DataSet* Metadata::FindDataSet(std::string_view code_or_name) const {
  for (const meta::DataSet& s : d_->data_sets) {
    if (s.code == code_or_name || s.name == code_or_name) return &s;
  }
  return nullptr;
}

core::Status Metadata::CheckTargetUnits(const meta::OrgTree& tree) const {
  for (const meta::Target& t : d_->targets) {
    if (t.org_code != "*" && tree.ByCode(t.org_code) == nullptr) {
      return core::Status::InvalidArgument(
          "unknown_target_org", t.source + ".org: 库中没有代码为 " + t.org_code +
                                    " 的单位，这条目标任务无处可用；请改正单位代码或用 \"*\"");
    }
  }
  return core::Status::OK();
}

const meta::Target* Metadata::FindTarget(std::string_view indicator, std::string_view org_code,
                                         int school_year) const {
  for (const meta::Target& t : d_->targets) {
    if (t.indicator == indicator && t.org_code == org_code && t.school_year == school_year) {
      return &t;
    }
  }
  // A general target (every unit, or every year) when there is no specific one.
  for (const meta::Target& t : d_->targets) {
    if (t.indicator == indicator && (t.org_code == org_code || t.org_code == "*") &&
        (t.school_year == school_year || t.school_year == 0)) {
      return &t;
    }
  }
  return nullptr;
}

core::Result<std::unique_ptr<engine::Snapshot>> ReadSnapshot(store::Store& store,
                                                             const Metadata& md) {
  // The cases are read only when some indicator or rule counts them.
  const auto reads_cases = [](const engine::MeasureCatalog& catalog) {
    return std::any_of(
        catalog.measures().begin(), catalog.measures().end(),
        [](const engine::Measure& m) { return m.table == engine::MeasureTable::kCases; });
  };
  const bool cases = reads_cases(md.catalog()) || reads_cases(md.rule_catalog());
  return engine::Snapshot::Build(store, &md.value_schema(), cases ? &md.case_schema() : nullptr);
}

std::string DefaultPackagesDirectory() {
  if (const char* env = std::getenv("EDULEDGER_PACKAGES"); env && *env) return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const auto& candidate : {exe.parent_path().parent_path() / "packages",
                                  exe.parent_path().parent_path() / "share/eduledger/packages"}) {
      if (std::filesystem::is_directory(candidate, ec)) return candidate.string();
    }
  }
  return "packages";
}

}  // namespace eduledger::app
