// Fuzz target: an expression of the package language, parsed and compiled. The first byte
// chooses an indicator's arithmetic or a validation rule's comparison, and a stock or a flow.
#include <array>

#include "app/metadata.h"
#include "engine/compile.h"
#include "fuzz/fuzz_target.h"

namespace {

// The collected figures value(…) may read: those of the shipped package.
const eduledger::engine::ValueSchema& Values() {
  static const eduledger::app::Metadata metadata = [] {
    const std::array<std::string, 1> dirs = {std::string(EDULEDGER_SOURCE_DIR) +
                                             "/packages/county-bureau"};
    auto loaded = eduledger::app::Metadata::Load(dirs);
    eduledger::fuzz::Expect(loaded.ok(), "the shipped package must load");
    return std::move(*loaded);
  }();
  return metadata.value_schema();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduledger;
  if (size == 0) return 0;
  const std::string_view source = fuzz::AsText(data + 1, size - 1);
  const engine::FormulaKind kind =
      (data[0] & 1) ? engine::FormulaKind::kComparison : engine::FormulaKind::kArithmetic;
  engine::CompileOptions options;
  options.flow = (data[0] & 2) != 0;
  options.flows_to_date = (data[0] & 4) != 0;

  engine::ExprError parse_error;
  auto parsed = engine::ParseExpression(source, &parse_error);
  if (!parsed.ok()) {
    fuzz::ExpectRefusal(parsed.status(), "parsing an expression");
    fuzz::Expect(parse_error.offset <= source.size(), "a parse error past the end");
  }
  engine::MeasureCatalog catalog(&Values());
  engine::ExprError error;
  auto formula = engine::CompileFormula(source, kind, &catalog, &error, options);
  if (!formula.ok()) {
    fuzz::ExpectRefusal(formula.status(), "compiling an expression");
    fuzz::Expect(error.offset <= source.size(), "a compile error past the end");
    fuzz::Expect(formula.status().reason() != "bad_expression" || !parsed.ok(),
                 "compiling refuses the syntax parsing accepted");
  } else {
    fuzz::Expect(parsed.ok(), "compiling accepts what parsing refused");
  }
  return 0;
}
