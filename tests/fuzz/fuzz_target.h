// What every fuzz target shares. A target is one function, LLVMFuzzerTestOneInput, fed bytes by
// clang's libFuzzer (`make fuzz`) or by the corpus replay driver (replay_main.cc, built with any
// compiler and run by ctest). A target never stops at "it did not crash": it checks what must
// hold of any input (a refusal has a reason and a Chinese message; what is read is valid UTF-8
// and inside its bounds) and aborts with a description when it does not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace eduledger::fuzz {

// Abort with `what` when `holds` is false (libFuzzer saves the input that did it).
void Expect(bool holds, std::string_view what);

// A message a person reads: valid UTF-8 with Chinese in it.
void ExpectChinese(std::string_view message, std::string_view what);

// A refusal as a person reads it: a reason code, and a message in Chinese and valid UTF-8.
void ExpectRefusal(const core::Status& status, std::string_view what);

// Write `bytes` to the file `name` in this process's scratch directory (removed at exit) and
// return its path: for readers that take a path, as the import and the checker do.
std::string ScratchFile(std::string_view name, std::string_view bytes);
// The scratch directory itself.
const std::string& ScratchDirectory();

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace eduledger::fuzz
