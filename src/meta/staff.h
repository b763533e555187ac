// Staff: one person on the staff register (教职工), keyed by ID number, and their assignment in
// each school year: school, post, title, subject, level taught, qualification. A 专任教师 is
// a staff member whose post is kFullTimeTeacher.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "meta/education_level.h"
#include "meta/student.h"

namespace eduledger::meta {

// 岗位类别.
enum class Post : std::uint8_t {
  kUnknown = 0,
  kFullTimeTeacher = 1,  // 专任教师
  kAdministrative = 2,   // 行政人员
  kSupport = 3,          // 教辅人员
  kWorker = 4,           // 工勤技能人员
  kOther = 5,            // 其他 (校办企业职工 …)
};
std::string_view PostName(Post post);
std::optional<Post> ParsePost(std::string_view text);
// The names ParsePost accepts, in table order (error messages, import templates).
std::vector<std::string_view> PostNames();

// 专业技术职务 (the unified primary/secondary titles of 2015; the old names are read too).
enum class Title : std::uint8_t {
  kNone = 0,        // 未定职级
  kSeniorPlus = 1,  // 正高级教师
  kSenior = 2,      // 高级教师
  kFirst = 3,       // 一级教师
  kSecond = 4,      // 二级教师
  kThird = 5,       // 三级教师
};
std::string_view TitleName(Title title);
std::optional<Title> ParseTitle(std::string_view text);
// The names ParseTitle accepts, in table order (error messages, import templates).
std::vector<std::string_view> TitleNames();

// 最高学历.
enum class Qualification : std::uint8_t {
  kUnknown = 0,
  kDoctorate = 1,       // 博士研究生
  kMaster = 2,          // 硕士研究生
  kBachelor = 3,        // 本科
  kAssociate = 4,       // 专科
  kSecondary = 5,       // 高中阶段 (高中、中专、中师)
  kBelowSecondary = 6,  // 高中阶段以下
};
std::string_view QualificationName(Qualification q);
std::optional<Qualification> ParseQualification(std::string_view text);
// The names ParseQualification accepts, in table order (error messages, import templates).
std::vector<std::string_view> QualificationNames();

struct Staff {
  std::int64_t id = 0;
  IdType id_type = IdType::kResidentId;
  std::string id_number;
  std::string name;
  Sex sex = Sex::kUnknown;
  core::Date birth_date;
  int ethnicity = 0;

  friend bool operator==(const Staff&, const Staff&) = default;
};

struct StaffAssignment {
  std::int64_t staff_id = 0;
  int school_year = 0;
  std::int64_t org_unit_id = 0;
  Post post = Post::kUnknown;
  Title title = Title::kNone;
  std::string subject;                         // 任教学科; empty for non-teaching posts
  std::optional<EducationLevel> level_taught;  // 任教学段
  Qualification qualification = Qualification::kUnknown;

  friend bool operator==(const StaffAssignment&, const StaffAssignment&) = default;
};

}  // namespace eduledger::meta
