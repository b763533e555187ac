// eduledger template KIND -o FILE.xlsx: a blank import template for a school clerk to fill in.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "ingest/import_template.h"

namespace eduledger::cli {

void AddTemplateCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    ingest::ImportKind kind = ingest::ImportKind::kStudents;
    std::string path;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("template",
                                     "生成空白导入模板（XLSX）：列名、填写说明、代码列的下拉列表，"
                                     "证件号列为文本格式，供学校填写后导入");
  AddKindArgument(cmd, &args->kind);
  cmd->add_option("-o,--output", args->path, "输出文件（.xlsx）")->required();
  cmd->callback([&ctx, args] {
    if (core::Status s = ingest::WriteImportTemplate(args->kind, args->path); !s.ok()) {
      return ctx.Fail(s);
    }
    if (ctx.json()) {
      std::printf("%s\n",
                  nlohmann::json{{"file", args->path}, {"kind", ingest::ImportKindName(args->kind)}}
                      .dump(2)
                      .c_str());
      return;
    }
    std::printf("已生成%s导入模板 %s：从第3行起填写，填好后用 eduledger import %s %s 导入\n",
                std::string(ingest::ImportKindLabel(args->kind)).c_str(), args->path.c_str(),
                std::string(ingest::ImportKindName(args->kind)).c_str(), args->path.c_str());
  });
}

}  // namespace eduledger::cli
