// IndicatorSet: the indicators of the metadata packages, read (meta/package.h) and compiled
// for the engine. Loading reports every fault at once, each naming its file and key, and for
// an expression the character where it fails.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/compile.h"
#include "engine/cube.h"
#include "meta/package.h"

namespace eduledger::app {

struct CompiledIndicator {
  meta::Indicator def;
  engine::RatePlan plan;
};

class IndicatorSet {
 public:
  // Read and compile the packages in `directories`. A code defined twice is a fault. On
  // faults: InvalidArgument "bad_package" (message: the first few), `errors` gets them all.
  static core::Result<IndicatorSet> Load(std::span<const std::string> directories,
                                         std::vector<meta::PackageError>* errors = nullptr);

  const std::vector<CompiledIndicator>& indicators() const { return indicators_; }
  // The indicator with `code` (or Chinese name), or nullptr.
  const CompiledIndicator* Find(std::string_view code_or_name) const;
  const engine::MeasureCatalog& catalog() const { return *catalog_; }

 private:
  std::vector<CompiledIndicator> indicators_;
  std::unique_ptr<engine::MeasureCatalog> catalog_ = std::make_unique<engine::MeasureCatalog>();
};

// Where the shipped packages are: $EDULEDGER_PACKAGES when set, else the `packages` folder
// beside the directory of the running binary (an installed or built tree), else ./packages.
std::string DefaultPackagesDirectory();

}  // namespace eduledger::app
