// 零疏漏, the coverage check of 学生资助: every student on the roll of a school year in an eligible
// group (脱贫家庭/建档立卡, 低保, 特困供养, 孤儿, 残疾) who was not paid this term's aid of their
// level (学前教育资助, 义务教育家庭经济困难学生生活补助, 普通高中国家助学金, 中职国家助学金).
//
// "This term" is the 秋季学期 of school year Y, paid in calendar year Y: the roll is the one of
// statistics year Y's snapshot (1 September). A payment covers a student when it is 已发放, of
// the programme of the student's level, for the 秋季学期 (or the 全学年) and paid in Y. While the
// ledger has no 秋季学期 payment paid in Y at all the term's list has not been brought in, and
// nothing is listed (the check would list every eligible student).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/result.h"
#include "engine/snapshot.h"
#include "meta/education_level.h"
#include "store/store.h"

namespace eduledger::app {

inline constexpr std::string_view kAidLedger = "student_aid";

struct UncoveredStudent {
  std::int64_t student_id = 0;
  std::string identity;  // ID number, else 学籍号; masked unless the actor has full view
  std::string name;      // likewise
  int grade = 0;
  std::string group;      // the eligible group, in words (脱贫家庭（原建档立卡）…)
  std::string programme;  // the aid of their level they were not paid, in words
  std::string org_code;
  std::string org_name;
  std::string township;  // "县直学校" for a school the county runs
};

// The aid a student of `level` is paid each term (its programme code: living_subsidy …), or ""
// for a level without one here.
std::string_view TermlyAidOf(meta::EducationLevel level);

// The anti-join alone, on a snapshot read with `md`'s case schema (engine/student_links.h):
// the uncovered students' store ids, school, grade, flags (meta/student.h) and the programme
// of their level, in snapshot order; empty when the package has no aid ledger or the snapshot
// does not hold the year.
struct UncoveredRecord {
  std::int64_t student_id = 0;
  std::int64_t org_unit_id = 0;
  int grade = 0;
  std::uint32_t flags = 0;
  std::string_view programme;  // its code: living_subsidy …
};
core::Result<std::vector<UncoveredRecord>> UncoveredAidRecords(const engine::Snapshot& s,
                                                               const Actor& actor,
                                                               const Metadata& md, int school_year);

// The eligible students of school year `school_year` at the schools the actor sees who were
// not paid, by township, school and student, named (masked unless the actor has full view);
// empty when the package has no aid ledger.
core::Result<std::vector<UncoveredStudent>> UncoveredAidStudents(store::Store& store,
                                                                 const Actor& actor,
                                                                 const Metadata& md,
                                                                 int school_year);

// The same on a snapshot read with `md`'s case schema (validate reads one for all its checks);
// `store` names the students.
core::Result<std::vector<UncoveredStudent>> UncoveredAidStudents(store::Store& store,
                                                                 const engine::Snapshot& snapshot,
                                                                 const Actor& actor,
                                                                 const Metadata& md,
                                                                 int school_year);

}  // namespace eduledger::app
