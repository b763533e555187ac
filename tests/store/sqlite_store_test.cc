// What only the SQLite backend has: the file, its migrations and its failure modes.
#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include "testing/db_dump.h"
#include "testing/test_util.h"

namespace eduledger::store {
namespace {

// Two students, written through the store; returns the store.
std::unique_ptr<SqliteStore> TwoStudents(const std::string& path) {
  auto store = std::move(OpenSqliteStore(path, {.create_if_missing = true})).value();
  auto txn = store->Begin({"admin", "bureau_admin", "test", "{}"}, std::nullopt);
  std::vector<meta::Student> students(2);
  for (int i = 0; i < 2; ++i) {
    students[i].id_number = i == 0 ? "430102201503080014" : "430102201503080022";
    students[i].name = i == 0 ? "张三" : "李四";
    students[i].birth_date = *core::Date::FromYmd(2015, 3, 8);
  }
  EXPECT_TRUE(txn->InsertStudents(students).ok());
  EXPECT_TRUE(txn->Commit().ok());
  return store;
}

TEST(SqliteStoreTest, AScanStoppedByItsCallbackStartsAfreshNextTime) {
  testing::TempDir dir;
  auto store = TwoStudents(dir.File("t.db"));
  const core::Status stop = core::Status::Aborted("stop", "停");
  EXPECT_EQ(store->ScanStudents([&](const StudentFacts&) { return stop; }).reason(), "stop");
  // The cached statement was reset: the next scan sees both rows, not the one left.
  int rows = 0;
  ASSERT_TRUE(store
                  ->ScanStudents([&](const StudentFacts&) {
                    ++rows;
                    return core::Status::OK();
                  })
                  .ok());
  EXPECT_EQ(rows, 2);
}

TEST(SqliteStoreTest, ACorruptStoredDateIsAnErrorNotAnEmptyDate) {
  testing::TempDir dir;
  const std::string path = dir.File("t.db");
  TwoStudents(path).reset();
  testing::ExecSql(path, "UPDATE students SET birth_date = '2015-13-45' WHERE name = '李四'");
  auto store = std::move(OpenSqliteStore(path, {})).value();
  const core::Status scan =
      store->ScanStudents([](const StudentFacts&) { return core::Status::OK(); });
  EXPECT_EQ(scan.reason(), "corrupt_value") << scan.ToString();
  const PersonKey keys[] = {{meta::IdType::kResidentId, "430102201503080022", ""}};
  std::vector<Found<meta::Student>> found;
  const core::Status find = store->FindStudents(keys, &found);
  EXPECT_EQ(find.reason(), "corrupt_value") << find.ToString();
  EXPECT_NE(find.message().find("2015-13-45"), std::string_view::npos);
}

TEST(SqliteStoreTest, MigratesAnEmptyFileToTheLatestSchema) {
  testing::TempDir dir;
  auto store = OpenSqliteStore(dir.File("new.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->SchemaVersion(), LatestSqliteSchemaVersion());
  EXPECT_EQ(testing::QueryScalar(dir.File("new.db"), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(testing::QueryScalar(dir.File("new.db"), "SELECT count(*) FROM schema_migrations"),
            std::to_string(LatestSqliteSchemaVersion()));
}

TEST(SqliteStoreTest, MigratesAnExistingFileKeepingItsData) {
  testing::TempDir dir;
  const std::string path = dir.File("old.db");
  {
    auto v1 = OpenSqliteStore(path, {.create_if_missing = true, .migrate_to = 1});
    ASSERT_TRUE(v1.ok());
    EXPECT_EQ(*(*v1)->SchemaVersion(), 1);
  }
  // Data written by a version-1 program.
  testing::ExecSql(
      path,
      "INSERT INTO org_units (id, code, name, level) VALUES (1, '439901', '示例县', 3);"
      "INSERT INTO students (id, id_type, id_number, name) "
      "VALUES (7, '1', '430102201503080014', '张三');");
  const std::string before = testing::DumpDatabase(path);
  EXPECT_EQ(testing::QueryScalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'staff'"),
            "0");

  auto latest = OpenSqliteStore(path);
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_EQ(*(*latest)->SchemaVersion(), LatestSqliteSchemaVersion());
  const auto units = *(*latest)->LoadOrgUnits();
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].name, "示例县");
  int students = 0;
  ASSERT_TRUE((*latest)
                  ->ScanStudents([&](const StudentFacts&) {
                    ++students;
                    return core::Status::OK();
                  })
                  .ok());
  EXPECT_EQ(students, 1);
  // The new tables work: a write with its audit entry commits.
  auto txn = (*latest)->Begin({"admin", "bureau_admin", "test", "{}"}, std::nullopt);
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(testing::QueryScalar(path, "SELECT count(*) FROM audit_log"), "1");
  // Reopening runs nothing more.
  latest->reset();
  const std::string migrated = testing::DumpDatabase(path);
  auto again = OpenSqliteStore(path);
  ASSERT_TRUE(again.ok());
  again->reset();
  EXPECT_EQ(testing::DumpDatabase(path), migrated);
  EXPECT_NE(before, migrated);
}

TEST(SqliteStoreTest, RefusesAFileFromANewerProgram) {
  testing::TempDir dir;
  const std::string path = dir.File("new.db");
  ASSERT_TRUE(OpenSqliteStore(path, {.create_if_missing = true}).ok());
  testing::ExecSql(path, "INSERT INTO schema_migrations (version, name) VALUES (99, 'future')");
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().reason(), "schema_too_new");
}

TEST(SqliteStoreTest, RefusesAMissingFileUnlessAskedToCreateIt) {
  testing::TempDir dir;
  auto store = OpenSqliteStore(dir.File("absent.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), core::StatusCode::kNotFound);
  EXPECT_EQ(store.status().reason(), "database_missing");
}

TEST(SqliteStoreTest, RefusesFilesThatAreNotEduLedgerDatabases) {
  testing::TempDir dir;
  const std::string text = dir.File("notes.db");
  testing::WriteFile(text,
                     "这不是数据库，只是一段文字。这不是数据库，只是一段文字。这不是数据库。\n"
                     "this is not a database at all, it is text long enough to read a header\n");
  auto a = OpenSqliteStore(text);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), core::StatusCode::kDataLoss);

  const std::string other = dir.File("other.db");
  testing::WriteFile(other, "");
  testing::ExecSql(other, "CREATE TABLE t (x)");
  auto b = OpenSqliteStore(other);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().reason(), "not_eduledger_database");
}

}  // namespace
}  // namespace eduledger::store
