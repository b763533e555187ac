#include "engine/tiny_register.h"

#include <cstdio>

namespace eduledger::testing {

namespace {

core::Status StatusOf(const core::Status& s) { return s; }
template <class T>
core::Status StatusOf(const core::Result<T>& r) {
  return r.status();
}

// Building the register must not fail; a test that cannot build its register stops here.
#define TINY_CHECK(expr)                                                       \
  do {                                                                         \
    const core::Status tiny_status = StatusOf(expr);                           \
    if (!tiny_status.ok()) {                                                   \
      std::fprintf(stderr, "%s: %s\n", #expr, tiny_status.ToString().c_str()); \
      std::abort();                                                            \
    }                                                                          \
  } while (0)

core::Date D(const std::string& text) { return *core::Date::Parse(text); }

}  // namespace

TinyRegister::TinyRegister() {
  store::SqliteOptions options;
  options.create_if_missing = true;
  auto s = store::OpenSqliteStore(path(), options);
  TINY_CHECK(s.status());
  store_ = std::move(*s);
}

store::Transaction TinyRegister::Begin() {
  auto txn =
      store_->Begin(store::AuditContext{"test", "bureau_admin", "test.write", "{}"}, std::nullopt);
  TINY_CHECK(txn.status());
  return std::move(*txn);
}

std::int64_t TinyRegister::Unit(const std::string& code, meta::OrgLevel level, std::int64_t parent,
                                int school_type) {
  std::vector<meta::OrgUnit> u(1);
  u[0].code = code;
  u[0].name = "单位" + code;
  u[0].level = level;
  u[0].parent_id = parent;
  u[0].school_type = school_type;
  if (level == meta::OrgLevel::kSchool) u[0].ownership = meta::Ownership::kEducationDept;
  auto txn = Begin();
  TINY_CHECK(txn.InsertOrgUnits(u));
  TINY_CHECK(txn.Commit());
  return u[0].id;
}

std::int64_t TinyRegister::Student(core::Sex sex, const std::string& birth, int ethnicity,
                                   std::uint32_t flags) {
  std::vector<meta::Student> s(1);
  s[0].id_type = meta::IdType::kOther;
  char no[32];
  std::snprintf(no, sizeof(no), "L43990020150101%04d", next_person_++);
  s[0].student_no = no;
  s[0].name = "学生";
  s[0].sex = sex;
  s[0].birth_date = D(birth);
  s[0].ethnicity = ethnicity;
  s[0].flags = flags;
  auto txn = Begin();
  TINY_CHECK(txn.InsertStudents(s));
  TINY_CHECK(txn.Commit());
  return s[0].id;
}

void TinyRegister::Enrol(std::int64_t student, int year, std::int64_t school, int grade,
                         const std::string& class_name, const std::string& joined) {
  std::vector<meta::Enrolment> e(1);
  e[0].student_id = student;
  e[0].school_year = year;
  e[0].org_unit_id = school;
  e[0].grade = grade;
  e[0].class_name = class_name;
  if (!joined.empty()) e[0].joined = D(joined);
  auto txn = Begin();
  TINY_CHECK(txn.InsertEnrolments(e));
  TINY_CHECK(txn.Commit());
}

void TinyRegister::Event(std::int64_t student, meta::EventType type, const std::string& date,
                         std::int64_t school) {
  std::vector<meta::StatusEvent> e(1);
  e[0].student_id = student;
  e[0].type = type;
  e[0].date = D(date);
  e[0].org_unit_id = school;
  auto txn = Begin();
  TINY_CHECK(txn.InsertStatusEvents(e));
  TINY_CHECK(txn.Commit());
}

void TinyRegister::Teacher(int year, std::int64_t school, meta::EducationLevel level) {
  std::vector<meta::Staff> t(1);
  t[0].id_type = meta::IdType::kOther;
  t[0].id_number = "T" + std::to_string(next_person_++);
  t[0].name = "教师";
  t[0].sex = core::Sex::kFemale;
  t[0].birth_date = D("1985-05-05");
  auto txn = Begin();
  TINY_CHECK(txn.InsertStaff(t));
  std::vector<meta::StaffAssignment> a(1);
  a[0].staff_id = t[0].id;
  a[0].school_year = year;
  a[0].org_unit_id = school;
  a[0].post = meta::Post::kFullTimeTeacher;
  a[0].level_taught = level;
  TINY_CHECK(txn.InsertStaffAssignments(a));
  TINY_CHECK(txn.Commit());
}

std::int64_t TinyRegister::Case(const std::string& ledger, std::int64_t org,
                                const std::string& state, const std::string& opened,
                                const std::string& fields) {
  store::Case c;
  c.ledger = ledger;
  c.org_unit_id = org;
  c.state = state;
  c.opened = *core::Date::Parse(opened);
  c.state_since = c.opened;
  c.fields = fields;
  c.responsible = "[]";
  auto txn = Begin();
  TINY_CHECK(txn.SaveCase(&c));
  TINY_CHECK(txn.Commit());
  return c.id;
}

void TinyRegister::Cases(std::size_t n, const std::function<void(std::size_t, store::Case*)>& fn) {
  auto txn = Begin();
  for (std::size_t i = 0; i < n; ++i) {
    store::Case c;
    c.responsible = "[]";
    fn(i, &c);
    c.state_since = c.opened;
    TINY_CHECK(txn.SaveCase(&c));
  }
  TINY_CHECK(txn.Commit());
}

std::unique_ptr<engine::Snapshot> TinyRegister::Snapshot(const engine::CaseSchema* cases) {
  auto s = engine::Snapshot::Build(*store_, nullptr, cases);
  TINY_CHECK(s.status());
  return std::move(*s);
}

}  // namespace eduledger::testing
