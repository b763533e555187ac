// Tables against themselves (table.h gives their grids):
//
//   | 项目 | 完成投资（万元） | 新增学位（个） |     a 合计 (小计) row: the sum of the rows it
//   totals | 合计 | 25,880 | 4,500 | | 学段 | 在校生 | 女生 | 男生 | 合计 |           a 合计
//   column: the sum of the columns beside it | 等级 | 数量（处） | 占比 |                   a
//   column of percentages: what most of its rows | 排查 | 整改 | 整改率 | are, a share of a
//   column's whole or one
//                                                    column over another (or the rest of it)
//
// The header names each column and, in its parentheses, the unit of bare numbers
// (完成投资（万元）); a row opening with 其中 is a part of the row above, not one more of the rows
// a total adds. A column or a row rule is taken only from the table itself: an odd row is wrong
// when at least two rows, and twice as many as the odd ones, follow the rule; a table most of whose
// rows follow none is left alone (its percentages may be growth, or of wholes it does not state).
#include <algorithm>
#include <optional>

#include "core/text.h"
#include "report/checks_internal.h"
#include "report/table.h"

namespace eduledger::report::internal {

namespace {

// Columns past this many are not read: pairs of columns stay few in a hostile table.
constexpr std::size_t kMaxColumns = 12;

enum class RowKind { kItem, kPart, kSubtotal, kTotal };

std::string Squeezed(std::string_view s) {
  std::string out;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const std::int32_t cp = core::NextCodePoint(s, &pos);
    if (cp != ' ' && cp != 0x3000 && cp != '\t') out.append(s.substr(start, pos - start));
  }
  return out;
}

RowKind KindOf(std::string_view label) {
  const std::string l = Squeezed(label);
  if (l.starts_with("其中") || l.starts_with("含") || l.starts_with("（其中") ||
      l.starts_with("(其中"))
    return RowKind::kPart;
  if (l.ends_with("小计")) return RowKind::kSubtotal;
  if (l.ends_with("合计") || l.ends_with("总计") || l == "共计" || l == "全县" || l == "全区" ||
      l == "全市" || l == "总数" || l == "全县总计")
    return RowKind::kTotal;
  return RowKind::kItem;
}

// A header whose column holds no quantities to add or divide: years, ranks, averages, changes.
bool IsNoQuantity(std::string_view header) {
  return ContainsAny(header, {"年份", "年度", "序号", "编号", "排名", "名次", "平均",   "人均",
                              "生均", "均值", "增长", "增幅", "增减", "同比", "较上年", "比上年",
                              "变化", "提高", "下降", "时间", "日期", "得分", "分数",   "比值"});
}

// A column of totals: its header opens with 合计, 小计 or 总计, or is 总数.
bool IsTotalColumn(std::string_view header) {
  const std::string h = Squeezed(header);
  return h.starts_with("合计") || h.starts_with("小计") || h.starts_with("总计") ||
         h.starts_with("总数") || h.starts_with("总人数");
}

// The unit a header gives its bare numbers in its last parentheses ("完成投资（万元）" → 万元);
// "" when it gives none.
std::string HeaderUnit(std::string_view header) {
  std::size_t open = header.rfind("（");
  std::size_t width = std::string_view("（").size();
  if (const std::size_t ascii = header.rfind('(');
      ascii != std::string_view::npos && (open == std::string_view::npos || ascii > open)) {
    open = ascii;
    width = 1;
  }
  if (open == std::string_view::npos) return {};
  std::string_view inside = header.substr(open + width);
  for (const std::string_view close : {"）", ")"}) {
    if (inside.ends_with(close)) inside.remove_suffix(close.size());
  }
  constexpr std::size_t kMaxUnit = 4 * 3;  // bytes: a unit is a few characters
  if (inside.empty() || inside.size() > kMaxUnit) return {};
  const std::string probe = "1" + std::string(inside);
  const ParagraphFigures parsed = ExtractFigures(probe, true, 0);
  if (parsed.figures.size() != 1 || parsed.figures[0].end != probe.size()) return {};
  return std::string(inside);
}

bool IsBareNumber(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789,.") == std::string_view::npos &&
         text.front() >= '0' && text.front() <= '9';
}

// What a cell holds: no value (empty, a dash), a figure, or words.
struct Value {
  bool blank = false;
  std::optional<Figure> figure;
};

Value ValueOf(const TableCell& cell, const std::string& unit, int year) {
  Value v;
  const std::string_view text = cell.text;
  if (text.empty() || text == "—" || text == "——" || text == "-" || text == "－" || text == "/" ||
      text == "–") {
    v.blank = true;
    return v;
  }
  const bool bare = IsBareNumber(text);
  // A bare number of a header without a unit is parsed as a count of something.
  const bool unitless = bare && unit.empty();
  const std::string probe = std::string(text) + (bare ? (unitless ? "个" : unit) : "");
  const ParagraphFigures parsed = ExtractFigures(probe, true, year);
  if (parsed.figures.size() != 1) return v;
  Figure f = parsed.figures[0];
  if (f.begin != 0 || f.end != probe.size() || f.unknown) return v;
  if (unitless) {
    f.unit.clear();
    f.written = std::string(text);
  }
  f.begin = cell.begin;
  f.end = cell.end;
  v.figure = std::move(f);
  return v;
}

class TableChecker {
 public:
  TableChecker(CheckState& state, const Table& table) : state_(state), table_(table) {
    const std::vector<TableCell>& header = table.rows.front();
    columns_ = std::min(kMaxColumns, header.size());
    for (std::size_t c = 0; c < columns_; ++c) {
      headers_.push_back(header[c].text);
      units_.push_back(HeaderUnit(header[c].text));
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const std::vector<TableCell>& row = table.rows[r];
      kinds_.push_back(r == 0 || row.empty() ? RowKind::kItem : KindOf(row.front().text));
      std::vector<Value>& values = values_.emplace_back();
      for (std::size_t c = 0; c < columns_; ++c) {
        if (r == 0 || c >= row.size() || c == 0) {
          values.emplace_back();
          continue;
        }
        const std::size_t p = row[c].paragraph;
        const int year = state.paragraphs[p].figures.figures.empty()
                             ? 0
                             : state.paragraphs[p].figures.figures.front().year;
        values.push_back(ValueOf(row[c], units_[c], year));
      }
    }
  }

  void Run() {
    if (table_.rows.size() < 3 || columns_ < 2) return;
    CheckTotalRows();
    CheckTotalColumns();
    for (std::size_t c = 1; c < columns_; ++c) CheckPercentColumn(c);
  }

 private:
  const Figure* At(std::size_t r, std::size_t c) const {
    const Value& v = values_[r][c];
    return v.figure ? &*v.figure : nullptr;
  }
  bool Blank(std::size_t r, std::size_t c) const { return values_[r][c].blank; }
  std::string Label(std::size_t r) const {
    return table_.rows[r].empty() ? std::string() : table_.rows[r].front().text;
  }
  bool Quantity(std::size_t c) const {
    return !IsNoQuantity(headers_[c]) && headers_[c].find("率") == std::string::npos &&
           !Squeezed(headers_[c]).starts_with("其中");
  }
  std::size_t ParagraphOf(std::size_t r, std::size_t c) const {
    return table_.rows[r][c].paragraph;
  }

  // Already found by the checks of the text (a row of a Markdown table is a paragraph too)?
  bool Reported(std::size_t p, const Figure& f) const {
    return state_.HasFindingAt(p, f.begin, f.end);
  }

  void Report(std::size_t r, std::size_t c, Finding f,
              std::initializer_list<std::pair<std::size_t, std::size_t>> related) {
    const std::size_t p = ParagraphOf(r, c);
    if (Reported(p, *At(r, c))) return;
    for (const auto& [rr, cc] : related) {
      f.related.push_back(state_.PlaceOf(ParagraphOf(rr, cc), *At(rr, cc)));
    }
    state_.Add(p, std::move(f));
  }

  // The sum of the values of `cells` (row, column), as a range; nullopt when one of them is
  // words or of another unit than `like`, or fewer than two are figures.
  struct Sum {
    double lo = 0, hi = 0, value = 0;
    int decimals = 0;
  };
  using Cells = std::vector<std::pair<std::size_t, std::size_t>>;
  std::optional<Sum> SumOf(const Cells& cells, const Figure& like) const {
    Sum s;
    int figures = 0;
    for (const auto& [r, c] : cells) {
      if (Blank(r, c)) continue;
      const Figure* f = At(r, c);
      if (f == nullptr || !f->SameUnit(like) || f->IsPercent()) return std::nullopt;
      s.lo += f->lo;
      s.hi += f->hi;
      s.value += f->value;
      s.decimals = std::max(s.decimals, f->decimals);
      ++figures;
    }
    if (figures < 2) return std::nullopt;
    return s;
  }
  // Column `c` of `rows`.
  static Cells InColumn(const std::vector<std::size_t>& rows, std::size_t c) {
    Cells cells;
    for (const std::size_t r : rows) cells.emplace_back(r, c);
    return cells;
  }

  // Each 合计 or 小计 row against the rows it totals: a 小计 the items since the last total, a
  // 合计 its 小计 rows when there are any, else the items since the last 合计.
  void CheckTotalRows() {
    std::vector<std::size_t> items, subtotals;
    for (std::size_t r = 1; r < table_.rows.size(); ++r) {
      switch (kinds_[r]) {
        case RowKind::kItem:
          items.push_back(r);
          break;
        case RowKind::kPart:
          break;
        case RowKind::kSubtotal:
          CheckTotalRow(r, items);
          subtotals.push_back(r);
          items.clear();
          break;
        case RowKind::kTotal:
          // The 小计 rows and the items after the last of them (县特殊教育学校 under no 小计).
          subtotals.insert(subtotals.end(), items.begin(), items.end());
          CheckTotalRow(r, subtotals);
          items.clear();
          subtotals.clear();
          break;
      }
    }
  }

  void CheckTotalRow(std::size_t r, const std::vector<std::size_t>& parts) {
    for (std::size_t c = 1; c < columns_; ++c) {
      const Figure* total = At(r, c);
      if (total == nullptr || total->IsPercent() || !Quantity(c)) continue;
      const std::optional<Sum> sum = SumOf(InColumn(parts, c), *total);
      if (!sum) continue;
      ++state_.result->summary.sums_checked;
      if (Overlaps(sum->lo, sum->hi, total->lo, total->hi)) continue;
      Finding f = FindingAt(*total, FindingKind::kPartsMismatch, Severity::kError,
                            "表中“" + headers_[c] + "”列各行之和为" +
                                FormatValue(sum->value, total->unit, sum->decimals) + total->unit +
                                "，" + Squeezed(Label(r)) + "行为" + total->written);
      f.expected = sum->value;
      f.decimals = std::max(f.decimals, sum->decimals);
      Report(r, c, std::move(f), {});
    }
  }

  // A 合计 column against the columns of its unit beside it, by the rule most rows follow.
  void CheckTotalColumns() {
    for (std::size_t t = 1; t < columns_; ++t) {
      if (!IsTotalColumn(headers_[t])) continue;
      std::vector<std::size_t> parts;
      // The columns between the labels and it (男生, 女生 | 合计), not those after it, which
      // may be subsets (随迁子女).
      for (std::size_t c = 1; c < t; ++c) {
        if (units_[c] == units_[t] && Quantity(c) && !IsTotalColumn(headers_[c])) {
          parts.push_back(c);
        }
      }
      if (parts.size() < 2) continue;
      std::vector<std::pair<std::size_t, Sum>> odd;
      int agree = 0;
      for (std::size_t r = 1; r < table_.rows.size(); ++r) {
        const Figure* total = At(r, t);
        if (total == nullptr || total->IsPercent()) continue;
        Cells row;
        for (const std::size_t c : parts) row.emplace_back(r, c);
        const std::optional<Sum> s = SumOf(row, *total);
        if (!s) continue;
        if (Overlaps(s->lo, s->hi, total->lo, total->hi)) {
          ++agree;
        } else {
          odd.emplace_back(r, *s);
        }
      }
      if (!MostAgree(agree, odd.size())) continue;
      state_.result->summary.sums_checked += agree + static_cast<int>(odd.size());
      for (const auto& [r, s] : odd) {
        const Figure& total = *At(r, t);
        Finding f = FindingAt(total, FindingKind::kPartsMismatch, Severity::kError,
                              "表中“" + Squeezed(Label(r)) + "”行各列之和为" +
                                  FormatValue(s.value, total.unit, s.decimals) + total.unit +
                                  "，“" + headers_[t] + "”列为" + total.written);
        f.expected = s.value;
        Report(r, t, std::move(f), {});
      }
    }
  }

  // Do enough rows follow a rule for the odd ones to be wrong: two at least, twice as many as
  // the odd ones, and some odd?
  static bool MostAgree(int agree, std::size_t odd) {
    return odd > 0 && agree >= 2 && static_cast<std::size_t>(agree) >= 2 * odd;
  }

  // What a percentage of row `r` would be by a rule: column `a` over column `b` of the row (of
  // the rest of `b`: `rest`), or `a` over the whole of column `a` (`share`).
  struct Rule {
    std::size_t a = 0, b = 0;
    bool share = false;  // a ÷ the whole of column a
    bool rest = false;   // (b − a) ÷ b
  };
  struct Outcome {
    int agree = 0;
    std::vector<std::size_t> odd;
  };

  // The whole of column `c` a share of row `r` is of: the 合计 row after it (or the last one),
  // else the sum of the items.
  // Worked out once per column: a table of many rows stays linear.
  const Figure* WholeOf(std::size_t c, std::size_t r) const {
    if (totals_.empty()) {
      totals_.resize(columns_);
      items_sum_.resize(columns_);
      for (std::size_t col = 1; col < columns_; ++col) {
        for (std::size_t k = 1; k < table_.rows.size(); ++k) {
          if (kinds_[k] == RowKind::kTotal && At(k, col) != nullptr) totals_[col].push_back(k);
        }
        items_sum_[col] = ItemsSum(col);
      }
    }
    const std::vector<std::size_t>& totals = totals_[c];
    if (!totals.empty()) {
      const auto after = std::lower_bound(totals.begin(), totals.end(), r);
      return At(after != totals.end() ? *after : totals.back(), c);
    }
    return items_sum_[c] ? &*items_sum_[c] : nullptr;
  }

  std::optional<Figure> ItemsSum(std::size_t c) const {
    std::vector<std::size_t> items;
    for (std::size_t k = 1; k < table_.rows.size(); ++k) {
      if (kinds_[k] == RowKind::kItem) items.push_back(k);
    }
    const Figure* any = nullptr;
    for (const std::size_t k : items) any = any != nullptr ? any : At(k, c);
    if (any == nullptr) return std::nullopt;
    const std::optional<Sum> sum = SumOf(InColumn(items, c), *any);
    if (!sum) return std::nullopt;
    Figure whole = *any;
    whole.lo = sum->lo;
    whole.hi = sum->hi;
    whole.value = sum->value;
    whole.written = FormatValue(sum->value, any->unit, sum->decimals) + any->unit;
    return whole;
  }

  // The quotient a rule gives row `r` as a range, with its part and whole (their text only when
  // `words`: the rule is tried on every row of every column); nullopt when the row has no values
  // for it.
  struct Quotient {
    double lo = 0, hi = 0, value = 0;
    std::string part, whole;
  };
  std::optional<Quotient> Apply(const Rule& rule, std::size_t r, bool words = false) const {
    const Figure* a = At(r, rule.a);
    if (a == nullptr || a->IsPercent()) return std::nullopt;
    const Figure* whole = nullptr;
    if (rule.share) {
      whole = WholeOf(rule.a, r);
      if (whole == nullptr) return std::nullopt;
    } else {
      whole = At(r, rule.b);
      if (whole == nullptr || whole->IsPercent()) return std::nullopt;
    }
    if (!a->SameUnit(*whole) || whole->lo <= 0) return std::nullopt;
    double part_lo = a->lo, part_hi = a->hi, part = a->value;
    if (rule.rest) {
      part_lo = whole->lo - a->hi;
      part_hi = whole->hi - a->lo;
      part = whole->value - a->value;
    }
    if (part_lo < 0 || part > whole->value) return std::nullopt;
    Quotient q{
        part_lo / whole->hi * 100, part_hi / whole->lo * 100, part / whole->value * 100, {}, {}};
    if (words) {
      q.part = rule.rest ? "（" + whole->written + "－" + a->written + "）" : a->written;
      q.whole = whole->written;
    }
    return q;
  }

  // The rows of column `s` rule `rule` gives and does not, over its first `rows` rows.
  Outcome Evaluate(const Rule& rule, std::size_t s, std::size_t rows) const {
    Outcome o;
    for (std::size_t r = 1; r < table_.rows.size() && r <= rows; ++r) {
      const Figure* p = At(r, s);
      if (p == nullptr || !p->IsPercent()) continue;
      const std::optional<Quotient> q = Apply(rule, r);
      if (!q) continue;
      if (Overlaps(q->lo, q->hi, p->lo, p->hi)) {
        ++o.agree;
      } else {
        o.odd.push_back(r);
      }
    }
    return o;
  }

  void CheckPercentColumn(std::size_t s) {
    if (IsNoQuantity(headers_[s])) return;
    int percents = 0;
    for (std::size_t r = 1; r < table_.rows.size(); ++r) {
      const Figure* p = At(r, s);
      if (p != nullptr && p->IsPercent()) ++percents;
    }
    if (percents < 3) return;
    std::vector<Rule> rules;
    for (std::size_t a = 1; a < columns_; ++a) {
      if (a == s || !Quantity(a)) continue;
      rules.push_back(Rule{a, 0, true, false});
      for (std::size_t b = 1; b < columns_; ++b) {
        if (b == s || b == a || !Quantity(b)) continue;
        rules.push_back(Rule{a, b, false, false});
        rules.push_back(Rule{a, b, false, true});
      }
    }
    // The rule most rows follow; two that follow as many but disagree on the odd rows make the
    // column ambiguous.
    std::optional<Rule> best;
    Outcome best_outcome;
    bool ambiguous = false;
    // A rule is tried on the whole column only when its first rows mostly follow it: a table
    // of many rows and columns stays fast.
    constexpr std::size_t kFirstRows = 24;
    for (const Rule& rule : rules) {
      if (table_.rows.size() > kFirstRows + 1) {
        const Outcome first = Evaluate(rule, s, kFirstRows);
        if (first.agree < static_cast<int>(first.odd.size()) || first.agree == 0) continue;
      }
      Outcome o = Evaluate(rule, s, table_.rows.size());
      if (!best || o.agree > best_outcome.agree ||
          (o.agree == best_outcome.agree && o.odd.size() < best_outcome.odd.size())) {
        best = rule;
        best_outcome = std::move(o);
        ambiguous = false;
      } else if (o.agree == best_outcome.agree && o.odd.size() == best_outcome.odd.size() &&
                 o.odd != best_outcome.odd) {
        ambiguous = true;
      }
    }
    if (!best || ambiguous) return;
    state_.result->summary.rates_checked += best_outcome.agree;
    state_.result->summary.rates_verified += best_outcome.agree;
    if (!MostAgree(best_outcome.agree, best_outcome.odd.size())) return;
    state_.result->summary.rates_checked += static_cast<int>(best_outcome.odd.size());
    for (const std::size_t r : best_outcome.odd) {
      const Figure& p = *At(r, s);
      const Quotient q = *Apply(*best, r, true);
      const std::string expected = FormatValue(RoundTo(q.value, p.decimals), "%", p.decimals) + "%";
      Finding f =
          FindingAt(p, best->share ? FindingKind::kShareMismatch : FindingKind::kRateMismatch,
                    Severity::kError,
                    "表中“" + Squeezed(Label(r)) + "”行" + headers_[s] + "按" + q.part + "÷" +
                        q.whole + "计算应为" + expected + "，表中为" + p.written);
      f.expected = RoundTo(q.value, p.decimals);
      if (best->share) {
        Report(r, s, std::move(f), {{r, best->a}});
      } else {
        Report(r, s, std::move(f), {{r, best->a}, {r, best->b}});
      }
    }
  }

  CheckState& state_;
  const Table& table_;
  std::size_t columns_ = 0;
  std::vector<std::string> headers_;
  std::vector<std::string> units_;
  std::vector<RowKind> kinds_;
  std::vector<std::vector<Value>> values_;
  mutable std::vector<std::vector<std::size_t>> totals_;  // WholeOf: each column's 合计 rows
  mutable std::vector<std::optional<Figure>> items_sum_;  // and the sum of its items
};

}  // namespace

void CheckTables(CheckState& state) {
  for (const Table& table : state.tables) TableChecker(state, table).Run();
}

std::vector<CellFigure> TableCellFigures(const CheckState& state) {
  std::vector<CellFigure> out;
  for (std::size_t t = 0; t < state.tables.size(); ++t) {
    const Table& table = state.tables[t];
    if (table.rows.size() < 2) continue;
    const std::vector<TableCell>& header = table.rows.front();
    const std::size_t columns = std::min(kMaxColumns, header.size());
    // Each column's header: whether it holds quantities, its unit, the year it is of ("2025年",
    // "2025年度": 0 when none) and its words without the unit.
    struct Column {
      bool quantity = false;
      std::string unit;
      int year = 0;
      std::string words;
    };
    std::vector<Column> heads(columns);
    for (std::size_t c = 1; c < columns; ++c) {
      const std::string& head = header[c].text;
      Column& h = heads[c];
      h.quantity = !IsNoQuantity(head) && head.find("率") == std::string::npos;
      h.unit = HeaderUnit(head);
      const ParagraphFigures parsed = ExtractFigures(head, true, 0);
      h.year = parsed.years.empty() ? 0 : parsed.years.front().year;
      h.words = head;
      if (!h.unit.empty()) h.words.resize(std::min(h.words.rfind("（"), h.words.rfind('(')));
      if (h.year != 0) h.words.clear();  // a year's column names no quantity
    }
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const std::vector<TableCell>& row = table.rows[r];
      if (row.empty()) continue;
      std::string label = row.front().text;
      const std::string row_unit = HeaderUnit(label);
      if (!row_unit.empty()) label.resize(std::min(label.rfind("（"), label.rfind('(')));
      for (std::size_t c = 1; c < columns && c < row.size(); ++c) {
        const Column& h = heads[c];
        if (!h.quantity) continue;
        // The year a column is headed by, else the paragraph's.
        int year = h.year;
        const std::size_t p = row[c].paragraph;
        if (year == 0 && !state.paragraphs[p].figures.figures.empty()) {
          year = state.paragraphs[p].figures.figures.front().year;
        }
        const std::string unit = h.unit.empty() ? row_unit : h.unit;
        if (unit.empty() || !IsBareNumber(row[c].text)) continue;
        Value v = ValueOf(row[c], unit, year);
        if (!v.figure) continue;
        v.figure->year = year;
        // What it counts: the row's label, then the column's header.
        v.figure->before = label + h.words;
        v.figure->after.clear();
        v.figure->sentence = static_cast<int>(r);
        out.push_back({p, t, std::move(*v.figure)});
      }
    }
  }
  return out;
}

}  // namespace eduledger::report::internal
