#include "store/sqlite_internal.h"

namespace eduledger::store::internal {

core::Status SqliteError(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db) & 0xFF;
  std::string message = std::string(what) + "：" + sqlite3_errmsg(db);
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return core::Status::Unavailable("database_busy",
                                       "数据库正被其他进程写入，请稍后重试（" + message + "）");
    case SQLITE_CONSTRAINT:
      return core::Status::AlreadyExists("constraint", message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return core::Status::DataLoss("database_corrupt",
                                    "数据库文件已损坏或不是 EduLedger 数据库（" + message + "）");
    case SQLITE_FULL:
      return core::Status::ResourceExhausted("disk_full", "磁盘已满（" + message + "）");
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return core::Status::Unavailable("cannot_open", message);
    default:
      return core::Status::Internal("sqlite_error", message);
  }
}

core::Status Exec(sqlite3* db, std::string_view sql) {
  const std::string text(sql);
  char* err = nullptr;
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    return SqliteError(db, "执行 SQL 失败");
  }
  return core::Status::OK();
}

core::Result<Stmt> Stmt::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return SqliteError(db, "准备 SQL 失败");
  }
  return Stmt(db, stmt);
}

Stmt& Stmt::Bind(int idx, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), base_ + idx, value);
  return *this;
}

Stmt& Stmt::BindText(int idx, std::string_view value) {
  sqlite3_bind_text(stmt_.get(), base_ + idx, value.data(), static_cast<int>(value.size()),
                    SQLITE_STATIC);
  return *this;
}

Stmt& Stmt::BindTextOrNull(int idx, std::string_view value) {
  return value.empty() ? BindNull(idx) : BindText(idx, value);
}

Stmt& Stmt::BindIdOrNull(int idx, std::int64_t id) {
  return id == 0 ? BindNull(idx) : Bind(idx, id);
}

Stmt& Stmt::BindNull(int idx) {
  sqlite3_bind_null(stmt_.get(), base_ + idx);
  return *this;
}

core::Result<bool> Stmt::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const core::Status s = SqliteError(db_, "执行 SQL 失败");
  sqlite3_reset(stmt_.get());
  return s;
}

core::Status Stmt::Run() {
  auto stepped = Step();
  Reset();
  return stepped.ok() ? core::Status::OK() : stepped.status();
}

void Stmt::Reset() { sqlite3_reset(stmt_.get()); }

std::string_view Stmt::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)))
           : std::string_view();
}

}  // namespace eduledger::store::internal
