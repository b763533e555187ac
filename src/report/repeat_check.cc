// The same quantity stated twice with different values. Only statements that clearly name one
// quantity are compared: a statistic's name (在校学生, 专任教师, 入学率 …) or a whole-area total
// (全县…共有…), with the same subject (小学辍学率 and 初中辍学率, 幼儿园 and 学校 are different
// quantities; the noun may follow the number: 1865名教职工), unit and year. Different wordings
// of different things ("投入资金400多万元" and "投入资金7000多万元") are never compared, nor the
// targets of a plan section.
#include <map>

#include "core/text.h"
#include "report/checks_internal.h"

namespace eduledger::report::internal {

namespace {

constexpr std::string_view kStatisticNouns[] = {
    "在校学生", "在校生",   "学生总数", "在园幼儿",     "教职工",     "专任教师",
    "留守儿童", "随迁子女", "适龄儿童", "适龄人口",     "学校总数",   "教学点",
    "入学率",   "巩固率",   "升学率",   "入园率",       "毛入学率",   "毛入园率",
    "辍学率",   "辍学学生", "残疾儿童", "少数民族学生", "校舍总面积", "普惠性幼儿园覆盖率",
    "生师比"};

bool NamesAStatistic(std::string_view noun) {
  for (const std::string_view s : kStatisticNouns) {
    if (noun == s || (noun.ends_with(s) && noun.size() <= s.size() + 12)) return true;
  }
  return false;
}

// The noun a figure counts when it follows the number: a statistic's name the words after it
// open with ("1865名教职工中", "41263名在校学生全部参加" → 教职工, 在校学生), else those words.
std::string NounAfter(std::string_view after) {
  std::string_view longest;
  for (const std::string_view s : kStatisticNouns) {
    if (after.starts_with(s) && s.size() > longest.size()) longest = s;
  }
  if (!longest.empty()) return std::string(longest);
  for (const std::string_view tail : {"当中", "之中", "中", "里"}) {
    if (after.ends_with(tail) && after.size() > tail.size()) {
      after.remove_suffix(tail.size());
      break;
    }
  }
  return std::string(after);
}

// Do the words before a figure end with its scope ("组织全县", "共有"), the noun following it?
bool EndsWithScope(std::string_view words) {
  for (const std::string_view w : {"全县", "全区", "全市", "全镇", "全乡", "全省", "我县", "我区",
                                   "我市", "本县", "共有", "现有"}) {
    if (words.ends_with(w)) return true;
  }
  return false;
}

// The level a rate without one in its name is of: the last level its segment names before it
// ("全县小学阶段适龄儿童4862人，已入学4791人，入学率99.6%" → 小学); empty when none.
std::string_view LevelBefore(std::string_view segment) {
  static constexpr std::string_view kLevels[] = {"小学", "初中", "高中",     "幼儿园",
                                                 "学前", "中职", "特殊教育", "义务教育"};
  std::string_view level;
  std::size_t last = 0;
  for (const std::string_view l : kLevels) {
    const std::size_t at = segment.rfind(l);
    if (at != std::string_view::npos && (level.empty() || at >= last)) {
      level = l;
      last = at;
    }
  }
  return level;
}

struct Stated {
  std::size_t paragraph;
  const Figure* figure;
};

}  // namespace

void CheckRepeats(CheckState& state) {
  std::map<std::string, Stated> first;
  for (std::size_t p = 0; p < state.paragraphs.size(); ++p) {
    if (state.paragraphs[p].plan) continue;  // targets, not statements of this year's figures
    const ParagraphFigures& figures = state.paragraphs[p].figures;
    const std::string_view text = state.paragraphs[p].paragraph->text;
    for (const Figure& f : figures.figures) {
      if (f.unknown || f.before.find("占") != std::string::npos) continue;
      // After 其中 in its sentence a figure is a part (of one school, one group), not the
      // whole area's statistic.
      const std::size_t sentence = figures.sentence_starts[static_cast<std::size_t>(f.sentence)];
      if (text.substr(sentence, f.begin - sentence).find("其中") != std::string_view::npos)
        continue;
      // The subject is what the figure counts: the noun before it, or the noun after it
      // when nothing names it before (全县共有1865名教职工).
      std::string noun = CoreNoun(f.before);
      if (noun.size() < 6 || EndsWithScope(noun)) {
        noun = NounAfter(f.after);  // nothing but 全县, 共有 … right before it
      }
      if (noun.size() < 6) continue;  // two characters at least
      if (!NamesAStatistic(noun) && !HasTotalMarker(f.before)) continue;
      if (noun.find("其中") != std::string::npos || f.before.find("比") != std::string::npos)
        continue;
      if (noun.ends_with("率") && LevelBefore(noun).empty()) {
        const std::size_t segment = figures.segment_starts[static_cast<std::size_t>(f.segment)];
        noun = std::string(LevelBefore(text.substr(segment, f.begin - segment))) + noun;
      }
      const std::string key = noun + "|" + f.unit + "|" + std::to_string(f.year);
      const auto [it, fresh] = first.try_emplace(key, Stated{p, &f});
      if (fresh) continue;
      const Figure& earlier = *it->second.figure;
      if (Overlaps(earlier.lo, earlier.hi, f.lo, f.hi)) continue;
      Finding finding =
          FindingAt(f, FindingKind::kInconsistentRepeat, Severity::kWarning,
                    "“" + noun + "”前文（第" +
                        std::to_string(state.paragraphs[it->second.paragraph].paragraph->number) +
                        "段）为" + earlier.written + "，此处为" + f.written);
      finding.expected = earlier.value;
      finding.decimals = std::max(f.decimals, earlier.decimals);
      finding.related = {state.PlaceOf(it->second.paragraph, earlier)};
      state.Add(p, std::move(finding));
    }
  }
}

}  // namespace eduledger::report::internal
