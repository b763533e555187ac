// CodeTable: a small fixed table mapping an enum to its code (as written in national forms),
// its Chinese name and the other spellings clerks use. Lookups fold full-width forms and
// ignore surrounding space; English names match case-insensitively.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace eduledger::meta {

template <class E>
struct CodeEntry {
  E value;
  std::string_view code;     // "1", "211", "01": what the national form writes
  std::string_view name;     // the Chinese name printed in reports
  std::string_view aliases;  // other spellings, '|'-separated ("男性|male|m")
};

namespace internal {
// True when `text` (already folded and trimmed) equals the code, the name or one alias.
bool MatchesEntry(std::string_view text, std::string_view code, std::string_view name,
                  std::string_view aliases);
// Trim and fold full-width forms. The result is a view of `text`, or (when something was
// folded) of thread-local storage valid until the next call.
std::string_view NormalizeForLookup(std::string_view text);
}  // namespace internal

// Find the entry matching `text`; nullopt when none does.
template <class E>
std::optional<E> LookupCode(std::span<const CodeEntry<E>> table, std::string_view text) {
  const std::string_view needle = internal::NormalizeForLookup(text);
  if (needle.empty()) return std::nullopt;
  for (const CodeEntry<E>& e : table) {
    if (internal::MatchesEntry(needle, e.code, e.name, e.aliases)) return e.value;
  }
  return std::nullopt;
}

template <class E>
const CodeEntry<E>* FindEntry(std::span<const CodeEntry<E>> table, E value) {
  for (const CodeEntry<E>& e : table) {
    if (e.value == value) return &e;
  }
  return nullptr;
}

template <class E>
std::string_view NameOf(std::span<const CodeEntry<E>> table, E value) {
  const CodeEntry<E>* e = FindEntry(table, value);
  return e ? e->name : std::string_view();
}

template <class E>
std::string_view CodeOf(std::span<const CodeEntry<E>> table, E value) {
  const CodeEntry<E>* e = FindEntry(table, value);
  return e ? e->code : std::string_view();
}

// The names of the entries in table order, once each: what a clerk may write (and what an import
// template offers in its drop-down list).
template <class E>
std::vector<std::string_view> NamesOf(std::span<const CodeEntry<E>> table) {
  std::vector<std::string_view> out;
  for (const CodeEntry<E>& e : table) {
    if (!e.name.empty() && (out.empty() || out.back() != e.name)) out.push_back(e.name);
  }
  return out;
}

}  // namespace eduledger::meta
