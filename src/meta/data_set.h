// DataSet: a form (报表) that org units fill for a period (data_sets.json): its elements, the
// level of the org units that fill it, and the validation rules that run when it is submitted.
// The unit one level up approves it (审核); a form of the top unit is approved on submission.
#pragma once

#include <string>
#include <vector>

#include "meta/org_unit.h"

namespace eduledger::meta {

struct DataSet {
  std::string code;  // "population_by_age"
  std::string name;  // "适龄人口统计表"
  OrgLevel filled_by = OrgLevel::kSchool;
  std::vector<std::string> elements;  // element codes
  std::string description;
  std::string package;
};

}  // namespace eduledger::meta
