#include "engine/count_intersection.h"

#include "engine/expr.h"
#include "engine/expr_parser.h"
#include "engine/row_tables.h"

namespace eduledger::engine {

namespace {

// The call of `source` when it is one count of a table of rows with at most one argument.
ExprPtr SingleCount(std::string_view source) {
  auto parsed = ParseExpression(source);
  if (!parsed.ok()) return nullptr;
  ExprPtr e = std::move(parsed).value();
  if (e->kind != ExprKind::kCall || FindRowTable(e->text) == nullptr || e->args.size() > 1) {
    return nullptr;
  }
  return e;
}

}  // namespace

std::optional<std::string> IntersectCounts(std::string_view a, std::string_view b) {
  const ExprPtr x = SingleCount(a);
  const ExprPtr y = SingleCount(b);
  if (!x || !y || x->text != y->text) return std::nullopt;
  // ToString parenthesizes every operation, so the two filters join without regrouping.
  std::string filter;
  for (const Expr* side : {x.get(), y.get()}) {
    if (side->args.empty()) continue;
    filter += (filter.empty() ? "" : " and ") + ToString(*side->args[0]);
  }
  return x->text + "(" + filter + ")";
}

}  // namespace eduledger::engine
