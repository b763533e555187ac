// What the commands that read the metadata and the store share: the --packages option, and
// loading both before the command's work.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/metadata.h"
#include "cli/cli_context.h"

namespace eduledger::cli {

inline void AddPackagesOption(CLI::App* cmd, std::vector<std::string>* packages) {
  cmd->add_option("--packages", *packages,
                  "元数据包目录（可重复；默认随程序安装的 packages/county-bureau）");
}

// Load the metadata and open the store, then run `fn(store, metadata)`; a failure of either is
// the command's.
template <class Fn>
void WithStore(CliContext& ctx, const std::vector<std::string>& packages, Fn fn) {
  auto md = app::Metadata::LoadOrDefault(packages);
  if (!md.ok()) return ctx.Fail(md.status());
  auto store = ctx.OpenStore(false);
  if (!store.ok()) return ctx.Fail(store.status());
  fn(**store, *md);
}

}  // namespace eduledger::cli
