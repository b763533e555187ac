#include "engine/compile.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/row_tables.h"
#include "meta/education_level.h"
#include "meta/status_event.h"

namespace eduledger::engine {

using core::Result;
using core::Status;

namespace {

constexpr std::size_t kMaxClauses = 64;
constexpr int kMaxStack = 32;

using Dnf = std::vector<Clause>;

Dnf Cross(const Dnf& a, const Dnf& b) {
  Dnf out;
  for (const Clause& x : a) {
    for (const Clause& y : b) {
      Clause c = x;
      c.insert(c.end(), y.begin(), y.end());
      out.push_back(std::move(c));
    }
  }
  return out;
}

CompareOp Flip(CompareOp op) {  // a op b  ==  b Flip(op) a
  switch (op) {
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLe:
      return CompareOp::kGe;
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGe:
      return CompareOp::kLe;
    default:
      return op;
  }
}

// What an expression may not read at the cell's own school year: what happens during it.
constexpr const char* kFlowOnlyAfterYearEnd =
    "' 是学年内发生的变动，只能在已结束的学年读取：指标须标 \"flow\": true（按统计期计），"
    "或写在 years_before(1, …) 里";

class FilterCompiler {
 public:
  // `flows_readable`: the filter reads a school year that has ended (years_back >= 1).
  FilterCompiler(const Layout& layout, ExprError* error, bool flows_readable)
      : layout_(layout), error_(error), flows_readable_(flows_readable) {}

  // Whether a field of the filter is known only with the year before held.
  bool reads_previous_year() const { return reads_previous_year_; }

  // The filter as clauses; false (with the error set) when it does not compile.
  bool Compile(const Expr& e, bool negate, Dnf* out) {
    switch (e.kind) {
      case ExprKind::kAnd:
      case ExprKind::kOr: {
        Dnf a, b;
        if (!Compile(*e.args[0], negate, &a) || !Compile(*e.args[1], negate, &b)) return false;
        const bool conjunction = (e.kind == ExprKind::kAnd) != negate;
        if (conjunction) {
          *out = Cross(a, b);
        } else {
          *out = std::move(a);
          out->insert(out->end(), b.begin(), b.end());
        }
        if (out->size() > kMaxClauses) return Fail(e, "筛选条件过于复杂 (展开后超过 64 个分支)");
        return true;
      }
      case ExprKind::kNot:
        return Compile(*e.args[0], !negate, out);
      case ExprKind::kName: {
        const Field* f = FieldNamed(e);
        if (!f) return false;
        if (f->kind != FieldKind::kBool) {
          return Fail(e, "'" + e.text + "' 不是是/否字段，须与值比较");
        }
        *out = {{Test{negate ? Test::kNe : Test::kEq, f, 1}}};
        return true;
      }
      case ExprKind::kCall:
        if (e.text == "had") return Had(e, negate, out);
        if (e.text == "in_year") return InYear(e, negate, out);
        return Fail(e, "筛选条件中不能使用函数 '" + e.text + "'");
      case ExprKind::kCompare:
        return Comparison(e, negate, out);
      case ExprKind::kIn:
        return In(e, negate != e.negated, out);
      case ExprKind::kBetween:
        return Between(e, negate != e.negated, out);
      default:
        return Fail(e, "此处应为筛选条件");
    }
  }

 private:
  bool Fail(const Expr& at, std::string message) {
    if (error_) *error_ = ExprError{at.offset, std::move(message)};
    return false;
  }

  const Field* FieldNamed(const Expr& e) {
    const Field* f = layout_.Find(e.text);
    if (!f || f->kind == FieldKind::kBirthDay) {
      Fail(e, "未知字段 '" + e.text + "' (" + std::string(layout_.table()) +
                  " 的字段: " + layout_.Names() + ")");
      return nullptr;
    }
    if (f->flow && !flows_readable_) {
      Fail(e, "'" + e.text + kFlowOnlyAfterYearEnd);
      return nullptr;
    }
    if (f->needs_previous_year) reads_previous_year_ = true;
    return f;
  }

  // The left side of a comparison: a field, age, or age_on("MM-DD").
  struct Subject {
    const Field* field = nullptr;
    bool age = false;
    std::uint8_t month = 8;
    std::uint8_t day = 31;
  };

  bool SubjectOf(const Expr& e, Subject* s) {
    if (e.kind == ExprKind::kName && e.text == "age" && !layout_.Find("age")) {
      s->field = layout_.Find("birth");
      s->age = true;
      if (!s->field) return Fail(e, "'" + std::string(layout_.table()) + "' 没有年龄");
      return true;
    }
    if (e.kind == ExprKind::kCall && e.text == "age_on") {
      s->field = layout_.Find("birth");
      if (!s->field) return Fail(e, "'" + std::string(layout_.table()) + "' 没有年龄");
      if (e.args.size() != 1 || e.args[0]->kind != ExprKind::kString) {
        return Fail(e, "age_on 需要一个 \"月-日\" 字符串，如 age_on(\"12-31\")");
      }
      const std::string& md = e.args[0]->text;
      int m = 0, d = 0;
      if (std::sscanf(md.c_str(), "%d-%d", &m, &d) != 2 || m < 1 || m > 12 || d < 1 || d > 31) {
        return Fail(*e.args[0], "日期应写作 \"月-日\"，如 \"12-31\"");
      }
      s->age = true;
      s->month = static_cast<std::uint8_t>(m);
      s->day = static_cast<std::uint8_t>(d);
      return true;
    }
    if (e.kind == ExprKind::kName) {
      s->field = FieldNamed(e);
      return s->field != nullptr;
    }
    return Fail(e, "比较的左边应为字段名");
  }

  // The stored value of literal `v` for the subject's field.
  bool Stored(const Subject& s, const Expr& v, std::int64_t* out) {
    if (s.age) {
      if (v.kind != ExprKind::kNumber || v.number != std::floor(v.number) || v.number < 0) {
        return Fail(v, "年龄应为非负整数");
      }
      *out = static_cast<std::int64_t>(v.number);
      return true;
    }
    const Field& f = *s.field;
    switch (f.kind) {
      case FieldKind::kInt:
        if (v.kind != ExprKind::kNumber || v.number != std::floor(v.number)) {
          return Fail(v, "'" + std::string(f.name) + "' 应与整数比较");
        }
        *out = static_cast<std::int64_t>(v.number) + f.offset;
        return true;
      case FieldKind::kBool: {
        const std::string t = v.kind == ExprKind::kNumber ? (v.number != 0 ? "1" : "0") : v.text;
        if (t == "1" || t == "yes" || t == "true" || t == "是")
          *out = 1;
        else if (t == "0" || t == "no" || t == "false" || t == "否")
          *out = 0;
        else
          return Fail(v, "'" + std::string(f.name) + "' 的值应为 yes 或 no");
        return true;
      }
      case FieldKind::kEnum: {
        std::string t = v.text;
        if (v.kind == ExprKind::kNumber)
          t = std::to_string(static_cast<std::int64_t>(v.number));
        else if (v.kind != ExprKind::kName && v.kind != ExprKind::kString) {
          return Fail(v, "此处应为 '" + std::string(f.name) + "' 的取值");
        }
        std::optional<int> code;
        if (f.parse) {
          code = f.parse(t);
        } else if (const auto option = f.category->FindOption(t)) {
          code = static_cast<int>(*option);
        }
        if (!code) return Fail(v, "'" + t + "' 不是 '" + std::string(f.name) + "' 的取值");
        *out = *code;
        return true;
      }
      default:
        return Fail(v, "'" + std::string(f.name) + "' 不能这样比较");
    }
  }

  // A test that `subject` lies in [lo, hi] (stored values), or outside it when `negate`.
  Test RangeTest(const Subject& s, std::int64_t lo, std::int64_t hi, bool negate) {
    Test t;
    t.field = s.field;
    t.lo = lo;
    t.hi = hi;
    if (s.age) {
      t.kind = negate ? Test::kNotAge : Test::kAge;
      t.month = s.month;
      t.day = s.day;
    } else if (lo == hi) {
      t.kind = negate ? Test::kNe : Test::kEq;
      t.value = static_cast<std::uint64_t>(lo);
    } else {
      t.kind = negate ? Test::kNotRange : Test::kRange;
    }
    return t;
  }

  bool Comparison(const Expr& e, bool negate, Dnf* out) {
    const Expr* lhs = e.args[0].get();
    const Expr* rhs = e.args[1].get();
    CompareOp op = e.compare;
    const bool lhs_literal = lhs->kind == ExprKind::kNumber || lhs->kind == ExprKind::kString;
    if (lhs_literal) {
      std::swap(lhs, rhs);
      op = Flip(op);
    }
    Subject s;
    std::int64_t v = 0;
    if (!SubjectOf(*lhs, &s) || !Stored(s, *rhs, &v)) return false;
    const bool ordered = s.age || s.field->kind == FieldKind::kInt;
    if (!ordered && op != CompareOp::kEq && op != CompareOp::kNe) {
      return Fail(e, "'" + std::string(s.field->name) + "' 只能用 = 或 != 比较");
    }
    constexpr std::int64_t kBig = std::int64_t{1} << 40;
    std::int64_t lo = 0, hi = kBig;
    bool inverted = false;
    switch (op) {
      case CompareOp::kEq:
        lo = hi = v;
        break;
      case CompareOp::kNe:
        lo = hi = v;
        inverted = true;
        break;
      case CompareOp::kLt:
        hi = v - 1;
        break;
      case CompareOp::kLe:
        hi = v;
        break;
      case CompareOp::kGt:
        lo = v + 1;
        break;
      case CompareOp::kGe:
        lo = v;
        break;
    }
    if (s.age) lo = std::max<std::int64_t>(lo, 0);
    *out = {{RangeTest(s, lo, hi, inverted != negate)}};
    return true;
  }

  bool In(const Expr& e, bool negate, Dnf* out) {
    Subject s;
    if (!SubjectOf(*e.args[0], &s)) return false;
    out->clear();
    Clause all_not;
    for (std::size_t i = 1; i < e.args.size(); ++i) {
      std::int64_t v = 0;
      if (!Stored(s, *e.args[i], &v)) return false;
      if (negate)
        all_not.push_back(RangeTest(s, v, v, true));
      else
        out->push_back({RangeTest(s, v, v, false)});
    }
    if (negate) out->push_back(std::move(all_not));
    if (out->size() > kMaxClauses) return Fail(e, "in 列表过长 (超过 64 项)");
    return true;
  }

  bool Between(const Expr& e, bool negate, Dnf* out) {
    Subject s;
    std::int64_t lo = 0, hi = 0;
    if (!SubjectOf(*e.args[0], &s) || !Stored(s, *e.args[1], &lo) || !Stored(s, *e.args[2], &hi)) {
      return false;
    }
    if (!s.age && s.field->kind != FieldKind::kInt) {
      return Fail(e, "'" + std::string(s.field->name) + "' 不能用 between");
    }
    *out = {{RangeTest(s, lo, hi, negate)}};
    return true;
  }

  bool Had(const Expr& e, bool negate, Dnf* out) {
    const Field* f = layout_.Find("events");
    if (!f) return Fail(e, "'" + std::string(layout_.table()) + "' 没有学籍异动");
    if (!flows_readable_) return Fail(e, std::string("'had") + kFlowOnlyAfterYearEnd);
    if (e.args.empty()) return Fail(e, "had 需要至少一种异动，如 had(drop_out)");
    std::uint64_t bits = 0;
    for (const auto& a : e.args) {
      if (a->kind != ExprKind::kName && a->kind != ExprKind::kString) {
        return Fail(*a, "此处应为异动类型，如 drop_out");
      }
      const auto type = meta::ParseEventType(a->text);
      if (!type) return Fail(*a, "未知的异动类型 '" + a->text + "'");
      bits |= std::uint64_t{1} << (static_cast<unsigned>(*type) - 1);
    }
    *out = {{Test{negate ? Test::kNoBits : Test::kAnyBits, f, bits}}};
    return true;
  }

  // in_year(date field): a case's date in the calendar year of the cell's statistics year.
  bool InYear(const Expr& e, bool negate, Dnf* out) {
    if (e.args.size() != 1 || e.args[0]->kind != ExprKind::kName) {
      return Fail(e, "in_year 的写法是 in_year(日期字段)，如 in_year(accepted_on)");
    }
    const Field* f = FieldNamed(*e.args[0]);
    if (!f) return false;
    if (f->kind != FieldKind::kInt || f->offset != -kCaseYearBase) {
      return Fail(*e.args[0], "'" + e.args[0]->text + "' 不是台账的日期字段");
    }
    *out = {{Test{negate ? Test::kNotInYear : Test::kInYear, f}}};
    return true;
  }

  const Layout& layout_;
  ExprError* error_;
  bool flows_readable_;
  bool reads_previous_year_ = false;
};

class FormulaCompiler {
 public:
  FormulaCompiler(MeasureCatalog* catalog, ExprError* error, CompileOptions options)
      : catalog_(catalog), error_(error), options_(options) {}

  bool Compile(const Expr& e, int years_back, Formula* f) {
    switch (e.kind) {
      case ExprKind::kNumber:
        f->ops.push_back(FormulaOp{FormulaOp::kConst, 0, 0, e.number});
        return Push(e);
      case ExprKind::kNeg:
        if (!Compile(*e.args[0], years_back, f)) return false;
        f->ops.push_back(FormulaOp{FormulaOp::kNeg});
        return true;
      case ExprKind::kArith: {
        if (!Compile(*e.args[0], years_back, f) || !Compile(*e.args[1], years_back, f)) {
          return false;
        }
        static constexpr FormulaOp::Kind kKinds[] = {FormulaOp::kAdd, FormulaOp::kSub,
                                                     FormulaOp::kMul, FormulaOp::kDiv};
        f->ops.push_back(FormulaOp{kKinds[static_cast<int>(e.arith)]});
        --depth_;
        return true;
      }
      case ExprKind::kCall:
        return Call(e, years_back, f);
      case ExprKind::kName:
        return Fail(e, "'" + e.text + "' 应写在 students(…)、staff(…) 等计数函数的括号里");
      case ExprKind::kString:
        return Fail(e, "此处应为数值");
      default:
        return Fail(e, "此处应为算式 (计数、数值与 + - * /)");
    }
  }

  bool Fail(const Expr& at, std::string message) {
    if (error_) *error_ = ExprError{at.offset, std::move(message)};
    return false;
  }

 private:
  bool Push(const Expr& at) {
    if (++depth_ > kMaxStack) return Fail(at, "算式嵌套过深");
    return true;
  }

  bool Call(const Expr& e, int years_back, Formula* f) {
    if (e.text == "years_before") {
      if (e.args.size() != 2 || e.args[0]->kind != ExprKind::kNumber ||
          e.args[0]->number != std::floor(e.args[0]->number) || e.args[0]->number < 0 ||
          e.args[0]->number > 30) {
        return Fail(e, "years_before 的写法是 years_before(年数, 算式)，年数为 0 到 30 的整数");
      }
      // Nested, the years add up; the sum is bounded too (it is stored in a byte).
      const int total = years_back + static_cast<int>(e.args[0]->number);
      if (total > 30)
        return Fail(e, "years_before 嵌套后合计回溯 " + std::to_string(total) + " 年，最多 30 年");
      return Compile(*e.args[1], total, f);
    }
    if (e.text == "value") return Value(e, years_back, f);
    if (e.text == "cases" || e.text == "sum" || e.text == "cases_now" || e.text == "sum_now") {
      return Cases(e, years_back, f);
    }
    const RowTableSpec* table = FindRowTable(e.text);
    if (!table) {
      return Fail(e, "未知函数 '" + e.text +
                         "' (可用: students, staff, classes, schools, events, value, cases, sum, "
                         "cases_now, sum_now, years_before)");
    }
    if (e.args.size() > 1) return Fail(*e.args[1], "计数函数只有一个参数: 筛选条件");
    if (options_.flow) ++years_back;  // register rows of the flow window
    const bool flows_readable = years_back > 0 || options_.flows_to_date;
    if (table->flow && !flows_readable) {
      return Fail(e, "'" + e.text + "(…)" + kFlowOnlyAfterYearEnd);
    }
    Measure m;
    m.table = table->table;
    m.text = std::string(table->name) + "(";
    if (e.args.empty()) {
      m.clauses = {Clause{}};
    } else {
      FilterCompiler fc(table->layout(), error_, flows_readable);
      if (!fc.Compile(*e.args[0], false, &m.clauses)) return false;
      m.needs_previous_year = fc.reads_previous_year();
      m.text += ToString(*e.args[0]);
    }
    m.text += ")";
    return AddMeasure(std::move(m), e, years_back, f);
  }

  // value(element) or value(element, filter on its categories).
  bool Value(const Expr& e, int years_back, Formula* f) {
    const ValueSchema* schema = catalog_->values();
    if (e.args.empty() || e.args.size() > 2 ||
        (e.args[0]->kind != ExprKind::kName && e.args[0]->kind != ExprKind::kString)) {
      return Fail(e, "value 的写法是 value(数据项代码) 或 value(数据项代码, 分类筛选)");
    }
    const int element = schema ? schema->Find(e.args[0]->text) : -1;
    if (element < 0) return Fail(*e.args[0], "未知的数据项 '" + e.args[0]->text + "'");
    const ValueElement& ve = schema->element(static_cast<std::size_t>(element));
    if (!meta::IsNumeric(ve.def->type)) {
      return Fail(*e.args[0], "数据项 '" + e.args[0]->text + "' 是文本，不能求和");
    }
    Measure m;
    m.table = MeasureTable::kValues;
    m.element = static_cast<std::uint32_t>(element);
    m.text = "value(" + e.args[0]->text;
    if (e.args.size() == 1) {
      m.clauses = {Clause{}};
    } else {
      FilterCompiler fc(*ve.layout, error_, years_back > 0 || options_.flows_to_date);
      if (!fc.Compile(*e.args[1], false, &m.clauses)) return false;
      m.text += ", " + ToString(*e.args[1]);
    }
    m.text += ")";
    return AddMeasure(std::move(m), e, years_back, f);
  }

  // cases(ledger) or cases(ledger, filter); sum(ledger.field) or sum(ledger.field, filter);
  // cases_now and sum_now the same over every case as it stands today. Cases are placed in
  // years by their own dates (case_schema.h), so a flow reads them in the cell's year like a
  // stock.
  bool Cases(const Expr& e, int years_back, Formula* f) {
    const bool sum = e.text.starts_with("sum");
    const char* usage = sum ? "sum 的写法是 sum(台账.数值字段) 或 sum(台账.数值字段, 筛选条件)"
                            : "cases 的写法是 cases(台账) 或 cases(台账, 筛选条件)";
    if (e.args.empty() || e.args.size() > 2 ||
        (e.args[0]->kind != ExprKind::kName && e.args[0]->kind != ExprKind::kString)) {
      return Fail(e, usage);
    }
    const CaseSchema* schema = catalog_->cases();
    const std::string& name = e.args[0]->text;
    const std::size_t dot = sum ? name.find('.') : std::string::npos;
    if (sum && dot == std::string::npos) return Fail(*e.args[0], usage);
    const std::string code = name.substr(0, dot);
    const int ledger = schema ? schema->Find(code) : -1;
    if (ledger < 0) return Fail(*e.args[0], "未知的台账 '" + code + "'");
    const CaseLedger& l = schema->ledger(static_cast<std::size_t>(ledger));
    Measure m;
    m.table = MeasureTable::kCases;
    m.element = static_cast<std::uint32_t>(ledger);
    m.current = e.text.ends_with("_now");
    if (sum) {
      const std::string field = name.substr(dot + 1);
      m.column = schema->NumberColumn(static_cast<std::size_t>(ledger), field);
      if (m.column < 0) {
        std::string numbers;
        for (const meta::LedgerField* n : l.numbers) {
          numbers += (numbers.empty() ? "" : ", ") + n->code;
        }
        return Fail(*e.args[0], "台账 '" + code + "' 没有数值字段 '" + field +
                                    "' (可求和: " + (numbers.empty() ? "无" : numbers) + ")");
      }
    }
    m.text = e.text + "(" + name;
    if (e.args.size() == 1) {
      m.clauses = {Clause{}};
    } else {
      FilterCompiler fc(*l.layout, error_, true);
      if (!fc.Compile(*e.args[1], false, &m.clauses)) return false;
      m.text += ", " + ToString(*e.args[1]);
    }
    m.text += ")";
    return AddMeasure(std::move(m), e, years_back, f);
  }

  bool AddMeasure(Measure m, const Expr& e, int years_back, Formula* f) {
    FormulaOp op{FormulaOp::kMeasure, 0, catalog_->Add(std::move(m))};
    op.years_back = static_cast<std::uint8_t>(years_back);
    f->ops.push_back(op);
    return Push(e);
  }

  MeasureCatalog* catalog_;
  ExprError* error_;
  CompileOptions options_;
  int depth_ = 0;
};

}  // namespace

std::uint32_t MeasureCatalog::Add(Measure m) {
  for (std::size_t i = 0; i < measures_.size(); ++i) {
    if (measures_[i].text == m.text) return static_cast<std::uint32_t>(i);
  }
  measures_.push_back(std::move(m));
  return static_cast<std::uint32_t>(measures_.size() - 1);
}

std::vector<std::uint32_t> Formula::Measures() const {
  std::vector<std::uint32_t> out;
  for (const FormulaOp& op : ops) {
    if (op.kind == FormulaOp::kMeasure &&
        std::find(out.begin(), out.end(), op.measure) == out.end()) {
      out.push_back(op.measure);
    }
  }
  return out;
}

std::vector<Formula::Read> Formula::Reads() const {
  std::vector<Read> out;
  for (const FormulaOp& op : ops) {
    const Read r{op.measure, op.years_back};
    if (op.kind == FormulaOp::kMeasure && std::find(out.begin(), out.end(), r) == out.end()) {
      out.push_back(r);
    }
  }
  return out;
}

double ApplyCompare(std::uint8_t compare, double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return __builtin_nan("");
  switch (static_cast<CompareOp>(compare)) {
    case CompareOp::kEq:
      return a == b;
    case CompareOp::kNe:
      return a != b;
    case CompareOp::kLt:
      return a < b;
    case CompareOp::kLe:
      return a <= b;
    case CompareOp::kGt:
      return a > b;
    case CompareOp::kGe:
      return a >= b;
  }
  return __builtin_nan("");
}

bool CanSplitBy(const Field& field) {
  if (field.scope == FieldScope::kGroup) return field.name == "level";
  return (field.kind == FieldKind::kEnum && field.category != nullptr) ||
         field.kind == FieldKind::kBool;
}

const Field* FindSplitField(const CaseLedger& l, std::string_view name) {
  for (const Field& f : l.fields) {
    if ((f.name == name || f.label == name) && CanSplitBy(f)) return &f;
  }
  const Field& level = GroupField("level");
  return name == level.name || name == level.label ? &level : nullptr;
}

int SplitValueCount(const Field& field) {
  if (field.scope == FieldScope::kGroup) return meta::kEducationLevelCount + 1;  // 学段不详
  if (field.kind == FieldKind::kBool) return 2;
  return static_cast<int>(field.category->options.size());
}

std::string SplitValueLabel(const Field& field, std::uint64_t stored) {
  if (field.scope == FieldScope::kGroup) {
    return stored < meta::kAllEducationLevels.size()
               ? std::string(meta::EducationLevelName(meta::kAllEducationLevels[stored]))
               : "学段不详";
  }
  if (field.kind == FieldKind::kBool) return stored ? "是" : "否";
  return stored < field.category->options.size() ? field.category->options[stored].name : "未填";
}

Result<Formula> SplitFormula(const Formula& f, std::string_view field, MeasureCatalog* catalog) {
  const auto fail = [](std::string message) {
    return Status::InvalidArgument("bad_split", std::move(message));
  };
  const CaseSchema* schema = catalog->cases();
  Formula out = f;
  std::optional<std::uint32_t> ledger;  // the one ledger every measure reads
  for (FormulaOp& op : out.ops) {
    if (op.kind != FormulaOp::kMeasure) continue;
    Measure m = catalog->measures()[op.measure];
    if (m.table != MeasureTable::kCases || schema == nullptr) {
      return fail("只有台账事项的计数和求和才能按台账字段 '" + std::string(field) + "' 分组");
    }
    if (ledger && *ledger != m.element) {
      return fail("按台账字段 '" + std::string(field) + "' 分组的指标只能读一本台账");
    }
    ledger = m.element;
    const CaseLedger& l = schema->ledger(m.element);
    const Field* split = FindSplitField(l, field);
    if (split == nullptr) {
      std::string names;
      for (const Field& candidate : l.fields) {
        if (CanSplitBy(candidate) && SplitValueCount(candidate) <= kSplitValues) {
          names += std::string(candidate.name) + "（" + std::string(candidate.label) + "）、";
        }
      }
      return fail("台账 '" + l.def->code + "' 没有可分组的字段 '" + std::string(field) +
                  "'（可分组：" + names + "学段）");
    }
    if (SplitValueCount(*split) > kSplitValues) {
      return fail("字段 '" + std::string(field) + "' 的取值超过 " + std::to_string(kSplitValues) +
                  " 个，不能分组");
    }
    m.split = split;
    // The school's 学段 and a ledger field named level are two splits.
    m.text += std::string(split->scope == FieldScope::kGroup ? " by school." : " by ") +
              std::string(split->name);
    op.measure = catalog->Add(std::move(m));
  }
  return out;
}

Result<Formula> CompileFormula(std::string_view source, FormulaKind kind, MeasureCatalog* catalog,
                               ExprError* error, CompileOptions options) {
  ExprError local;
  ExprError* err = error ? error : &local;
  auto parsed = ParseExpression(source, err);
  if (!parsed.ok()) return parsed.status();
  const Expr& e = **parsed;
  Formula f;
  FormulaCompiler fc(catalog, err, options);
  bool ok = false;
  if (kind == FormulaKind::kComparison) {
    if (e.kind != ExprKind::kCompare) {
      ok = fc.Fail(e, "校验规则应为比较式，如 左边 <= 右边");
    } else {
      ok = fc.Compile(*e.args[0], 0, &f) && fc.Compile(*e.args[1], 0, &f);
      f.ops.push_back(FormulaOp{FormulaOp::kCompare, static_cast<std::uint8_t>(e.compare)});
    }
  } else {
    ok = fc.Compile(e, 0, &f);
  }
  if (!ok) return Status::InvalidArgument("bad_formula", DescribeExprError(source, *err));
  return f;
}

}  // namespace eduledger::engine
