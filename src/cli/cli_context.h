// What every command shares: the global options, the actor the CLI acts as, and the one place
// that turns a Status into output and an exit code.
//
//   exit  meaning
//   0     done
//   1     the input was read but rejected (an import with bad rows; a summary with errors)
//   2     bad usage, or an input that cannot be read (missing file, wrong format or header)
//   3     the store failed (busy, damaged, full disk) or an internal error
#pragma once

#include <memory>
#include <string>

#include "app/actor.h"
#include "core/result.h"
#include "core/status.h"
#include "store/store.h"

namespace eduledger::cli {

enum class OutputFormat { kText, kJson, kCsv };  // kCsv: tables only; text elsewhere

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

struct CliContext {
  std::string db = "eduledger.db";
  bool db_given = false;  // --db was on the command line
  OutputFormat format = OutputFormat::kText;
  app::Actor actor = app::Actor::LocalAdmin();
  int exit_code = kExitOk;

  bool json() const { return format == OutputFormat::kJson; }
  // Open the store of --db (`create`: make a missing file) and take the home unit the commands
  // default to from its settings (app/settings.h).
  core::Result<std::unique_ptr<store::Store>> OpenStore(bool create);
  // Print `status` to stderr (as JSON with --format json) and set the exit code for it.
  void Fail(const core::Status& status);
};

// The exit code for a non-OK status (see the table above).
int ExitCodeFor(const core::Status& status);

}  // namespace eduledger::cli
