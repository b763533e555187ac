#include "cli/arguments.h"

#include <string>

namespace eduledger::cli {

void AddKindArgument(CLI::App* cmd, ingest::ImportKind* kind) {
  // The validator runs before the function, which therefore sees a known name.
  cmd->add_option_function<std::string>(
         "kind", [kind](const std::string& value) { *kind = *ingest::ParseImportKind(value); },
         "名单类型：schools、students、enrolments、staff")
      ->required()
      ->type_name("名单类型")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return ingest::ParseImportKind(value)
                       ? ""
                       : "名单类型应为 schools、students、enrolments 或 staff";
          },
          ""));
}

}  // namespace eduledger::cli
