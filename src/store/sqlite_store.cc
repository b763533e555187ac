#include "store/sqlite_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <unordered_map>

#include "core/file.h"
#include "core/log.h"
#include "store/sqlite_internal.h"
#include "store/sqlite_migrations.h"
#include "store/sqlite_store_impl_internal.h"

namespace eduledger::store {

using core::Result;
using core::Status;
using internal::Stmt;

namespace {

// 'EDLG': marks the file as EduLedger's, so a stray SQLite file is not taken for one.
constexpr std::int32_t kApplicationId = 0x45444C47;
// Above this many keys, a lookup scans the table instead of probing the index per key.
constexpr std::size_t kScanThreshold = 20000;

constexpr std::string_view kOrgUnitCols =
    "id, code, name, parent_id, level, school_type, ownership, urban_rural, boarding, "
    "small_scale, central_school_id, affordable";
constexpr std::string_view kStudentCols =
    "id, id_type, id_number, id_number_15, student_no, name, sex, birth_date, ethnicity, hukou, "
    "disability, flags";
constexpr std::string_view kEnrolmentCols =
    "student_id, school_year, org_unit_id, grade, class_name, admission_ym, joined_on";
constexpr std::string_view kStaffCols = "id, id_type, id_number, name, sex, birth_date, ethnicity";
constexpr std::string_view kAssignmentCols =
    "staff_id, school_year, org_unit_id, post, title, subject, level_taught, qualification";

// The columns of a row's read list after its leading "id, ": what an INSERT of it binds.
constexpr std::string_view AfterId(std::string_view cols) {
  return cols.substr(std::string_view("id, ").size());
}

std::string Sql(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view p : parts) out.append(p);
  return out;
}

using internal::ReadDate;

std::string_view CharView(const meta::IdType& t) { return {reinterpret_cast<const char*>(&t), 1}; }

meta::IdType ReadIdType(const Stmt& s, int col) {
  const std::string_view t = s.Text(col);
  return t.empty() ? meta::IdType::kResidentId : static_cast<meta::IdType>(t[0]);
}

meta::OrgUnit ReadOrgUnit(const Stmt& s) {
  meta::OrgUnit u;
  u.id = s.Int(0);
  u.code = s.Text(1);
  u.name = s.Text(2);
  u.parent_id = s.IsNull(3) ? 0 : s.Int(3);
  u.level = static_cast<meta::OrgLevel>(s.Int(4));
  u.school_type = static_cast<int>(s.Int(5));
  u.ownership = static_cast<meta::Ownership>(s.Int(6));
  u.urban_rural = static_cast<int>(s.Int(7));
  u.boarding = s.Int(8) != 0;
  u.small_scale = s.Int(9) != 0;
  u.central_school_id = s.IsNull(10) ? 0 : s.Int(10);
  u.affordable = s.Int(11) != 0;
  return u;
}

// Bind an org unit's fields (all but id) to parameters 1..11.
void BindOrgUnit(Stmt& s, const meta::OrgUnit& u) {
  s.BindText(1, u.code).BindText(2, u.name).BindIdOrNull(3, u.parent_id);
  s.Bind(4, static_cast<int>(u.level)).Bind(5, u.school_type);
  s.Bind(6, static_cast<int>(u.ownership)).Bind(7, u.urban_rural);
  s.Bind(8, u.boarding).Bind(9, u.small_scale).BindIdOrNull(10, u.central_school_id);
  s.Bind(11, u.affordable);
}

meta::Student ReadStudent(const Stmt& s, int c) {
  meta::Student st;
  st.id = s.Int(c);
  st.id_type = ReadIdType(s, c + 1);
  st.id_number = s.Text(c + 2);
  st.id_number_15 = s.Text(c + 3);
  st.student_no = s.Text(c + 4);
  st.name = s.Text(c + 5);
  st.sex = static_cast<core::Sex>(s.Int(c + 6));
  st.birth_date = ReadDate(s, c + 7);
  st.ethnicity = static_cast<int>(s.Int(c + 8));
  st.hukou = static_cast<meta::Hukou>(s.Int(c + 9));
  st.disability = static_cast<meta::Disability>(s.Int(c + 10));
  st.flags = static_cast<std::uint32_t>(s.Int(c + 11));
  return st;
}

// Bind a student's fields (all but id) to parameters 1..11. The birth date's text goes to
// `scratch`, which must stay unchanged until the statement has run.
void BindStudent(Stmt& s, const meta::Student& st, std::string* scratch) {
  *scratch = st.birth_date.ToString();
  const std::string& birth = *scratch;
  s.BindText(1, CharView(st.id_type))
      .BindTextOrNull(2, st.id_number)
      .BindTextOrNull(3, st.id_number_15)
      .BindTextOrNull(4, st.student_no)
      .BindText(5, st.name)
      .Bind(6, static_cast<int>(st.sex))
      .BindTextOrNull(7, birth)
      .Bind(8, st.ethnicity)
      .Bind(9, static_cast<int>(st.hukou))
      .Bind(10, static_cast<int>(st.disability))
      .Bind(11, st.flags);
}

meta::Enrolment ReadEnrolment(const Stmt& s, int c) {
  meta::Enrolment e;
  e.student_id = s.Int(c);
  e.school_year = static_cast<int>(s.Int(c + 1));
  e.org_unit_id = s.Int(c + 2);
  e.grade = static_cast<int>(s.Int(c + 3));
  e.class_name = s.Text(c + 4);
  e.admission_ym = static_cast<int>(s.Int(c + 5));
  e.joined = ReadDate(s, c + 6);
  return e;
}

// Bind org_unit_id, grade, class_name, admission_ym, student_id, school_year, joined_on to
// 1..7. The date's text goes to `scratch`, which must stay unchanged until the statement ran.
void BindEnrolment(Stmt& s, const meta::Enrolment& e, std::string* scratch) {
  *scratch = e.joined.ToString();
  s.Bind(1, e.org_unit_id).Bind(2, e.grade).BindText(3, e.class_name).Bind(4, e.admission_ym);
  s.Bind(5, e.student_id).Bind(6, e.school_year).BindTextOrNull(7, *scratch);
}

meta::Staff ReadStaff(const Stmt& s, int c) {
  meta::Staff st;
  st.id = s.Int(c);
  st.id_type = ReadIdType(s, c + 1);
  st.id_number = s.Text(c + 2);
  st.name = s.Text(c + 3);
  st.sex = static_cast<core::Sex>(s.Int(c + 4));
  st.birth_date = ReadDate(s, c + 5);
  st.ethnicity = static_cast<int>(s.Int(c + 6));
  return st;
}

// Bind a staff member's fields (all but id) to parameters 1..6; the birth date as above.
void BindStaff(Stmt& s, const meta::Staff& st, std::string* scratch) {
  *scratch = st.birth_date.ToString();
  const std::string& birth = *scratch;
  s.BindText(1, CharView(st.id_type))
      .BindText(2, st.id_number)
      .BindText(3, st.name)
      .Bind(4, static_cast<int>(st.sex))
      .BindTextOrNull(5, birth)
      .Bind(6, st.ethnicity);
}

// Bind an event's fields (all but id) to parameters 1..6; the date as above.
meta::StatusEvent ReadEvent(const Stmt& s, int c) {
  meta::StatusEvent e;
  e.id = s.Int(c);
  e.student_id = s.Int(c + 1);
  e.type = static_cast<meta::EventType>(s.Int(c + 2));
  e.date = ReadDate(s, c + 3);
  e.org_unit_id = s.IsNull(c + 4) ? 0 : s.Int(c + 4);
  e.other_org_unit_id = s.IsNull(c + 5) ? 0 : s.Int(c + 5);
  e.note = s.Text(c + 6);
  e.other_school = s.Text(c + 7);
  return e;
}
constexpr std::string_view kEventCols =
    "id, student_id, event_type, event_date, org_unit_id, other_org_unit_id, note, other_school";

void BindEvent(Stmt& s, const meta::StatusEvent& e, std::string* scratch) {
  *scratch = e.date.ToString();
  s.Bind(1, e.student_id).Bind(2, static_cast<int>(e.type)).BindText(3, *scratch);
  s.BindIdOrNull(4, e.org_unit_id).BindIdOrNull(5, e.other_org_unit_id).BindText(6, e.note);
  s.BindText(7, e.other_school);
}

meta::StaffAssignment ReadAssignment(const Stmt& s, int c) {
  meta::StaffAssignment a;
  a.staff_id = s.Int(c);
  a.school_year = static_cast<int>(s.Int(c + 1));
  a.org_unit_id = s.Int(c + 2);
  a.post = static_cast<meta::Post>(s.Int(c + 3));
  a.title = static_cast<meta::Title>(s.Int(c + 4));
  a.subject = s.Text(c + 5);
  if (!s.IsNull(c + 6)) a.level_taught = static_cast<meta::EducationLevel>(s.Int(c + 6));
  a.qualification = static_cast<meta::Qualification>(s.Int(c + 7));
  return a;
}

// Bind org_unit_id, post, title, subject, level_taught, qualification, staff_id, school_year.
void BindAssignment(Stmt& s, const meta::StaffAssignment& a) {
  s.Bind(1, a.org_unit_id).Bind(2, static_cast<int>(a.post)).Bind(3, static_cast<int>(a.title));
  s.BindText(4, a.subject);
  if (a.level_taught)
    s.Bind(5, static_cast<int>(*a.level_taught));
  else
    s.BindNull(5);
  s.Bind(6, static_cast<int>(a.qualification)).Bind(7, a.staff_id).Bind(8, a.school_year);
}

// The lookup string of a person key: "1|<id number>" or "#<student number>".
std::string KeyString(const PersonKey& k) {
  std::string key;
  if (!k.id_number.empty()) {
    key.push_back(static_cast<char>(k.id_type));
    key.push_back('|');
    key.append(k.id_number);
  } else {
    key.push_back('#');
    key.append(k.student_no);
  }
  return key;
}

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

Status SqliteStore::Impl::Migrate(int target) {
  sqlite3* h = db.get();
  if (read_only) {
    // Nothing can be written: the store is usable as it is, or not at all.
    auto current = QueryInt("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (current.ok() && *current == LatestSqliteSchemaVersion()) return Status::OK();
    return Status::FailedPrecondition(
        "read_only_store", "数据库 " + path +
                               " 是只读的（没有写权限），而它需要升级到本程序的结构版本：请用有写"
                               "权限的账户运行一次 eduledger init");
  }
  EL_RETURN_IF_ERROR(internal::Exec(
      h,
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now', '+8 hours')))"));
  EL_ASSIGN_OR_RETURN(const std::int64_t current,
                      QueryInt("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  const int latest = LatestSqliteSchemaVersion();
  if (current > latest) {
    return Status::FailedPrecondition(
        "schema_too_new", "数据库版本（" + std::to_string(current) + "）高于本程序支持的版本（" +
                              std::to_string(latest) + "），请升级 EduLedger");
  }
  for (const internal::Migration& m : internal::SqliteMigrations()) {
    if (m.version <= current || (target > 0 && m.version > target)) continue;
    EL_RETURN_IF_ERROR(internal::Exec(h, "BEGIN IMMEDIATE"));
    Status s = internal::Exec(h, m.sql);
    if (s.ok()) {
      EL_ASSIGN_OR_RETURN(Stmt * ins,
                          Cached("INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)"));
      s = ins->Bind(1, m.version).BindText(2, m.name).Run();
    }
    if (s.ok()) s = internal::Exec(h, "COMMIT");
    if (!s.ok()) {
      internal::Exec(h, "ROLLBACK").ok();
      return s.WithContext("数据库迁移 " + std::to_string(m.version) + " 失败");
    }
    core::LogLine(core::LogLevel::kInfo, "migrate").Add("version", m.version);
  }
  return Status::OK();
}

template <class T, class Read>
Status SqliteStore::Impl::FindPeople(std::string_view table, std::string_view cols,
                                     std::span<const PersonKey> keys, bool has_student_no,
                                     Read read, std::vector<Found<T>>* out) {
  out->clear();
  if (keys.empty()) return Status::OK();
  EL_ASSIGN_OR_RETURN(const std::int64_t size,
                      QueryInt(Sql({"SELECT coalesce(max(id), 0) FROM ", table})));
  if (size == 0) return Status::OK();
  const bool scan =
      keys.size() > kScanThreshold && keys.size() * 4 > static_cast<std::size_t>(size);
  if (scan) {
    std::unordered_map<std::string, std::vector<std::size_t>> wanted;
    wanted.reserve(keys.size() * 2);
    for (std::size_t i = 0; i < keys.size(); ++i) wanted[KeyString(keys[i])].push_back(i);
    EL_ASSIGN_OR_RETURN(Stmt stmt,
                        Stmt::Prepare(db.get(), Sql({"SELECT ", cols, " FROM ", table})));
    std::string key;
    while (true) {
      EL_ASSIGN_OR_RETURN(const bool row, stmt.Step());
      if (!row) break;
      // Column 1 is id_type, 2 id_number; for students 4 is student_no.
      for (int pass = 0; pass < (has_student_no ? 2 : 1); ++pass) {
        if (pass == 0) {
          if (stmt.IsNull(2)) continue;
          key.assign(stmt.Text(1));
          key += "|";
          key += stmt.Text(2);
        } else {
          if (stmt.IsNull(4)) continue;
          key.assign("#");
          key += stmt.Text(4);
        }
        auto it = wanted.find(key);
        if (it == wanted.end()) continue;
        const T value = read(stmt, 0);
        for (const std::size_t i : it->second) out->push_back(Found<T>{i, value});
      }
    }
    return Status::OK();
  }
  EL_ASSIGN_OR_RETURN(
      Stmt * by_id,
      Cached(Sql({"SELECT ", cols, " FROM ", table, " WHERE id_number = ?1 AND id_type = ?2"})));
  Stmt* by_no = nullptr;
  if (has_student_no) {
    EL_ASSIGN_OR_RETURN(by_no,
                        Cached(Sql({"SELECT ", cols, " FROM ", table, " WHERE student_no = ?1"})));
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const PersonKey& k = keys[i];
    Stmt* s;
    if (!k.id_number.empty()) {
      s = by_id;
      s->BindText(1, k.id_number).BindText(2, CharView(k.id_type));
    } else if (by_no != nullptr && !k.student_no.empty()) {
      s = by_no;
      s->BindText(1, k.student_no);
    } else {
      continue;
    }
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (*row) out->push_back(Found<T>{i, read(*s, 0)});
    EL_RETURN_IF_ERROR(s->CheckRead());
    s->Reset();
  }
  return Status::OK();
}

template <class T, class Read>
Status SqliteStore::Impl::FindYearRows(std::string_view table, std::string_view cols,
                                       std::string_view key_col, int school_year,
                                       std::span<const std::int64_t> ids, Read read,
                                       std::vector<Found<T>>* out) {
  out->clear();
  if (ids.empty()) return Status::OK();
  if (ids.size() > kScanThreshold) {
    std::unordered_map<std::int64_t, std::vector<std::size_t>> wanted;
    wanted.reserve(ids.size() * 2);
    for (std::size_t i = 0; i < ids.size(); ++i) wanted[ids[i]].push_back(i);
    EL_ASSIGN_OR_RETURN(Stmt stmt, Stmt::Prepare(db.get(), Sql({"SELECT ", cols, " FROM ", table,
                                                                " WHERE school_year = ?1"})));
    stmt.Bind(1, school_year);
    while (true) {
      EL_ASSIGN_OR_RETURN(const bool row, stmt.Step());
      if (!row) break;
      auto it = wanted.find(stmt.Int(0));
      if (it == wanted.end()) continue;
      const T value = read(stmt, 0);
      for (const std::size_t i : it->second) out->push_back(Found<T>{i, value});
    }
    return Status::OK();
  }
  EL_ASSIGN_OR_RETURN(Stmt * s, Cached(Sql({"SELECT ", cols, " FROM ", table, " WHERE ", key_col,
                                            " = ?1 AND school_year = ?2"})));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s->Bind(1, ids[i]).Bind(2, school_year);
    EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
      out->push_back(Found<T>{i, read(row, 0)});
      return Status::OK();
    }));
  }
  return Status::OK();
}

// --- the transaction ------------------------------------------------------------------------

class SqliteTransaction final : public TransactionImpl {
 public:
  explicit SqliteTransaction(SqliteStore::Impl* store) : store_(store) {}
  ~SqliteTransaction() override { Rollback(); }
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

 private:
  // Run `sql` once per row, bound by bind(stmt, row); an update also binds the row's id to
  // parameter `id_param`.
  template <class Row, class Bind>
  Status WriteAll(std::span<Row> rows, const char* sql, Bind bind, int id_param = 0) {
    EL_ASSIGN_OR_RETURN(Stmt * s, store_->Cached(sql));
    scratch_row_ = 0;
    for (const Row& r : rows) {
      bind(*s, r);
      if constexpr (requires { r.id; }) {
        if (id_param > 0) s->Bind(id_param, r.id);
      }
      EL_RETURN_IF_ERROR(s->Run());
    }
    return Status::OK();
  }

  // Insert `rows` into `table`: `columns` lists the columns in the order `bind` binds them.
  // Several rows go into one statement, so SQLite runs one program per batch rather than per
  // row; rows that have an `id` get the ids the table assigned (the rows of one statement take
  // consecutive rowids).
  template <class Row, class Bind>
  Status InsertAll(std::span<Row> rows, std::string_view table, std::string_view columns,
                   Bind bind) {
    const int ncols = static_cast<int>(std::count(columns.begin(), columns.end(), ',')) + 1;
    for (std::size_t start = 0; start < rows.size(); start += kRowsPerInsert) {
      const std::size_t n = std::min(kRowsPerInsert, rows.size() - start);
      std::string sql = Sql({"INSERT INTO ", table, " (", columns, ") VALUES "});
      for (std::size_t k = 0; k < n; ++k) {
        sql += k ? ",(" : "(";
        for (int c = 0; c < ncols; ++c) sql += c ? ",?" : "?";
        sql += ")";
      }
      EL_ASSIGN_OR_RETURN(Stmt * s, store_->Cached(sql));
      for (std::size_t k = 0; k < n; ++k) {
        scratch_row_ = k;
        s->SetParameterBase(static_cast<int>(k) * ncols);
        bind(*s, rows[start + k]);
      }
      s->SetParameterBase(0);
      EL_RETURN_IF_ERROR(s->Run());
      if constexpr (requires(Row & r) { r.id; }) {
        const std::int64_t last = sqlite3_last_insert_rowid(store_->db.get());
        for (std::size_t k = 0; k < n; ++k) {
          rows[start + k].id = last - static_cast<std::int64_t>(n - 1 - k);
        }
      }
    }
    return Status::OK();
  }

  // A binder that keeps a row's date text in this transaction's scratch strings until its
  // statement has run.
  template <class Row>
  auto WithScratch(void (*bind)(Stmt&, const Row&, std::string*)) {
    return [this, bind](Stmt& s, const Row& r) { bind(s, r, &scratch_[scratch_row_]); };
  }

 public:
  Status InsertOrgUnits(std::span<meta::OrgUnit> units) override {
    return InsertAll(units, "org_units", AfterId(kOrgUnitCols), BindOrgUnit);
  }

  Status UpdateOrgUnits(std::span<const meta::OrgUnit> units) override {
    return WriteAll(units,
                    "UPDATE org_units SET code = ?1, name = ?2, parent_id = ?3, level = ?4, "
                    "school_type = ?5, ownership = ?6, urban_rural = ?7, boarding = ?8, "
                    "small_scale = ?9, central_school_id = ?10, affordable = ?11 WHERE id = ?12",
                    BindOrgUnit, 12);
  }

  Status InsertStudents(std::span<meta::Student> students) override {
    return InsertAll(students, "students", AfterId(kStudentCols), WithScratch(BindStudent));
  }

  Status UpdateStudents(std::span<const meta::Student> students) override {
    return WriteAll(students,
                    "UPDATE students SET id_type = ?1, id_number = ?2, id_number_15 = ?3, "
                    "student_no = ?4, name = ?5, sex = ?6, birth_date = ?7, ethnicity = ?8, "
                    "hukou = ?9, disability = ?10, flags = ?11 WHERE id = ?12",
                    WithScratch(BindStudent), 12);
  }

  Status InsertEnrolments(std::span<const meta::Enrolment> rows) override {
    return InsertAll(
        rows, "enrolments",
        "org_unit_id, grade, class_name, admission_ym, student_id, school_year, joined_on",
        WithScratch(BindEnrolment));
  }

  Status UpdateEnrolments(std::span<const meta::Enrolment> rows) override {
    return WriteAll(rows,
                    "UPDATE enrolments SET grade = ?2, class_name = ?3, admission_ym = ?4, "
                    "joined_on = ?7 WHERE student_id = ?5 AND school_year = ?6 AND "
                    "org_unit_id = ?1",
                    WithScratch(BindEnrolment));
  }

  Status InsertStatusEvents(std::span<meta::StatusEvent> events) override {
    return InsertAll(events, "status_events",
                     "student_id, event_type, event_date, org_unit_id, other_org_unit_id, note, "
                     "other_school",
                     WithScratch(BindEvent));
  }

  Status InsertStaff(std::span<meta::Staff> staff) override {
    return InsertAll(staff, "staff", AfterId(kStaffCols), WithScratch(BindStaff));
  }

  Status UpdateStaff(std::span<const meta::Staff> staff) override {
    return WriteAll(staff,
                    "UPDATE staff SET id_type = ?1, id_number = ?2, name = ?3, sex = ?4, "
                    "birth_date = ?5, ethnicity = ?6 WHERE id = ?7",
                    WithScratch(BindStaff), 7);
  }

  Status InsertStaffAssignments(std::span<const meta::StaffAssignment> rows) override {
    return InsertAll(rows, "staff_assignments",
                     "org_unit_id, post, title, subject, level_taught, qualification, staff_id, "
                     "school_year",
                     BindAssignment);
  }

  Status UpdateStaffAssignments(std::span<const meta::StaffAssignment> rows) override {
    return WriteAll(rows,
                    "UPDATE staff_assignments SET org_unit_id = ?1, post = ?2, title = ?3, "
                    "subject = ?4, level_taught = ?5, qualification = ?6 "
                    "WHERE staff_id = ?7 AND school_year = ?8",
                    BindAssignment);
  }

  Status SaveSubmission(Submission* submission) override {
    return internal::SaveSubmission(*store_, submission);
  }

  Status ReplaceValues(std::int64_t submission_id, std::span<const DataValue> values) override {
    return internal::ReplaceValues(*store_, submission_id, values);
  }

  Status InsertValueChanges(std::span<const ValueChange> changes) override {
    return internal::InsertValueChanges(*store_, changes);
  }

  Status PutSetting(std::string_view key, std::string_view value) override {
    return internal::PutSetting(*store_, key, value);
  }

  Status SaveCase(Case* case_) override { return internal::SaveCase(*store_, case_); }
  Status InsertCaseMove(CaseMove* move) override { return internal::InsertCaseMove(*store_, move); }
  Status InsertCaseEntry(CaseEntry* entry) override {
    return internal::InsertCaseEntry(*store_, entry);
  }

  Result<std::int64_t> Commit(const AuditRecord& record) override {
    EL_ASSIGN_OR_RETURN(
        Stmt * log,
        store_->Cached(
            "INSERT INTO audit_log (at, actor, role, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)"));
    log->BindText(1, record.at).BindText(2, record.context.actor).BindText(3, record.context.role);
    log->BindText(4, record.context.action).BindText(5, record.context.detail_json);
    EL_RETURN_IF_ERROR(log->Run());
    const std::int64_t audit_id = sqlite3_last_insert_rowid(store_->db.get());
    EL_ASSIGN_OR_RETURN(
        Stmt * keys,
        store_->Cached(
            "INSERT INTO audit_keys (audit_id, entity, change, school_year, first_key, last_key) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (const AuditKeyRange& r : record.keys) {
      keys->Bind(1, audit_id).BindText(2, r.entity).BindText(3, ChangeKindName(r.change));
      keys->Bind(4, r.school_year).Bind(5, r.first_key).Bind(6, r.last_key);
      EL_RETURN_IF_ERROR(keys->Run());
    }
    EL_RETURN_IF_ERROR(internal::Exec(store_->db.get(), "COMMIT"));
    store_->in_transaction = false;
    done_ = true;
    return audit_id;
  }

  void Rollback() override {
    if (done_) return;
    done_ = true;
    internal::Exec(store_->db.get(), "ROLLBACK").ok();
    store_->in_transaction = false;
  }

 private:
  SqliteStore::Impl* store_;
  bool done_ = false;
  static constexpr std::size_t kRowsPerInsert = 64;
  std::vector<std::string> scratch_ = std::vector<std::string>(kRowsPerInsert);  // date texts
  std::size_t scratch_row_ = 0;  // the row of its statement being bound
};

// --- the store --------------------------------------------------------------------------------

namespace {

// `path` as the path of a file: URI (RFC 3986): what is not unreserved or '/' is %-escaped.
std::string UriPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out += {'%', kHex[u >> 4], kHex[u & 15]};
    }
  }
  return out;
}

}  // namespace

int LatestSqliteSchemaVersion() { return internal::SqliteMigrations().back().version; }

Result<std::unique_ptr<SqliteStore>> OpenSqliteStore(const std::string& path,
                                                     const SqliteOptions& options) {
  const bool existed = FileExists(path);
  if (!existed && !options.create_if_missing) {
    return Status::NotFound(
        "database_missing",
        "数据库文件不存在：" + path + "（请先运行 eduledger init 或 eduledger demo）");
  }
  sqlite3* raw = nullptr;
  // A file this user may not write is opened read-only. With no WAL beside it (its writer has
  // closed it: every close folds the WAL into the file) it is opened immutable, so reading
  // needs no -shm file in a directory that may be read-only too.
  const bool writable = !existed || ::access(path.c_str(), W_OK) == 0;
  const bool immutable = !writable && !FileExists(path + "-wal");
  std::string target = path;
  int flags = SQLITE_OPEN_NOMUTEX;
  if (writable) {
    flags |= SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  } else {
    flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    target = "file:" + UriPath(path) + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
  }
  const int rc = sqlite3_open_v2(target.c_str(), &raw, flags, nullptr);
  internal::DbHandle db(raw);
  if (rc != SQLITE_OK) return internal::SqliteError(raw, "无法打开数据库 " + path);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 1);

  auto impl = std::make_unique<SqliteStore::Impl>();
  impl->db = std::move(db);
  impl->path = path;
  // A file the user may read but not write opens read-only: every query works, writes are
  // refused with a message (Begin), and nothing is written on the way (no journal mode, no
  // migration, no checkpoint).
  impl->read_only = sqlite3_db_readonly(raw, "main") == 1;
  // Reading the header first turns "not a database" into a clear error.
  EL_ASSIGN_OR_RETURN(const std::int64_t app_id, impl->QueryInt("PRAGMA application_id"));
  EL_ASSIGN_OR_RETURN(const std::int64_t tables,
                      impl->QueryInt("SELECT count(*) FROM sqlite_master"));
  if (app_id != kApplicationId) {
    if (tables > 0 || app_id != 0) {
      return Status::FailedPrecondition("not_eduledger_database", path + " 不是 EduLedger 数据库");
    }
    // A new file: larger pages suit bulk imports (fewer B-tree pages per insert). The page
    // size can only be chosen before the first table and before WAL mode.
    EL_RETURN_IF_ERROR(internal::Exec(raw,
                                      "PRAGMA page_size = 8192;"
                                      "PRAGMA application_id = " +
                                          std::to_string(kApplicationId)));
  }
  if (!impl->read_only) EL_RETURN_IF_ERROR(internal::Exec(raw, "PRAGMA journal_mode = WAL;"));
  EL_RETURN_IF_ERROR(internal::Exec(raw,
                                    "PRAGMA synchronous = NORMAL;"
                                    "PRAGMA foreign_keys = ON;"
                                    "PRAGMA temp_store = MEMORY;"
                                    "PRAGMA cache_size = -65536;"));
  EL_RETURN_IF_ERROR(impl->Migrate(options.migrate_to));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SqliteStore::~SqliteStore() {
  if (impl_) {
    impl_->statements.clear();  // finalize before the connection closes
    // Fold the WAL back into the file so a copied .db is whole.
    if (!impl_->read_only) {
      sqlite3_wal_checkpoint_v2(impl_->db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                nullptr);
    }
  }
}

bool SqliteStore::HoldsFile(const std::string& path) const {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (core::SameFile(path, impl_->path + suffix)) return true;
  }
  return false;
}

Result<int> SqliteStore::SchemaVersion() {
  EL_ASSIGN_OR_RETURN(const std::int64_t v,
                      impl_->QueryInt("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  return static_cast<int>(v);
}

Result<std::int64_t> SqliteStore::Version() {
  return impl_->QueryInt("SELECT coalesce(max(id), 0) FROM audit_log");
}

Result<Transaction> SqliteStore::Begin(const AuditContext& context,
                                       std::optional<std::int64_t> expected_version) {
  if (impl_->in_transaction) {
    return Status::FailedPrecondition("transaction_open", "已有未结束的写事务");
  }
  if (impl_->read_only) {
    return Status::FailedPrecondition(
        "read_only_store",
        "数据库 " + impl_->path + " 是只读的（没有写权限）：可以查询和导出，不能导入、填报或修改");
  }
  EL_RETURN_IF_ERROR(internal::Exec(impl_->db.get(), "BEGIN IMMEDIATE"));
  impl_->in_transaction = true;
  auto txn = std::make_unique<SqliteTransaction>(impl_.get());
  if (expected_version) {
    auto version = Version();
    if (!version.ok()) return version.status();
    if (*version != *expected_version) {
      return Status::Aborted(
          "concurrent_write",
          "数据在本次操作读取之后已被其他用户或程序修改；本次未写入任何内容，请重试");
    }
  }
  return Transaction(std::move(txn), context);
}

Result<std::vector<meta::OrgUnit>> SqliteStore::LoadOrgUnits() {
  EL_ASSIGN_OR_RETURN(Stmt * s,
                      impl_->Cached(Sql({"SELECT ", kOrgUnitCols, " FROM org_units ORDER BY id"})));
  std::vector<meta::OrgUnit> out;
  while (true) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadOrgUnit(*s));
  }
  s->Reset();
  return out;
}

Status SqliteStore::FindStudents(std::span<const PersonKey> keys,
                                 std::vector<Found<meta::Student>>* out) {
  return impl_->FindPeople<meta::Student>("students", kStudentCols, keys, true, ReadStudent, out);
}

Status SqliteStore::FindStaff(std::span<const PersonKey> keys,
                              std::vector<Found<meta::Staff>>* out) {
  return impl_->FindPeople<meta::Staff>("staff", kStaffCols, keys, false, ReadStaff, out);
}

namespace {

// (`Impl` is the store's own, deduced: the template names no private type.)
template <class T, class Impl, class Read>
Status FindById(Impl& impl, std::string_view table, std::string_view cols,
                std::span<const std::int64_t> ids, Read read, std::vector<Found<T>>* out) {
  out->clear();
  EL_ASSIGN_OR_RETURN(Stmt * s,
                      impl.Cached(Sql({"SELECT ", cols, " FROM ", table, " WHERE id = ?1"})));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s->Bind(1, ids[i]);
    EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
      out->push_back(Found<T>{i, read(row, 0)});
      return Status::OK();
    }));
  }
  return Status::OK();
}

}  // namespace

Status SqliteStore::FindStudentsById(std::span<const std::int64_t> ids,
                                     std::vector<Found<meta::Student>>* out) {
  return FindById<meta::Student>(*impl_, "students", kStudentCols, ids, ReadStudent, out);
}

Status SqliteStore::FindStaffById(std::span<const std::int64_t> ids,
                                  std::vector<Found<meta::Staff>>* out) {
  return FindById<meta::Staff>(*impl_, "staff", kStaffCols, ids, ReadStaff, out);
}

Status SqliteStore::FindEnrolments(int school_year, std::span<const std::int64_t> student_ids,
                                   std::vector<Found<meta::Enrolment>>* out) {
  return impl_->FindYearRows<meta::Enrolment>("enrolments", kEnrolmentCols, "student_id",
                                              school_year, student_ids, ReadEnrolment, out);
}

Status SqliteStore::FindStaffAssignments(int school_year, std::span<const std::int64_t> staff_ids,
                                         std::vector<Found<meta::StaffAssignment>>* out) {
  return impl_->FindYearRows<meta::StaffAssignment>("staff_assignments", kAssignmentCols,
                                                    "staff_id", school_year, staff_ids,
                                                    ReadAssignment, out);
}

Status SqliteStore::ForEachEnrolled(
    int school_year, std::span<const std::int64_t> org_unit_ids,
    const std::function<Status(const meta::Student&, const meta::Enrolment&)>& fn) {
  EL_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->Cached(Sql(
          {"SELECT s.id, s.id_type, s.id_number, s.id_number_15, s.student_no, s.name, s.sex, "
           "s.birth_date, s.ethnicity, s.hukou, s.disability, s.flags, e.student_id, "
           "e.school_year, "
           "e.org_unit_id, e.grade, e.class_name, e.admission_ym, e.joined_on FROM enrolments e "
           "JOIN students s ON s.id = e.student_id WHERE e.school_year = ?1 AND e.org_unit_id = ?2 "
           "ORDER BY e.grade, e.class_name, s.id"})));
  for (const std::int64_t org : org_unit_ids) {
    s->Bind(1, school_year).Bind(2, org);
    EL_RETURN_IF_ERROR(internal::ForEachRow(
        *s, [&](const Stmt& row) { return fn(ReadStudent(row, 0), ReadEnrolment(row, 12)); }));
  }
  return Status::OK();
}

Status SqliteStore::FindStatusEvents(std::span<const std::int64_t> student_ids,
                                     std::vector<Found<meta::StatusEvent>>* out) {
  out->clear();
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached(Sql({"SELECT ", kEventCols,
                                                   " FROM status_events WHERE student_id = ?1 "
                                                   "ORDER BY event_date, id"})));
  for (std::size_t i = 0; i < student_ids.size(); ++i) {
    s->Bind(1, student_ids[i]);
    EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
      out->push_back(Found<meta::StatusEvent>{i, ReadEvent(row, 0)});
      return Status::OK();
    }));
  }
  return Status::OK();
}

Status SqliteStore::ForEachStatusEvent(
    core::Date from, core::Date to, std::span<const std::int64_t> org_unit_ids,
    const std::function<Status(const meta::Student&, const meta::StatusEvent&)>& fn) {
  EL_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->Cached(Sql(
          {"SELECT s.id, s.id_type, s.id_number, s.id_number_15, s.student_no, s.name, s.sex, "
           "s.birth_date, s.ethnicity, s.hukou, s.disability, s.flags, e.id, e.student_id, "
           "e.event_type, e.event_date, e.org_unit_id, e.other_org_unit_id, e.note, e.other_school "
           "FROM status_events e JOIN students s ON s.id = e.student_id "
           "WHERE e.org_unit_id = ?1 AND e.event_date BETWEEN ?2 AND ?3 "
           "ORDER BY e.event_date, e.id"})));
  const std::string a = from.ToString();
  const std::string b = to.ToString();
  for (const std::int64_t org : org_unit_ids) {
    s->Bind(1, org).BindText(2, a).BindText(3, b);
    EL_RETURN_IF_ERROR(internal::ForEachRow(
        *s, [&](const Stmt& row) { return fn(ReadStudent(row, 0), ReadEvent(row, 12)); }));
  }
  return Status::OK();
}

Status SqliteStore::ForEachStaffAssignment(
    int school_year, std::span<const std::int64_t> org_unit_ids,
    const std::function<Status(const meta::Staff&, const meta::StaffAssignment&)>& fn) {
  EL_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->Cached(Sql(
          {"SELECT t.id, t.id_type, t.id_number, t.name, t.sex, t.birth_date, t.ethnicity, "
           "a.staff_id, a.school_year, a.org_unit_id, a.post, a.title, a.subject, a.level_taught, "
           "a.qualification FROM staff_assignments a JOIN staff t ON t.id = a.staff_id "
           "WHERE a.school_year = ?1 AND a.org_unit_id = ?2 ORDER BY a.post, t.id"})));
  for (const std::int64_t org : org_unit_ids) {
    s->Bind(1, school_year).Bind(2, org);
    EL_RETURN_IF_ERROR(internal::ForEachRow(
        *s, [&](const Stmt& row) { return fn(ReadStaff(row, 0), ReadAssignment(row, 7)); }));
  }
  return Status::OK();
}

namespace {

// SQL for a column of dates as days since 1970-01-01 (NULL stays NULL).
// A stored date as days since 1970; a stored text that is no date gives kCorruptDays.
constexpr std::int64_t kCorruptDays = std::numeric_limits<std::int32_t>::min();
std::string DaysOf(std::string_view col) {
  return Sql({"CASE WHEN ", col, " IS NULL THEN NULL ELSE coalesce(CAST(unixepoch(", col,
              ") / 86400 AS INTEGER), ", std::to_string(kCorruptDays), ") END"});
}

core::Date ReadDays(const Stmt& s, int col) {
  if (s.IsNull(col)) return core::Date();
  if (s.Int(col) == kCorruptDays) {
    s.NoteCorrupt("（不是日期）");
    return core::Date();
  }
  return core::Date::FromDays(static_cast<std::int32_t>(s.Int(col)));
}

}  // namespace

// Run `select` over its whole table, calling fn(row) for each row.
template <class Fn>
Status SqliteStore::Scan(const std::string& select, Fn fn) {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached(select));
  return internal::ForEachRow(*s, fn);
}

namespace {

// The snapshot's scans: their selects (to which a WHERE may be added) and row readers.
std::string StudentFactsSelect() {
  return Sql({"SELECT id, sex, ", DaysOf("birth_date"),
              ", ethnicity, hukou, disability, flags FROM students"});
}
StudentFacts ReadStudentFacts(const Stmt& row) {
  StudentFacts f;
  f.id = row.Int(0);
  f.sex = static_cast<core::Sex>(row.Int(1));
  f.birth_date = ReadDays(row, 2);
  f.ethnicity = static_cast<int>(row.Int(3));
  f.hukou = static_cast<meta::Hukou>(row.Int(4));
  f.disability = static_cast<meta::Disability>(row.Int(5));
  f.flags = static_cast<std::uint32_t>(row.Int(6));
  return f;
}

std::string EnrolmentFactsSelect() {
  return Sql({"SELECT student_id, school_year, org_unit_id, grade, class_name, ",
              DaysOf("joined_on"), " FROM enrolments"});
}
EnrolmentFacts ReadEnrolmentFacts(const Stmt& row) {
  EnrolmentFacts f;
  f.student_id = row.Int(0);
  f.school_year = static_cast<int>(row.Int(1));
  f.org_unit_id = row.Int(2);
  f.grade = static_cast<int>(row.Int(3));
  f.class_name = row.Text(4);
  f.joined = ReadDays(row, 5);
  return f;
}

std::string EventFactsSelect() {
  return Sql({"SELECT student_id, event_type, ", DaysOf("event_date"),
              ", coalesce(org_unit_id, 0), id FROM status_events"});
}
EventFacts ReadEventFacts(const Stmt& row) {
  EventFacts f;
  f.student_id = row.Int(0);
  f.type = static_cast<meta::EventType>(row.Int(1));
  f.date = ReadDays(row, 2);
  f.org_unit_id = row.Int(3);
  f.id = row.Int(4);
  return f;
}

}  // namespace

Status SqliteStore::ScanStudents(const ScanFn<StudentFacts>& fn) {
  return Scan(StudentFactsSelect(), [&](const Stmt& row) { return fn(ReadStudentFacts(row)); });
}

Status SqliteStore::ScanStudentIdentities(const ScanFn<PersonIdentity>& fn) {
  return Scan(
      "SELECT id, id_type, id_number, student_no, name FROM students", [&](const Stmt& row) {
        return fn(
            PersonIdentity{row.Int(0), ReadIdType(row, 1), row.Text(2), row.Text(3), row.Text(4)});
      });
}

Status SqliteStore::ScanStaffIdentities(const ScanFn<PersonIdentity>& fn) {
  return Scan("SELECT id, id_type, id_number, name FROM staff", [&](const Stmt& row) {
    return fn(PersonIdentity{row.Int(0), ReadIdType(row, 1), row.Text(2), {}, row.Text(3)});
  });
}

Status SqliteStore::ScanEnrolments(const ScanFn<EnrolmentFacts>& fn) {
  return Scan(EnrolmentFactsSelect(), [&](const Stmt& row) { return fn(ReadEnrolmentFacts(row)); });
}

Status SqliteStore::ScanStatusEvents(const ScanFn<EventFacts>& fn) {
  return Scan(EventFactsSelect(), [&](const Stmt& row) { return fn(ReadEventFacts(row)); });
}

Status SqliteStore::ScanSchoolRegister(std::int64_t school_id, std::span<const int> years,
                                       const SchoolScan& scan) {
  // The students enrolled at the school in the years: one equality per year lets
  // enrolments_school (school_year, org_unit_id) find them.
  std::string list;
  for (const int y : years) list += (list.empty() ? "" : ",") + std::to_string(y);
  const std::string of_school = " IN (SELECT student_id FROM enrolments WHERE school_year IN (" +
                                list + ") AND org_unit_id = ?1)";
  const auto run = [&](const std::string& select, auto fn) -> Status {
    EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached(select));
    s->Bind(1, school_id);
    return internal::ForEachRow(*s, fn);
  };
  EL_RETURN_IF_ERROR(run(Sql({StudentFactsSelect(), " WHERE id", of_school}),
                         [&](const Stmt& row) { return scan.students(ReadStudentFacts(row)); }));
  EL_RETURN_IF_ERROR(
      run(Sql({EnrolmentFactsSelect(), " WHERE student_id", of_school}),
          [&](const Stmt& row) { return scan.enrolments(ReadEnrolmentFacts(row)); }));
  return run(Sql({EventFactsSelect(), " WHERE student_id", of_school}),
             [&](const Stmt& row) { return scan.events(ReadEventFacts(row)); });
}

Status SqliteStore::ScanStaffAssignments(const ScanFn<StaffFacts>& fn) {
  const std::string select =
      Sql({"SELECT a.staff_id, a.school_year, a.org_unit_id, t.sex, ", DaysOf("t.birth_date"),
           ", a.post, a.title, a.level_taught, a.qualification FROM "
           "staff_assignments a JOIN staff t ON t.id = a.staff_id"});
  return Scan(select, [&](const Stmt& row) {
    StaffFacts f;
    f.staff_id = row.Int(0);
    f.school_year = static_cast<int>(row.Int(1));
    f.org_unit_id = row.Int(2);
    f.sex = static_cast<core::Sex>(row.Int(3));
    f.birth_date = ReadDays(row, 4);
    f.post = static_cast<meta::Post>(row.Int(5));
    f.title = static_cast<meta::Title>(row.Int(6));
    if (!row.IsNull(7)) f.level_taught = static_cast<meta::EducationLevel>(row.Int(7));
    f.qualification = static_cast<meta::Qualification>(row.Int(8));
    return fn(f);
  });
}

Result<std::vector<int>> SqliteStore::SchoolYears() {
  EL_ASSIGN_OR_RETURN(
      Stmt * s, impl_->Cached("SELECT DISTINCT school_year FROM enrolments ORDER BY school_year"));
  std::vector<int> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out.push_back(static_cast<int>(row.Int(0)));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<AuditEntry>> SqliteStore::RecentAudit(int limit) {
  EL_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->Cached(
          "SELECT id, at, actor, role, action, detail FROM audit_log ORDER BY id DESC LIMIT ?1"));
  s->Bind(1, limit);
  std::vector<AuditEntry> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    AuditEntry e;
    e.id = row.Int(0);
    e.record.at = row.Text(1);
    e.record.context = AuditContext{std::string(row.Text(2)), std::string(row.Text(3)),
                                    std::string(row.Text(4)), std::string(row.Text(5))};
    out.push_back(std::move(e));
    return Status::OK();
  }));
  EL_ASSIGN_OR_RETURN(
      Stmt * k,
      impl_->Cached("SELECT entity, change, school_year, first_key, last_key FROM audit_keys "
                    "WHERE audit_id = ?1 ORDER BY rowid"));
  for (AuditEntry& e : out) {
    k->Bind(1, e.id);
    EL_RETURN_IF_ERROR(internal::ForEachRow(*k, [&](const Stmt& row) {
      AuditKeyRange r;
      r.entity = row.Text(0);
      r.change = ChangeKindFromName(row.Text(1));
      r.school_year = static_cast<int>(row.Int(2));
      r.first_key = row.Int(3);
      r.last_key = row.Int(4);
      e.record.keys.push_back(std::move(r));
      return Status::OK();
    }));
  }
  return out;
}

}  // namespace eduledger::store
