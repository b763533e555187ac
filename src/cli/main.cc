// eduledger: the command line of EduLedger (教育台账). Each subcommand is one use case run as
// the local administrator; messages for people are in Chinese, --format json gives the same
// answers for tools, with stable English reason codes.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <exception>
#include <new>

#include "cli/chinese_cli.h"
#include "cli/commands.h"
#include "core/log.h"

int main(int argc, char** argv) {
  using eduledger::cli::CliContext;
  // Past a file-size limit (ulimit -f) a write fails with EFBIG and its error is reported,
  // instead of the process being killed by SIGXFSZ without a word.
  std::signal(SIGXFSZ, SIG_IGN);
  CliContext ctx;
  try {
    CLI::App app{"EduLedger 教育台账：区县教育局的学籍、人事与工作总结数据系统", "eduledger"};
    eduledger::cli::UseChineseHelp(app);
    app.set_help_flag("-h,--help", "显示帮助");
    app.set_help_all_flag("--help-all", "显示全部子命令的帮助");
    app.set_version_flag("--version", "EduLedger 0.1.0", "显示版本");
    app.require_subcommand(1);
    app.fallthrough();
    std::string format = "text";
    CLI::Option* db = app.add_option("--db", ctx.db, "数据库文件（默认 eduledger.db）");
    app.add_option("--format", format,
                   "输出格式：text（默认，table 同）、json，或 csv（只用于 indicators 的指标表）")
        ->check(CLI::IsMember({"text", "table", "json", "csv"}));
    eduledger::cli::AddInitCommand(app, ctx);
    eduledger::cli::AddImportCommand(app, ctx);
    eduledger::cli::AddExportCommand(app, ctx);
    eduledger::cli::AddTemplateCommand(app, ctx);
    eduledger::cli::AddStatsCommand(app, ctx);
    eduledger::cli::AddDemoCommand(app, ctx);
    eduledger::cli::AddCheckReportCommand(app, ctx);
    eduledger::cli::AddIndicatorsCommand(app, ctx);
    eduledger::cli::AddFormsCommands(app, ctx);
    eduledger::cli::AddLedgerCommands(app, ctx);
    eduledger::cli::AddExplainCommand(app, ctx);
    eduledger::cli::AddConfigCommand(app, ctx);
    eduledger::cli::UseChineseGroups(app);
    app.parse_complete_callback([&] {
      // CSV is the indicator table's; no other command prints one table to save.
      if (format == "csv") {
        for (const CLI::App* sub : app.get_subcommands()) {
          if (sub->get_name() != "indicators") {
            throw CLI::ValidationError("--format", "csv 只用于 indicators（指标表）；" +
                                                       sub->get_name() + " 请用 text 或 json");
          }
        }
      }
      ctx.db_given = db->count() > 0;
      ctx.format = format == "json"  ? eduledger::cli::OutputFormat::kJson
                   : format == "csv" ? eduledger::cli::OutputFormat::kCsv
                                     : eduledger::cli::OutputFormat::kText;
    });
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      std::fprintf(stderr,
                   "参数错误：%s\n（用 eduledger --help 或 eduledger <子命令> --help 查看用法）\n",
                   eduledger::cli::ChineseParseError(e, app.remaining()).c_str());
      return eduledger::cli::kExitUsage;
    }
    return ctx.exit_code;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "错误：内存不足\n");
    std::abort();
  } catch (const std::exception& e) {
    eduledger::core::LogLine(eduledger::core::LogLevel::kError, "uncaught_exception")
        .Add("what", e.what());
    std::fprintf(stderr, "内部错误：%s\n", e.what());
    return eduledger::cli::kExitFailure;
  } catch (...) {
    std::fprintf(stderr, "内部错误\n");
    return eduledger::cli::kExitFailure;
  }
}
