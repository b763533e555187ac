// Rates and shares against the counts stated with them.
//
//   share   "其中高风险水域12处，占30%": the part before 占 over the whole it belongs to (the
//           total of the 其中 list, the figure named after 占, or a total before it);
//   rate    "适龄儿童4000人，已入学3980人，入学率99.5%": the counts of the sentence.
//
// A rate is wrong (error) only when exactly one pair of counts is named as its numerator and
// denominator (by the words before them: 已入学 / 适龄 for 入学率) and their quotient, rounded
// as the rate is written, differs. Otherwise a rate some pair reproduces is verified; a rate
// no pair reproduces, in a sentence with two counts of one unit, is unverifiable (info) with
// the nearest candidate; a rate stated alone is left alone.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

#include "core/text.h"
#include "report/checks_internal.h"

namespace eduledger::report::internal {

namespace {

struct RateRule {
  std::string_view rate;
  std::array<std::string_view, 12> numerator;  // unused slots empty
  std::array<std::string_view, 12> denominator;
  bool may_exceed_100;
};

// Which counts a rate is computed from, by the words before them.
const RateRule kRules[] = {
    {"入学率", {"已入学", "入学", "在校", "就读"}, {"适龄", "应入学", "学龄"}, false},
    {"入园率", {"入园", "在园"}, {"适龄", "学龄前"}, true},
    {"巩固率",
     {"毕业", "在校", "在读", "在籍", "巩固"},
     {"入学时", "一年级", "初一", "入学的"},
     false},
    {"压减率", {"压减"}, {"原有", "双减前", "前的", "基数"}, false},
    {"劝返率", {"劝返", "返校", "复学"}, {"辍学", "排查", "失学"}, false},
    {"复学率", {"劝返", "返校", "复学"}, {"辍学", "排查", "失学"}, false},  // 劝返复学率
    {"升学率", {"升学", "升入", "录取", "考入"}, {"毕业"}, false},
    {"毕业率", {"毕业"}, {"毕业班", "应届", "在校"}, false},
    {"就业率", {"就业"}, {"毕业"}, false},
    {"合格率", {"合格"}, {"参加", "参检", "参考", "抽检", "检测"}, false},
    {"达标率", {"达标"}, {"参加", "参检", "测试", "抽查", "评估", "检查"}, false},
    {"通过率", {"通过"}, {"参加", "申报", "参考"}, false},
    {"上线率", {"上线"}, {"参考", "报考", "考生", "参加"}, false},
    {"整改率", {"整改"}, {"排查", "发现", "隐患", "反馈"}, false},
    {"覆盖率", {"覆盖", "开展"}, {"符合", "共有", "全部"}, false},
    {"完成率", {"完成"}, {"计划", "任务", "目标", "需", "应"}, false},
    {"办结率",
     {"办结", "办理", "答复"},
     {"受理", "收到", "来信", "来访", "工单", "承办", "接到"},
     false},
    {"辍学率", {"辍学"}, {"在校", "学年初"}, false},
    {"满意率", {"满意"}, {"调查", "参与", "问卷"}, false},
    {"优良率", {"优秀", "良好", "优良"}, {"实测", "测试", "参测", "抽测", "参加"}, false},
};

// A rate whose numerator is the sum of every count its rule names so (优良率: 优秀 + 良好).
bool SumsItsNumerators(std::string_view rate) { return rate == "优良率"; }

// Words that make a count no denominator of the rate though its rule's words name one (测试合格
// is a part of those tested, no population of 优良率).
std::span<const std::string_view> NotDenominators(std::string_view rate) {
  static constexpr std::string_view kGood[] = {"合格", "及格", "达标"};
  if (rate == "优良率") return kGood;
  return {};
}

// The words of the counts a rate's numerator is the rest of (不及格2400人 of 44218人: 合格率
// 94.57%).
std::span<const std::string_view> ComplementWords(std::string_view rate) {
  static constexpr std::string_view kPass[] = {"不合格", "不及格"};
  static constexpr std::string_view kRectified[] = {"未整改", "未完成整改"};
  static constexpr std::string_view kEnrolled[] = {"未入学"};
  static constexpr std::string_view kStandard[] = {"未达标", "不达标"};
  static constexpr std::string_view kPassed[] = {"未通过"};
  static constexpr std::string_view kLine[] = {"未上线"};
  static constexpr std::string_view kDone[] = {"未完成"};
  static constexpr std::string_view kSettled[] = {"未办结"};
  static constexpr std::string_view kSatisfied[] = {"不满意"};
  static constexpr std::string_view kReduced[] = {"压减至", "减少至", "减至", "剩余", "保留"};
  if (rate == "合格率") return kPass;
  if (rate == "整改率") return kRectified;
  if (rate == "入学率") return kEnrolled;
  if (rate == "达标率") return kStandard;
  if (rate == "通过率") return kPassed;
  if (rate == "上线率") return kLine;
  if (rate == "完成率") return kDone;
  if (rate == "办结率") return kSettled;
  if (rate == "满意率") return kSatisfied;
  if (rate == "压减率") return kReduced;
  return {};
}

// Do the characters of `name` stand in `words` in order ("义务教育学校" in 义务教育阶段学校)?
bool InOrderWithin(std::string_view name, std::string_view words) {
  std::size_t at = 0;
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::size_t start = pos;
    core::NextCodePoint(name, &pos);
    at = words.find(name.substr(start, pos - start), at);
    if (at == std::string_view::npos) return false;
    at += pos - start;
  }
  return true;
}

// Does `words` hold every character of `name`, in any order?
bool AllCharactersIn(std::string_view name, std::string_view words) {
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::size_t start = pos;
    core::NextCodePoint(name, &pos);
    if (words.find(name.substr(start, pos - start)) == std::string_view::npos) return false;
  }
  return !name.empty();
}

// The offset of the last of `words` in `text`; npos when none is there.
std::size_t LastOf(std::string_view text, std::span<const std::string_view> words) {
  std::size_t last = std::string_view::npos;
  for (const std::string_view w : words) {
    if (w.empty()) continue;
    const std::size_t at = text.rfind(w);
    if (at != std::string_view::npos && (last == std::string_view::npos || at > last)) last = at;
  }
  return last;
}

// Do the words before a count name it as the rate's denominator, or its numerator? By the last
// word of either kind they hold: 筛查出近视学生 counts 近视 (a numerator), 排查隐患 a denominator.
bool IsDenominator(std::string_view before, const RateRule& rule) {
  const std::size_t den_at = LastOf(before, rule.denominator);
  const std::size_t num_at = LastOf(before, rule.numerator);
  return den_at != std::string_view::npos && (num_at == std::string_view::npos || den_at > num_at);
}
bool IsNumerator(std::string_view before, const RateRule& rule) {
  const std::size_t den_at = LastOf(before, rule.denominator);
  const std::size_t num_at = LastOf(before, rule.numerator);
  return num_at != std::string_view::npos && (den_at == std::string_view::npos || num_at > den_at);
}

// The class a count's words name ("文化类考生" → 文化类, "艺体类考生本科上线" → 艺体类): the
// two characters before the last 类 that is no 类型 or 类别; empty when none. Counts of two
// classes are of two populations: neither is the other's denominator.
std::string ClassWord(std::string_view words) {
  const std::vector<core::CodePointAt> cps = core::DecodeCodePoints(words);
  for (std::size_t k = cps.size(); k-- > 2;) {
    if (cps[k].cp != 0x7C7B) continue;  // 类
    if (k + 1 < cps.size() && (cps[k + 1].cp == 0x578B || cps[k + 1].cp == 0x522B)) continue;
    if (cps[k - 1].cp < 0x4E00 || cps[k - 2].cp < 0x4E00) return {};
    return std::string(words.substr(cps[k - 2].begin, cps[k].end - cps[k - 2].begin));
  }
  return {};
}

// Do the words of two counts name two classes ("文化类考生" and "艺体类考生本科上线")?
bool OtherClasses(std::string_view a, std::string_view b) {
  const std::string x = ClassWord(a);
  const std::string y = ClassWord(b);
  return !x.empty() && !y.empty() && x != y;
}

const RateRule* RuleFor(std::string_view noun) {
  for (const RateRule& r : kRules) {
    if (noun.find(r.rate) != std::string_view::npos) return &r;
  }
  return nullptr;
}

// The rate noun a percentage is stated with: the words before it up to their last 率.
std::string_view RateNoun(std::string_view before) {
  const std::size_t at = before.rfind("率");
  if (at == std::string_view::npos) return {};
  return before.substr(0, at + std::string_view("率").size());
}

bool IsShare(std::string_view before) {
  const std::size_t at = before.rfind("占");
  return at != std::string_view::npos && before.find("率", at) == std::string_view::npos;
}

// The figure index of the nearest figure before `index` in its sentence for which `accept` is
// true; -1 if none.
template <class Accept>
int NearestBefore(const std::vector<Figure>& figs, int index, Accept accept) {
  for (int k = index - 1; k >= 0; --k) {
    if (figs[static_cast<std::size_t>(k)].sentence !=
        figs[static_cast<std::size_t>(index)].sentence)
      break;
    if (accept(figs[static_cast<std::size_t>(k)])) return k;
  }
  return -1;
}

// A percentage computed from part and whole, as a range.
void Quotient(const Figure& part, const Figure& whole, double* lo, double* hi) {
  *lo = whole.hi > 0 ? part.lo / whole.hi * 100 : 0;
  *hi = whole.lo > 0 ? part.hi / whole.lo * 100 : std::numeric_limits<double>::infinity();
}

Finding Mismatch(FindingKind kind, const Figure& rate, double expected, std::string reason) {
  Finding f = FindingAt(rate, kind,
                        kind == FindingKind::kRateUnverifiable ? Severity::kInfo : Severity::kError,
                        std::move(reason));
  f.expected = RoundTo(expected, rate.decimals);
  return f;
}

std::string Percent(double v, int decimals) {
  return FormatValue(RoundTo(v, decimals), "%", decimals) + "%";
}

class RateChecker {
 public:
  RateChecker(CheckState& state, std::size_t p)
      : state_(state),
        p_(p),
        figs_(state.paragraphs[p].figures.figures),
        text_(state.paragraphs[p].paragraph->text) {}

  void Run() {
    for (int i = 0; i < static_cast<int>(figs_.size()); ++i) {
      const Figure& rate = figs_[static_cast<std::size_t>(i)];
      if (!rate.IsPercent() || rate.unknown) continue;
      if (const int past = CheckShareList(i); past > i) {
        i = past - 1;
      } else if (IsShare(rate.before)) {
        CheckShare(i);
      } else if (const int whole = RestatedWhole(i); whole >= 0) {
        CheckRestatedShare(i, whole);
      } else if (!RateNoun(rate.before).empty()) {
        CheckRate(i);
      }
    }
  }

 private:
  const Figure& At(int k) const { return figs_[static_cast<std::size_t>(k)]; }

  // The name a share gives its whole ("占资助总人次的" → 资助总人次); empty when none.
  static std::string NamedWhole(std::string_view before) {
    const std::size_t at = before.rfind("占");
    if (at == std::string_view::npos) return {};
    // 占比 names none.
    if (before.substr(at + std::string_view("占").size()).starts_with("比")) return {};
    std::string named = CoreNoun(before.substr(at + std::string_view("占").size()));
    if (named.ends_with("的")) named.resize(named.size() - std::string_view("的").size());
    return CoreNoun(named);
  }

  // A whole's name less 总数, 总额, 总人次 … ("资助总人次" → 资助).
  static std::string Stem(std::string named) {
    for (const std::string_view suffix :
         {"总人次", "总人数", "总金额", "总额", "总数", "总量", "总和", "总"}) {
      if (named.ends_with(suffix) && named.size() > suffix.size()) {
        named.resize(named.size() - suffix.size());
        break;
      }
    }
    return named;
  }

  // A whole named by the stem of its name (资助 of 资助总人次, 资助资金 of 资助资金总额): the
  // nearest count of the part's unit and year before it, in its paragraph or the three before,
  // whose words hold the stem's characters in order (义务教育学校 in 义务教育阶段学校). Bounded: a
  // hostile text of shares stays linear.
  const Figure* NamedWholeBefore(std::string named, const Figure& part, int from,
                                 std::size_t* paragraph) const {
    const std::string exact = named;
    named = Stem(std::move(named));
    if (core::CodePointCount(named) < 2) return nullptr;
    constexpr int kMaxScanned = 200;
    int scanned = 0;
    for (std::size_t q = p_ + 1; q-- > 0 && q + 3 >= p_ && scanned < kMaxScanned;) {
      const std::vector<Figure>& figs = state_.paragraphs[q].figures.figures;
      for (int k = q == p_ ? from - 1 : static_cast<int>(figs.size()) - 1;
           k >= 0 && scanned < kMaxScanned; --k, ++scanned) {
        const Figure& w = figs[static_cast<std::size_t>(k)];
        // A whole stated as one: 全县…, 累计…, 共…, 全年…, not 新建公办幼儿园5所.
        // Or one named exactly so (其中一般公共预算教育支出10.94亿元).
        const bool total = HasTotalMarker(w.before) || ContainsAny(w.before, {"共", "全年"});
        const std::string noun = NounOf(w);
        // Or the first figure of its sentence, named by the stem at its end (项目建成后可新增
        // 学位9450个: 新增学位总数), not a part of a list.
        const bool opens = k == 0 || figs[static_cast<std::size_t>(k - 1)].sentence != w.sentence;
        // Its characters in order and its last alike (义务教育阶段在校生 for 义务教育在校生).
        const bool ends_so =
            opens && core::CodePointCount(named) >= 3 &&
            (noun.ends_with(named) ||
             (InOrderWithin(named, noun) &&
              core::DecodeCodePoints(named).back().cp == core::DecodeCodePoints(noun).back().cp));
        // The whole another share restates (占符合交流条件教师总数1962人的) is that share's,
        // taken only when named exactly.
        const bool restated = w.before.find("占") != std::string::npos;
        // Of the part's year, or of a paragraph that names none (a section without its year).
        const bool same_year = w.year == part.year || w.year == 0 || part.year == 0;
        // No smaller than the part: a whole holds it (分学段看，学前教育资助资金186.40万元 is none
        // of 1163.80万元).
        if (w.SameUnit(part) && !w.IsPercent() && !w.unknown && same_year && w.hi >= part.lo &&
            ((total && !restated && InOrderWithin(named, noun)) || noun == exact || ends_so)) {
          *paragraph = q;
          return &w;
        }
      }
    }
    return nullptr;
  }

  // What a figure counts, without the 其中 that opens a list of parts.
  static std::string NounOf(const Figure& f) {
    std::string noun = CoreNoun(f.before);
    if (noun.starts_with("其中") && noun.size() > std::string_view("其中").size()) {
      noun = CoreNoun(std::string_view(noun).substr(std::string_view("其中").size()));
    }
    return noun;
  }

  // What AmongWhole returns for a part among a whole it names and the text does not state.
  static constexpr int kAmongUnstated = -2;

  // The level a noun opens with (普通高中资助资金 → 普通高中); empty when none.
  static std::string_view LevelAtStart(std::string_view noun) {
    std::string_view level;
    for (const std::string_view l : LevelWords()) {
      if (noun.starts_with(l) && l.size() > level.size()) level = l;
    }
    return level;
  }

  // The count a share names as its part by its subject ("人员经费占…的76.5%"), before it in
  // its paragraph: the nearest named so, or, in its sentence, the one count whose words open
  // with the subject's level and end with its head (普通高中资助资金: 普通高中国家助学金及
  // 免学杂费资金); -1 when none is. Bounded: a hostile paragraph of shares stays linear.
  int PartNamed(std::string_view subject, int share) const {
    const std::string_view level = LevelAtStart(subject);
    const std::vector<core::CodePointAt> cps = core::DecodeCodePoints(subject);
    const std::string_view head =
        cps.size() >= 2 ? subject.substr(cps[cps.size() - 2].begin) : std::string_view();
    int by_level = -1;
    int matching = 0;
    // Or the one count named by the subject less its head, as a list names its items (其中学科类
    // 12家 … 学科类机构占比; 优秀8426人 … 优秀学生占…): at most two characters left off.
    int by_item = -1;
    int items = 0;
    const std::size_t subject_length = cps.size();
    constexpr int kBack = 200;
    for (int k = share - 1; k >= 0 && k >= share - kBack; --k) {
      const Figure& f = At(k);
      if (f.IsPercent() || f.unknown) continue;
      const std::string noun = NounOf(f);
      if (noun == subject) return k;
      const std::size_t noun_length = core::CodePointCount(noun);
      if (noun_length >= 2 && noun_length < subject_length && subject_length - noun_length <= 2 &&
          subject.starts_with(noun) && f.sentence + 1 >= At(share).sentence) {
        by_item = k;
        ++items;
      }
      if (!level.empty() && f.sentence == At(share).sentence && noun.starts_with(level) &&
          noun.ends_with(head) && level.size() + head.size() < subject.size()) {
        by_level = k;
        ++matching;
      }
    }
    if (matching == 1) return by_level;
    return items == 1 ? by_item : -1;
  }

  // The whole a part says it is among ("专任教师中…3967人" → the 专任教师 stated before it in
  // the paragraph); -1 when it says none or the whole is not stated.
  // A part of a list after one ("专任教师中具有本科学历的4315人，占86.61%；具有中级职称的
  // 2574人，占51.67%") is among what the list's opening names, in its sentence.
  int AmongWhole(int part) const {
    std::string_view before = At(part).before;
    std::size_t mark = SubsetMarkAt(before);
    const bool own_mark = mark != std::string_view::npos;
    if (!own_mark) {
      const std::size_t sentence =
          state_.paragraphs[p_]
              .figures.sentence_starts[static_cast<std::size_t>(At(part).sentence)];
      constexpr std::size_t kNear = 300;  // bytes: a hostile sentence stays linear
      const std::size_t from =
          std::max(sentence, At(part).begin > kNear ? At(part).begin - kNear : 0);
      before = std::string_view(text_).substr(from, At(part).begin - from);
      mark = SubsetMarkAt(before);
      if (mark == std::string_view::npos) return -1;
      // The words before the mark, from their clause's opening.
      std::string_view opening = before.substr(0, mark);
      for (const std::string_view p : {"，", "；", "：", "。", ","}) {
        const std::size_t at = opening.rfind(p);
        if (at != std::string_view::npos) opening.remove_prefix(at + p.size());
      }
      before = opening;
      mark = opening.size();
    }
    const std::string among = CoreNoun(before.substr(0, mark));
    if (core::CodePointCount(among) < 2) return -1;
    constexpr int kBack = 200;
    for (int k = part - 1; k >= 0 && k >= part - kBack; --k) {
      const Figure& w = At(k);
      if (w.SameUnit(At(part)) && !w.IsPercent() && !w.unknown &&
          CoreNoun(w.before).ends_with(among)) {
        return k;
      }
    }
    // 专任教师4718人，其中小学2864人…。小学专任教师中…: the level's item of a list under the
    // head's whole.
    const std::string_view level = LevelAtStart(among);
    const std::string_view head = std::string_view(among).substr(level.size());
    if (!level.empty() && core::CodePointCount(head) >= 2) {
      for (int k = part - 1; k >= 0 && k >= part - kBack; --k) {
        const Figure& w = At(k);
        if (!w.SameUnit(At(part)) || w.IsPercent() || w.unknown || NounOf(w) != level) continue;
        for (int j = k - 1; j >= 0 && At(j).sentence == w.sentence; --j) {
          if (At(j).SameUnit(w) && NounOf(At(j)).ends_with(head)) return k;
        }
      }
    }
    // Among a whole its own words name and the paragraph does not state: of nothing here.
    return own_mark ? kAmongUnstated : -1;
  }

  // The total of the 其中 list the part is in (a 其中 of its sentence or the one before); -1
  // when it is in none.
  int QizhongTotal(int part) const {
    const Figure& n = At(part);
    const auto& starts = state_.paragraphs[p_].figures.sentence_starts;
    // Near it (a bounded window: a hostile sentence of thousands of shares stays linear).
    constexpr std::size_t kNear = 600;  // bytes
    const std::size_t from = std::max(starts[static_cast<std::size_t>(std::max(0, n.sentence - 1))],
                                      n.begin > kNear ? n.begin - kNear : 0);
    const std::size_t qizhong = std::string_view(text_).substr(from, n.begin - from).rfind("其中");
    if (qizhong == std::string::npos) return -1;
    for (int k = part - 1; k >= 0; --k) {
      const Figure& w = At(k);
      // Not a whole another share restates (占符合交流条件教师总数1962人的17.7%).
      const bool restated = k + 1 < part && RestatesAWhole(text_, w, At(k + 1));
      if (w.end <= from + qizhong && w.SameUnit(n) && !w.IsPercent() && !restated) {
        return w.sentence >= n.sentence - 1 ? k : -1;
      }
    }
    return -1;
  }

  // The whole a part before 占 belongs to, in its paragraph; -1 when none is found.
  int WholeOf(int part, const Figure& share) const {
    const Figure& n = At(part);
    // 占全县在校生总数的30%: a figure named like the words after 占.
    const std::string named = NamedWhole(share.before);
    // Lookups go back a bounded way (the whole is stated near its parts), so that a hostile
    // paragraph of thousands of shares stays linear.
    constexpr int kBack = 200;
    if (named.size() >= 6) {
      for (int k = part - 1; k >= 0 && k >= part - kBack; --k) {
        const Figure& w = At(k);
        // Not the whole another share restates (占符合交流条件教师总数1962人的).
        const bool restated = w.before.find("占") != std::string::npos;
        // Not a smaller count of the name (a sibling part: 其中公办园在园幼儿7412人 before
        // 普惠性幼儿园在园幼儿12105人，占在园幼儿总数的…).
        if (w.SameUnit(n) && !w.IsPercent() && !restated && w.hi >= n.lo &&
            CoreNoun(w.before).find(named) != std::string::npos)
          return k;
      }
      return -1;
    }
    if (const int total = QizhongTotal(part); total >= 0) return total;
    // A total before it in the sentence.
    return NearestBefore(figs_, part, [&](const Figure& w) {
      return w.SameUnit(n) && !w.IsPercent() && HasTotalMarker(w.before);
    });
  }

  // 占在校学生31767人的9.5%, 占…总数N人的P%: the figure right before the share, after 占 and
  // followed by 的, is the whole restated; -1 when the share is not written so.
  int RestatedWhole(int i) const {
    return i > 0 && RestatesAWhole(text_, At(i - 1), At(i)) ? i - 1 : -1;
  }

  void CheckRestatedShare(int i, int whole) {
    const int part = NearestBefore(figs_, whole, [&](const Figure& f) {
      return !f.IsPercent() && f.SameUnit(At(whole)) && f.segment == At(i).segment;
    });
    if (part >= 0) CheckShareOf(i, part, whole);
  }

  void CheckShare(int i) {
    const Figure& share = At(i);
    int part = NearestBefore(
        figs_, i, [&](const Figure& f) { return !f.IsPercent() && f.segment == share.segment; });
    // A share that names its own part ("专任教师3926人，本科及以上学历占比87.5%") is of a count
    // not stated, unless it names a count before it ("女生480人，女生占48%"; "人员经费7.86亿元
    // …。人员经费占…的76.5%").
    std::string subject = CoreNoun(share.before.substr(0, share.before.rfind("占")));
    if (subject.starts_with("其中"))
      subject = CoreNoun(subject.substr(std::string_view("其中").size()));
    if (core::CodePointCount(subject) >= 2 && (part < 0 || NounOf(At(part)) != subject)) {
      part = PartNamed(subject, i);
    }
    if (part < 0 && core::CodePointCount(subject) >= 2) {
      // Named in a paragraph before: the whole is the one its name (or the share before it
      // in its sentence) gives.
      std::size_t part_paragraph = p_;
      const Figure* named_part = PartNamedBefore(subject, &part_paragraph);
      std::string whole_name = NamedWhole(share.before);
      if (whole_name.empty()) whole_name = InheritedWhole(i);
      std::size_t where = p_;
      const Figure* whole = named_part != nullptr && !whole_name.empty()
                                ? NamedWholeBefore(whole_name, *named_part, i, &where)
                                : nullptr;
      if (whole != nullptr) CheckShareOf(i, *named_part, part_paragraph, *whole, true, where);
      return;
    }
    if (part < 0) return;
    // 专任教师4683人；专任教师中具有本科学历的3967人，占84.7%: the part is among 专任教师;
    // among a whole not stated, it is of nothing here.
    if (const int among = AmongWhole(part); among >= 0) {
      CheckShareOf(i, part, among);
      return;
    } else if (among == kAmongUnstated) {
      return;
    }
    const int whole = WholeOf(part, share);
    if (whole >= 0) {
      CheckShareOf(i, part, whole);
      return;
    }
    // 占资助总人次的28.6%: the whole stated sentences or paragraphs before.
    const std::string named = NamedWhole(share.before);
    std::size_t where = p_;
    if (const Figure* w = NamedWholeBefore(named, At(part), part, &where)) {
      CheckShareOf(i, part, *w, true, where);
      return;
    }
    // 学生…获奖1286人，其中获省级奖项的214人，占获奖学生总数的19.8%: the 其中 list's total,
    // when the words of its sentence before it hold every character the name does.
    const int total = QizhongTotal(part);
    if (total >= 0 && !named.empty()) {
      const auto& starts = state_.paragraphs[p_].figures.sentence_starts;
      const std::size_t from = starts[static_cast<std::size_t>(At(total).sentence)];
      std::string_view words = std::string_view(text_).substr(from, At(total).begin - from);
      constexpr std::size_t kMaxWords = 360;  // bytes: a hostile sentence stays linear
      if (words.size() > kMaxWords) words.remove_prefix(words.size() - kMaxWords);
      if (AllCharactersIn(Stem(named), words)) CheckShareOf(i, part, total);
      return;
    }
    // "35岁以下青年教师1156人，占比28.3%；…任教的教师2106人，占全县专任教师的53.4%": a share
    // naming no whole, before one of its paragraph naming the whole of its unit, is of that.
    if (named.empty() && total < 0) {
      const std::string later = LaterNamedWhole(i);
      std::size_t at = p_;
      if (!later.empty()) {
        if (const Figure* w = NamedWholeBefore(later, At(part), part, &at)) {
          CheckShareOf(i, part, *w, true, at);
        }
      }
    }
  }

  // The whole the next share naming one in share `i`'s paragraph names, within the two
  // sentences after `i`'s; empty when there is none. Bounded: a hostile paragraph stays linear.
  std::string LaterNamedWhole(int i) const {
    constexpr int kAhead = 40;
    for (int k = i + 1; k < static_cast<int>(figs_.size()) && k <= i + kAhead; ++k) {
      const Figure& f = At(k);
      if (f.sentence > At(i).sentence + 2) break;
      if (!f.IsPercent() || !IsShare(f.before)) continue;
      if (std::string name = NamedWhole(f.before); !name.empty()) return name;
    }
    return {};
  }

  // Share `i` as part ÷ whole.
  void CheckShareOf(int i, int part, int whole) {
    if (whole >= 0) CheckShareOf(i, part, At(whole), true);
  }
  // `whole` stated in the text, or (not `stated`) the sum of a list's parts.
  void CheckShareOf(int i, int part, const Figure& whole, bool stated,
                    std::optional<std::size_t> whole_paragraph = std::nullopt) {
    CheckShareOf(i, At(part), p_, whole, stated, whole_paragraph.value_or(p_));
  }
  // Share `i` as `part` (of paragraph `part_paragraph`) ÷ `whole`.
  void CheckShareOf(int i, const Figure& part, std::size_t part_paragraph, const Figure& whole,
                    bool stated, std::size_t whole_paragraph) {
    const Figure& share = At(i);
    if (part.unknown || whole.unknown) return;
    if (whole.hi < part.lo) return;  // smaller than the part: not its whole
    ++state_.result->summary.rates_checked;
    double lo, hi;
    Quotient(part, whole, &lo, &hi);
    if (Overlaps(lo, hi, share.lo, share.hi) || AnotherReadingAgrees(i, part, whole)) {
      ++state_.result->summary.rates_verified;
      return;
    }
    const double expected = part.value / whole.value * 100;
    Finding f = Mismatch(FindingKind::kShareMismatch, share, expected,
                         "按" + part.written + "÷" + whole.written + "计算，占比应为" +
                             Percent(expected, share.decimals) + "，文中为" + share.written);
    f.related = {state_.PlaceOf(part_paragraph, part)};
    if (stated) f.related.push_back(state_.PlaceOf(whole_paragraph, whole));
    state_.Add(p_, std::move(f));
  }

  // Is share `i` what another reading of its sentence gives? The list's total as the part
  // ("交流轮岗教师386人，其中…77人，交流人数占…2571人的15.0%"), the item a qualifier narrows as the
  // whole ("专任教师4315人，具有本科学历的3296人，占76.4%"), or, when the part found is a figure
  // of the year before, the clause's subject ("5.37亿元，较去年同期的5.15亿元增长4.3%，占…28.46
  // 亿元的18.9%"). A share none of them gives stays wrong.
  bool AnotherReadingAgrees(int i, const Figure& part, const Figure& whole) const {
    const Figure& share = At(i);
    if (figs_.empty() || &part < figs_.data() || &part >= figs_.data() + figs_.size()) {
      return false;
    }
    const int k = static_cast<int>(&part - figs_.data());
    const auto gives = [&](const Figure& p, const Figure& w) {
      if (p.unknown || w.unknown || w.hi < p.lo) return false;
      double lo, hi;
      Quotient(p, w, &lo, &hi);
      return Overlaps(lo, hi, share.lo, share.hi);
    };
    if (const int total = QizhongTotal(k); total >= 0 && gives(At(total), whole)) return true;
    if (k > 0) {
      const Figure& before = At(k - 1);
      const std::string_view gap =
          std::string_view(text_).substr(before.end, part.begin - before.end);
      if (before.sentence == part.sentence && before.SameUnit(part) && !before.IsPercent() &&
          QualifiesThePartBefore(gap) && gives(part, before)) {
        return true;
      }
    }
    if (NamesAChange(part.before)) {
      for (int p = k - 1; p >= 0 && p >= k - 8 && At(p).sentence == part.sentence; --p) {
        if (At(p).SameUnit(part) && !At(p).IsPercent()) return gives(At(p), whole);
      }
    }
    return false;
  }

  // A part named exactly by a share's subject in one of the three paragraphs before
  // ("其中，学前教育312.4万元、普通高中1426.8万元。" … "普通高中占比31.6%"), with the paragraph
  // it stands in; null when none or two are. Bounded: a hostile text stays linear.
  const Figure* PartNamedBefore(std::string_view subject, std::size_t* paragraph) const {
    const Figure* found = nullptr;
    constexpr int kMaxScanned = 200;
    int scanned = 0;
    for (std::size_t q = p_; q-- > 0 && q + 3 >= p_ && scanned < kMaxScanned;) {
      const std::vector<Figure>& figs = state_.paragraphs[q].figures.figures;
      for (std::size_t k = figs.size(); k-- > 0 && scanned < kMaxScanned; ++scanned) {
        const Figure& f = figs[k];
        if (f.IsPercent() || f.unknown || NounOf(f) != subject) continue;
        if (found != nullptr) return nullptr;  // two so named: not told apart
        found = &f;
        *paragraph = q;
      }
      if (found != nullptr) return found;
    }
    return nullptr;
  }

  // The whole a share without one of its own is of: the one the share before it in its
  // sentence names ("义务教育资金占全部资助资金的40.8%，普通高中占比31.6%"); empty when none.
  std::string InheritedWhole(int i) const {
    for (int k = i - 1; k >= 0 && At(k).sentence == At(i).sentence; --k) {
      if (At(k).IsPercent() && IsShare(At(k).before)) return NamedWhole(At(k).before);
    }
    return {};
  }

  // "A、B和C分别为x人、y人和z人，分别占P1、P2和P3": each share with its own item, in order,
  // of the whole the list is part of (a total stated before it, else the sum of the items
  // when the shares make about 100%). Returns the index past the shares, or `i` when the
  // shares are not written so.
  int CheckShareList(int i) {
    const Figure& first = At(i);
    if (first.before.find("分别占") == std::string::npos) return i;
    std::vector<int> shares = {i};
    for (int k = i + 1; k < static_cast<int>(figs_.size()); ++k) {
      const Figure& f = At(k);
      if (!f.IsPercent() || f.segment != first.segment || !JoinsAList(At(k - 1), f)) break;
      shares.push_back(k);
    }
    // The items: those the shares' subject names ("小学和初中学位分别占…": 小学学位, 初中学位),
    // else as many counts of one unit right before, in the sentence, joined as a list.
    std::vector<int> items = ItemsNamed(i, shares.size());
    const bool named_items = !items.empty();  // in the shares' order already
    for (int k = i - 1; k >= 0 && items.size() < shares.size(); --k) {
      const Figure& f = At(k);
      if (f.IsPercent() || f.sentence != first.sentence) break;
      if (!items.empty() &&
          (!f.SameUnit(At(items.back())) || !JoinsAList(f, At(items.back()), true)))
        break;
      items.push_back(k);
    }
    const int after = shares.back() + 1;
    if (items.size() != shares.size()) return after;  // not paired: nothing to say
    if (!named_items) std::reverse(items.begin(), items.end());
    // The whole: a total of the items' unit before them in the sentence, else their sum.
    const int earliest = *std::min_element(items.begin(), items.end());
    const int total = NearestBefore(figs_, earliest, [&](const Figure& w) {
      return w.SameUnit(At(earliest)) && !w.IsPercent() && HasTotalMarker(w.before);
    });
    Figure sum = At(items.front());
    sum.lo = sum.hi = sum.value = 0;
    double percent_sum = 0;
    for (std::size_t n = 0; n < items.size(); ++n) {
      sum.lo += At(items[n]).lo;
      sum.hi += At(items[n]).hi;
      sum.value += At(items[n]).value;
      sum.unknown = sum.unknown || At(items[n]).unknown;
      percent_sum += At(shares[n]).value;
    }
    sum.written = FormatValue(sum.value, sum.unit, sum.decimals) + sum.unit + "（各项之和）";
    // The items make the whole when the shares make about 100%, or when of three shares or
    // more all but one agree with the items' sum (the one is then wrong, and says so).
    int agreeing = 0;
    for (std::size_t n = 0; n < items.size(); ++n) {
      double lo, hi;
      Quotient(At(items[n]), sum, &lo, &hi);
      agreeing += Overlaps(lo, hi, At(shares[n]).lo, At(shares[n]).hi);
    }
    const int count = static_cast<int>(shares.size());
    const bool whole_is_sum =
        std::fabs(percent_sum - 100) <= 0.1 * count || (count >= 3 && agreeing >= count - 1);
    // 分别占资助资金总额的…: the whole named, stated before.
    std::size_t where = p_;
    const Figure* named =
        total >= 0 ? nullptr
                   : NamedWholeBefore(NamedWhole(first.before), At(earliest), earliest, &where);
    if (total < 0 && named == nullptr && !whole_is_sum) return after;
    for (std::size_t n = 0; n < items.size(); ++n) {
      if (total >= 0) {
        CheckShareOf(shares[n], items[n], total);
      } else if (named != nullptr) {
        CheckShareOf(shares[n], items[n], *named, true, where);
      } else {
        CheckShareOf(shares[n], items[n], sum, false);
      }
    }
    return after;
  }

  // The words that name what a count counts: those before it, and when they name nothing but
  // its scope (对全县112所中小学逐校评估), those after it in its clause too (bounded).
  std::string WordsOf(const Figure& f) const {
    // "已入学（含送教上门）396人": a count right after a parenthesis is named by the words
    // before it, in its clause.
    if (f.before.empty()) {
      const std::string_view lead = std::string_view(text_).substr(0, f.begin);
      for (const auto& [open, close] : {std::pair{"（", "）"}, std::pair{"(", ")"}}) {
        const std::size_t at = lead.rfind(open);
        if (!lead.ends_with(close) || at == std::string_view::npos) continue;
        std::string_view clause = lead.substr(0, at);
        constexpr std::size_t kClause = 60;  // bytes
        if (clause.size() > kClause) clause.remove_prefix(clause.size() - kClause);
        for (const std::string_view mark : {"，", "。", "；", "：", ",", ";"}) {
          const std::size_t m = clause.rfind(mark);
          if (m != std::string_view::npos) clause.remove_prefix(m + mark.size());
        }
        return std::string(clause);
      }
    }
    const std::string noun = CoreNoun(f.before);
    // Words before that end with a verb of having (…考试共有2846名高二学生参加) leave the
    // naming to the words after.
    const bool names_after = f.before.ends_with("共有") || f.before.ends_with("有");
    if (noun.size() >= 6 && !EndsWithScope(noun) && !names_after) return f.before;
    constexpr std::size_t kClause = 60;  // bytes
    std::string_view after = std::string_view(text_).substr(f.end, kClause);
    for (const std::string_view mark : {"，", "。", "；", "：", ",", ";"}) {
      after = after.substr(0, after.find(mark));
    }
    return f.before + std::string(after);
  }

  // The counts a 分别占 list's subject names, one per share in order ("小学和初中学位分别占…" →
  // the counts named 小学…, 初中学位 in its sentence), each the only one so named; empty when
  // the subject does not name them so.
  std::vector<int> ItemsNamed(int first, std::size_t shares) const {
    const std::string& before = At(first).before;
    std::string subject = CoreNoun(before.substr(0, before.find("分别占")));
    std::vector<std::string> pieces;
    std::size_t from = 0;
    for (std::size_t at = 0; at < subject.size();) {
      std::size_t len = 0;
      for (const std::string_view joiner : {"和", "、", "及", "与"}) {
        if (std::string_view(subject).substr(at).starts_with(joiner)) len = joiner.size();
      }
      if (len == 0) {
        core::NextCodePoint(subject, &at);
        continue;
      }
      pieces.push_back(subject.substr(from, at - from));
      at += len;
      from = at;
    }
    pieces.push_back(subject.substr(from));
    // A list names a few items; a hostile one of thousands must not be searched each by each.
    constexpr std::size_t kMaxItems = 12;
    if (pieces.size() != shares || shares < 2 || shares > kMaxItems) return {};
    std::vector<int> items;
    for (const std::string& piece : pieces) {
      if (core::CodePointCount(piece) < 2) return {};
      int found = -1;
      constexpr int kBack = 200;
      for (int k = first - 1; k >= 0 && k >= first - kBack && At(k).sentence == At(first).sentence;
           --k) {
        if (At(k).IsPercent() || At(k).unknown) continue;
        const std::string noun = NounOf(At(k));
        if (noun.starts_with(piece)) {
          if (found >= 0) return {};  // two so named: not told apart
          found = k;
        }
      }
      if (found < 0) return {};
      items.push_back(found);
    }
    for (std::size_t n = 1; n < items.size(); ++n) {
      if (!At(items[n]).SameUnit(At(items[0]))) return {};
    }
    return items;
  }

  // Are `a` and `b` neighbouring items of a list: only 、，, 和 or 及 between them, or, with
  // `named`, a joiner and the next item's words ("转为非学科类机构29家、注销17家")?
  bool JoinsAList(const Figure& a, const Figure& b, bool named = false) const {
    const std::string gap = Between(text_, a, b);
    for (const std::string_view joiner : {"、", "，", ",", "和", "及", "与"}) {
      if (gap == joiner) return true;
      if (named && gap.starts_with(joiner) &&
          !ContainsAny(std::string_view(gap).substr(joiner.size()),
                       {"，", "。", "；", "、", "："})) {
        return true;
      }
    }
    return false;
  }

  // Rate `i` as the rest of a named population: a count named as the complement of its
  // numerator (is_complement) and a denominator before the rate. False when there is none.
  template <class IsComplement>
  bool CheckComplement(int i, const std::vector<int>& counts, const RateRule& rule,
                       IsComplement is_complement) {
    const Figure& rate = At(i);
    for (const int c : counts) {
      if (c > i || !is_complement(c)) continue;
      for (const int b : counts) {
        const Figure& whole = At(b);
        if (b == c || b > i || !whole.SameUnit(At(c)) || whole.hi < At(c).lo ||
            !IsDenominator(WordsOf(whole), rule) || whole.lo <= 0) {
          continue;
        }
        ++state_.result->summary.rates_checked;
        const double lo = (1 - At(c).hi / whole.lo) * 100;
        const double hi = (1 - At(c).lo / whole.hi) * 100;
        if (Overlaps(lo, hi, rate.lo, rate.hi)) {
          ++state_.result->summary.rates_verified;
          return true;
        }
        const double expected = (whole.value - At(c).value) / whole.value * 100;
        Finding f = Mismatch(FindingKind::kRateMismatch, rate, expected,
                             std::string(RateNoun(rate.before)) + "按(" + whole.written + "−" +
                                 At(c).written + ")÷" + whole.written + "计算应为" +
                                 Percent(expected, rate.decimals) + "，文中为" + rate.written);
        f.related = {state_.PlaceOf(p_, whole), state_.PlaceOf(p_, At(c))};
        state_.Add(p_, std::move(f));
        return true;
      }
    }
    return false;
  }

  // Does the sentence before sentence `s` open with 其中: a breakdown of the one before it?
  bool BreakdownBefore(int s) const {
    const auto& starts = state_.paragraphs[p_].figures.sentence_starts;
    if (s < 1 || static_cast<std::size_t>(s) > starts.size()) return false;
    const std::string_view before =
        std::string_view(text_).substr(starts[static_cast<std::size_t>(s - 1)]);
    return before.starts_with("其中") || BreakdownOpening(before) > 0;
  }

  // A rate of the named numerators together (优秀 and 良好, and a count listed right after one:
  // "优秀和良好等级的分别为6,842人、17,214人") over the population: the largest denominator
  // named (参测 over 测试合格).
  void CheckSummedNumerators(const Figure& rate, std::string_view noun,
                             const std::vector<std::pair<int, int>>& named) {
    int b = named.front().second;
    for (const auto& pair : named) {
      if (At(pair.second).value > At(b).value) b = pair.second;
    }
    std::vector<int> parts;
    for (const auto& [a, den] : named) {
      if (den != b || std::find(parts.begin(), parts.end(), a) != parts.end()) continue;
      parts.push_back(a);
      for (int k = a + 1; k < static_cast<int>(figs_.size()) && k != b; ++k) {
        if (At(k).segment != At(a).segment || !At(k).SameUnit(At(a)) ||
            Between(text_, At(k - 1), At(k)) != "、" ||
            std::find(parts.begin(), parts.end(), k) != parts.end()) {
          break;
        }
        parts.push_back(k);
      }
    }
    Figure sum = At(parts.front());
    sum.lo = sum.hi = sum.value = 0;
    for (const int a : parts) {
      sum.lo += At(a).lo;
      sum.hi += At(a).hi;
      sum.value += At(a).value;
    }
    ++state_.result->summary.rates_checked;
    double lo, hi;
    Quotient(sum, At(b), &lo, &hi);
    if (Overlaps(lo, hi, rate.lo, rate.hi)) {
      ++state_.result->summary.rates_verified;
      return;
    }
    std::string of;
    for (const int a : parts) of += (of.empty() ? "" : "+") + At(a).written;
    const double expected = sum.value / At(b).value * 100;
    Finding f = Mismatch(FindingKind::kRateMismatch, rate, expected,
                         std::string(noun) + "按(" + of + ")÷" + At(b).written + "计算应为" +
                             Percent(expected, rate.decimals) + "，文中为" + rate.written);
    for (const int a : parts) f.related.push_back(state_.PlaceOf(p_, At(a)));
    f.related.push_back(state_.PlaceOf(p_, At(b)));
    state_.Add(p_, std::move(f));
  }

  void CheckRate(int i) {
    const Figure& rate = At(i);
    const std::string_view noun = RateNoun(rate.before);
    const RateRule* rule = RuleFor(noun);
    // A rate no rule names (满分率, 优秀率): its numerator is named by the two characters before
    // 率 (获得满分2170人), its denominator by the words of a population (参加 …, 实考 …).
    RateRule named_by_itself{};
    bool generic = false;  // its counts must stand before it, as such a rate is written
    if (rule == nullptr) {
      const std::vector<core::CodePointAt> cps = core::DecodeCodePoints(noun);
      if (cps.size() >= 3) {
        const std::size_t from = cps[cps.size() - 3].begin;
        generic = true;
        named_by_itself = RateRule{noun.substr(from, cps.back().begin - from),
                                   {noun.substr(from, cps.back().begin - from)},
                                   {"参加", "参考", "实考", "筛查", "报名", "抽查", "实测", "原有",
                                    "参测", "评估", "监测", "测试"},
                                   false};
        rule = &named_by_itself;
      }
    }
    const bool may_exceed =
        noun.find("毛") != std::string_view::npos || (rule && rule->may_exceed_100);
    // The counts stated with the rate: its segment (a sentence up to ；), known; of a long
    // segment the kNear figures on either side (the pairs below are tried each with each, so
    // a hostile segment of thousands of figures must not be taken whole).
    constexpr int kNear = 24;
    std::vector<int> counts;
    const int size = static_cast<int>(figs_.size());
    for (int k = std::max(0, i - kNear); k < std::min(size, i + kNear + 1); ++k) {
      const Figure& f = At(k);
      if (k != i && f.segment == rate.segment && !f.IsPercent() && f.unit != "个百分点" &&
          !f.unknown) {
        counts.push_back(k);
      }
    }
    // The pairs named as numerator and denominator.
    std::vector<std::pair<int, int>> named;
    const std::span<const std::string_view> complement =
        rule != nullptr ? ComplementWords(rule->rate) : std::span<const std::string_view>();
    const auto is_complement = [&](int k) { return ContainsAny(WordsOf(At(k)), complement); };
    if (rule != nullptr) {
      for (const int a : counts) {
        if (!IsNumerator(WordsOf(At(a)), *rule) || is_complement(a) || (generic && a > i)) continue;
        for (const int b : counts) {
          if (b != a && (!generic || b < i) && At(b).SameUnit(At(a)) &&
              IsDenominator(WordsOf(At(b)), *rule) &&
              !ContainsAny(WordsOf(At(b)), NotDenominators(rule->rate)) &&
              !OtherClasses(WordsOf(At(a)), WordsOf(At(b)))) {
            named.emplace_back(a, b);
          }
        }
      }
    }
    // A denominator stated before the rate's segment ("共排查出疑似辍学学生38人。经联合劝返，
    // 已返校就读35人，劝返率为92.11%"; "报名参考考生3418人…；其中…上线426人，上线率12.46%"):
    // the nearest named so, in the rate's sentence or the one before.
    // Not for a rate of one school ("其中，县第一中学本科上线1453人，本科上线率71.6%"): the
    // population before is the county's.
    std::string_view segment_words = std::string_view(text_).substr(
        state_.paragraphs[p_].figures.segment_starts[static_cast<std::size_t>(rate.segment)]);
    for (const std::string_view lead : {"其中", "，", "："}) {
      if (segment_words.starts_with(lead)) segment_words.remove_prefix(lead.size());
    }
    const bool one_school = !SchoolNameOpening(segment_words).empty();
    if (named.empty() && rule != nullptr && !generic && !one_school) {
      for (const int a : counts) {
        if (a > i || !IsNumerator(WordsOf(At(a)), *rule)) continue;
        for (int k = std::min(a, i) - 1; k >= 0 && k >= i - kNear; --k) {
          const Figure& b = At(k);
          // Or two before, past a sentence of its breakdown ("排查隐患674处。其中，…。已完成整改
          // 651处，整改率…").
          if (b.sentence < rate.sentence - (BreakdownBefore(rate.sentence) ? 2 : 1)) break;
          if (b.segment == rate.segment || b.IsPercent() || b.unknown || !b.SameUnit(At(a)))
            continue;
          // Not smaller than the numerator (来信来访209件 of the 1386件 受理 is no denominator
          // of 1380件 办结).
          if (!may_exceed && b.hi < At(a).lo) continue;
          if (IsDenominator(WordsOf(b), *rule) && !OtherClasses(WordsOf(At(a)), WordsOf(b)) &&
              !ContainsAny(WordsOf(b), NotDenominators(rule->rate))) {
            named.emplace_back(a, k);
            break;
          }
        }
      }
    }
    auto reproduces = [&](int a, int b) {
      double lo, hi;
      Quotient(At(a), At(b), &lo, &hi);
      return Overlaps(lo, hi, rate.lo, rate.hi);
    };
    // Two counts may make the numerator together (升入高职612人、直接就业487人，升学就业率97.6%).
    auto reproduces_with_another = [&](int a, int b) {
      for (const int c : counts) {
        if (c == a || c == b || !At(c).SameUnit(At(a))) continue;
        Figure both = At(a);
        both.lo += At(c).lo;
        both.hi += At(c).hi;
        double lo, hi;
        Quotient(both, At(b), &lo, &hi);
        if (Overlaps(lo, hi, rate.lo, rate.hi)) return true;
      }
      return false;
    };
    // The rest of a population: 不及格2400人 of 参加测试44218人, 合格率 (44218 − 2400) ÷ 44218.
    if (named.empty() && !complement.empty() && CheckComplement(i, counts, *rule, is_complement)) {
      return;
    }
    if (!named.empty() && SumsItsNumerators(rule->rate)) {
      CheckSummedNumerators(rate, noun, named);
      return;
    }
    if (!named.empty()) {
      ++state_.result->summary.rates_checked;
      for (const auto& [a, b] : named) {
        if (reproduces(a, b) || reproduces_with_another(a, b)) {
          ++state_.result->summary.rates_verified;
          return;
        }
      }
      // One numerator named with one or more denominators (上线 over 参考 and 报考) that all
      // contradict the rate: an error, stated with the denominator the rule names first. Two
      // numerators (升入普高 and 升入职高) may be meant together: unverifiable.
      bool one_numerator = true;
      for (const auto& pair : named) one_numerator = one_numerator && pair.first == named[0].first;
      const auto preference = [&](int k) {
        for (std::size_t w = 0; w < rule->denominator.size(); ++w) {
          if (!rule->denominator[w].empty() &&
              WordsOf(At(k)).find(rule->denominator[w]) != std::string::npos) {
            return w;
          }
        }
        return rule->denominator.size();
      };
      const auto [a, b] = *std::min_element(named.begin(), named.end(), [&](auto x, auto y) {
        return preference(x.second) < preference(y.second);
      });
      const double expected = At(a).value / At(b).value * 100;
      Finding f =
          Mismatch(one_numerator ? FindingKind::kRateMismatch : FindingKind::kRateUnverifiable,
                   rate, expected,
                   std::string(noun) + "按" + At(a).written + "÷" + At(b).written + "计算应为" +
                       Percent(expected, rate.decimals) + "，文中为" + rate.written);
      f.related = {state_.PlaceOf(p_, At(a)), state_.PlaceOf(p_, At(b))};
      state_.Add(p_, std::move(f));
      return;
    }
    // No pair is named: some pair may still reproduce the rate.
    int best_a = -1;
    int best_b = -1;
    double best_gap = std::numeric_limits<double>::infinity();
    for (const int a : counts) {
      for (const int b : counts) {
        if (a == b || !At(a).SameUnit(At(b)) || At(b).value <= 0) continue;
        if (!may_exceed && At(a).value > At(b).value) continue;
        if (reproduces(a, b)) {
          ++state_.result->summary.rates_checked;
          ++state_.result->summary.rates_verified;
          return;
        }
        const double gap = std::fabs(At(a).value / At(b).value * 100 - rate.value);
        if (gap < best_gap) {
          best_gap = gap;
          best_a = a;
          best_b = b;
        }
      }
    }
    if (best_a < 0) return;  // no two counts to compare with: nothing to say
    ++state_.result->summary.rates_checked;
    const double nearest = At(best_a).value / At(best_b).value * 100;
    Finding f = Mismatch(FindingKind::kRateUnverifiable, rate, nearest,
                         std::string(noun) + rate.written + "无法由文中的数字核实；最接近的是" +
                             At(best_a).written + "÷" + At(best_b).written + "≈" +
                             Percent(nearest, rate.decimals));
    f.related = {state_.PlaceOf(p_, At(best_a)), state_.PlaceOf(p_, At(best_b))};
    state_.Add(p_, std::move(f));
  }

  CheckState& state_;
  std::size_t p_;
  const std::vector<Figure>& figs_;
  const std::string& text_;
};

}  // namespace

void CheckRates(CheckState& state) {
  for (std::size_t p = 0; p < state.paragraphs.size(); ++p) RateChecker(state, p).Run();
}

}  // namespace eduledger::report::internal
