#include "core/log.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace eduledger::core {

namespace {

struct LogState {
  std::mutex mutex;
  std::function<void(std::string_view)> sink;
  LogLevel level = LogLevel::kWarning;
};

LogLevel LevelFromEnv() {
  const char* env = std::getenv("EDULEDGER_LOG_LEVEL");
  if (env == nullptr) return LogLevel::kWarning;
  const std::string_view v(env);
  if (v == "debug") return LogLevel::kDebug;
  if (v == "info") return LogLevel::kInfo;
  if (v == "error") return LogLevel::kError;
  return LogLevel::kWarning;
}

LogState& State() {
  static LogState* state = [] {
    auto* s = new LogState;
    s->level = LevelFromEnv();
    return s;
  }();
  return *state;
}

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "?";
}

void AppendValue(std::string_view value, std::string* out) {
  bool plain = !value.empty();
  for (const char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\n' || c == '\t') plain = false;
  }
  if (plain) {
    out->append(value);
    return;
  }
  out->push_back('"');
  for (const char c : value) {
    if (c == '"' || c == '\\') out->push_back('\\');
    out->push_back(c == '\n' ? ' ' : c);
  }
  out->push_back('"');
}

}  // namespace

void SetLogLevel(LogLevel level) {
  std::lock_guard lock(State().mutex);
  State().level = level;
}

LogLevel GetLogLevel() {
  std::lock_guard lock(State().mutex);
  return State().level;
}

void SetLogSink(std::function<void(std::string_view)> sink) {
  std::lock_guard lock(State().mutex);
  State().sink = std::move(sink);
}

LogLine::LogLine(LogLevel level, std::string_view event) : enabled_(level >= GetLogLevel()) {
  if (!enabled_) return;
  line_ = "level=";
  line_ += LevelName(level);
  line_ += " event=";
  AppendValue(event, &line_);
}

LogLine::~LogLine() {
  if (!enabled_) return;
  std::lock_guard lock(State().mutex);
  if (State().sink) {
    State().sink(line_);
  } else {
    line_.push_back('\n');
    std::fwrite(line_.data(), 1, line_.size(), stderr);
  }
}

LogLine& LogLine::Add(std::string_view key, std::string_view value) {
  if (!enabled_) return *this;
  line_.push_back(' ');
  line_.append(key);
  line_.push_back('=');
  AppendValue(value, &line_);
  return *this;
}

LogLine& LogLine::Add(std::string_view key, std::int64_t value) {
  return Add(key, std::string_view(std::to_string(value)));
}

LogLine& LogLine::Add(std::string_view key, double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  return Add(key, std::string_view(buf));
}

}  // namespace eduledger::core
