// Use cases as an actor: scope, permissions and the register's figures, on the fixture county
// of tests/data (expected values counted by hand from the fixture files).
#include <gtest/gtest.h>

#include "app/register_io.h"
#include "app/register_stats.h"
#include "store/sqlite_store.h"
#include "testing/test_util.h"

namespace eduledger::app {
namespace {

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ =
        std::move(store::OpenSqliteStore(dir_.File("t.db"), {.create_if_missing = true})).value();
    const Actor admin = Actor::LocalAdmin();
    for (auto [kind, file] : {std::pair{ingest::ImportKind::kOrgUnits, "schools.csv"},
                              std::pair{ingest::ImportKind::kStudents, "students.csv"},
                              std::pair{ingest::ImportKind::kStaff, "staff.csv"}}) {
      ImportRequest r;
      r.kind = kind;
      r.path = testing::DataPath(file);
      r.school_year = 2024;
      auto report = ImportRegisterFile(*store_, admin, r);
      ASSERT_TRUE(report.ok() && report->status.ok()) << file;
    }
  }

  testing::TempDir dir_;
  std::unique_ptr<store::SqliteStore> store_;
};

const LevelCount* Level(const RegisterStats& s, meta::EducationLevel level) {
  for (const LevelCount& l : s.by_level) {
    if (l.level == level) return &l;
  }
  return nullptr;
}

TEST_F(AppTest, ComputesTheRegistersFigures) {
  auto s = ComputeRegisterStats(*store_, Actor::LocalAdmin(), 2024, "");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->org_name, "示例县");
  // Five schools in schools.csv, one of them a teaching point (218), one private (民办).
  EXPECT_EQ(s->schools, 4);
  EXPECT_EQ(s->teaching_points, 1);
  EXPECT_EQ(s->private_schools, 1);
  EXPECT_EQ(s->students, 6);
  // 学前: 刘小宝 (中班) and 陈小雨 (大班 at the teaching point); 小学: 张小明, 李小红, 赵小芳;
  // 初中: 王大力. Girls: 陈小雨; 李小红, 赵小芳.
  ASSERT_NE(Level(*s, meta::EducationLevel::kPreschool), nullptr);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPreschool)->students, 2);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPreschool)->female, 1);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPrimary)->students, 3);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPrimary)->female, 2);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPrimary)->teachers, 1);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kJunior)->students, 1);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kJunior)->teachers, 1);
  // 土家族 and 苗族; 留守 ×3; 随迁 ×1; 残疾 ×1; 建档立卡 ×2 (students.csv).
  EXPECT_EQ(s->minority, 2);
  EXPECT_EQ(s->left_behind, 3);
  EXPECT_EQ(s->migrant_children, 1);
  EXPECT_EQ(s->disabled, 1);
  EXPECT_EQ(s->registered_poor, 2);
  EXPECT_EQ(s->staff, 2);
  EXPECT_EQ(s->teachers, 2);
  EXPECT_EQ(s->flow.start(), *core::Date::FromYmd(2023, 9, 1));
}

TEST_F(AppTest, ScopesAnActorToItsSubtree) {
  const Actor clerk{"clerk-7", Role::kCentralReviewer, {"439901200"}, ""};  // 河口乡
  auto s = ComputeRegisterStats(*store_, clerk, 2024, "");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->org_name, "河口乡");
  // 河口乡中心小学 (李小红, 赵小芳) and its teaching point (陈小雨).
  EXPECT_EQ(s->students, 3);
  EXPECT_EQ(s->schools, 1);
  EXPECT_EQ(s->teaching_points, 1);
  // The county and 城关镇 are outside: not found, like a unit that does not exist.
  EXPECT_EQ(ComputeRegisterStats(*store_, clerk, 2024, "城关镇").status().code(),
            core::StatusCode::kNotFound);
  EXPECT_EQ(ComputeRegisterStats(*store_, clerk, 2024, "439901").status().code(),
            core::StatusCode::kNotFound);
}

TEST_F(AppTest, OnlyRolesThatKeepTheRegisterMayImport) {
  ImportRequest r;
  r.kind = ingest::ImportKind::kStudents;
  r.path = testing::DataPath("students.csv");
  r.school_year = 2024;
  const Actor leader{"leader-1", Role::kLeader, {"*"}, ""};
  auto report = ImportRegisterFile(*store_, leader, r);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), core::StatusCode::kPermissionDenied);
}

TEST_F(AppTest, ExportsMaskedNamesAndNumbersForRolesWithoutFullView) {
  const Actor leader{"leader-1", Role::kLeader, {"*"}, ""};
  ExportRequest r;
  r.kind = ingest::ImportKind::kStudents;
  r.path = dir_.File("out.csv");
  auto result = ExportRegisterFile(*store_, leader, r);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->masked);
  EXPECT_EQ(result->rows, 6);
  EXPECT_EQ(result->school_year, 2024);
  const std::string text = testing::ReadFileOrDie(r.path);
  EXPECT_EQ(text.find("439901201605120019"), std::string::npos);
  EXPECT_EQ(text.find("张小明"), std::string::npos);
}

}  // namespace
}  // namespace eduledger::app
