#include "cli/stats_output.h"

#include "cli/text_output.h"
#include "meta/school_type.h"

namespace eduledger::cli {

namespace {
// "4.21%" of `part` in `whole`, 2 decimals.
std::string Percent(std::int64_t part, std::int64_t whole) {
  return Ratio(part * 100, whole, 2) + "%";
}
}  // namespace

nlohmann::json StatsJson(const app::RegisterStats& s) {
  nlohmann::json j = {
      {"org_code", s.org_code},
      {"org_name", s.org_name},
      {"school_year", s.school_year},
      {"snapshot_date", s.snapshot.ToString()},
      {"flow_window", {{"from", s.flow.start().ToString()}, {"to", s.flow.end().ToString()}}},
      {"schools", s.schools},
      {"private_schools", s.private_schools},
      {"teaching_points", s.teaching_points},
      {"students", s.students},
      {"minority_students", s.minority},
      {"left_behind", s.left_behind},
      {"migrant_children", s.migrant_children},
      {"disabled", s.disabled},
      {"registered_poor", s.registered_poor},
      {"staff", s.staff},
      {"fulltime_teachers", s.teachers}};
  j["schools_by_type"] = nlohmann::json::array();
  for (const app::SchoolTypeCount& t : s.by_type) {
    const meta::SchoolTypeInfo* info = meta::FindSchoolType(t.type);
    j["schools_by_type"].push_back({{"school_type", t.type},
                                    {"name", info ? std::string(info->name) : ""},
                                    {"public", t.public_count},
                                    {"private", t.private_count}});
  }
  j["by_level"] = nlohmann::json::array();
  for (const app::LevelCount& l : s.by_level) {
    j["by_level"].push_back({{"level", std::string(meta::EducationLevelKey(l.level))},
                             {"students", l.students},
                             {"female", l.female},
                             {"fulltime_teachers", l.teachers}});
  }
  for (const auto& [type, count] : s.events)
    j["events"][std::string(meta::EventTypeKey(type))] = count;
  return j;
}

std::string StatsText(const app::RegisterStats& s) {
  std::string out = s.org_name + " " + core::SchoolYearLabel(s.school_year) + "（统计时点 " +
                    s.snapshot.ToChinese() + "）\n\n";
  out += "学校 " + Thousands(s.schools) + " 所（其中民办 " + Thousands(s.private_schools) +
         " 所），另有教学点 " + Thousands(s.teaching_points) + " 个\n";
  TextTable types({"办学类型", "公办", "民办", "合计"});
  for (const app::SchoolTypeCount& t : s.by_type) {
    const meta::SchoolTypeInfo* info = meta::FindSchoolType(t.type);
    types.Add({std::to_string(t.type) + " " + (info ? std::string(info->name) : "?"),
               Thousands(t.public_count), Thousands(t.private_count),
               Thousands(t.public_count + t.private_count)});
  }
  out += types.Render() + "\n";

  out += "在校学生 " + Thousands(s.students) + " 人；教职工 " + Thousands(s.staff) +
         " 人，其中专任教师 " + Thousands(s.teachers) + " 人\n";
  TextTable levels({"学段", "在校生", "女生", "专任教师", "生师比"});
  for (const app::LevelCount& l : s.by_level) {
    levels.Add({std::string(meta::EducationLevelName(l.level)), Thousands(l.students),
                Thousands(l.female), Thousands(l.teachers),
                l.teachers ? Ratio(l.students, l.teachers, 2) + ":1" : "—"});
  }
  out += levels.Render() + "\n";

  out += "在校生中：少数民族 " + Thousands(s.minority) + " 人（" + Percent(s.minority, s.students) +
         "），留守儿童 " + Thousands(s.left_behind) + " 人，进城务工人员随迁子女 " +
         Thousands(s.migrant_children) + " 人，残疾学生 " + Thousands(s.disabled) +
         " 人，建档立卡学生 " + Thousands(s.registered_poor) + " 人\n\n";

  out += "学籍异动（" + s.flow.start().ToChinese() + "—" + s.flow.end().ToChinese() + "）\n";
  if (s.events.empty()) {
    out += "  （无记录）\n";
  } else {
    TextTable ev({"异动类型", "人次"});
    for (const auto& [type, count] : s.events)
      ev.Add({std::string(meta::EventTypeName(type)), Thousands(count)});
    out += ev.Render();
  }
  return out;
}

}  // namespace eduledger::cli
