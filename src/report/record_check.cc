// Figures against the records. A figure is compared only when its words name, for the whole
// area, a quantity the register holds ("全县在校学生31982人", "共有小学67所", "专任教师1929人"):
// a figure about one school or township ("城关一小在校学生2000人") names more than the
// statistic and is left alone. The figure's year picks the school year: a summary for 2026
// quotes the autumn-2026 time point (9月1日) for stocks and the school year ending in 2026 for
// flows such as 辍学.
#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "report/checks_internal.h"

namespace eduledger::report::internal {

namespace {

struct Metric {
  std::string_view noun;  // the statistic's name, as the figure's words give it
  std::string_view unit;
  RecordMetric metric;
};

// Most specific first.
constexpr Metric kMetrics[] = {
    {"小学在校生", "人", RecordMetric::kPrimaryStudents},
    {"小学在校学生", "人", RecordMetric::kPrimaryStudents},
    {"小学生", "人", RecordMetric::kPrimaryStudents},
    {"初中在校生", "人", RecordMetric::kJuniorStudents},
    {"初中在校学生", "人", RecordMetric::kJuniorStudents},
    {"初中生", "人", RecordMetric::kJuniorStudents},
    {"普通高中在校生", "人", RecordMetric::kSeniorStudents},
    {"高中在校生", "人", RecordMetric::kSeniorStudents},
    {"中职在校生", "人", RecordMetric::kVocationalStudents},
    {"在园幼儿", "人", RecordMetric::kKindergartenChildren},
    {"在园儿童", "人", RecordMetric::kKindergartenChildren},
    {"在校学生", "人", RecordMetric::kStudents},
    {"在校生", "人", RecordMetric::kStudents},
    {"教职工", "人", RecordMetric::kStaff},
    {"专任教师", "人", RecordMetric::kTeachers},
    {"留守儿童", "人", RecordMetric::kLeftBehind},
    {"随迁子女", "人", RecordMetric::kMigrantChildren},
    {"进城务工人员随迁子女", "人", RecordMetric::kMigrantChildren},
    {"残疾学生", "人", RecordMetric::kDisabledStudents},
    {"少数民族学生", "人", RecordMetric::kMinorityStudents},
    {"建档立卡学生", "人", RecordMetric::kRegisteredPoor},
    {"辍学学生", "人", RecordMetric::kDropouts},
    {"辍学", "人", RecordMetric::kDropouts},
    {"劝返复学", "人", RecordMetric::kReturned},
    {"教学点", "个", RecordMetric::kTeachingPoints},
    {"教学点", "所", RecordMetric::kTeachingPoints},
    {"幼儿园", "所", RecordMetric::kKindergartens},
    {"小学", "所", RecordMetric::kPrimarySchools},
    {"初中", "所", RecordMetric::kJuniorSchools},
    {"初级中学", "所", RecordMetric::kJuniorSchools},
    {"普通高中", "所", RecordMetric::kSeniorSchools},
    {"中等职业学校", "所", RecordMetric::kVocationalSchools},
    {"特殊教育学校", "所", RecordMetric::kSpecialSchools},
    {"学校", "所", RecordMetric::kSchools},
    {"中小学校", "所", RecordMetric::kSchools},
    // Rates: the level is part of the name; a rate without one (辍学率) is not compared.
    {"小学辍学率", "%", RecordMetric::kPrimaryDropoutRate},
    {"小学年辍学率", "%", RecordMetric::kPrimaryDropoutRate},
    {"小学生辍学率", "%", RecordMetric::kPrimaryDropoutRate},
    {"初中辍学率", "%", RecordMetric::kJuniorDropoutRate},
    {"初中年辍学率", "%", RecordMetric::kJuniorDropoutRate},
    {"初中生辍学率", "%", RecordMetric::kJuniorDropoutRate},
    {"小学升学率", "%", RecordMetric::kPrimaryPromotionRate},
    {"小学毕业生升学率", "%", RecordMetric::kPrimaryPromotionRate},
    {"初中升学率", "%", RecordMetric::kJuniorPromotionRate},
    {"初中毕业生升学率", "%", RecordMetric::kJuniorPromotionRate},
    {"巩固率", "%", RecordMetric::kRetentionRate},
    {"义务教育巩固率", "%", RecordMetric::kRetentionRate},
    {"九年义务教育巩固率", "%", RecordMetric::kRetentionRate},
    {"小学净入学率", "%", RecordMetric::kPrimaryNetEnrolmentRate},
    {"小学适龄儿童入学率", "%", RecordMetric::kPrimaryNetEnrolmentRate},
    {"小学学龄儿童入学率", "%", RecordMetric::kPrimaryNetEnrolmentRate},
    {"小学入学率", "%", RecordMetric::kPrimaryNetEnrolmentRate},
    {"初中毛入学率", "%", RecordMetric::kJuniorGrossEnrolmentRate},
    {"高中阶段毛入学率", "%", RecordMetric::kSeniorGrossEnrolmentRate},
    {"高中阶段教育毛入学率", "%", RecordMetric::kSeniorGrossEnrolmentRate},
    {"学前三年毛入园率", "%", RecordMetric::kPreschoolGrossEnrolmentRate},
    {"学前教育毛入园率", "%", RecordMetric::kPreschoolGrossEnrolmentRate},
    {"学前三年教育毛入园率", "%", RecordMetric::kPreschoolGrossEnrolmentRate},
    {"毛入园率", "%", RecordMetric::kPreschoolGrossEnrolmentRate},
    {"残疾儿童少年入学率", "%", RecordMetric::kDisabledEnrolmentRate},
    {"适龄残疾儿童少年入学率", "%", RecordMetric::kDisabledEnrolmentRate},
    {"残疾儿童少年义务教育入学率", "%", RecordMetric::kDisabledEnrolmentRate},
    {"残疾儿童入学率", "%", RecordMetric::kDisabledEnrolmentRate},
    {"小学生师比", ":1", RecordMetric::kPrimaryPupilTeacherRatio},
    {"初中生师比", ":1", RecordMetric::kJuniorPupilTeacherRatio},
    {"普通高中生师比", ":1", RecordMetric::kSeniorPupilTeacherRatio},
    {"高中生师比", ":1", RecordMetric::kSeniorPupilTeacherRatio},
    {"幼儿园生师比", ":1", RecordMetric::kPreschoolPupilTeacherRatio},
};

// The statistic a figure names, if its words name exactly one (after scope and verbs).
const Metric* MetricOf(const Figure& f) {
  const std::string before = CoreNoun(f.before);
  for (const Metric& m : kMetrics) {
    if (f.unit != m.unit) continue;
    // "全县在校学生31982人" or "全县共有108所学校" (the noun after the unit).
    if (before == m.noun) return &m;
    if ((before.empty() || CoreNoun(before).empty() || HasTotalMarker(f.before)) &&
        std::string_view(f.after) == m.noun) {
      return &m;
    }
  }
  return nullptr;
}

}  // namespace

// Whether the text right after a figure lists 教学点 among its parts: a parenthesis
// ("小学67所（完小47所、教学点20所）") or a clause opening with 其中 ("小学62所，其中教学点21个"),
// up to its closing bracket or the end of the clause; not a clause of its own ("另有教学点21个").
bool PartsIncludeTeachingPoints(std::string_view after) {
  while (after.starts_with(" ")) after.remove_prefix(1);
  std::vector<std::string_view> ends = {"。", "；", "\n"};
  if (after.starts_with("（")) {
    ends.push_back("）");
  } else if (after.starts_with("(")) {
    ends.push_back(")");
  } else if (after.starts_with("，其中") || after.starts_with(",其中") ||
             after.starts_with("其中")) {
    ends.push_back("，");
    after.remove_prefix(after.find("其中") + std::string_view("其中").size());
  } else {
    return false;
  }
  std::size_t end = after.size();
  for (const std::string_view e : ends) end = std::min(end, after.find(e));
  return after.substr(0, end).find("教学点") != std::string_view::npos;
}

void CheckRecords(CheckState& state) {
  // The first figure of each school year the records do not hold, and how many there are.
  std::map<int, std::pair<std::pair<std::size_t, const Figure*>, int>> not_held;
  for (std::size_t p = 0; p < state.paragraphs.size(); ++p) {
    if (state.paragraphs[p].plan) continue;  // a plan's figures are targets
    const auto& figs = state.paragraphs[p].figures.figures;
    for (std::size_t i = 0; i < figs.size(); ++i) {
      const Figure& f = figs[i];
      if (f.unknown) continue;
      const Metric* m = MetricOf(f);
      if (m == nullptr) continue;
      // Schools are counted without teaching points unless the text counts them in
      // ("小学67所(完小47所、教学点20所)").
      const bool with_points =
          m->metric == RecordMetric::kPrimarySchools &&
          PartsIncludeTeachingPoints(
              std::string_view(state.paragraphs[p].paragraph->text).substr(f.end));
      const int year = f.year != 0 ? f.year : state.options.year;
      if (year == 0) continue;
      if (!state.options.records->HoldsYear(year)) {
        auto [it, fresh] = not_held.try_emplace(year, std::pair{std::pair{p, &f}, 0});
        ++it->second.second;
        continue;
      }
      auto record = state.options.records->Lookup(m->metric, year);
      if (!record) continue;
      if (!record->missing.empty()) {
        Finding finding = FindingAt(
            f, FindingKind::kRecordsMissing, Severity::kWarning,
            std::string(m->noun) + "：台账没有这一数字（" + record->missing + "），未与台账比对");
        finding.query = record->description + "（复核：" + record->command + "）";
        state.Add(p, std::move(finding));
        continue;
      }
      double value = record->value;
      if (with_points) {
        if (auto points = state.options.records->Lookup(RecordMetric::kTeachingPoints, year)) {
          value += points->value;
          record->description += "，含教学点";
        }
      }
      ++state.result->summary.records_compared;
      // The record as precise as it is kept; the figure stands for the range it is written to.
      if (Overlaps(f.lo, f.hi, value, value)) continue;
      const int decimals = std::max(record->decimals, f.decimals);
      Finding finding = FindingAt(f, FindingKind::kRecordMismatch, Severity::kError,
                                  std::string(m->noun) + "：文中为" + f.written + "，台账记录为" +
                                      FormatValue(RoundTo(value, decimals), f.unit, decimals) +
                                      std::string(m->unit));
      finding.expected = RoundTo(value, decimals);
      finding.decimals = decimals;
      finding.query = record->description + "（复核：" + record->command + "）";
      state.Add(p, std::move(finding));
    }
  }
  for (const auto& [year, first] : not_held) {
    const auto& [where, count] = first;
    Finding finding = FindingAt(*where.second, FindingKind::kRecordsMissing, Severity::kWarning,
                                "台账中没有" + std::to_string(year) + "年的记录（库中有" +
                                    state.options.records->YearsHeld() + "），文中该年的 " +
                                    std::to_string(count) + " 个数字未与台账比对");
    state.Add(where.first, std::move(finding));
  }
}

}  // namespace eduledger::report::internal
