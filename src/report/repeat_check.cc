// The same quantity stated twice with different values. Only statements that clearly name one
// quantity are compared: a statistic's name (在校学生, 专任教师, 入学率 …) or a whole-area total
// (全县…共有…), with the same subject (小学辍学率 and 初中辍学率, 幼儿园 and 学校 are different
// quantities; the noun may follow the number: 1865名教职工), unit and year. Different wordings
// of different things ("投入资金400多万元" and "投入资金7000多万元") are never compared, nor the
// targets of a plan section.
#include <algorithm>
#include <map>

#include "core/text.h"
#include "report/checks_internal.h"

namespace eduledger::report::internal {

namespace {

// The noun a figure counts when it follows the number: a statistic's name the words after it
// open with ("1865名教职工中", "41263名在校学生全部参加" → 教职工, 在校学生), else those words.
std::string NounAfter(std::string_view after) {
  // The statistic's spelling, with the words that qualify it ("农村留守儿童关爱" → 农村留守儿童).
  std::size_t end = 0;
  for (const Statistic& s : Statistics()) {
    for (const std::string_view spelling : s.spellings) {
      if (spelling.find("…") != std::string_view::npos) continue;
      const std::size_t at = after.find(spelling);
      if (at != std::string_view::npos) end = std::max(end, at + spelling.size());
    }
  }
  if (end > 0) return std::string(after.substr(0, end));
  for (const std::string_view tail : {"当中", "之中", "中", "里"}) {
    if (after.ends_with(tail) && after.size() > tail.size()) {
      after.remove_suffix(tail.size());
      break;
    }
  }
  return std::string(after);
}

// Words before a statistic's name that do not narrow it: 中小学专任教师, 聘任责任督学.
bool IsNeutralPrefix(std::string_view prefix) {
  // The actor and a total's verb (县教育局共招聘…, 我局累计…) do not narrow it.
  for (const std::string_view actor : {"县教育局", "区教育局", "市教育局", "教育局", "我局"}) {
    if (prefix.starts_with(actor)) prefix.remove_prefix(actor.size());
  }
  // The year it is of (在2025年完成投资…): the figure's year says it.
  if (prefix.starts_with("在")) prefix.remove_prefix(std::string_view("在").size());
  if (prefix.size() >= 7 &&
      prefix.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos &&
      prefix.substr(4).starts_with("年")) {
    prefix.remove_prefix(7);
    if (prefix.starts_with("度")) prefix.remove_prefix(std::string_view("度").size());
  }
  // The whole area and the year it is of (全县年内共化解…) do not narrow it either.
  for (const std::string_view area : {"全县", "全区", "全市"}) {
    if (prefix.starts_with(area)) prefix.remove_prefix(area.size());
  }
  for (const std::string_view when : {"年内", "全年", "本年", "当年"}) {
    if (prefix.starts_with(when)) prefix.remove_prefix(when.size());
  }
  // Nor a total's verb and the words of all kinds (共落实各项学生资助资金, 累计投入各类…).
  for (const std::string_view verb : {"共计", "累计", "共"}) {
    if (prefix.starts_with(verb)) prefix.remove_prefix(verb.size());
  }
  // 落实 only: 下达 (allocated), 安排 (budgeted), 拨付 and 发放 (paid) are different sums.
  if (prefix.starts_with("落实")) prefix.remove_prefix(std::string_view("落实").size());
  for (const std::string_view all : {"各项", "各类"}) {
    if (prefix.starts_with(all)) prefix.remove_prefix(all.size());
  }
  // A demonstrative points back at what was stated (这批新入职的教师).
  for (const std::string_view pointer : {"这批", "这些", "上述", "以上"}) {
    if (prefix.starts_with(pointer)) prefix.remove_prefix(pointer.size());
  }
  for (const std::string_view verb : {"共计", "累计", "共", "先后"}) {
    if (prefix.ends_with(verb)) prefix.remove_suffix(verb.size());
  }
  if (prefix.empty()) return true;
  for (const std::string_view w :
       {"中小学", "中小学校", "全体", "聘任", "配备", "拥有", "现有", "聘请", "在岗", "在编在岗",
        "登记", "高考", "普通高考", "成功", "实际", "秋季入学", "春季入学"}) {
    if (prefix == w) return true;
  }
  return false;
}

// The level a rate without one in its name is of: the last level its segment names before it
// ("全县小学阶段适龄儿童4862人，已入学4791人，入学率99.6%" → 小学); empty when none.
std::string_view LevelBefore(std::string_view segment) {
  std::string_view level;
  std::size_t last = 0;
  for (const std::string_view l : LevelWords()) {
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

// The school or item a segment opens with ("县第一中学参考1120人，本科上线896人" → 县第一中学;
// "- 县体育馆项目：总投资1.2亿元" → 县体育馆项目, "- 城东第二小学新建项目：…" → 城东第二小学):
// its statistics are that one's; empty when it opens with none.
std::string_view SchoolOpening(std::string_view segment) {
  for (const std::string_view bullet : {"- ", "* ", "+ "}) {
    if (segment.starts_with(bullet)) segment.remove_prefix(bullet.size());
  }
  const std::string_view school = SchoolNameOpening(segment);
  constexpr std::size_t kMaxLabel = 20 * 3;  // bytes
  const std::size_t colon = segment.substr(0, kMaxLabel).find("：");
  if (school.empty() && colon != std::string_view::npos && colon > 0 &&
      !ContainsAny(segment.substr(0, colon), {"，", "。", "；"})) {
    return segment.substr(0, colon);
  }
  return school;
}

// A programme's name ("营养改善计划"): a statistic it qualifies is the one a sentence on that
// programme states bare ("实施营养改善计划学校98所，受益学生29640人").
bool IsProgramme(std::string_view qualifier) {
  for (const std::string_view w : {"计划", "工程", "项目", "行动", "政策"}) {
    if (qualifier.ends_with(w) && qualifier.size() >= w.size() + 6) return true;
  }
  return false;
}

struct Stated {
  std::size_t paragraph;
  const Figure* figure;
  std::string qualifier;  // the words before the statistic's name that narrow it (女, 农村 …)
  std::string level;    // of a bare statistic: the level or kind of school it is of; empty if none
  bool school = false;  // the level is one school's
  std::string context;  // the words of its sentence before it (bounded)
  // Of a rate: the counts its segment states before it, those it is computed from. Two rates
  // stated each with counts of their own, none in common, are of two populations.
  std::vector<double> counts;

  bool OtherCounts(const Stated& other) const {
    if (counts.empty() || other.counts.empty()) return false;
    return std::none_of(counts.begin(), counts.end(), [&](double c) {
      return std::find(other.counts.begin(), other.counts.end(), c) != other.counts.end();
    });
  }

  // Is `other` of the same subject: the same qualifier, or a programme's qualifier the bare one's
  // sentence names?
  bool SameSubject(const Stated& other) const {
    if (qualifier == other.qualifier) return true;
    const Stated& bare = qualifier.empty() ? *this : other;
    const Stated& named = qualifier.empty() ? other : *this;
    return bare.qualifier.empty() && IsProgramme(named.qualifier) &&
           bare.context.find(named.qualifier) != std::string::npos;
  }
};

// The words near a figure that may name what it counts, as code points: the last characters of
// the noun before it, and the first after its unit.
std::vector<std::vector<core::CodePointAt>> NounWindows(const Figure& f, std::string* storage) {
  constexpr std::size_t kNear = 8;  // characters each side
  *storage = CoreNoun(f.before) + "|" + f.after;
  const std::string_view all = *storage;
  const std::size_t bar = all.find('|');
  std::vector<std::vector<core::CodePointAt>> windows;
  std::vector<core::CodePointAt> before = core::DecodeCodePoints(all.substr(0, bar));
  if (before.size() > kNear) before.erase(before.begin(), before.end() - kNear);
  windows.push_back(std::move(before));
  std::vector<core::CodePointAt> after = core::DecodeCodePoints(all.substr(bar + 1));
  for (core::CodePointAt& c : after) {
    c.begin += bar + 1;
    c.end += bar + 1;
  }
  if (after.size() > kNear) after.resize(kNear);
  windows.push_back(std::move(after));
  return windows;
}

// The longest run of Chinese characters two figures' windows share ("在校生" of 在校生2,846人
// and 2,486名在校生中…), when it is three characters or more and not only vague words (全县,
// 其中, 学生, 教育 …), or two such pairs apart (应急…演练), or with `one_pair` a single such pair
// (中考 of 参加中考学生 and 中考考生); empty otherwise.
std::string SharedNoun(std::string_view text_a,
                       const std::vector<std::vector<core::CodePointAt>>& a,
                       std::string_view text_b,
                       const std::vector<std::vector<core::CodePointAt>>& b, bool one_pair) {
  static constexpr std::string_view kVague[] = {
      "全县", "全区", "全市", "其中", "共有", "累计", "全年", "今年", "本年",
      "年度", "学生", "学校", "教育", "工作", "开展", "完成", "实现", "达到",
      "共计", "合计", "总计", "以上", "我县", "我区", "县级", "各类", "各项",
      "中小", "小学", "初中", "高中", "人数", "总数", "教师", "全部"};
  const auto cjk = [](std::int32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; };
  const auto cp_text = [](std::string_view t, const core::CodePointAt& c) {
    return t.substr(c.begin, c.end - c.begin);
  };
  std::string best;
  std::vector<std::string> pairs;  // the runs of two, not vague, each once
  for (const auto& x : a) {
    for (const auto& y : b) {
      for (std::size_t i = 0; i < x.size(); ++i) {
        for (std::size_t j = 0; j < y.size(); ++j) {
          std::size_t n = 0;
          while (i + n < x.size() && j + n < y.size() && cjk(x[i + n].cp) &&
                 cp_text(text_a, x[i + n]) == cp_text(text_b, y[j + n])) {
            ++n;
          }
          if (n < 2) continue;
          // A run qualified otherwise right before it (春季学期…, 秋季学期…): two things.
          if (n >= 3 && i > 0 && j > 0 && cjk(x[i - 1].cp) && cjk(y[j - 1].cp) &&
              cp_text(text_a, x[i - 1]) != cp_text(text_b, y[j - 1])) {
            continue;
          }
          const std::string run(text_a.substr(x[i].begin, x[i + n - 1].end - x[i].begin));
          if (n == 2) {
            // Two pairs apart count as a run (应急疏散演练, 应急演练: 应急 and 演练).
            if (std::find(std::begin(kVague), std::end(kVague), run) == std::end(kVague) &&
                std::find(pairs.begin(), pairs.end(), run) == pairs.end()) {
              pairs.push_back(run);
            }
            continue;
          }
          bool vague = true;
          for (std::size_t k = 0; k + 1 < n && vague; ++k) {
            const std::string_view pair =
                text_a.substr(x[i + k].begin, x[i + k + 1].end - x[i + k].begin);
            vague = std::find(std::begin(kVague), std::end(kVague), pair) != std::end(kVague);
          }
          if (!vague && run.size() > best.size()) best = run;
        }
      }
    }
  }
  if (best.empty() && pairs.size() >= 2) best = pairs[0] + "…" + pairs[1];
  if (best.empty() && one_pair && !pairs.empty()) best = pairs[0];
  return best;
}

// The levels the words near a figure name (小学, 初中 …).
std::vector<std::string_view> LevelsNear(const Figure& f) {
  std::vector<std::string_view> levels;
  for (const std::string_view l : LevelWords()) {
    if (f.before.find(l) != std::string::npos || f.after.find(l) != std::string::npos) {
      levels.push_back(l);
    }
  }
  return levels;
}

// A count stated again a few paragraphs on with two of its digits swapped ("在校生2,846人" …
// "全校2,486名在校生"): one quantity copied wrong, when the words near both name the same thing
// (a run of three characters in common, not only vague words), of no different level, year or
// change. No wording need be known to the checker; the swapped digits are the evidence.
void CheckTransposedRepeats(CheckState& state) {
  struct Seen {
    std::size_t paragraph;
    const Figure* figure;
    std::string text;  // what the windows are of
    std::vector<std::vector<core::CodePointAt>> windows;
    std::vector<std::string_view> levels;
    const CellFigure* cell = nullptr;  // a table's cell; nullptr: a figure of the text
  };
  std::vector<Seen> seen;
  constexpr std::size_t kParagraphsBack = 8;
  constexpr std::size_t kMaxSeen = 200;  // a hostile text of figures stays linear
  const auto eligible = [](const Figure& f) {
    return !f.IsPercent() && !f.unknown && !f.approximate && f.unit != kRatioUnit &&
           !NamesAChange(f.before) && !ContainsAny(f.before, {"上年", "去年", "上一年"});
  };
  // A table's rows are read by their cells (TableCellFigures), each with its row's label, unit
  // and column's year, not as the text of the row.
  std::vector<bool> table_row(state.paragraphs.size(), false);
  for (const Table& table : state.tables) {
    for (const std::vector<TableCell>& row : table.rows) {
      for (const TableCell& cell : row) table_row[cell.paragraph] = true;
    }
  }
  const std::vector<CellFigure> cells = TableCellFigures(state);
  std::vector<std::vector<const CellFigure*>> cells_of(state.paragraphs.size());
  for (const CellFigure& c : cells) cells_of[c.paragraph].push_back(&c);
  for (std::size_t p = 0; p < state.paragraphs.size(); ++p) {
    std::vector<std::pair<const Figure*, const CellFigure*>> figures;
    for (const CellFigure* c : cells_of[p]) figures.emplace_back(&c->figure, c);
    if (!table_row[p]) {
      for (const Figure& f : state.paragraphs[p].figures.figures) figures.emplace_back(&f, nullptr);
    }
    for (const auto& [figure, cell] : figures) {
      const Figure& f = *figure;
      if (!eligible(f)) continue;
      Seen here{p, &f, {}, {}, LevelsNear(f), cell};
      here.windows = NounWindows(f, &here.text);
      for (auto e = seen.rbegin(); e != seen.rend(); ++e) {
        if (e->paragraph + kParagraphsBack < p) break;
        const Figure& g = *e->figure;
        if (!g.SameUnit(f) || (g.year != f.year && g.year != 0 && f.year != 0)) continue;
        if (e->paragraph == p && g.sentence == f.sentence) continue;
        // The cells of one table are its items, none another's restatement.
        if (cell != nullptr && e->cell != nullptr && cell->table == e->cell->table) continue;
        if (!DigitsTransposed(g.written, f.written)) continue;
        const bool other_level =
            !e->levels.empty() && !here.levels.empty() &&
            std::none_of(e->levels.begin(), e->levels.end(), [&](std::string_view l) {
              return std::find(here.levels.begin(), here.levels.end(), l) != here.levels.end();
            });
        // Words that set two of a kind apart (春季 and 秋季, 公办 and 民办 …).
        static constexpr std::pair<std::string_view, std::string_view> kApart[] = {
            {"春季", "秋季"}, {"上半年", "下半年"}, {"公办", "民办"},
            {"城区", "农村"}, {"城区", "乡村"},     {"男", "女"}};
        const bool apart = std::any_of(std::begin(kApart), std::end(kApart), [&](const auto& a) {
          const auto has = [](const std::string& t, std::string_view w) {
            return t.find(w) != std::string::npos;
          };
          return (has(here.text, a.first) && has(e->text, a.second)) ||
                 (has(here.text, a.second) && has(e->text, a.first));
        });
        if (other_level || apart) continue;
        // Within one paragraph, a count of four digits or more swapped is evidence enough
        // with one pair of words in common ("参加中考学生4683人" … "在本届4638名中考考生中").
        const bool near_and_long =
            e->paragraph == p && std::count_if(f.written.begin(), f.written.end(),
                                               [](char c) { return c >= '0' && c <= '9'; }) >= 4;
        const std::string shared =
            SharedNoun(here.text, here.windows, e->text, e->windows, near_and_long);
        if (shared.empty()) continue;
        if (state.HasFindingAt(p, f.begin, f.end)) break;
        Finding finding = FindingAt(
            f, FindingKind::kInconsistentRepeat, Severity::kWarning,
            "前文（第" + std::to_string(state.paragraphs[e->paragraph].paragraph->number) +
                "段）同一“" + shared + "”的数字为" + g.written + "，此处为" + f.written +
                "，两位数字前后颠倒");
        finding.expected = g.value;
        finding.decimals = std::max(f.decimals, g.decimals);
        finding.related = {state.PlaceOf(e->paragraph, g)};
        state.Add(p, std::move(finding));
        break;
      }
      if (seen.size() == kMaxSeen) seen.erase(seen.begin());
      seen.push_back(std::move(here));
    }
  }
}

}  // namespace

void CheckRepeats(CheckState& state) {
  // The statements of each statistic, one per subject (qualifier and level) it was stated
  // for (a few at most).
  std::map<std::string, std::vector<Stated>> stated;
  constexpr std::size_t kMaxStatements = 16;
  for (std::size_t p = 0; p < state.paragraphs.size(); ++p) {
    // A plan section speaks of targets, not of this year's figures, but for a figure of a year
    // it names before a later one ("在2025年完成投资3.27亿元的基础上，2026年计划…").
    const bool plan = state.paragraphs[p].plan;
    const ParagraphFigures& figures = state.paragraphs[p].figures;
    const std::string_view text = state.paragraphs[p].paragraph->text;
    int latest_year = 0;
    for (const YearMention& y : figures.years) latest_year = std::max(latest_year, y.year);
    for (const Figure& f : figures.figures) {
      if (f.unknown || f.before.find("占") != std::string::npos) continue;
      if (plan) {
        bool named_before = false;
        for (const YearMention& y : figures.years) {
          named_before =
              named_before ||
              (y.year == f.year && y.offset < f.begin &&
               figures.sentence_starts[static_cast<std::size_t>(f.sentence)] <= y.offset);
        }
        if (!named_before || f.year >= latest_year) continue;
      }
      // After 其中 in its sentence, a figure of one school or township ("其中，县第一中学在校学生
      // 3240人、专任教师216人") is not the whole area's statistic.
      const std::size_t sentence = figures.sentence_starts[static_cast<std::size_t>(f.sentence)];
      // The clause words near it, not the whole sentence: a hostile sentence of thousands of
      // figures stays linear.
      constexpr std::size_t kNear = 300;  // bytes
      const std::size_t from = std::max(sentence, f.begin > kNear ? f.begin - kNear : 0);
      const std::string_view since = text.substr(from, f.begin - from);
      const std::size_t qizhong = since.find("其中");
      // A breakdown's part ("分类别看，文化类考生2862人，本科上线1733人"): of the whole stated
      // before it, not that whole again.
      const std::vector<std::size_t> openings = BreakdownOpenings(since);
      const std::size_t breakdown = openings.empty() ? std::string_view::npos : openings.back();
      if (qizhong != std::string_view::npos &&
          ContainsAny(since.substr(qizhong),
                      {"县第", "县实验", "一中", "二中", "中心小学", "中心学校", "镇", "乡", "街道",
                       "学校在校", "中学在校", "小学在校"})) {
        continue;
      }
      // The subject is what the figure counts: the noun before it, or the noun after it
      // when nothing names it before (全县共有1865名教职工).
      // 教职工4518人，其中专任教师4106人: the county's 专任教师 all the same.
      std::string_view words = f.before;
      if (words.starts_with("其中")) words.remove_prefix(std::string_view("其中").size());
      std::string noun = CoreNoun(words);
      if (noun.size() < 6 || EndsWithScope(noun)) {
        noun = NounAfter(f.after);  // nothing but 全县, 共有 … right before it
        // 2661名参与课后服务的教师: the words after and what their 的 qualifies.
        if (StatisticOf(noun, since).empty() && !f.after_of.empty()) {
          // 以41370人次的资助规模: what the 的 right after the unit qualifies.
          const std::string whole =
              NounAfter(f.after.empty() ? f.after_of : f.after + "的" + f.after_of);
          if (!StatisticOf(whole, since).empty()) noun = whole;
        }
      } else if (noun.ends_with("的")) {
        // 为全年补充的321名新教师, 这批新入职的286名教师: the words before qualify the noun
        // after (a statistic's name, or its head the words before complete).
        const std::string qualifying = noun.substr(0, noun.size() - std::string_view("的").size());
        const std::string after = NounAfter(f.after);
        if (!StatisticOf(after, since).empty() && !StatisticOf(qualifying + after, since).empty()) {
          noun = qualifying + after;
        } else if (!StatisticOf(after, since).empty() && LevelBefore(qualifying).empty() &&
                   !ContainsAny(qualifying, {"学校", "中学", "小学", "幼儿园", "乡", "镇"})) {
          // 今年秋季入学的5427名初一新生: words of when and how (no level, school or place)
          // leave the statistic after as it is.
          noun = after;
        } else {
          const std::vector<core::CodePointAt> cps = core::DecodeCodePoints(f.after);
          for (std::size_t n = 1; n < cps.size() && n <= 4; ++n) {
            const std::string joined = qualifying + f.after.substr(0, cps[n].begin);
            if (!StatisticOf(joined, since).empty()) {
              noun = joined;
              break;
            }
          }
        }
      }
      if (noun.size() < 6) continue;  // two characters at least
      const StatisticAt named = StatisticIn(noun, since);
      const bool statistic = !named.name.empty();
      // A statistic named right away (a few characters before its name at most), or a total.
      if (!(statistic && (named.gap || named.at <= 12)) && !HasTotalMarker(f.before)) continue;
      if (noun.find("其中") != std::string::npos || f.before.find("比") != std::string::npos)
        continue;
      // Spellings of one statistic are one (在校生, 在校学生), and so with a prefix that does
      // not narrow it (中小学专任教师 is the county's 专任教师).
      std::string qualifier;
      if (statistic) {
        // 义务教育阶段在校学生 and 义务教育在校生 are one; 女专任教师 stays itself.
        const std::string_view prefix = std::string_view(noun).substr(0, named.at);
        // Before a verb's spelling (补充…教师), words of how (通过…等渠道) do not narrow it; others
        // do (公开招聘教师 is not all 招聘教师).
        const bool how = prefix.starts_with("通过") ||
                         ContainsAny(prefix, {"渠道", "方式", "途径"}) || prefix.ends_with("等");
        if (!IsNeutralPrefix(prefix) && !(named.gap && how)) qualifier = prefix;
        if (named.gap) qualifier += named.qualifier;
        for (std::size_t at = qualifier.find("阶段"); at != std::string::npos;
             at = qualifier.find("阶段")) {
          qualifier.erase(at, std::string_view("阶段").size());
        }
        noun = std::string(named.name);
      }
      // A statistic named bare may be of what its segment names before it. A rate (入学率) is
      // of the level the segment names ("小学阶段适龄儿童…，入学率99.6%"); statements of two
      // levels are two quantities, one naming none may be of either. A count (在校生) right
      // after a count of schools is of those schools ("普通高中8所，在校生16240人；中等职业学校
      // 3所，在校生5860人"), unless they are the schools of the whole area (各类学校98所).
      const bool rate = noun.ends_with("率");
      const bool bare_count = !rate && statistic && qualifier.empty();
      std::string level;
      const std::size_t segment = figures.segment_starts[static_cast<std::size_t>(f.segment)];
      if (rate && LevelBefore(qualifier + noun).empty()) {
        const std::size_t near = std::max(segment, f.begin > kNear ? f.begin - kNear : 0);
        level = std::string(LevelBefore(text.substr(near, f.begin - near)));
      } else if (bare_count && &f != &figures.figures.front()) {
        const Figure& prev = *(&f - 1);
        if (prev.segment == f.segment && ContainsAny(prev.unit, {"所", "个", "家"})) {
          // The schools as named before the count, after it (全县118所义务教育学校), or by the
          // words of its clause (普惠性幼儿园（含…）共63所).
          std::string schools = CoreNoun(prev.before);
          if (schools.size() < 6 || EndsWithScope(schools)) schools = prev.after;
          if (schools.empty()) {
            const std::size_t clause = std::max(segment, prev.begin > 60 ? prev.begin - 60 : 0);
            schools = text.substr(clause, prev.begin - clause);
          }
          // The schools of the whole area, or a programme's (纳入营养改善计划的学校), are all.
          const bool whole_area =
              ContainsAny(schools, {"各级各类学校", "各类学校", "中小学校", "义务教育学校"}) ||
              schools == "学校" || schools.ends_with("的学校") ||
              ContainsAny(schools, {"计划", "工程"});
          // A count the whole area's (全年实施新建、改扩建项目14个，完成投资…) by its segment's
          // words.
          const std::size_t lead = std::max(segment, prev.begin > 60 ? prev.begin - 60 : 0);
          const std::string_view lead_words = text.substr(lead, prev.begin - lead);
          const bool area_count = HasTotalMarker(lead_words) || ContainsAny(lead_words, {"全年"});
          if (!whole_area && !area_count) level = schools;
        }
      }
      // A count listed after one its clause names a level for ("小学在校生29265人、专任教师
      // 1742人；初中在校生…、专任教师…") is of that level too.
      if (bare_count && level.empty()) {
        const std::size_t near = std::max(segment, f.begin > kNear ? f.begin - kNear : 0);
        const std::string_view clause_words = text.substr(near, f.begin - near);
        std::size_t clause = 0;
        for (const std::string_view mark : {"，", "；", "。", "："}) {
          const std::size_t at = clause_words.rfind(mark);
          if (at != std::string_view::npos) clause = std::max(clause, at + mark.size());
        }
        const std::string_view listed = clause_words.substr(clause);
        const std::string_view named_level = LevelBefore(listed);
        if (!named_level.empty() && listed.starts_with(named_level) &&
            listed.find("、") != std::string_view::npos) {
          level = std::string(named_level);
        }
      }
      // A segment opening with a school's name states that school's figures.
      const std::size_t opening = std::max(segment, f.begin > kNear ? f.begin - kNear : 0);
      std::string_view school = SchoolOpening(text.substr(opening, f.begin - opening));
      if (opening != segment) school = {};
      if (!school.empty()) level = std::string(school);
      std::vector<Stated>& earlier_ones = stated[noun + "|" + f.unit];
      Stated here{
          p, &f, std::move(qualifier), std::move(level), !school.empty(), std::string(since), {}};
      if (rate) {
        for (const Figure* g = &f; g != &figures.figures.front();) {
          --g;
          if (g->segment != f.segment) break;
          if (!g->IsPercent() && !g->unknown) here.counts.push_back(g->value);
        }
      }
      const Stated* earlier_one = nullptr;
      for (const Stated& e : earlier_ones) {
        // Of one year: the same, or one the text leaves unnamed (a summary without a title year).
        const int a = e.figure->year, b = f.year;
        if ((a == b || a == 0 || b == 0) && e.SameSubject(here) && e.school == here.school &&
            !e.OtherCounts(here) &&
            ((rate && (e.level.empty() || here.level.empty())) || e.level == here.level)) {
          earlier_one = &e;
          break;
        }
      }
      if (earlier_one == nullptr) {
        if (earlier_ones.size() < kMaxStatements) earlier_ones.push_back(std::move(here));
        continue;
      }
      const Figure& earlier = *earlier_one->figure;
      if (Overlaps(earlier.lo, earlier.hi, f.lo, f.hi)) continue;
      // After 其中, of what its paragraph stated before ("本科上线5604人…。其中物理类…本科上线
      // 3812人"): a part of that one, not it again.
      if (qizhong != std::string_view::npos && earlier_one->paragraph == p &&
          earlier.begin < from + qizhong) {
        continue;
      }
      if (breakdown != std::string_view::npos && earlier_one->paragraph == p &&
          earlier.begin < from + breakdown) {
        continue;
      }
      Finding finding = FindingAt(
          f, FindingKind::kInconsistentRepeat, Severity::kWarning,
          "“" + (rate ? here.level : std::string()) + here.qualifier + noun + "”前文（第" +
              std::to_string(state.paragraphs[earlier_one->paragraph].paragraph->number) +
              "段）为" + earlier.written + "，此处为" + f.written);
      finding.expected = earlier.value;
      finding.decimals = std::max(f.decimals, earlier.decimals);
      finding.related = {state.PlaceOf(earlier_one->paragraph, earlier)};
      state.Add(p, std::move(finding));
    }
  }
  CheckTransposedRepeats(state);
}

}  // namespace eduledger::report::internal
