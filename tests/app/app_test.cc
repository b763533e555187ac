// Use cases as an actor: scope, permissions and the register's figures, on the fixture county
// of tests/data (expected values counted by hand from the fixture files).
#include <gtest/gtest.h>

#include "app/metadata.h"
#include "app/register_io.h"
#include "app/register_stats.h"
#include "shipped_package.h"
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

const LevelFigures* Level(const RegisterStats& s, meta::EducationLevel level) {
  for (const LevelFigures& l : s.by_level) {
    if (l.level == level) return &l;
  }
  return nullptr;
}

double Figure(const RegisterStats& s, std::string_view code) {
  const StatsFigure* f = s.Find(code);
  EXPECT_NE(f, nullptr) << code;
  return f ? f->value : -1;
}

Metadata Shipped() { return std::move(*testing::ShippedPackage()); }

TEST_F(AppTest, ComputesTheRegistersFigures) {
  const Metadata md = Shipped();
  auto s = ComputeRegisterStats(*store_, Actor::LocalAdmin(), md, 2024, "");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->org_name, "示例县");
  // Five schools in schools.csv, one of them a teaching point (218), one private (民办).
  EXPECT_EQ(Figure(*s, "schools"), 4);
  EXPECT_EQ(Figure(*s, "teaching_points"), 1);
  EXPECT_EQ(Figure(*s, "private_schools"), 1);
  EXPECT_EQ(Figure(*s, "students"), 6);
  // 学前: 刘小宝 (中班) and 陈小雨 (大班 at the teaching point); 小学: 张小明, 李小红, 赵小芳;
  // 初中: 王大力. Girls: 陈小雨; 李小红, 赵小芳.
  ASSERT_NE(Level(*s, meta::EducationLevel::kPreschool), nullptr);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPreschool)->students.value, 2);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPreschool)->students.female, 1);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPrimary)->students.value, 3);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPrimary)->students.female, 2);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kPrimary)->teachers.value, 1);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kJunior)->students.value, 1);
  EXPECT_EQ(Level(*s, meta::EducationLevel::kJunior)->teachers.value, 1);
  // One school year is held: who entered a level is not known (no year before to compare
  // with), and nothing is known of the flow window 2023-09-01..2024-08-31.
  EXPECT_FALSE(Level(*s, meta::EducationLevel::kPrimary)->entrants.has_value());
  EXPECT_FALSE(s->Find("transfers_out")->has_value());
  // 土家族 and 苗族; 留守 ×3; 随迁 ×1; 残疾 ×1; 建档立卡 ×2 (students.csv).
  EXPECT_EQ(Figure(*s, "minority_students"), 2);
  EXPECT_EQ(Figure(*s, "left_behind_students"), 3);
  EXPECT_EQ(Figure(*s, "migrant_students"), 1);
  EXPECT_EQ(Figure(*s, "disabled_students"), 1);
  EXPECT_EQ(Figure(*s, "registered_poor_students"), 2);
  EXPECT_EQ(Figure(*s, "staff"), 2);
  EXPECT_EQ(Figure(*s, "fulltime_teachers"), 2);
  EXPECT_EQ(s->flow.start(), *core::Date::FromYmd(2023, 9, 1));
  // By type: 211 ×2 (公办), 218, 311, 111 (民办).
  ASSERT_EQ(s->by_type.size(), 4u);
  EXPECT_EQ(s->by_type[0].type, 111);
  EXPECT_EQ(s->by_type[0].private_count, 1);
  EXPECT_EQ(s->by_type[1].type, 211);
  EXPECT_EQ(s->by_type[1].public_count, 2);
  // A year without records says so.
  EXPECT_EQ(ComputeRegisterStats(*store_, Actor::LocalAdmin(), md, 2030, "").status().reason(),
            "no_such_year");
}

TEST_F(AppTest, ScopesAnActorToItsSubtree) {
  const Metadata md = Shipped();
  const Actor clerk{"clerk-7", Role::kCentralReviewer, {"439901200"}, ""};  // 河口乡
  auto s = ComputeRegisterStats(*store_, clerk, md, 2024, "");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->org_name, "河口乡");
  // 河口乡中心小学 (李小红, 赵小芳) and its teaching point (陈小雨).
  EXPECT_EQ(Figure(*s, "students"), 3);
  EXPECT_EQ(Figure(*s, "schools"), 1);
  EXPECT_EQ(Figure(*s, "teaching_points"), 1);
  // The county and 城关镇 are outside: not found, like a unit that does not exist.
  EXPECT_EQ(ComputeRegisterStats(*store_, clerk, md, 2024, "城关镇").status().code(),
            core::StatusCode::kNotFound);
  EXPECT_EQ(ComputeRegisterStats(*store_, clerk, md, 2024, "439901").status().code(),
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
  r.school_year = 2024;
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
