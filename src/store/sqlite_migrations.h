// The SQLite schema as an ordered list of migrations. Version N's SQL turns a version N-1
// database into version N; each runs in its own transaction and is recorded in
// schema_migrations. Released migrations are never edited: a change is a new migration.
#pragma once

#include <span>
#include <string_view>

namespace eduledger::store::internal {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();

}  // namespace eduledger::store::internal
