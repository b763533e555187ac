// Figures: the quantities a summary states, each with its value, unit, what it counts and the
// year it belongs to.
//
//   written                   value           range the figure stands for
//   31982人                   31982 人        [31982, 31982]
//   3.4万名                   34000 人        [33500, 34500)   rounded to 0.1万
//   1520余人次                1520 人次       [1520, 1530)     余/多: more, below the next step
//   400多万元                 4000000 元      [4000000, 5000000)
//   近10亿元                  1e9 元          [0.9e9, 1e9]
//   约240万元, 8亿元左右      ±10%
//   99%以上, 超过30所         [N, ∞)
//   98.7%                     98.7 %          [98.65, 98.75), 1 decimal
//   **所, **.**亿元           unknown         (a placeholder: see placeholder.h)
//
// Units come in families whose members convert (元/万元/亿元, 平方米/㎡/万平方米, 人/名/位);
// a figure's value is in its family's base unit. Years ("2019年"), dates ("7月4日") and
// numbers without a unit ("(1)", "“1+7”") are no figures; nor are numbers inside quotation
// marks, which name things ("“两个维护”", "“十四五”规划").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/placeholder.h"

namespace eduledger::report {

// The unit of a ratio to one (生师比16.19:1): the figure's value is the first term.
inline constexpr std::string_view kRatioUnit = ":1";

struct Figure {
  std::size_t begin = 0;  // byte range in the paragraph: prefix, number, unit, suffix
  std::size_t end = 0;
  double value = 0;  // in the base unit of its family
  double lo = 0;     // the range the written figure stands for
  double hi = 0;
  int decimals = 0;          // digits written after the decimal point
  bool approximate = false;  // 近, 约, 余, 多, 左右, 以上 …
  bool unknown = false;      // a placeholder stands where the number should be
  bool chinese = false;      // written in Chinese numerals
  std::string unit;          // the base unit: 人, 人次, 所, 元, 平方米, %, 个百分点 …
  std::string written;       // the figure as written
  std::string before;        // what it counts: the words before it in its clause
  std::string after;         // the words right after the unit ("所学校" → "学校")
  // When a 的 ends `after`, the words after it: what the words qualify ("2661名参与课后服务的
  // 教师" → 教师); empty otherwise.
  std::string after_of;
  int year = 0;      // the year it belongs to; 0 when the text does not say
  int sentence = 0;  // index of its sentence in the paragraph (split at 。！？)
  int segment = 0;   // index of its segment (sentences split further at ；)

  bool IsPercent() const { return unit == "%"; }
  // True when the two figures measure the same kind of thing (convertible units).
  bool SameUnit(const Figure& other) const { return unit == other.unit; }
};

// A year the text names ("2019年", "2019年度"), at a byte offset.
struct YearMention {
  std::size_t offset = 0;
  int year = 0;
};

struct ParagraphFigures {
  std::vector<Figure> figures;
  std::vector<Placeholder> placeholders;  // every blank, with or without a unit after it
  std::vector<YearMention> years;
  std::vector<std::size_t> sentence_starts;  // byte offsets where sentences begin
  std::vector<std::size_t> segment_starts;   // byte offsets where segments begin
};

// Extract the figures of `text`, and its placeholder tokens (placeholder.h): those followed by
// a unit become unknown figures too. `default_year` applies to figures whose paragraph names no
// year.
ParagraphFigures ExtractFigures(std::string_view text, bool markdown, int default_year);

// The year a document is mainly about: the first year in its first paragraphs (a title such
// as "2019年度教育工作总结"), 0 when none is named.
int DocumentYear(const std::vector<std::string_view>& first_paragraphs);

// Format a value for people: 31982 → "31982", 98.7 → "98.7", 2.07e7 元 → "2070万".
std::string FormatValue(double value, const std::string& unit, int decimals);

}  // namespace eduledger::report
