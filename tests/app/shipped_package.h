// The package the product ships (packages/county-bureau), loaded for tests that check its
// definitions on a register built by hand.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/metadata.h"

namespace eduledger::testing {

inline std::unique_ptr<app::Metadata> ShippedPackage() {
  const std::string dirs[] = {std::string(EDULEDGER_SOURCE_DIR) + "/packages/county-bureau"};
  auto md = app::Metadata::Load(dirs);
  EXPECT_TRUE(md.ok()) << md.status().message();
  return md.ok() ? std::make_unique<app::Metadata>(std::move(*md)) : nullptr;
}

}  // namespace eduledger::testing
