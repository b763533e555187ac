// The expression parser on hostile input: deep brackets, chains of not and unary minus, bytes
// that are not UTF-8. Each is refused with a message, never by exhausting the stack.
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

TEST(ExprParserTest, BytesThatAreNoUtf8AreRefusedWhereTheyStand) {
  // Found by the expression fuzz target: a name took the stray bytes, and the message quoting
  // the source was no valid UTF-8 (a NUL cut it short when printed).
  const std::string source = std::string("students(level = primar") + '\0' + "\xE0" + "y)";
  ExprError error;
  const auto parsed = ParseExpression(source, &error);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().reason(), "bad_expression");
  EXPECT_EQ(error.offset, 24u);  // the \xE0 after the NUL at 23
  const std::string_view message = parsed.status().message();
  EXPECT_EQ(message.find('\0'), std::string_view::npos);
  // The source shown with the NUL and the stray byte visible, the caret under the stray byte.
  EXPECT_EQ(message, "第 25 个字符: 不是有效的 UTF-8 字符\n  students(level = primar␀�y)\n" +
                         std::string(2 + 24, ' ') + "^");
}

TEST(ExprParserTest, ANulIsAnUnrecognisedCharacterShownAsASymbol) {
  const auto parsed = ParseExpression(std::string("a = ") + '\0');
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("无法识别的字符\n  a = ␀\n      ^"),
            std::string_view::npos)
      << parsed.status().message();
}

}  // namespace
}  // namespace eduledger::engine
