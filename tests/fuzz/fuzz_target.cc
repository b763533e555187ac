#include "fuzz/fuzz_target.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "core/text.h"
#include "testing/test_util.h"

namespace eduledger::fuzz {

void Expect(bool holds, std::string_view what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz: 不变量被打破：%.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

void ExpectChinese(std::string_view message, std::string_view what) {
  const std::string context(what);
  Expect(core::IsValidUtf8(message), context + ": message is not valid UTF-8");
  bool chinese = false;
  std::size_t pos = 0;
  while (pos < message.size() && !chinese) {
    const std::int32_t cp = core::NextCodePoint(message, &pos);
    chinese = cp >= 0x4E00 && cp <= 0x9FFF;
  }
  Expect(chinese, context + ": message has no Chinese: " + std::string(message));
}

void ExpectRefusal(const core::Status& status, std::string_view what) {
  const std::string context(what);
  Expect(!status.ok(), context + ": a refusal must not be OK");
  Expect(!status.reason().empty(), context + ": a refusal without a reason code");
  ExpectChinese(status.message(), context);
}

const std::string& ScratchDirectory() {
  static const testing::TempDir dir;  // removed when the process exits
  return dir.path();
}

std::string ScratchFile(std::string_view name, std::string_view bytes) {
  const std::string path = ScratchDirectory() + "/" + std::string(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  Expect(out.good(), "cannot write the scratch file " + path);
  return path;
}

}  // namespace eduledger::fuzz
