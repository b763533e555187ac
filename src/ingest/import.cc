#include "ingest/import.h"

#include <nlohmann/json.hpp>

#include "core/file.h"
#include "core/period.h"
#include "core/personal_data.h"
#include "core/text.h"
#include "ingest/import_internal.h"
#include "meta/code_table.h"

namespace eduledger::ingest {

namespace {

constexpr meta::CodeEntry<ImportKind> kKinds[] = {
    {ImportKind::kOrgUnits, "schools", "学校", "orgunits|org_units|org-units|单位"},
    {ImportKind::kStudents, "students", "学生", ""},
    {ImportKind::kEnrolments, "enrolments", "在校登记", "enrollments|注册"},
    {ImportKind::kStaff, "staff", "教职工", "teachers"},
    {ImportKind::kEvents, "events", "学籍异动", "status_events|changes|异动"},
};

}  // namespace

std::string_view ImportKindName(ImportKind kind) { return meta::CodeOf<ImportKind>(kKinds, kind); }
std::string_view ImportKindLabel(ImportKind kind) { return meta::NameOf<ImportKind>(kKinds, kind); }
std::optional<ImportKind> ParseImportKind(std::string_view text) {
  return meta::LookupCode<ImportKind>(kKinds, text);
}

std::span<const ColumnSpec> ColumnsOf(ImportKind kind) {
  switch (kind) {
    case ImportKind::kOrgUnits:
      return OrgUnitColumns();
    case ImportKind::kStudents:
      return StudentColumns();
    case ImportKind::kEnrolments:
      return EnrolmentColumns();
    case ImportKind::kStaff:
      return StaffColumns();
    case ImportKind::kEvents:
      return EventColumns();
  }
  return StudentColumns();
}

namespace {

ImportReport NewReport(ImportKind kind, const std::string& name, const ImportOptions& options) {
  ImportReport report;
  report.kind = kind;
  report.dry_run = options.dry_run;
  report.errors = ErrorList(options.max_errors);
  report.warnings = ErrorList(options.max_errors);
  report.source = name;
  report.file = name;
  return report;
}

void ImportRows(store::Store& store, ImportKind kind, TableReader& reader,
                const ImportOptions& options, const store::AuditContext& audit,
                ImportReport* report) {
  report->source = reader.description();
  auto map = ReadHeader(reader, ColumnsOf(kind), report->file);
  if (!map.ok()) return internal::Reject(report, map.status());
  report->ignored_columns = map->ignored();
  report->header_row = map->header_row();
  switch (kind) {
    case ImportKind::kOrgUnits:
      return internal::ImportOrgUnitRows(store, reader, *map, options, audit, report);
    case ImportKind::kStudents:
      return internal::ImportStudentRows(store, reader, *map, options, audit, report);
    case ImportKind::kEnrolments:
      return internal::ImportEnrolmentRows(store, reader, *map, options, audit, report);
    case ImportKind::kStaff:
      return internal::ImportStaffRows(store, reader, *map, options, audit, report);
    case ImportKind::kEvents:
      return internal::ImportEventRows(store, reader, *map, options, audit, report);
  }
}

}  // namespace

ImportReport ImportFile(store::Store& store, ImportKind kind, const std::string& path,
                        const ImportOptions& options, const store::AuditContext& audit) {
  ImportReport report = NewReport(kind, path, options);
  auto reader = OpenTable(path, TableOptions{options.sheet});
  if (!reader.ok()) {
    internal::Reject(&report, reader.status());
    return report;
  }
  ImportRows(store, kind, **reader, options, audit, &report);
  return report;
}

ImportReport ImportTable(store::Store& store, ImportKind kind, TableReader& reader,
                         const std::string& name, const ImportOptions& options,
                         const store::AuditContext& audit) {
  ImportReport report = NewReport(kind, name, options);
  ImportRows(store, kind, reader, options, audit, &report);
  return report;
}

namespace internal {

void RowParser::Begin(const Row& row) {
  row_ = &row;
  row_ok_ = true;
  for (int i = 0; i < static_cast<int>(Field::kCount_); ++i) {
    const auto f = static_cast<Field>(i);
    const std::string_view text = Get(f);
    if (text.empty()) continue;
    const bool free_text = f == Field::kReason;
    const core::Status st =
        CheckCellText(text, free_text ? kMaxReasonChars : kMaxCellChars, free_text);
    if (st.ok()) continue;
    if (st.reason() == "too_long") {
      errors_->Add(RowError{row.number, map_.Label(f),
                            ReportedValue(f, core::Utf8Prefix(text, 20)) + "……",
                            std::string(st.reason()), std::string(st.message())});
      row_ok_ = false;
    } else {
      Fail(f, st);
    }
  }
}

std::string_view RowParser::Get(Field f) const {
  const int c = map_.col(f);
  return c < 0 ? std::string_view() : core::TrimSpace(row_->text(static_cast<std::size_t>(c)));
}

const Cell* RowParser::CellOf(Field f) const {
  const int c = map_.col(f);
  if (c < 0 || static_cast<std::size_t>(c) >= row_->cells.size()) return nullptr;
  return &row_->cells[static_cast<std::size_t>(c)];
}

void RowParser::Fail(Field f, std::string_view reason, std::string message) {
  row_ok_ = false;
  errors_->Add(RowError{row_->number, map_.Label(f), ReportedValue(f, Get(f)), std::string(reason),
                        std::move(message)});
}

std::string ReportedValue(Field f, std::string_view text) {
  const bool personal = f == Field::kIdNumber || f == Field::kStudentNo;
  return core::VisibleText(personal ? core::MaskIdNumber(text) : std::string(text));
}

void RowParser::FailUnknown(Field f, std::string_view reason, std::string_view what) {
  constexpr std::size_t kListed = 12;  // longer lists (民族, 办学类型) are cut with 等
  const std::vector<std::string_view> choices = ChoicesOf(f);
  std::string message = "无法识别的" + std::string(what) + "“" + core::VisibleText(Get(f)) + "”";
  for (std::size_t i = 0; i < choices.size() && i < kListed; ++i) {
    message += (i == 0 ? "，可填：" : "、") + std::string(choices[i]);
  }
  if (choices.size() > kListed) {
    message += "等" + std::to_string(choices.size()) + "项（导入模板的下拉列表有全部取值）";
  }
  Fail(f, reason, std::move(message));
}

bool RowParser::YesNo(Field f) {
  const std::string_view text = Get(f);
  const auto v = meta::ParseYesNo(text);
  if (!v) {
    Fail(f, "bad_yes_no", "应填“是”或“否”，实为“" + std::string(text) + "”");
    return false;
  }
  return *v;
}

namespace {

// An ID number Excel stored as a number: a numeric XLSX cell, or the text Excel writes for one
// into a CSV ("4.41822E+17"). Its last digits are lost; only the clerk can restore them.
// True for Excel's scientific notation of a number: a digit, optionally '.' and digits, then
// e or E, an optional '+' and digits. Checked on every ID cell of a file: no regex.
bool IsScientific(std::string_view t) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  if (i >= t.size() || !digit(t[i++])) return false;
  if (i < t.size() && t[i] == '.') {
    const std::size_t from = ++i;
    while (i < t.size() && digit(t[i])) ++i;
    if (i == from) return false;
  }
  if (i >= t.size() || (t[i] != 'e' && t[i] != 'E')) return false;
  if (++i < t.size() && t[i] == '+') ++i;
  const std::size_t exponent = i;
  while (i < t.size() && digit(t[i])) ++i;
  return i > exponent && i == t.size();
}

bool FailIfStoredAsNumber(RowParser& p, std::string_view text, const Cell* cell) {
  if ((cell == nullptr || !cell->numeric) && !IsScientific(text)) return false;
  p.Fail(Field::kIdNumber, "id_number_as_number",
         "Excel 把身份证件号存成了数字（" + std::string(text) +
             "），末几位已丢失；请把该列设为“文本”格式后按原件重新填写");
  return true;
}

}  // namespace

bool ParseIdentity(RowParser& p, core::Date today, bool has_student_no, Identity* out) {
  const bool ok_before = p.row_ok();
  out->id_type = p.Code(Field::kIdType, meta::ParseIdType, meta::IdType::kResidentId, "bad_id_type",
                        "身份证件类型");
  const std::string_view text = p.Get(Field::kIdNumber);
  const Cell* cell = p.CellOf(Field::kIdNumber);
  std::optional<core::Date> birth_col;
  if (!p.Get(Field::kBirthDate).empty()) {
    auto d = core::Date::Parse(p.Get(Field::kBirthDate));
    if (d.ok()) {
      birth_col = *d;
    } else {
      p.Fail(Field::kBirthDate, d.status());
    }
  }
  const auto sex_col = p.Code(Field::kSex, meta::ParseSex, core::Sex::kUnknown, "bad_sex", "性别");

  if (meta::IsGb11643(out->id_type)) {
    if (text.empty()) {
      p.Fail(Field::kIdNumber, "empty", "身份证件号为空");
      return false;
    }
    if (FailIfStoredAsNumber(p, text, cell)) return false;
    auto id = core::IdNumber::Parse(text, today);
    if (!id.ok()) {
      p.Fail(Field::kIdNumber, id.status());
      return false;
    }
    out->id_number = id->str();
    out->id_number_15 = id->original15();
    out->birth_date = id->birth_date();
    out->sex = id->sex();
    if (birth_col && *birth_col != out->birth_date) {
      p.Fail(Field::kBirthDate, "birth_date_mismatch",
             "出生日期" + birth_col->ToString() + "与身份证号中的" + out->birth_date.ToString() +
                 "不一致");
    }
    if (sex_col != core::Sex::kUnknown && sex_col != out->sex) {
      p.Fail(Field::kSex, "sex_mismatch",
             "性别“" + std::string(meta::SexName(sex_col)) + "”与身份证号（第17位）所示的“" +
                 std::string(meta::SexName(out->sex)) + "”不一致");
    }
  } else {
    out->id_number = core::FoldFullWidth(text);
    if (out->id_number.empty()) {
      if (out->id_type != meta::IdType::kOther) {
        p.Fail(Field::kIdNumber, "empty", "身份证件号为空");
      } else if (!has_student_no) {
        p.Fail(Field::kIdNumber, "missing_identity",
               "证件类型为“其他”且无证件号时，须填写全国学籍号");
      }
    }
    if (!birth_col) {
      if (p.Get(Field::kBirthDate).empty()) {
        p.Fail(Field::kBirthDate, "empty", "非居民身份证件须填写出生日期");
      }
    } else {
      out->birth_date = *birth_col;
      if (out->birth_date > today) {
        p.Fail(Field::kBirthDate, "future_birth_date", "出生日期晚于今天");
      }
    }
    out->sex = sex_col;
    if (sex_col == core::Sex::kUnknown && p.Get(Field::kSex).empty()) {
      p.Fail(Field::kSex, "empty", "非居民身份证件须填写性别");
    }
  }
  return ok_before ? p.row_ok() : false;
}

std::string ParseStudentNo(RowParser& p, core::Date today, std::string_view checked_id) {
  const std::string_view text = p.Get(Field::kStudentNo);
  if (text.empty()) return "";
  if (!checked_id.empty() && text.size() == 19 && (text[0] == 'G' || text[0] == 'g') &&
      text.substr(1) == checked_id) {
    return "G" + std::string(checked_id);
  }
  if (core::Status st = meta::ValidateStudentNo(text, today); !st.ok()) {
    p.Fail(Field::kStudentNo, st);
    return "";
  }
  std::string no(text);
  no[0] = core::AsciiUpper(no[0]);
  return no;
}

void ParseStudentKey(RowParser& p, core::Date today, meta::Student* s) {
  s->student_no = ParseStudentNo(p, today, {});
  s->id_type = p.Code(Field::kIdType, meta::ParseIdType, meta::IdType::kResidentId, "bad_id_type",
                      "身份证件类型");
  const std::string_view number = p.Get(Field::kIdNumber);
  const Cell* cell = p.CellOf(Field::kIdNumber);
  if (!number.empty() && meta::IsGb11643(s->id_type)) {
    if (FailIfStoredAsNumber(p, number, cell)) return;
    auto id = core::IdNumber::Parse(number, today);
    if (id.ok()) {
      s->id_number = id->str();
    } else {
      p.Fail(Field::kIdNumber, id.status());
    }
  } else {
    s->id_number = core::FoldFullWidth(number);
  }
  if (s->id_number.empty() && s->student_no.empty() && p.row_ok()) {
    p.Fail(Field::kIdNumber, "missing_identity", "身份证件号和全国学籍号都为空");
  }
}

const meta::OrgUnit* ParseSchool(RowParser& p, const meta::OrgTree& tree,
                                 const ImportOptions& options) {
  const Field at = p.Has(Field::kSchoolCode) && !p.Get(Field::kSchoolCode).empty()
                       ? Field::kSchoolCode
                       : Field::kSchoolName;
  auto school = tree.ResolveSchool(p.Get(Field::kSchoolCode), p.Get(Field::kSchoolName));
  if (!school.ok()) {
    p.Fail(at, school.status());
    return nullptr;
  }
  if (options.may_write && !options.may_write(**school)) {
    // Outside the actor's scope: its existence stays hidden.
    p.Fail(at, "unknown_school", "学校“" + std::string(p.Get(at)) + "”不存在");
    return nullptr;
  }
  return *school;
}

int ParseRowSchoolYear(RowParser& p, const ImportOptions& options) {
  const std::string_view text = p.Get(Field::kSchoolYear);
  if (text.empty()) {
    if (options.school_year > 0) return options.school_year;
    p.Fail(Field::kSchoolYear, "missing_school_year", "学年为空（也可在导入时用 --year 指定）");
    return 0;
  }
  auto year = core::ParseSchoolYear(text);
  if (!year.ok()) {
    p.Fail(Field::kSchoolYear, year.status());
    return 0;
  }
  if (options.school_year > 0 && *year != options.school_year) {
    p.Fail(Field::kSchoolYear, "school_year_conflict",
           "文件的学年是" + core::SchoolYearLabel(*year) + "，与 --year " +
               std::to_string(options.school_year) + "（" +
               core::SchoolYearLabel(options.school_year) + "）不符；请去掉 --year 或改正学年列");
    return 0;
  }
  return *year;
}

void Reject(ImportReport* report, core::Status status) { report->status = std::move(status); }

core::Result<PlanBase> LoadPlanBase(store::Store& store) {
  PlanBase base;
  EL_ASSIGN_OR_RETURN(base.version, store.Version());
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  base.tree = meta::OrgTree(std::move(units));
  return base;
}

void Conclude(ImportReport* report) {
  report->errors.SortByRow();
  report->warnings.SortByRow();
  if (!report->errors.empty() && report->status.ok()) {
    report->status = core::Status::InvalidArgument(
        "rows_rejected", "文件有" + std::to_string(report->errors.count()) +
                             "处错误，已整体拒绝，数据库未作任何改动");
  }
}

std::string AuditDetail(const ImportReport& report) {
  nlohmann::json detail;
  detail["file"] = core::FileName(report.file);
  detail["kind"] = ImportKindName(report.kind);
  detail["rows"] = report.rows;
  for (const EntityCounts& c : report.counts) {
    detail["counts"][c.entity] = {
        {"added", c.added}, {"changed", c.changed}, {"unchanged", c.unchanged}};
  }
  return detail.dump();
}

}  // namespace internal
}  // namespace eduledger::ingest
