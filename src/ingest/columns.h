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

// The words a column's header may be written in: the canonical header, the English key and
// the aliases ('|'-separated). For columns made at run time (a ledger's fields, whose headers
// are the metadata's); ColumnSpec is the same for the register's fixed columns.
struct HeaderWords {
  std::string_view header;
  std::string_view key;
  std::string_view aliases;
};

// A file's header row matched onto a list of columns, by their index in that list.
class HeaderMap {
 public:
  // The file column of the list's column `i`, or -1 when the file has none.
  int col(std::size_t i) const { return cols_[i]; }
  bool has(std::size_t i) const { return cols_[i] >= 0; }
  // "D列“身份证件号”": the column letter and the header as the file wrote it.
  std::string Label(std::size_t i) const;
  // Headers the file has that are no known column (ignored on import).
  const std::vector<std::string>& ignored() const { return ignored_; }
  std::int64_t header_row() const { return header_row_; }

 private:
  friend core::Result<HeaderMap> ReadHeaderRow(TableReader& reader,
                                               std::span<const HeaderWords> columns,
                                               std::string_view source);
  std::vector<int> cols_;
  std::vector<std::string> headers_;
  std::vector<std::string> ignored_;
  std::int64_t header_row_ = 0;
};

// Read rows from `reader` until the header row and map it onto `columns`. The header is the
// first of the first ten rows that names at least two of them (or the only one, for a list of
// one); none is InvalidArgument "missing_header"; two file columns for one column is
// "duplicate_column". Required columns are the caller's to check (some are "one of").
core::Result<HeaderMap> ReadHeaderRow(TableReader& reader, std::span<const HeaderWords> columns,
                                      std::string_view source);

// A file's header mapped onto fields.
class ColumnMap {
 public:
  // The file column of `f`, or -1 when the file has none.
  int col(Field f) const {
    const int i = index_[static_cast<std::size_t>(f)];
    return i < 0 ? -1 : map_.col(static_cast<std::size_t>(i));
  }
  bool has(Field f) const { return col(f) >= 0; }
  // "D列“身份证件号”": the column letter and the header as the file wrote it.
  std::string Label(Field f) const;
  // Headers the file has that are no known column (ignored on import).
  const std::vector<std::string>& ignored() const { return map_.ignored(); }
  std::int64_t header_row() const { return map_.header_row(); }

 private:
  friend core::Result<ColumnMap> ReadHeader(TableReader& reader, std::span<const ColumnSpec> spec,
                                            std::string_view source);
  HeaderMap map_;
  std::vector<int> index_ = std::vector<int>(static_cast<std::size_t>(Field::kCount_), -1);
};

// ReadHeaderRow for the columns of `spec`.
core::Result<ColumnMap> ReadHeader(TableReader& reader, std::span<const ColumnSpec> spec,
                                   std::string_view source);

// What no cell of an imported file may hold, whatever its column: more than `limit`
// characters ("too_long"), a NUL or other control character, or a line break unless
// `multiline` ("control_character"). OK, or InvalidArgument with the reason and a message.
core::Status CheckCellText(std::string_view text, std::size_t limit, bool multiline);

// "A", "B", … "Z", "AA" for a 0-based column index.
std::string ColumnLetter(int col);

}  // namespace eduledger::ingest
