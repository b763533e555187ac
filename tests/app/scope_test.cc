// Which org unit a request means when it names none (Scope::Resolve), and the home unit kept
// in the store's settings (app/settings.h).
#include <gtest/gtest.h>

#include "app/actor.h"
#include "app/settings.h"
#include "engine/tiny_register.h"

namespace eduledger::app {
namespace {

using meta::OrgLevel;

class ScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    province_ = reg_.Unit("430000", OrgLevel::kProvince);
    city_ = reg_.Unit("439000", OrgLevel::kCity, province_);
    county_ = reg_.Unit("439001", OrgLevel::kCounty, city_);
    town_ = reg_.Unit("439001001", OrgLevel::kTownship, county_);
    reg_.Unit("2143900101", OrgLevel::kSchool, town_, 211);
  }
  meta::OrgTree Tree() { return meta::OrgTree(*reg_.store().LoadOrgUnits()); }
  std::string Resolved(const Actor& actor, std::string_view org = "") {
    const meta::OrgTree tree = Tree();
    auto u = Scope(actor, tree).Resolve(org);
    return u.ok() ? (*u)->code : std::string(u.status().reason());
  }

  testing::TinyRegister reg_;
  std::int64_t province_ = 0, city_ = 0, county_ = 0, town_ = 0;
};

TEST_F(ScopeTest, NamingNoUnitMeansTheOneCountyNotTheProvince) {
  EXPECT_EQ(Resolved(Actor::LocalAdmin()), "439001");
  // A second county: which one is meant must be said.
  reg_.Unit("439002", OrgLevel::kCounty, city_);
  EXPECT_EQ(Resolved(Actor::LocalAdmin()), "choose_org_unit");
  // A township's reviewer means the township.
  const Actor reviewer{"r", Role::kCentralReviewer, {"439001001"}, ""};
  EXPECT_EQ(Resolved(reviewer), "439001001");
  // A city's leader sees two counties and must choose; a unit outside the scope is unknown.
  const Actor city{"c", Role::kLeader, {"439000"}, ""};
  EXPECT_EQ(Resolved(city), "choose_org_unit");
  EXPECT_EQ(Resolved(reviewer, "439002"), "unknown_org_unit");
}

TEST_F(ScopeTest, TheHomeUnitSettingDecidesAndIsKeptByCode) {
  reg_.Unit("439002", OrgLevel::kCounty, city_);
  const Actor admin = Actor::LocalAdmin();
  ASSERT_TRUE(PutSetting(reg_.store(), admin, "home_org", "单位439002").ok());
  auto settings = ListSettings(reg_.store());
  ASSERT_TRUE(settings.ok());
  ASSERT_EQ(settings->size(), 1u);
  EXPECT_EQ((*settings)[0].value, "439002");  // the name was given, the code is kept
  auto home = WithHomeUnit(reg_.store(), admin);
  ASSERT_TRUE(home.ok());
  EXPECT_EQ(Resolved(*home), "439002");
  EXPECT_EQ(Resolved(*home, "439001"), "439001");  // naming a unit still wins
  // Removing it brings back the question.
  ASSERT_TRUE(PutSetting(reg_.store(), admin, "home_org", "").ok());
  EXPECT_EQ(Resolved(*WithHomeUnit(reg_.store(), admin)), "choose_org_unit");
}

TEST_F(ScopeTest, SettingsRefuseUnknownKeysUnitsAndReaders) {
  const Actor admin = Actor::LocalAdmin();
  EXPECT_EQ(PutSetting(reg_.store(), admin, "home", "439001").reason(), "unknown_setting");
  EXPECT_EQ(PutSetting(reg_.store(), admin, "home_org", "999999").code(),
            core::StatusCode::kNotFound);
  const Actor leader{"l", Role::kLeader, {"*"}, ""};
  EXPECT_EQ(PutSetting(reg_.store(), leader, "home_org", "439001").code(),
            core::StatusCode::kPermissionDenied);
  EXPECT_TRUE((*ListSettings(reg_.store()))[0].value.empty());  // nothing was written
}

}  // namespace
}  // namespace eduledger::app
