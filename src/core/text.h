// UTF-8 text helpers: validation, code-point iteration, trimming (ASCII and the ideographic
// space U+3000), full-width to half-width folding, and display width for terminal tables.
// Invalid UTF-8 is never "repaired" silently: FindInvalidUtf8 says where it starts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eduledger::core {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
std::string AsciiLowerCopy(std::string_view text);

// Classes of code points: ASCII letters; decimal digits, ASCII or full-width (０-９), and
// their values.
inline bool IsAsciiLetterCp(std::int32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}
inline bool IsFullWidthDigitCp(std::int32_t cp) { return cp >= 0xFF10 && cp <= 0xFF19; }
inline bool IsDigitCp(std::int32_t cp) {
  return (cp >= '0' && cp <= '9') || IsFullWidthDigitCp(cp);
}
inline int DigitValueCp(std::int32_t cp) { return IsFullWidthDigitCp(cp) ? cp - 0xFF10 : cp - '0'; }

// Decode the code point at text[*pos] and advance *pos past it. On a malformed or truncated
// sequence, return -1 and advance by one byte.
std::int32_t NextCodePoint(std::string_view text, std::size_t* pos);
// Append the UTF-8 encoding of `cp` (which must be a Unicode scalar value).
void AppendUtf8(std::int32_t cp, std::string* out);

// A code point of a text with its byte range.
struct CodePointAt {
  std::size_t begin;
  std::size_t end;
  std::int32_t cp;  // -1 for a malformed byte
};
// Every code point of `text` with its byte range.
std::vector<CodePointAt> DecodeCodePoints(std::string_view text);

// Return the byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlongs, surrogates and code points above U+10FFFF are malformed), or npos if all is well.
std::size_t FindInvalidUtf8(std::string_view text);
inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

// Strip ASCII whitespace, U+3000 (ideographic space) and U+00A0 from both ends.
std::string_view TrimSpace(std::string_view text);

// True when `text` holds a full-width ASCII form (U+FF01..U+FF5E) or U+3000.
bool HasFullWidthForms(std::string_view text);
// Fold full-width ASCII forms (U+FF01..U+FF5E, U+3000) to their ASCII counterparts:
// "（１２）" becomes "(12)". Other text is copied unchanged.
std::string FoldFullWidth(std::string_view text);

// Count code points (not bytes).
std::size_t CodePointCount(std::string_view text);
// The first `code_points` code points of UTF-8 `text` (all of it when shorter).
std::string_view Utf8Prefix(std::string_view text, std::size_t code_points);
// Terminal columns: 2 for East Asian wide and full-width characters, 1 otherwise.
std::size_t DisplayWidth(std::string_view text);
// `text` as it may be printed inside a message: control characters shown, not obeyed (a NUL
// would end the message there) as ␀ ↵ ␍ ⇥ (others as �), and bytes that are not UTF-8 as �.
std::string VisibleText(std::string_view text);

// A record's number as typed (事项编号, a link's stored id): ASCII digits that fit in 63 bits,
// greater than 0; else 0.
std::int64_t ParseRecordId(std::string_view text);

// 1-based line number of byte `offset` in `text` (counting '\n').
std::size_t LineOfOffset(std::string_view text, std::size_t offset);

}  // namespace eduledger::core
