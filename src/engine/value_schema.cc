#include "engine/value_schema.h"

#include <cstdlib>

namespace eduledger::engine {

namespace {

constexpr std::uint8_t kCategoryWidth = 8;

}  // namespace

ValueSchema::ValueSchema(std::span<const meta::DataElement> elements,
                         std::span<const meta::Category> categories) {
  for (const meta::DataElement& def : elements) {
    ValueElement& e = elements_.emplace_back();
    e.def = &def;
    for (const std::string& code : def.categories) {
      for (const meta::Category& c : categories) {
        if (c.code != code) continue;
        Field f;
        f.name = c.code;
        f.label = c.name;
        f.scope = FieldScope::kRow;
        f.shift = static_cast<std::uint8_t>(kCategoryWidth * e.fields.size());
        f.width = kCategoryWidth;
        if (c.range_from) {
          f.kind = FieldKind::kInt;
          f.offset = -*c.range_from;
        } else {
          f.kind = FieldKind::kEnum;
          f.category = &c;
        }
        if (c.code == "sex" && c.FindOption("male") && c.FindOption("female")) {
          e.sex_field = static_cast<int>(e.fields.size());
          e.male = *c.FindOption("male");
          e.female = *c.FindOption("female");
        }
        e.categories.push_back(&c);
        e.fields.push_back(f);
        break;
      }
    }
    e.layout = std::make_unique<Layout>(def.code, e.fields, false);
  }
}

int ValueSchema::Find(std::string_view code) const {
  for (std::size_t i = 0; i < elements_.size(); ++i) {
    if (elements_[i].def->code == code) return static_cast<int>(i);
  }
  return -1;
}

core::Result<std::uint64_t> ValueSchema::Word(std::size_t i,
                                              std::string_view disaggregation) const {
  const ValueElement& e = elements_[i];
  EL_ASSIGN_OR_RETURN(const meta::Disaggregation d,
                      meta::ParseDisaggregation(*e.def, e.categories, disaggregation));
  std::uint64_t word = 0;
  for (std::size_t k = 0; k < d.size(); ++k) e.fields[k].Set(&word, d[k]);
  return word;
}

std::string ValueSchema::Text(std::size_t i, std::uint64_t word) const {
  const ValueElement& e = elements_[i];
  meta::Disaggregation d;
  for (const Field& f : e.fields) d.push_back(static_cast<std::size_t>(f.Get(word)));
  return meta::DisaggregationText(e.categories, d);
}

std::string ValueSchema::Label(std::size_t i, std::uint64_t word) const {
  return meta::DisaggregationLabel(elements_[i].categories, Text(i, word));
}

std::optional<core::Sex> ValueSchema::SexOf(std::size_t i, std::uint64_t word) const {
  const ValueElement& e = elements_[i];
  if (e.sex_field < 0) return std::nullopt;
  const std::size_t option = e.fields[static_cast<std::size_t>(e.sex_field)].Get(word);
  if (option == e.male) return core::Sex::kMale;
  if (option == e.female) return core::Sex::kFemale;
  return core::Sex::kUnknown;
}

std::optional<ValueRow> ValueSchema::Row(const store::DataValue& v) const {
  const int element = Find(v.element);
  if (element < 0) return std::nullopt;
  const auto i = static_cast<std::size_t>(element);
  if (!meta::IsNumeric(elements_[i].def->type)) return std::nullopt;
  auto word = Word(i, v.disaggregation);
  char* end = nullptr;
  const double number = std::strtod(v.value.c_str(), &end);
  if (!word.ok() || end == v.value.c_str()) return std::nullopt;
  ValueRow row;
  row.word = *word;
  row.value = number;
  row.element = static_cast<std::uint32_t>(i);
  return row;
}

}  // namespace eduledger::engine
