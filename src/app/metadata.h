// Metadata: the definitions of every metadata package (meta/package.h) put together and
// compiled for the engine: indicators, collected figures (categories, data elements, forms),
// validation rules and targets. Loading checks the references between them across packages
// (a form's element, an element's category, a rule's form, a target's indicator and org-unit
// code is checked when the targets are used; the forms' workflow, with the submission states)
// and reports every fault at once, each naming its
// file and key, and for an expression the character where it fails.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/compile.h"
#include "engine/cube.h"
#include "engine/snapshot.h"
#include "engine/value_schema.h"
#include "meta/org_tree.h"
#include "meta/package.h"

namespace eduledger::app {

struct CompiledIndicator {
  meta::Indicator def;
  engine::RatePlan plan;
  // A count without a denominator: its universe, or every row of the tables it counts. Where
  // these are 0 the unit holds nothing to count, and the count is no value rather than 0.
  engine::Formula presence;
  bool reads_forms = false;     // some measure is a collected figure (value(…))
  bool reads_register = false;  // some measure counts register rows
  bool reads_ledgers = false;   // some measure counts or sums ledger cases (cases(…), sum(…))
  bool reads_events = false;    // some measure counts 学籍异动 rows
  // A flow read from the register: the pupils it counts among (its universe, else its
  // denominator, else its numerator) who left the roll unrecorded (kUnexplainedLeavers). Empty
  // when that cannot be told apart (a count of events, a sum): then all of the unit's.
  engine::Formula leavers_among;
  engine::Formula spread_weight;  // a spread (差异系数): the school weight
  // A ledger figure split by a field of its cases (meta::Indicator::split_fields): its plan
  // with every measure split by the field, whose cells are the field's values.
  struct FieldSplit {
    std::string field;                     // as the package names it
    const engine::Field* split = nullptr;  // the field the measures are split by
    engine::RatePlan plan;
    engine::Formula presence;
  };
  std::vector<FieldSplit> field_splits;
  // The split by `field` (code or Chinese name), or nullptr.
  const FieldSplit* FindSplit(std::string_view field) const;
  std::vector<const CompiledIndicator*> mean_of;  // a mean of these indicators
};

struct CompiledRule {
  meta::ValidationRule def;
  engine::Formula check;  // a comparison: 1 holds, 0 broken, NaN not applicable
};

// The package indicator of the pupils who left the roll with nothing recorded (流失), the
// roster check's list and the reason a flow is marked incomplete.
inline constexpr std::string_view kUnexplainedLeavers = "unexplained_leavers";

class Metadata {
 public:
  // Read and compile the packages in `directories`. A code defined twice is a fault. On
  // faults: InvalidArgument "bad_package" (message: the first few), `errors` gets them all.
  static core::Result<Metadata> Load(std::span<const std::string> directories,
                                     std::vector<meta::PackageError>* errors = nullptr);
  // The shipped packages (DefaultPackagesDirectory()/county-bureau) or `directories`.
  static core::Result<Metadata> LoadOrDefault(std::span<const std::string> directories);

  const std::vector<CompiledIndicator>& indicators() const { return d_->indicators; }
  // The indicator with `code` (or Chinese name), or nullptr.
  const CompiledIndicator* Find(std::string_view code_or_name) const;
  // Measures of the indicators.
  const engine::MeasureCatalog& catalog() const { return *d_->catalog; }

  const std::vector<meta::Category>& categories() const { return d_->categories; }
  const std::vector<meta::DataElement>& elements() const { return d_->elements; }
  const meta::DataElement* FindElement(std::string_view code) const;
  const std::vector<meta::DataSet>& data_sets() const { return d_->data_sets; }
  // The form with `code` (or Chinese name), or nullptr.
  const meta::DataSet* FindDataSet(std::string_view code_or_name) const;
  const engine::ValueSchema& value_schema() const { return *d_->schema; }
  // How the engine reads the ledgers' cases.
  const engine::CaseSchema& case_schema() const { return *d_->cases; }

  const std::vector<CompiledRule>& rules() const { return d_->rules; }
  // Measures of the rules.
  const engine::MeasureCatalog& rule_catalog() const { return *d_->rule_catalog; }

  const std::vector<meta::Target>& targets() const { return d_->targets; }
  // InvalidArgument "unknown_target_org" naming the file and key of a target set for an org
  // unit `tree` does not hold (it would never be used, silently).
  core::Status CheckTargetUnits(const meta::OrgTree& tree) const;
  // The target of `indicator` for the org unit `org_code` in `school_year`, or nullptr.
  const meta::Target* FindTarget(std::string_view indicator, std::string_view org_code,
                                 int school_year) const;

  // Workflows of their own (workflows.json), and the programme ledgers with theirs.
  const std::vector<meta::Workflow>& workflows() const { return d_->workflows; }
  const meta::Workflow* FindWorkflow(std::string_view code) const;
  // The forms' workflow (meta::kFormWorkflow): present whenever a package defines a form.
  const meta::Workflow* form_workflow() const { return FindWorkflow(meta::kFormWorkflow); }
  const std::vector<meta::LedgerType>& ledgers() const { return d_->ledgers; }
  // The ledger with `code` (or Chinese name), or nullptr.
  const meta::LedgerType* FindLedger(std::string_view code_or_name) const;

 private:
  struct Data {
    std::vector<CompiledIndicator> indicators;
    std::vector<meta::Category> categories;
    std::vector<meta::DataElement> elements;
    std::vector<meta::DataSet> data_sets;
    std::vector<CompiledRule> rules;
    std::vector<meta::Target> targets;
    std::vector<meta::Workflow> workflows;
    std::vector<meta::LedgerType> ledgers;
    std::unique_ptr<engine::ValueSchema> schema;
    std::unique_ptr<engine::CaseSchema> cases;
    std::unique_ptr<engine::MeasureCatalog> catalog;
    std::unique_ptr<engine::MeasureCatalog> rule_catalog;
  };
  std::unique_ptr<Data> d_ = std::make_unique<Data>();
};

// The engine's snapshot of `store` with everything `md` reads: the register, the collected
// figures and, when an indicator or rule counts them, the ledgers' cases.
core::Result<std::unique_ptr<engine::Snapshot>> ReadSnapshot(store::Store& store,
                                                             const Metadata& md);

// Where the shipped packages are: $EDULEDGER_PACKAGES when set, else the `packages` folder
// beside the directory of the running binary (an installed or built tree), else ./packages.
std::string DefaultPackagesDirectory();

}  // namespace eduledger::app
