#include "store/audit.h"

#include <gtest/gtest.h>

namespace eduledger::store {
namespace {

TEST(ChangeKindTest, NamesAreStableAndReadBack) {
  EXPECT_EQ(ChangeKindName(ChangeKind::kAdd), "add");
  EXPECT_EQ(ChangeKindName(ChangeKind::kUpdate), "update");
  EXPECT_EQ(ChangeKindName(ChangeKind::kDelete), "delete");
  for (const ChangeKind k : {ChangeKind::kAdd, ChangeKind::kUpdate, ChangeKind::kDelete}) {
    EXPECT_EQ(ChangeKindFromName(ChangeKindName(k)), k);
  }
}

TEST(AuditKeysTest, FoldsConsecutiveKeysIntoRanges) {
  AuditKeys keys;
  for (std::int64_t id = 100; id < 200; ++id) keys.Add("student", ChangeKind::kAdd, 0, id);
  keys.Add("student", ChangeKind::kUpdate, 0, 7);
  keys.Add("student", ChangeKind::kUpdate, 0, 3);
  keys.Add("student", ChangeKind::kUpdate, 0, 4);
  keys.Add("enrolment", ChangeKind::kAdd, 2024, 100);
  keys.Add("enrolment", ChangeKind::kAdd, 2025, 101);
  EXPECT_EQ(keys.count(), 105u);
  // Sorted by entity, change, year: enrolment < student; add < update.
  const std::vector<AuditKeyRange> expected = {
      {"enrolment", ChangeKind::kAdd, 2024, 100, 100},
      {"enrolment", ChangeKind::kAdd, 2025, 101, 101},
      {"student", ChangeKind::kAdd, 0, 100, 199},
      {"student", ChangeKind::kUpdate, 0, 3, 4},
      {"student", ChangeKind::kUpdate, 0, 7, 7},
  };
  EXPECT_EQ(keys.Ranges(), expected);
}

TEST(AuditKeysTest, MergesRangesThatMeetOutOfOrder) {
  AuditKeys keys;
  keys.Add("staff", ChangeKind::kAdd, 0, 5);
  keys.Add("staff", ChangeKind::kAdd, 0, 6);
  keys.Add("staff", ChangeKind::kAdd, 0, 1);
  keys.Add("staff", ChangeKind::kAdd, 0, 2);
  keys.Add("staff", ChangeKind::kAdd, 0, 3);
  keys.Add("staff", ChangeKind::kAdd, 0, 4);
  const std::vector<AuditKeyRange> expected = {{"staff", ChangeKind::kAdd, 0, 1, 6}};
  EXPECT_EQ(keys.Ranges(), expected);
}

}  // namespace
}  // namespace eduledger::store
