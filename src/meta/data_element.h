// Collected figures defined as data (a metadata package's data_elements.json): the categories
// a figure may be broken down by (年龄, 性别, 科目 …) and the data elements themselves. A data
// value is one element for one combination of its categories' options (a disaggregation), at
// one org unit for one period.
//
// A disaggregation is written "age=6;sex=female": each of the element's categories once, in
// the element's order, by option code. An element without categories has the one
// disaggregation "".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace eduledger::meta {

struct CategoryOption {
  std::string code;  // "female", "6", "math"
  std::string name;  // "女", "6岁", "数学"
};

struct Category {
  std::string code;  // "sex"
  std::string name;  // "性别"
  std::vector<CategoryOption> options;
  // For a numeric range ("range": {from, to}): option i is the number from + i, so filters
  // may compare it (age between 6 and 11).
  std::optional<int> range_from;
  // The index of the option with `code` (or Chinese name), or nullopt.
  std::optional<std::size_t> FindOption(std::string_view code_or_name) const;
};

enum class ValueType : unsigned char { kNumber, kInteger, kPercentage, kText, kBoolean };
std::string_view ValueTypeKey(ValueType t);  // "number", "integer", "percentage", "text", "yes_no"
std::optional<ValueType> ParseValueType(std::string_view key);
inline bool IsNumeric(ValueType t) { return t != ValueType::kText; }

struct DataElement {
  std::string code;  // "population"
  std::string name;  // "户籍适龄人口"
  ValueType type = ValueType::kInteger;
  std::vector<std::string> categories;  // category codes, in disaggregation order
  std::string description;
  std::string package;
};

// A value as written by a user, checked against its element's type: the canonical text
// ("12", "0.5", "1" for yes). InvalidArgument "bad_value" with a Chinese reason.
core::Result<std::string> NormalizeValue(const DataElement& element, std::string_view text);

// A parsed disaggregation: one option index per category of the element, in its order.
using Disaggregation = std::vector<std::size_t>;

// Parse "age=6;sex=female" (option codes or names; categories in any order, each once) for
// `element`, whose categories are `categories` (in the element's order). InvalidArgument
// "bad_disaggregation" naming what is wrong.
core::Result<Disaggregation> ParseDisaggregation(const DataElement& element,
                                                 const std::vector<const Category*>& categories,
                                                 std::string_view text);
// The canonical text of a disaggregation: "age=6;sex=female".
std::string DisaggregationText(const std::vector<const Category*>& categories,
                               const Disaggregation& d);
// The canonical text as a person reads it: the options' names, "6岁、女" for
// "age=6;sex=female"; "合计" for none. A part naming no known option stays as written.
std::string DisaggregationLabel(const std::vector<const Category*>& categories,
                                std::string_view text);

}  // namespace eduledger::meta
