#include "core/text_codec.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "core/text.h"

namespace eduledger::core {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kGb18030Bom = "\x84\x31\x95\x33";

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

Status BadEncoding(std::string_view what, std::string_view bytes, std::size_t offset) {
  return Status::InvalidArgument(
      "bad_encoding", "第" + std::to_string(LineOfOffset(bytes, offset)) + "行（字节偏移 " +
                          std::to_string(offset) + "）起不是有效的 " + std::string(what) + " 编码");
}

// Convert `in` from `from` to `to` with glibc iconv; errors name the byte offset in `in`.
Result<std::string> Convert(std::string_view in, const char* from, const char* to,
                            std::string_view what, std::size_t growth) {
  const iconv_t raw = iconv_open(to, from);
  if (raw == reinterpret_cast<iconv_t>(-1)) {
    return Status::Internal("iconv_unavailable", std::string("iconv 不支持 ") + from);
  }
  const std::unique_ptr<void, IconvCloser> cd(raw);
  std::string out(in.size() * growth + 16, '\0');
  char* in_ptr = const_cast<char*>(in.data());
  std::size_t in_left = in.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    const std::size_t rc = iconv(raw, &in_ptr, &in_left, &out_ptr, &out_left);
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      const std::size_t used = out.size() - out_left;
      out.resize(out.size() * 2);
      out_ptr = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    // EILSEQ (invalid sequence) or EINVAL (truncated at the end).
    return BadEncoding(what, in, static_cast<std::size_t>(in_ptr - in.data()));
  }
  out.resize(out.size() - out_left);
  return out;
}

// Count well-formed multi-byte UTF-8 sequences and malformed bytes.
void Utf8Census(std::string_view text, std::size_t* multibyte, std::size_t* invalid) {
  *multibyte = 0;
  *invalid = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::int32_t cp = NextCodePoint(text, &pos);
    if (cp < 0) {
      ++*invalid;
    } else {
      ++*multibyte;
    }
  }
}

}  // namespace

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 BOM";
    case Encoding::kGb18030:
      return "GB18030";
    case Encoding::kGb18030Bom:
      return "GB18030 BOM";
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
  }
  return "?";
}

namespace {

// UTF-16 without a byte-order mark, as some tools save "Unicode text": most of the high bytes
// of the first characters are zero (ASCII and digits dominate a table's first line). Returns
// 'L' or 'B' for little or big endian, 0 when the bytes do not look like UTF-16.
char LooksLikeUtf16(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 512) & ~std::size_t{1};
  if (n < 8) return 0;
  std::size_t even_zero = 0, odd_zero = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_zero += bytes[i] == '\0';
    odd_zero += bytes[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs * 3 && even_zero * 10 < pairs) return 'L';
  if (even_zero * 10 >= pairs * 3 && odd_zero * 10 < pairs) return 'B';
  return 0;
}

// What a file is when its bytes are those of another format altogether.
std::string_view OtherFormat(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04"))
    return "这是 XLSX/DOCX 等 Office 文件（zip 压缩包），不是文本：请把扩展名改为 .xlsx，或在 "
           "Excel/WPS 中另存为 CSV";
  if (bytes.starts_with("\xD0\xCF\x11\xE0"))
    return "这是旧版 Excel/Word 文件（.xls/.doc），不是文本：请在 Excel/WPS 中另存为 .xlsx 或 CSV";
  if (bytes.starts_with("%PDF")) return "这是 PDF 文件，不是文本";
  return "";
}

}  // namespace

Result<DecodedText> DecodeText(std::string_view bytes) {
  DecodedText out;
  if (const std::string_view other = OtherFormat(bytes); !other.empty()) {
    return Status::InvalidArgument("wrong_format", std::string(other));
  }
  if (bytes.starts_with(kUtf8Bom)) {
    const std::string_view body = bytes.substr(kUtf8Bom.size());
    const std::size_t bad = FindInvalidUtf8(body);
    if (bad != std::string_view::npos) return BadEncoding("UTF-8", body, bad);
    out.encoding = Encoding::kUtf8Bom;
    out.text = body;
    return out;
  }
  if (bytes.starts_with(kGb18030Bom)) {
    EL_ASSIGN_OR_RETURN(
        out.storage, Convert(bytes.substr(kGb18030Bom.size()), "GB18030", "UTF-8", "GB18030", 2));
    out.encoding = Encoding::kGb18030Bom;
    out.text = out.storage;
    return out;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const bool little = bytes[0] == '\xFF';
    EL_ASSIGN_OR_RETURN(out.storage, Convert(bytes.substr(2), little ? "UTF-16LE" : "UTF-16BE",
                                             "UTF-8", "UTF-16", 2));
    out.encoding = little ? Encoding::kUtf16Le : Encoding::kUtf16Be;
    out.text = out.storage;
    return out;
  }
  if (const char order = LooksLikeUtf16(bytes)) {
    const bool little = order == 'L';
    EL_ASSIGN_OR_RETURN(out.storage, Convert(bytes, little ? "UTF-16LE" : "UTF-16BE", "UTF-8",
                                             "UTF-16（无 BOM）", 2));
    out.encoding = little ? Encoding::kUtf16Le : Encoding::kUtf16Be;
    out.text = out.storage;
    return out;
  }
  const std::size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) {
    out.encoding = Encoding::kUtf8;
    out.text = bytes;
    return out;
  }
  // Plainly UTF-8 with a few broken bytes: say so rather than decode it as GB18030 garbage.
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  Utf8Census(bytes, &multibyte, &invalid);
  if (multibyte >= 4 && invalid * 8 < multibyte) return BadEncoding("UTF-8", bytes, bad);
  EL_ASSIGN_OR_RETURN(out.storage, Convert(bytes, "GB18030", "UTF-8", "GB18030", 2));
  out.encoding = Encoding::kGb18030;
  out.text = out.storage;
  return out;
}

Result<std::string> EncodeGb18030(std::string_view utf8) {
  return Convert(utf8, "UTF-8", "GB18030", "UTF-8", 2);
}

}  // namespace eduledger::core
