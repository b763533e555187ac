// Import of students with their enrolment: one row = one person in one school year.
#include "core/statistics_year.h"
#include "core/text.h"
#include "ingest/person_year_import_internal.h"
#include "meta/ethnicity.h"
#include "meta/grade.h"
#include "meta/school_type.h"

namespace eduledger::ingest::internal {

namespace {

// The flag columns of a student file.
constexpr std::pair<Field, meta::StudentFlag> kFlagColumns[] = {
    {Field::kLeftBehind, meta::kLeftBehind}, {Field::kMigrantChild, meta::kMigrantChild},
    {Field::kDisabled, meta::kDisabled},     {Field::kRegisteredPoor, meta::kRegisteredPoor},
    {Field::kDibao, meta::kDibao},           {Field::kExtremePoverty, meta::kExtremePoverty},
    {Field::kOrphan, meta::kOrphan},
};

}  // namespace

// Which student fields a row gives a value for; the others keep what is stored (named, not
// internal: the import template holds it).
struct StudentPresence {
  bool ethnicity = false;
  bool hukou = false;
  bool disability = false;
  std::uint32_t flag_mask = 0;  // the flag columns the file has
};

// Students with their enrolment (see person_year_import_internal.h).
struct StudentTraits {
  using Person = meta::Student;
  using Year = meta::Enrolment;
  using Presence = StudentPresence;
  static constexpr std::string_view kPersonEntity = "student";
  static constexpr std::string_view kYearEntity = "enrolment";
  static constexpr bool kRequireExisting = false;
  static constexpr bool kTransfersExplainASecondSchool = true;

  static meta::IdType IdTypeOf(const Person& s) { return s.id_type; }
  static std::string_view IdNumber(const Person& s) { return s.id_number; }
  static std::string_view StudentNo(const Person& s) { return s.student_no; }
  static bool SamePerson(const Person& a, const Person& b) {
    return a.name == b.name && a.birth_date == b.birth_date && a.sex == b.sex;
  }
  // The stored student with the file's values laid over it. Empty cells keep what is stored.
  static Person Merge(const Person& stored, const Person& in, const Presence& presence) {
    Person m = stored;
    m.name = in.name;
    if (!in.id_number_15.empty()) m.id_number_15 = in.id_number_15;
    if (!in.student_no.empty()) m.student_no = in.student_no;
    if (in.sex != core::Sex::kUnknown) m.sex = in.sex;
    if (!in.birth_date.is_null()) m.birth_date = in.birth_date;
    if (presence.ethnicity) m.ethnicity = in.ethnicity;
    if (presence.hukou) m.hukou = in.hukou;
    if (presence.disability) m.disability = in.disability;
    m.flags = (stored.flags & ~presence.flag_mask) | (in.flags & presence.flag_mask);
    return m;
  }
  static Year MergeYear(const Year& stored, const Year& in) {
    Year m = stored;
    m.grade = in.grade;
    if (!in.class_name.empty()) m.class_name = in.class_name;
    if (in.admission_ym != 0) m.admission_ym = in.admission_ym;
    return m;
  }
  static std::int64_t& PersonId(Year& y) { return y.student_id; }
  static core::Status Find(store::Store& s, std::span<const store::PersonKey> keys,
                           std::vector<store::Found<Person>>* out) {
    return s.FindStudents(keys, out);
  }
  static core::Status FindYears(store::Store& s, int year, std::span<const std::int64_t> ids,
                                std::vector<store::Found<Year>>* out) {
    return s.FindEnrolments(year, ids, out);
  }
  static core::Status Insert(store::Transaction& t, std::span<Person> rows) {
    return t.InsertStudents(rows);
  }
  static core::Status Update(store::Transaction& t, std::span<const Person> rows) {
    return t.UpdateStudents(rows);
  }
  static core::Status InsertYears(store::Transaction& t, std::span<const Year> rows) {
    return t.InsertEnrolments(rows);
  }
  static core::Status UpdateYears(store::Transaction& t, std::span<const Year> rows) {
    return t.UpdateEnrolments(rows);
  }
  static std::string_view Twice() { return "同一学年不能在两所学校注册"; }
  static std::string_view Elsewhere() { return "注册，同一学年不能在两所学校注册"; }
};

namespace {

core::Status CheckColumns(const ColumnMap& map, const ImportOptions& options, bool person_fields) {
  MissingColumns missing;
  if (person_fields) missing.Need(map.has(Field::kName), "姓名");
  missing.Need(map.has(Field::kIdNumber) || map.has(Field::kStudentNo), "身份证件号或全国学籍号");
  missing.NeedSchool(map);
  missing.Need(map.has(Field::kGrade), "年级");
  missing.NeedSchoolYear(map, options);
  return missing.status();
}

// Parse the enrolment cells of a row at `school`.
meta::Enrolment ParseEnrolment(RowParser& p, const meta::OrgUnit* school, int school_year) {
  meta::Enrolment e;
  e.school_year = school_year;
  if (school != nullptr) {
    e.org_unit_id = school->id;
    auto grade = meta::ParseGrade(p.Get(Field::kGrade), school->school_type);
    if (!grade.ok()) {
      p.Fail(Field::kGrade, grade.status());
    } else if (!meta::AdmitsGrade(school->school_type, *grade)) {
      p.Fail(Field::kGrade, "grade_not_offered",
             "“" + school->name + "”没有" + meta::GradeName(*grade, school->school_type));
    } else {
      e.grade = *grade;
    }
  }
  e.class_name = std::string(p.Get(Field::kClass));
  if (!p.Get(Field::kAdmission).empty()) {
    auto ym = core::ParseYearMonth(p.Get(Field::kAdmission));
    if (ym.ok()) {
      e.admission_ym = *ym;
    } else {
      p.Fail(Field::kAdmission, ym.status());
    }
  }
  return e;
}

// Warn when the age at the statistics time point does not fit the grade (6 in grade 1).
void CheckAge(RowParser& p, ErrorList* warnings, const meta::Student& s,
              const meta::OrgUnit& school, const meta::Enrolment& e) {
  if (s.birth_date.is_null() || meta::IsSpecialEducation(school.school_type) ||
      meta::IsAdult(school.school_type)) {
    return;
  }
  const int age = s.birth_date.AgeOn(core::SnapshotDate(e.school_year));
  const int expected = e.grade + 5;
  if (age >= expected - 1 && age <= expected + 3) return;
  warnings->Add(RowError{p.row_number(), p.map().Label(Field::kGrade),
                         std::string(p.Get(Field::kGrade)), "age_grade_mismatch",
                         core::SchoolYearLabel(e.school_year) + "初该生" + std::to_string(age) +
                             "周岁，与" + meta::GradeName(e.grade, school.school_type) +
                             "不相称，请核对"});
}

}  // namespace

void ImportStudentRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                       const ImportOptions& options, const store::AuditContext& audit,
                       ImportReport* report) {
  if (core::Status s = CheckColumns(map, options, true); !s.ok()) return Reject(report, s);
  auto base = LoadPlanBase(store);
  if (!base.ok()) return Reject(report, base.status());
  StudentPresence file_presence;
  for (const auto& [field, flag] : kFlagColumns) {
    if (map.has(field)) file_presence.flag_mask |= flag;
  }
  PersonYearImport<StudentTraits> import(map, base->tree, options, report);

  const bool read = ReadRows(reader, map, options, report, [&](RowParser& p) {
    meta::Student s;
    s.name = std::string(p.Get(Field::kName));
    if (s.name.empty()) p.Fail(Field::kName, "empty", "姓名为空");
    Identity id;
    const bool id_ok = ParseIdentity(p, options.today, !p.Get(Field::kStudentNo).empty(), &id);
    s.student_no = ParseStudentNo(
        p, options.today,
        id_ok && meta::IsGb11643(id.id_type) ? std::string_view(id.id_number) : std::string_view());
    // Whatever of the identity parsed: a row with a bad cell is still compared by it.
    s.id_type = id.id_type;
    s.id_number = std::move(id.id_number);
    s.id_number_15 = std::move(id.id_number_15);
    s.birth_date = id.birth_date;
    s.sex = id.sex;
    StudentPresence presence = file_presence;
    presence.ethnicity = !p.Get(Field::kEthnicity).empty();
    s.ethnicity = p.Code(Field::kEthnicity, meta::ParseEthnicity, 0, "bad_ethnicity", "民族");
    presence.hukou = !p.Get(Field::kHukou).empty();
    s.hukou =
        p.Code(Field::kHukou, meta::ParseHukou, meta::Hukou::kUnknown, "bad_hukou", "户口性质");
    presence.disability = !p.Get(Field::kDisabilityType).empty();
    s.disability = p.Code(Field::kDisabilityType, meta::ParseDisability, meta::Disability::kNone,
                          "bad_disability", "残疾类型");
    for (const auto& [field, flag] : kFlagColumns) {
      if (p.Has(field) && p.YesNo(field)) s.flags |= flag;
    }
    if (s.disability != meta::Disability::kNone) {
      if (p.Has(Field::kDisabled) && !(s.flags & meta::kDisabled)) {
        p.Fail(Field::kDisabled, "disability_mismatch", "填写了残疾类型，但“是否残疾”为否");
      }
      s.flags |= meta::kDisabled;
    }
    const meta::OrgUnit* school = ParseSchool(p, base->tree, options);
    const meta::Enrolment e = ParseEnrolment(p, school, ParseRowSchoolYear(p, options));
    if (p.row_ok()) CheckAge(p, &report->warnings, s, *school, e);
    import.Add(p, std::move(s), presence, school, e);
  });
  if (read) FinishPersonYearImport(import, store, base->version, options, audit, report);
}

// Bare enrolments: students already on the register, placed in a school year.
struct EnrolmentTraits : StudentTraits {
  static constexpr bool kRequireExisting = true;
  // The file carries no person fields: the stored student stays as it is.
  static Person Merge(const Person& stored, const Person&, const Presence&) { return stored; }
  static bool SamePerson(const Person&, const Person&) { return true; }
};

void ImportEnrolmentRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                         const ImportOptions& options, const store::AuditContext& audit,
                         ImportReport* report) {
  if (core::Status s = CheckColumns(map, options, false); !s.ok()) return Reject(report, s);
  auto base = LoadPlanBase(store);
  if (!base.ok()) return Reject(report, base.status());
  PersonYearImport<EnrolmentTraits> import(map, base->tree, options, report);
  const bool read = ReadRows(reader, map, options, report, [&](RowParser& p) {
    meta::Student s;
    ParseStudentKey(p, options.today, &s);
    const meta::OrgUnit* school = ParseSchool(p, base->tree, options);
    const meta::Enrolment e = ParseEnrolment(p, school, ParseRowSchoolYear(p, options));
    import.Add(p, std::move(s), StudentPresence{}, school, e);
  });
  if (read) FinishPersonYearImport(import, store, base->version, options, audit, report);
}

}  // namespace eduledger::ingest::internal
