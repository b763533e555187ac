// Text decoding for files people bring: UTF-8 with or without a byte-order mark, GB18030 (and
// its subsets GBK and GB2312, what Excel on Chinese Windows saves), and UTF-16 with a BOM
// (Excel's "Unicode text"). Everything inside EduLedger is UTF-8.
//
//   bytes at start      encoding
//   EF BB BF            UTF-8, BOM stripped
//   84 31 95 33         GB18030 (U+FEFF in GB18030), BOM stripped
//   FF FE / FE FF       UTF-16 LE / BE, BOM stripped
//   none, valid UTF-8   UTF-8
//   none, otherwise     GB18030, unless the text is plainly UTF-8 with a few broken bytes:
//                       then it is rejected with the line of the first bad byte, never
//                       decoded into mojibake.
//
// Invalid input is an InvalidArgument "bad_encoding" naming the line and byte offset.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::core {

enum class Encoding { kUtf8, kUtf8Bom, kGb18030, kGb18030Bom, kUtf16Le, kUtf16Be };

// "UTF-8", "UTF-8 BOM", "GB18030", "GB18030 BOM", "UTF-16LE", "UTF-16BE".
std::string_view EncodingName(Encoding encoding);

// Decoded text. `text` points into `storage`, or into the caller's input when no conversion
// was needed (plain UTF-8): the input must then outlive it.
struct DecodedText {
  std::string storage;
  std::string_view text;
  Encoding encoding = Encoding::kUtf8;
};

// Detect the encoding of `bytes` as in the table above and return it as UTF-8.
Result<DecodedText> DecodeText(std::string_view bytes);

// Convert UTF-8 to GB18030 (for files written for old Excel, and for tests).
Result<std::string> EncodeGb18030(std::string_view utf8);

}  // namespace eduledger::core
