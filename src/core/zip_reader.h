// ZipReader: read entries of a zip archive (XLSX and DOCX are zips of XML), whole or streamed
// in chunks. Errors name the archive and the entry. Move-only; closes the archive on
// destruction. Not safe to share between threads.
//
// An uploaded archive is hostile until read: an entry is refused ("zip_too_large") when it
// expands past kMaxEntryBytes, or past kMaxReadAllBytes when read whole, or when it expands
// more than kMaxRatio times its compressed size beyond kRatioFloorBytes (a zip bomb). The
// bounds hold for the bytes really produced, not only for the sizes the archive declares.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::core {

class ZipReader {
 public:
  static constexpr std::uint64_t kMaxEntryBytes = std::uint64_t{1} << 30;
  static constexpr std::uint64_t kMaxReadAllBytes = std::uint64_t{256} << 20;
  static constexpr std::uint64_t kMaxRatio = 200;
  static constexpr std::uint64_t kRatioFloorBytes = std::uint64_t{32} << 20;

  // Open an archive; a missing file or one that is not a zip is InvalidArgument "bad_zip".
  static Result<ZipReader> Open(const std::string& path);
  ZipReader(ZipReader&&) noexcept;
  ZipReader& operator=(ZipReader&&) noexcept;
  ~ZipReader();

  bool Has(std::string_view entry) const;
  // The whole uncompressed entry; a missing one is NotFound "missing_entry".
  Result<std::string> ReadAll(std::string_view entry) const;

  // A streamed entry: Read fills `buf` and returns how many bytes, 0 at the end.
  class Stream {
   public:
    Stream(Stream&&) noexcept;
    Stream& operator=(Stream&&) noexcept;
    ~Stream();
    Result<std::size_t> Read(char* buf, std::size_t size);
    // The uncompressed size the archive records. An entry that expands past it is damaged
    // (Read refuses it), so consumed() never exceeds it.
    std::uint64_t size() const { return size_; }
    std::uint64_t consumed() const { return consumed_; }

   private:
    friend class ZipReader;
    Stream() = default;
    // Refuse `expanded` bytes of output past the limit or the ratio.
    Status CheckBounds(std::uint64_t expanded) const;
    void* file_ = nullptr;  // zip_file_t*
    std::string name_;
    std::uint64_t size_ = 0;
    bool sized_ = false;  // the archive records the uncompressed size
    std::uint64_t compressed_ = 0;
    std::uint64_t limit_ = kMaxEntryBytes;
    std::uint64_t consumed_ = 0;
  };
  Result<Stream> OpenStream(std::string_view entry, std::uint64_t max_bytes = kMaxEntryBytes) const;

 private:
  ZipReader() = default;
  void* archive_ = nullptr;  // zip_t*
  std::string path_;
};

}  // namespace eduledger::core
