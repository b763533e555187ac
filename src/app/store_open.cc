#include "app/store_open.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "core/file.h"
#include "store/sqlite_store.h"

namespace eduledger::app {

core::Result<std::unique_ptr<store::Store>> OpenStore(const std::string& location, bool create) {
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    return core::Status::Unavailable("postgres_not_built",
                                     "此版本尚未包含 PostgreSQL 存储，请使用 SQLite 数据库文件");
  }
  EL_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(location, {.create_if_missing = create}));
  return std::unique_ptr<store::Store>(std::move(store));
}

namespace {

core::Status RemoveFiles(const std::string& location, bool with_database) {
  for (const std::string suffix : {"", "-wal", "-shm", "-journal"}) {
    if (suffix.empty() && !with_database) continue;
    const std::string path = location + suffix;
    if (std::remove(path.c_str()) != 0 && errno != ENOENT) {
      return core::Status::Unavailable("cannot_remove",
                                       "无法删除 " + path + "：" + core::SystemErrorText(errno));
    }
  }
  return core::Status::OK();
}

}  // namespace

core::Status RemoveStore(const std::string& location) { return RemoveFiles(location, true); }

std::string BuildingLocation(const std::string& location) { return location + ".building"; }

core::Status MoveStoreInto(const std::string& built, const std::string& location) {
  // The old store's journal must not be applied to the new file.
  EL_RETURN_IF_ERROR(RemoveFiles(location, false));
  if (std::rename(built.c_str(), location.c_str()) != 0) {
    return core::Status::Unavailable(
        "cannot_write", "无法把新数据库移到 " + location + "：" + core::SystemErrorText(errno));
  }
  return RemoveFiles(built, false);
}

}  // namespace eduledger::app
