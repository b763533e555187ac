// Expression syntax tree: what expr_parser.h reads from an indicator's numerator or a
// validation rule, before compile.h checks it against the snapshot's fields and data elements.
// Every node keeps the byte offset of its first character, so an error can point at it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace eduledger::engine {

enum class ExprKind : unsigned char {
  kNumber,   // 100, 2.5
  kString,   // "小学"
  kName,     // primary, left_behind, age
  kCall,     // students(…), had(drop_out)
  kNeg,      // -x
  kNot,      // not x
  kArith,    // x + y, x - y, x * y, x / y
  kCompare,  // x = y, x != y, x < y …
  kIn,       // x in (a, b), x not in (a, b)
  kBetween,  // x between a and b, x not between a and b
  kAnd,
  kOr,
};

enum class ArithOp : unsigned char { kAdd, kSub, kMul, kDiv };
enum class CompareOp : unsigned char { kEq, kNe, kLt, kLe, kGt, kGe };

struct Expr {
  ExprKind kind = ExprKind::kNumber;
  std::size_t offset = 0;  // byte offset of the node's first character in the source
  double number = 0;       // kNumber
  std::string text;        // kString, kName, kCall (the function's name)
  ArithOp arith = ArithOp::kAdd;
  CompareOp compare = CompareOp::kEq;
  bool negated = false;  // kIn, kBetween: "not in", "not between"
  // Operands: kNeg/kNot one; kArith/kCompare/kAnd/kOr two; kIn the value then the list;
  // kBetween the value, low, high; kCall its arguments.
  std::vector<std::unique_ptr<Expr>> args;
};

using ExprPtr = std::unique_ptr<Expr>;

// The expression written back as text, fully parenthesized (for tests and messages).
std::string ToString(const Expr& e);

}  // namespace eduledger::engine
