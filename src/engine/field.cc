#include "engine/field.h"

#include <array>
#include <cstdlib>

#include "meta/code_table.h"
#include "meta/education_level.h"
#include "meta/org_unit.h"
#include "meta/staff.h"
#include "meta/status_event.h"
#include "meta/student.h"

namespace eduledger::engine {

namespace {

using meta::CodeEntry;
using meta::LookupCode;

template <class E>
std::optional<int> AsInt(std::optional<E> v) {
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

// English keys for the code tables whose meta parsers read Chinese names and codes only.
constexpr CodeEntry<int> kOwnershipKeys[] = {
    {1, "", "education_dept", ""},
    {2, "", "other_dept", ""},
    {3, "", "enterprise", ""},
    {4, "", "private", ""},
};
constexpr CodeEntry<int> kUrbanRuralClasses[] = {
    {1, "", "城区", "urban"},
    {2, "", "镇区", "town"},
    {3, "", "乡村", "rural|农村"},
};
constexpr CodeEntry<int> kDisabilityKeys[] = {
    {0, "", "none", ""},   {1, "", "visual", ""},   {2, "", "hearing", ""},
    {3, "", "speech", ""}, {4, "", "physical", ""}, {5, "", "intellectual", ""},
    {6, "", "mental", ""}, {7, "", "multiple", ""},
};
constexpr CodeEntry<int> kHukouKeys[] = {
    {1, "", "agricultural", ""}, {2, "", "non_agricultural", ""}, {3, "", "resident", ""}};
constexpr CodeEntry<int> kEndStatuses[] = {
    {0, "", "in_school", "在校"}, {1, "", "transferred_out", "转出"},
    {2, "", "suspended", "休学"}, {3, "", "dropped_out", "辍学"},
    {4, "", "graduated", "毕业"}, {5, "", "died", "死亡"},
};
constexpr CodeEntry<int> kStartStatuses[] = {
    {0, "", "in_school", "在校"},
    {1, "", "suspended", "休学"},
    {2, "", "dropped_out", "辍学"},
};
constexpr CodeEntry<int> kPreviousKeys[] = {
    {0, "", "none", "未在校|新入学"},
    {1, "", "same_level", "同学段"},
    {2, "", "other_level", "其他学段"},
};

constexpr CodeEntry<int> kPostKeys[] = {
    {1, "", "fulltime_teacher", ""}, {2, "", "administrative", ""}, {3, "", "support", ""},
    {4, "", "worker", ""},           {5, "", "other", ""},
};
constexpr CodeEntry<int> kTitleKeys[] = {
    {0, "", "none", ""},  {1, "", "senior_plus", ""}, {2, "", "senior", ""},
    {3, "", "first", ""}, {4, "", "second", ""},      {5, "", "third", ""},
};
constexpr CodeEntry<int> kQualificationKeys[] = {
    {1, "", "doctorate", ""}, {2, "", "master", ""},    {3, "", "bachelor", ""},
    {4, "", "associate", ""}, {5, "", "secondary", ""}, {6, "", "below_secondary", ""},
};
constexpr CodeEntry<int> kNoLevel[] = {
    {kNextNotEnrolled, "", "none", "not_enrolled|未在校|无"},
    {kNextUnknown, "", "unknown", "未知"},
};

template <std::size_t N>
std::optional<int> Key(const CodeEntry<int> (&table)[N], std::string_view text) {
  return LookupCode<int>(std::span<const CodeEntry<int>>(table), text);
}

std::optional<int> ParseLevel(std::string_view t) { return AsInt(meta::ParseEducationLevel(t)); }
std::optional<int> ParseSexValue(std::string_view t) { return AsInt(meta::ParseSex(t)); }
// A value by its English key, else by what the meta parser `Parse` reads.
template <const auto& kKeys, auto Parse>
std::optional<int> KeyOrMeta(std::string_view t) {
  if (auto v = Key(kKeys, t)) return v;
  return AsInt(Parse(t));
}

constexpr auto ParseOwnershipValue = KeyOrMeta<kOwnershipKeys, meta::ParseOwnership>;
constexpr auto ParseDisabilityValue = KeyOrMeta<kDisabilityKeys, meta::ParseDisability>;
constexpr auto ParseHukouValue = KeyOrMeta<kHukouKeys, meta::ParseHukou>;
constexpr auto ParsePostValue = KeyOrMeta<kPostKeys, meta::ParsePost>;
constexpr auto ParseTitleValue = KeyOrMeta<kTitleKeys, meta::ParseTitle>;
constexpr auto ParseQualificationValue = KeyOrMeta<kQualificationKeys, meta::ParseQualification>;
std::optional<int> ParseUrbanRuralClass(std::string_view t) { return Key(kUrbanRuralClasses, t); }
std::optional<int> ParseEndStatus(std::string_view t) { return Key(kEndStatuses, t); }
std::optional<int> ParseStartStatus(std::string_view t) { return Key(kStartStatuses, t); }
std::optional<int> ParsePrevious(std::string_view t) { return Key(kPreviousKeys, t); }
std::optional<int> ParseEventTypeValue(std::string_view t) {
  return AsInt(meta::ParseEventType(t));
}
// A level, stored + 1, or "none" (0) / "unknown" (15).
std::optional<int> ParseLevelOrNone(std::string_view t) {
  if (auto v = Key(kNoLevel, t)) return v;
  if (auto level = meta::ParseEducationLevel(t)) return static_cast<int>(*level) + 1;
  return std::nullopt;
}

constexpr FieldScope G = FieldScope::kGroup;
constexpr FieldScope R = FieldScope::kRow;

const std::array kGroupFields = {
    Field{"grade", "年级", G, FieldKind::kInt, 0, 4, 2},
    Field{"sex", "性别", G, FieldKind::kEnum, 4, 2, 0, ParseSexValue},
    Field{"level", "学段", G, FieldKind::kEnum, 6, 3, 0, ParseLevel},
    Field{"school_type", "办学类型", G, FieldKind::kInt, 9, 10, 0},
    Field{"ownership", "办别", G, FieldKind::kEnum, 19, 3, 0, ParseOwnershipValue},
    Field{"public", "公办", G, FieldKind::kBool, 22, 1},
    Field{"urban_rural", "城乡分类代码", G, FieldKind::kInt, 23, 7, -100},
    Field{"urban_rural_class", "城乡", G, FieldKind::kEnum, 30, 2, 0, ParseUrbanRuralClass},
    Field{"boarding", "寄宿制", G, FieldKind::kBool, 32, 1},
    Field{"small_scale", "小规模学校", G, FieldKind::kBool, 33, 1},
    Field{"teaching_point", "教学点", G, FieldKind::kBool, 34, 1},
    Field{"affordable", "普惠性", G, FieldKind::kBool, 35, 1},
    Field{"counts_as_school", "计入学校数", G, FieldKind::kBool, 36, 1},
};

// The person's own bits, first in a student row and in an event row alike. Flags keep the bit
// positions of meta::StudentFlag (bits 16-22).
constexpr std::array kPersonFields = {
    Field{"birth", "出生日期", R, FieldKind::kBirthDay, 0, 16},
    Field{"left_behind", "留守儿童", R, FieldKind::kBool, 16, 1},
    Field{"migrant_child", "随迁子女", R, FieldKind::kBool, 17, 1},
    Field{"disabled", "残疾", R, FieldKind::kBool, 18, 1},
    Field{"registered_poor", "建档立卡", R, FieldKind::kBool, 19, 1},
    Field{"dibao", "低保", R, FieldKind::kBool, 20, 1},
    Field{"extreme_poverty", "特困供养", R, FieldKind::kBool, 21, 1},
    Field{"orphan", "孤儿", R, FieldKind::kBool, 22, 1},
};

// The person's fields followed by `more`.
template <std::size_t N>
constexpr std::array<Field, kPersonFields.size() + N> WithPerson(std::array<Field, N> more) {
  std::array<Field, kPersonFields.size() + N> out{};
  for (std::size_t i = 0; i < kPersonFields.size(); ++i) out[i] = kPersonFields[i];
  for (std::size_t i = 0; i < N; ++i) out[kPersonFields.size() + i] = more[i];
  return out;
}

constexpr auto kStudentFields = WithPerson(std::array{
    Field{"previous", "上一学年", R, FieldKind::kEnum, 23, 2, 0, ParsePrevious, nullptr, false,
          true},
    Field{"ethnicity", "民族", R, FieldKind::kInt, 25, 7},
    Field{"minority", "少数民族", R, FieldKind::kBool, 32, 1},
    Field{"disability", "残疾类型", R, FieldKind::kEnum, 33, 3, 0, ParseDisabilityValue},
    Field{"hukou", "户口性质", R, FieldKind::kEnum, 36, 2, 0, ParseHukouValue},
    Field{"events", "学籍异动", R, FieldKind::kEventSet, 38, 10, 0, nullptr, nullptr, true},
    Field{"end_status", "学年末状态", R, FieldKind::kEnum, 48, 3, 0, ParseEndStatus, nullptr, true},
    Field{"next_level", "下一学年学段", R, FieldKind::kEnum, 51, 4, 0, ParseLevelOrNone, nullptr,
          true},
    Field{"class_size", "班额", R, FieldKind::kInt, 55, 7},
    Field{"start_status", "学年初状态", R, FieldKind::kEnum, 62, 2, 0, ParseStartStatus},
});

const std::array kStaffFields = {
    Field{"birth", "出生日期", R, FieldKind::kBirthDay, 0, 16},
    Field{"post", "岗位类别", R, FieldKind::kEnum, 16, 3, 0, ParsePostValue},
    Field{"title", "职称", R, FieldKind::kEnum, 19, 3, 0, ParseTitleValue},
    Field{"qualification", "学历", R, FieldKind::kEnum, 22, 3, 0, ParseQualificationValue},
    Field{"level_taught", "任教学段", R, FieldKind::kEnum, 25, 4, 0, ParseLevelOrNone},
};

const std::array kClassFields = {
    Field{"size", "班额", R, FieldKind::kInt, 0, 12},
};

// A status event: the student's birth day and flags, and what it is. Every event is something
// that happened during a school year: read as a flow only (row_tables.h).
constexpr auto kEventFields = WithPerson(std::array{
    Field{"type", "异动类型", R, FieldKind::kEnum, 24, 4, 0, ParseEventTypeValue},
});

}  // namespace

Layout::Layout(std::string_view table, std::span<const Field> row_fields, bool group_fields)
    : table_(table), row_fields_(row_fields), group_fields_(group_fields) {}

const Field* Layout::Find(std::string_view name) const {
  // A row field shadows a group field of its name (a ledger's own `level` field).
  for (const Field& f : row_fields_) {
    if (f.name == name) return &f;
  }
  for (const Field& f : kGroupFields) {
    if (group_fields_ && f.name == name) return &f;
  }
  return nullptr;
}

std::string Layout::Names() const {
  std::string out;
  for (const Field& f : kGroupFields) {
    if (!group_fields_) break;
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  for (const Field& f : row_fields_) {
    if (!out.empty()) out += ", ";
    out += f.kind == FieldKind::kBirthDay ? std::string_view("age") : f.name;
  }
  return out;
}

std::span<const Field> GroupFields() { return kGroupFields; }

const Field& GroupField(std::string_view name) {
  for (const Field& f : kGroupFields) {
    if (f.name == name) return f;
  }
  std::abort();
}

std::uint64_t StoredBirthDay(core::Date birth) {
  static constexpr std::int64_t kMaxStored = (std::int64_t{1} << 16) - 1;  // the field's width
  if (birth.is_null()) return 0;
  const std::int64_t d = std::int64_t{birth.days()} - kBirthBase + 1;
  return d > 0 && d <= kMaxStored ? static_cast<std::uint64_t>(d) : 0;
}

const Layout& StudentLayout() {
  static const Layout layout("students", kStudentFields);
  return layout;
}
const Layout& StaffLayout() {
  static const Layout layout("staff", kStaffFields);
  return layout;
}
const Layout& ClassLayout() {
  static const Layout layout("classes", kClassFields);
  return layout;
}
const Layout& SchoolLayout() {
  static const Layout layout("schools", std::span<const Field>());
  return layout;
}
const Layout& EventLayout() {
  static const Layout layout("events", kEventFields);
  return layout;
}

}  // namespace eduledger::engine
