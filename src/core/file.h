// Files: read a whole file (memory-mapped when large), write one atomically. Errors name the
// path and the system's reason (InvalidArgument "cannot_read", Unavailable "cannot_write").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::core {

// The bytes of a file, read-only, mapped into memory. Move-only; unmaps on destruction.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);
  MappedFile() = default;  // no file: empty bytes

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {data_, size_}; }
  // Tell the kernel the bytes [0, end) will not be read again, so their pages can leave
  // memory (they are read back from the file if they are touched after all).
  void Release(std::size_t end);

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
  std::size_t released_ = 0;
};

Result<std::string> ReadFile(const std::string& path);

// Write `bytes` to `path` through a temporary file in the same directory and a rename, so a
// reader never sees half a file.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace eduledger::core
