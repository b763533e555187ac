// OrgTree: an index over the org units of a store, for resolving the code or name a file
// gives, walking the tree, and scoping an actor to a subtree. Built once from the list the
// store returns; immutable afterwards, so it may be shared between threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "meta/org_unit.h"

namespace eduledger::meta {

class OrgTree {
 public:
  OrgTree() = default;
  explicit OrgTree(std::vector<OrgUnit> units);
  // Move-only: the maps are keyed by views of the units' own strings, which a move keeps (the
  // vector's buffer moves with it) and a copy would leave pointing into the original.
  OrgTree(const OrgTree&) = delete;
  OrgTree& operator=(const OrgTree&) = delete;
  OrgTree(OrgTree&&) noexcept = default;
  OrgTree& operator=(OrgTree&&) noexcept = default;

  const std::vector<OrgUnit>& units() const { return units_; }
  const OrgUnit* ById(std::int64_t id) const;
  const OrgUnit* ByCode(std::string_view code) const;
  // Every unit named `name` (names need not be unique across townships).
  std::vector<const OrgUnit*> ByName(std::string_view name) const;

  // Resolve a school from a code or a name as a file gives them (the code wins when both are
  // given, and they must then agree). Unknown is NotFound "unknown_school"; a name shared by
  // several schools is InvalidArgument "ambiguous_school"; a code and name of different
  // schools is InvalidArgument "school_mismatch"; a unit that is no school is "not_a_school".
  core::Result<const OrgUnit*> ResolveSchool(std::string_view code, std::string_view name) const;
  // Resolve any org unit by code, else by unique name.
  core::Result<const OrgUnit*> Resolve(std::string_view code_or_name) const;

  // The township (乡镇) unit `id` lies in: the nearest ancestor of that level; nullptr for a unit
  // the county runs directly (县直) or one above the townships.
  const OrgUnit* TownshipOf(std::int64_t id) const;
  // True when `id` is `ancestor_id` or lies below it.
  bool IsWithin(std::int64_t id, std::int64_t ancestor_id) const;
  // The unit and everything below it, in tree order (parents before children, by code).
  std::vector<const OrgUnit*> Subtree(std::int64_t root_id) const;
  // The schools (level kSchool) of the subtree, ordered by code.
  std::vector<const OrgUnit*> SchoolsUnder(std::int64_t root_id) const;
  // The root units (no parent), by code.
  std::vector<const OrgUnit*> Roots() const;

 private:
  std::vector<OrgUnit> units_;
  std::unordered_map<std::int64_t, std::size_t> by_id_;
  std::unordered_map<std::string_view, std::size_t> by_code_;
  std::unordered_multimap<std::string_view, std::size_t> by_name_;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> children_;
};

}  // namespace eduledger::meta
