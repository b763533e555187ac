#include "report/summary_checker.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "report/checks_internal.h"
#include "report/outline.h"
#include "report/placeholder.h"

namespace eduledger::report {

namespace internal {

bool CheckState::HasFindingAt(std::size_t p, std::size_t begin, std::size_t end) const {
  // One beginning inside the range, or the one beginning last before it reaching into it.
  auto it = found_at.lower_bound({p, begin});
  if (it != found_at.end() && it->first.first == p && it->first.second < end) return true;
  if (it == found_at.begin()) return false;
  --it;
  return it->first.first == p && it->second > begin;
}

void CheckState::Add(std::size_t p, Finding f) {
  auto& last = found_at[{p, f.begin}];
  last = std::max(last, f.end);
  f.paragraph = paragraphs[p].paragraph->number;
  f.line = paragraphs[p].paragraph->line;
  switch (f.severity) {
    case Severity::kError:
      ++result->summary.errors;
      break;
    case Severity::kWarning:
      ++result->summary.warnings;
      break;
    case Severity::kInfo:
      ++result->summary.infos;
      break;
  }
  result->findings.push_back(std::move(f));
}

Place CheckState::PlaceOf(std::size_t p, const Figure& f) const {
  return Place{paragraphs[p].paragraph->number, f.begin, f.end, f.written};
}

Finding FindingAt(const Figure& f, FindingKind kind, Severity severity, std::string reason) {
  Finding out;
  out.kind = kind;
  out.severity = severity;
  out.begin = f.begin;
  out.end = f.end;
  out.text = f.written;
  out.stated = f.value;
  out.unit = f.unit;
  out.decimals = f.decimals;
  out.reason = std::move(reason);
  return out;
}

bool ContainsAny(std::string_view text, std::span<const std::string_view> words) {
  for (const std::string_view w : words) {
    if (!w.empty() && text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

std::string CoreNoun(std::string_view before) {
  static constexpr std::string_view kLeading[] = {
      "截至目前", "截至年底", "目前", "全县", "全区", "全市", "全镇", "全乡", "全省",
      "我县",     "我区",     "我市", "本县", "现有", "共有", "共计", "累计", "总计",
      "合计",     "今年",     "全年", "全部", "另有", "共",   "现",   "已",   "有",
      "为",       "对",       "- ",   "* ",   "+ "};  // a Markdown list item's mark
  static constexpr std::string_view kTrailing[] = {
      "总数为", "总数达", "人数为", "人数达", "达到了", "达到", "提高到", "提升到", "增加到",
      "增至",   "保持在", "共有",   "共计",   "总数",   "人数", "数为",   "超过",   "达",
      "为",     "是",     "有",     "计",     "约",     "近",   "逾",     "了",     "共"};
  std::string_view s = before;
  for (bool changed = true; changed;) {
    changed = false;
    // A year the sentence opens with ("2025年全县在校学生"), with its season or end.
    const std::size_t digits = s.find_first_not_of("0123456789");
    if (digits == 4 && s.substr(4).starts_with("年") && s.size() > 7) {
      s.remove_prefix(7);
      for (const std::string_view w : {"秋季", "春季", "年底", "年末", "底", "末"}) {
        if (s.starts_with(w) && s.size() > w.size()) s.remove_prefix(w.size());
      }
      changed = true;
    }
    for (const std::string_view w : kLeading) {
      if (s.starts_with(w) && s.size() > w.size()) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
    for (const std::string_view w : kTrailing) {
      if (s.ends_with(w) && s.size() > w.size()) {
        s.remove_suffix(w.size());
        changed = true;
      }
    }
  }
  return std::string(s);
}

std::span<const Statistic> Statistics() {
  static const Statistic kStatistics[] = {
      {"在校学生", {"在校学生", "在校生", "学生总数"}},
      {"在园幼儿", {"在园幼儿"}},
      {"教职工", {"教职工"}},
      {"专任教师", {"专任教师"}},
      {"留守儿童", {"留守儿童"}},
      {"随迁子女", {"随迁子女"}},
      {"适龄儿童", {"适龄儿童", "适龄人口"}},
      {"学校总数", {"学校总数"}},
      {"教学点", {"教学点"}},
      {"入学率", {"入学率", "毛入学率"}},
      {"巩固率", {"巩固率"}},
      {"升学率", {"升学率"}},
      {"入园率", {"入园率", "毛入园率"}},
      {"辍学率", {"辍学率"}},
      {"辍学学生", {"辍学学生"}},
      {"残疾儿童", {"残疾儿童", "残疾儿童少年", "适龄残疾儿童少年"}},
      {"少数民族学生", {"少数民族学生"}},
      {"校舍总面积", {"校舍总面积"}},
      {"普惠性幼儿园覆盖率", {"普惠性幼儿园覆盖率"}},
      {"生师比", {"生师比"}},
      {"责任督学", {"责任督学"}},
      // The programmes' figures.
      {"资助学生", {"资助学生", "受助学生"}},
      {"资助学生", {"惠及学生", "受益学生"}, "资助"},
      {"资助学生", {"资助规模"}},
      {"受益学生", {"受益学生", "惠及学生"}},
      {"本科上线", {"本科上线"}},
      {"参加课后服务学生",
       {"参加课后服务学生", "参与课后服务学生", "学生参加课后服务", "学生参与课后服务"}},
      {"教育经费总投入", {"教育经费总投入", "教育总投入"}},
      // A channel before it narrows it (公开招聘教师 is one channel's).
      {"新补充教师", {"补充…教师", "新教师", "新入职教师", "招聘…教师"}},
      {"一般公共预算教育支出", {"一般公共预算教育支出", "一般公共预算教育经费"}},
      {"完成投资", {"完成投资", "完成投资额"}},
      {"排查隐患", {"排查…隐患", "发现…隐患"}},
      {"总投资", {"总投资"}},
      {"资助资金", {"资助资金", "学生资助资金"}},
      // The entrants of each level (招生, 新生).
      {"小学招生", {"小学一年级招生", "小学招生", "小学一年级新生"}},
      {"初中招生", {"初中一年级招生", "初中招生", "初一新生", "七年级新生", "初中一年级新生"}},
      {"普通高中招生", {"普通高中一年级招生", "普通高中招生", "高一新生", "高中一年级新生"}},
      {"参加课后服务教师",
       {"参与课后服务的教师", "参加课后服务的教师", "参与课后服务教师", "参加课后服务教师"}},
      {"参加课后服务教师", {"参与教师", "参加教师"}, "课后服务"},
      {"化解大班额", {"化解大班额", "化解…大班额"}},
      {"化解大班额", {"化解"}, "大班额"},
  };
  return kStatistics;
}

namespace {

constexpr std::string_view kGap = "…";

// Where `spelling` ends `noun`: the offset it begins at, npos when it does not, and the words
// standing in its gap (at most six characters).
std::size_t SpellingAt(std::string_view noun, std::string_view spelling,
                       std::string_view* gap_words) {
  const std::size_t gap = spelling.find(kGap);
  if (gap == std::string_view::npos) {
    return noun.ends_with(spelling) ? noun.size() - spelling.size() : std::string_view::npos;
  }
  const std::string_view head = spelling.substr(0, gap);
  const std::string_view tail = spelling.substr(gap + kGap.size());
  if (!noun.ends_with(tail)) return std::string_view::npos;
  const std::string_view rest = noun.substr(0, noun.size() - tail.size());
  const std::size_t at = rest.rfind(head);
  constexpr std::size_t kMaxGap = 6 * 3;  // bytes: six CJK characters
  if (at == std::string_view::npos || rest.size() - at - head.size() > kMaxGap) {
    return std::string_view::npos;
  }
  *gap_words = rest.substr(at + head.size());
  return at;
}

// The words of a gap that narrow the statistic: all but those that never do.
std::string GapQualifier(std::string_view words) {
  std::string out(words);
  for (const std::string_view w : {"中小学", "各级各类", "各类", "各种", "安全", "校园", "并登记",
                                   "登记", "并", "出", "了", "到", "的", "新"}) {
    for (std::size_t at = out.find(w); at != std::string::npos; at = out.find(w)) {
      out.erase(at, w.size());
    }
  }
  return out;
}

}  // namespace

StatisticAt StatisticIn(std::string_view noun, std::string_view context) {
  StatisticAt best;
  std::size_t best_length = 0;
  for (const Statistic& s : Statistics()) {
    if (!s.context.empty() && context.find(s.context) == std::string_view::npos) continue;
    for (const std::string_view spelling : s.spellings) {
      std::string_view gap_words;
      const std::size_t at = SpellingAt(noun, spelling, &gap_words);
      if (at == std::string_view::npos) continue;
      const bool gap = spelling.find(kGap) != std::string_view::npos;
      const std::size_t length = spelling.size() - (gap ? kGap.size() : 0);
      // The longest spelling decides; of two alike, the one that asks a context.
      if (length > best_length || (length == best_length && !s.context.empty())) {
        best = StatisticAt{s.name, at, gap, GapQualifier(gap_words)};
        best_length = length;
      }
    }
  }
  return best;
}

std::string_view StatisticOf(std::string_view noun, std::string_view context) {
  const StatisticAt s = StatisticIn(noun, context);
  return s.gap || s.at <= 12 ? s.name : std::string_view();
}

bool HasTotalMarker(std::string_view before) {
  return ContainsAny(before, {"全县", "全区", "全市", "全镇", "全乡", "全省", "我县", "我区",
                              "我市", "共有", "共计", "总数", "总计", "合计", "现有", "累计"});
}

std::span<const std::string_view> LevelWords() {
  static constexpr std::string_view kLevels[] = {
      "学前教育", "学前",         "幼儿园", "义务教育", "小学",         "初中",     "高中",
      "普通高中", "中等职业教育", "中职",   "职业学校", "中等职业学校", "特殊教育", "特殊教育学校"};
  return kLevels;
}

bool EndsWithScope(std::string_view words) {
  for (const std::string_view w : {"全县", "全区", "全市", "全镇", "全乡", "全省", "我县", "我区",
                                   "我市", "本县", "共有", "现有", "全年"}) {
    if (words.ends_with(w)) return true;
  }
  return false;
}

std::string Between(std::string_view text, const Figure& a, const Figure& b) {
  if (b.begin < a.end) return {};
  return std::string(core::TrimSpace(WithoutEmphasisMarks(text.substr(a.end, b.begin - a.end))));
}

bool RestatesAWhole(std::string_view text, const Figure& whole, const Figure& share) {
  if (!share.IsPercent() || whole.IsPercent() || whole.unknown || whole.segment != share.segment ||
      whole.before.find("占") == std::string::npos) {
    return false;
  }
  const std::string gap = Between(text, whole, share);
  return gap.ends_with("的") && !ContainsAny(gap, {"，", "。", "；", "、", "：", ",", ";"});
}

std::size_t BreakdownOpening(std::string_view text) {
  std::size_t pos = 0;
  const std::int32_t first = core::NextCodePoint(text, &pos);
  const bool by_view = first == 0x5206 || first == 0x4ECE;  // 分…看, 从…看
  if (!by_view && first != 0x6309) return 0;                // 按…分
  constexpr int kMaxWords = 6;                              // characters between
  for (int n = 0; n <= kMaxWords && pos < text.size(); ++n) {
    const std::size_t at = pos;
    const std::int32_t cp = core::NextCodePoint(text, &pos);
    const bool closes = by_view ? cp == 0x770B : cp == 0x5206;  // 看, 分
    if (closes && n >= 1) {
      // A view of the whole (从队伍结构看, 从总体情况看) names no dimension to break it down by.
      if (ContainsAny(text.substr(0, at),
                      {"结构", "情况", "总体", "整体", "效果", "成效", "质量"})) {
        return 0;
      }
      const std::string_view rest = text.substr(pos);
      for (const std::string_view mark : {"，", "：", ","}) {
        if (rest.starts_with(mark)) return pos + mark.size();
      }
      return 0;
    }
    if (cp < 0x4E00 || cp > 0x9FFF) return 0;  // a word of Chinese characters only
  }
  return 0;
}

std::vector<std::size_t> BreakdownOpenings(std::string_view words) {
  std::vector<std::size_t> out;
  for (std::size_t at = 0; at < words.size(); ++at) {
    const std::string_view before = words.substr(0, at);
    const bool clause_start = at == 0 || before.ends_with("。") || before.ends_with("，") ||
                              before.ends_with("；") || before.ends_with("：") ||
                              before.ends_with(",") || before.ends_with(";");
    if (clause_start && (static_cast<unsigned char>(words[at]) & 0xC0) != 0x80 &&
        BreakdownOpening(words.substr(at)) > 0) {
      out.push_back(at);
    }
  }
  return out;
}

bool NamesAChange(std::string_view words) {
  return ContainsAny(words, {"比上年", "较上年", "比去年", "较去年", "去年同期", "上年同期", "同比",
                             "增加", "减少", "增长", "下降", "提高"});
}

bool QualifiesThePartBefore(std::string_view gap) {
  if (!gap.starts_with("，") || !gap.ends_with("的")) return false;
  gap.remove_prefix(std::string_view("，").size());
  if (gap.starts_with("其中")) gap.remove_prefix(std::string_view("其中").size());
  for (const std::string_view verb : {"具有", "具备", "拥有", "取得", "获得"}) {
    if (gap.starts_with(verb)) return true;
  }
  return false;
}

std::size_t SubsetMarkAt(std::string_view words) {
  const std::vector<core::CodePointAt> cps = core::DecodeCodePoints(words);
  for (std::size_t k = 1; k + 1 < cps.size(); ++k) {
    if (cps[k].cp != 0x4E2D) continue;  // 中
    const std::string_view prev = words.substr(cps[k - 1].begin, cps[k - 1].end - cps[k - 1].begin);
    const std::string_view next = words.substr(cps[k + 1].begin, cps[k + 1].end - cps[k + 1].begin);
    const bool in_a_word =
        std::string_view("初高其集县市城空").find(prev) != std::string_view::npos ||
        std::string_view("学职等心小专级考层国").find(next) != std::string_view::npos;
    if (!in_a_word) return cps[k].begin;
  }
  return std::string_view::npos;
}

std::string_view SchoolNameOpening(std::string_view text) {
  constexpr std::size_t kMaxName = 12 * 3;  // bytes: a school's name is short
  std::size_t end = std::string_view::npos;
  for (const std::string_view w :
       {"中学", "小学", "学校", "幼儿园", "一中", "二中", "三中", "四中", "五中", "六中"}) {
    const std::size_t at = text.substr(0, kMaxName).find(w);
    if (at != std::string_view::npos) end = std::min(end, at + w.size());
  }
  if (end == std::string_view::npos) return {};
  const std::string_view name = text.substr(0, end);
  const bool proper = ContainsAny(name, {"县第", "市第", "区第", "县实验", "实验", "第一", "第二",
                                         "第三", "一中", "二中", "三中", "中心"});
  return proper && !ContainsAny(name, {"，", "、", "；", "全县", "全区", "全市"})
             ? name
             : std::string_view();
}

namespace {

// The digits and decimal point of the number a figure opens with ("2,846人" → 2846).
std::string NumberDigits(std::string_view written) {
  std::string out;
  std::size_t at = written.find_first_of("0123456789");
  for (; at < written.size(); ++at) {
    const char c = written[at];
    if ((c >= '0' && c <= '9') || c == '.') {
      out.push_back(c);
    } else if (c != ',') {
      break;
    }
  }
  return out;
}

}  // namespace

bool DigitsTransposed(std::string_view a, std::string_view b) {
  const std::string x = NumberDigits(a), y = NumberDigits(b);
  if (x.size() != y.size() || x == y) return false;
  if (std::count_if(x.begin(), x.end(), [](char c) { return c != '.'; }) < 3) return false;
  std::size_t first = 0;
  while (x[first] == y[first]) ++first;
  return first + 1 < x.size() && x[first] != '.' && x[first + 1] != '.' &&
         x[first] == y[first + 1] && x[first + 1] == y[first] &&
         x.substr(first + 2) == y.substr(first + 2);
}

bool Overlaps(double lo1, double hi1, double lo2, double hi2) {
  const double eps =
      1e-9 * std::max({1.0, std::fabs(lo1), std::fabs(hi1), std::fabs(lo2), std::fabs(hi2)});
  return lo1 <= hi2 + eps && lo2 <= hi1 + eps;
}

double RoundTo(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::floor(value * scale + 0.5 + 1e-9) / scale;
}

// Blanks never filled in, and figures only partly filled.
void CheckPlaceholders(CheckState& state) {
  for (std::size_t p = 0; p < state.paragraphs.size(); ++p) {
    const Paragraph& para = *state.paragraphs[p].paragraph;
    const std::vector<Figure>& figures = state.paragraphs[p].figures.figures;
    // Figures come in text order: the one a blank stands in begins at or before it, and is
    // found by bisection (a paragraph of thousands of blanks stays linear, not quadratic).
    const bool in_order =
        std::is_sorted(figures.begin(), figures.end(),
                       [](const Figure& a, const Figure& b) { return a.begin < b.begin; });
    for (const Placeholder& blank : state.paragraphs[p].figures.placeholders) {
      Finding f;
      f.severity = Severity::kError;
      f.begin = blank.begin;
      f.end = blank.end;
      f.text = para.text.substr(blank.begin, blank.end - blank.begin);
      const std::string_view rest = std::string_view(para.text).substr(blank.end);
      // The figure the blank stands in, if a unit follows it.
      const Figure* figure = nullptr;
      auto first = figures.begin();
      auto last = figures.end();
      if (in_order) {
        last = std::upper_bound(figures.begin(), figures.end(), blank.begin,
                                [](std::size_t at, const Figure& fig) { return at < fig.begin; });
        first = last;
        // Back over the figures that still reach the blank (one, unless figures overlap).
        while (first != figures.begin() && std::prev(first)->end > blank.begin) --first;
      }
      for (auto it = first; it != last; ++it) {
        if (it->unknown && it->begin <= blank.begin && blank.end <= it->end) figure = &*it;
      }
      if (rest.starts_with("年")) {
        f.kind = FindingKind::kPlaceholder;
        f.end = blank.end + std::string_view("年").size();
        f.text += "年";
        f.reason = (blank.has_digits ? "年份未填写完整：“" : "年份未填写：“") + f.text + "”";
      } else if (figure != nullptr) {
        f.kind = blank.has_digits ? FindingKind::kPartialFigure : FindingKind::kPlaceholder;
        f.begin = figure->begin;
        f.end = figure->end;
        f.text = figure->written;
        f.unit = figure->unit;
        f.reason = blank.has_digits ? "数字只填了一部分：“" + f.text + "”"
                                    : "数字未填写：“" + f.text + "”";
      } else {
        f.kind = FindingKind::kPlaceholder;
        f.reason = "未填写的占位符“" + f.text + "”";
      }
      state.Add(p, std::move(f));
    }
  }
}

}  // namespace internal

CheckResult CheckSummaryDocument(const Document& document, const CheckOptions& options) {
  CheckResult result;
  std::vector<std::string_view> head;
  for (std::size_t i = 0; i < document.paragraphs.size() && i < 3; ++i) {
    head.push_back(document.paragraphs[i].text);
  }
  const int document_year = options.year != 0 ? options.year : DocumentYear(head);
  result.year = document_year;
  internal::CheckState state{document, options, {}, &result};
  const bool markdown = document.format == DocumentFormat::kMarkdown;
  const std::vector<bool> plan = PlanParagraphs(document);
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    const Paragraph& p = document.paragraphs[i];
    state.paragraphs.push_back(
        internal::ParagraphView{&p, ExtractFigures(p.text, markdown, document_year), plan[i]});
    result.summary.figures += static_cast<int>(state.paragraphs.back().figures.figures.size());
  }
  result.summary.paragraphs = static_cast<int>(document.paragraphs.size());
  state.tables = TablesOf(document);
  internal::CheckPlaceholders(state);
  internal::CheckRates(state);
  internal::CheckSums(state);
  internal::CheckTables(state);
  internal::CheckRepeats(state);
  if (options.records != nullptr) internal::CheckRecords(state);
  std::stable_sort(
      result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
        return a.paragraph < b.paragraph || (a.paragraph == b.paragraph && a.begin < b.begin);
      });
  return result;
}

}  // namespace eduledger::report
