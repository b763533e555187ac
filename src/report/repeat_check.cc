// The same quantity stated twice with different values. Only statements that clearly name one
// quantity are compared: a statistic's name (在校学生, 专任教师, 入学率 …) or a whole-area total
// (全县…共有…), with the same subject (小学辍学率 and 初中辍学率, 幼儿园 and 学校 are different
// quantities; the noun may follow the number: 1865名教职工), unit and year. Different wordings
// of different things ("投入资金400多万元" and "投入资金7000多万元") are never compared, nor the
// targets of a plan section.
#include <map>

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

// The noun a figure counts when it follows the number ("1865名教职工中" → "教职工").
std::string NounAfter(std::string_view after) {
  for (const std::string_view tail : {"当中", "之中", "中", "里"}) {
    if (after.ends_with(tail) && after.size() > tail.size()) {
      after.remove_suffix(tail.size());
      break;
    }
  }
  return std::string(after);
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
    for (const Figure& f : state.paragraphs[p].figures.figures) {
      if (f.unknown || f.before.find("占") != std::string::npos) continue;
      // The subject is what the figure counts: the noun before it, or the noun after it
      // when nothing names it before (全县共有1865名教职工).
      std::string noun = CoreNoun(f.before);
      if (noun.size() < 6) noun = NounAfter(f.after);
      if (noun.size() < 6) continue;  // two characters at least
      if (!NamesAStatistic(noun) && !HasTotalMarker(f.before)) continue;
      if (noun.find("其中") != std::string::npos || f.before.find("比") != std::string::npos)
        continue;
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
