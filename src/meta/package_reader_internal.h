// The JSON reading shared by the files of a metadata package (package.cc, package_forms.cc):
// every fault is recorded with its file and key, and reading goes on so that all are found.
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "meta/package.h"

namespace eduledger::meta::internal {

using nlohmann::json;

class PackageReader {
 public:
  explicit PackageReader(std::vector<PackageError>* errors) : errors_(errors) {}

  // The parsed file, or null (with the fault recorded). A missing optional file is null.
  json Load(const std::string& path, bool required);
  void Fault(const std::string& file, const std::string& key, std::string message);
  // Field `name` of `obj` as a string; a fault when required and absent, or not a string.
  std::string Text(const std::string& file, const std::string& key, const json& obj,
                   const char* name, bool required);
  // Field `name` as a list of strings (absent: empty).
  std::vector<std::string> Texts(const std::string& file, const std::string& key, const json& obj,
                                 const char* name);
  void UnknownKeys(const std::string& file, const std::string& key, const json& obj,
                   std::initializer_list<std::string_view> known);
  // Call `fn(key, object)` for each entry of the list `root[list]`, checking the shape, that
  // each is an object with a well-formed `code` unique in the list (the key becomes the
  // code). With `coded` false entries need no code and keys stay "list[i]". Keys begin with
  // `prefix` (an enclosing entry's key and a dot: "fields.grade.").
  void Entries(const std::string& file, const json& root, const char* list, bool coded,
               const std::function<void(const std::string& key, const json& obj)>& fn,
               const std::string& prefix = {});

 private:
  std::vector<PackageError>* errors_;
};

// Read data_elements.json, data_sets.json, validation_rules.json and targets.json of the
// package in `directory` into `p` (package_forms.cc).
void ReadForms(PackageReader& r, const std::string& directory, Package* p);

// Read workflows.json and ledgers/*.json of the package in `directory` into `p`
// (package_ledgers.cc).
void ReadLedgers(PackageReader& r, const std::string& directory, Package* p);

// Lower-case letters, digits and underscores, starting with a letter.
bool IsCode(std::string_view s);

}  // namespace eduledger::meta::internal
