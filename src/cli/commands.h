// The subcommands of eduledger, each registered on the CLI11 app with its options and help.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace eduledger::cli {

void AddInitCommand(CLI::App& app, CliContext& ctx);
void AddImportCommand(CLI::App& app, CliContext& ctx);
void AddExportCommand(CLI::App& app, CliContext& ctx);
void AddTemplateCommand(CLI::App& app, CliContext& ctx);
void AddStatsCommand(CLI::App& app, CliContext& ctx);
void AddDemoCommand(CLI::App& app, CliContext& ctx);
void AddCheckReportCommand(CLI::App& app, CliContext& ctx);
void AddIndicatorsCommand(CLI::App& app, CliContext& ctx);
// forms, submit, approve, return, reopen, validate, changes
void AddFormsCommands(CLI::App& app, CliContext& ctx);
void AddExplainCommand(CLI::App& app, CliContext& ctx);
// ledger types, list, show, add, move, log
void AddLedgerCommands(CLI::App& app, CliContext& ctx);
void AddConfigCommand(CLI::App& app, CliContext& ctx);

}  // namespace eduledger::cli
