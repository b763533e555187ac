#include "meta/code_table.h"

#include <string>

#include "core/text.h"

namespace eduledger::meta::internal {

namespace {
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (core::AsciiLower(a[i]) != core::AsciiLower(b[i])) return false;
  }
  return true;
}
}  // namespace

std::string_view NormalizeForLookup(std::string_view text) {
  const std::string_view trimmed = core::TrimSpace(text);
  if (!core::HasFullWidthForms(trimmed)) return trimmed;  // the common case: no copy
  thread_local std::string buffer;
  buffer = core::FoldFullWidth(trimmed);
  return core::TrimSpace(buffer);
}

bool MatchesEntry(std::string_view text, std::string_view code, std::string_view name,
                  std::string_view aliases) {
  if (text == code || text == name) return true;
  while (!aliases.empty()) {
    const std::size_t bar = aliases.find('|');
    const std::string_view alias = aliases.substr(0, bar);
    if (EqualsIgnoringAsciiCase(text, alias)) return true;
    if (bar == std::string_view::npos) break;
    aliases.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace eduledger::meta::internal
