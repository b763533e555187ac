// The one logger: `key=value` lines on stderr (or a sink set for tests), e.g.
//   level=info event=import kind=students rows=31982 rejected=3 ms=412
// Values with spaces or quotes are quoted. Personal data (names, ID numbers, student numbers,
// phone numbers) must never be passed here: log internal keys (student_id=48213) instead.
// Safe to use from several threads; lines are written whole.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace eduledger::core {

enum class LogLevel : unsigned char { kDebug, kInfo, kWarning, kError };

// Lines below `level` are dropped. The default is kWarning, or EDULEDGER_LOG_LEVEL
// (debug|info|warning|error) when set.
void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();
// Send every line to `sink` instead of stderr; an empty function restores stderr.
void SetLogSink(std::function<void(std::string_view line)> sink);

// One log line, written when it goes out of scope:
//   LogLine(LogLevel::kInfo, "import").Add("rows", n).Add("ms", ms);
class LogLine {
 public:
  LogLine(LogLevel level, std::string_view event);
  ~LogLine();
  LogLine(const LogLine&) = delete;
  LogLine& operator=(const LogLine&) = delete;

  LogLine& Add(std::string_view key, std::string_view value);
  LogLine& Add(std::string_view key, const char* value) {
    return Add(key, std::string_view(value));
  }
  LogLine& Add(std::string_view key, std::int64_t value);
  LogLine& Add(std::string_view key, int value) { return Add(key, std::int64_t{value}); }
  LogLine& Add(std::string_view key, std::size_t value) {
    return Add(key, static_cast<std::int64_t>(value));
  }
  LogLine& Add(std::string_view key, double value);

 private:
  bool enabled_;
  std::string line_;
};

}  // namespace eduledger::core
