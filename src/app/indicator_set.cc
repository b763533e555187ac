#include "app/indicator_set.h"

#include <cstdlib>
#include <filesystem>
#include <set>

namespace eduledger::app {

using core::Result;

Result<IndicatorSet> IndicatorSet::Load(std::span<const std::string> directories,
                                        std::vector<meta::PackageError>* errors) {
  std::vector<meta::PackageError> local;
  std::vector<meta::PackageError>* errs = errors ? errors : &local;
  errs->clear();
  IndicatorSet set;
  std::set<std::string> codes;
  for (const std::string& dir : directories) {
    std::vector<meta::PackageError> package_errors;
    auto package = meta::ReadPackage(dir, &package_errors);
    errs->insert(errs->end(), package_errors.begin(), package_errors.end());
    if (!package.ok()) continue;
    const std::string file = dir + "/indicators.json";
    for (meta::Indicator& ind : package->indicators) {
      if (!codes.insert(ind.code).second) {
        errs->push_back({file, ind.code, "指标代码与另一个元数据包重复"});
        continue;
      }
      CompiledIndicator c;
      c.plan.factor = ind.factor;
      const auto compile = [&](const std::string& source, const char* field, engine::Formula* out) {
        if (source.empty()) return;
        auto f =
            engine::CompileFormula(source, engine::FormulaKind::kArithmetic, set.catalog_.get());
        if (f.ok())
          *out = std::move(*f);
        else
          errs->push_back({file, ind.code + "." + field, std::string(f.status().message())});
      };
      compile(ind.numerator, "numerator", &c.plan.numerator);
      compile(ind.denominator, "denominator", &c.plan.denominator);
      c.def = std::move(ind);
      set.indicators_.push_back(std::move(c));
    }
  }
  if (errs->empty()) return set;
  return meta::PackageFaults("元数据", *errs);
}

const CompiledIndicator* IndicatorSet::Find(std::string_view code_or_name) const {
  for (const CompiledIndicator& c : indicators_) {
    if (c.def.code == code_or_name || c.def.name == code_or_name) return &c;
  }
  return nullptr;
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
