// Formula: arithmetic over measures, compiled from an expression into a postfix program and
// evaluated cell by cell. A cell with no value (a zero divisor, a year before the snapshot)
// propagates as "no value" (NaN), never as 0.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/no_value.h"

namespace eduledger::engine {

struct FormulaOp {
  enum Kind : std::uint8_t { kConst, kMeasure, kAdd, kSub, kMul, kDiv, kNeg, kCompare };
  Kind kind = kConst;
  std::uint8_t compare = 0;     // kCompare: a CompareOp; the result is 1 or 0
  std::uint32_t measure = 0;    // kMeasure: index into the measure catalog
  double value = 0;             // kConst
  std::uint8_t years_back = 0;  // kMeasure: read the school year this many years earlier
};

struct Formula {
  std::vector<FormulaOp> ops;  // postfix
  // The measures it reads, each once.
  std::vector<std::uint32_t> Measures() const;
  // The measures it reads with how many school years back it reads them, each pair once.
  struct Read {
    std::uint32_t measure = 0;
    std::uint8_t years_back = 0;
    friend bool operator==(const Read&, const Read&) = default;
  };
  std::vector<Read> Reads() const;
  // Evaluate with `measure_value(op)` giving the value in the cell of the measure a kMeasure
  // op reads (NaN for none). For a comparison, `sides` (when given) receives both sides.
  template <class Fn>
  double Evaluate(Fn measure_value, double* sides = nullptr) const;
  bool empty() const { return ops.empty(); }
};

double ApplyCompare(std::uint8_t compare, double a, double b);

template <class Fn>
double Formula::Evaluate(Fn measure_value, double* sides) const {
  double stack[32];
  int top = 0;
  for (const FormulaOp& op : ops) {
    switch (op.kind) {
      case FormulaOp::kConst:
        stack[top++] = op.value;
        break;
      case FormulaOp::kMeasure:
        stack[top++] = measure_value(op);
        break;
      case FormulaOp::kNeg:
        stack[top - 1] = -stack[top - 1];
        break;
      default: {
        const double b = stack[--top];
        double& a = stack[top - 1];
        switch (op.kind) {
          case FormulaOp::kAdd:
            a += b;
            break;
          case FormulaOp::kSub:
            a -= b;
            break;
          case FormulaOp::kMul:
            a *= b;
            break;
          case FormulaOp::kDiv:
            a = b == 0 ? kNoValue : a / b;
            break;
          default:
            if (sides) {
              sides[0] = a;
              sides[1] = b;
            }
            a = ApplyCompare(op.compare, a, b);
        }
      }
    }
  }
  return top == 1 ? stack[0] : kNoValue;
}

}  // namespace eduledger::engine
