#include "core/zip_reader.h"

#include <zip.h>

#include "core/file.h"

namespace eduledger::core {

namespace {
zip_t* Z(void* p) { return static_cast<zip_t*>(p); }
zip_file_t* F(void* p) { return static_cast<zip_file_t*>(p); }
}  // namespace

Result<ZipReader> ZipReader::Open(const std::string& path) {
  EL_RETURN_IF_ERROR(CheckInputFile(path));  // libzip would block on a FIFO
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) {
    // libzip's texts are English: say what the common cases mean.
    const std::string why = error == ZIP_ER_NOZIP    ? "不是 zip 压缩包"
                            : error == ZIP_ER_INCONS ? "压缩包结构不一致，文件已损坏"
                            : error == ZIP_ER_OPEN   ? "无法打开文件"
                            : error == ZIP_ER_MEMORY ? "内存不足"
                            : error == ZIP_ER_READ   ? "读取失败"
                                                     : "libzip 错误 " + std::to_string(error);
    return Status::InvalidArgument(
        "bad_zip", "无法打开 " + path + "（不是有效的 zip/Office 文件：" + why + "）");
  }
  ZipReader r;
  r.archive_ = archive;
  r.path_ = path;
  return r;
}

ZipReader::ZipReader(ZipReader&& o) noexcept : archive_(o.archive_), path_(std::move(o.path_)) {
  o.archive_ = nullptr;
}

ZipReader& ZipReader::operator=(ZipReader&& o) noexcept {
  if (this != &o) {
    if (archive_) zip_discard(Z(archive_));
    archive_ = o.archive_;
    path_ = std::move(o.path_);
    o.archive_ = nullptr;
  }
  return *this;
}

ZipReader::~ZipReader() {
  if (archive_) zip_discard(Z(archive_));
}

bool ZipReader::Has(std::string_view entry) const {
  return zip_name_locate(Z(archive_), std::string(entry).c_str(), 0) >= 0;
}

Result<ZipReader::Stream> ZipReader::OpenStream(std::string_view entry,
                                                std::uint64_t max_bytes) const {
  const std::string name(entry);
  zip_stat_t st;
  if (zip_stat(Z(archive_), name.c_str(), 0, &st) != 0) {
    return Status::NotFound("missing_entry", path_ + " 中缺少 " + name);
  }
  const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  if (declared > max_bytes) {
    return Status::InvalidArgument("zip_too_large",
                                   path_ + " 中的 " + name + " 解压后过大（" +
                                       std::to_string(declared >> 20) + " MB，上限 " +
                                       std::to_string(max_bytes >> 20) + " MB），已拒绝");
  }
  zip_file_t* file = zip_fopen(Z(archive_), name.c_str(), 0);
  if (file == nullptr) {
    return Status::InvalidArgument("bad_zip", path_ + " 中的 " + name + " 无法解压");
  }
  Stream s;
  s.file_ = file;
  s.name_ = path_ + ":" + name;
  s.size_ = declared;
  s.sized_ = (st.valid & ZIP_STAT_SIZE) != 0;
  s.compressed_ = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  s.limit_ = max_bytes;
  if (Status bound = s.CheckBounds(declared); !bound.ok()) return bound;
  return s;
}

Result<std::string> ZipReader::ReadAll(std::string_view entry) const {
  EL_ASSIGN_OR_RETURN(Stream s, OpenStream(entry, kMaxReadAllBytes));
  std::string out;
  out.resize(static_cast<std::size_t>(s.size()));
  std::size_t filled = 0;
  while (true) {
    if (filled == out.size()) out.resize(out.size() * 2 + 4096);
    EL_ASSIGN_OR_RETURN(const std::size_t n, s.Read(out.data() + filled, out.size() - filled));
    if (n == 0) break;
    filled += n;
  }
  out.resize(filled);
  return out;
}

ZipReader::Stream::Stream(Stream&& o) noexcept
    : file_(o.file_),
      name_(std::move(o.name_)),
      size_(o.size_),
      sized_(o.sized_),
      compressed_(o.compressed_),
      limit_(o.limit_),
      consumed_(o.consumed_) {
  o.file_ = nullptr;
}

ZipReader::Stream& ZipReader::Stream::operator=(Stream&& o) noexcept {
  if (this != &o) {
    if (file_) zip_fclose(F(file_));
    file_ = o.file_;
    name_ = std::move(o.name_);
    size_ = o.size_;
    sized_ = o.sized_;
    compressed_ = o.compressed_;
    limit_ = o.limit_;
    consumed_ = o.consumed_;
    o.file_ = nullptr;
  }
  return *this;
}

ZipReader::Stream::~Stream() {
  if (file_) zip_fclose(F(file_));
}

Result<std::size_t> ZipReader::Stream::Read(char* buf, std::size_t size) {
  const zip_int64_t n = zip_fread(F(file_), buf, size);
  if (n < 0) return Status::InvalidArgument("bad_zip", name_ + " 解压失败（文件已损坏）");
  consumed_ += static_cast<std::uint64_t>(n);
  if (sized_ && consumed_ > size_) {
    return Status::InvalidArgument("bad_zip",
                                   name_ + " 解压出的内容多于文件记录的大小（文件已损坏）");
  }
  EL_RETURN_IF_ERROR(CheckBounds(consumed_));
  return static_cast<std::size_t>(n);
}

Status ZipReader::Stream::CheckBounds(std::uint64_t expanded) const {
  if (expanded > limit_) {
    return Status::InvalidArgument(
        "zip_too_large",
        name_ + " 解压后超过 " + std::to_string(limit_ >> 20) + " MB，已拒绝（文件异常或被篡改）");
  }
  if (compressed_ > 0 && expanded > kRatioFloorBytes && expanded / compressed_ > kMaxRatio) {
    return Status::InvalidArgument(
        "zip_too_large",
        name_ + " 的压缩比异常（超过 " + std::to_string(kMaxRatio) + " 倍），疑似压缩炸弹，已拒绝");
  }
  return Status::OK();
}

}  // namespace eduledger::core
