// The expression parser on hostile nesting: deep brackets, chains of not and unary minus.
// Each is refused with a message, never by exhausting the stack.
#include "engine/expr_parser.h"

#include <gtest/gtest.h>

namespace eduledger::engine {
namespace {

std::string Repeat(std::string_view piece, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

TEST(ExprParserTest, DeepNestingIsRefusedWithAMessage) {
  const std::string brackets = Repeat("(", 8000) + "1" + Repeat(")", 8000);
  const std::string nots = Repeat("not ", 100000) + "a = 1";
  const std::string minuses = Repeat("-", 100000) + "1";
  const std::string calls = Repeat("students(", 5000) + "1" + Repeat(")", 5000);
  for (const std::string* source : {&brackets, &nots, &minuses, &calls}) {
    ExprError error;
    const auto parsed = ParseExpression(*source, &error);
    ASSERT_FALSE(parsed.ok()) << source->substr(0, 20);
    EXPECT_EQ(parsed.status().reason(), "bad_expression");
    EXPECT_NE(error.message.find("嵌套过深"), std::string::npos) << error.message;
  }
}

TEST(ExprParserTest, NestingAsDeepAsARealDefinitionParses) {
  // 40 brackets, 30 nots, 30 minuses: far more than any definition, well under the bound.
  EXPECT_TRUE(ParseExpression(Repeat("(", 40) + "1" + Repeat(")", 40)).ok());
  EXPECT_TRUE(ParseExpression(Repeat("not ", 30) + "a = 1").ok());
  EXPECT_TRUE(ParseExpression(Repeat("-", 30) + "1").ok());
}

}  // namespace
}  // namespace eduledger::engine
