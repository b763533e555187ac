#include "core/text.h"

namespace eduledger::core {

std::string AsciiLowerCopy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::int32_t NextCodePoint(std::string_view text, std::size_t* pos) {
  const std::size_t i = *pos;
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  int len;
  std::int32_t cp;
  std::int32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return -1;
  }
  if (i + len > text.size()) {
    *pos = i + 1;
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return -1;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(std::int32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::vector<CodePointAt> DecodeCodePoints(std::string_view text) {
  std::vector<CodePointAt> out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = pos;
    const std::int32_t cp = NextCodePoint(text, &pos);
    out.push_back(CodePointAt{begin, pos, cp});
  }
  return out;
}

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // ASCII fast path, eight bytes at a time.
    while (pos + 8 <= text.size()) {
      std::uint64_t word;
      __builtin_memcpy(&word, text.data() + pos, 8);
      if (word & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    const std::size_t start = pos;
    if (NextCodePoint(text, &pos) < 0) return start;
  }
  return std::string_view::npos;
}

namespace {
bool IsSpaceAt(std::string_view text, std::size_t pos, std::size_t* len) {
  const char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (text.substr(pos).starts_with("\xE3\x80\x80")) {  // U+3000
    *len = 3;
    return true;
  }
  if (text.substr(pos).starts_with("\xC2\xA0")) {  // U+00A0
    *len = 2;
    return true;
  }
  return false;
}
}  // namespace

std::string_view TrimSpace(std::string_view text) {
  std::size_t len = 0;
  while (!text.empty() && IsSpaceAt(text, 0, &len)) text.remove_prefix(len);
  while (!text.empty()) {
    const char last = text.back();
    if (last == ' ' || last == '\t' || last == '\r' || last == '\n' || last == '\f' ||
        last == '\v') {
      text.remove_suffix(1);
    } else if (text.ends_with("\xE3\x80\x80")) {
      text.remove_suffix(3);
    } else if (text.ends_with("\xC2\xA0")) {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

bool HasFullWidthForms(std::string_view text) {
  // U+FF01..U+FF5E are EF BC 81..EF BD 9E; U+3000 is E3 80 80.
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xEF) {
      const auto n = static_cast<unsigned char>(text[i + 1]);
      if (n == 0xBC || n == 0xBD) return true;
    } else if (c == 0xE3 && text[i + 1] == '\x80' && text[i + 2] == '\x80') {
      return true;
    }
  }
  return false;
}

namespace {
// `text` rewritten code point by code point: `map(cp, bytes, &out)` appends what stands for
// each (cp -1 for a byte that is not UTF-8, `bytes` the code point as written).
template <class Map>
std::string MapCodePoints(std::string_view text, Map map) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const std::int32_t cp = NextCodePoint(text, &pos);
    map(cp, text.substr(start, pos - start), &out);
  }
  return out;
}
}  // namespace

std::string FoldFullWidth(std::string_view text) {
  if (!HasFullWidthForms(text)) return std::string(text);
  return MapCodePoints(text, [](std::int32_t cp, std::string_view bytes, std::string* out) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out->push_back(static_cast<char>(cp - 0xFF01 + 0x21));
    } else if (cp == 0x3000) {
      out->push_back(' ');
    } else {
      out->append(bytes);
    }
  });
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string_view Utf8Prefix(std::string_view text, std::size_t code_points) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == code_points) {
      return text.substr(0, i);
    }
  }
  return text;
}

namespace {
bool IsWide(std::int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}
}  // namespace

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::int32_t cp = NextCodePoint(text, &pos);
    width += IsWide(cp) ? 2 : 1;
  }
  return width;
}

std::string VisibleText(std::string_view text) {
  return MapCodePoints(text, [](std::int32_t cp, std::string_view bytes, std::string* out) {
    if (cp >= 0x20 && cp != 0x7F) {
      out->append(bytes);
    } else {
      *out += cp == 0 ? "␀" : cp == '\n' ? "↵" : cp == '\r' ? "␍" : cp == '\t' ? "⇥" : "�";
    }
  });
}

std::size_t LineOfOffset(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) line += text[i] == '\n';
  return line;
}

std::int64_t ParseRecordId(std::string_view text) {
  std::int64_t id = 0;
  for (const char c : text) {
    if (!IsAsciiDigit(c) || id > (INT64_MAX - 9) / 10) return 0;
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace eduledger::core
