// Columns of import files: each field a file may carry, the header a Chinese school clerk
// writes for it and the aliases accepted (English ones included), and the mapping of a file's
// header row onto fields. Headers are compared after folding full-width forms, dropping spaces,
// required-field marks (*, ＊, （必填）) and ASCII case. Rows above the header (a title such as
// "示例县2024年学生名单") are skipped: the header is the first of the first ten rows that names
// at least two known columns. docs/formats.md lists every column.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ingest/table_reader.h"

namespace eduledger::ingest {

enum class Field : std::uint8_t {
  // people
  kName,
  kSex,
  kIdType,
  kIdNumber,
  kStudentNo,
  kBirthDate,
  kEthnicity,
  // enrolment
  kSchoolCode,
  kSchoolName,
  kSchoolYear,
  kGrade,
  kClass,
  kAdmission,
  // student attributes
  kHukou,
  kLeftBehind,
  kMigrantChild,
  kDisabled,
  kDisabilityType,
  kRegisteredPoor,
  kDibao,
  kExtremePoverty,
  kOrphan,
  // staff
  kPost,
  kTitle,
  kSubject,
  kLevelTaught,
  kQualification,
  // org units
  kOrgCode,
  kOrgName,
  kOrgLevel,
  kParent,
  kSchoolType,
  kOwnership,
  kUrbanRural,
  kBoarding,
  kSmallScale,
  kAffordable,
  kCentralSchool,
  // status events (学籍异动)
  kEventType,
  kEventDate,
  kFromSchool,
  kToSchool,
  kReason,
  kCount_,
};

struct ColumnSpec {
  Field field;
  std::string_view header;   // canonical Chinese header, written by export
  std::string_view key;      // English key, as in --format json and the English aliases
  std::string_view aliases;  // other headers, '|'-separated
};

// The columns of each import kind, in export order.
std::span<const ColumnSpec> OrgUnitColumns();
std::span<const ColumnSpec> StudentColumns();
std::span<const ColumnSpec> EnrolmentColumns();
std::span<const ColumnSpec> StaffColumns();
std::span<const ColumnSpec> EventColumns();

// The values a coded column accepts, by their names (others spellings and codes are accepted
// too): what an error lists and a template offers as its drop-down. Empty for a free column.
std::vector<std::string_view> ChoicesOf(Field f);

// A file's header mapped onto fields.
class ColumnMap {
 public:
  // The file column of `f`, or -1 when the file has none.
  int col(Field f) const { return cols_[static_cast<std::size_t>(f)]; }
  bool has(Field f) const { return col(f) >= 0; }
  // "D列“身份证件号”": the column letter and the header as the file wrote it.
  std::string Label(Field f) const;
  // Headers the file has that are no known column (ignored on import).
  const std::vector<std::string>& ignored() const { return ignored_; }
  std::int64_t header_row() const { return header_row_; }

 private:
  friend core::Result<ColumnMap> ReadHeader(TableReader& reader, std::span<const ColumnSpec> spec,
                                            std::string_view source);
  std::vector<int> cols_ = std::vector<int>(static_cast<std::size_t>(Field::kCount_), -1);
  std::vector<std::string> headers_;
  std::vector<std::string> ignored_;
  std::int64_t header_row_ = 0;
};

// Read rows from `reader` until the header row and map it. No header among the first ten rows
// is InvalidArgument "missing_header"; two columns for one field is "duplicate_column".
// Required columns are the caller's to check (some are "one of").
core::Result<ColumnMap> ReadHeader(TableReader& reader, std::span<const ColumnSpec> spec,
                                   std::string_view source);

// "A", "B", … "Z", "AA" for a 0-based column index.
std::string ColumnLetter(int col);

}  // namespace eduledger::ingest
