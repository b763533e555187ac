#include "core/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/text.h"

namespace eduledger::core {

namespace {

Status CannotRead(const std::string& path, int error_number) {
  return Status::InvalidArgument("cannot_read",
                                 "无法读取文件 " + path + "：" + SystemErrorText(error_number));
}

std::string Megabytes(std::uint64_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

Status TooLarge(const std::string& path, std::uint64_t size, std::uint64_t max_bytes) {
  return Status::InvalidArgument("file_too_large", "文件 " + path + " 过大（" + Megabytes(size) +
                                                       "，上限 " + Megabytes(max_bytes) + "）");
}

// What `st` is when it is not a regular file; "" for a regular file.
std::string_view NotARegularFile(const struct stat& st) {
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISDIR(st.st_mode)) return "这是一个目录";
  if (S_ISFIFO(st.st_mode)) return "这是一个管道（FIFO），不是普通文件";
  if (S_ISSOCK(st.st_mode)) return "这是一个套接字，不是普通文件";
  return "这是一个设备，不是普通文件";
}

// Open `path` for reading without blocking on a FIFO, and check what it is.
Result<int> OpenRegular(const std::string& path, std::uint64_t max_bytes, std::uint64_t* size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return CannotRead(path, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return CannotRead(path, e);
  }
  if (const std::string_view what = NotARegularFile(st); !what.empty()) {
    ::close(fd);
    return Status::InvalidArgument("not_a_file", "无法读取文件 " + path + "：" + std::string(what));
  }
  *size = static_cast<std::uint64_t>(st.st_size);
  if (*size > max_bytes) {
    ::close(fd);
    return TooLarge(path, *size, max_bytes);
  }
  return fd;
}

}  // namespace

Status CheckInputFile(const std::string& path, std::uint64_t max_bytes) {
  std::uint64_t size = 0;
  EL_ASSIGN_OR_RETURN(const int fd, OpenRegular(path, max_bytes, &size));
  ::close(fd);
  return Status::OK();
}

Result<std::string> ReadInputFile(const std::string& path, std::uint64_t max_bytes) {
  std::uint64_t size = 0;
  EL_ASSIGN_OR_RETURN(const int fd, OpenRegular(path, max_bytes, &size));
  std::string out;
  out.resize(static_cast<std::size_t>(size));
  std::size_t filled = 0;
  while (true) {
    if (filled == out.size()) {
      if (out.size() > max_bytes) {
        ::close(fd);
        return TooLarge(path, out.size(), max_bytes);
      }
      out.resize(out.size() + 65536);  // the file grew while it was read
    }
    const ssize_t n = ::read(fd, out.data() + filled, out.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int e = errno;
      ::close(fd);
      return CannotRead(path, e);
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(filled);
  return out;
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

std::string SystemErrorText(int error_number) {
  switch (error_number) {
    case ENOENT:
      return "文件或目录不存在";
    case EACCES:
    case EPERM:
      return "没有权限";
    case EISDIR:
      return "这是一个目录";
    case ENOTDIR:
      return "路径中有一段不是目录";
    case ENAMETOOLONG:
      return "路径过长";
    case ELOOP:
      return "符号链接层数过多";
    case EROFS:
      return "文件系统是只读的";
    case ENOSPC:
      return "磁盘空间已满";
    case EDQUOT:
      return "超出磁盘配额";
    case EFBIG:
      return "文件超过了系统允许的大小";
    case EIO:
      return "读写错误（磁盘或网络存储故障）";
    case EMFILE:
    case ENFILE:
      return "打开的文件过多";
    case ENOMEM:
      return "内存不足";
    case EBUSY:
    case ETXTBSY:
      return "文件正被占用";
    case EEXIST:
      return "文件已存在";
    case EXDEV:
      return "不能跨文件系统移动";
    case EINVAL:
      return "参数无效";
    default:
      return "系统错误（错误号 " + std::to_string(error_number) + "）";
  }
}

std::string_view FileName(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string FileExtension(std::string_view path) {
  const std::string_view name = FileName(path);
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? "" : AsciiLowerCopy(name.substr(dot + 1));
}

}  // namespace eduledger::core
