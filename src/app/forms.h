// Forms (报表): collected figures filled by org units for a school year, checked by the
// validation rules and approved by the level above (DHIS2's data-approval workflow, with the
// national statistics' two kinds of checks).
//
//   SubmitForm   draft | returned | submitted → submitted (approved at once for the top unit)
//   ApproveForm  submitted → approved (locked)
//   ReturnForm   submitted → returned, with the reviewer's comment
//   ReopenForm   approved → draft, with a reason; the reopening is in the audit log, and every
//                value changed afterwards is kept as a change (ListValueChanges)
//
// A submission is all or nothing: a value that does not read (unknown element, bad
// disaggregation, a number that is not one), or a broken logical check (error rule), refuses
// it and leaves the stored form as it was. A broken empirical check (warning rule) needs a
// written explanation per rule.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

// Which form: the data set (code or name), the org unit (code or name) and the school year.
struct FormKey {
  std::string data_set;
  std::string org;
  int school_year = 0;
};

// A value as given in a values file: where it came from, for error messages.
struct FormValueInput {
  std::string element;         // code or name
  std::string disaggregation;  // "age=6;sex=female", names allowed: "年龄=6;性别=女"
  std::string value;
  std::int64_t row = 0;  // row in the file (0: not from a file)
};

struct RuleResult {
  std::string rule;  // code
  std::string name;
  meta::RuleSeverity severity = meta::RuleSeverity::kError;
  std::string message;
  std::string org_code;
  std::string org_name;
  std::string data_set;
  double left = 0;  // the two sides' values (NaN: none)
  double right = 0;
  std::string explanation;  // a warning's explanation, when given
};

struct SubmitRequest {
  FormKey key;
  std::vector<FormValueInput> values;
  std::string source;                               // the values file, for messages
  std::map<std::string, std::string> explanations;  // warning rule code → explanation
};

struct SubmitResult {
  store::Submission submission;
  std::vector<RuleResult> warnings;  // broken empirical checks, each explained
  std::size_t changed_after_approval = 0;
};

// Read a values file (CSV or XLSX) with the columns 数据项 (element), 分组 (disaggregation;
// optional) and 数值 (value). A file without those columns is InvalidArgument.
core::Result<std::vector<FormValueInput>> ReadFormValues(const std::string& path);

// Store the values and submit the form. Refused (nothing stored):
//   InvalidArgument "bad_values": values that do not read, each named by file, row, column;
//   FailedPrecondition "validation_failed": logical checks broken (the message lists them);
//   FailedPrecondition "explanation_required": empirical checks broken without explanation;
//   FailedPrecondition "form_locked": the form is approved (reopen it first);
//   PermissionDenied: the actor may not fill this org unit's forms.
core::Result<SubmitResult> SubmitForm(store::Store& store, const Actor& actor, const Metadata& md,
                                      const SubmitRequest& request);
// Submit several forms, each on its own as SubmitForm does (one refused form does not stop the
// others), reading the register once; later forms are checked against the earlier ones.
std::vector<core::Result<SubmitResult>> SubmitForms(store::Store& store, const Actor& actor,
                                                    const Metadata& md,
                                                    std::span<const SubmitRequest> requests);
core::Status ApproveForm(store::Store& store, const Actor& actor, const Metadata& md,
                         const FormKey& key);
core::Status ReturnForm(store::Store& store, const Actor& actor, const Metadata& md,
                        const FormKey& key, const std::string& comment);
core::Status ReopenForm(store::Store& store, const Actor& actor, const Metadata& md,
                        const FormKey& key, const std::string& reason);

// Every form due in `school_year` (each data set × each org unit of its level the actor
// sees) with its state; state empty for a form never saved.
struct FormStatus {
  std::string data_set;
  std::string data_set_name;
  std::string org_code;
  std::string org_name;
  std::optional<store::Submission> submission;
  std::size_t values = 0;
};
core::Result<std::vector<FormStatus>> ListForms(store::Store& store, const Actor& actor,
                                                const Metadata& md, int school_year);

// What validating a statistics year found: the broken rules of the saved forms, and how many
// forms were due and how many of them were saved at all (a year whose forms are all unfilled
// has nothing to pass).
struct Validation {
  int year = 0;
  std::size_t forms_due = 0;    // forms due at the units the actor sees
  std::size_t forms_saved = 0;  // of those, saved in any state
  // Of the saved, how many are in each state (by store::SubmissionState): only approved ones
  // feed the indicators.
  std::array<std::size_t, 4> forms_by_state{};
  std::vector<RuleResult> broken;
};

// Run every rule on every saved form of statistics year `year` (any state): the broken ones,
// by org unit. Warnings carry their explanation when one was given.
core::Result<Validation> ValidateForms(store::Store& store, const Actor& actor, const Metadata& md,
                                       int year);

// Values changed after approval in `school_year`, with their form.
struct FormChange {
  std::string data_set;
  std::string org_code;
  std::string org_name;
  store::ValueChange change;
  // As a person reads them: 报表名称, 数据项名称, the group's option names ("语文", not
  // "subject=chinese"); the codes when the package no longer knows them.
  std::string data_set_name;
  std::string element_name;
  std::string group;
};
core::Result<std::vector<FormChange>> ListFormChanges(store::Store& store, const Actor& actor,
                                                      const Metadata& md, int school_year);

}  // namespace eduledger::app
