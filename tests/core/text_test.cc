#include "core/text.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

TEST(TextTest, FindsTheFirstInvalidUtf8Byte) {
  EXPECT_TRUE(IsValidUtf8("plain ascii that is longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("中文 \U0001F600"));
  EXPECT_EQ(FindInvalidUtf8("abc\xC0\x80"), 3u);          // overlong NUL
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"), 2u);       // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);     // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("0123456789\xE4\xB8"), 10u);  // truncated at the end
}

TEST(TextTest, TrimsAsciiAndIdeographicSpace) {
  EXPECT_EQ(TrimSpace(" \t张三\u3000\r\n"), "张三");
  EXPECT_EQ(TrimSpace("\u00A0x\u00A0"), "x");
  EXPECT_EQ(TrimSpace("\u3000\u3000"), "");
}

TEST(TextTest, FoldsFullWidthForms) { EXPECT_EQ(FoldFullWidth("（１２）ＡＢ，中"), "(12)AB,中"); }

TEST(TextTest, VisibleTextShowsControlCharactersAndStrayBytes) {
  EXPECT_EQ(VisibleText("张三"), "张三");
  EXPECT_EQ(VisibleText(std::string("a") + '\0' + "b\n\r\tc\x7f"), "a␀b↵␍⇥c�");
  EXPECT_EQ(VisibleText("x\xE0\xFFy"), "x��y");
  EXPECT_EQ(VisibleText("\xE4\xB8"), "��");  // a truncated 中: a stray lead, a stray continuation
}

TEST(TextTest, MeasuresDisplayWidth) {
  EXPECT_EQ(DisplayWidth("ab"), 2u);
  EXPECT_EQ(DisplayWidth("小学"), 4u);
  EXPECT_EQ(DisplayWidth("小学1"), 5u);
  EXPECT_EQ(CodePointCount("小学1"), 3u);
}

TEST(TextTest, RoundTripsCodePoints) {
  std::string out;
  for (std::int32_t cp : {0x41, 0xE9, 0x4E2D, 0x20000}) AppendUtf8(cp, &out);
  std::size_t pos = 0;
  EXPECT_EQ(NextCodePoint(out, &pos), 0x41);
  EXPECT_EQ(NextCodePoint(out, &pos), 0xE9);
  EXPECT_EQ(NextCodePoint(out, &pos), 0x4E2D);
  EXPECT_EQ(NextCodePoint(out, &pos), 0x20000);
  EXPECT_EQ(pos, out.size());
}

}  // namespace
}  // namespace eduledger::core
