// ValueSchema: how the engine reads collected figures (meta/data_element.h). Each data element
// gets a layout whose fields are its categories, 8 bits each, so value(element, filter)
// compiles its filter like any count's (compile.h): `age between 6 and 11` on a numeric
// range category, `sex = female` on a named one. A value's row word packs its option indexes.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/id_number.h"
#include "core/result.h"
#include "engine/field.h"
#include "meta/data_element.h"
#include "store/collected.h"

namespace eduledger::engine {

// A collected figure's value in the snapshot.
struct ValueRow {
  std::uint64_t word = 0;  // the disaggregation (ValueSchema::Word)
  double value = 0;
  std::int64_t submission_id = 0;
  std::uint32_t element = 0;  // index in the schema
  std::uint32_t org = 0;
  std::uint16_t year = 0;
  bool approved = false;
};

struct ValueElement {
  const meta::DataElement* def = nullptr;
  std::vector<const meta::Category*> categories;  // in the element's order
  std::vector<Field> fields;                      // one per category
  int sex_field = -1;                // the category that splits by sex ("sex": male/female), or -1
  std::size_t male = 0, female = 0;  // its options
  std::unique_ptr<Layout> layout;
};

class ValueSchema {
 public:
  // The schema of `elements`, whose categories must all be among `categories` (both must
  // outlive the schema; checked by app/metadata.h beforehand: an unknown one is skipped).
  ValueSchema(std::span<const meta::DataElement> elements,
              std::span<const meta::Category> categories);
  ValueSchema() = default;

  // The index of the element with `code`, or -1.
  int Find(std::string_view code) const;
  const ValueElement& element(std::size_t i) const { return elements_[i]; }
  std::size_t size() const { return elements_.size(); }

  // A stored value as a row (element, word and number set; the rest left to the caller), or
  // nullopt when it does not read: an unknown element or disaggregation, text, not a number.
  std::optional<ValueRow> Row(const store::DataValue& v) const;

  // The row word of a disaggregation of element `i`: InvalidArgument when it does not parse.
  core::Result<std::uint64_t> Word(std::size_t i, std::string_view disaggregation) const;
  // The canonical disaggregation text of a row word of element `i`.
  std::string Text(std::size_t i, std::uint64_t word) const;
  // The same as a person reads it: "数学", "6岁、女", "合计" (meta::DisaggregationLabel).
  std::string Label(std::size_t i, std::uint64_t word) const;
  // The sex of a value of element `i` (a category "sex" with options male and female), or
  // nullopt when the element is not split by sex.
  std::optional<core::Sex> SexOf(std::size_t i, std::uint64_t word) const;

 private:
  std::deque<ValueElement> elements_;  // stable addresses: layouts point into them
};

}  // namespace eduledger::engine
