// RAII over the SQLite C API, for the store's use only. A Stmt follows SQLite's life cycle:
// prepare (once) → bind → step → reset → … → finalize (in the destructor). Text bound with
// BindText must outlive the next Step (SQLITE_STATIC: no copy on the hot path).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::store::internal {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbHandle = std::unique_ptr<sqlite3, SqliteCloser>;

// Map the connection's last error to a Status: busy/locked → kUnavailable, constraint →
// kAlreadyExists, corrupt/not-a-db → kDataLoss, full disk → kResourceExhausted, else kInternal.
core::Status SqliteError(sqlite3* db, std::string_view what);

// Run one or more statements that return no rows.
core::Status Exec(sqlite3* db, std::string_view sql);

class Stmt {
 public:
  static core::Result<Stmt> Prepare(sqlite3* db, std::string_view sql);

  Stmt(Stmt&&) noexcept = default;
  Stmt& operator=(Stmt&&) noexcept = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() = default;

  // Parameters are 1-based, as in SQLite. With a parameter base b, Bind(i, …) binds
  // parameter b + i: the row r of a multi-row INSERT binds its columns at base r·columns.
  void SetParameterBase(int base) { base_ = base; }
  Stmt& Bind(int idx, std::int64_t value);
  Stmt& BindText(int idx, std::string_view value);        // SQLITE_STATIC
  Stmt& BindTextOrNull(int idx, std::string_view value);  // NULL when empty
  Stmt& BindIdOrNull(int idx, std::int64_t id);           // NULL when 0 (no row referred to)
  Stmt& BindNull(int idx);

  // Step once: true when a row is ready, false when done.
  core::Result<bool> Step();
  // Step a statement that returns no rows, then reset it for the next use.
  core::Status Run();
  void Reset();

  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
  // Valid until the next Step or Reset.
  std::string_view Text(int col) const;

  // A stored value that cannot be read as its type (a corrupt date): noted by the reader of
  // the row, reported by the next Step as DataLoss "corrupt_value", never read as empty.
  void NoteCorrupt(std::string_view value) const {
    if (corrupt_.empty()) corrupt_ = value.empty() ? "?" : std::string(value.substr(0, 40));
  }
  // DataLoss for a corrupt value noted since the last check (and reset then); OK otherwise.
  core::Status CheckRead();

 private:
  explicit Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void Note(int bind_rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = bind_rc;
  }
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt_;
  int base_ = 0;
  int bind_rc_ = SQLITE_OK;      // the first failed bind since the last reset: Step reports it
  mutable std::string corrupt_;  // the first corrupt value read since the last Step
};

// Resets a statement when it goes out of scope.
class ResetOnExit {
 public:
  explicit ResetOnExit(Stmt& stmt) : stmt_(stmt) {}
  ~ResetOnExit() { stmt_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Stmt& stmt_;
};

}  // namespace eduledger::store::internal
