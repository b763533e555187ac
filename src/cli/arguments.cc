#include "cli/arguments.h"

#include <string>

namespace eduledger::cli {

void AddKindArgument(CLI::App* cmd, ingest::ImportKind* kind) {
  // The validator runs before the function, which therefore sees a known name.
  cmd->add_option_function<std::string>(
         "kind", [kind](const std::string& value) { *kind = *ingest::ParseImportKind(value); },
         "名单类型：schools（学校）、students（学生）、enrolments（在校登记）、staff（教职工）、"
         "events（学籍异动）")
      ->required()
      ->type_name("名单类型")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return ingest::ParseImportKind(value)
                       ? ""
                       : "名单类型应为 schools、students、enrolments、staff 或 events";
          },
          ""));
}

}  // namespace eduledger::cli
