// Result<T>: a value of type T, or the non-OK Status that explains why there is none (Arrow's
// Result, Abseil's StatusOr). Building a Result from an OK status is a programmer error and
// aborts. Returned Results may not be ignored.
#pragma once

#include <cstdlib>
#include <optional>
#include <utility>

#include "core/check.h"
#include "core/status.h"

namespace eduledger::core {

template <class T>
class [[nodiscard]] Result {
 public:
  // A Result is made from a value or an error; `return {}` cannot make one by accident.
  Result(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    EL_CHECK(!status_.ok());
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const& { return status_; }
  Status status() && { return std::move(status_); }

  // The value; calling these on an error is a programmer error and aborts.
  const T& value() const& { return EL_CHECK(ok()), *value_; }
  T& value() & { return EL_CHECK(ok()), *value_; }
  T&& value() && { return EL_CHECK(ok()), std::move(*value_); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  // The value, or `fallback` when this holds an error.
  T value_or(T fallback) const& { return ok() ? *value_ : std::move(fallback); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace eduledger::core

#define EL_CONCAT_INNER_(a, b) a##b
#define EL_CONCAT_(a, b) EL_CONCAT_INNER_(a, b)

// Evaluate `rexpr` (a Result<T>); on error return its Status, else move its value into `lhs`,
// which may be a declaration (`auto x`). Expands to several statements: use inside braces.
#define EL_ASSIGN_OR_RETURN(lhs, rexpr) \
  EL_ASSIGN_OR_RETURN_IMPL_(EL_CONCAT_(el_result_, __LINE__), lhs, rexpr)
#define EL_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                              \
  if (!tmp.ok()) return std::move(tmp).status();   \
  lhs = std::move(tmp).value()
