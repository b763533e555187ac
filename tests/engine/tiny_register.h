// TinyRegister: a small register built by hand in a temporary SQLite store, for tests whose
// expected figures are worked out by hand from the records they add.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/snapshot.h"
#include "store/sqlite_store.h"
#include "testing/test_util.h"

namespace eduledger::testing {

class TinyRegister {
 public:
  TinyRegister();

  std::int64_t Unit(const std::string& code, meta::OrgLevel level, std::int64_t parent = 0,
                    int school_type = 0);
  std::int64_t Student(core::Sex sex, const std::string& birth, int ethnicity = 1,
                       std::uint32_t flags = 0);
  // `joined`: the day a pupil who arrived during the year joined (empty: on the roll on the
  // snapshot day).
  void Enrol(std::int64_t student, int year, std::int64_t school, int grade,
             const std::string& class_name = "1班", const std::string& joined = "");
  void Event(std::int64_t student, meta::EventType type, const std::string& date,
             std::int64_t school);
  void Teacher(int year, std::int64_t school, meta::EducationLevel level);
  // A programme ledger case; `fields` is its JSON object of stored values.
  std::int64_t Case(const std::string& ledger, std::int64_t org, const std::string& state,
                    const std::string& opened, const std::string& fields);

  // Many cases in one transaction: fn(i, &c) fills case i of n (its ledger, unit, state,
  // opening day and fields); what Case sets besides is set alike.
  void Cases(std::size_t n, const std::function<void(std::size_t, store::Case*)>& fn);

  store::Store& store() { return *store_; }
  // The store's file, for a second connection to it (as another process has).
  std::string path() const { return dir_.File("tiny.db"); }
  std::unique_ptr<engine::Snapshot> Snapshot(const engine::CaseSchema* cases = nullptr);

 private:
  store::Transaction Begin();
  TempDir dir_;
  std::unique_ptr<store::SqliteStore> store_;
  int next_person_ = 1;
};

}  // namespace eduledger::testing
