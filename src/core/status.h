// Status: the outcome of an operation that may fail. An OK status is one null pointer, so
// success costs nothing; an error carries a code (Abseil's canonical subset), a stable English
// reason code for tools ("bad_check_character") and a message for people, in Chinese.
// A Status is a value: copy it, return it, never throw it. Not safe to mutate from two threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace eduledger::core {

enum class StatusCode : std::uint8_t {
  kOk = 0,
  kInvalidArgument,     // the value itself is malformed, whatever the system's state
  kNotFound,            // absent, or outside the caller's org scope (existence stays hidden)
  kAlreadyExists,       // e.g. the same person enrolled twice in one school year
  kFailedPrecondition,  // the system's state forbids it (approving an approved form)
  kPermissionDenied,    // the role may not take this action
  kUnauthenticated,
  kResourceExhausted,
  kAborted,
  kUnavailable,
  kDataLoss,
  kInternal,
};

// Return the canonical upper-case name of `code`, e.g. "INVALID_ARGUMENT".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() noexcept = default;
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;
  ~Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view reason, std::string_view message);
  static Status NotFound(std::string_view reason, std::string_view message);
  static Status AlreadyExists(std::string_view reason, std::string_view message);
  static Status FailedPrecondition(std::string_view reason, std::string_view message);
  static Status PermissionDenied(std::string_view reason, std::string_view message);
  static Status Unauthenticated(std::string_view reason, std::string_view message);
  static Status ResourceExhausted(std::string_view reason, std::string_view message);
  static Status Aborted(std::string_view reason, std::string_view message);
  static Status Unavailable(std::string_view reason, std::string_view message);
  static Status DataLoss(std::string_view reason, std::string_view message);
  static Status Internal(std::string_view reason, std::string_view message);

  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return ok() ? StatusCode::kOk : state_->code; }
  bool Is(StatusCode code) const { return this->code() == code; }
  // The stable English reason code; empty for OK.
  std::string_view reason() const;
  // The message for people; empty for OK.
  std::string_view message() const;

  // Return a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;
  // "OK", or "INVALID_ARGUMENT bad_check_character: 校验码错误".
  std::string ToString() const;

 private:
  struct State {
    StatusCode code;
    std::string reason;
    std::string message;
  };
  Status(StatusCode code, std::string_view reason, std::string_view message);

  std::unique_ptr<State> state_;
};

}  // namespace eduledger::core

// Evaluate `expr` (a Status); if it is not OK, return it from the enclosing function.
#define EL_RETURN_IF_ERROR(expr)                       \
  do {                                                 \
    ::eduledger::core::Status el_status_tmp_ = (expr); \
    if (!el_status_tmp_.ok()) return el_status_tmp_;   \
  } while (false)
