// EL_CHECK / EL_DCHECK: assertions for programmer errors only. Nothing a user types or imports
// may reach one (DuckDB's D_ASSERT rule). EL_CHECK is always on; EL_DCHECK only without NDEBUG.
#pragma once

namespace eduledger::core {
[[noreturn]] void CheckFailed(const char* condition, const char* file, int line);
}  // namespace eduledger::core

#define EL_CHECK(cond) \
  ((cond) ? static_cast<void>(0) : ::eduledger::core::CheckFailed(#cond, __FILE__, __LINE__))

#ifdef NDEBUG
#define EL_DCHECK(cond) static_cast<void>(0)
#else
#define EL_DCHECK(cond) EL_CHECK(cond)
#endif
