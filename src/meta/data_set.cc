#include "meta/data_set.h"

#include "meta/grade.h"
#include "meta/school_type.h"

namespace eduledger::meta {

bool DataSet::DueAt(const OrgUnit& unit) const {
  if (unit.level != filled_by) return false;
  if (for_levels.empty() || unit.level != OrgLevel::kSchool) return true;
  for (int grade = kMinGrade; grade <= kMaxGrade; ++grade) {
    if (!AdmitsGrade(unit.school_type, grade)) continue;
    const EducationLevel level = LevelOf(unit.school_type, grade);
    for (const EducationLevel l : for_levels) {
      if (l == level) return true;
    }
  }
  return false;
}

}  // namespace eduledger::meta
