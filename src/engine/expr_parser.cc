#include "engine/expr_parser.h"

#include <charconv>
#include <cstdlib>

#include "core/text.h"

namespace eduledger::engine {

using core::Result;
using core::Status;

namespace {

enum class Tok : unsigned char {
  kEnd,
  kNumber,
  kString,
  kName,
  kLParen,
  kRParen,
  kComma,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
  kNot,
  kIn,
  kBetween,
};

struct Token {
  Tok kind = Tok::kEnd;
  std::size_t offset = 0;
  std::string text;  // name or string contents
  double number = 0;
};

bool IsNameByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c >= 0x80;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

constexpr std::string_view kOpenQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseQuote = "\xE2\x80\x9D";  // ”
constexpr std::string_view kFullComma = "\xEF\xBC\x8C";   // ，
constexpr std::string_view kFullLParen = "\xEF\xBC\x88";  // （
constexpr std::string_view kFullRParen = "\xEF\xBC\x89";  // ）

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  // The next token, or false with `error_` set.
  bool Next(Token* t) {
    while (pos_ < src_.size() &&
           (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\n' || src_[pos_] == '\r')) {
      ++pos_;
    }
    *t = Token{};
    t->offset = pos_;
    if (pos_ >= src_.size()) return true;
    const std::string_view rest = src_.substr(pos_);
    const char c = rest[0];
    auto one = [&](Tok k, std::size_t len) {
      t->kind = k;
      pos_ += len;
      return true;
    };
    if (rest.starts_with(kFullLParen)) return one(Tok::kLParen, kFullLParen.size());
    if (rest.starts_with(kFullRParen)) return one(Tok::kRParen, kFullRParen.size());
    if (rest.starts_with(kFullComma)) return one(Tok::kComma, kFullComma.size());
    if (rest.starts_with(kOpenQuote)) return String(t, kOpenQuote.size(), kCloseQuote);
    switch (c) {
      case '(':
        return one(Tok::kLParen, 1);
      case ')':
        return one(Tok::kRParen, 1);
      case ',':
        return one(Tok::kComma, 1);
      case '+':
        return one(Tok::kPlus, 1);
      case '-':
        return one(Tok::kMinus, 1);
      case '*':
        return one(Tok::kStar, 1);
      case '/':
        return one(Tok::kSlash, 1);
      case '=':
        return one(Tok::kEq, rest.starts_with("==") ? 2 : 1);
      case '!':
        if (rest.starts_with("!=")) return one(Tok::kNe, 2);
        return Fail("'!' 后应为 '='");
      case '<':
        if (rest.starts_with("<=")) return one(Tok::kLe, 2);
        if (rest.starts_with("<>")) return one(Tok::kNe, 2);
        return one(Tok::kLt, 1);
      case '>':
        if (rest.starts_with(">=")) return one(Tok::kGe, 2);
        return one(Tok::kGt, 1);
      case '"':
      case '\'':
        return String(t, 1, std::string_view(&rest[0], 1));
      default:
        break;
    }
    if ((c >= '0' && c <= '9') || c == '.') return Number(t);
    if (IsNameByte(static_cast<unsigned char>(c))) return Name(t);
    return Fail("无法识别的字符");
  }

  const ExprError& error() const { return error_; }

 private:
  bool Fail(std::string message) {
    error_ = ExprError{pos_, std::move(message)};
    return false;
  }

  bool String(Token* t, std::size_t open_len, std::string_view close) {
    const std::size_t start = pos_ + open_len;
    const std::size_t end = src_.find(close, start);
    if (end == std::string_view::npos) return Fail("字符串缺少结束引号");
    t->kind = Tok::kString;
    t->text = std::string(src_.substr(start, end - start));
    pos_ = end + close.size();
    return true;
  }

  bool Number(Token* t) {
    std::size_t end = pos_;
    while (end < src_.size() && ((src_[end] >= '0' && src_[end] <= '9') || src_[end] == '.')) {
      ++end;
    }
    double v = 0;
    const auto [p, ec] = std::from_chars(src_.data() + pos_, src_.data() + end, v);
    if (ec != std::errc() || p != src_.data() + end) return Fail("数字格式不对");
    t->kind = Tok::kNumber;
    pos_ = end;
    if (pos_ < src_.size() && src_[pos_] == '%') {
      v /= 100;
      ++pos_;
    }
    t->number = v;
    return true;
  }

  bool Name(Token* t) {
    std::size_t end = pos_;
    while (end < src_.size() && (IsNameByte(static_cast<unsigned char>(src_[end])) ||
                                 // a dot joins two names (student_aid.amount)
                                 (src_[end] == '.' && end + 1 < src_.size() &&
                                  IsNameByte(static_cast<unsigned char>(src_[end + 1])) &&
                                  !(src_[end + 1] >= '0' && src_[end + 1] <= '9')))) {
      // Full-width punctuation is not part of a name.
      const std::string_view at = src_.substr(end);
      if (at.starts_with(kFullLParen) || at.starts_with(kFullRParen) ||
          at.starts_with(kFullComma) || at.starts_with(kOpenQuote)) {
        break;
      }
      ++end;
    }
    const std::string word(src_.substr(pos_, end - pos_));
    const std::string lower = Lower(word);
    pos_ = end;
    if (lower == "and")
      t->kind = Tok::kAnd;
    else if (lower == "or")
      t->kind = Tok::kOr;
    else if (lower == "not")
      t->kind = Tok::kNot;
    else if (lower == "in")
      t->kind = Tok::kIn;
    else if (lower == "between")
      t->kind = Tok::kBetween;
    else {
      t->kind = Tok::kName;
      t->text = word;
    }
    return true;
  }

  std::string_view src_;
  std::size_t pos_ = 0;
  ExprError error_;
};

class Parser {
 public:
  explicit Parser(std::string_view src) : source_(src), lexer_(src) {}

  ExprPtr ParseAll() {
    // Names take any non-ASCII byte: what is not UTF-8 would end up in names and messages.
    if (const std::size_t bad = core::FindInvalidUtf8(source_); bad != std::string_view::npos) {
      error_ = {bad, "不是有效的 UTF-8 字符"};
      failed_ = true;
      return nullptr;
    }
    if (!Advance()) return nullptr;
    if (tok_.kind == Tok::kEnd) return Fail("表达式为空");
    ExprPtr e = Or();
    if (e && tok_.kind != Tok::kEnd) return Fail("多余的内容");
    return e;
  }

  const ExprError& error() const { return error_; }

 private:
  bool Advance() {
    if (!lexer_.Next(&tok_)) {
      error_ = lexer_.error();
      failed_ = true;
      return false;
    }
    return true;
  }

  ExprPtr Fail(std::string message) {
    if (!failed_) error_ = ExprError{tok_.offset, std::move(message)};
    failed_ = true;
    return nullptr;
  }

  bool Expect(Tok kind, std::string_view what) {
    if (tok_.kind != kind) {
      Fail("应为 " + std::string(what));
      return false;
    }
    return Advance();
  }

  static ExprPtr Node(ExprKind kind, std::size_t offset) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->offset = offset;
    return e;
  }

  ExprPtr Binary(ExprKind kind, ExprPtr a, ExprPtr b) {
    auto e = Node(kind, a->offset);
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return e;
  }

  // Every recursion of the grammar (brackets, arguments, not, unary minus) goes a level
  // deeper; past kMaxDepth the expression is refused, so no input can exhaust the stack here
  // or in the passes that walk the tree.
  static constexpr int kMaxDepth = 100;
  class Deeper {
   public:
    explicit Deeper(int* depth) : depth_(depth) { ++*depth_; }
    ~Deeper() { --*depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;
    bool too_deep() const { return *depth_ > kMaxDepth; }

   private:
    int* depth_;
  };
  ExprPtr TooDeep() { return Fail("表达式嵌套过深（超过 " + std::to_string(kMaxDepth) + " 层）"); }

  ExprPtr Or() {
    const Deeper level(&depth_);
    if (level.too_deep()) return TooDeep();
    ExprPtr left = And();
    while (left && tok_.kind == Tok::kOr) {
      if (!Advance()) return nullptr;
      ExprPtr right = And();
      if (!right) return nullptr;
      left = Binary(ExprKind::kOr, std::move(left), std::move(right));
    }
    return left;
  }

  ExprPtr And() {
    ExprPtr left = Not();
    while (left && tok_.kind == Tok::kAnd) {
      if (!Advance()) return nullptr;
      ExprPtr right = Not();
      if (!right) return nullptr;
      left = Binary(ExprKind::kAnd, std::move(left), std::move(right));
    }
    return left;
  }

  ExprPtr Not() {
    if (tok_.kind != Tok::kNot) return Compare();
    const Deeper level(&depth_);
    if (level.too_deep()) return TooDeep();
    auto e = Node(ExprKind::kNot, tok_.offset);
    if (!Advance()) return nullptr;
    ExprPtr operand = Not();
    if (!operand) return nullptr;
    e->args.push_back(std::move(operand));
    return e;
  }

  ExprPtr Compare() {
    ExprPtr left = Sum();
    if (!left) return nullptr;
    bool negated = false;
    if (tok_.kind == Tok::kNot) {
      negated = true;
      if (!Advance()) return nullptr;
      if (tok_.kind != Tok::kIn && tok_.kind != Tok::kBetween) {
        return Fail("'not' 后应为 in 或 between");
      }
    }
    if (tok_.kind == Tok::kIn) {
      auto e = Node(ExprKind::kIn, left->offset);
      e->negated = negated;
      e->args.push_back(std::move(left));
      if (!Advance() || !Expect(Tok::kLParen, "'('")) return nullptr;
      while (true) {
        ExprPtr item = Sum();
        if (!item) return nullptr;
        e->args.push_back(std::move(item));
        if (tok_.kind == Tok::kComma) {
          if (!Advance()) return nullptr;
          continue;
        }
        if (!Expect(Tok::kRParen, "',' 或 ')'")) return nullptr;
        return e;
      }
    }
    if (tok_.kind == Tok::kBetween) {
      auto e = Node(ExprKind::kBetween, left->offset);
      e->negated = negated;
      e->args.push_back(std::move(left));
      if (!Advance()) return nullptr;
      ExprPtr low = Sum();
      if (!low) return nullptr;
      if (!Expect(Tok::kAnd, "and")) return nullptr;
      ExprPtr high = Sum();
      if (!high) return nullptr;
      e->args.push_back(std::move(low));
      e->args.push_back(std::move(high));
      return e;
    }
    CompareOp op;
    switch (tok_.kind) {
      case Tok::kEq:
        op = CompareOp::kEq;
        break;
      case Tok::kNe:
        op = CompareOp::kNe;
        break;
      case Tok::kLt:
        op = CompareOp::kLt;
        break;
      case Tok::kLe:
        op = CompareOp::kLe;
        break;
      case Tok::kGt:
        op = CompareOp::kGt;
        break;
      case Tok::kGe:
        op = CompareOp::kGe;
        break;
      default:
        return left;
    }
    if (!Advance()) return nullptr;
    ExprPtr right = Sum();
    if (!right) return nullptr;
    auto e = Binary(ExprKind::kCompare, std::move(left), std::move(right));
    e->compare = op;
    return e;
  }

  // `operand (op operand)*`, left-associative, for the two operator tokens given.
  ExprPtr Arithmetic(ExprPtr (Parser::*operand)(), Tok first, ArithOp first_op, Tok second,
                     ArithOp second_op) {
    ExprPtr left = (this->*operand)();
    while (left && (tok_.kind == first || tok_.kind == second)) {
      const ArithOp op = tok_.kind == first ? first_op : second_op;
      if (!Advance()) return nullptr;
      ExprPtr right = (this->*operand)();
      if (!right) return nullptr;
      left = Binary(ExprKind::kArith, std::move(left), std::move(right));
      left->arith = op;
    }
    return left;
  }

  ExprPtr Sum() {
    return Arithmetic(&Parser::Product, Tok::kPlus, ArithOp::kAdd, Tok::kMinus, ArithOp::kSub);
  }

  ExprPtr Product() {
    return Arithmetic(&Parser::Unary, Tok::kStar, ArithOp::kMul, Tok::kSlash, ArithOp::kDiv);
  }

  ExprPtr Unary() {
    if (tok_.kind != Tok::kMinus) return Primary();
    const Deeper level(&depth_);
    if (level.too_deep()) return TooDeep();
    auto e = Node(ExprKind::kNeg, tok_.offset);
    if (!Advance()) return nullptr;
    ExprPtr operand = Unary();
    if (!operand) return nullptr;
    e->args.push_back(std::move(operand));
    return e;
  }

  ExprPtr Primary() {
    switch (tok_.kind) {
      case Tok::kNumber: {
        auto e = Node(ExprKind::kNumber, tok_.offset);
        e->number = tok_.number;
        return Advance() ? std::move(e) : nullptr;
      }
      case Tok::kString: {
        auto e = Node(ExprKind::kString, tok_.offset);
        e->text = tok_.text;
        return Advance() ? std::move(e) : nullptr;
      }
      case Tok::kLParen: {
        if (!Advance()) return nullptr;
        ExprPtr inner = Or();
        if (!inner || !Expect(Tok::kRParen, "')'")) return nullptr;
        return inner;
      }
      case Tok::kName:
        return NameOrCall();
      case Tok::kEnd:
        return Fail("表达式不完整");
      default:
        return Fail("此处应为数值、名称或 '('");
    }
  }

  ExprPtr NameOrCall() {
    const std::size_t offset = tok_.offset;
    std::string name = tok_.text;
    if (!Advance()) return nullptr;
    if (tok_.kind != Tok::kLParen) {
      auto e = Node(ExprKind::kName, offset);
      e->text = std::move(name);
      return e;
    }
    auto e = Node(ExprKind::kCall, offset);
    e->text = std::move(name);
    if (!Advance()) return nullptr;
    if (tok_.kind == Tok::kRParen) return Advance() ? std::move(e) : nullptr;
    while (true) {
      ExprPtr arg = Or();
      if (!arg) return nullptr;
      e->args.push_back(std::move(arg));
      if (tok_.kind == Tok::kComma) {
        if (!Advance()) return nullptr;
        continue;
      }
      if (!Expect(Tok::kRParen, "',' 或 ')'")) return nullptr;
      return e;
    }
  }

  std::string_view source_;
  Lexer lexer_;
  Token tok_;
  ExprError error_;
  bool failed_ = false;
  int depth_ = 0;
};

}  // namespace

Result<ExprPtr> ParseExpression(std::string_view source, ExprError* error) {
  Parser p(source);
  ExprPtr e = p.ParseAll();
  if (e) return e;
  if (error) *error = p.error();
  return Status::InvalidArgument("bad_expression", DescribeExprError(source, p.error()));
}

std::size_t CharacterPosition(std::string_view source, std::size_t offset) {
  std::size_t chars = 1;
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars;
}

std::string DescribeExprError(std::string_view source, const ExprError& error) {
  const std::size_t pos = CharacterPosition(source, error.offset);
  // The source as it can be printed (a NUL or a stray byte shown, not obeyed), and the caret
  // under the character, counting wide (CJK) characters as two columns.
  const std::size_t offset = error.offset < source.size() ? error.offset : source.size();
  const std::size_t caret = core::DisplayWidth(core::VisibleText(source.substr(0, offset)));
  return "第 " + std::to_string(pos) + " 个字符: " + error.message + "\n  " +
         core::VisibleText(source) + "\n  " + std::string(caret, ' ') + "^";
}

std::string ToString(const Expr& e) {
  auto arg = [&](std::size_t i) { return ToString(*e.args[i]); };
  switch (e.kind) {
    case ExprKind::kNumber: {
      char buf[32];
      const auto r = std::to_chars(buf, buf + sizeof(buf), e.number);
      return std::string(buf, r.ptr);
    }
    case ExprKind::kString:
      return "\"" + e.text + "\"";
    case ExprKind::kName:
      return e.text;
    case ExprKind::kCall: {
      std::string out = e.text + "(";
      for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + arg(i);
      return out + ")";
    }
    case ExprKind::kNeg:
      return "(-" + arg(0) + ")";
    case ExprKind::kNot:
      return "(not " + arg(0) + ")";
    case ExprKind::kArith: {
      static constexpr std::string_view kOps[] = {" + ", " - ", " * ", " / "};
      return "(" + arg(0) + std::string(kOps[static_cast<int>(e.arith)]) + arg(1) + ")";
    }
    case ExprKind::kCompare: {
      static constexpr std::string_view kOps[] = {" = ", " != ", " < ", " <= ", " > ", " >= "};
      return "(" + arg(0) + std::string(kOps[static_cast<int>(e.compare)]) + arg(1) + ")";
    }
    case ExprKind::kIn: {
      std::string out = "(" + arg(0) + (e.negated ? " not in (" : " in (");
      for (std::size_t i = 1; i < e.args.size(); ++i) out += (i > 1 ? ", " : "") + arg(i);
      return out + "))";
    }
    case ExprKind::kBetween:
      return "(" + arg(0) + (e.negated ? " not between " : " between ") + arg(1) + " and " +
             arg(2) + ")";
    case ExprKind::kAnd:
      return "(" + arg(0) + " and " + arg(1) + ")";
    case ExprKind::kOr:
      return "(" + arg(0) + " or " + arg(1) + ")";
  }
  return {};
}

}  // namespace eduledger::engine
