#include "meta/data_element.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.h"

namespace eduledger::meta {

using core::Result;
using core::Status;

namespace {

constexpr std::pair<ValueType, std::string_view> kTypeKeys[] = {
    {ValueType::kNumber, "number"},         {ValueType::kInteger, "integer"},
    {ValueType::kPercentage, "percentage"}, {ValueType::kText, "text"},
    {ValueType::kBoolean, "yes_no"},
};

Status BadValue(std::string message) {
  return Status::InvalidArgument("bad_value", std::move(message));
}

}  // namespace

std::optional<std::size_t> Category::FindOption(std::string_view code_or_name) const {
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (options[i].code == code_or_name || options[i].name == code_or_name) return i;
  }
  return std::nullopt;
}

std::string_view ValueTypeKey(ValueType t) {
  for (const auto& [type, key] : kTypeKeys) {
    if (type == t) return key;
  }
  return "number";
}

std::optional<ValueType> ParseValueType(std::string_view key) {
  for (const auto& [type, k] : kTypeKeys) {
    if (k == key) return type;
  }
  return std::nullopt;
}

namespace {
constexpr std::size_t kMaxDigits = 15;
bool AllZeros(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '0'; });
}
}  // namespace

Result<std::string> NormalizeValue(const DataElement& element, std::string_view text) {
  const std::string_view t = core::TrimSpace(text);
  if (t.empty()) return BadValue("数值为空");
  switch (element.type) {
    case ValueType::kText:
      return std::string(t);
    case ValueType::kBoolean:
      if (t == "1" || t == "是" || t == "yes" || t == "true") return std::string("1");
      if (t == "0" || t == "否" || t == "no" || t == "false") return std::string("0");
      return BadValue("'" + std::string(t) + "' 不是“是”或“否”");
    default:
      break;
  }
  // Digits as written, kept exactly: no exponent ("1e308"), at most kMaxDigits significant
  // digits (a double holds them all), so no value is stored with digits lost.
  const std::string shown = "'" + std::string(t) + "'";
  const bool negative = t.front() == '-';
  const std::string_view digits = negative ? t.substr(1) : t;
  const std::size_t point = digits.find('.');
  const std::string_view whole = digits.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : digits.substr(point + 1);
  const auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
      (point != std::string_view::npos && fraction.empty())) {
    return BadValue(shown + " 不是数字（请直接写出数字，如 1234 或 12.5，不用科学计数法）");
  }
  if (element.type == ValueType::kInteger) {
    if (!fraction.empty() && !AllZeros(fraction)) return BadValue(shown + " 应为整数");
    if (negative) return BadValue(shown + " 不能为负数");
  }
  const std::size_t first = whole.find_first_not_of('0');
  const std::size_t significant =
      (first == std::string_view::npos ? 0 : whole.size() - first) + fraction.size();
  if (significant > kMaxDigits) {
    return BadValue(
        shown + " 超出可保存的范围（最多 " + std::to_string(kMaxDigits) + " 位有效数字" +
        (element.type == ValueType::kInteger ? "，即不超过 999999999999999" : "") + "）");
  }
  double v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  if (element.type == ValueType::kPercentage && (v < 0 || v > 100)) {
    return BadValue("'" + std::string(t) + "' 应为 0 到 100 之间的百分数");
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.15g", v);
  return std::string(buf);
}

namespace {

// The parts of "age=6; sex=female", trimmed, empty ones left out.
std::vector<std::string_view> Parts(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t semi = text.find(';');
    const std::string_view part = core::TrimSpace(text.substr(0, semi));
    text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace

Result<Disaggregation> ParseDisaggregation(const DataElement& element,
                                           const std::vector<const Category*>& categories,
                                           std::string_view text) {
  const auto bad = [](std::string message) {
    return Status::InvalidArgument("bad_disaggregation", std::move(message));
  };
  constexpr std::size_t kUnset = static_cast<std::size_t>(-1);
  Disaggregation d(categories.size(), kUnset);
  for (const std::string_view part : Parts(text)) {
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      return bad("'" + std::string(part) + "' 应写作 分类=选项，如 sex=female");
    }
    const std::string_view cat = core::TrimSpace(part.substr(0, eq));
    const std::string_view opt = core::TrimSpace(part.substr(eq + 1));
    std::size_t i = 0;
    while (i < categories.size() && categories[i]->code != cat && categories[i]->name != cat) ++i;
    if (i == categories.size()) {
      return bad("'" + element.code + "' 没有分类 '" + std::string(cat) + "'");
    }
    if (d[i] != kUnset) return bad("分类 '" + std::string(cat) + "' 出现了两次");
    const auto option = categories[i]->FindOption(opt);
    if (!option) {
      return bad("'" + std::string(opt) + "' 不是分类 '" + categories[i]->code + "' 的选项");
    }
    d[i] = *option;
  }
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (d[i] == kUnset) {
      return bad("缺少分类 '" + categories[i]->code + "' (" + element.code + " 按 " +
                 categories[i]->name + " 分列)");
    }
  }
  return d;
}

std::string DisaggregationText(const std::vector<const Category*>& categories,
                               const Disaggregation& d) {
  std::string out;
  for (std::size_t i = 0; i < categories.size() && i < d.size(); ++i) {
    if (!out.empty()) out += ';';
    out += categories[i]->code + "=" + categories[i]->options[d[i]].code;
  }
  return out;
}

std::string DisaggregationLabel(const std::vector<const Category*>& categories,
                                std::string_view text) {
  std::string out;
  for (const std::string_view part : Parts(text)) {
    std::string shown(part);
    const std::size_t eq = part.find('=');
    if (eq != std::string_view::npos) {
      const std::string_view cat = part.substr(0, eq);
      const std::string_view opt = part.substr(eq + 1);
      for (const Category* c : categories) {
        if (c->code != cat) continue;
        if (const auto o = c->FindOption(opt)) shown = c->options[*o].name;
      }
    }
    out += (out.empty() ? "" : "、") + shown;
  }
  return out.empty() ? "合计" : out;
}

}  // namespace eduledger::meta
