// The example county for the end-to-end suites, made once per build and not once per test.
// Under ctest every test is a process of its own, and `eduledger demo` takes about fifteen
// seconds, so the suites that only read the county share one made by the binary under test.
#pragma once

#include <string>
#include <vector>

#include "testing/test_util.h"

namespace eduledger::testing {

// A private copy, at dir/demo.db, of the store `eduledger --db X demo <demo_args>` makes. The
// store is made at most once for an argument list, a build of the binary and a state of the
// shipped packages, and kept under the build tree (EDULEDGER_TEST_CACHE overrides where);
// concurrent tests wait for the one that makes it. The copy is the test's to change.
// Returns the copy's path, or "" after reporting a failure of the demo.
std::string ExampleCounty(const TempDir& dir, const std::vector<std::string>& demo_args = {});

}  // namespace eduledger::testing
