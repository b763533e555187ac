#include "app/store_open.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

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

core::Status RemoveStore(const std::string& location) {
  for (const std::string suffix : {"", "-wal", "-shm"}) {
    const std::string path = location + suffix;
    if (std::remove(path.c_str()) != 0 && errno != ENOENT) {
      return core::Status::Unavailable("cannot_remove",
                                       "无法删除 " + path + "：" + std::strerror(errno));
    }
  }
  return core::Status::OK();
}

}  // namespace eduledger::app
