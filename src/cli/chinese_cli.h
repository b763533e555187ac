// The argument parser (CLI11) in Chinese: its labels, the type names of its help texts
// ("整数（1—900）", not "INT:INT in [1 - 900]") and its error messages, so that every message
// a person reads is Chinese.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace eduledger::cli {

// Chinese labels and type names for `app`'s help (call before adding subcommands: they
// inherit the formatter).
void UseChineseHelp(CLI::App& app);

// Name CLI11's default groups of options and subcommands in Chinese, in the app and its
// subcommands (call once all are added).
void UseChineseGroups(CLI::App& app);

// The help text's type of an option in Chinese: "INT:INT in [1 - 900]" → "整数（1—900）",
// "TEXT:FILE" → "文件", "TEXT:{text,json}" → "text|json".
std::string ChineseTypeName(std::string type);

// A parse error in Chinese. `remaining` are the arguments left unparsed (an unknown
// subcommand shows there).
std::string ChineseParseError(const CLI::ParseError& e, const std::vector<std::string>& remaining);

}  // namespace eduledger::cli
