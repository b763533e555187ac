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

bool NamesAStatistic(std::string_view noun) { return !StatisticOf(noun).empty(); }

// The noun a figure counts when it follows the number: a statistic's name the words after it
// open with ("1865名教职工中", "41263名在校学生全部参加" → 教职工, 在校学生), else those words.
std::string NounAfter(std::string_view after) {
  std::string_view longest;
  for (const Statistic& s : Statistics()) {
    for (const std::string_view spelling : s.spellings) {
      if (after.starts_with(spelling) && spelling.size() > longest.size()) longest = spelling;
    }
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
  static constexpr std::string_view kLevels[] = {
      "小学", "初中",         "高中",     "普通高中", "幼儿园",       "学前",
      "中职", "中等职业学校", "职业学校", "特殊教育", "特殊教育学校", "义务教育"};
  std::string_view level;
  std::size_t last = 0;
  for (const std::string_view l : kLevels) {
    const std::size_t at = segment.rfind(l);
    // The last named; of two at one place (高中, 普通高中 …) the longer.
    if (at != std::string_view::npos &&
        (level.empty() || at > last || (at == last && l.size() > level.size()))) {
      level = l;
      last = at;
    }
  }
  return level;
}

struct Stated {
  std::size_t paragraph;
  const Figure* figure;
  std::string_view level;  // of a bare statistic: the level its segment names; empty if none
};

}  // namespace

void CheckRepeats(CheckState& state) {
  // The statements of each quantity, one per level it was stated for (a few at most).
  std::map<std::string, std::vector<Stated>> stated;
  constexpr std::size_t kMaxLevels = 8;
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
      // A rate, or a statistic named bare (在校生), may be of the level or school type its
      // segment names before it: "普通高中8所，在校生16240人；中等职业学校3所，在校生5860人".
      // Statements of two different levels are two quantities; a statement naming none may be
      // of either.
      bool bare = noun.ends_with("率");
      for (const Statistic& s : Statistics()) {
        for (const std::string_view spelling : s.spellings) bare = bare || noun == spelling;
      }
      std::string_view level;
      if (bare && LevelBefore(noun).empty()) {
        const std::size_t segment = figures.segment_starts[static_cast<std::size_t>(f.segment)];
        level = LevelBefore(text.substr(segment, f.begin - segment));
      }
      std::vector<Stated>& earlier_ones =
          stated[noun + "|" + f.unit + "|" + std::to_string(f.year)];
      const Stated* earlier_one = nullptr;
      for (const Stated& e : earlier_ones) {
        if (e.level.empty() || level.empty() || e.level == level) {
          earlier_one = &e;
          break;
        }
      }
      if (earlier_one == nullptr) {
        if (earlier_ones.size() < kMaxLevels) earlier_ones.push_back(Stated{p, &f, level});
        continue;
      }
      const Figure& earlier = *earlier_one->figure;
      if (Overlaps(earlier.lo, earlier.hi, f.lo, f.hi)) continue;
      Finding finding =
          FindingAt(f, FindingKind::kInconsistentRepeat, Severity::kWarning,
                    "“" + std::string(level) + noun + "”前文（第" +
                        std::to_string(state.paragraphs[earlier_one->paragraph].paragraph->number) +
                        "段）为" + earlier.written + "，此处为" + f.written);
      finding.expected = earlier.value;
      finding.decimals = std::max(f.decimals, earlier.decimals);
      finding.related = {state.PlaceOf(earlier_one->paragraph, earlier)};
      state.Add(p, std::move(finding));
    }
  }
}

}  // namespace eduledger::report::internal
