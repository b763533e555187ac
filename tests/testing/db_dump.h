// A canonical text dump of every table of a SQLite file, read with the raw SQLite API (not
// through the store), so tests can assert that an operation left a database exactly as it was.
#pragma once

#include <cstdint>
#include <string>

namespace eduledger::testing {

// Every row of every table (sorted by table name, rows in primary-key order), one line each.
std::string DumpDatabase(const std::string& path);
// Run one SQL statement on the file and return the first column of the first row as text
// ("" when there is no row). For setting up and peeking in tests.
std::string QueryScalar(const std::string& path, const std::string& sql);
// Run SQL that returns no rows; fails the test on error.
void ExecSql(const std::string& path, const std::string& sql);

}  // namespace eduledger::testing
