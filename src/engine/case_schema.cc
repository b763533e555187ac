#include "engine/case_schema.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/period.h"
#include "engine/no_value.h"

namespace eduledger::engine {

namespace {

constexpr std::uint8_t kYearWidth = 7;  // stored 1..127: 1951..2077
constexpr int kWordBits = 64;

// A category whose option 0 is "unset" and option i + 1 is `names[i]`.
template <class Options, class Code, class Name>
meta::Category UnsetFirst(std::string code, std::string name, const Options& options, Code of_code,
                          Name of_name) {
  meta::Category c;
  c.code = std::move(code);
  c.name = std::move(name);
  c.options.push_back({"", "未填"});
  for (const auto& o : options) c.options.push_back({of_code(o), of_name(o)});
  return c;
}

double Number(const meta::LedgerField& f, const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(v)) return kNoValue;
  return f.type == meta::FieldType::kMoney ? v / 100 : v;  // money is stored in 分
}

}  // namespace

CaseSchema::CaseSchema(std::span<const meta::LedgerType> ledgers) {
  for (const meta::LedgerType& def : ledgers) {
    CaseLedger& l = ledgers_.emplace_back();
    l.def = &def;
    int used = 0;
    const auto add = [&](Field f, const meta::LedgerField* source) {
      if (used + f.width > kWordBits) {
        l.left_out.push_back(source ? source->code : "state");
        return;
      }
      f.scope = FieldScope::kRow;
      f.shift = static_cast<std::uint8_t>(used);
      used += f.width;
      l.fields.push_back(f);
      l.sources.push_back(source);
    };
    const auto category_field = [&](std::string_view name, std::string_view label,
                                    const meta::Category& c) {
      Field f;
      f.name = name;
      f.label = label;
      f.kind = FieldKind::kEnum;
      f.category = &c;
      f.width = static_cast<std::uint8_t>(std::bit_width(c.options.size() - 1));
      return f;
    };
    const meta::Category& states = l.categories.emplace_back(UnsetFirst(
        "state", "状态", def.workflow.states, [](const auto& s) { return s.code; },
        [](const auto& s) { return s.name; }));
    add(category_field("state", "状态", states), nullptr);
    for (const meta::LedgerField& lf : def.fields) {
      switch (lf.type) {
        case meta::FieldType::kChoice: {
          const meta::Category& c = l.categories.emplace_back(UnsetFirst(
              lf.code, lf.name, lf.options, [](const auto& o) { return o.code; },
              [](const auto& o) { return o.name; }));
          add(category_field(lf.code, lf.name, c), &lf);
          break;
        }
        case meta::FieldType::kBool: {
          Field f;
          f.name = lf.code;
          f.label = lf.name;
          f.kind = FieldKind::kBool;
          f.width = 1;
          add(f, &lf);
          break;
        }
        case meta::FieldType::kDate: {
          Field f;
          f.name = lf.code;
          f.label = lf.name;
          f.kind = FieldKind::kInt;  // the calendar year: found_on >= 2024, in_year(found_on)
          f.offset = -kCaseYearBase;
          f.width = kYearWidth;
          add(f, &lf);
          break;
        }
        case meta::FieldType::kInteger:
        case meta::FieldType::kMoney:
        case meta::FieldType::kArea:
          l.numbers.push_back(&lf);
          break;
        case meta::FieldType::kLink:
          if (lf.link == meta::LinkTarget::kStudent) l.student_links.push_back(&lf);
          break;
        default:
          break;
      }
      if (lf.code == def.period) l.period = &lf;
    }
    l.layout = std::make_unique<Layout>(def.code, l.fields, true);
  }
}

std::string CasePeriodLabel(const CaseLedger& l, int year) {
  if (l.def->stock) return "台账现状（计入最新统计年度）";
  const core::Period calendar = core::Period::CalendarYear(year);
  return calendar.start().ToChinese() + "—" + calendar.end().ToChinese() + "，按" +
         (l.period ? l.period->name : std::string("立案日期")) + "计";
}

int CaseSchema::Find(std::string_view code) const {
  for (std::size_t i = 0; i < ledgers_.size(); ++i) {
    if (ledgers_[i].def->code == code) return static_cast<int>(i);
  }
  return -1;
}

int CaseSchema::NumberColumn(std::size_t i, std::string_view code) const {
  const CaseLedger& l = ledgers_[i];
  for (std::size_t k = 0; k < l.numbers.size(); ++k) {
    if (l.numbers[k]->code == code) return static_cast<int>(k);
  }
  return -1;
}

int CaseSchema::StudentLinkColumn(std::size_t i, std::string_view code) const {
  const CaseLedger& l = ledgers_[i];
  for (std::size_t k = 0; k < l.student_links.size(); ++k) {
    if (l.student_links[k]->code == code) return static_cast<int>(k);
  }
  return -1;
}

CaseSchema::Row CaseSchema::Read(std::size_t i, const store::Case& c) const {
  const CaseLedger& l = ledgers_[i];
  Row row;
  row.numbers.assign(l.numbers.size(), kNoValue);
  const nlohmann::json fields = nlohmann::json::parse(c.fields, nullptr, false);
  const auto text_of = [&](const std::string& code) -> std::string {
    if (!fields.is_object()) return {};
    const auto it = fields.find(code);
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (std::size_t k = 0; k < l.fields.size(); ++k) {
    const Field& f = l.fields[k];
    const meta::LedgerField* source = l.sources[k];
    const std::string text = source ? text_of(source->code) : c.state;
    if (text.empty()) continue;
    std::uint64_t stored = 0;
    if (f.kind == FieldKind::kEnum) {
      stored = f.category->FindOption(text).value_or(0);
    } else if (f.kind == FieldKind::kBool) {
      stored = text == "true" ? 1 : 0;
    } else if (auto day = core::Date::Parse(text); day.ok()) {
      const int y = day->year() - kCaseYearBase;
      stored = y > 0 && static_cast<std::uint64_t>(y) <= f.max_stored()
                   ? static_cast<std::uint64_t>(y)
                   : 0;
    }
    f.Set(&row.word, stored);
  }
  for (std::size_t k = 0; k < l.numbers.size(); ++k) {
    const std::string text = text_of(l.numbers[k]->code);
    if (!text.empty()) row.numbers[k] = Number(*l.numbers[k], text);
  }
  row.students.assign(l.student_links.size(), 0);
  for (std::size_t k = 0; k < l.student_links.size(); ++k) {
    const std::string text = text_of(l.student_links[k]->code);
    std::int64_t id = 0;
    if (std::from_chars(text.data(), text.data() + text.size(), id).ec == std::errc()) {
      row.students[k] = id;
    }
  }
  if (l.period) {
    if (auto day = core::Date::Parse(text_of(l.period->code)); day.ok()) row.period = *day;
  } else {
    row.period = c.opened;
  }
  return row;
}

}  // namespace eduledger::engine
