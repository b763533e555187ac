#include "meta/ledger_type.h"

#include <array>
#include <tuple>

namespace eduledger::meta {

namespace {

constexpr std::array<std::tuple<FieldType, std::string_view, std::string_view>, 8> kFieldTypes = {{
    {FieldType::kText, "text", "文本"},
    {FieldType::kInteger, "integer", "整数"},
    {FieldType::kMoney, "money", "金额（元）"},
    {FieldType::kArea, "area", "面积（平方米）"},
    {FieldType::kDate, "date", "日期"},
    {FieldType::kChoice, "choice", "选项"},
    {FieldType::kBool, "bool", "是/否"},
    {FieldType::kLink, "link", "关联"},
}};

constexpr std::array<std::tuple<LinkTarget, std::string_view, std::string_view>, 5> kLinkTargets = {
    {
        {LinkTarget::kStudent, "student", "学生"},
        {LinkTarget::kSchool, "school", "学校"},
        {LinkTarget::kStaff, "staff", "教职工"},
        {LinkTarget::kBuilding, "building", "校舍"},
        {LinkTarget::kCase, "case", "台账事项"},
    }};

template <class Table, class Enum>
std::string_view Column(const Table& table, Enum e, int column) {
  for (const auto& row : table) {
    if (std::get<0>(row) == e) return column == 1 ? std::get<1>(row) : std::get<2>(row);
  }
  return "?";
}

template <class Table>
auto Parse(const Table& table, std::string_view key)
    -> std::optional<std::tuple_element_t<0, typename Table::value_type>> {
  for (const auto& row : table) {
    if (std::get<1>(row) == key) return std::get<0>(row);
  }
  return std::nullopt;
}

}  // namespace

std::string_view FieldTypeKey(FieldType t) { return Column(kFieldTypes, t, 1); }
std::string_view FieldTypeName(FieldType t) { return Column(kFieldTypes, t, 2); }
std::optional<FieldType> ParseFieldType(std::string_view key) { return Parse(kFieldTypes, key); }

std::string_view LinkTargetKey(LinkTarget t) { return Column(kLinkTargets, t, 1); }
std::string_view LinkTargetName(LinkTarget t) { return Column(kLinkTargets, t, 2); }
std::optional<LinkTarget> ParseLinkTarget(std::string_view key) { return Parse(kLinkTargets, key); }

const FieldOption* LedgerField::Option(std::string_view code_or_name) const {
  for (const FieldOption& o : options) {
    if (o.code == code_or_name || o.name == code_or_name) return &o;
  }
  return nullptr;
}

const LedgerField* LedgerType::Field(std::string_view code_or_name) const {
  for (const LedgerField& f : fields) {
    if (f.code == code_or_name || f.name == code_or_name) return &f;
  }
  return nullptr;
}

}  // namespace eduledger::meta
