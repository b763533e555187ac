// Helpers shared by the test suites: a temporary directory removed at the end of the test,
// the path of a fixture under tests/data, the path of the built CLI, and running it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eduledger::testing {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// tests/data/<name> (EDULEDGER_TEST_DATA overrides the source tree's).
std::string DataPath(std::string_view name);
// The eduledger binary (EDULEDGER_BIN overrides the one this build made).
std::string BinaryPath();

void WriteFile(const std::string& path, std::string_view bytes);
std::string ReadFileOrDie(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Run `args` (argv[0] is the program) with the given environment additions, wait for it and
// collect its output.
CommandResult RunCommand(const std::vector<std::string>& args);

// Start `args` without waiting; its output is discarded. Returns the child's pid.
int SpawnCommand(const std::vector<std::string>& args);
// Wait for a spawned child; returns its exit code, or 128 + the signal that ended it.
int WaitCommand(int pid);

}  // namespace eduledger::testing
