// Files: the input files a person names (imports, summaries, packages) read whole and bounded,
// the parts of a path, and the system's reasons in Chinese. Errors name the path
// (InvalidArgument "cannot_read", "not_a_file", "file_too_large").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::core {

// The largest input file read (an import of a province's roll is far below it).
inline constexpr std::uint64_t kMaxInputBytes = std::uint64_t{2} << 30;

// OK when `path` names a regular file of at most `max_bytes` that can be opened for reading.
// Anything else is refused before a reader opens it: a FIFO would block forever, a device
// never ends, a directory has no bytes.
Status CheckInputFile(const std::string& path, std::uint64_t max_bytes = kMaxInputBytes);

// The bytes of the regular file at `path`, read into memory. Reading, not mapping: a file
// truncated or rewritten while it is read gives its bytes or an error, never a fault. A file
// that grows past `max_bytes` while it is read is refused too.
Result<std::string> ReadInputFile(const std::string& path,
                                  std::uint64_t max_bytes = kMaxInputBytes);

// True when `a` and `b` name the same existing file (the same device and inode: through
// links, relative paths and different spellings alike).
bool SameFile(const std::string& a, const std::string& b);

// The reason of a system error number in Chinese: "文件不存在", "没有权限", "磁盘已满" …
std::string SystemErrorText(int error_number);

// The extension of the file name in `path`, without its dot, in ASCII lower case: "xlsx" for
// "学生名单.XLSX"; "" for "README" and for "v1.2/notes".
std::string FileExtension(std::string_view path);
// The file name in `path`, without its directories: "学生.csv" for "/tmp/in/学生.csv".
std::string_view FileName(std::string_view path);

}  // namespace eduledger::core
