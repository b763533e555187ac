#include "cli/chinese_cli.h"

#include <algorithm>
#include <regex>

namespace eduledger::cli {

namespace {

std::string TypeWord(const std::string& type) {
  if (type == "INT" || type == "UINT") return "整数";
  if (type == "FLOAT") return "数字";
  if (type == "TEXT") return "文本";
  return type;
}

class ChineseFormatter final : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* opt) const override {
    // " INT:INT in [1 - 900] REQUIRED" with the labels already applied to the bare words.
    std::string out = CLI::Formatter::make_option_opts(opt);
    static const std::regex kType(R"(^ (\S+(?: in \[[^\]]*\])?))");
    std::smatch m;
    if (std::regex_search(out, m, kType)) {
      out = " " + ChineseTypeName(m[1].str()) + out.substr(static_cast<std::size_t>(m.length(0)));
    }
    return out;
  }
};

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

}  // namespace

std::string ChineseTypeName(std::string type) {
  static const std::regex kRange(R"(^(\w+):\w+ in \[(-?[\d.]+) - (-?[\d.]+)\]$)");
  static const std::regex kSet(R"(^\w+:\{(.*)\}$)");
  std::smatch m;
  if (std::regex_match(type, m, kRange)) {
    return TypeWord(m[1].str()) + "（" + m[2].str() + "—" + m[3].str() + "）";
  }
  if (std::regex_match(type, m, kSet)) {
    std::string choices = m[1].str();
    for (char& c : choices) {
      if (c == ',') c = '|';
    }
    return choices;
  }
  if (type == "TEXT:FILE" || type == "文本:FILE") return "文件";
  if (type == "TEXT:DIR" || type == "文本:DIR") return "目录";
  return TypeWord(type);
}

void UseChineseHelp(CLI::App& app) {
  auto formatter = std::make_shared<ChineseFormatter>();
  formatter->label("Usage", "用法");
  formatter->label("OPTIONS", "选项");
  formatter->label("SUBCOMMAND", "子命令");
  formatter->label("SUBCOMMANDS", "子命令");
  formatter->label("POSITIONALS", "参数");
  formatter->label("Positionals", "参数");
  formatter->label("REQUIRED", "必填");
  formatter->label("TEXT", "文本");
  formatter->label("INT", "整数");
  formatter->label("UINT", "整数");
  formatter->label("FLOAT", "数字");
  formatter->column_width(34);
  app.formatter(formatter);
}

void UseChineseGroups(CLI::App& app) {
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_group() == "Options") opt->group("选项");
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->group("子命令");
    UseChineseGroups(*sub);
  }
}

std::string ChineseParseError(const CLI::ParseError& e, const std::vector<std::string>& remaining) {
  const std::string what = e.what();
  std::smatch m;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    static const std::regex kExtras(R"(not expected: (.*)$)");
    const std::string args = std::regex_search(what, m, kExtras) ? m[1].str() : what;
    return "无法识别的参数：" + args;
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    static const std::regex kConvert(R"(^Could not convert: (\S+) = (.*)$)");
    if (std::regex_match(what, m, kConvert)) {
      return m[1].str() + " 的值“" + m[2].str() + "”不是有效的数字";
    }
    return "参数的值无法识别（" + what + "）";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    static const std::regex kMissing(R"(^(\S+): \d+ required \S+ missing$)");
    if (std::regex_match(what, m, kMissing)) return m[1].str() + " 后面缺少取值";
    static const std::regex kCount(R"(arguments to (\S+), got (\d+))");
    if (std::regex_search(what, m, kCount)) return m[1].str() + " 的取值个数不对";
    return "参数的取值个数不对（" + what + "）";
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    static const std::regex kRange(R"(^(\S+): Value (\S+) not in range (\S+) to (\S+)$)");
    static const std::regex kSet(R"(^(\S+): (.*) not in \{(.*)\}$)");
    static const std::regex kFile(R"(^(\S+): File does not exist: (.*)$)");
    static const std::regex kDir(R"(^(\S+): Directory does not exist: (.*)$)");
    if (std::regex_match(what, m, kRange)) {
      return m[1].str() + " 的值 " + m[2].str() + " 超出范围（应为 " + m[3].str() + " 到 " +
             m[4].str() + "）";
    }
    if (std::regex_match(what, m, kSet)) {
      std::string choices = m[3].str();
      for (char& c : choices) {
        if (c == ',') c = '|';
      }
      return m[1].str() + " 的值“" + m[2].str() + "”不可用，可选：" + choices;
    }
    if (std::regex_match(what, m, kFile)) return m[1].str() + "：文件不存在：" + m[2].str();
    if (std::regex_match(what, m, kDir)) return m[1].str() + "：目录不存在：" + m[2].str();
    // A check of our own says it in Chinese already.
    if (std::any_of(what.begin(), what.end(), [](char c) { return (c & 0x80) != 0; })) return what;
    return "参数的值不符合要求（" + what + "）";
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (what.starts_with("A subcommand")) {
      return remaining.empty() ? "缺少子命令" : "未知的子命令：" + Join(remaining);
    }
    static const std::regex kRequired(R"(^(\S+) is required$)");
    if (std::regex_match(what, m, kRequired)) return "缺少必填的 " + m[1].str();
    return "缺少必填的参数（" + what + "）";
  }
  if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) {
    static const std::regex kRequires(R"(^(\S+) requires (\S+)$)");
    if (std::regex_match(what, m, kRequires)) return m[1].str() + " 须与 " + m[2].str() + " 同用";
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
    static const std::regex kExcludes(R"(^(\S+) excludes (\S+)$)");
    if (std::regex_match(what, m, kExcludes)) {
      return m[1].str() + " 不能与 " + m[2].str() + " 同用";
    }
  }
  return "参数有误（" + what + "）";
}

}  // namespace eduledger::cli
