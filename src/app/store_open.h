// Opening the store a command works on. Today that is a SQLite file; a PostgreSQL location
// ("postgresql://…") will open the server store through the same Store interface.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

// Open the store at `location`; `create` makes a missing SQLite file (init, demo).
core::Result<std::unique_ptr<store::Store>> OpenStore(const std::string& location, bool create);

// Remove the SQLite file at `location` with its WAL and shared-memory files.
core::Status RemoveStore(const std::string& location);

// Where a store that replaces `location` is built (demo --force): beside it, so that the move
// is a rename on the same file system; one left by a killed build is removed by the next.
std::string BuildingLocation(const std::string& location);
// Put the closed, complete store built at `built` in place of `location`, whose old files go.
// The rename is atomic: a process killed at any moment leaves the old store or the new one,
// never a half-built one under `location`.
core::Status MoveStoreInto(const std::string& built, const std::string& location);

}  // namespace eduledger::app
