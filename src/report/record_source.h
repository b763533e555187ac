// RecordSource: where the checker asks what the records say. The report layer names the
// quantities it can compare; the app layer answers from the register (app/check_report.h),
// so the checker never depends on the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eduledger::report {

// Quantities a summary states that the register holds.
enum class RecordMetric {
  kSchools,               // 学校 (teaching points not counted)
  kPrimarySchools,        // 小学
  kJuniorSchools,         // 初中 (初级中学, 九年一贯制 …)
  kSeniorSchools,         // 普通高中
  kVocationalSchools,     // 中等职业学校
  kKindergartens,         // 幼儿园
  kSpecialSchools,        // 特殊教育学校
  kTeachingPoints,        // 教学点
  kStudents,              // 在校学生 (all levels)
  kPrimaryStudents,       // 小学在校生
  kJuniorStudents,        // 初中在校生
  kSeniorStudents,        // 普通高中在校生
  kVocationalStudents,    // 中职在校生
  kKindergartenChildren,  // 在园幼儿
  kStaff,                 // 教职工
  kTeachers,              // 专任教师
  kLeftBehind,            // 留守儿童
  kMigrantChildren,       // 随迁子女
  kDisabledStudents,      // 残疾学生
  kMinorityStudents,      // 少数民族学生
  kRegisteredPoor,        // 建档立卡学生
  kDropouts,              // 辍学 (over the year's flow window)
  kReturned,              // 劝返复学
  kAdmissions,            // 招生
  kGraduates,             // 毕业生
  // Rates, in percent (the indicators of the statistics year, by their official definitions).
  kPrimaryDropoutRate,           // 小学辍学率
  kJuniorDropoutRate,            // 初中辍学率
  kPrimaryPromotionRate,         // 小学升学率
  kJuniorPromotionRate,          // 初中升学率
  kRetentionRate,                // 九年义务教育巩固率
  kPrimaryNetEnrolmentRate,      // 小学净入学率
  kJuniorGrossEnrolmentRate,     // 初中毛入学率
  kSeniorGrossEnrolmentRate,     // 高中阶段毛入学率
  kPreschoolGrossEnrolmentRate,  // 学前三年毛入园率
  kDisabledEnrolmentRate,        // 残疾儿童少年义务教育入学率
  // Ratios to one (生师比 16.19:1): the first term.
  kPrimaryPupilTeacherRatio,    // 小学生师比
  kJuniorPupilTeacherRatio,     // 初中生师比
  kSeniorPupilTeacherRatio,     // 普通高中生师比
  kPreschoolPupilTeacherRatio,  // 幼儿园生师比
};

struct RecordValue {
  double value = 0;         // a count, or a rate in percent
  std::string description;  // what was counted, in Chinese: scope, year, time point
  std::string command;      // the eduledger command that counts it again
  // Non-empty: the records have the quantity but no value for it (the 学籍异动 of the window
  // are missing, the forms unfilled …), in Chinese; `value` means nothing then.
  std::string missing;
  int decimals = 0;  // how the records print it (the indicator's decimals)
};

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // The records' value of `metric` for school year `year`, or nullopt when the records hold
  // nothing for that year.
  virtual std::optional<RecordValue> Lookup(RecordMetric metric, int year) = 0;
  // Whether the records hold school year `year` at all; when not, the figures of that year
  // are reported as not compared instead of passing in silence.
  virtual bool HoldsYear(int year) = 0;
  // The school years held, in words ("2017—2026学年"), for that report.
  virtual std::string YearsHeld() = 0;
};

}  // namespace eduledger::report
