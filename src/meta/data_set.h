// DataSet: a form (报表) that org units fill for a period (data_sets.json): its elements, the
// level of the org units that fill it, and the validation rules that run when it is submitted.
// A form filled by schools may be due only at schools that teach some levels (考试成绩: 初中).
// The unit one level up approves it (审核); a form of the top unit is approved on submission.
#pragma once

#include <string>
#include <vector>

#include "meta/education_level.h"
#include "meta/org_unit.h"

namespace eduledger::meta {

struct DataSet {
  std::string code;  // "population_by_age"
  std::string name;  // "适龄人口统计表"
  OrgLevel filled_by = OrgLevel::kSchool;
  std::vector<std::string> elements;  // element codes
  // Schools only: the levels a school must teach for the form to be due (empty: every school).
  std::vector<EducationLevel> for_levels;
  std::string description;
  // Whether the form is due at `unit` (its level, and for schools the levels taught).
  bool DueAt(const OrgUnit& unit) const;
  std::string package;
};

}  // namespace eduledger::meta
