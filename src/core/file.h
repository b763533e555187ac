// Files: read a whole file memory-mapped, and the parts of a path. Errors name the path and
// the system's reason (InvalidArgument "cannot_read").
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

// The extension of the file name in `path`, without its dot, in ASCII lower case: "xlsx" for
// "学生名单.XLSX"; "" for "README" and for "v1.2/notes".
std::string FileExtension(std::string_view path);
// The file name in `path`, without its directories: "学生.csv" for "/tmp/in/学生.csv".
std::string_view FileName(std::string_view path);

}  // namespace eduledger::core
