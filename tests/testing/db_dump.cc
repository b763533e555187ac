#include "testing/db_dump.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <vector>

namespace eduledger::testing {

namespace {

struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << path;
    }
  }
  ~Db() { sqlite3_close_v2(db); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
};

std::vector<std::vector<std::string>> Query(sqlite3* db, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "bad SQL: " << sql << ": " << sqlite3_errmsg(db);
    return rows;
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      row.emplace_back(text ? text : "NULL");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  return rows;
}

}  // namespace

std::string DumpDatabase(const std::string& path) {
  Db db(path);
  std::string out;
  for (const auto& table : Query(db.db,
                                 "SELECT name FROM sqlite_master WHERE type = 'table' "
                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
    out += "## " + table[0] + "\n";
    // ORDER BY 1.. over every column gives one canonical order for any table.
    const auto cols = Query(db.db, "SELECT count(*) FROM pragma_table_info('" + table[0] + "')");
    std::string order;
    const int n = std::stoi(cols[0][0]);
    for (int i = 1; i <= n; ++i) order += (i > 1 ? "," : "") + std::to_string(i);
    for (const auto& row : Query(db.db, "SELECT * FROM \"" + table[0] + "\" ORDER BY " + order)) {
      for (const auto& cell : row) out += cell + "|";
      out += "\n";
    }
  }
  return out;
}

std::string QueryScalar(const std::string& path, const std::string& sql) {
  Db db(path);
  const auto rows = Query(db.db, sql);
  return rows.empty() || rows[0].empty() ? "" : rows[0][0];
}

void ExecSql(const std::string& path, const std::string& sql) {
  Db db(path);
  char* err = nullptr;
  if (sqlite3_exec(db.db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    ADD_FAILURE() << "SQL failed: " << sql << ": " << (err ? err : "?");
    sqlite3_free(err);
  }
}

}  // namespace eduledger::testing
