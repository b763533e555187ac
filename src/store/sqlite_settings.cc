// The installation's settings in the SQLite store: one row per key.
#include "store/sqlite_store_impl_internal.h"

namespace eduledger::store {

using core::Result;
using core::Status;

Result<std::vector<Setting>> SqliteStore::LoadSettings() {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached("SELECT key, value FROM settings ORDER BY key"));
  std::vector<Setting> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out.push_back(Setting{std::string(row.Text(0)), std::string(row.Text(1))});
    return Status::OK();
  }));
  return out;
}

namespace internal {

Status PutSetting(SqliteStore::Impl& store, std::string_view key, std::string_view value) {
  EL_ASSIGN_OR_RETURN(Stmt * st,
                      store.Cached(value.empty() ? "DELETE FROM settings WHERE key = ?1"
                                                 : "INSERT INTO settings (key, value) VALUES "
                                                   "(?1, ?2) ON CONFLICT (key) DO UPDATE SET "
                                                   "value = excluded.value"));
  st->BindText(1, key);
  if (!value.empty()) st->BindText(2, value);
  return st->Run();
}

}  // namespace internal

}  // namespace eduledger::store
