#include "report/figure.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/money.h"
#include "core/text.h"

namespace eduledger::report {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

using CodePoint = core::CodePointAt;

struct Unit {
  std::string_view text;
  std::string_view base;
  bool after_chinese_numerals;  // also counts after 一, 两, 三 …
};

// Longest first, so 个百分点 wins over 个 and 平方米 over 米.
constexpr Unit kUnits[] = {
    {"个百分点", "个百分点", true},
    {"平方米", "平方米", false},
    {"立方米", "立方米", false},
    {"平米", "平方米", false},
    {"人次", "人次", true},
    {"校次", "校次", true},  // inspections: 督导检查362校次
    {"所次", "校次", true},
    {"班次", "班次", true},
    {"场次", "场次", true},
    {"件次", "件", true},  // petitions: 受理信访1362件次, one count with 件
    {"批次", "批", true},
    {"家次", "家次", true},
    {"课时", "课时", true},
    {"小时", "小时", true},
    {"周岁", "岁", true},
    {"大项", "项", true},
    {"小项", "项", true},
    {"公里", "公里", false},
    {"千米", "公里", false},
    {"㎡", "平方米", false},
    {"人", "人", true},
    {"名", "人", true},
    {"位", "人", true},
    {"所", "所", true},
    {"个", "个", true},
    {"项", "项", true},
    {"栋", "栋", true},
    {"幢", "栋", true},
    {"套", "套", true},
    {"处", "处", true},
    {"次", "次", true},
    {"场", "场次", true},
    {"期", "期", true},
    {"条", "条", true},
    {"家", "家", true},
    {"件", "件", true},
    {"起", "起", false},  // incidents: 校园欺凌12起 (not after 一: 一起)
    {"班", "班", false},
    {"间", "间", true},
    {"台", "台", true},
    {"册", "册", false},
    {"本", "册", false},
    {"张", "张", true},
    {"份", "份", true},
    {"篇", "篇", true},
    {"户", "户", true},
    {"支", "支", true},
    {"批", "批", true},
    {"门", "门", true},
    {"节", "节", true},
    {"天", "天", true},
    {"亩", "亩", false},
    {"米", "米", false},
    {"吨", "吨", false},
    {"辆", "辆", true},
    {"块", "块", true},
    {"根", "根", false},
    {"只", "只", false},
    {"把", "把", false},
    {"架", "架", false},
    {"座", "座", true},
    {"种", "种", true},
    {"元", "元", false},
    {"%", "%", false},
    {"％", "%", false},
    {"‰", "‰", false},
    {"倍", "倍", true},
    {"岁", "岁", true},
};

struct Magnitude {
  std::string_view text;
  double factor;
};
constexpr Magnitude kMagnitudes[] = {{"千万", 1e7}, {"百万", 1e6}, {"个亿", 1e8},
                                     {"亿", 1e8},   {"万", 1e4},   {"千", 1e3}};

// Approximation words before a number, and how they widen it.
enum class Approx { kNone, kNear, kAbout, kAtLeast, kAtMost, kMore };
struct ApproxWord {
  std::string_view text;
  Approx kind;
};
constexpr ApproxWord kApproxBefore[] = {
    {"将近", Approx::kNear},   {"接近", Approx::kNear},    {"近", Approx::kNear},
    {"大约", Approx::kAbout},  {"约", Approx::kAbout},     {"超过", Approx::kAtLeast},
    {"逾", Approx::kAtLeast},  {"多达", Approx::kAtLeast}, {"至少", Approx::kAtLeast},
    {"不足", Approx::kAtMost}, {"不到", Approx::kAtMost},  {"少于", Approx::kAtMost}};
constexpr ApproxWord kApproxAfterUnit[] = {{"以上", Approx::kAtLeast},
                                           {"有余", Approx::kMore},
                                           {"以下", Approx::kAtMost},
                                           {"左右", Approx::kAbout},
                                           {"上下", Approx::kAbout}};

using core::IsAsciiLetterCp;
using core::IsDigitCp;

int ChineseDigit(std::int32_t cp) {
  switch (cp) {
    case 0x96F6:
    case 0x3007:
      return 0;  // 零 〇
    case 0x4E00:
      return 1;  // 一
    case 0x4E8C:
    case 0x4E24:
      return 2;  // 二 两
    case 0x4E09:
      return 3;  // 三
    case 0x56DB:
      return 4;  // 四
    case 0x4E94:
      return 5;  // 五
    case 0x516D:
      return 6;  // 六
    case 0x4E03:
      return 7;  // 七
    case 0x516B:
      return 8;  // 八
    case 0x4E5D:
      return 9;  // 九
    default:
      return -1;
  }
}
int ChineseUnit(std::int32_t cp) {
  switch (cp) {
    case 0x5341:
      return 10;  // 十
    case 0x767E:
      return 100;  // 百
    case 0x5343:
      return 1000;  // 千
    default:
      return 0;
  }
}
bool IsChineseNumeral(std::int32_t cp) { return ChineseDigit(cp) >= 0 || ChineseUnit(cp) > 0; }

// Clause and sentence delimiters.
bool IsClauseBreak(std::int32_t cp) {
  switch (cp) {
    case 0xFF0C:
    case ',':
    case 0x3002:
    case 0xFF1B:
    case ';':
    case 0xFF1A:
    case ':':
    case 0x3001:
    case 0xFF08:
    case '(':
    case 0xFF09:
    case ')':
    case 0x300A:
    case 0x300B:
    case 0x201C:
    case 0x201D:
    case '"':
    case 0xFF01:
    case '!':
    case 0xFF1F:
    case '?':
    case 0x2014:
    case '\t':
    case '\n':
    case 0x3010:
    case 0x3011:
      return true;
    default:
      return false;
  }
}
bool IsSentenceBreak(std::int32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == '!' || cp == 0xFF1F || cp == '?' || cp == '\n';
}
bool IsSegmentBreak(std::int32_t cp) { return IsSentenceBreak(cp) || cp == 0xFF1B || cp == ';'; }

// What follows a figure's digits besides its unit: the magnitude (万, 亿), 余/多 and the
// approximation word after the unit (以上, 左右).
struct Suffix {
  double factor = 1;
  bool more = false;
  Approx after = Approx::kNone;
};

class Extractor {
 public:
  Extractor(std::string_view text, bool markdown, int default_year)
      : text_(text),
        cps_(core::DecodeCodePoints(text)),
        default_year_(default_year),
        markdown_(markdown) {
    out_.placeholders = FindPlaceholders(text, markdown);
  }

  ParagraphFigures Run() {
    FindSentences();
    const std::vector<Placeholder>& placeholders = out_.placeholders;
    std::size_t next_placeholder = 0;
    std::size_t i = 0;
    while (i < cps_.size()) {
      while (next_placeholder < placeholders.size() &&
             placeholders[next_placeholder].begin < cps_[i].begin) {
        ++next_placeholder;  // inside a figure already read
      }
      // A placeholder token: an unknown figure when a unit follows.
      if (next_placeholder < placeholders.size() &&
          cps_[i].begin == placeholders[next_placeholder].begin) {
        const Placeholder& p = placeholders[next_placeholder++];
        std::size_t j = i;
        while (j < cps_.size() && cps_[j].begin < p.end) ++j;
        UnknownFigure(i, j);
        i = j;
        continue;
      }
      const std::int32_t cp = cps_[i].cp;
      const std::int32_t prev = i > 0 ? cps_[i - 1].cp : -1;
      if (IsDigitCp(cp) && !IsAsciiLetterCp(prev) && !IsDigitCp(prev) && prev != '.') {
        i = ArabicFigure(i);
        continue;
      }
      if (IsChineseNumeral(cp) && !IsChineseNumeral(prev) && prev != 0x7B2C /* 第 */) {
        i = ChineseFigure(i);
        continue;
      }
      ++i;
    }
    AssignYears();
    return std::move(out_);
  }

 private:
  bool StartsWithAt(std::size_t i, std::string_view word) const {
    return i < cps_.size() && text_.substr(cps_[i].begin).starts_with(word);
  }
  // The code point index just past `word` starting at i.
  std::size_t Skip(std::size_t i, std::string_view word) const {
    const std::size_t end_byte = cps_[i].begin + word.size();
    while (i < cps_.size() && cps_[i].begin < end_byte) ++i;
    return i;
  }

  void FindSentences() {
    out_.sentence_starts.push_back(0);
    out_.segment_starts.push_back(0);
    quoted_.assign(cps_.size(), false);
    bool in_quote = false;
    for (std::size_t i = 0; i < cps_.size(); ++i) {
      if (cps_[i].cp == 0x201C || cps_[i].cp == 0x300C) in_quote = true;   // “ 「
      if (cps_[i].cp == 0x201D || cps_[i].cp == 0x300D) in_quote = false;  // ” 」
      quoted_[i] = in_quote;
      if (i + 1 >= cps_.size()) continue;
      if (IsSentenceBreak(cps_[i].cp)) {
        out_.sentence_starts.push_back(cps_[i + 1].begin);
        in_quote = false;  // a quote never runs past its sentence
      }
      if (IsSegmentBreak(cps_[i].cp)) out_.segment_starts.push_back(cps_[i + 1].begin);
    }
  }
  static int IndexOf(const std::vector<std::size_t>& starts, std::size_t byte) {
    const auto it = std::upper_bound(starts.begin(), starts.end(), byte);
    return static_cast<int>(it - starts.begin()) - 1;
  }
  int SentenceOf(std::size_t byte) const { return IndexOf(out_.sentence_starts, byte); }

  // Parse magnitude and 余/多 after a number at i; returns the index after them.
  std::size_t Suffixes(std::size_t i, Suffix* suffix) const {
    for (int round = 0; round < 3 && i < cps_.size(); ++round) {
      bool matched = false;
      if (suffix->factor == 1) {
        for (const Magnitude& m : kMagnitudes) {
          // "个亿" only as a magnitude; a lone 个 is a unit.
          if (StartsWithAt(i, m.text)) {
            suffix->factor = m.factor;
            i = Skip(i, m.text);
            matched = true;
            break;
          }
        }
        if (!matched && StartsWithAt(i, "个多亿")) {
          suffix->factor = 1e8;
          suffix->more = true;
          i = Skip(i, "个多亿");
          matched = true;
        }
      }
      for (const std::string_view word : {"余", "多"}) {
        if (!matched && !suffix->more && StartsWithAt(i, word)) {
          suffix->more = true;  // "1520余人次", "400多万元": a unit or magnitude must still follow
          i = Skip(i, word);
          matched = true;
        }
      }
      if (!matched) break;
    }
    return i;
  }

  const Unit* UnitAt(std::size_t i, bool chinese) const {
    for (const Unit& u : kUnits) {
      if (StartsWithAt(i, u.text) && (!chinese || u.after_chinese_numerals)) return &u;
    }
    return nullptr;
  }

  Approx ApproxBefore(std::size_t number_start, std::size_t* begin) const {
    const std::string_view head = text_.substr(0, cps_[number_start].begin);
    for (const ApproxWord& w : kApproxBefore) {
      if (head.ends_with(w.text)) {
        std::size_t k = number_start;
        while (k > 0 && cps_[k - 1].begin >= head.size() - w.text.size()) --k;
        *begin = k;
        return w.kind;
      }
    }
    *begin = number_start;
    return Approx::kNone;
  }

  // Everything after the digits of a figure: magnitude, 余/多, unit, 以上/左右.
  // Returns the index after the figure, or `npos` when no unit follows (no figure).
  std::size_t Tail(std::size_t i, bool chinese, Figure* f, Suffix* suffix) const {
    i = SkipMarksAndSpaces(i);
    i = Suffixes(i, suffix);
    const Unit* u = UnitAt(i, chinese);
    if (u == nullptr) {
      // Money written with a magnitude but no 元 ("投入2个亿") stays a figure in 元; a blank
      // with a magnitude ("资金**万") is a figure too.
      if (suffix->factor >= 1e8 && !chinese) {
        f->unit = "元";
        return i;
      }
      if (suffix->factor > 1 && f->unknown) return i;
      return std::string_view::npos;
    }
    f->unit = std::string(u->base);
    i = Skip(i, u->text);
    for (const ApproxWord& w : kApproxAfterUnit) {
      if (StartsWithAt(i, w.text)) {
        suffix->after = w.kind;
        i = Skip(i, w.text);
        break;
      }
    }
    return i;
  }

  // Fill in range, approximation and context, and keep the figure.
  // Complete `f` and add it to the figures; returns it, or null when it is dropped (a name in
  // quotation marks).
  Figure* Finish(Figure f, std::size_t begin, std::size_t end, double number, const Suffix& suffix,
                 Approx before) {
    const double factor = suffix.factor;
    f.begin = cps_[begin].begin;
    f.end = cps_[end - 1].end;
    f.written = std::string(text_.substr(f.begin, f.end - f.begin));
    if (!f.unknown) f.written = Words(f.written);  // a blank's ** is its text
    f.value = number * factor;
    // The step the written number is rounded to.
    double step = std::pow(10.0, -f.decimals) * factor;
    if (f.IsPercent() || f.unit == "个百分点" || f.unit == "‰") step = std::pow(10.0, -f.decimals);
    if (factor > 1 || f.decimals > 0 || f.unit == kRatioUnit) {  // a ratio is rounded too
      f.lo = f.value - step / 2;
      f.hi = f.value + step / 2;
    } else {
      f.lo = f.hi = f.value;
    }
    const Approx approx = before != Approx::kNone ? before : suffix.after;
    if (suffix.more) {
      // "1520余" is 1520 and a bit, below 1530; "400多万" below 500万.
      double digits_step = 1;
      for (double v = number; v >= 10 && std::fmod(v, 10.0) == 0 && f.decimals == 0; v /= 10)
        digits_step *= 10;
      f.lo = f.value;
      f.hi = f.value + digits_step * factor;
      f.approximate = true;
    }
    switch (approx) {
      case Approx::kNear:
        f.lo = f.value * 0.9;
        f.hi = f.value;
        f.approximate = true;
        break;
      case Approx::kAbout:
        f.lo = f.value * 0.9;
        f.hi = f.value * 1.1;
        f.approximate = true;
        break;
      case Approx::kAtLeast:
        f.lo = f.value;
        f.hi = kInfinity;
        f.approximate = true;
        break;
      case Approx::kAtMost:
        f.lo = 0;
        f.hi = f.value;
        f.approximate = true;
        break;
      case Approx::kMore:
        f.approximate = true;
        break;
      case Approx::kNone:
        break;
    }
    f.before = Words(ClauseBefore(begin));
    const std::string after = WordsAfter(end);
    f.after = Words(after);
    if (const std::size_t de = end + core::CodePointCount(after);
        de < cps_.size() && cps_[de].cp == 0x7684 /* 的 */) {
      f.after_of = Words(WordsAfter(de + 1));
    }
    f.sentence = SentenceOf(f.begin);
    f.segment = IndexOf(out_.segment_starts, f.begin);
    last_figure_end_ = end;
    if (quoted_[begin]) return nullptr;  // a name in quotation marks, not a quantity
    out_.figures.push_back(std::move(f));
    return &out_.figures.back();
  }

  std::size_t ArabicFigure(std::size_t start) {
    std::string digits;
    std::size_t i = start;
    int decimals = -1;
    while (i < cps_.size()) {
      const std::int32_t cp = cps_[i].cp;
      if (IsDigitCp(cp)) {
        digits.push_back(static_cast<char>('0' + core::DigitValueCp(cp)));
        if (decimals >= 0) ++decimals;
        ++i;
      } else if ((cp == '.' || cp == 0xFF0E) && decimals < 0 && i + 1 < cps_.size() &&
                 IsDigitCp(cps_[i + 1].cp)) {
        digits.push_back('.');
        decimals = 0;
        ++i;
      } else if (cp == ',' && decimals < 0 && i + 3 < cps_.size() && IsDigitCp(cps_[i + 1].cp) &&
                 IsDigitCp(cps_[i + 2].cp) && IsDigitCp(cps_[i + 3].cp) &&
                 (i + 4 >= cps_.size() || !IsDigitCp(cps_[i + 4].cp))) {
        ++i;  // a thousands separator: 31,982
      } else {
        break;
      }
    }
    const std::size_t number_end = i;
    const std::int32_t next = i < cps_.size() ? cps_[i].cp : -1;
    // A year: 2019年 (also 2019年度); remembered, not a figure.
    if (decimals < 0 && digits.size() == 4 && next == 0x5E74 /* 年 */) {
      const int year = std::stoi(digits);
      if (year >= 1900 && year <= 2100) {
        out_.years.push_back(YearMention{cps_[start].begin, year});
        return i + 1;
      }
    }
    // A ratio to one: 生师比16.19:1 (also ：, ∶). "8:30" and "1:2" are no ratios to one.
    if ((next == ':' || next == 0xFF1A || next == 0x2236) && i + 1 < cps_.size() &&
        cps_[i + 1].cp == '1' && (i + 2 >= cps_.size() || !IsDigitCp(cps_[i + 2].cp))) {
      Figure f;
      f.decimals = decimals < 0 ? 0 : decimals;
      f.unit = std::string(kRatioUnit);
      std::size_t begin;
      const Approx before = ApproxBefore(start, &begin);
      double number = 0;
      std::from_chars(digits.data(), digits.data() + digits.size(), number);
      Finish(std::move(f), begin, i + 2, number, Suffix{}, before);
      return i + 2;
    }
    // Dates, times, ranges ("3-5岁": the 3), other ratios and codes are no figures.
    if (next == 0x6708 || next == 0x65E5 || next == 0x53F7 || next == 0x65F6 || next == 0x70B9 ||
        next == '-' || next == 0x2014 || next == '~' || next == 0xFF5E || next == 0x81F3 ||
        next == ':' || next == 0xFF1A || next == '/' || IsAsciiLetterCp(next) || next == '+') {
      return i;
    }
    Suffix suffix;
    Figure f;
    f.decimals = decimals < 0 ? 0 : decimals;
    const std::size_t end = Tail(i, false, &f, &suffix);
    if (end == std::string_view::npos) return number_end;
    std::size_t begin;
    const Approx before = ApproxBefore(start, &begin);
    double number = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), number);
    Finish(std::move(f), begin, end, number, suffix, before);
    return end;
  }

  std::size_t ChineseFigure(std::size_t start) {
    // 百分之九十五 is a percentage; 百分之 is the three code points before it.
    const bool percent = start >= 3 && text_.substr(0, cps_[start].begin).ends_with("百分之");
    std::size_t i = start;
    long long total = 0;
    long long section = 0;
    long long digit = -1;
    while (i < cps_.size() && IsChineseNumeral(cps_[i].cp)) {
      const int d = ChineseDigit(cps_[i].cp);
      if (d >= 0) {
        digit = d;
      } else {
        const int unit = ChineseUnit(cps_[i].cp);
        section += (digit < 0 ? 1 : digit) * unit;
        digit = -1;
      }
      ++i;
    }
    if (digit >= 0) section += digit;
    total += section;
    if (total == 0 && !percent) return i;
    Figure f;
    f.chinese = true;
    Suffix suffix;
    std::size_t end;
    std::size_t begin = start;
    if (percent) {
      f.unit = "%";
      end = i;
      begin = start - 3;
    } else {
      end = Tail(i, true, &f, &suffix);
      if (end == std::string_view::npos) return i;
    }
    std::size_t approx_begin;
    const Approx before = ApproxBefore(begin, &approx_begin);
    Finish(std::move(f), approx_begin, end, static_cast<double>(total), suffix, before);
    return end;
  }

  // A placeholder token at [i, j): an unknown figure when a unit follows.
  void UnknownFigure(std::size_t i, std::size_t j) {
    Suffix suffix;
    Figure f;
    f.unknown = true;
    const std::size_t end = Tail(j, false, &f, &suffix);
    if (end == std::string_view::npos) return;
    std::size_t begin;
    const Approx before = ApproxBefore(i, &begin);
    if (Figure* added = Finish(std::move(f), begin, end, 0, suffix, before)) {
      added->lo = -kInfinity;
      added->hi = kInfinity;
    }
  }

  // The words before code point i back to the clause break or the previous figure, at most
  // 24 characters.
  // Past spaces, and in Markdown emphasis marks, between a number and its unit
  // ("214 栋", "**17** 栋"): the unit still follows the number.
  std::size_t SkipMarksAndSpaces(std::size_t i) const {
    std::size_t k = i;
    while (k < cps_.size()) {
      const std::int32_t cp = cps_[k].cp;
      if (cp == ' ') {
        ++k;
      } else if (markdown_ && (cp == '*' || cp == '_') && k + 1 < cps_.size() &&
                 cps_[k + 1].cp == cp) {
        k += 2;
      } else {
        break;
      }
    }
    return k == i || k >= cps_.size() || IsDigitCp(cps_[k].cp) ? i : k;
  }

  // Words as they are read: in Markdown, without the emphasis marks around figures
  // ("为全县在校学生**45120人**统一购买" counts 在校学生).
  std::string Words(std::string words) const {
    if (!markdown_) return words;
    return std::string(core::TrimSpace(WithoutEmphasisMarks(words)));
  }

  std::string ClauseBefore(std::size_t i) const {
    std::size_t k = i;
    int count = 0;
    while (k > 0 && count < 24 && !IsClauseBreak(cps_[k - 1].cp) && k > last_figure_end_) {
      --k;
      ++count;
    }
    return std::string(core::TrimSpace(text_.substr(cps_[k].begin, cps_[i].begin - cps_[k].begin)));
  }

  // The words right after the unit: up to 的, a break, a number, at most 8 characters.
  std::string WordsAfter(std::size_t i) const {
    std::size_t k = i;
    while (k < cps_.size() && k - i < 8 && !IsClauseBreak(cps_[k].cp) && !IsDigitCp(cps_[k].cp) &&
           cps_[k].cp != 0x7684 /* 的 */ && cps_[k].cp != ' ') {
      ++k;
    }
    if (k == i) return "";
    return std::string(text_.substr(
        cps_[i].begin, (k < cps_.size() ? cps_[k].begin : text_.size()) - cps_[i].begin));
  }

  // The year of each figure: the last year named before it in its sentence; the document's
  // when the sentence says 今年 or 本年; else the last one named before it in the paragraph;
  // else the document's.
  //
  // Figures and years are in text order, so one walk over both does it: the last year named
  // before a figure is in its sentence exactly when it is the last year before it at all.
  void AssignYears() {
    // Where each sentence first says 今年 or 本年.
    std::vector<std::size_t> this_year_at(out_.sentence_starts.size(), std::string_view::npos);
    for (const std::string_view word : {std::string_view("今年"), std::string_view("本年")}) {
      for (std::size_t at = text_.find(word); at != std::string_view::npos;
           at = text_.find(word, at + word.size())) {
        std::size_t& first = this_year_at[static_cast<std::size_t>(SentenceOf(at))];
        first = std::min(first, at);
      }
    }
    std::size_t next_year = 0;
    const YearMention* last = nullptr;
    for (Figure& f : out_.figures) {
      if (last != nullptr && last->offset >= f.begin) {  // out of order: start again
        next_year = 0;
        last = nullptr;
      }
      while (next_year < out_.years.size() && out_.years[next_year].offset < f.begin) {
        last = &out_.years[next_year++];
      }
      const int in_paragraph = last != nullptr ? last->year : 0;
      const int in_sentence =
          last != nullptr && SentenceOf(last->offset) == f.sentence ? last->year : 0;
      const std::size_t said = this_year_at[static_cast<std::size_t>(f.sentence)];
      const bool this_year = said != std::string_view::npos && said + 6 <= f.begin;
      f.year = in_sentence != 0 ? in_sentence
               : this_year      ? default_year_
               : in_paragraph   ? in_paragraph
                                : default_year_;
    }
  }

  std::string_view text_;
  std::vector<CodePoint> cps_;
  int default_year_;
  bool markdown_;
  std::size_t last_figure_end_ = 0;
  std::vector<bool> quoted_;  // code points inside “…”
  ParagraphFigures out_;
};

}  // namespace

ParagraphFigures ExtractFigures(std::string_view text, bool markdown, int default_year) {
  return Extractor(text, markdown, default_year).Run();
}

int DocumentYear(const std::vector<std::string_view>& first_paragraphs) {
  for (const std::string_view p : first_paragraphs) {
    const ParagraphFigures f = ExtractFigures(p, false, 0);
    if (!f.years.empty()) return f.years.front().year;
  }
  return 0;
}

std::string FormatValue(double value, const std::string& unit, int decimals) {
  if (unit == "元" && std::fabs(value) >= 1e4) {
    // In 万, rounded half up to 0.01万 (core::Money), without trailing zeros: "2070万", "234.4万".
    std::string s = core::Money::FromFen(std::llround(value * 100)).ToWanYuanString(2);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s + "万";
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace eduledger::report
