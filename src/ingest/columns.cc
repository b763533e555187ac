#include "ingest/columns.h"

#include "core/text.h"
#include "meta/education_level.h"
#include "meta/ethnicity.h"
#include "meta/org_unit.h"
#include "meta/school_type.h"
#include "meta/staff.h"
#include "meta/status_event.h"
#include "meta/student.h"

namespace eduledger::ingest {

namespace {

// Shared column definitions; each kind lists the ones it takes.
constexpr ColumnSpec kName{Field::kName, "姓名", "name", "学生姓名|教职工姓名|教师姓名"};
constexpr ColumnSpec kSex{Field::kSex, "性别", "sex", "gender"};
constexpr ColumnSpec kIdType{Field::kIdType, "身份证件类型", "id_type", "证件类型"};
constexpr ColumnSpec kIdNumber{Field::kIdNumber, "身份证件号", "id_number",
                               "身份证件号码|身份证号|身份证号码|证件号码|证件号|公民身份号码|id"};
constexpr ColumnSpec kStudentNo{Field::kStudentNo, "全国学籍号", "student_no",
                                "学籍号|全国学籍号码|学籍编号|student_number"};
constexpr ColumnSpec kBirthDate{Field::kBirthDate, "出生日期", "birth_date",
                                "出生年月日|出生年月|生日|birthday"};
constexpr ColumnSpec kEthnicity{Field::kEthnicity, "民族", "ethnicity", "民族代码"};
constexpr ColumnSpec kSchoolCode{Field::kSchoolCode, "学校标识码", "school_code",
                                 "学校代码|学校识别码|学校标识|school_id"};
constexpr ColumnSpec kSchoolName{Field::kSchoolName, "学校名称", "school_name",
                                 "学校|就读学校|所在学校|单位名称|任职学校|school"};
constexpr ColumnSpec kSchoolYear{Field::kSchoolYear, "学年", "school_year", "统计学年|year"};
constexpr ColumnSpec kGrade{Field::kGrade, "年级", "grade", "所在年级|就读年级"};
constexpr ColumnSpec kClass{Field::kClass, "班级", "class_name", "班级名称|所在班级|班号|class"};
constexpr ColumnSpec kAdmission{Field::kAdmission, "入学年月", "admission_ym",
                                "入学时间|入学日期|入校年月|admission"};
constexpr ColumnSpec kHukou{Field::kHukou, "户口性质", "hukou", "户口类型|户籍性质"};
constexpr ColumnSpec kLeftBehind{Field::kLeftBehind, "是否留守儿童", "left_behind", "留守儿童"};
constexpr ColumnSpec kMigrant{Field::kMigrantChild, "是否进城务工人员随迁子女", "migrant_child",
                              "随迁子女|是否随迁子女|进城务工人员随迁子女"};
constexpr ColumnSpec kDisabled{Field::kDisabled, "是否残疾", "disabled", "是否残疾人|残疾"};
constexpr ColumnSpec kDisabilityType{Field::kDisabilityType, "残疾类型", "disability_type",
                                     "残疾类别"};
constexpr ColumnSpec kPoor{Field::kRegisteredPoor, "是否建档立卡", "registered_poor",
                           "建档立卡|是否建档立卡贫困户|是否脱贫家庭|是否脱贫户"};
constexpr ColumnSpec kDibao{Field::kDibao, "是否低保", "dibao", "低保|是否城乡低保"};
constexpr ColumnSpec kExtreme{Field::kExtremePoverty, "是否特困供养", "extreme_poverty",
                              "特困供养|是否特困"};
constexpr ColumnSpec kOrphan{Field::kOrphan, "是否孤儿", "orphan", "孤儿"};
constexpr ColumnSpec kPost{Field::kPost, "岗位类别", "post", "岗位|岗位类型"};
constexpr ColumnSpec kTitle{Field::kTitle, "专业技术职务", "title",
                            "职称|专业技术职称|职务级别|教师职称"};
constexpr ColumnSpec kSubject{Field::kSubject, "任教学科", "subject", "学科|主教学科"};
constexpr ColumnSpec kLevelTaught{Field::kLevelTaught, "任教学段", "level_taught", "学段"};
constexpr ColumnSpec kQualification{Field::kQualification, "最高学历", "qualification", "学历"};
constexpr ColumnSpec kOrgCode{Field::kOrgCode, "单位代码", "code",
                              "代码|学校标识码|机构代码|行政区划代码|学校代码"};
constexpr ColumnSpec kOrgName{Field::kOrgName, "单位名称", "name", "名称|学校名称|机构名称"};
constexpr ColumnSpec kOrgLevel{Field::kOrgLevel, "层级", "level", "级别|机构层级"};
constexpr ColumnSpec kParent{Field::kParent, "上级单位", "parent",
                             "上级|所属乡镇|所属单位|上级代码|上级单位代码|主管单位"};
constexpr ColumnSpec kSchoolType{Field::kSchoolType, "办学类型", "school_type",
                                 "学校类型|办学类型代码|学校类别"};
constexpr ColumnSpec kOwnership{Field::kOwnership, "办别", "ownership",
                                "举办者类型|办学性质|公办民办"};
constexpr ColumnSpec kUrbanRural{Field::kUrbanRural, "城乡分类", "urban_rural",
                                 "城乡分类代码|城乡类别|城乡属性"};
constexpr ColumnSpec kBoarding{Field::kBoarding, "是否寄宿制学校", "boarding", "寄宿制|是否寄宿制"};
constexpr ColumnSpec kSmallScale{Field::kSmallScale, "是否小规模学校", "small_scale",
                                 "小规模学校|是否乡村小规模学校"};
constexpr ColumnSpec kAffordable{Field::kAffordable, "是否普惠性幼儿园", "affordable",
                                 "普惠|普惠性|是否普惠"};
constexpr ColumnSpec kCentralSchool{Field::kCentralSchool, "所属中心校", "central_school",
                                    "中心校|主管学校"};

constexpr ColumnSpec kEventType{Field::kEventType, "异动类型", "event_type",
                                "异动类别|学籍异动类型|变动类型|异动|type"};
constexpr ColumnSpec kEventDate{Field::kEventDate, "异动日期", "event_date",
                                "异动时间|变动日期|发生日期|日期|date"};
constexpr ColumnSpec kFromSchool{Field::kFromSchool, "原学校", "from_school",
                                 "转出学校|原就读学校|原学校名称|原学校标识码|学校|学校名称|"
                                 "所在学校|就读学校|学校标识码"};
constexpr ColumnSpec kToSchool{Field::kToSchool, "转入学校", "to_school",
                               "转入学校名称|转入学校标识码|转往学校|去向学校"};
constexpr ColumnSpec kReason{Field::kReason, "原因", "reason", "异动原因|变动原因|备注|说明"};

constexpr ColumnSpec kOrgUnitSpec[] = {kOrgCode,    kOrgName,    kOrgLevel,     kParent,
                                       kSchoolType, kOwnership,  kUrbanRural,   kBoarding,
                                       kSmallScale, kAffordable, kCentralSchool};
constexpr ColumnSpec kStudentSpec[] = {
    kName,      kSex,        kIdType,     kIdNumber,   kStudentNo, kBirthDate,
    kEthnicity, kSchoolCode, kSchoolName, kSchoolYear, kGrade,     kClass,
    kAdmission, kHukou,      kLeftBehind, kMigrant,    kDisabled,  kDisabilityType,
    kPoor,      kDibao,      kExtreme,    kOrphan};
constexpr ColumnSpec kEnrolmentSpec[] = {kIdType,     kIdNumber,   kStudentNo, kName,  kSchoolCode,
                                         kSchoolName, kSchoolYear, kGrade,     kClass, kAdmission};
constexpr ColumnSpec kStaffSpec[] = {
    kName,       kSex,        kIdType, kIdNumber, kBirthDate, kEthnicity,   kSchoolCode,
    kSchoolName, kSchoolYear, kPost,   kTitle,    kSubject,   kLevelTaught, kQualification};

constexpr ColumnSpec kEventSpec[] = {kName,      kIdType,     kIdNumber, kStudentNo, kEventType,
                                     kEventDate, kFromSchool, kToSchool, kReason};

// Fold, drop spaces, required marks and ASCII case: "＊ 身份证件号（必填）" → "身份证件号".
std::string NormalizeHeader(std::string_view header) {
  std::string folded = core::FoldFullWidth(core::TrimSpace(header));
  for (std::string_view mark : {"(必填)", "(选填)", "(必须)"}) {
    const std::size_t at = folded.find(mark);
    if (at != std::string::npos) folded.erase(at, mark.size());
  }
  std::string out;
  for (const char c : folded) {
    if (c == ' ' || c == '*' || c == '\t' || c == '_' || c == '\n' || c == '\r') continue;
    out.push_back(core::AsciiLower(c));
  }
  return out;
}

bool Matches(const HeaderWords& spec, const std::string& normalized) {
  if (normalized == NormalizeHeader(spec.header) || normalized == NormalizeHeader(spec.key)) {
    return true;
  }
  std::string_view aliases = spec.aliases;
  while (!aliases.empty()) {
    const std::size_t bar = aliases.find('|');
    if (normalized == NormalizeHeader(aliases.substr(0, bar))) return true;
    if (bar == std::string_view::npos) break;
    aliases.remove_prefix(bar + 1);
  }
  return false;
}

// The column `header` names in `columns`, or -1: canonical headers win over aliases, so a file
// with both 学校标识码 and 学校名称 maps each to its own column.
int ColumnOf(std::span<const HeaderWords> columns, const std::string& normalized) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const HeaderWords& c = columns[i];
    if (normalized == NormalizeHeader(c.header) || normalized == NormalizeHeader(c.key))
      return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (Matches(columns[i], normalized)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::span<const ColumnSpec> OrgUnitColumns() { return kOrgUnitSpec; }
std::span<const ColumnSpec> StudentColumns() { return kStudentSpec; }
std::span<const ColumnSpec> EnrolmentColumns() { return kEnrolmentSpec; }
std::span<const ColumnSpec> StaffColumns() { return kStaffSpec; }
std::span<const ColumnSpec> EventColumns() { return kEventSpec; }

std::vector<std::string_view> ChoicesOf(Field f) {
  switch (f) {
    case Field::kSex:
      return meta::SexNames();
    case Field::kIdType:
      return meta::IdTypeNames();
    case Field::kEthnicity:
      return meta::EthnicityNames();
    case Field::kHukou:
      return meta::HukouNames();
    case Field::kDisabilityType:
      return meta::DisabilityNames();
    case Field::kLeftBehind:
    case Field::kMigrantChild:
    case Field::kDisabled:
    case Field::kRegisteredPoor:
    case Field::kDibao:
    case Field::kExtremePoverty:
    case Field::kOrphan:
    case Field::kBoarding:
    case Field::kSmallScale:
    case Field::kAffordable:
      return {"是", "否"};
    case Field::kPost:
      return meta::PostNames();
    case Field::kTitle:
      return meta::TitleNames();
    case Field::kLevelTaught:
      return meta::EducationLevelNames();
    case Field::kQualification:
      return meta::QualificationNames();
    case Field::kOrgLevel:
      return meta::OrgLevelNames();
    case Field::kSchoolType:
      return meta::SchoolTypeNames();
    case Field::kOwnership:
      return meta::OwnershipNames();
    case Field::kUrbanRural:
      return meta::UrbanRuralNames();
    case Field::kEventType:
      return meta::EventTypeNames();
    default:
      return {};
  }
}

std::string ColumnLetter(int col) {
  std::string out;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

std::string HeaderMap::Label(std::size_t i) const {
  const int c = col(i);
  if (c < 0) return "";
  return ColumnLetter(c) + "列“" + headers_[static_cast<std::size_t>(c)] + "”";
}

std::string ColumnMap::Label(Field f) const {
  const int i = index_[static_cast<std::size_t>(f)];
  return i < 0 ? std::string() : map_.Label(static_cast<std::size_t>(i));
}

core::Result<HeaderMap> ReadHeaderRow(TableReader& reader, std::span<const HeaderWords> columns,
                                      std::string_view source) {
  const int needed = columns.size() == 1 ? 1 : 2;
  Row row;
  for (int tries = 0; tries < 10; ++tries) {
    EL_ASSIGN_OR_RETURN(const bool more, reader.Next(&row));
    if (!more) break;
    int known = 0;
    for (const Cell& cell : row.cells) known += ColumnOf(columns, NormalizeHeader(cell.text)) >= 0;
    if (known < needed) continue;

    HeaderMap map;
    map.cols_.assign(columns.size(), -1);
    map.header_row_ = row.number;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const std::string header(core::TrimSpace(row.cells[i].text));
      map.headers_.push_back(header);
      if (header.empty()) continue;
      const int c = ColumnOf(columns, NormalizeHeader(header));
      if (c < 0) {
        map.ignored_.push_back(header);
        continue;
      }
      const auto at = static_cast<std::size_t>(c);
      if (map.cols_[at] >= 0) {
        return core::Status::InvalidArgument(
            "duplicate_column", std::string(source) + " 第" + std::to_string(row.number) + "行：" +
                                    map.Label(at) + "与" + ColumnLetter(static_cast<int>(i)) +
                                    "列“" + header + "”是同一项（" +
                                    std::string(columns[at].header) + "），请只保留一列");
      }
      map.cols_[at] = static_cast<int>(i);
    }
    return map;
  }
  std::string expected;
  for (const HeaderWords& c : columns)
    expected += (expected.empty() ? "" : "、") + std::string(c.header);
  return core::Status::InvalidArgument(
      "missing_header", std::string(source) + "：前10行中找不到表头（至少要有" +
                            (needed == 1 ? "一列" : "两列") + "可识别的列名，如：" + expected +
                            "）");
}

core::Result<ColumnMap> ReadHeader(TableReader& reader, std::span<const ColumnSpec> spec,
                                   std::string_view source) {
  std::vector<HeaderWords> words;
  words.reserve(spec.size());
  for (const ColumnSpec& c : spec) words.push_back({c.header, c.key, c.aliases});
  ColumnMap map;
  EL_ASSIGN_OR_RETURN(map.map_, ReadHeaderRow(reader, words, source));
  for (std::size_t i = 0; i < spec.size(); ++i) {
    map.index_[static_cast<std::size_t>(spec[i].field)] = static_cast<int>(i);
  }
  return map;
}

core::Status CheckCellText(std::string_view text, std::size_t limit, bool multiline) {
  // A cell has at least one byte per character: only a long one needs counting.
  const std::size_t chars = text.size() > limit ? core::CodePointCount(text) : text.size();
  if (chars > limit) {
    return core::Status::InvalidArgument(
        "too_long",
        "内容过长（" + std::to_string(chars) + "个字符，上限" + std::to_string(limit) + "个）");
  }
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) continue;
    if ((c == '\n' || c == '\r' || c == '\t') && multiline) continue;
    return core::Status::InvalidArgument(
        "control_character", c == '\n' || c == '\r'
                                 ? "单元格内有换行，请删去（姓名、代码等只能占一行）"
                             : c == '\0' ? "单元格内有空字符（NUL），文件可能已损坏"
                                         : "单元格内有不可见的控制字符，请删去");
  }
  return core::Status::OK();
}

}  // namespace eduledger::ingest
