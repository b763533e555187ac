// What the checks of the summary checker share (report only): the document with its
// figures, the findings being collected, and helpers for the words around figures.
#pragma once

#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report/summary_checker.h"
#include "report/table.h"

namespace eduledger::report::internal {

struct ParagraphView {
  const Paragraph* paragraph;
  ParagraphFigures figures;
  bool plan = false;  // in a plan section (outline.h): targets, not this year's facts
};

struct CheckState {
  const Document& document;
  const CheckOptions& options;
  std::vector<ParagraphView> paragraphs;
  CheckResult* result;
  std::vector<Table> tables = {};  // the document's tables (TablesOf), read once

  // Record a finding in paragraph index `p` (0-based).
  void Add(std::size_t p, Finding f);
  // Is a finding already made in paragraph `p` over some of bytes [begin, end)?
  bool HasFindingAt(std::size_t p, std::size_t begin, std::size_t end) const;
  // The findings made, by paragraph index and first byte: their last byte (for HasFindingAt).
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> found_at = {};
  // A Place for figure `f` of paragraph `p`.
  Place PlaceOf(std::size_t p, const Figure& f) const;
};

void CheckPlaceholders(CheckState& state);
void CheckRates(CheckState& state);
void CheckSums(CheckState& state);
// The tables of the document (table.h) against themselves: totals, and columns of percentages.
void CheckTables(CheckState& state);
void CheckRepeats(CheckState& state);
void CheckRecords(CheckState& state);

// A finding at figure `f`: its place, text, value and unit filled in.
Finding FindingAt(const Figure& f, FindingKind kind, Severity severity, std::string reason);

// True when `text` contains one of the non-empty `words`.
bool ContainsAny(std::string_view text, std::span<const std::string_view> words);
inline bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words) {
  return ContainsAny(text, std::span<const std::string_view>(words.begin(), words.size()));
}
// The noun of the words before a figure: scope words (全县, 我区 …) and verbs (达, 为, 共有 …)
// stripped from both ends. "全县在校学生达" → "在校学生".
std::string CoreNoun(std::string_view before);
// The statistics a summary names (在校学生, 专任教师, 入学率, 资助学生 …), each with the
// spellings of it. A spelling with a gap ("补充…教师") is its two parts with at most six
// characters between them (补充中小学教师, 排查出各类安全隐患), which narrow it unless they are
// words that never do (中小学, 各类, 安全 …); the words before its first part say how, not which
// (通过公开招聘等渠道补充…). A statistic with a `context` is named by its spellings only where
// the words before the figure hold that context (惠及学生 is 资助学生 in a sentence on 资助).
struct Statistic {
  std::string_view name;
  std::initializer_list<std::string_view> spellings;
  std::string_view context = {};
};
std::span<const Statistic> Statistics();
// The statistic a noun ends with: its longest spelling there (适龄残疾儿童少年, not 残疾儿童少年),
// and the byte offset in the noun where that spelling begins.
struct StatisticAt {
  std::string_view name;  // empty when the noun ends with none
  std::size_t at = 0;
  bool gap = false;       // named by a spelling with a gap: the words before it do not narrow it
  std::string qualifier;  // of a gap: its words that narrow it (补充特岗教师: 特岗), if any
};
StatisticAt StatisticIn(std::string_view noun, std::string_view context = {});
// The statistic `noun` names (it is, or ends with, one of its spellings, after at most four
// more characters: 小学在校生, 全县专任教师), as its name; empty when none.
std::string_view StatisticOf(std::string_view noun, std::string_view context = {});
// Do the words before a figure end with its scope ("组织全县", "共有"): the noun follows it?
bool EndsWithScope(std::string_view words);
// The words that name a level of education or a kind of school by level (小学, 普通高中, 学前教育,
// 中等职业学校, 义务教育 …): a statistic of one is not of another.
std::span<const std::string_view> LevelWords();
// True when the words before a figure say it is a total or a whole-area figure.
bool HasTotalMarker(std::string_view before);
// The words between figures `a` and `b` of `text` (a before b), trimmed, without Markdown
// emphasis marks ("**、**" between two bold figures is "、").
std::string Between(std::string_view text, const Figure& a, const Figure& b);
// Does `whole`, the figure right before `share`, restate the whole the share is of (占在校学生
// 31767人的9.5%, 占全县7328名脱贫家庭学生的72.4%: after 占, then its noun and 的)? Such a
// figure is no part of the list it stands in.
bool RestatesAWhole(std::string_view text, const Figure& whole, const Figure& share);
// Where `words` open a subset of what they name before ("民办园中认定为…", "专任教师中具有本科
// 学历的"): the offset of that 中; npos when they do not. A 中 of 初中, 高中, 中学, 中职, 其中 …
// is no such word.
std::size_t SubsetMarkAt(std::string_view words);
// The length in bytes of a breakdown's opening that `text` starts with ("分项目看，", "从渠道看，",
// "分学段看：", "按补充渠道分，"): what follows to the sentence's end (or the next such opening)
// breaks down a whole stated before; 0 when it starts with none.
std::size_t BreakdownOpening(std::string_view text);
// The offsets of the clauses of `words` that open with a breakdown's opening, in order.
std::vector<std::size_t> BreakdownOpenings(std::string_view words);
// A figure of a table's cell as the text would state it (its unit from its column's header or,
// without one, its row's label; its year from a column headed by one; what it counts in
// `before`: the row's label), in its paragraph; its sentence is its row.
struct CellFigure {
  std::size_t paragraph = 0;
  std::size_t table = 0;  // which table of the document
  Figure figure;
};
std::vector<CellFigure> TableCellFigures(const CheckState& state);
// Do the words before a figure make it a change or last year's (比上年增加214人, 较去年同期的…)?
bool NamesAChange(std::string_view words);
// Do the words between two counts qualify the one before rather than name another ("专任教师
// 4315人，具有本科及以上学历的3296人": of those teachers, not beside them)?
bool QualifiesThePartBefore(std::string_view gap);
// Are two numbers as written ("2,846人", "2,486名") the same digits with two adjacent ones
// swapped, the slip of a hand typing figures up? Separators are ignored, the decimal point is
// not; numbers of fewer than three digits are never said to be.
bool DigitsTransposed(std::string_view a, std::string_view b);
// The school's name a text opens with ("县第一中学参考…" → 县第一中学): a proper name (县第…,
// 实验…, 一中 …) ending in 中学, 小学, 学校, 幼儿园 within twelve characters; empty when none.
std::string_view SchoolNameOpening(std::string_view text);
// Does [lo1, hi1] overlap [lo2, hi2], allowing for floating-point noise?
bool Overlaps(double lo1, double hi1, double lo2, double hi2);
// Round `value` half up to `decimals` places.
double RoundTo(double value, int decimals);

}  // namespace eduledger::report::internal
