#include "core/text_codec.h"

#include <gtest/gtest.h>

namespace eduledger::core {
namespace {

// GB 2312 code points of 中 and 文: D6D0 and CEC4.
constexpr std::string_view kZhongWenGb = "\xD6\xD0\xCE\xC4";
constexpr std::string_view kZhongWenUtf8 = "中文";

TEST(TextCodecTest, PassesPlainUtf8ThroughWithoutCopying) {
  const std::string input = "姓名,性别\n张三,男\n";
  auto decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, Encoding::kUtf8);
  EXPECT_EQ(decoded->text, input);
  EXPECT_EQ(decoded->text.data(), input.data());
}

TEST(TextCodecTest, StripsTheUtf8ByteOrderMark) {
  auto decoded = DecodeText(
      "\xEF\xBB\xBF"
      "中文");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(decoded->text, kZhongWenUtf8);
}

TEST(TextCodecTest, DecodesGb18030TwoAndFourByteSequences) {
  auto decoded = DecodeText(std::string("a,") + std::string(kZhongWenGb) + "\n");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->encoding, Encoding::kGb18030);
  EXPECT_EQ(decoded->text, "a,中文\n");
  // U+20000 (𠀀) is the four-byte sequence 95 32 82 36: linear index 65536 = 5·12600 + 2·1260
  // + 1·10 + 6 over the 0x90/0x30/0x81/0x30 bases.
  auto four = DecodeText(std::string(kZhongWenGb) + "\x95\x32\x82\x36");
  ASSERT_TRUE(four.ok()) << four.status().ToString();
  EXPECT_EQ(four->text, "中文\U00020000");
}

TEST(TextCodecTest, StripsTheGb18030ByteOrderMark) {
  // U+FEFF in GB18030 is the four bytes 84 31 95 33.
  auto decoded = DecodeText(std::string("\x84\x31\x95\x33") + std::string(kZhongWenGb));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->encoding, Encoding::kGb18030Bom);
  EXPECT_EQ(decoded->text, kZhongWenUtf8);
  // The same bytes without the mark read the same.
  EXPECT_EQ(DecodeText(kZhongWenGb)->text, kZhongWenUtf8);
}

TEST(TextCodecTest, DecodesUtf16WithByteOrderMark) {
  // "中a" in UTF-16LE: 2D 4E 61 00.
  auto le = DecodeText(std::string("\xFF\xFE\x2D\x4E\x61\x00", 6));
  ASSERT_TRUE(le.ok());
  EXPECT_EQ(le->encoding, Encoding::kUtf16Le);
  EXPECT_EQ(le->text, "中a");
  auto be = DecodeText(std::string("\xFE\xFF\x4E\x2D\x00\x61", 6));
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->text, "中a");
}

// Some tools save "Unicode text" without the byte-order mark.
std::string Utf16(std::u16string_view text, bool little) {
  std::string out;
  for (const char16_t c : text) {
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += little ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

TEST(TextCodecTest, DecodesUtf16WithoutByteOrderMark) {
  const std::u16string header = u"单位代码,单位名称\r\n439001,示例县\r\n";
  for (const bool little : {true, false}) {
    auto d = DecodeText(Utf16(header, little));
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->encoding, little ? Encoding::kUtf16Le : Encoding::kUtf16Be);
    EXPECT_EQ(d->text, "单位代码,单位名称\r\n439001,示例县\r\n");
  }
  // Chinese text alone has no zero bytes to tell by; plain GB18030 and UTF-8 are not UTF-16.
  EXPECT_EQ(DecodeText("单位代码,单位名称\n")->encoding, Encoding::kUtf8);
}

TEST(TextCodecTest, AnOfficeFileIsNamedForWhatItIs) {
  for (const std::string& bytes : {std::string("PK\x03\x04\x14\x00\x06\x00", 8),
                                   std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)}) {
    auto d = DecodeText(bytes);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.status().reason(), "wrong_format");
    EXPECT_NE(d.status().message().find("不是文本"), std::string_view::npos);
    EXPECT_EQ(d.status().message().find("GB18030"), std::string_view::npos);
  }
}

TEST(TextCodecTest, RejectsTruncatedGb18030AndNamesTheLine) {
  // Line 2 ends in half a character.
  auto decoded = DecodeText(std::string(kZhongWenGb) + "\n" + std::string(kZhongWenGb) + "\xD6");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().reason(), "bad_encoding");
  EXPECT_NE(decoded.status().message().find("第2行"), std::string_view::npos);
}

TEST(TextCodecTest, RejectsBrokenUtf8InsteadOfDecodingMojibake) {
  // Mostly UTF-8 with one stray byte on line 3: no silent GB18030 reading.
  std::string text = "姓名,学校名称\n张三,示例县第一小学\n李四,\xFF示例县第二小学\n";
  auto decoded = DecodeText(text);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().reason(), "bad_encoding");
  EXPECT_NE(decoded.status().message().find("UTF-8"), std::string_view::npos);
  EXPECT_NE(decoded.status().message().find("第3行"), std::string_view::npos);
}

TEST(TextCodecTest, RejectsInvalidUtf8AfterBom) {
  auto decoded = DecodeText(
      "\xEF\xBB\xBF"
      "ab\xC0\x80");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().reason(), "bad_encoding");
}

TEST(TextCodecTest, EncodesGb18030) {
  auto encoded = EncodeGb18030(kZhongWenUtf8);
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(*encoded, kZhongWenGb);
}

}  // namespace
}  // namespace eduledger::core
