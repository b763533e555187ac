#include "cli/arguments.h"

#include "ingest/import.h"

namespace eduledger::cli {

void AddKindArgument(CLI::App* cmd, std::string* kind) {
  cmd->add_option("kind", *kind, "名单类型：schools、students、enrolments、staff")
      ->required()
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return ingest::ParseImportKind(value) ? ""
                                                  : "名单类型应为 schools、students、enrolments 或 staff";
          },
          "KIND"));
}

}  // namespace eduledger::cli
