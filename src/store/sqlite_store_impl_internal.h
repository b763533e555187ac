// The SQLite store's connection state, shared by the files that implement SqliteStore
// (sqlite_store.cc: the register; sqlite_collected.cc: collected figures).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sqlite_internal.h"
#include "store/sqlite_store.h"

namespace eduledger::store {

using internal::Stmt;

struct SqliteStore::Impl {
  internal::DbHandle db;
  std::string path;
  bool read_only = false;  // opened without write permission: reads only
  bool in_transaction = false;
  std::unordered_map<std::string, Stmt> statements;

  // The prepared statement for `sql`, prepared on first use and kept.
  core::Result<Stmt*> Cached(const std::string& sql) {
    auto it = statements.find(sql);
    if (it != statements.end()) return &it->second;
    EL_ASSIGN_OR_RETURN(Stmt stmt, Stmt::Prepare(db.get(), sql));
    return &statements.emplace(sql, std::move(stmt)).first->second;
  }

  core::Result<std::int64_t> QueryInt(const std::string& sql) {
    EL_ASSIGN_OR_RETURN(Stmt * s, Cached(sql));
    EL_ASSIGN_OR_RETURN(const bool row, s->Step());
    const std::int64_t v = row && !s->IsNull(0) ? s->Int(0) : 0;
    s->Reset();
    return v;
  }

  core::Status Migrate(int target);

  // Look up `keys` in `table` (students or staff): per key through the unique indexes, or by
  // one scan when there are many. `read` turns a row (columns `cols`) into T.
  template <class T, class Read>
  core::Status FindPeople(std::string_view table, std::string_view cols,
                          std::span<const PersonKey> keys, bool has_student_no, Read read,
                          std::vector<Found<T>>* out);
  // Look up per-year rows of `table` keyed by (`key_col`, school_year).
  template <class T, class Read>
  core::Status FindYearRows(std::string_view table, std::string_view cols, std::string_view key_col,
                            int school_year, std::span<const std::int64_t> ids, Read read,
                            std::vector<Found<T>>* out);
};

namespace internal {

// Run `stmt` (already bound) to the end, calling fn(row) for each row. However it ends (a
// row callback failing included), the statement is reset: a cached statement left mid-step
// would hold its read transaction open and hand the next user a half-read result.
template <class Fn>
core::Status ForEachRow(Stmt& stmt, Fn fn) {
  const ResetOnExit reset(stmt);
  while (true) {
    EL_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    EL_RETURN_IF_ERROR(fn(stmt));
    EL_RETURN_IF_ERROR(stmt.CheckRead());  // a value fn read was corrupt
  }
  return core::Status::OK();
}

// A stored date (NULL: the null date); a corrupt one is noted on the statement (CheckRead).
core::Date ReadDate(const Stmt& s, int col);

// Collected-figure writes (sqlite_collected.cc), for SqliteTransaction.
core::Status SaveSubmission(SqliteStore::Impl& store, Submission* s);
core::Status ReplaceValues(SqliteStore::Impl& store, std::int64_t submission_id,
                           std::span<const DataValue> values);
core::Status InsertValueChanges(SqliteStore::Impl& store, std::span<const ValueChange> changes);
// Programme ledger writes (sqlite_cases.cc).
core::Status SaveCase(SqliteStore::Impl& store, Case* c);
core::Status InsertCaseMove(SqliteStore::Impl& store, CaseMove* m);
core::Status InsertCaseEntry(SqliteStore::Impl& store, CaseEntry* e);
// Settings (sqlite_settings.cc).
core::Status PutSetting(SqliteStore::Impl& store, std::string_view key, std::string_view value);

}  // namespace internal

}  // namespace eduledger::store
