#include "store/sqlite_internal.h"

#include <limits>

#include "core/log.h"

namespace eduledger::store::internal {

core::Status SqliteError(sqlite3* db, std::string_view what) {
  // SQLite's own texts are English: the message says in Chinese what the code means, and
  // the log keeps SQLite's words for whoever runs the system.
  const int extended = sqlite3_extended_errcode(db);
  const int code = extended & 0xFF;
  core::LogLine(core::LogLevel::kInfo, "sqlite_error")
      .Add("code", extended)
      .Add("what", sqlite3_errmsg(db));
  const std::string head = std::string(what) + "：";
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return core::Status::Unavailable("database_busy",
                                       head + "数据库正被其他程序写入，请稍后重试");
    case SQLITE_CONSTRAINT:
      return core::Status::AlreadyExists("constraint", head + "与已有数据冲突（约束）");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return core::Status::DataLoss("database_corrupt",
                                    head + "数据库文件已损坏或不是 EduLedger 数据库");
    case SQLITE_FULL:
      return core::Status::ResourceExhausted("disk_full", head + "磁盘已满");
    case SQLITE_READONLY:
      return core::Status::Unavailable("read_only_store", head + "数据库是只读的（没有写权限）");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return core::Status::Unavailable(
          "cannot_open", head + "无法打开数据库文件（文件或所在目录没有读写权限，或路径不存在）");
    case SQLITE_IOERR:
      return core::Status::Unavailable("cannot_open",
                                       head + "读写数据库文件出错（磁盘或存储故障）");
    case SQLITE_NOMEM:
      return core::Status::ResourceExhausted("out_of_memory", head + "内存不足");
    default:
      return core::Status::Internal(
          "sqlite_error", head + "数据库内部错误（SQLite 错误 " + std::to_string(extended) + "）");
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
  Note(sqlite3_bind_int64(stmt_.get(), base_ + idx, value));
  return *this;
}

Stmt& Stmt::BindText(int idx, std::string_view value) {
  if (value.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    Note(SQLITE_TOOBIG);
    return *this;
  }
  Note(sqlite3_bind_text(stmt_.get(), base_ + idx, value.data(), static_cast<int>(value.size()),
                         SQLITE_STATIC));
  return *this;
}

Stmt& Stmt::BindTextOrNull(int idx, std::string_view value) {
  return value.empty() ? BindNull(idx) : BindText(idx, value);
}

Stmt& Stmt::BindIdOrNull(int idx, std::int64_t id) {
  return id == 0 ? BindNull(idx) : Bind(idx, id);
}

Stmt& Stmt::BindNull(int idx) {
  Note(sqlite3_bind_null(stmt_.get(), base_ + idx));
  return *this;
}

core::Status Stmt::CheckRead() {
  if (corrupt_.empty()) return core::Status::OK();
  const std::string value = std::move(corrupt_);
  corrupt_.clear();
  Reset();
  return core::Status::DataLoss("corrupt_value", "数据库中有损坏的值“" + value +
                                                     "”（应为日期），数据库文件可能已被改动；"
                                                     "请从备份恢复");
}

core::Result<bool> Stmt::Step() {
  EL_RETURN_IF_ERROR(CheckRead());
  if (bind_rc_ != SQLITE_OK) {
    // A parameter that did not bind (out of range, too big) would run the statement with
    // NULL in its place.
    const int rc = bind_rc_;
    Reset();
    return core::Status::Internal("sqlite_bind",
                                  "数据库参数绑定失败（SQLite 错误 " + std::to_string(rc) + "）");
  }
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

void Stmt::Reset() {
  sqlite3_reset(stmt_.get());
  bind_rc_ = SQLITE_OK;
}

std::string_view Stmt::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)))
           : std::string_view();
}

}  // namespace eduledger::store::internal
