// Metadata packages: the definitions a bureau can change without a rebuild. A package is a
// directory (packages/<name>/) of JSON files:
//
//   package.json     {"name", "title", "version", "description"}
//   indicators.json        {"indicators": [{code, name, numerator, denominator, factor,
//                                           unit, decimals, splits, definition, basis}, …]}
//   data_elements.json     {"categories": [{code, name, options: [{code, name}] or
//                                           range: {from, to, suffix}}],
//                           "data_elements": [{code, name, type, categories, description}]}
//   data_sets.json         {"data_sets": [{code, name, filled_by, elements, description}]}
//   validation_rules.json  {"rules": [{code, name, data_set, severity, check, message}]}
//   targets.json           {"targets": [{indicator, org, year, at_least | at_most}]}
//   workflows.json         {"workflows": [{code, name, initial, states, transitions}]}
//                          (meta/workflow.h; form_submission is the forms')
//   ledgers/<code>.json    {code, name, description, fields, workflow, responsible}
//                          (meta/ledger_type.h), one programme ledger per file
//
// Every file but package.json is optional.
//
// Reading checks the structure and the references between definitions; the expressions
// themselves are compiled by the engine (app/metadata.h). Every fault names its file and
// the key it is under, and all faults are reported at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "meta/data_element.h"
#include "meta/data_set.h"
#include "meta/indicator.h"
#include "meta/ledger_type.h"
#include "meta/target.h"
#include "meta/validation_rule.h"

namespace eduledger::meta {

struct PackageError {
  std::string file;              // path of the JSON file
  std::string key;               // "indicators[3].decimals", or the definition's code and field
  std::string message;           // Chinese
  std::string ToString() const;  // "file: key: message"
};

struct Package {
  std::string name;
  std::string title;
  std::string version;
  std::string directory;
  std::vector<Indicator> indicators;
  std::vector<Category> categories;
  std::vector<DataElement> elements;
  std::vector<DataSet> data_sets;
  std::vector<ValidationRule> rules;
  std::vector<Target> targets;
  std::vector<Workflow> workflows;
  std::vector<LedgerType> ledgers;
};

// InvalidArgument "bad_package": "<what> 有 N 处错误:" followed by the first few faults.
core::Status PackageFaults(std::string_view what, const std::vector<PackageError>& errors);

// Read the package in `directory`. On faults: InvalidArgument "bad_package" with the first
// few in its message, and `errors` (when given) receives them all.
core::Result<Package> ReadPackage(const std::string& directory,
                                  std::vector<PackageError>* errors = nullptr);
// What of the package reads, faults or not; the faults are appended to `errors`. For checking
// the references of a faulty package along with its structure.
Package ReadPackageContents(const std::string& directory, std::vector<PackageError>* errors);

}  // namespace eduledger::meta
