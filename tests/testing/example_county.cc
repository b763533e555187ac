#include "testing/example_county.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>

namespace eduledger::testing {
namespace {

namespace fs = std::filesystem;

// FNV-1a over everything the county depends on: the arguments, and the size and modification
// time of the binary and of every file of the shipped packages (read by the binary at run time).
class Fingerprint {
 public:
  void Add(std::string_view bytes) {
    for (unsigned char c : bytes) hash_ = (hash_ ^ c) * 1099511628211ull;
    hash_ = (hash_ ^ 0xff) * 1099511628211ull;  // a separator, so that "ab","c" ≠ "a","bc"
  }
  void AddFile(const fs::path& path) {
    std::error_code ec;
    Add(path.string());
    Add(std::to_string(fs::file_size(path, ec)));
    Add(std::to_string(fs::last_write_time(path, ec).time_since_epoch().count()));
  }
  std::string Hex() const {
    char text[17];
    std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(hash_));
    return text;
  }

 private:
  std::uint64_t hash_ = 14695981039346656037ull;
};

std::string CacheDirectory() {
  const char* dir = std::getenv("EDULEDGER_TEST_CACHE");
  return dir ? dir : EDULEDGER_TEST_CACHE_DIR;
}

// An exclusive lock on `path`, held while the object lives.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT, 0644)) {
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_;
};

}  // namespace

std::string ExampleCounty(const TempDir& dir, const std::vector<std::string>& demo_args) {
  Fingerprint print;
  for (const auto& arg : demo_args) print.Add(arg);
  print.AddFile(BinaryPath());
  std::error_code ec;
  for (const auto& entry :
       fs::recursive_directory_iterator(std::string(EDULEDGER_SOURCE_DIR) + "/packages", ec)) {
    if (entry.is_regular_file()) print.AddFile(entry.path());
  }
  const std::string cache = CacheDirectory();
  fs::create_directories(cache, ec);
  const std::string made = cache + "/county-" + print.Hex() + ".db";
  {
    FileLock lock(made + ".lock");
    if (!lock.held()) {
      ADD_FAILURE() << "cannot lock " << made << ".lock";
      return "";
    }
    if (!fs::exists(made)) {
      // Made under another name and renamed, so that a demo killed halfway leaves nothing
      // that a later test would take for the county.
      const std::string partial = made + ".partial";
      fs::remove(partial, ec);
      std::vector<std::string> args = {BinaryPath(), "--db", partial, "demo"};
      args.insert(args.end(), demo_args.begin(), demo_args.end());
      const auto r = RunCommand(args);
      if (r.exit_code != 0) {
        ADD_FAILURE() << "eduledger demo failed (" << r.exit_code << "): " << r.err;
        return "";
      }
      if (fs::exists(partial + "-wal") && fs::file_size(partial + "-wal", ec) > 0) {
        ADD_FAILURE() << "eduledger demo left a write-ahead log beside " << partial;
        return "";
      }
      fs::rename(partial, made);
    }
  }
  const std::string copy = dir.File("demo.db");
  fs::copy_file(made, copy, fs::copy_options::overwrite_existing);
  return copy;
}

}  // namespace eduledger::testing
