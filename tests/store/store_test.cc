// The Store contract, run on every backend (SQLite today; PostgreSQL joins the same suite).
#include "store/store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/sqlite_store.h"
#include "testing/test_util.h"

namespace eduledger::store {
namespace {

using meta::OrgLevel;

struct Backend {
  std::string name;
  std::function<std::unique_ptr<Store>(const testing::TempDir&)> open;
};

// The found records of a lookup laid out by key index (nullopt where nothing matched).
template <class T>
std::vector<std::optional<T>> ByIndex(std::size_t n, const std::vector<Found<T>>& found) {
  std::vector<std::optional<T>> out(n);
  for (const Found<T>& f : found) {
    EXPECT_LT(f.index, n);
    EXPECT_FALSE(out[f.index]) << "key " << f.index << " matched twice";
    out[f.index] = f.value;
  }
  return out;
}

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { store_ = GetParam().open(dir_); }

  AuditContext Ctx(std::string action = "test.write") {
    return AuditContext{"admin", "bureau_admin", std::move(action), "{}"};
  }

  // A county with two schools: returns {county, primary, junior}.
  std::vector<meta::OrgUnit> MakeCounty() {
    auto txn = store_->Begin(Ctx("org.add"), std::nullopt);
    EXPECT_TRUE(txn.ok()) << txn.status().ToString();
    std::vector<meta::OrgUnit> county(1);
    county[0].code = "439901";
    county[0].name = "示例县";
    county[0].level = OrgLevel::kCounty;
    EXPECT_TRUE(txn->InsertOrgUnits(county).ok());
    std::vector<meta::OrgUnit> schools(2);
    schools[0].code = "2143000001";
    schools[0].name = "示例县第一小学";
    schools[0].school_type = 211;
    schools[1].code = "3143000002";
    schools[1].name = "示例县第一中学";
    schools[1].school_type = 311;
    for (auto& s : schools) s.parent_id = county[0].id;
    EXPECT_TRUE(txn->InsertOrgUnits(schools).ok());
    EXPECT_TRUE(txn->Commit().ok());
    return {county[0], schools[0], schools[1]};
  }

  static meta::Student MakeStudent(std::string id_number, std::string name) {
    meta::Student s;
    s.id_number = std::move(id_number);
    s.student_no = "G" + s.id_number;
    s.name = std::move(name);
    s.sex = core::Sex::kMale;
    s.birth_date = *core::Date::FromYmd(2015, 3, 8);
    s.ethnicity = 1;
    return s;
  }

  testing::TempDir dir_;
  // The students the store holds, read through the engine's scan.
  int StoredStudents() {
    int n = 0;
    EXPECT_TRUE(store_
                    ->ScanStudents([&](const StudentFacts&) {
                      ++n;
                      return core::Status::OK();
                    })
                    .ok());
    return n;
  }

  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, StartsEmpty) {
  EXPECT_EQ(*store_->Version(), 0);
  EXPECT_TRUE(store_->LoadOrgUnits()->empty());
  EXPECT_EQ(StoredStudents(), 0);
}

TEST_P(StoreTest, CommitsRecordsWithOneAuditEntry) {
  const auto county = MakeCounty();
  const auto units = *store_->LoadOrgUnits();
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[1].name, "示例县第一小学");
  EXPECT_EQ(units[1].parent_id, county[0].id);
  EXPECT_EQ(units[1].school_type, 211);

  const auto audit = *store_->RecentAudit(10);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].record.context.action, "org.add");
  EXPECT_EQ(audit[0].record.context.actor, "admin");
  // Three org units with consecutive ids fold into one range.
  ASSERT_EQ(audit[0].record.keys.size(), 1u);
  EXPECT_EQ(audit[0].record.keys[0].entity, "org_unit");
  EXPECT_EQ(audit[0].record.keys[0].last_key - audit[0].record.keys[0].first_key, 2);
  EXPECT_EQ(*store_->Version(), audit[0].id);
}

TEST_P(StoreTest, RollsBackWhatWasNotCommitted) {
  MakeCounty();
  const std::int64_t version = *store_->Version();
  {
    auto txn = store_->Begin(Ctx(), std::nullopt);
    ASSERT_TRUE(txn.ok());
    std::vector<meta::Student> students = {MakeStudent("430102201503080014", "张三")};
    ASSERT_TRUE(txn->InsertStudents(students).ok());
    EXPECT_GT(students[0].id, 0);
  }  // destroyed without Commit
  EXPECT_EQ(StoredStudents(), 0);
  EXPECT_EQ(*store_->Version(), version);
}

TEST_P(StoreTest, FindsStudentsByIdentityAndByStudentNumber) {
  MakeCounty();
  auto txn = store_->Begin(Ctx(), std::nullopt);
  std::vector<meta::Student> students = {MakeStudent("430102201503080014", "张三"),
                                         MakeStudent("430102201503080022", "李四")};
  students[1].student_no = "L430102201503081234";
  ASSERT_TRUE(txn->InsertStudents(students).ok());
  ASSERT_TRUE(txn->Commit().ok());

  std::vector<PersonKey> keys(4);
  keys[0].id_number = "430102201503080022";
  keys[1].id_number = "11010519491231002X";  // not stored
  keys[2].student_no = "G430102201503080014";
  keys[3].id_number = "430102201503080014";
  keys[3].id_type = meta::IdType::kPassport;  // same number, other document type
  std::vector<Found<meta::Student>> sparse;
  ASSERT_TRUE(store_->FindStudents(keys, &sparse).ok());
  EXPECT_EQ(sparse.size(), 2u);
  const auto found = ByIndex(keys.size(), sparse);
  ASSERT_TRUE(found[0]);
  EXPECT_EQ(found[0]->name, "李四");
  EXPECT_EQ(found[0]->student_no, "L430102201503081234");
  EXPECT_EQ(found[0]->birth_date, *core::Date::FromYmd(2015, 3, 8));
  EXPECT_FALSE(found[1]);
  ASSERT_TRUE(found[2]);
  EXPECT_EQ(found[2]->name, "张三");
  EXPECT_FALSE(found[3]);
}

TEST_P(StoreTest, FindsManyStudentsBySortedScan) {
  // Above the scan threshold the lookup reads the table once; the answers must not change.
  MakeCounty();
  std::vector<meta::Student> students;
  for (int i = 0; i < 30000; ++i) {
    // Sequence 100..999 and birth days 1..34 of March 2015 (days > 31 roll into April).
    const core::Date day = core::Date::FromYmd(2015, 3, 1)->AddDays(i / 900);
    char birth[16];
    std::snprintf(birth, sizeof birth, "%04d%02d%02d", day.year(), day.month(), day.day());
    std::string base = std::string("430102") + birth + std::to_string(100 + i % 900);
    base.push_back(core::IdNumber::CheckCharacter(base));
    students.push_back(MakeStudent(base, "学生" + std::to_string(i)));
  }
  auto txn = store_->Begin(Ctx(), std::nullopt);
  ASSERT_TRUE(txn->InsertStudents(students).ok());
  ASSERT_TRUE(txn->Commit().ok());
  std::vector<PersonKey> keys(students.size() + 1);
  for (std::size_t i = 0; i < students.size(); ++i) keys[i].id_number = students[i].id_number;
  keys.back().id_number = "11010519491231002X";
  std::vector<Found<meta::Student>> sparse;
  ASSERT_TRUE(store_->FindStudents(keys, &sparse).ok());
  const auto found = ByIndex(keys.size(), sparse);
  for (std::size_t i = 0; i < students.size(); ++i) {
    ASSERT_TRUE(found[i]) << i;
    EXPECT_EQ(found[i]->id, students[i].id);
  }
  EXPECT_FALSE(found.back());
}

TEST_P(StoreTest, KeepsOneEnrolmentPerStudentYearAndSchool) {
  const auto county = MakeCounty();
  auto txn = store_->Begin(Ctx(), std::nullopt);
  std::vector<meta::Student> students = {MakeStudent("430102201503080014", "张三")};
  ASSERT_TRUE(txn->InsertStudents(students).ok());
  std::vector<meta::Enrolment> e = {{students[0].id, 2024, county[1].id, 3, "2班", 202109, {}}};
  ASSERT_TRUE(txn->InsertEnrolments(e).ok());
  // The same student, year and school again violates the key.
  std::vector<meta::Enrolment> again = {{students[0].id, 2024, county[1].id, 4, "1班", 0, {}}};
  EXPECT_EQ(txn->InsertEnrolments(again).code(), core::StatusCode::kAlreadyExists);
  ASSERT_TRUE(txn->Commit().ok());
  // At another school in the same year (a transfer the import has checked) it is a second
  // record, and an update touches only the record of its school.
  auto txn2 = store_->Begin(Ctx(), std::nullopt);
  std::vector<meta::Enrolment> moved = {
      {students[0].id, 2024, county[2].id, 3, "1班", 202503, *core::Date::FromYmd(2025, 3, 2)}};
  ASSERT_TRUE(txn2->InsertEnrolments(moved).ok());
  moved[0].class_name = "5班";
  ASSERT_TRUE(txn2->UpdateEnrolments(moved).ok());
  ASSERT_TRUE(txn2->Commit().ok());

  std::vector<Found<meta::Enrolment>> found;
  const std::int64_t ids[] = {students[0].id};
  ASSERT_TRUE(store_->FindEnrolments(2024, ids, &found).ok());
  ASSERT_EQ(found.size(), 2u);
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.value.org_unit_id < b.value.org_unit_id; });
  EXPECT_EQ(found[0].index, 0u);
  EXPECT_EQ(found[0].value, e[0]);
  EXPECT_EQ(found[1].value, moved[0]);
  ASSERT_TRUE(store_->FindEnrolments(2023, ids, &found).ok());
  EXPECT_TRUE(found.empty());
}

TEST_P(StoreTest, RejectsAnEnrolmentAtAnUnknownSchool) {
  MakeCounty();
  auto txn = store_->Begin(Ctx(), std::nullopt);
  std::vector<meta::Student> students = {MakeStudent("430102201503080014", "张三")};
  ASSERT_TRUE(txn->InsertStudents(students).ok());
  std::vector<meta::Enrolment> e = {{students[0].id, 2024, 9999, 3, "", 0, {}}};
  EXPECT_FALSE(txn->InsertEnrolments(e).ok());
}

TEST_P(StoreTest, RejectsADuplicateIdNumber) {
  MakeCounty();
  auto txn = store_->Begin(Ctx(), std::nullopt);
  std::vector<meta::Student> students = {MakeStudent("430102201503080014", "张三"),
                                         MakeStudent("430102201503080014", "张三三")};
  students[1].student_no = "L430102201503081234";
  EXPECT_EQ(txn->InsertStudents(students).code(), core::StatusCode::kAlreadyExists);
}

TEST_P(StoreTest, AbortsWhenTheStoreChangedSinceItWasRead) {
  MakeCounty();
  const std::int64_t seen = *store_->Version();
  {
    auto other = store_->Begin(Ctx(), std::nullopt);
    ASSERT_TRUE(other->Commit().ok());
  }
  auto txn = store_->Begin(Ctx(), seen);
  ASSERT_FALSE(txn.ok());
  EXPECT_EQ(txn.status().code(), core::StatusCode::kAborted);
  // The store names no operation of its own: not every writer is an import.
  EXPECT_EQ(txn.status().message().find("导入"), std::string_view::npos) << txn.status().message();
  EXPECT_NE(txn.status().message().find("未写入"), std::string_view::npos);
  EXPECT_TRUE(store_->Begin(Ctx(), *store_->Version()).ok());
}

TEST_P(StoreTest, ListsTheYearsHeldAndWhoIsEnrolledAtASchool) {
  const auto county = MakeCounty();
  auto txn = store_->Begin(Ctx(), std::nullopt);
  std::vector<meta::Student> students = {MakeStudent("430102201503080014", "张三"),
                                         MakeStudent("430102201503080022", "李四"),
                                         MakeStudent("11010519491231002X", "王五")};
  students[1].sex = core::Sex::kFemale;
  ASSERT_TRUE(txn->InsertStudents(students).ok());
  std::vector<meta::Enrolment> e = {{students[0].id, 2024, county[1].id, 3, "", 0, {}},
                                    {students[1].id, 2024, county[1].id, 3, "", 0, {}},
                                    {students[2].id, 2024, county[2].id, 7, "", 0, {}},
                                    {students[2].id, 2023, county[1].id, 6, "", 0, {}}};
  ASSERT_TRUE(txn->InsertEnrolments(e).ok());
  ASSERT_TRUE(txn->Commit().ok());
  std::vector<std::string> names;
  const std::int64_t primary[] = {county[1].id};
  ASSERT_TRUE(store_
                  ->ForEachEnrolled(2024, primary,
                                    [&](const meta::Student& st, const meta::Enrolment& en) {
                                      names.push_back(st.name + std::to_string(en.grade));
                                      return core::Status::OK();
                                    })
                  .ok());
  EXPECT_EQ(names, (std::vector<std::string>{"张三3", "李四3"}));  // 王五 is at the junior school
  EXPECT_EQ(*store_->SchoolYears(), (std::vector<int>{2023, 2024}));
}

// A case is saved with its opening move; a stale copy of it cannot overwrite a newer one, while
// another case moves freely; one origin opens one case in a ledger.
TEST_P(StoreTest, CasesCarryTheirOwnVersionsAndOneOriginOpensOneCase) {
  const auto county = MakeCounty();
  const core::Date day = *core::Date::FromYmd(2026, 3, 2);
  Case a{.ledger = "hazard", .org_unit_id = county[1].id, .state = "found", .opened = day,
         .state_since = day, .fields = R"({"place":"食堂"})", .origin = "check:1"};
  Case b = a;
  b.origin = "check:2";
  {
    auto txn = store_->Begin(Ctx("case.open"), std::nullopt);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(txn->SaveCase(&a).ok());
    ASSERT_TRUE(txn->SaveCase(&b).ok());
    CaseMove opening{.case_id = a.id, .to_state = "found", .day = day};
    ASSERT_TRUE(txn->InsertCaseMove(&opening).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  EXPECT_EQ(a.version, 1);
  const Case stale = a;
  // Someone moves a; then the stale copy's move is refused and nothing of it lands.
  a.state = "rectifying";
  {
    auto txn = store_->Begin(Ctx("case.move"), std::nullopt);
    ASSERT_TRUE(txn->SaveCase(&a).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  EXPECT_EQ(a.version, 2);
  {
    Case late = stale;
    late.state = "closed";
    auto txn = store_->Begin(Ctx("case.move"), std::nullopt);
    const core::Status saved = txn->SaveCase(&late);
    EXPECT_EQ(saved.reason(), "concurrent_write");
  }
  EXPECT_EQ((*store_->FindCase(a.id))->state, "rectifying");
  // b was not touched by a's moves: its version still moves it.
  b.state = "rectifying";
  {
    auto txn = store_->Begin(Ctx("case.move"), std::nullopt);
    ASSERT_TRUE(txn->SaveCase(&b).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  // One origin, one case.
  Case again = a;
  again.id = 0;
  {
    auto txn = store_->Begin(Ctx("case.open"), std::nullopt);
    EXPECT_EQ(txn->SaveCase(&again).reason(), "case_exists");
  }
  const auto found = store_->FindCaseByOrigin("hazard", "check:1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, a.id);
  EXPECT_EQ((*found)->fields, R"({"place":"食堂"})");
  EXPECT_EQ((*found)->opened, day);
  std::vector<std::int64_t> scanned;
  ASSERT_TRUE(store_->ScanCases("hazard", [&](const Case& c) {
    scanned.push_back(c.id);
    return core::Status::OK();
  }).ok());
  EXPECT_EQ(scanned, (std::vector<std::int64_t>{a.id, b.id}));
  const auto moves = store_->ListCaseMoves(a.id);
  ASSERT_EQ(moves->size(), 1u);
  EXPECT_EQ((*moves)[0].actor, "admin");
  EXPECT_EQ((*moves)[0].role, "bureau_admin");
  EXPECT_EQ((*moves)[0].day, day);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreTest,
                         ::testing::Values(Backend{
                             "sqlite",
                             [](const testing::TempDir& dir) {
                               auto store =
                                   OpenSqliteStore(dir.File("t.db"), {.create_if_missing = true});
                               EXPECT_TRUE(store.ok()) << store.status().ToString();
                               return std::unique_ptr<Store>(std::move(store).value());
                             }}),
                         [](const auto& test_info) { return test_info.param.name; });

}  // namespace
}  // namespace eduledger::store
