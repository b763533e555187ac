#include "cli/stats_output.h"

#include <algorithm>
#include <cmath>

#include "cli/json_number.h"
#include "cli/text_output.h"
#include "cli/year_output.h"
#include "meta/school_type.h"

namespace eduledger::cli {

namespace {

// A count for people: "31,767", or "—" for no value.
std::string Count(double v) {
  return std::isnan(v) ? "—" : Thousands(static_cast<std::int64_t>(std::llround(v)));
}

// "31,767 人", or the note when there is no value.
std::string Said(const app::StatsFigure& f, std::string_view unit) {
  if (f.code.empty()) return "—";
  if (!f.has_value()) return f.note.empty() ? "无数据" : f.note;
  return Count(f.value) + " " + std::string(unit);
}

// A cell of the table by level: the count; "—" for a figure the level does not have; for
// one without a value, the head of its note ("统计期未结束", "无学籍异动记录").
std::string Cell(const app::StatsFigure& f) {
  if (f.code.empty()) return "—";
  if (f.has_value()) return Count(f.value);
  const std::size_t colon = f.note.find("：");
  return f.note.empty() ? "无数据" : f.note.substr(0, colon);
}

const app::StatsFigure& Get(const app::RegisterStats& s, std::string_view code) {
  static const app::StatsFigure kNone;
  const app::StatsFigure* f = s.Find(code);
  return f ? *f : kNone;
}

}  // namespace

nlohmann::json StatsJson(const app::RegisterStats& s) {
  nlohmann::json j = {{"org_unit_code", s.org_code}, {"org_unit_name", s.org_name}};
  AddStatisticsYear(s.year, &j);
  // Every figure shown, by its indicator's code.
  nlohmann::json figures = nlohmann::json::object();
  const auto put = [&](const app::StatsFigure& f) {
    if (!f.code.empty()) figures[f.code] = NumberJson(f.value);
  };
  for (const auto* part : {&s.totals, &s.events}) {
    for (const app::StatsFigure& f : *part) put(f);
  }
  for (const app::LevelFigures& l : s.by_level) {
    for (const app::StatsFigure* f : {&l.students, &l.entrants, &l.graduates, &l.teachers}) put(*f);
  }
  j["figures"] = figures;
  j["schools_by_type"] = nlohmann::json::array();
  for (const app::SchoolTypeCount& t : s.by_type) {
    const meta::SchoolTypeInfo* info = meta::FindSchoolType(t.type);
    j["schools_by_type"].push_back({{"school_type", t.type},
                                    {"name", info ? std::string(info->name) : ""},
                                    {"public", t.public_count},
                                    {"private", t.private_count}});
  }
  j["by_level"] = nlohmann::json::array();
  for (const app::LevelFigures& l : s.by_level) {
    j["by_level"].push_back({{"level", std::string(meta::EducationLevelKey(l.level))},
                             {"students", NumberJson(l.students.value)},
                             {"female", NumberJson(l.students.female)},
                             {"entrants", NumberJson(l.entrants.value)},
                             {"graduates", NumberJson(l.graduates.value)},
                             {"fulltime_teachers", NumberJson(l.teachers.value)},
                             {"pupil_teacher_ratio", l.ratio.text}});
  }
  return j;
}

std::string StatsText(const app::RegisterStats& s) {
  std::string out = s.org_name + " " + StatisticsYearHeading(s.year) + "\n\n";
  out += "学校 " + Said(Get(s, "schools"), "所") + "（其中民办 " +
         Said(Get(s, "private_schools"), "所") + "），另有教学点 " +
         Said(Get(s, "teaching_points"), "个") + "\n";
  TextTable types({"办学类型", "公办", "民办", "合计"});
  for (const app::SchoolTypeCount& t : s.by_type) {
    const meta::SchoolTypeInfo* info = meta::FindSchoolType(t.type);
    types.Add({std::to_string(t.type) + " " + (info ? std::string(info->name) : "?"),
               Count(t.public_count), Count(t.private_count),
               Count(t.public_count + t.private_count)});
  }
  out += types.Render() + "\n";

  out += "在校学生 " + Said(Get(s, "students"), "人") + "；教职工 " + Said(Get(s, "staff"), "人") +
         "，其中专任教师 " + Said(Get(s, "fulltime_teachers"), "人") + "\n";
  TextTable levels({"学段", "在校生", "女生", "招生", "毕业生", "专任教师", "生师比"});
  for (const app::LevelFigures& l : s.by_level) {
    levels.Add({std::string(meta::EducationLevelName(l.level)), Cell(l.students),
                Count(l.students.female), Cell(l.entrants), Cell(l.graduates), Cell(l.teachers),
                l.ratio.has_value() ? l.ratio.text : Cell(l.ratio)});
  }
  // The totals are the package's own figures, each the sum of the levels above it.
  const app::StatsFigure& students = Get(s, "students");
  levels.Add({"合计", Cell(students), Count(students.female), Cell(Get(s, "entrants")),
              Cell(Get(s, "graduates")), Cell(Get(s, "fulltime_teachers")), ""});
  out += levels.Render();
  out +=
      "  招生为统计时点进入起始年级的新生，毕业生为统计期内毕业的学生；"
      "—为该学段不统计此项\n\n";

  out += "在校生中：少数民族 " + Said(Get(s, "minority_students"), "人") + "，留守儿童 " +
         Said(Get(s, "left_behind_students"), "人") + "，进城务工人员随迁子女 " +
         Said(Get(s, "migrant_students"), "人") + "，残疾学生 " +
         Said(Get(s, "disabled_students"), "人") + "，建档立卡学生 " +
         Said(Get(s, "registered_poor_students"), "人") + "\n";
  out += "统计期内义务教育辍学（期末未复学）" + Said(Get(s, "compulsory_dropouts"), "人") + "\n\n";

  out += "学籍异动（统计期 " + s.flow.start().ToChinese() + "—" + s.flow.end().ToChinese() + "）\n";
  // No event figure has a value: say why once.
  if (std::none_of(s.events.begin(), s.events.end(),
                   [](const app::StatsFigure& f) { return f.has_value(); })) {
    const std::string why = s.events.empty() ? "" : s.events.front().note;
    return out + "  （" + (why.empty() ? "无记录" : why) + "）\n";
  }
  TextTable ev({"异动类型", "人次"});
  bool any = false;
  for (const app::StatsFigure& f : s.events) {
    if (f.has_value() && f.value == 0) continue;
    std::string type = f.name;  // "转出人次" → "转出"
    for (std::string_view suffix : {"人次", "人数"}) {
      if (type.ends_with(suffix)) type.resize(type.size() - suffix.size());
    }
    any = true;
    ev.Add({type, f.has_value() ? Count(f.value) : (f.note.empty() ? "无数据" : f.note)});
  }
  out += any ? ev.Render() : "  （无记录）\n";
  return out;
}

}  // namespace eduledger::cli
