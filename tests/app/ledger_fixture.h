// A county with one township and two of its primary schools, the shipped package, and the
// people who work its ledgers: the tests of the ledgers and of their import start here.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>

#include "app/actor.h"
#include "app/metadata.h"
#include "app/shipped_package.h"
#include "core/date.h"
#include "engine/tiny_register.h"

namespace eduledger::testing {

inline core::Date Day(int y, int m, int d) { return *core::Date::FromYmd(y, m, d); }

class LedgerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    md_ = ShippedPackage();
    ASSERT_NE(md_, nullptr);
    county_ = reg_.Unit("439901", meta::OrgLevel::kCounty);
    town_ = reg_.Unit("439901001", meta::OrgLevel::kTownship, county_);
    a_ = reg_.Unit("2143990001", meta::OrgLevel::kSchool, town_, 211);
    b_ = reg_.Unit("2143990002", meta::OrgLevel::kSchool, town_, 211);
  }

  TinyRegister reg_;
  std::unique_ptr<app::Metadata> md_;
  std::int64_t county_ = 0, town_ = 0, a_ = 0, b_ = 0;
  app::Actor clerk_a_{"clerk-a", app::Role::kSchoolClerk, {"2143990001"}, "2143990001"};
  app::Actor clerk_b_{"clerk-b", app::Role::kSchoolClerk, {"2143990002"}, "2143990002"};
  app::Actor reviewer_{"town", app::Role::kCentralReviewer, {"439901001"}, "439901001"};
  app::Actor leader_{"leader", app::Role::kLeader, {"*"}, ""};
};

}  // namespace eduledger::testing
