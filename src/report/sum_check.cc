// Parts against the total they are listed under.
//
//   69栋(加固60栋,重建9栋)           a breakdown in parentheses: the parts make the total
//   学校108所，其中小学67所、初中12所  其中: a subset; the parts may not exceed the total
//   …包括A、B                         包括/包含: the parts make the total
//   小学47所、初中12所，共59所        a total after its parts: the parts make it
//
// A 其中 list whose parts name complementary groups (男/女, 公办/民办, 城区/镇区/乡村,
// 高/中/低风险) must add up too. Nested lists (小学67所(完小47所、教学点20所)) are checked at
// each level. Approximate and rounded figures are compared as ranges; a list with a blank in it
// is left to the placeholder check.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "report/checks_internal.h"

namespace eduledger::report::internal {

namespace {

// Complementary groups: a list naming all members of one covers the whole, or the whole its
// words name (小学 and 初中 make 义务教育).
struct Partition {
  std::array<std::string_view, 3> members;  // unused slots empty
  std::string_view of = {};                 // the whole they make; empty: any
};
constexpr Partition kPartitions[] = {
    {{"男", "女", ""}},         {{"公办", "民办", ""}},
    {{"城区", "镇区", "乡村"}}, {{"城区", "乡村", ""}},
    {{"城镇", "农村", ""}},     {{"高风险", "中风险", "低风险"}},
    {{"一般", "重大", ""}},     {{"小学", "初中", ""}, "义务教育"}};

bool IsOpenParen(std::string_view text, std::size_t at) {
  return text.substr(at).starts_with("(") || text.substr(at).starts_with("（");
}
bool IsCloseParen(std::string_view text, std::size_t at) {
  return text.substr(at).starts_with(")") || text.substr(at).starts_with("）");
}

// Paren depth at each byte of `text`.
std::vector<int> Depths(std::string_view text) {
  std::vector<int> depth(text.size() + 1, 0);
  int d = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsOpenParen(text, i)) {
      depth[i] = d;
      ++d;
      continue;
    }
    if (IsCloseParen(text, i) && d > 0) --d;
    depth[i] = d;
  }
  depth[text.size()] = d;
  return depth;
}

// Do the words before a part (since the part before it) open a subset of what was listed
// ("民办园中认定为…", "新补充教师中音体美…")? A 中 of 初中, 高中, 中学, 中职 … is no such word.
bool OpensASubset(std::string_view words) { return SubsetMarkAt(words) != std::string_view::npos; }

// Do the parts' words name every member of one complementary set (of the whole `whole_words`
// name, for a set that makes one)?
bool NamesAPartition(const std::vector<const Figure*>& parts, std::string_view whole_words) {
  for (const Partition& set : kPartitions) {
    if (!set.of.empty() && whole_words.find(set.of) == std::string_view::npos) continue;
    std::size_t size = 0;
    for (const std::string_view member : set.members) size += !member.empty();
    if (parts.size() != size) continue;
    bool all = true;
    for (const std::string_view member : set.members) {
      if (member.empty()) continue;
      bool found = false;
      // A member narrowed by what comes before it (普惠性民办 of 民办, 营利性民办) is part of
      // the group only.
      for (const Figure* p : parts) {
        const std::size_t at = p->before.find(member);
        found = found || (at != std::string::npos &&
                          !std::string_view(p->before).substr(0, at).ends_with("性"));
      }
      all = all && found;
    }
    if (all) return true;
  }
  return false;
}

class SumChecker {
 public:
  SumChecker(CheckState& state, std::size_t p)
      : state_(state),
        p_(p),
        figs_(state.paragraphs[p].figures.figures),
        text_(state.paragraphs[p].paragraph->text),
        depth_(Depths(text_)),
        ordered_(std::is_sorted(figs_.begin(), figs_.end(),
                                [](const Figure& a, const Figure& b) {
                                  return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
                                }) &&
                 std::is_sorted(figs_.begin(), figs_.end(),
                                [](const Figure& a, const Figure& b) { return a.end < b.end; })) {}

  void Run() {
    for (std::size_t i = 0; i < figs_.size(); ++i) Parenthesized(i);
    Keyword("其中", false);
    Keyword("包括", true);
    Keyword("包含", true);
    Keyword("具体为", true);
    Keyword("分别为", true);
    Keyword("分别来源于", true);  // 经费612.5万元，分别来源于A、B和C: where all of it came from
    Keyword("分别来自", true);
    Breakdowns();
    TrailingTotals();
    NestedList();
  }

 private:
  int DepthAt(std::size_t byte) const { return depth_[byte]; }

  // Figures come in text order (ordered_): each lookup below starts where it matters by
  // bisection, so a paragraph of thousands of figures is checked in near-linear time. Were
  // they not in order, every lookup would start from the first figure, as correct and slower.
  // The first byte after `open` back at its depth or above: where the parenthesis opened at
  // `open` closes (the text's end when it never does). Worked out for every byte at once, the
  // first time it is asked, with a monotonic stack: nested unclosed parentheses stay linear.
  std::size_t CloseOf(std::size_t open) {
    if (close_.empty()) {
      close_.assign(depth_.size(), text_.size());
      std::vector<std::size_t> stack;
      for (std::size_t i = depth_.size(); i-- > 0;) {
        while (!stack.empty() && depth_[stack.back()] > depth_[i]) stack.pop_back();
        if (!stack.empty()) close_[i] = stack.back();
        stack.push_back(i);
      }
    }
    return close_[open];
  }

  // The index of the first figure beginning at or after byte `at`.
  std::size_t FirstFrom(std::size_t at) const {
    if (!ordered_) return 0;
    return static_cast<std::size_t>(
        std::lower_bound(figs_.begin(), figs_.end(), at,
                         [](const Figure& f, std::size_t pos) { return f.begin < pos; }) -
        figs_.begin());
  }

  // The words of a figure's sentence before it (bounded: a hostile sentence stays linear).
  std::string_view WordsBefore(const Figure& f) const {
    const std::size_t sentence =
        state_.paragraphs[p_].figures.sentence_starts[static_cast<std::size_t>(f.sentence)];
    constexpr std::size_t kNear = 300;  // bytes
    const std::size_t from = std::max(sentence, f.begin > kNear ? f.begin - kNear : 0);
    return std::string_view(text_).substr(from, f.begin - from);
  }

  // A subset's parts that reach this share of its total look meant to be all of them; fewer
  // name only some ("课程2318门，其中体育类736门、艺术类614门、科技类408门").
  static constexpr double kNearTotal = 0.9;

  // Check `parts` against `total`; `exhaustive` lists must add up, subsets may not exceed.
  // A subset of three parts or more that falls short is worth a warning: such a list usually
  // means to name every part.
  // `part_paragraphs`, when given, are the paragraphs the parts stand in (the items of a
  // Markdown list under the total); else they stand in the total's.
  void Check(const Figure& total, const std::vector<const Figure*>& parts, bool exhaustive,
             const std::vector<std::size_t>& part_paragraphs = {}) {
    if (parts.empty() || total.unknown || total.IsPercent()) return;
    // A range (每生补助300元至800元不等) is two bounds of one quantity, not two parts.
    for (std::size_t k = 1; k < parts.size() && part_paragraphs.empty(); ++k) {
      if (IsRangeWord(Gap(*parts[k - 1], *parts[k]))) return;
    }
    double lo = 0;
    double hi = 0;
    double sum = 0;
    for (const Figure* part : parts) {
      if (part->unknown) return;
      lo += part->lo;
      hi += part->hi;
      sum += part->value;
    }
    if (!exhaustive && NamesAPartition(parts, WordsBefore(total))) exhaustive = true;
    if (exhaustive && parts.size() < 2) return;
    ++state_.result->summary.sums_checked;
    if (Overlaps(lo, hi, total.lo, total.hi)) return;
    // The sum as the total is written: in 万元 with its decimals when it is ("3268.20万元").
    std::string sum_text = FormatValue(sum, total.unit, total.decimals) + total.unit;
    if (total.unit == "元" && total.written.find("万") != std::string::npos) {
      char wan[64];
      std::snprintf(wan, sizeof wan, "%.*f万元", total.decimals,
                    RoundTo(sum / 1e4, total.decimals));
      sum_text = wan;
    }
    Finding f;
    // Of a list meant whole: exhaustive, over its total, or of three parts or more (two parts of
    // a 其中 may be some: 小学120所、初中119所 of 293所).
    if (DigitsTransposed(sum_text, total.written) &&
        (exhaustive || lo > total.hi || parts.size() >= 3)) {
      // 239 listed, 293 written: the parts are all, the total's digits swapped.
      f = FindingAt(total, FindingKind::kPartsMismatch, Severity::kError,
                    "分项之和" + sum_text + "与总数" + total.written + "不符（两位数字前后颠倒）");
    } else if (exhaustive) {
      f = FindingAt(total, FindingKind::kPartsMismatch, Severity::kError,
                    "分项之和" + sum_text + "与总数" + total.written + "不符");
    } else if (lo > total.hi) {
      f = FindingAt(total, FindingKind::kPartsExceedTotal, Severity::kError,
                    "其中各项之和" + sum_text + "超过总数" + total.written);
    } else if (parts.size() >= 3 && !kin_left_out_ && sum >= kNearTotal * total.value) {
      f = FindingAt(total, FindingKind::kPartsMismatch, Severity::kWarning,
                    "其中所列" + std::to_string(parts.size()) + "项之和" + sum_text + "小于总数" +
                        total.written + "；若已列出全部分项，请核对");
    } else {
      return;
    }
    f.expected = sum;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const std::size_t where = part_paragraphs.empty() ? p_ : part_paragraphs[k];
      f.related.push_back(state_.PlaceOf(where, *parts[k]));
    }
    state_.Add(p_, std::move(f));
  }

  // A Markdown list under its total:
  //   - 全县共有学校86所，其中：
  //     - 幼儿园32所
  //     - 小学38所
  // The items nested deeper than the total's line are its parts, the first figure of its unit
  // in each; 其中 makes them a subset, 包括/包含 the whole, and so does nothing (a list item
  // whose figure the items under it break down: "- 督导检查362校次" over "  - 专项督导78校次" …,
  // of the line's figure of their unit they sum nearest: "- 发现问题583个，已整改561个" over
  // problems by kind is of the 583).
  void NestedList() {
    if (state_.document.format != DocumentFormat::kMarkdown || figs_.empty()) return;
    std::string_view text = core::TrimSpace(text_);
    for (const std::string_view colon : {"：", ":"}) {
      if (text.ends_with(colon)) text.remove_suffix(colon.size());
    }
    bool exhaustive = false;
    // 按类别分：, 分别为：, 具体为： open a whole breakdown.
    const std::string_view tail = text.substr(text.size() >= 10 * 3 ? text.size() - 10 * 3 : 0);
    const bool breakdown = (text.ends_with("分") && tail.find("按") != std::string_view::npos) ||
                           text.ends_with("分别为") || text.ends_with("具体为") ||
                           text.ends_with("分别是");
    const bool item_line = IsListItem(text_);
    bool unmarked = false;
    if (text.ends_with("包括") || text.ends_with("包含") || breakdown) {
      exhaustive = true;
    } else if (!text.ends_with("其中")) {
      if (!item_line) return;
      exhaustive = unmarked = true;
    }
    const int indent = state_.paragraphs[p_].paragraph->indent;
    // The total: the last figure of the line of the items' unit ("危房17栋、面积2.38万平方米，
    // 其中：" over items in 栋 is 17栋).
    const Figure* total = nullptr;
    std::vector<const Figure*> parts;
    std::vector<std::size_t> where;
    int child_indent = -1;
    // A list names a few parts; past kMaxItems lines (a hostile text nesting every line under
    // the one before) it is none, and the scan stays bounded.
    constexpr std::size_t kMaxItems = 200;
    // Under a list item its parts are nested deeper; under a paragraph they may stand at its
    // own indent ("…改造校舍面积6.42万平方米，包括：" then "- 学生宿舍1.76万平方米").
    for (std::size_t q = p_ + 1; q < state_.paragraphs.size() && q <= p_ + kMaxItems; ++q) {
      const Paragraph& item = *state_.paragraphs[q].paragraph;
      if (item_line ? item.indent <= indent : item.indent < indent) break;
      if (!IsListItem(item.text)) break;
      // Unmarked, a list under the line whose items speak of some (其中, 主要, 等) is no
      // breakdown of it.
      if (unmarked && ContainsAny(item.text, {"其中", "主要", "等", "约", "以上"})) return;
      if (child_indent < 0) child_indent = item.indent;
      if (item.indent > child_indent) continue;  // an item's own breakdown, checked under it
      for (const Figure& f : state_.paragraphs[q].figures.figures) {
        if (f.IsPercent()) continue;
        if (total == nullptr) {
          for (const Figure& t : figs_) {
            if (t.SameUnit(f) && !t.IsPercent() && DepthAt(t.begin) == 0) total = &t;
          }
          if (total == nullptr) return;
        }
        if (f.SameUnit(*total)) {
          parts.push_back(&f);
          where.push_back(q);
          break;
        }
      }
      // Unmarked, an item of two figures of the unit outside parentheses ("国家助学金6318人次、
      // …；免除学杂费5940人次") leaves open which is its part: nothing to check.
      if (unmarked && total != nullptr) {
        const std::vector<int> item_depth = Depths(item.text);
        int outside = 0;
        for (const Figure& f : state_.paragraphs[q].figures.figures) {
          outside += item_depth[f.begin] == 0 && !f.IsPercent() && f.SameUnit(*total);
        }
        if (outside > 1) return;
      }
    }
    if (total == nullptr) return;
    if (unmarked) {
      if (parts.size() < 2) return;
      // Of the line's figures of the unit, the one the parts sum nearest.
      double sum = 0;
      for (const Figure* f : parts) sum += f->value;
      for (const Figure& t : figs_) {
        if (t.SameUnit(*total) && !t.IsPercent() && DepthAt(t.begin) == 0 &&
            std::abs(t.value - sum) < std::abs(total->value - sum)) {
          total = &t;
        }
      }
      // Items far short of the line's figure are facts about its topic ("- 专任教师2106人" over
      // "  - 公开招聘新教师120人"), not its breakdown; a breakdown with a slip stays near it.
      constexpr double kNear = 0.85;
      if (sum < kNear * total->value) return;
    }
    Check(*total, parts, exhaustive, where);
  }

  // The characters two nouns end with alike ("物理类参考", "普通高考参考" → 参考).
  static std::string CommonEnding(std::string_view a, std::string_view b) {
    const std::vector<core::CodePointAt> x = core::DecodeCodePoints(a);
    const std::vector<core::CodePointAt> y = core::DecodeCodePoints(b);
    std::size_t n = 0;
    while (n < x.size() && n < y.size()) {
      const core::CodePointAt& cx = x[x.size() - 1 - n];
      const core::CodePointAt& cy = y[y.size() - 1 - n];
      if (cx.cp < 0 || cx.cp != cy.cp) break;
      ++n;
    }
    return n == 0 ? std::string() : std::string(a.substr(x[x.size() - n].begin));
  }

  static bool IsListItem(std::string_view text) {
    for (const std::string_view marker : {"- ", "* ", "+ "}) {
      if (text.starts_with(marker)) return true;
    }
    const std::size_t digits = text.find_first_not_of("0123456789");
    return digits > 0 && digits != std::string_view::npos && text.substr(digits).starts_with(". ");
  }

  std::string Gap(const Figure& a, const Figure& b) const { return Between(text_, a, b); }
  // Does segment `segment` (after a ；) open with another item of a list by level ("；普通高中国家
  // 助学金…", "；生源地信用助学贷款…"), rather than a statement of its own ("；今年新建学校3所")?
  bool OpensALevelItem(int segment) const {
    const auto& starts = state_.paragraphs[p_].figures.segment_starts;
    if (segment < 0 || static_cast<std::size_t>(segment) >= starts.size()) return false;
    std::string_view opening =
        std::string_view(text_).substr(starts[static_cast<std::size_t>(segment)]);
    if (opening.starts_with("办理")) opening.remove_prefix(std::string_view("办理").size());
    for (const std::string_view level : LevelWords()) {
      if (opening.starts_with(level)) return true;
    }
    for (const std::string_view item : {"生源地", "助学贷款", "其他"}) {
      if (opening.starts_with(item)) return true;
    }
    return false;
  }

  // Units that count one kind of thing two ways (人 and 人次).
  static bool Kindred(const Figure& a, const Figure& b) {
    return (a.unit == "人" && b.unit == "人次") || (a.unit == "人次" && b.unit == "人");
  }
  static bool IsRangeWord(std::string_view gap) {
    for (const std::string_view w : {"至", "到", "～", "~", "-", "—", "－", "—一"}) {
      if (gap == w) return true;
    }
    return false;
  }
  // Is figure `k` a whole restated in a share (占在校学生31767人的9.5%)? Then it is no part of
  // the list it stands in.
  bool IsRestatedWhole(std::size_t k) const {
    return k + 1 < figs_.size() && RestatesAWhole(text_, figs_[k], figs_[k + 1]);
  }

  // 共N, 共计N, 共开展各级培训N …: a total of the list right before it, in its sentence.
  static bool SumsTheListBefore(const Figure& f) {
    for (const std::string_view w : {"共有", "共"}) {
      if (f.before == w) return true;
    }
    for (const std::string_view w :
         {"共计", "合计", "总计", "总共", "共开展", "共完成", "共组织"}) {
      if (f.before.starts_with(w)) return true;
    }
    return false;
  }

  // Is `f` the last item of a list: another figure of its unit right before it, joined by 、
  // or ，?
  bool EndsAList(const Figure& f) const {
    const std::size_t index = static_cast<std::size_t>(&f - figs_.data());
    const Figure* prev = index > 0 ? &figs_[index - 1] : nullptr;
    if (prev == nullptr || !prev->SameUnit(f) || prev->sentence != f.sentence ||
        DepthAt(prev->begin) != DepthAt(f.begin)) {
      return false;
    }
    const std::string gap = Between(text_, *prev, f);
    return gap.starts_with("、") || gap.starts_with("，") || gap.starts_with(",");
  }

  // total(part, part …): parentheses right after a figure (and its noun).
  void Parenthesized(std::size_t i) {
    const Figure& total = figs_[i];
    if (total.IsPercent()) return;
    std::size_t open = total.end;
    // Allow the counted noun between the unit and the parenthesis: "**所学校(包含…)".
    for (int chars = 0; open < text_.size() && !IsOpenParen(text_, open) && chars < 8; ++chars) {
      const std::int32_t cp = core::NextCodePoint(text_, &open);
      const bool ascii_word = cp >= 0 && cp < 0x80 && cp != ' ';
      if (ascii_word || cp == 0xFF0C || cp == 0x3001 || cp == 0x3002 || cp == 0xFF1B)
        return;  // ，、。；
    }
    if (open >= text_.size() || !IsOpenParen(text_, open)) return;
    const int inner = DepthAt(open) + 1;
    const std::size_t close = CloseOf(open);
    std::vector<const Figure*> parts;
    // A breakdown in parentheses names a few parts; past kMaxScanned figures (nested
    // parentheses never closed, in a hostile text) it is none, and the scan stays bounded.
    constexpr std::size_t kMaxScanned = 200;
    const std::size_t from = FirstFrom(open + 1);
    for (std::size_t k = from; k < figs_.size(); ++k) {
      const Figure& f = figs_[k];
      if (ordered_ && (f.begin >= close || k - from >= kMaxScanned)) break;
      if (f.begin > open && f.end <= close && DepthAt(f.begin) == inner && f.SameUnit(total) &&
          !f.IsPercent()) {
        parts.push_back(&f);
      }
    }
    if (parts.empty()) return;
    const std::string_view lead = std::string_view(text_).substr(open, parts.front()->begin - open);
    Check(total, parts, lead.find("其中") == std::string_view::npos);
  }

  // total，其中 part、part …  (and 包括, 包含), outside parentheses.
  void Keyword(std::string_view word, bool exhaustive) {
    for (std::size_t at = text_.find(word); at != std::string::npos;
         at = text_.find(word, at + 1)) {
      KeywordAt(at, word, exhaustive);
    }
  }

  // total。按补充渠道分，part，part …; 分项目看，part；part …; 从渠道看，…；从内容看，…: a
  // breakdown named so opens a whole list of parts, to its sentence's end or the next such opening,
  // of the total stated before the sentence's first one.
  void Breakdowns() {
    const auto& sentences = state_.paragraphs[p_].figures.sentence_starts;
    const std::vector<std::size_t> openings = BreakdownOpenings(text_);
    const auto sentence_of = [&](std::size_t at) {
      return std::upper_bound(sentences.begin(), sentences.end(), at) - sentences.begin();
    };
    // A summary breaks a paragraph down a few times; past kMaxOpenings (a hostile text of
    // nothing else) the rest are left alone, and the checks stay linear.
    constexpr std::size_t kMaxOpenings = 64;
    std::size_t first = 0;  // the first opening of the current one's sentence
    for (std::size_t k = 0; k < openings.size() && k < kMaxOpenings; ++k) {
      const std::size_t at = openings[k];
      if (sentence_of(openings[first]) != sentence_of(at)) first = k;
      list_end_ = k + 1 < openings.size() && sentence_of(openings[k + 1]) == sentence_of(at)
                      ? openings[k + 1]
                      : std::string::npos;
      total_before_ = openings[first];
      KeywordAt(
          at,
          std::string_view(text_).substr(at, BreakdownOpening(std::string_view(text_).substr(at))),
          true);
      list_end_ = total_before_ = std::string::npos;
    }
  }

  // The list a keyword at `at` opens, checked against its total: the parts of the first part's
  // unit, then those of a second unit the items state beside it ("其中，学前教育196.8万元、
  // 4920人次，义务教育…" sums 万元 and 人次 each).
  void KeywordAt(std::size_t at, std::string_view word, bool exhaustive) {
    const Figure* second = nullptr;
    KeywordAt(at, word, exhaustive, nullptr, &second);
    if (second != nullptr) KeywordAt(at, word, exhaustive, second, nullptr);
  }

  // The list of `unit`'s figures (nullptr: the first part's) a keyword at `at` opens;
  // `other_unit`, when given, receives the first figure of another unit among its items.
  void KeywordAt(std::size_t at, std::string_view word, bool exhaustive, const Figure* unit,
                 const Figure** other_unit) {
    const int depth = DepthAt(at);
    if (depth > 0) return;  // inside a breakdown in parentheses
    // The parts: figures after the keyword in its sentence, at its depth, of one unit.
    std::vector<const Figure*> parts;
    bool kin_left_out = false;
    int sentence = -1;
    const auto& segment_starts = state_.paragraphs[p_].figures.segment_starts;
    const int keyword_segment =
        static_cast<int>(std::upper_bound(segment_starts.begin(), segment_starts.end(), at) -
                         segment_starts.begin()) -
        1;
    const std::size_t next_word = text_.find(word, at + word.size());
    const std::size_t first = FirstFrom(at);
    // "。其中，学前教育…；义务教育…；普通高中…。": a 其中 opening its sentence's list with a comma
    // or colon lists through the ； between the items.
    const std::string_view opened = std::string_view(text_).substr(at + word.size());
    const bool sentence_list = (word == "其中" || word == "具体为") &&
                               (opened.starts_with("，") || opened.starts_with("：")) &&
                               (at == 0 || std::string_view(text_).substr(0, at).ends_with("。"));
    // "。具体为：…；…；…。" names every item to its sentence's end.
    const bool whole_sentence =
        (sentence_list && word == "具体为") || total_before_ != std::string::npos;
    for (std::size_t k = first; k < figs_.size(); ++k) {
      const Figure& f = figs_[k];
      if (f.begin < at || f.IsPercent() || f.unit == "个百分点" || IsRestatedWhole(k)) continue;
      if (list_end_ != std::string::npos && f.begin >= list_end_) break;
      if (sentence < 0) sentence = f.sentence;
      // The parts stand in the keyword's sentence, before a ； closes its list, and before
      // 另有 adds what is not among them ("学校63所，其中农村学校47所；另有幼儿园41所").
      if (f.sentence != sentence) break;
      if (f.segment != keyword_segment && !whole_sentence &&
          !(sentence_list && OpensALevelItem(f.segment)))
        break;
      // A rate of pay (按每生每学期400元标准) is no part.
      if (ContainsAny(f.before, {"每生", "每人", "每校", "每学期", "标准"})) continue;
      if (f.before.find("另有") != std::string::npos) break;
      if (DepthAt(f.begin) != depth) continue;
      if (unit != nullptr && !f.SameUnit(*unit)) {
        kin_left_out = kin_left_out || Kindred(f, *unit);
        continue;
      }
      if (!parts.empty() && !f.SameUnit(*parts.front())) {
        // An item counted in another unit (来信418件、来访593批次、网上信访315件) is left out.
        const bool own_item =
            k > 0 && k + 1 < figs_.size() && figs_[k - 1].SameUnit(*parts.front()) &&
            figs_[k + 1].SameUnit(*parts.front()) && Gap(figs_[k - 1], f).starts_with("、") &&
            Gap(f, figs_[k + 1]).starts_with("、");
        kin_left_out = kin_left_out || Kindred(f, *parts.front()) || own_item;
        // A subset's list ends at a clause of its own in another unit ("其中省级骨干专业3个，
        // 与46家企业开展校企合作，开设订单班14个": the 订单班 are no 专业); a figure of another
        // unit right beside a part ("学前教育196.8万元、4920人次") is the item's own.
        if (!exhaustive && !own_item && !Kindred(f, *parts.front()) &&
            Gap(*parts.back(), f).starts_with("，") &&
            Gap(*parts.back(), f).size() > std::string_view("，").size()) {
          break;
        }
        if (other_unit != nullptr && *other_unit == nullptr) *other_unit = &f;
        continue;
      }
      if (next_word != std::string::npos && f.begin > next_word) break;
      if (SumsTheListBefore(f)) break;  // 其中A、B，共N: N sums the parts, it is none
      // 其中A、B、C，普惠性幼儿园合计N: a subtotal of some of them, no part.
      if (!parts.empty() && ContainsAny(f.before, {"合计", "共计", "总计", "小计"})) break;
      parts.push_back(&f);
    }
    if (parts.empty()) return;
    // The total: the nearest figure of that unit before the keyword, in its sentence, or in
    // the one before when the keyword opens a sentence ("。其中…").
    const auto& starts = state_.paragraphs[p_].figures.sentence_starts;
    // A breakdown's total stands before the first opening of its sentence.
    const std::size_t total_at = total_before_ != std::string::npos ? total_before_ : at;
    const bool opens_sentence =
        std::binary_search(starts.begin(), starts.end(), total_at) || total_at == 0;
    const int earliest = parts.front()->sentence - (opens_sentence ? 1 : 0);
    // A change (比上年增加214人) is no total.
    const auto is_total = [&](const Figure& f) {
      return f.SameUnit(*parts.front()) && !f.IsPercent() && DepthAt(f.begin) == depth &&
             f.sentence >= earliest && !NamesAChange(f.before);
    };
    const Figure* total = nullptr;
    if (ordered_) {
      // The last figure ending by the keyword that qualifies: back from the keyword, no
      // further than the earliest sentence it may be in.
      for (std::size_t k = first; k-- > 0;) {
        const Figure& f = figs_[k];
        if (f.sentence < earliest) break;
        if (f.end <= total_at && is_total(f)) {
          total = &f;
          break;
        }
      }
    } else {
      for (const Figure& f : figs_) {
        if (f.end > total_at) break;
        if (is_total(f)) total = &f;
      }
    }
    if (total == nullptr) return;
    // 分别为 breaks down a total only right after it ("新生合计4950人，分别为…"); after others it
    // pairs names with figures ("小学、初中分别为38所、12所").
    if (word == "分别为" && (!HasTotalMarker(total->before) ||
                             std::string_view(text_).substr(total->end, at - total->end) != "，")) {
      return;
    }
    // "。其中…" after a sentence of several counts is of the one the first part's noun ends with
    // ("本科上线1982人…。其中，县第一中学本科上线1453人" is of 1982, not of the 286 nearest); the
    // parts are then those of that noun ("其中物理类参考4706人、本科上线3812人" of 参考).
    // Of two, the one whose noun ends with more of the part's (本科上线 over 特控线上线).
    std::string of_noun;
    if (opens_sentence) {
      const std::string first_noun = CoreNoun(parts.front()->before);
      for (std::size_t k = first; k-- > 0;) {
        const Figure& f = figs_[k];
        if (f.sentence < earliest) break;
        if (f.end > total_at || !is_total(f)) continue;
        const std::string common = CommonEnding(first_noun, CoreNoun(f.before));
        if (core::CodePointCount(common) >= 2 && common.size() > of_noun.size()) {
          total = &f;
          of_noun = common;
        }
      }
    }
    if (!of_noun.empty()) {
      std::erase_if(parts,
                    [&](const Figure* f) { return !CoreNoun(f->before).ends_with(of_noun); });
    }
    // The list ends where a part opens a subset of the parts before it ("民办园中认定为普惠性
    // 的27所") or, after a comma, names something the total does not ("在校学生52736人，其中
    // 小学35120人、初中17616人，教职工4380人").
    for (std::size_t k = 1; k < parts.size(); ++k) {
      const std::string_view named = StatisticOf(CoreNoun(parts[k]->before));
      const bool other = Gap(*parts[k - 1], *parts[k]).starts_with("，") && !named.empty() &&
                         named != StatisticOf(CoreNoun(total->before));
      const std::string gap = Gap(*parts[k - 1], *parts[k]);
      const bool change = NamesAChange(gap);  // 比上年减少1236人: no part
      // After a comma, what the whole has come to (已办结1319件, 已整改…) is no part of it.
      const bool status = gap.starts_with("，") && parts[k]->before.starts_with("已");
      if (OpensASubset(gap) || other || change || status || QualifiesThePartBefore(gap)) {
        parts.resize(k);
        break;
      }
    }
    // The parts before a comma that make the total exactly, then more ("其中研究生127人、本科
    // 3015人、专科及以下732人，本科及以上3142人"): what follows is another breakdown.
    {
      double lo = 0, hi = 0;
      for (std::size_t k = 0; k + 1 < parts.size(); ++k) {
        lo += parts[k]->lo;
        hi += parts[k]->hi;
        if (k >= 1 && Overlaps(lo, hi, total->lo, total->hi) &&
            Gap(*parts[k], *parts[k + 1]).starts_with("，")) {
          parts.resize(k + 1);
          break;
        }
      }
    }
    // A total that is the last item of a list ("小学41所、初中12所，其中…") leaves open whether
    // the parts belong to it or to the whole list: nothing to check.
    kin_left_out_ = kin_left_out;
    if (!EndsAList(*total)) Check(*total, parts, exhaustive);
    kin_left_out_ = false;
  }

  // part、part，共N: a total after the parts it sums.
  void TrailingTotals() {
    for (std::size_t i = 0; i < figs_.size(); ++i) {
      const Figure& total = figs_[i];
      if (total.IsPercent() || DepthAt(total.begin) != 0) continue;
      if (!SumsTheListBefore(total)) continue;
      // The parts: the figures of the list right before the total, all of its unit.
      std::vector<const Figure*> parts;
      for (std::size_t k = i; k-- > 0;) {
        const Figure& f = figs_[k];
        if (f.sentence != total.sentence || DepthAt(f.begin) != 0) break;
        if (f.IsPercent() || !f.SameUnit(total) || IsRestatedWhole(k)) break;
        if (f.before.find("其中") != std::string::npos || HasTotalMarker(f.before)) {
          // 全县共有幼儿园32所、小学38所，共70所: the marker opens the list; its first item
          // is a part when the list goes on from it.
          if (!parts.empty() && Gap(f, *parts.front()).starts_with("、")) {
            parts.insert(parts.begin(), &f);
          }
          break;
        }
        parts.insert(parts.begin(), &f);
      }
      Check(total, parts, true);
    }
  }

  CheckState& state_;
  std::size_t p_;
  const std::vector<Figure>& figs_;
  const std::string& text_;
  std::vector<int> depth_;
  bool ordered_;  // figs_ by begin and by end: bisection finds where a lookup starts
  std::vector<std::size_t> close_;  // CloseOf, by byte
  // The list being checked left out figures of a kindred unit (人 beside 人次: "贷款2874人"
  // among payments in 人次) that may be its missing parts: a sum short of the total is no sign.
  bool kin_left_out_ = false;
  // A breakdown being checked (Breakdowns): where its list ends (the next opening in its
  // sentence), and the opening its total stands before. npos: none.
  std::size_t list_end_ = std::string::npos;
  std::size_t total_before_ = std::string::npos;
};

}  // namespace

void CheckSums(CheckState& state) {
  for (std::size_t p = 0; p < state.paragraphs.size(); ++p) SumChecker(state, p).Run();
}

}  // namespace eduledger::report::internal
