#include "ingest/export.h"

#include <array>
#include <unordered_set>

#include "core/personal_data.h"
#include "core/statistics_year.h"
#include "ingest/columns.h"
#include "ingest/table_writer.h"
#include "meta/ethnicity.h"
#include "meta/grade.h"
#include "meta/school_type.h"

namespace eduledger::ingest {

namespace {

std::string YesNo(bool v) { return v ? "是" : "否"; }

std::string YearMonth(int ym) {
  if (ym == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", ym / 100, ym % 100);
  return buf;
}

std::vector<std::string> Headers(std::span<const ColumnSpec> spec) {
  std::vector<std::string> out;
  for (const ColumnSpec& c : spec) out.emplace_back(c.header);
  return out;
}

// The cells of one row, placed by field in the order of `spec`; a field `spec` lacks is
// dropped.
class RowBuilder {
 public:
  explicit RowBuilder(std::span<const ColumnSpec> spec) : cells_(spec.size()) {
    cell_of_.fill(-1);
    for (std::size_t i = 0; i < spec.size(); ++i) {
      cell_of_[static_cast<std::size_t>(spec[i].field)] = static_cast<int>(i);
    }
  }
  void Set(Field f, std::string value) {
    const int cell = cell_of_[static_cast<std::size_t>(f)];
    if (cell >= 0) cells_[static_cast<std::size_t>(cell)] = std::move(value);
  }
  std::span<const std::string> cells() const { return cells_; }
  void Clear() {
    for (std::string& c : cells_) c.clear();
  }

 private:
  std::array<int, static_cast<std::size_t>(Field::kCount_)> cell_of_;  // -1: not in spec
  std::vector<std::string> cells_;
};

struct PersonCells {
  std::string name;
  std::string id_number;
  std::string student_no;
};

PersonCells Personal(const ExportOptions& o, std::string_view name, std::string_view id,
                     std::string_view no) {
  if (!o.mask_personal) return {std::string(name), std::string(id), std::string(no)};
  return {core::MaskName(name), core::MaskIdNumber(id), core::MaskIdNumber(no)};
}

void SetSchool(RowBuilder& b, const meta::OrgTree& tree, std::int64_t id, int school_year) {
  if (const meta::OrgUnit* u = tree.ById(id)) {
    b.Set(Field::kSchoolCode, u->code);
    b.Set(Field::kSchoolName, u->name);
  }
  b.Set(Field::kSchoolYear, core::SchoolYearLabel(school_year));
}

std::vector<std::int64_t> SchoolIds(const ExportOptions& o) {
  std::vector<std::int64_t> ids;
  for (const meta::OrgUnit* u : o.units) {
    if (u->level == meta::OrgLevel::kSchool) ids.push_back(u->id);
  }
  return ids;
}

core::Result<std::int64_t> ExportOrgUnits(const meta::OrgTree& tree, TableWriter& out,
                                          const ExportOptions& o) {
  RowBuilder b(ColumnsOf(ImportKind::kOrgUnits));
  std::int64_t rows = 0;
  // The file stands alone: a unit whose parent is not in it gets none (the top of the export).
  std::unordered_set<std::int64_t> exported;
  for (const meta::OrgUnit* u : o.units) exported.insert(u->id);
  for (const meta::OrgUnit* u : o.units) {
    b.Clear();
    b.Set(Field::kOrgCode, u->code);
    b.Set(Field::kOrgName, u->name);
    b.Set(Field::kOrgLevel, std::string(meta::OrgLevelName(u->level)));
    if (const meta::OrgUnit* parent = tree.ById(u->parent_id);
        parent && exported.count(parent->id)) {
      b.Set(Field::kParent, parent->code);
    }
    if (u->level == meta::OrgLevel::kSchool) {
      if (const meta::SchoolTypeInfo* t = meta::FindSchoolType(u->school_type)) {
        b.Set(Field::kSchoolType, std::string(t->name));
      }
      b.Set(Field::kOwnership, std::string(meta::OwnershipName(u->ownership)));
      b.Set(Field::kUrbanRural, std::string(meta::UrbanRuralName(u->urban_rural)));
      b.Set(Field::kBoarding, YesNo(u->boarding));
      b.Set(Field::kSmallScale, YesNo(u->small_scale));
      b.Set(Field::kAffordable, YesNo(u->affordable));
      if (const meta::OrgUnit* c = tree.ById(u->central_school_id))
        b.Set(Field::kCentralSchool, c->code);
    }
    EL_RETURN_IF_ERROR(out.WriteRow(b.cells()));
    ++rows;
  }
  return rows;
}

void SetStudentCells(RowBuilder& b, const meta::Student& s, const ExportOptions& o) {
  const PersonCells p = Personal(o, s.name, s.id_number, s.student_no);
  b.Set(Field::kName, p.name);
  b.Set(Field::kIdType, std::string(meta::IdTypeName(s.id_type)));
  b.Set(Field::kIdNumber, p.id_number);
  b.Set(Field::kStudentNo, p.student_no);
}

core::Result<std::int64_t> ExportStudents(store::Store& store, const meta::OrgTree& tree,
                                          TableWriter& out, const ExportOptions& o, bool full) {
  RowBuilder b(ColumnsOf(full ? ImportKind::kStudents : ImportKind::kEnrolments));
  std::int64_t rows = 0;
  EL_RETURN_IF_ERROR(store.ForEachEnrolled(
      o.school_year, SchoolIds(o), [&](const meta::Student& s, const meta::Enrolment& e) {
        // The roster of the snapshot day: a pupil who joined during the year is not on it.
        if (!core::OnSnapshotRoll(e.joined, e.school_year)) {
          return core::Status::OK();
        }
        b.Clear();
        SetStudentCells(b, s, o);
        const meta::OrgUnit* school = tree.ById(e.org_unit_id);
        SetSchool(b, tree, e.org_unit_id, e.school_year);
        b.Set(Field::kGrade, meta::GradeName(e.grade, school ? school->school_type : 0));
        b.Set(Field::kClass, e.class_name);
        b.Set(Field::kAdmission, YearMonth(e.admission_ym));
        if (full) {
          b.Set(Field::kSex, std::string(meta::SexName(s.sex)));
          b.Set(Field::kBirthDate, s.birth_date.ToString());
          b.Set(Field::kEthnicity, std::string(meta::EthnicityName(s.ethnicity)));
          b.Set(Field::kHukou, std::string(meta::HukouName(s.hukou)));
          b.Set(Field::kLeftBehind, YesNo(s.Has(meta::kLeftBehind)));
          b.Set(Field::kMigrantChild, YesNo(s.Has(meta::kMigrantChild)));
          b.Set(Field::kDisabled, YesNo(s.Has(meta::kDisabled)));
          if (s.disability != meta::Disability::kNone) {
            b.Set(Field::kDisabilityType, std::string(meta::DisabilityName(s.disability)));
          }
          b.Set(Field::kRegisteredPoor, YesNo(s.Has(meta::kRegisteredPoor)));
          b.Set(Field::kDibao, YesNo(s.Has(meta::kDibao)));
          b.Set(Field::kExtremePoverty, YesNo(s.Has(meta::kExtremePoverty)));
          b.Set(Field::kOrphan, YesNo(s.Has(meta::kOrphan)));
        }
        ++rows;
        if (o.progress && (rows & 4095) == 0) o.progress(0.5);
        return out.WriteRow(b.cells());
      }));
  return rows;
}

// The events of statistics year o.school_year: those dated in its flow window at the schools
// exported, in the columns the events import reads. A transfer between two schools of the
// county is two rows (its 转出 and its 转入); importing both again makes no new event.
core::Result<std::int64_t> ExportEvents(store::Store& store, const meta::OrgTree& tree,
                                        TableWriter& out, const ExportOptions& o) {
  RowBuilder b(ColumnsOf(ImportKind::kEvents));
  std::int64_t rows = 0;
  const core::Period window = core::FlowWindow(o.school_year);
  const auto code_of = [&](std::int64_t id) {
    const meta::OrgUnit* u = tree.ById(id);
    return u ? u->code : std::string();
  };
  EL_RETURN_IF_ERROR(store.ForEachStatusEvent(
      window.start(), window.end(), SchoolIds(o),
      [&](const meta::Student& s, const meta::StatusEvent& e) {
        b.Clear();
        SetStudentCells(b, s, o);
        b.Set(Field::kEventType, std::string(meta::EventTypeName(e.type)));
        b.Set(Field::kEventDate, e.date.ToString());
        const std::string here = code_of(e.org_unit_id);
        const std::string there =
            e.other_org_unit_id != 0 ? code_of(e.other_org_unit_id) : e.other_school;
        const bool in = e.type == meta::EventType::kTransferIn;
        b.Set(Field::kFromSchool, in ? there : here);
        if (in || e.type == meta::EventType::kTransferOut)
          b.Set(Field::kToSchool, in ? here : there);
        b.Set(Field::kReason, e.note);
        ++rows;
        return out.WriteRow(b.cells());
      }));
  return rows;
}

core::Result<std::int64_t> ExportStaff(store::Store& store, const meta::OrgTree& tree,
                                       TableWriter& out, const ExportOptions& o) {
  RowBuilder b(ColumnsOf(ImportKind::kStaff));
  std::int64_t rows = 0;
  EL_RETURN_IF_ERROR(store.ForEachStaffAssignment(
      o.school_year, SchoolIds(o), [&](const meta::Staff& s, const meta::StaffAssignment& a) {
        b.Clear();
        const PersonCells p = Personal(o, s.name, s.id_number, "");
        b.Set(Field::kName, p.name);
        b.Set(Field::kSex, std::string(meta::SexName(s.sex)));
        b.Set(Field::kIdType, std::string(meta::IdTypeName(s.id_type)));
        b.Set(Field::kIdNumber, p.id_number);
        b.Set(Field::kBirthDate, s.birth_date.ToString());
        b.Set(Field::kEthnicity, std::string(meta::EthnicityName(s.ethnicity)));
        SetSchool(b, tree, a.org_unit_id, a.school_year);
        b.Set(Field::kPost, std::string(meta::PostName(a.post)));
        b.Set(Field::kTitle, std::string(meta::TitleName(a.title)));
        b.Set(Field::kSubject, a.subject);
        if (a.level_taught)
          b.Set(Field::kLevelTaught, std::string(meta::EducationLevelName(*a.level_taught)));
        b.Set(Field::kQualification, std::string(meta::QualificationName(a.qualification)));
        ++rows;
        return out.WriteRow(b.cells());
      }));
  return rows;
}

}  // namespace

core::Result<std::int64_t> ExportFile(store::Store& store, const meta::OrgTree& tree,
                                      ImportKind kind, const std::string& path,
                                      const ExportOptions& options) {
  EL_ASSIGN_OR_RETURN(auto out, CreateTable(path, ImportKindLabel(kind)));
  EL_RETURN_IF_ERROR(out->WriteRow(Headers(ColumnsOf(kind))));
  core::Result<std::int64_t> rows = std::int64_t{0};
  switch (kind) {
    case ImportKind::kOrgUnits:
      rows = ExportOrgUnits(tree, *out, options);
      break;
    case ImportKind::kStudents:
      rows = ExportStudents(store, tree, *out, options, true);
      break;
    case ImportKind::kEnrolments:
      rows = ExportStudents(store, tree, *out, options, false);
      break;
    case ImportKind::kStaff:
      rows = ExportStaff(store, tree, *out, options);
      break;
    case ImportKind::kEvents:
      rows = ExportEvents(store, tree, *out, options);
      break;
  }
  if (!rows.ok()) return rows.status();
  EL_RETURN_IF_ERROR(out->Close());
  if (options.progress) options.progress(1.0);
  return rows;
}

}  // namespace eduledger::ingest
