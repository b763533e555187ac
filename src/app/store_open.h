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

// Remove the SQLite file at `location` with its WAL and shared-memory files (demo --force).
core::Status RemoveStore(const std::string& location);

}  // namespace eduledger::app
