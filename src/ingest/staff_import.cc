// Import of staff with their assignment: one row = one person at one school in a school year.
#include "core/text.h"
#include "ingest/person_year_import_internal.h"
#include "meta/ethnicity.h"
#include "meta/school_type.h"

namespace eduledger::ingest::internal {

// Which staff fields a row gives a value for (named, not internal: the import template holds it).
struct StaffPresence {
  bool ethnicity = false;
};

struct StaffTraits {
  using Person = meta::Staff;
  using Year = meta::StaffAssignment;
  using Presence = StaffPresence;
  static constexpr std::string_view kPersonEntity = "staff";
  static constexpr std::string_view kYearEntity = "staff_assignment";
  static constexpr bool kRequireExisting = false;
  static constexpr bool kTransfersExplainASecondSchool = false;

  static meta::IdType IdTypeOf(const Person& s) { return s.id_type; }
  static std::string_view IdNumber(const Person& s) { return s.id_number; }
  static std::string_view StudentNo(const Person&) { return {}; }
  static bool SamePerson(const Person& a, const Person& b) {
    return a.name == b.name && a.birth_date == b.birth_date && a.sex == b.sex;
  }
  static Person Merge(const Person& stored, const Person& in, const Presence& presence) {
    Person m = stored;
    m.name = in.name;
    if (in.sex != core::Sex::kUnknown) m.sex = in.sex;
    if (!in.birth_date.is_null()) m.birth_date = in.birth_date;
    if (presence.ethnicity) m.ethnicity = in.ethnicity;
    return m;
  }
  // Values the row leaves empty keep what is stored.
  static Year MergeYear(const Year& stored, const Year& in) {
    Year m = stored;
    if (in.post != meta::Post::kUnknown) m.post = in.post;
    if (in.title != meta::Title::kNone) m.title = in.title;
    if (!in.subject.empty()) m.subject = in.subject;
    if (in.level_taught) m.level_taught = in.level_taught;
    if (in.qualification != meta::Qualification::kUnknown) m.qualification = in.qualification;
    return m;
  }
  static std::int64_t& PersonId(Year& y) { return y.staff_id; }
  static core::Status Find(store::Store& s, std::span<const store::PersonKey> keys,
                           std::vector<store::Found<Person>>* out) {
    return s.FindStaff(keys, out);
  }
  static core::Status FindYears(store::Store& s, int year, std::span<const std::int64_t> ids,
                                std::vector<store::Found<Year>>* out) {
    return s.FindStaffAssignments(year, ids, out);
  }
  static core::Status Insert(store::Transaction& t, std::span<Person> rows) {
    return t.InsertStaff(rows);
  }
  static core::Status Update(store::Transaction& t, std::span<const Person> rows) {
    return t.UpdateStaff(rows);
  }
  static core::Status InsertYears(store::Transaction& t, std::span<const Year> rows) {
    return t.InsertStaffAssignments(rows);
  }
  static core::Status UpdateYears(store::Transaction& t, std::span<const Year> rows) {
    return t.UpdateStaffAssignments(rows);
  }
  static std::string_view Twice() { return "同一学年只能在一所学校登记任职"; }
  static std::string_view Elsewhere() { return "登记任职，同一学年只能在一所学校登记"; }
};

void ImportStaffRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                     const ImportOptions& options, const store::AuditContext& audit,
                     ImportReport* report) {
  MissingColumns missing;
  missing.Need(map.has(Field::kName), "姓名");
  missing.Need(map.has(Field::kIdNumber), "身份证件号");
  missing.NeedSchool(map);
  missing.Need(map.has(Field::kPost), "岗位类别");
  missing.NeedSchoolYear(map, options);
  if (core::Status s = missing.status(); !s.ok()) return Reject(report, s);
  auto base = LoadPlanBase(store);
  if (!base.ok()) return Reject(report, base.status());
  PersonYearImport<StaffTraits> import(map, base->tree, options, report);

  const bool read = ReadRows(reader, map, options, report, [&](RowParser& p) {
    meta::Staff s;
    s.name = std::string(p.Get(Field::kName));
    if (s.name.empty()) p.Fail(Field::kName, "empty", "姓名为空");
    Identity id;
    ParseIdentity(p, options.today, false, &id);  // a row with a bad cell is compared too
    s.id_type = id.id_type;
    s.id_number = std::move(id.id_number);
    s.birth_date = id.birth_date;
    s.sex = id.sex;
    StaffPresence presence{!p.Get(Field::kEthnicity).empty()};
    s.ethnicity = p.Code(Field::kEthnicity, meta::ParseEthnicity, 0, "bad_ethnicity", "民族");

    meta::StaffAssignment a;
    const meta::OrgUnit* school = ParseSchool(p, base->tree, options);
    a.school_year = ParseRowSchoolYear(p, options);
    a.post = p.Code(Field::kPost, meta::ParsePost, meta::Post::kUnknown, "bad_post", "岗位类别");
    if (a.post == meta::Post::kUnknown && p.Get(Field::kPost).empty()) {
      p.Fail(Field::kPost, "empty", "岗位类别为空");
    }
    a.title =
        p.Code(Field::kTitle, meta::ParseTitle, meta::Title::kNone, "bad_title", "专业技术职务");
    a.subject = std::string(p.Get(Field::kSubject));
    if (!p.Get(Field::kLevelTaught).empty()) {
      a.level_taught = p.Code(Field::kLevelTaught, meta::ParseEducationLevel,
                              meta::EducationLevel::kPrimary, "bad_level", "任教学段");
    }
    a.qualification = p.Code(Field::kQualification, meta::ParseQualification,
                             meta::Qualification::kUnknown, "bad_qualification", "最高学历");
    if (school != nullptr) a.org_unit_id = school->id;
    import.Add(p, std::move(s), presence, school, std::move(a));
  });
  if (read) FinishPersonYearImport(import, store, base->version, options, audit, report);
}

}  // namespace eduledger::ingest::internal
