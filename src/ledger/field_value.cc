#include "ledger/field_value.h"

#include <charconv>
#include <cmath>

#include "core/date.h"
#include "core/money.h"
#include "core/text.h"

namespace eduledger::ledger {

using core::Status;

namespace {

Status Bad(const meta::LedgerField& field, std::string_view typed, std::string_view expected) {
  return Status::InvalidArgument(
      "bad_field_value",
      "“" + field.name + "”的值“" + std::string(typed) + "”不对：应为" + std::string(expected));
}

std::string Strip(std::string_view text, std::string_view suffix) {
  std::string s(core::TrimSpace(text));
  if (s.ends_with(suffix)) s.resize(s.size() - suffix.size());
  return s;
}

}  // namespace

core::Result<std::string> NormalizeFieldValue(const meta::LedgerField& field,
                                              std::string_view typed) {
  const std::string text(core::TrimSpace(typed));
  switch (field.type) {
    case meta::FieldType::kText:
    case meta::FieldType::kLink:
      return text;
    case meta::FieldType::kInteger: {
      const std::string digits = core::FoldFullWidth(Strip(text, "个"));
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
        return Bad(field, text, "整数");
      }
      return std::to_string(v);
    }
    case meta::FieldType::kMoney: {
      auto m = core::Money::ParseYuan(text);
      if (!m.ok() || m->fen() < 0) return Bad(field, text, "金额（元，不为负，至多两位小数）");
      return std::to_string(m->fen());
    }
    case meta::FieldType::kArea: {
      // An area is written like an amount: at most two decimals, thousands separators allowed.
      auto m = core::Money::ParseYuan(Strip(Strip(text, "平方米"), "㎡"));
      if (!m.ok() || m->fen() < 0) return Bad(field, text, "面积（平方米，至多两位小数）");
      return m->ToYuanString();
    }
    case meta::FieldType::kDate: {
      auto d = core::Date::Parse(text);
      if (!d.ok()) return Bad(field, text, "日期（如 2026-03-01 或 2026年3月1日）");
      return d->ToString();
    }
    case meta::FieldType::kChoice: {
      if (const meta::FieldOption* o = field.Option(text)) return o->code;
      std::string names;
      for (const meta::FieldOption& o : field.options)
        names += (names.empty() ? "" : "、") + o.name;
      return Bad(field, text, "以下之一：" + names);
    }
    case meta::FieldType::kBool: {
      for (const std::string_view yes : {"是", "true", "1", "有", "Y", "y"}) {
        if (text == yes) return std::string("true");
      }
      for (const std::string_view no : {"否", "false", "0", "无", "N", "n"}) {
        if (text == no) return std::string("false");
      }
      return Bad(field, text, "是或否");
    }
  }
  return text;
}

std::string DisplayFieldValue(const meta::LedgerField& field, std::string_view stored) {
  if (stored.empty()) return {};
  switch (field.type) {
    case meta::FieldType::kMoney: {
      std::int64_t fen = 0;
      std::from_chars(stored.data(), stored.data() + stored.size(), fen);
      return core::Money::FromFen(fen).ToYuanString() + "元";
    }
    case meta::FieldType::kArea:
      return std::string(stored) + "平方米";
    case meta::FieldType::kDate: {
      auto d = core::Date::Parse(stored);
      return d.ok() ? d->ToChinese() : std::string(stored);
    }
    case meta::FieldType::kChoice: {
      const meta::FieldOption* o = field.Option(stored);
      return o != nullptr ? o->name : std::string(stored);
    }
    case meta::FieldType::kBool:
      return stored == "true" ? "是" : "否";
    default:
      return std::string(stored);
  }
}

}  // namespace eduledger::ledger
