// Helpers shared by the import of each kind (ingest only): a row parser that turns cell
// problems into RowErrors, the parsing of identity documents, schools and school years, and
// the steps every kind runs through.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/id_number.h"
#include "ingest/columns.h"
#include "ingest/import.h"
#include "ingest/table_reader.h"
#include "meta/org_tree.h"
#include "meta/student.h"

namespace eduledger::ingest::internal {

// A cell's value as an error report shows it. Reports are read, printed and logged: an ID
// number or 全国学籍号 is masked as the logs mask it.
std::string ReportedValue(Field f, std::string_view text);

// Reads cells of one row by field and records what is wrong with them.
class RowParser {
 public:
  RowParser(const ColumnMap& map, ErrorList* errors) : map_(map), errors_(errors) {}

  // Start on `row`: its cells are checked for what no column may hold (a NUL or other
  // control character, a line break outside 原因, more than kMaxCellChars characters).
  void Begin(const Row& row);
  static constexpr std::size_t kMaxCellChars = 200;
  static constexpr std::size_t kMaxReasonChars = 2000;
  std::int64_t row_number() const { return row_->number; }
  bool row_ok() const { return row_ok_; }
  const ColumnMap& map() const { return map_; }

  bool Has(Field f) const { return map_.has(f); }
  // The cell's text, trimmed; "" when the file has no such column.
  std::string_view Get(Field f) const;
  const Cell* CellOf(Field f) const;

  // Record an error in the cell of `f` (or about the row when the file has no such column).
  void Fail(Field f, std::string_view reason, std::string message);
  void Fail(Field f, const core::Status& status) {
    Fail(f, status.reason(), std::string(status.message()));
  }
  // Parse a coded value with `parse` (returning std::optional); an unknown value is an error
  // with `reason` naming `what`. Empty cells give `fallback`.
  template <class T, class Parse>
  T Code(Field f, Parse parse, T fallback, std::string_view reason, std::string_view what) {
    const std::string_view text = Get(f);
    if (text.empty()) return fallback;
    const auto value = parse(text);
    if (!value) {
      FailUnknown(f, reason, what);
      return fallback;
    }
    return *value;
  }
  // An unknown value of a coded column: the error lists what it accepts (ChoicesOf).
  void FailUnknown(Field f, std::string_view reason, std::string_view what);
  // A yes/no column: true only for 是 (and its spellings); empty is no.
  bool YesNo(Field f);

 private:
  const ColumnMap& map_;
  ErrorList* errors_;
  const Row* row_ = nullptr;
  bool row_ok_ = true;
};

// The identity document of a person on a row, checked against the birth date and sex columns.
struct Identity {
  meta::IdType id_type = meta::IdType::kResidentId;
  std::string id_number;
  std::string id_number_15;
  core::Date birth_date;
  core::Sex sex = core::Sex::kUnknown;
};

// Parse kIdType, kIdNumber, kBirthDate and kSex. A 居民身份证 number is checked (GB 11643) and
// gives birth date and sex, which the columns must then agree with; other documents take them
// from the columns. An empty number is allowed only for type Z with a 全国学籍号
// (`has_student_no`). Returns false after recording errors.
bool ParseIdentity(RowParser& p, core::Date today, bool has_student_no, Identity* out);

// Parse the 全国学籍号 cell: "" when empty or invalid (after recording the error). A G number
// that is "G" + `checked_id`, an ID number already checked, needs no second check.
std::string ParseStudentNo(RowParser& p, core::Date today, std::string_view checked_id);

// The identity of a student the register already holds, as a row gives it: kIdType,
// kIdNumber (checked when it is a 居民身份证 number), kStudentNo; one of the two numbers is
// required. Errors are recorded on the row.
void ParseStudentKey(RowParser& p, core::Date today, meta::Student* s);

// Resolve the school of a row from kSchoolCode / kSchoolName. A school outside the actor's
// scope is reported as unknown. Returns nullptr after recording the error.
const meta::OrgUnit* ParseSchool(RowParser& p, const meta::OrgTree& tree,
                                 const ImportOptions& options);

// The row's school year: its 学年 cell, else options.school_year; 0 after recording an error.
int ParseRowSchoolYear(RowParser& p, const ImportOptions& options);

// The required columns a file lacks, collected for one "missing_column" error.
class MissingColumns {
 public:
  // Note `what` (its name for people) as missing unless `present`.
  void Need(bool present, std::string_view what) {
    if (!present) missing_ += (missing_.empty() ? "" : "、") + std::string(what);
  }
  // 学校标识码 or 学校名称, and 学年 unless the import gives the year.
  void NeedSchool(const ColumnMap& map) {
    Need(map.has(Field::kSchoolCode) || map.has(Field::kSchoolName), "学校标识码或学校名称");
  }
  void NeedSchoolYear(const ColumnMap& map, const ImportOptions& options) {
    Need(map.has(Field::kSchoolYear) || options.school_year > 0, "学年（或导入时用 --year 指定）");
  }
  // OK when nothing is missing, else InvalidArgument "missing_column" naming each.
  core::Status status() const {
    if (missing_.empty()) return core::Status::OK();
    return core::Status::InvalidArgument("missing_column", "缺少必需的列：" + missing_);
  }

 private:
  std::string missing_;
};

// Report progress every 4096 rows (and at the end).
class ProgressTicker {
 public:
  ProgressTicker(const ImportOptions& options, std::string_view phase)
      : options_(options), phase_(phase) {}
  void Tick(std::int64_t done, double fraction) {
    if (options_.progress && (done & 4095) == 0) options_.progress(phase_, fraction);
  }
  void Done() {
    if (options_.progress) options_.progress(phase_, 1.0);
  }

 private:
  const ImportOptions& options_;
  std::string_view phase_;
};

// What an import plans against: the store's version (for optimistic concurrency) and its
// org units.
struct PlanBase {
  std::int64_t version = 0;
  meta::OrgTree tree;
};
core::Result<PlanBase> LoadPlanBase(store::Store& store);

// Read every data row of `reader` into a RowParser and call parse_row(parser) for each, with
// progress. A file that cannot be read further rejects the report; returns false then.
template <class ParseRow>
bool ReadRows(TableReader& reader, const ColumnMap& map, const ImportOptions& options,
              ImportReport* report, ParseRow parse_row);

// Counts of one entity kept while planning.
inline void Count(EntityCounts* c, bool exists, bool differs) {
  if (!exists) {
    ++c->added;
  } else if (differs) {
    ++c->changed;
  } else {
    ++c->unchanged;
  }
}

// The per-kind importers. Each reads `reader` after the header `map`, fills `report` and, when
// the file is clean and this is no dry run, writes through `store`.
void ImportOrgUnitRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                       const ImportOptions& options, const store::AuditContext& audit,
                       ImportReport* report);
void ImportStudentRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                       const ImportOptions& options, const store::AuditContext& audit,
                       ImportReport* report);
void ImportEnrolmentRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                         const ImportOptions& options, const store::AuditContext& audit,
                         ImportReport* report);
void ImportStaffRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                     const ImportOptions& options, const store::AuditContext& audit,
                     ImportReport* report);
void ImportEventRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                     const ImportOptions& options, const store::AuditContext& audit,
                     ImportReport* report);

// Fail the report with `status` (a file-level problem).
void Reject(ImportReport* report, core::Status status);
// Set the report's status from its errors: OK, or "rows_rejected".
void Conclude(ImportReport* report);
// The audit detail of an import: file name, rows and counts, as JSON (no personal data).
std::string AuditDetail(const ImportReport& report);

template <class ParseRow>
bool ReadRows(TableReader& reader, const ColumnMap& map, const ImportOptions& options,
              ImportReport* report, ParseRow parse_row) {
  RowParser parser(map, &report->errors);
  ProgressTicker progress(options, "读取校验");
  Row row;
  while (true) {
    auto more = reader.Next(&row);
    if (!more.ok()) {
      Reject(report, more.status());
      return false;
    }
    if (!*more) break;
    ++report->rows;
    progress.Tick(report->rows, reader.progress());
    parser.Begin(row);
    parse_row(parser);
  }
  progress.Done();
  return true;
}

}  // namespace eduledger::ingest::internal
