// A second, independent computation of every indicator of packages/county-bureau on the
// example county, compared with `eduledger indicators --format json` cell by cell.
//
// The figures are counted here from the raw tables of the SQLite file (plain SQL through the
// sqlite3 C API and loops over the rows), with this file's own code tables, from the
// indicators' definitions (the Chinese `definition` texts) and the conventions of DOMAIN.md §2
// and §4 and docs/statistics-year.md. Nothing of the engine, app or ingest layers is used, and
// the package's expressions are not interpreted: each indicator is written out by hand below.
// A wrong engine, or a wrong convention in it, makes a cell disagree; the failure names the
// indicator, the statistics year, the unit and the field, with both numbers.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "testing/example_county.h"
#include "testing/test_util.h"

namespace eduledger {
namespace {

using Id = std::int64_t;
using Number = std::optional<double>;  // nullopt: no value

// The statistics years compared; the demo holds the school years 2017..2026.
constexpr int kYears[] = {2024, 2025, 2026};
constexpr int kDemoLastYear = 2026;

// ---------------------------------------------------------------------------------------------
// Code tables of our own (the codes as the store writes them; meanings from src/meta).

// 学段. The first seven in the order the store writes staff_assignments.level_taught
// (0 学前教育 … 6 成人教育); kNone and kUnknown only for a row's next_level.
enum class Level {
  kPreschool = 0,
  kPrimary = 1,
  kJunior = 2,
  kSenior = 3,
  kVocational = 4,
  kSpecial = 5,
  kAdult = 6,
  kNone,     // not enrolled in that school year
  kUnknown,  // that school year is not held
};

// 学校(机构)办学类型代码 (DOMAIN.md §3.1): the stage a school is listed under in 学校数 (a
// 九年一贯制 school under 初中, 完全中学 and 十二年一贯制 under 普通高中), and whether it is an
// attached class (附设班) or a teaching point (教学点), neither of which is a school.
struct SchoolType {
  int code;
  Level stage;
  bool attached_class;
  bool teaching_point;
};
constexpr SchoolType kSchoolTypes[] = {
    {111, Level::kPreschool, false, false},  {112, Level::kPreschool, false, false},
    {119, Level::kPreschool, true, false},   {211, Level::kPrimary, false, false},
    {212, Level::kPrimary, false, false},    {213, Level::kPrimary, false, false},
    {218, Level::kPrimary, false, true},     {219, Level::kPrimary, true, false},
    {221, Level::kAdult, false, false},      {229, Level::kAdult, true, false},
    {311, Level::kJunior, false, false},     {312, Level::kJunior, false, false},
    {313, Level::kJunior, false, false},     {314, Level::kJunior, false, false},
    {319, Level::kJunior, true, false},      {321, Level::kJunior, false, false},
    {329, Level::kJunior, true, false},      {331, Level::kAdult, false, false},
    {332, Level::kAdult, false, false},      {341, Level::kSenior, false, false},
    {342, Level::kSenior, false, false},     {343, Level::kSenior, false, false},
    {344, Level::kSenior, false, false},     {345, Level::kSenior, false, false},
    {349, Level::kSenior, true, false},      {351, Level::kAdult, false, false},
    {352, Level::kAdult, false, false},      {361, Level::kVocational, false, false},
    {362, Level::kVocational, false, false}, {363, Level::kVocational, false, false},
    {364, Level::kVocational, false, false}, {365, Level::kVocational, false, false},
    {366, Level::kVocational, false, false}, {368, Level::kVocational, true, false},
    {369, Level::kVocational, false, false}, {371, Level::kJunior, false, false},
    {511, Level::kSpecial, false, false},    {512, Level::kSpecial, false, false},
    {513, Level::kSpecial, false, false},    {514, Level::kSpecial, false, false},
    {518, Level::kSpecial, true, false},     {519, Level::kSpecial, true, false},
};

const SchoolType* FindType(int code) {
  for (const SchoolType& t : kSchoolTypes) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

// The level a pupil of `grade` at a school of type `type` is counted in: every pupil of a
// special-education school (51x) is 特殊教育, of an adult school 成人教育, of a 中职 school
// 中等职业教育; elsewhere the grade decides (≤ 0 学前, 1-6 小学, 7-9 初中, 10-12 普通高中).
Level LevelOfPupil(int type, int grade) {
  if (type >= 511 && type <= 519) return Level::kSpecial;
  if ((type >= 221 && type <= 229) || type == 331 || type == 332 || type == 351 || type == 352) {
    return Level::kAdult;
  }
  if (type >= 361 && type <= 369) return Level::kVocational;
  if (grade <= 0) return Level::kPreschool;
  if (grade <= 6) return Level::kPrimary;
  if (grade <= 9) return Level::kJunior;
  return Level::kSenior;
}

// 学籍异动 types (status_events.event_type).
constexpr int kAdmit = 1;
constexpr int kTransferOut = 2;
constexpr int kTransferIn = 3;
constexpr int kSuspend = 4;
constexpr int kResume = 5;
constexpr int kDropOut = 6;
constexpr int kReturn = 7;
constexpr int kGraduate = 8;
constexpr int kDeath = 9;
constexpr int kOtherEvent = 10;

// An event that keeps (or puts) the student in school; on one day it counts as the later one.
bool KeepsInSchool(int type) {
  return type == kAdmit || type == kTransferIn || type == kResume || type == kReturn;
}

// students.flags bits.
constexpr std::uint32_t kLeftBehind = 1u << 0;
constexpr std::uint32_t kMigrantChild = 1u << 1;
constexpr std::uint32_t kDisabledFlag = 1u << 2;
constexpr std::uint32_t kRegisteredPoor = 1u << 3;
constexpr std::uint32_t kDibao = 1u << 4;
constexpr std::uint32_t kExtremePoverty = 1u << 5;
constexpr std::uint32_t kOrphan = 1u << 6;

// students.disability: 1 视力, 2 听力, 3 言语, 5 智力 (the three types of 残疾儿童入学率).
bool ThreeTypesOfDisability(int code) { return code == 1 || code == 2 || code == 3 || code == 5; }

// 民族 (GB/T 3304): 01 汉族; 02..56 the other nationalities, 97 其他, 98 外国血统.
bool IsMinority(int code) { return (code >= 2 && code <= 56) || code == 97 || code == 98; }

constexpr int kPrivateOwnership = 4;  // 民办; 公办 is everything else
constexpr int kFullTimeTeacher = 1;   // staff_assignments.post 专任教师

enum class Status { kInSchool, kTransferredOut, kSuspended, kDroppedOut, kGraduated, kDied };
enum class Previous { kNoRow, kSameLevel, kOtherLevel, kNotHeld };

// ---------------------------------------------------------------------------------------------
// The register, read straight from the SQLite file.

// "YYYY-MM-DD" as YYYYMMDD; 0 when empty.
int DayNumber(const std::string& iso) {
  if (iso.size() < 10) return 0;
  return std::stoi(iso.substr(0, 4)) * 10000 + std::stoi(iso.substr(5, 2)) * 100 +
         std::stoi(iso.substr(8, 2));
}
int Sep1(int year) { return year * 10000 + 901; }
int Aug31(int year) { return year * 10000 + 831; }

// A result unit of the comparison: the county (index 0), its townships, and 县直学校.
struct Unit {
  std::string code;
  std::string name;
};

struct School {
  Id id = 0;
  std::string code;
  int type = 0;
  const SchoolType* info = nullptr;
  bool is_public = false;
  bool affordable = false;
  std::vector<int> units;  // the result units it is counted in: the county and its township row
};

struct Pupil {
  int birth = 0;  // YYYYMMDD, 0 unknown
  int ethnicity = 0;
  int disability = 0;
  std::uint32_t flags = 0;
};

struct Event {
  Id id = 0;
  int type = 0;
  int date = 0;
  const std::vector<int>* units = nullptr;  // where it is counted (its org unit's)
};

// A student-year row: the student's enrolment of a school year, at the school of 1 September.
struct Row {
  Id student = 0;
  int year = 0;
  int grade = 0;
  std::string class_name;
  const School* school = nullptr;
  const Pupil* pupil = nullptr;
  Level level = Level::kNone;
  int age = -1000;  // completed years on 31 August before the school year; -1000 unknown
  Status start = Status::kInSchool;
  Status end = Status::kInSchool;
  Level next = Level::kUnknown;
  Previous previous = Previous::kNotHeld;
};

struct StaffRow {
  const School* school = nullptr;
  int post = 0;
  int title = 0;
  int qualification = 0;
  Level level_taught = Level::kNone;
};

struct ClassRow {
  const School* school = nullptr;
  Level level = Level::kNone;
  int size = 0;
};

struct SchoolRow {
  const School* school = nullptr;
  bool has_pupils = false;
};

struct CollectedValue {
  Id org = 0;
  int period = 0;
  std::string element;
  std::map<std::string, std::string> categories;  // "age=6;sex=male" → {age: 6, sex: male}
  double value = 0;
  const std::vector<int>* units = nullptr;
};

// A programme ledger case: the calendar year it is counted in is its period date's (the
// ledger's period field, below), else its opening's (docs/expressions.md).
struct LedgerCase {
  std::string ledger;
  std::string state;
  int year = 0;  // 0: its period field is empty, so it is counted in no year, only as it stands
  int opened_year = 0;  // the ledger was kept that year: its figures are 0 there, not missing
  nlohmann::json fields;
  const std::vector<int>* units = nullptr;
};

// The ledgers read as they stand today, and the period field of the others (the shipped
// ledgers' files, read by hand); a ledger in neither is counted by its cases' opening day.
const std::set<std::string> kStockLedgers = {"building", "project", "tutoring_institution"};
const std::map<std::string, std::string> kPeriodField = {
    {"building_work", "completed"},   {"hazard", "found_on"},
    {"large_class", "eliminated_on"}, {"inspection_finding", "visit_date"},
    {"petition", "received_on"},      {"student_aid", "paid_on"},
    {"teacher_posting", "start"},     {"teacher_recruitment", "hired_on"},
    {"teacher_training", "start"}};

class Sqlite {
 public:
  explicit Sqlite(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << path;
    }
  }
  ~Sqlite() { sqlite3_close_v2(db_); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;

  // Calls `f(stmt)` for every row of `sql`.
  template <typename F>
  void Each(const char* sql, F&& f) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "bad SQL: " << sql << ": " << sqlite3_errmsg(db_);
      return;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) f(stmt);
    sqlite3_finalize(stmt);
  }

 private:
  sqlite3* db_ = nullptr;
};

Id IntAt(sqlite3_stmt* s, int c) { return sqlite3_column_int64(s, c); }
bool NullAt(sqlite3_stmt* s, int c) { return sqlite3_column_type(s, c) == SQLITE_NULL; }
std::string TextAt(sqlite3_stmt* s, int c) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
  return p ? p : "";
}

class Register {
 public:
  explicit Register(const std::string& path) {
    Sqlite db(path);
    LoadUnits(db);
    LoadPupils(db);
    LoadEvents(db);
    LoadRows(db);
    LoadStaff(db);
    LoadValues(db);
    LoadCases(db);
    DeriveRows();
  }

  const std::vector<Unit>& units() const { return units_; }
  const std::map<Id, School>& schools() const { return schools_; }
  bool Held(int school_year) const { return rows_.count(school_year) > 0; }

  const std::vector<Row>& RowsOf(int school_year) const { return Find(rows_, school_year); }
  const std::vector<StaffRow>& StaffOf(int school_year) const { return Find(staff_, school_year); }
  const std::vector<ClassRow>& ClassesOf(int school_year) const {
    return Find(classes_, school_year);
  }
  const std::vector<SchoolRow>& SchoolsOf(int school_year) const {
    return Find(school_rows_, school_year);
  }
  // The events dated from..to (YYYYMMDD, both included).
  std::vector<const Event*> EventsIn(int from, int to) const {
    std::vector<const Event*> out;
    for (const Event& e : all_events_) {
      if (e.date >= from && e.date <= to) out.push_back(&e);
    }
    return out;
  }
  const std::vector<CollectedValue>& values() const { return values_; }
  const std::vector<LedgerCase>& cases() const { return cases_; }
  // Count only the cases that pass `pred` from now on (every case again with nullptr).
  void KeepCases(std::function<bool(const LedgerCase&)> pred) { keep_ = std::move(pred); }
  bool Kept(const LedgerCase& c) const { return !keep_ || keep_(c); }
  // The school years held: a ledger's cases are counted in these only.
  int FirstYear() const { return rows_.empty() ? 0 : rows_.begin()->first; }
  int LatestYear() const { return rows_.empty() ? 0 : rows_.rbegin()->first; }

 private:
  template <typename T>
  static const std::vector<T>& Find(const std::map<int, std::vector<T>>& m, int year) {
    static const std::vector<T> kEmpty;
    const auto it = m.find(year);
    return it == m.end() ? kEmpty : it->second;
  }

  struct Node {
    std::string code;
    std::string name;
    Id parent = 0;
    int level = 0;
    int type = 0;
    int ownership = 0;
    bool affordable = false;
  };

  // The result units an org unit's figures are counted in.
  const std::vector<int>* UnitsOf(Id org) {
    static const std::vector<int> kNowhere;
    const auto it = units_of_.find(org);
    return it == units_of_.end() ? &kNowhere : &it->second;
  }

  void LoadUnits(Sqlite& db) {
    std::map<Id, Node> nodes;
    db.Each(
        "SELECT id, code, name, parent_id, level, school_type, ownership, affordable "
        "FROM org_units",
        [&](sqlite3_stmt* s) {
          Node& n = nodes[IntAt(s, 0)];
          n.code = TextAt(s, 1);
          n.name = TextAt(s, 2);
          n.parent = NullAt(s, 3) ? 0 : IntAt(s, 3);
          n.level = static_cast<int>(IntAt(s, 4));
          n.type = static_cast<int>(IntAt(s, 5));
          n.ownership = static_cast<int>(IntAt(s, 6));
          n.affordable = IntAt(s, 7) != 0;
        });
    Id county = 0;
    for (const auto& [id, n] : nodes) {
      if (n.level == 3) {
        EXPECT_EQ(county, 0) << "the example county should be the only county";
        county = id;
      }
    }
    ASSERT_NE(county, 0);
    units_.push_back({nodes[county].code, nodes[county].name});
    std::map<std::string, Id> townships;  // by code
    for (const auto& [id, n] : nodes) {
      if (n.level == 4 && n.parent == county) townships[n.code] = id;
    }
    std::map<Id, int> township_unit;
    for (const auto& [code, id] : townships) {
      township_unit[id] = static_cast<int>(units_.size());
      units_.push_back({code, nodes[id].name});
    }
    const int direct = static_cast<int>(units_.size());
    units_.push_back({nodes[county].code + ":direct", "县直学校"});

    for (const auto& [id, n] : nodes) {
      // Walk up to the county; the township on the way (if any) is the unit's row.
      int township = -1;
      bool under_county = false;
      for (Id at = id; at != 0; at = nodes[at].parent) {
        if (at == county) {
          under_county = true;
          break;
        }
        if (township_unit.count(at)) township = township_unit[at];
      }
      if (!under_county) continue;
      std::vector<int>& u = units_of_[id];
      u.push_back(0);
      if (id != county) u.push_back(township >= 0 ? township : direct);
      if (n.level == 5) {
        School& school = schools_[id];
        school.id = id;
        school.code = n.code;
        school.type = n.type;
        school.info = FindType(n.type);
        EXPECT_NE(school.info, nullptr) << "unknown school type " << n.type << " of " << n.code;
        school.is_public = n.ownership != kPrivateOwnership;
        school.affordable = n.affordable;
        school.units = u;
      }
    }
  }

  void LoadPupils(Sqlite& db) {
    db.Each("SELECT id, birth_date, ethnicity, disability, flags FROM students",
            [&](sqlite3_stmt* s) {
              Pupil& p = pupils_[IntAt(s, 0)];
              p.birth = DayNumber(TextAt(s, 1));
              p.ethnicity = static_cast<int>(IntAt(s, 2));
              p.disability = static_cast<int>(IntAt(s, 3));
              p.flags = static_cast<std::uint32_t>(IntAt(s, 4));
            });
  }

  void LoadEvents(Sqlite& db) {
    db.Each("SELECT id, student_id, event_type, event_date, org_unit_id FROM status_events",
            [&](sqlite3_stmt* s) {
              Event e;
              e.id = IntAt(s, 0);
              e.type = static_cast<int>(IntAt(s, 2));
              e.date = DayNumber(TextAt(s, 3));
              e.units = UnitsOf(NullAt(s, 4) ? 0 : IntAt(s, 4));
              all_events_.push_back(e);
              events_of_[IntAt(s, 1)].push_back(e);
            });
    // In date order; on one day an event that keeps the student in school comes last.
    for (auto& [student, events] : events_of_) {
      std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return std::make_tuple(a.date, KeepsInSchool(a.type), a.id) <
               std::make_tuple(b.date, KeepsInSchool(b.type), b.id);
      });
    }
  }

  void LoadRows(Sqlite& db) {
    db.Each(
        "SELECT student_id, school_year, org_unit_id, grade, class_name, joined_on "
        "FROM enrolments ORDER BY school_year, org_unit_id, student_id",
        [&](sqlite3_stmt* s) {
          Row r;
          r.student = IntAt(s, 0);
          r.year = static_cast<int>(IntAt(s, 1));
          const auto school = schools_.find(IntAt(s, 2));
          if (school == schools_.end()) return;  // not a school of the county
          // A pupil who joined the school on 1 September or later is not on its snapshot (the
          // snapshot is taken as the day begins).
          if (!NullAt(s, 5) && DayNumber(TextAt(s, 5)) >= Sep1(r.year)) return;
          r.school = &school->second;
          r.grade = static_cast<int>(IntAt(s, 3));
          r.class_name = TextAt(s, 4);
          const auto pupil = pupils_.find(r.student);
          if (pupil == pupils_.end()) {
            ADD_FAILURE() << "enrolment of unknown student " << r.student;
            return;
          }
          r.pupil = &pupil->second;
          r.level = LevelOfPupil(r.school->type, r.grade);
          rows_[r.year].push_back(std::move(r));
        });
    for (auto& [year, rows] : rows_) {
      std::map<std::tuple<Id, int, std::string>, int> sizes;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        if (!row_at_.emplace(std::make_pair(r.student, year), r.level).second) {
          ADD_FAILURE() << "student " << r.student << " has two rows in school year " << year;
        }
        ++sizes[{r.school->id, r.grade, r.class_name}];
      }
      std::vector<ClassRow>& classes = classes_[year];
      for (const auto& [key, size] : sizes) {
        const School& school = schools_.at(std::get<0>(key));
        classes.push_back({&school, LevelOfPupil(school.type, std::get<1>(key)), size});
      }
    }
  }

  void LoadStaff(Sqlite& db) {
    db.Each(
        "SELECT school_year, org_unit_id, post, title, level_taught, qualification "
        "FROM staff_assignments",
        [&](sqlite3_stmt* s) {
          const auto school = schools_.find(IntAt(s, 1));
          if (school == schools_.end()) return;
          StaffRow a;
          a.school = &school->second;
          a.post = static_cast<int>(IntAt(s, 2));
          a.title = static_cast<int>(IntAt(s, 3));
          // No level taught: the school type's stage (a 九年一贯制 school's teacher is 初中).
          a.level_taught = NullAt(s, 4) ? (a.school->info ? a.school->info->stage : Level::kNone)
                                        : static_cast<Level>(IntAt(s, 4));
          a.qualification = static_cast<int>(IntAt(s, 5));
          staff_[static_cast<int>(IntAt(s, 0))].push_back(a);
        });
    // schools(): a school in a school year when it has a pupil or a staff assignment then.
    std::set<int> years;
    for (const auto& [year, rows] : rows_) years.insert(year);
    for (const auto& [year, staff] : staff_) years.insert(year);
    for (int year : years) {
      std::map<Id, bool> present;  // school → has pupils
      for (const Row& r : RowsOf(year)) present[r.school->id] = true;
      for (const StaffRow& a : StaffOf(year)) present.emplace(a.school->id, false);
      for (const auto& [id, has_pupils] : present) {
        school_rows_[year].push_back({&schools_.at(id), has_pupils});
      }
    }
  }

  void LoadValues(Sqlite& db) {
    db.Each(
        "SELECT s.org_unit_id, s.period, v.element, v.disaggregation, v.value "
        "FROM submissions s JOIN data_values v ON v.submission_id = s.id "
        "WHERE s.state = 'approved'",
        [&](sqlite3_stmt* s) {
          CollectedValue v;
          v.org = IntAt(s, 0);
          v.period = static_cast<int>(IntAt(s, 1));
          v.element = TextAt(s, 2);
          std::stringstream parts(TextAt(s, 3));
          std::string part;
          while (std::getline(parts, part, ';')) {
            const auto eq = part.find('=');
            if (eq != std::string::npos) v.categories[part.substr(0, eq)] = part.substr(eq + 1);
          }
          v.value = std::stod(TextAt(s, 4));
          v.units = UnitsOf(v.org);
          values_.push_back(std::move(v));
        });
  }

  void LoadCases(Sqlite& db) {
    db.Each("SELECT ledger, org_unit_id, state, opened, fields FROM cases", [&](sqlite3_stmt* s) {
      LedgerCase c;
      c.ledger = TextAt(s, 0);
      c.units = UnitsOf(IntAt(s, 1));
      c.state = TextAt(s, 2);
      c.fields = nlohmann::json::parse(TextAt(s, 4));
      std::string period = TextAt(s, 3);
      c.opened_year = std::stoi(period.substr(0, 4));
      const auto field = kPeriodField.find(c.ledger);
      if (field != kPeriodField.end()) period = c.fields.value(field->second, "");
      c.year = period.size() >= 4 ? std::stoi(period.substr(0, 4)) : 0;
      cases_.push_back(std::move(c));
    });
  }

  // start_status, end_status, next_level, previous and age of every row.
  void DeriveRows() {
    static const std::vector<Event> kNoEvents;
    for (auto& [year, rows] : rows_) {
      const int sep1 = Sep1(year);
      const int window_end = Aug31(year + 1);
      for (Row& r : rows) {
        const auto it = events_of_.find(r.student);
        const std::vector<Event>& events = it == events_of_.end() ? kNoEvents : it->second;
        // On the snapshot day: the last suspend/drop-out/back-in-school event before 1 September
        // (an event of that day belongs to the new school year).
        for (const Event& e : events) {
          if (e.date >= sep1) break;
          if (e.type == kSuspend) r.start = Status::kSuspended;
          if (e.type == kDropOut) r.start = Status::kDroppedOut;
          if (KeepsInSchool(e.type)) r.start = Status::kInSchool;
        }
        // At the end of the school year: what its last event left (其他 leaves things as they
        // were); with none, the year ends as it began (on 休学, or out, since an earlier year).
        const Event* last = nullptr;
        for (const Event& e : events) {
          if (e.date >= sep1 && e.date <= window_end && e.type != kOtherEvent) last = &e;
        }
        if (last == nullptr) {
          r.end = r.start;
        } else {
          switch (last->type) {
            case kTransferOut:
              r.end = Status::kTransferredOut;
              break;
            case kSuspend:
              r.end = Status::kSuspended;
              break;
            case kDropOut:
              r.end = Status::kDroppedOut;
              break;
            case kGraduate:
              r.end = Status::kGraduated;
              break;
            case kDeath:
              r.end = Status::kDied;
              break;
            default:
              r.end = Status::kInSchool;
          }
        }
        if (Held(year + 1)) {
          const auto next = row_at_.find({r.student, year + 1});
          r.next = next == row_at_.end() ? Level::kNone : next->second;
        }
        if (Held(year - 1)) {
          const auto prev = row_at_.find({r.student, year - 1});
          r.previous = prev == row_at_.end()     ? Previous::kNoRow
                       : prev->second == r.level ? Previous::kSameLevel
                                                 : Previous::kOtherLevel;
        }
        if (r.pupil->birth != 0) {
          const int birth_year = r.pupil->birth / 10000;
          r.age = year - birth_year - (r.pupil->birth % 10000 > 831 ? 1 : 0);
        }
      }
    }
  }

  std::vector<Unit> units_;
  std::map<Id, std::vector<int>> units_of_;
  std::map<Id, School> schools_;
  std::map<Id, Pupil> pupils_;
  std::vector<Event> all_events_;
  std::map<Id, std::vector<Event>> events_of_;
  std::map<int, std::vector<Row>> rows_;
  std::map<std::pair<Id, int>, Level> row_at_;  // (student, school year) → level
  std::map<int, std::vector<StaffRow>> staff_;
  std::map<int, std::vector<ClassRow>> classes_;
  std::map<int, std::vector<SchoolRow>> school_rows_;
  std::vector<CollectedValue> values_;
  std::vector<LedgerCase> cases_;
  std::function<bool(const LedgerCase&)> keep_;  // the cases counted (KeepCases); null: all
};

// ---------------------------------------------------------------------------------------------
// Counting.

// One figure per result unit.
using PerUnit = std::vector<Number>;

// Counts the items that pass `pred` at every unit; a unit with no items at all has no value.
template <typename T, typename Pred, typename UnitsOfItem>
PerUnit Tally(std::size_t unit_count, const std::vector<T>& items, Pred pred,
              UnitsOfItem units_of) {
  PerUnit out(unit_count);
  for (const T& item : items) {
    const bool hit = pred(item);
    for (int u : units_of(item)) {
      if (!out[u]) out[u] = 0.0;
      if (hit) *out[u] += 1;
    }
  }
  return out;
}

// A count or sum per unit, for statistics year `year`.
using Measure = std::function<PerUnit(const Register&, int year)>;
using RowPred = std::function<bool(const Row&)>;

// students(...) of the school year `years_back` before the statistics year: 0 for a stock, 1
// for a flow (the pupils on the roll at the start of the flow window), 8 for 巩固率's base.
Measure Students(int years_back, RowPred pred) {
  return [=](const Register& r, int year) {
    return Tally(r.units().size(), r.RowsOf(year - years_back), pred,
                 [](const Row& row) -> const std::vector<int>& { return row.school->units; });
  };
}

// A stock count that reads where pupils were a year earlier (招生): no value when the register
// does not hold the school year before.
Measure NewStudents(RowPred pred) {
  return [=](const Register& r, int year) {
    if (!r.Held(year - 1)) return PerUnit(r.units().size());
    return Students(0, pred)(r, year);
  };
}

Measure Staff(std::function<bool(const StaffRow&)> pred) {
  return [=](const Register& r, int year) {
    return Tally(r.units().size(), r.StaffOf(year), pred,
                 [](const StaffRow& a) -> const std::vector<int>& { return a.school->units; });
  };
}

Measure Classes(std::function<bool(const ClassRow&)> pred) {
  return [=](const Register& r, int year) {
    return Tally(r.units().size(), r.ClassesOf(year), pred,
                 [](const ClassRow& c) -> const std::vector<int>& { return c.school->units; });
  };
}

Measure Schools(std::function<bool(const SchoolRow&)> pred) {
  return [=](const Register& r, int year) {
    return Tally(r.units().size(), r.SchoolsOf(year), pred,
                 [](const SchoolRow& s) -> const std::vector<int>& { return s.school->units; });
  };
}

// Status events of `type` over the statistics year's flow window, where they were recorded.
Measure Events(int type) {
  return [=](const Register& r, int year) {
    return Tally(
        r.units().size(), r.EventsIn(Sep1(year - 1), Aug31(year)),
        [=](const Event* e) { return e->type == type; },
        [](const Event* e) -> const std::vector<int>& { return *e->units; });
  };
}

using CategoryPred = std::function<bool(const std::map<std::string, std::string>&)>;
bool AnyCategory(const std::map<std::string, std::string>&) { return true; }
CategoryPred AgeBetween(int from, int to) {
  return [=](const std::map<std::string, std::string>& c) {
    const auto age = c.find("age");
    if (age == c.end()) return false;
    const int a = std::stoi(age->second);
    return a >= from && a <= to;
  };
}
CategoryPred CategoryIn(std::string category, std::set<std::string> options) {
  return [=](const std::map<std::string, std::string>& c) {
    const auto it = c.find(category);
    return it != c.end() && options.count(it->second) > 0;
  };
}

// The sum of the approved values of `element` (categories passing `pred`) on the forms of the
// statistics year's period, at the unit and below; no value where nothing was approved.
Measure Collected(std::string element, CategoryPred pred) {
  return [=](const Register& r, int year) {
    PerUnit out(r.units().size());
    for (const CollectedValue& v : r.values()) {
      if (v.element != element || v.period != year || !pred(v.categories)) continue;
      for (int u : *v.units) out[u] = out[u].value_or(0) + v.value;
    }
    return out;
  };
}

// A ledger's cases passing `pred`, counted (`value` empty) or summed by `value`, at the units
// of their org unit. A case is counted in the calendar year it is placed in; `now` (cases_now,
// sum_now) and a stock ledger take every case as it stands, in the latest school year held only.
// A year in which the ledger has no case has no value anywhere; otherwise a unit without any
// counts 0.
using CasePred = std::function<bool(const LedgerCase&)>;
Measure Ledger(std::string ledger, bool now, CasePred pred,
               std::function<double(const LedgerCase&)> value = nullptr) {
  return [=](const Register& r, int year) {
    const bool as_it_stands = now || kStockLedgers.count(ledger) > 0;
    const auto counted = [&](const LedgerCase& c) {
      if (c.ledger != ledger || !r.Kept(c)) return false;
      if (kStockLedgers.count(ledger)) return year == r.LatestYear();
      // As it stands: a case not dated yet too (a 大班额 class not eliminated).
      const bool placed = c.year == 0 || (c.year >= r.FirstYear() && c.year <= r.LatestYear());
      return as_it_stands ? placed && year == r.LatestYear() : c.year == year;
    };
    PerUnit out(r.units().size());
    // A year the ledger holds no case of (counted, or opened in it for a ledger with a period)
    // has no value.
    const auto kept = [&](const LedgerCase& c) {
      return counted(c) || (c.ledger == ledger && r.Kept(c) && !as_it_stands &&
                            c.opened_year == year && c.units != nullptr);
    };
    if (std::none_of(r.cases().begin(), r.cases().end(), kept)) return out;
    for (Number& n : out) n = 0.0;
    for (const LedgerCase& c : r.cases()) {
      if (!counted(c) || !pred(c)) continue;
      for (int u : *c.units) *out[u] += value ? value(c) : 1;
    }
    return out;
  };
}

CasePred InState(std::set<std::string> states) {
  return [=](const LedgerCase& c) { return states.count(c.state) > 0; };
}
bool AnyCase(const LedgerCase&) { return true; }
std::string FieldOf(const LedgerCase& c, const std::string& field) {
  return c.fields.value(field, "");
}
// A money field in 元 (stored in 分), an area or an integer; empty adds nothing.
std::function<double(const LedgerCase&)> Yuan(std::string field) {
  return [=](const LedgerCase& c) {
    const std::string v = FieldOf(c, field);
    return v.empty() ? 0.0 : std::stod(v) / 100;
  };
}
std::function<double(const LedgerCase&)> NumberField(std::string field) {
  return [=](const LedgerCase& c) {
    const std::string v = FieldOf(c, field);
    return v.empty() ? 0.0 : std::stod(v);
  };
}

// What one cell should show.
struct Expected {
  Number numerator;
  Number denominator;
  Number value;
  bool exact = true;        // numerator and denominator are counts or sums: compared exactly
  bool exact_value = true;  // the value too (a count)
  bool not_applicable = false;
};

using Figures = std::vector<Expected>;  // per unit
using Compute = std::function<Figures(const Register&, int year)>;

Compute Count(Measure m) {
  return [=](const Register& r, int year) {
    Figures out;
    for (const Number& n : m(r, year)) out.push_back({n, std::nullopt, n});
    return out;
  };
}

// A count among the items of `universe` (大班额 among compulsory-education classes): no value
// where there are none of those.
Compute CountAmong(Measure m, Measure universe) {
  return [=](const Register& r, int year) {
    const PerUnit among = universe(r, year);
    Figures out;
    const PerUnit n = m(r, year);
    for (std::size_t u = 0; u < n.size(); ++u) {
      const Number v = among[u].value_or(0) > 0 ? n[u] : std::nullopt;
      out.push_back({v, std::nullopt, v});
    }
    return out;
  };
}

// A sum shown × factor (元 as 万元); sums of decimals are compared to rounding.
Compute Scaled(Measure m, double factor) {
  return [=](const Register& r, int year) {
    Figures out;
    for (const Number& n : m(r, year)) {
      out.push_back({n, std::nullopt, n ? Number(*n * factor) : std::nullopt, false, false});
    }
    return out;
  };
}

// numerator ÷ denominator × factor at every unit; a zero or missing denominator: no value.
Compute Rate(Measure numerator, Measure denominator, double factor) {
  return [=](const Register& r, int year) {
    const PerUnit n = numerator(r, year);
    const PerUnit d = denominator(r, year);
    Figures out;
    for (std::size_t u = 0; u < n.size(); ++u) {
      Expected e{n[u], d[u], std::nullopt, true, false};
      if (n[u] && d[u] && *d[u] != 0) e.value = *n[u] / *d[u] * factor;
      out.push_back(e);
    }
    return out;
  };
}
Compute Percent(Measure numerator, Measure denominator) {
  return Rate(std::move(numerator), std::move(denominator), 100);
}
Compute Ratio(Measure numerator, Measure denominator) {
  return Rate(std::move(numerator), std::move(denominator), 1);
}

// A figure of one school for one statistics year (a 差异系数's numerator).
using SchoolMeasure = std::function<Number(const Register&, int year, const School&)>;

// The approved value of `element` at the school on the statistics year's form, × factor.
SchoolMeasure SchoolValue(std::string element, double factor) {
  return [=](const Register& r, int year, const School& school) -> Number {
    Number sum;
    for (const CollectedValue& v : r.values()) {
      if (v.org == school.id && v.period == year && v.element == element) {
        sum = sum.value_or(0) + v.value;
      }
    }
    if (sum) *sum *= factor;
    return sum;
  };
}

// The school's staff assignments passing `pred`, × factor; no value without any staff.
SchoolMeasure SchoolStaff(std::function<bool(const StaffRow&)> pred, double factor) {
  return [=](const Register& r, int year, const School& school) -> Number {
    Number n;
    for (const StaffRow& a : r.StaffOf(year)) {
      if (a.school != &school) continue;
      n = n.value_or(0) + (pred(a) ? 1 : 0);
    }
    if (n) *n *= factor;
    return n;
  };
}

// 差异系数 at the county: over the schools with pupils of `weighted` (weight P = those pupils),
// X = the school's figure ÷ all its pupils; the P-weighted standard deviation of X ÷ the
// P-weighted mean. Any such school without a figure: no value. The numerator shown is the
// standard deviation, the denominator the mean.
Compute Spread(Level weighted, SchoolMeasure figure) {
  return [=](const Register& r, int year) {
    std::map<Id, double> weight;
    std::map<Id, double> pupils;
    for (const Row& row : r.RowsOf(year)) {
      pupils[row.school->id] += 1;
      if (row.level == weighted) weight[row.school->id] += 1;
    }
    Figures out(r.units().size(), Expected{});
    Expected& county = out[0];
    county.exact = county.exact_value = false;
    std::vector<std::pair<double, double>> points;  // (P, X)
    for (const auto& [id, p] : weight) {
      const Number x = figure(r, year, r.schools().at(id));
      if (!x) return out;
      points.emplace_back(p, *x / pupils.at(id));
    }
    double sum_p = 0;
    double sum_px = 0;
    for (const auto& [p, x] : points) {
      sum_p += p;
      sum_px += p * x;
    }
    if (sum_p == 0) return out;
    const double mean = sum_px / sum_p;
    double sum_sq = 0;
    for (const auto& [p, x] : points) sum_sq += p * (x - mean) * (x - mean);
    const double sd = std::sqrt(sum_sq / sum_p);
    county.numerator = sd;
    county.denominator = mean;
    if (mean != 0) county.value = sd / mean;
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// The indicators, written from their definitions.

constexpr bool kStock = false;
constexpr bool kFlow = true;
constexpr bool kEveryLevel = false;
constexpr bool kCountyOnly = true;

struct Spec {
  std::string code;
  bool flow = false;
  bool county_only = false;
  Compute compute;                   // empty for a mean
  std::vector<std::string> mean_of;  // 综合差异系数: the mean of these indicators' values
  // A flow of the roll at the window's start: the pupils it is a figure of (its denominator's,
  // or those a count is among). Those of them who left unrecorded make it incomplete. Empty
  // for the other flows (counts of 学籍异动): any such pupil of the unit does.
  std::function<bool(const Row&)> among;
  bool ledger = false;  // a figure of a programme ledger (docs/expressions.md)
};

bool IsLevel(const Row& r, Level l) { return r.level == l; }

// 流失: on the roll at the window's start, in school at its end (no leaving event, or back
// after one), on no roll of the county on the next snapshot day (kindergarten and adult
// education left out).
bool UnexplainedLeaver(const Row& r) {
  return r.level != Level::kPreschool && r.level != Level::kAdult && r.end == Status::kInSchool &&
         r.next == Level::kNone;
}

std::vector<Spec> Specs() {
  using L = Level;
  std::vector<Spec> s;
  const auto add = [&](std::string code, bool flow, bool county_only, Compute c) {
    s.push_back({std::move(code), flow, county_only, std::move(c), {}, {}, false});
  };
  const auto among = [&](std::function<bool(const Row&)> pred) {
    s.back().among = std::move(pred);
  };

  // 学校数: schools with pupils or staff on the snapshot day, teaching points and attached
  // classes not counted; by the stage of their type.
  const auto counts_as_school = [](const SchoolRow& x) {
    return !x.school->info->attached_class && !x.school->info->teaching_point;
  };
  add("schools", kStock, kEveryLevel, Count(Schools(counts_as_school)));
  add("private_schools", kStock, kEveryLevel, Count(Schools([=](const SchoolRow& x) {
        return counts_as_school(x) && !x.school->is_public;
      })));
  // 教学点数: teaching points with pupils on the snapshot day (the definition says 有在校生).
  add("teaching_points", kStock, kEveryLevel, Count(Schools([](const SchoolRow& x) {
        return x.school->info->teaching_point && x.has_pupils;
      })));
  const std::pair<const char*, L> stages[] = {{"kindergartens", L::kPreschool},
                                              {"primary_schools", L::kPrimary},
                                              {"junior_schools", L::kJunior},
                                              {"senior_schools", L::kSenior},
                                              {"vocational_schools", L::kVocational},
                                              {"special_schools", L::kSpecial},
                                              {"adult_schools", L::kAdult}};
  for (const auto& [code, stage] : stages) {
    const L st = stage;
    add(code, kStock, kEveryLevel, Count(Schools([=](const SchoolRow& x) {
          return counts_as_school(x) && x.school->info->stage == st;
        })));
  }
  add("public_school_units", kStock, kEveryLevel,
      Count(Schools([](const SchoolRow& x) { return x.school->is_public; })));
  add("private_school_units", kStock, kEveryLevel,
      Count(Schools([](const SchoolRow& x) { return !x.school->is_public; })));

  // 在校生 on the snapshot day, by level and group.
  add("students", kStock, kEveryLevel, Count(Students(0, [](const Row&) { return true; })));
  const std::pair<const char*, L> levels[] = {{"preschool_children", L::kPreschool},
                                              {"primary_students", L::kPrimary},
                                              {"junior_students", L::kJunior},
                                              {"senior_students", L::kSenior},
                                              {"vocational_students", L::kVocational},
                                              {"special_students", L::kSpecial},
                                              {"adult_students", L::kAdult}};
  for (const auto& [code, level] : levels) {
    const L l = level;
    add(code, kStock, kEveryLevel, Count(Students(0, [=](const Row& r) { return IsLevel(r, l); })));
  }
  add("minority_students", kStock, kEveryLevel,
      Count(Students(0, [](const Row& r) { return IsMinority(r.pupil->ethnicity); })));
  const std::pair<const char*, std::uint32_t> flags[] = {
      {"left_behind_students", kLeftBehind},
      {"migrant_students", kMigrantChild},
      {"disabled_students", kDisabledFlag},
      {"registered_poor_students", kRegisteredPoor}};
  for (const auto& [code, flag] : flags) {
    const std::uint32_t f = flag;
    add(code, kStock, kEveryLevel,
        Count(Students(0, [=](const Row& r) { return (r.pupil->flags & f) != 0; })));
  }

  // 招生: in the entry grade on the snapshot day and not in that level a year earlier
  // (repeaters are not entrants); 入园: in no school of the county a year earlier.
  const auto preschool_entrant = [](const Row& r) {
    return r.level == L::kPreschool && r.previous == Previous::kNoRow;
  };
  const auto entrant = [](L level, int grade) {
    return [=](const Row& r) {
      return r.level == level && r.grade == grade && r.previous != Previous::kSameLevel;
    };
  };
  add("preschool_entrants", kStock, kEveryLevel, Count(NewStudents(preschool_entrant)));
  add("primary_entrants", kStock, kEveryLevel, Count(NewStudents(entrant(L::kPrimary, 1))));
  add("junior_entrants", kStock, kEveryLevel, Count(NewStudents(entrant(L::kJunior, 7))));
  add("senior_entrants", kStock, kEveryLevel, Count(NewStudents(entrant(L::kSenior, 10))));
  add("vocational_entrants", kStock, kEveryLevel, Count(NewStudents(entrant(L::kVocational, 10))));
  // A special-education school takes pupils into its first grade of either stage.
  const auto special_entrant = [=](const Row& r) {
    return entrant(L::kSpecial, 1)(r) || entrant(L::kSpecial, 7)(r);
  };
  add("special_entrants", kStock, kEveryLevel, Count(NewStudents(special_entrant)));
  add("entrants", kStock, kEveryLevel, Count(NewStudents([=](const Row& r) {
        return preschool_entrant(r) || entrant(L::kPrimary, 1)(r) || entrant(L::kJunior, 7)(r) ||
               entrant(L::kSenior, 10)(r) || entrant(L::kVocational, 10)(r) || special_entrant(r);
      })));

  // 毕业生: on the roll at the start of the flow window, graduated in it.
  const auto graduated = [](const Row& r) { return r.end == Status::kGraduated; };
  const std::pair<const char*, L> graduating[] = {
      {"primary_graduates", L::kPrimary}, {"junior_graduates", L::kJunior},
      {"senior_graduates", L::kSenior},   {"vocational_graduates", L::kVocational},
      {"special_graduates", L::kSpecial}, {"adult_graduates", L::kAdult}};
  // Each among the pupils of its level at the window's start: none there, no value.
  for (const auto& [code, level] : graduating) {
    const L l = level;
    add(code, kFlow, kEveryLevel,
        CountAmong(Students(1, [=](const Row& r) { return r.level == l && graduated(r); }),
                   Students(1, [=](const Row& r) { return r.level == l; })));
    among([=](const Row& r) { return r.level == l; });
  }
  add("graduates", kFlow, kEveryLevel,
      CountAmong(
          Students(1, [=](const Row& r) { return r.level != L::kPreschool && graduated(r); }),
          Students(1, [=](const Row& r) { return r.level != L::kPreschool; })));
  among([](const Row& r) { return r.level != L::kPreschool; });
  // Dropped out in the window: in school at its start, out at its end.
  const auto dropped_out = [](const Row& r) {
    return r.start == Status::kInSchool && r.end == Status::kDroppedOut;
  };
  const auto compulsory = [](const Row& r) {
    return r.level == L::kPrimary || r.level == L::kJunior;
  };
  add("compulsory_dropouts", kFlow, kEveryLevel,
      CountAmong(Students(1, [=](const Row& r) { return compulsory(r) && dropped_out(r); }),
                 Students(1, compulsory)));
  among(compulsory);
  add("unexplained_leavers", kFlow, kEveryLevel, Count(Students(1, UnexplainedLeaver)));

  // 学籍异动 recorded at the unit's schools over the flow window (every record counts).
  const std::pair<const char*, int> events[] = {
      {"transfers_out", kTransferOut},  {"transfers_in", kTransferIn},
      {"suspensions", kSuspend},        {"resumptions", kResume},
      {"dropout_events", kDropOut},     {"returns", kReturn},
      {"graduation_events", kGraduate}, {"deaths", kDeath},
      {"other_events", kOtherEvent}};
  for (const auto& [code, type] : events) add(code, kFlow, kEveryLevel, Count(Events(type)));

  // 教职工 and 专任教师 on the snapshot day, by level taught (none given: the school's stage).
  const auto teacher = [](const StaffRow& a) { return a.post == kFullTimeTeacher; };
  add("staff", kStock, kEveryLevel, Count(Staff([](const StaffRow&) { return true; })));
  add("fulltime_teachers", kStock, kEveryLevel, Count(Staff(teacher)));
  const auto teaching = [=](L l) {
    return Staff([=](const StaffRow& a) { return teacher(a) && a.level_taught == l; });
  };
  const std::pair<const char*, L> taught[] = {{"preschool_teachers", L::kPreschool},
                                              {"primary_teachers", L::kPrimary},
                                              {"junior_teachers", L::kJunior},
                                              {"senior_teachers", L::kSenior},
                                              {"vocational_teachers", L::kVocational},
                                              {"special_teachers", L::kSpecial},
                                              {"adult_teachers", L::kAdult}};
  for (const auto& [code, level] : taught) add(code, kStock, kEveryLevel, Count(teaching(level)));

  // 年辍学率: dropped out in the window and not back by 31 August ÷ in school at its start.
  const auto at_level = [](L l) { return [=](const Row& r) { return r.level == l; }; };
  const auto in_school_at = [](L l) {
    return [=](const Row& r) { return r.level == l && r.start == Status::kInSchool; };
  };
  add("primary_dropout_rate", kFlow, kEveryLevel,
      Percent(Students(1, [=](const Row& r) { return r.level == L::kPrimary && dropped_out(r); }),
              Students(1, in_school_at(L::kPrimary))));
  among(in_school_at(L::kPrimary));
  add("junior_dropout_rate", kFlow, kEveryLevel,
      Percent(Students(1, [=](const Row& r) { return r.level == L::kJunior && dropped_out(r); }),
              Students(1, in_school_at(L::kJunior))));
  among(in_school_at(L::kJunior));
  // 升学率: this summer's graduates in the next level on the next snapshot day ÷ graduates.
  add("primary_promotion_rate", kFlow, kEveryLevel,
      Percent(Students(1,
                       [=](const Row& r) {
                         return r.level == L::kPrimary && graduated(r) && r.next == L::kJunior;
                       }),
              Students(1, [=](const Row& r) { return r.level == L::kPrimary && graduated(r); })));
  among([=](const Row& r) { return r.level == L::kPrimary && graduated(r); });
  add("junior_promotion_rate", kFlow, kEveryLevel,
      Percent(Students(1,
                       [=](const Row& r) {
                         return r.level == L::kJunior && graduated(r) &&
                                (r.next == L::kSenior || r.next == L::kVocational);
                       }),
              Students(1, [=](const Row& r) { return r.level == L::kJunior && graduated(r); })));
  among([=](const Row& r) { return r.level == L::kJunior && graduated(r); });
  // 巩固率: grade 9 now ÷ grade 1 eight school years earlier, adult schools out on both sides.
  add("retention_rate", kStock, kCountyOnly,
      Percent(Students(0, [](const Row& r) { return r.grade == 9 && r.level != L::kAdult; }),
              Students(8, [](const Row& r) { return r.grade == 1 && r.level != L::kAdult; })));
  add("minority_share", kStock, kEveryLevel,
      Percent(Students(0, [](const Row& r) { return IsMinority(r.pupil->ethnicity); }),
              Students(0, [](const Row&) { return true; })));

  // 生师比: pupils of the level ÷ full-time teachers teaching it.
  const std::pair<const char*, L> ratios[] = {{"primary_pupil_teacher_ratio", L::kPrimary},
                                              {"junior_pupil_teacher_ratio", L::kJunior},
                                              {"senior_pupil_teacher_ratio", L::kSenior},
                                              {"preschool_pupil_teacher_ratio", L::kPreschool},
                                              {"vocational_pupil_teacher_ratio", L::kVocational},
                                              {"special_pupil_teacher_ratio", L::kSpecial}};
  for (const auto& [code, level] : ratios) {
    add(code, kStock, kEveryLevel, Ratio(Students(0, at_level(level)), teaching(level)));
  }

  // 大班额: classes of 小学 and 初中 by size.
  const auto compulsory_class = [](const ClassRow& c) {
    return c.level == L::kPrimary || c.level == L::kJunior;
  };
  add("large_classes", kStock, kEveryLevel,
      CountAmong(Classes([=](const ClassRow& c) {
                   return compulsory_class(c) && c.size >= 56 && c.size <= 65;
                 }),
                 Classes(compulsory_class)));
  add("oversize_classes", kStock, kEveryLevel,
      CountAmong(Classes([=](const ClassRow& c) { return compulsory_class(c) && c.size >= 66; }),
                 Classes(compulsory_class)));
  add("large_class_share", kStock, kEveryLevel,
      Percent(Classes([=](const ClassRow& c) { return compulsory_class(c) && c.size >= 56; }),
              Classes(compulsory_class)));
  add("oversize_class_share", kStock, kEveryLevel,
      Percent(Classes([=](const ClassRow& c) { return compulsory_class(c) && c.size >= 66; }),
              Classes(compulsory_class)));
  add("inclusive_kindergarten_share", kStock, kEveryLevel,
      Percent(Students(0,
                       [](const Row& r) {
                         return r.level == L::kPreschool &&
                                (r.school->is_public || r.school->affordable);
                       }),
              Students(0, at_level(L::kPreschool))));

  // Enrolment rates over the registered population of the age band (forms of the year).
  add("primary_net_enrolment_rate", kStock, kCountyOnly,
      Percent(Students(0,
                       [](const Row& r) {
                         return r.age >= 6 && r.age <= 11 && r.start == Status::kInSchool &&
                                r.level != L::kPreschool && r.level != L::kAdult;
                       }),
              Collected("school_age_population", AgeBetween(6, 11))));
  add("junior_gross_enrolment_rate", kStock, kCountyOnly,
      Percent(Students(0, at_level(L::kJunior)),
              Collected("school_age_population", AgeBetween(12, 14))));
  add("senior_gross_enrolment_rate", kStock, kCountyOnly,
      Percent(Students(0,
                       [](const Row& r) {
                         return r.level == L::kSenior || r.level == L::kVocational ||
                                r.school->type == 351 || r.school->type == 352;
                       }),
              Collected("school_age_population", AgeBetween(15, 17))));
  add("preschool_gross_enrolment_rate", kStock, kCountyOnly,
      Percent(Students(0, at_level(L::kPreschool)),
              Collected("school_age_population", AgeBetween(3, 5))));
  // 残疾儿童少年义务教育入学率: children of the three types aged 6-14 enrolled in compulsory
  // education (grades 1-9 of an ordinary or special school: 随班就读, 特教学校, 送教上门;
  // DOMAIN.md §4), over the 残联 count. A six-year-old still in kindergarten has a record but
  // is not enrolled in 义务教育, so is not counted.
  add("disabled_enrolment_rate", kStock, kCountyOnly,
      Percent(
          Students(0,
                   [](const Row& r) {
                     const bool in_compulsory_grade =
                         (r.level == L::kPrimary || r.level == L::kJunior ||
                          r.level == L::kSpecial) &&
                         r.grade >= 1 && r.grade <= 9;
                     return ThreeTypesOfDisability(r.pupil->disability) && r.age >= 6 &&
                            r.age <= 14 && in_compulsory_grade;
                   }),
          Collected("disabled_school_age_children",
                    CategoryIn("disability_type", {"visual", "hearing_speech", "intellectual"}))));
  // 学业水平考试: this summer's exams, from the form of the statistics year itself.
  add("exam_pass_rate", kFlow, kEveryLevel,
      Percent(Collected("exam_passed", AnyCategory), Collected("exam_takers", AnyCategory)));
  add("exam_math_pass_rate", kFlow, kEveryLevel,
      Percent(Collected("exam_passed", CategoryIn("subject", {"math"})),
              Collected("exam_takers", CategoryIn("subject", {"math"}))));

  // 差异系数 of the eight school conditions, 小学 and 初中.
  for (const auto& [prefix, level] : {std::pair<std::string, L>{"primary", L::kPrimary},
                                      std::pair<std::string, L>{"junior", L::kJunior}}) {
    // 高于规定学历: 专科 and above for 小学 teachers, 本科 and above for 初中.
    const int above_required = level == L::kPrimary ? 4 : 3;
    const std::vector<std::pair<std::string, SchoolMeasure>> conditions = {
        {"building_area", SchoolValue("building_area", 1)},
        {"sports_area", SchoolValue("sports_area", 1)},
        {"equipment", SchoolValue("equipment_value", 1)},
        {"computers", SchoolValue("computers", 100)},
        {"books", SchoolValue("books", 1)},
        {"teachers", SchoolStaff(teacher, 100)},
        {"qualified_teachers", SchoolStaff(
                                   [=](const StaffRow& a) {
                                     return teacher(a) && a.qualification >= 1 &&
                                            a.qualification <= above_required;
                                   },
                                   100)},
        // 中级及以上: 正高级, 高级 and 一级教师.
        {"senior_title_teachers",
         SchoolStaff([=](const StaffRow& a) { return teacher(a) && a.title >= 1 && a.title <= 3; },
                     100)},
    };
    Spec composite{prefix + "_cv_composite", kStock, kCountyOnly, nullptr, {}, nullptr, false};
    for (const auto& [name, figure] : conditions) {
      add(prefix + "_cv_" + name, kStock, kCountyOnly, Spread(level, figure));
      composite.mean_of.push_back(prefix + "_cv_" + name);
    }
    s.push_back(composite);
  }

  // The programme ledgers' figures (docs/ledgers.md), each from its definition.
  const auto ledger = [&](std::string code, Compute c) {
    s.push_back({std::move(code), kStock, kEveryLevel, std::move(c), {}, {}, true});
  };
  const bool kNow = true;
  const bool kInYear = false;
  const auto choice = [](std::string field, std::string code) -> CasePred {
    return [=](const LedgerCase& c) { return FieldOf(c, field) == code; };
  };
  const auto both = [](CasePred a, CasePred b) -> CasePred {
    return [=](const LedgerCase& c) { return a(c) && b(c); };
  };
  const CasePred placed = InState({"returned", "home_teaching", "placed", "verified", "closed"});
  const CasePred confirmed = InState(
      {"confirmed", "persuading", "returned", "home_teaching", "placed", "verified", "closed"});
  ledger("dropout_cases_registered", Count(Ledger("dropout_control", kInYear, AnyCase)));
  ledger("dropout_placement_rate", Percent(Ledger("dropout_control", kInYear, placed),
                                           Ledger("dropout_control", kInYear, confirmed)));
  ledger("dropouts_open_now",
         Count(Ledger("dropout_control", kNow, InState({"confirmed", "persuading"}))));
  ledger("home_teaching_times",
         Count(Ledger("dropout_control", kInYear, AnyCase, NumberField("home_teaching_times"))));
  const CasePred paid = InState({"paid"});
  ledger("aid_person_times", Count(Ledger("student_aid", kInYear, paid)));
  ledger("aid_amount", Scaled(Ledger("student_aid", kInYear, paid, Yuan("amount")), 1e-4));
  for (const auto& [code, programme] : std::vector<std::pair<std::string, std::string>>{
           {"aid_living_subsidy_amount", "living_subsidy"},
           {"aid_senior_grant_amount", "senior_grant"},
           {"aid_vocational_grant_amount", "vocational_grant"}}) {
    ledger(code, Scaled(Ledger("student_aid", kInYear, both(paid, choice("programme", programme)),
                               Yuan("amount")),
                        1e-4));
  }
  const CasePred grade_d = choice("grade", "d");
  ledger("d_buildings_in_use",
         Count(Ledger("building", kInYear,
                      both(both(grade_d, choice("in_use", "true")), InState({"registered"})))));
  ledger("d_area_demolished",
         Count(Ledger("building", kInYear, both(grade_d, InState({"demolished"})),
                      NumberField("area"))));
  s.back().compute = [inner = s.back().compute](const Register& r, int year) {
    Figures f = inner(r, year);  // an area with decimals: compared to rounding
    for (Expected& e : f) e.exact = e.exact_value = false;
    return f;
  };
  const CasePred done = InState({"completed", "accepted"});
  ledger("building_works_completed", Count(Ledger("building_work", kInYear, done)));
  ledger("building_works_spent",
         Scaled(Ledger("building_work", kInYear, done, Yuan("spent")), 1e-4));
  ledger("hazards_found", Count(Ledger("hazard", kInYear, AnyCase)));
  ledger("hazard_rectification_rate",
         Percent(Ledger("hazard", kInYear, InState({"accepted", "closed"})),
                 Ledger("hazard", kInYear, AnyCase)));
  ledger("major_hazards_open", Count(Ledger("hazard", kNow, [](const LedgerCase& c) {
           return FieldOf(c, "level") == "major" && c.state != "closed";
         })));
  const CasePred finished = InState({"accepted", "in_use", "final_accounts", "closed"});
  ledger("projects_in_progress",
         Count(Ledger("project", kInYear, InState({"started", "topped_out"}))));
  ledger("project_investment",
         Scaled(Ledger(
                    "project", kInYear, [](const LedgerCase& c) { return c.state != "reserve"; },
                    Yuan("budget")),
                1e-4));
  ledger("project_seats_added",
         Count(Ledger("project", kInYear, finished, NumberField("seats_added"))));
  ledger("project_large_classes",
         Count(Ledger("project", kInYear, finished, NumberField("large_classes_eliminated"))));
  ledger("large_classes_eliminated",
         Count(Ledger("large_class", kInYear, InState({"eliminated"}))));
  ledger("large_classes_open", Count(Ledger("large_class", kNow, InState({"large", "planned"}))));
  ledger("large_classes_without_plan", Count(Ledger("large_class", kNow, InState({"large"}))));
  ledger("teachers_recruited", Count(Ledger("teacher_recruitment", kInYear, InState({"hired"}))));
  ledger("training_person_times",
         Count(Ledger("teacher_training", kInYear, InState({"completed"}))));
  ledger("teachers_posted", Count(Ledger("teacher_posting", kInYear, AnyCase)));
  ledger("inspection_findings", Count(Ledger("inspection_finding", kInYear, AnyCase)));
  ledger("inspection_rectification_rate",
         Percent(Ledger("inspection_finding", kInYear, InState({"closed"})),
                 Ledger("inspection_finding", kInYear, AnyCase)));
  const CasePred baseline = both(choice("category", "subject"), choice("baseline", "true"));
  ledger("tutoring_subject_baseline", Count(Ledger("tutoring_institution", kInYear, baseline)));
  ledger("tutoring_reduction_rate",
         Percent(Ledger("tutoring_institution", kInYear,
                        both(baseline, InState({"closed", "banned", "to_non_subject"}))),
                 Ledger("tutoring_institution", kInYear, baseline)));
  ledger("petitions_received", Count(Ledger("petition", kInYear, AnyCase)));
  ledger("petition_answer_rate",
         Percent(Ledger("petition", kInYear, InState({"answered", "review_requested", "final"})),
                 Ledger("petition", kInYear,
                        [](const LedgerCase& c) { return c.state != "not_accepted"; })));
  return s;
}

// Every indicator's cells for one statistics year, keyed by code.
std::map<std::string, Figures> ComputeAll(const Register& r, int year,
                                          const std::vector<Spec>& specs) {
  std::map<std::string, Figures> out;
  for (const Spec& spec : specs) {
    if (spec.compute) out[spec.code] = spec.compute(r, year);
  }
  for (const Spec& spec : specs) {
    if (spec.compute) continue;
    Figures f(r.units().size(), Expected{});
    Expected& county = f[0];
    county.exact = county.exact_value = false;
    double sum = 0;
    bool all = true;
    for (const std::string& part : spec.mean_of) {
      const Number v = out.at(part)[0].value;
      if (!v) all = false;
      sum += v.value_or(0);
    }
    if (all && !spec.mean_of.empty()) county.value = sum / spec.mean_of.size();
    out[spec.code] = f;
  }
  // Below the county, a county-only indicator is 不适用 in every cell.
  for (const Spec& spec : specs) {
    if (!spec.county_only) continue;
    for (std::size_t u = 1; u < r.units().size(); ++u) {
      out[spec.code][u] = Expected{std::nullopt, std::nullopt, std::nullopt, true, true, true};
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparing.

Number JsonNumber(const nlohmann::json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<double>();
}

std::string Show(const Number& n) {
  if (!n) return "无值 (null)";
  char text[64];
  std::snprintf(text, sizeof(text), "%.17g", *n);
  return text;
}

// Adds a failure when the program's `field` of a cell differs from ours.
void CompareField(const std::string& where, const char* field, const Number& program,
                  const Number& mine, bool exact) {
  bool same = program.has_value() == mine.has_value();
  if (same && program) {
    same = exact ? *program == *mine
                 : std::fabs(*program - *mine) <=
                       1e-9 * std::max(std::fabs(*program), std::fabs(*mine));
  }
  if (!same) {
    ADD_FAILURE() << where << ", " << field << ": program " << Show(program) << ", independent "
                  << Show(mine);
  }
}

testing::CommandResult Eduledger(std::vector<std::string> args) {
  args.insert(args.begin(), testing::BinaryPath());
  return testing::RunCommand(args);
}

nlohmann::json PackageIndicators() {
  return nlohmann::json::parse(testing::ReadFileOrDie(
      std::string(EDULEDGER_SOURCE_DIR) + "/packages/county-bureau/indicators.json"))["indicators"];
}

// The table above covers the package, no more and no less, and what it says by hand about
// each indicator (flow, county only, parts of a mean) agrees with the package's own keys. This
// needs no example county.
TEST(IndependentIndicatorsPackageTest, EveryIndicatorOfThePackageIsRecomputed) {
  const std::vector<Spec> specs = Specs();
  std::map<std::string, const Spec*> mine;
  for (const Spec& spec : specs) {
    EXPECT_TRUE(mine.emplace(spec.code, &spec).second) << "twice: " << spec.code;
  }
  std::set<std::string> package_codes;
  for (const auto& ind : PackageIndicators()) {
    const std::string code = ind["code"].get<std::string>();
    package_codes.insert(code);
    const auto it = mine.find(code);
    if (it == mine.end()) {
      ADD_FAILURE() << "indicator " << code << " of the package is not recomputed here";
      continue;
    }
    EXPECT_EQ(it->second->flow, ind.value("flow", false)) << code;
    EXPECT_EQ(it->second->county_only, ind.value("applies_down_to", "") == "county") << code;
    std::vector<std::string> parts;
    if (ind.contains("mean_of")) parts = ind["mean_of"].get<std::vector<std::string>>();
    EXPECT_EQ(it->second->mean_of, parts) << code;
  }
  for (const auto& [code, spec] : mine) {
    EXPECT_TRUE(package_codes.count(code)) << code << " is not in the package";
  }
  EXPECT_EQ(package_codes.size(), 133u);
}

// The example county, our figures for it, and the program's, made once for the suite (under
// ctest every test is a process of its own, hence few tests that each check much).
class IndependentIndicatorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    ASSERT_EQ(testing::ExampleCounty(*dir_, {"--last-year", std::to_string(kDemoLastYear)}), Db());
    // Our own figures first (about a second), then the program's.
    auto reg = std::make_unique<Register>(Db());
    ASSERT_FALSE(reg->units().empty()) << "no county in " << Db();
    register_ = reg.release();
    specs_ = new std::vector<Spec>(Specs());
    for (int year : kYears) expected_[year] = ComputeAll(*register_, year, *specs_);
    for (int year : kYears) {
      for (bool by_township : {false, true}) {
        std::vector<std::string> args = {"--db",       Db(),     "--format",          "json",
                                         "indicators", "--year", std::to_string(year)};
        if (by_township) args.insert(args.end(), {"--by", "township"});
        const auto r = Eduledger(args);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        (by_township ? townships_ : county_)[year] = nlohmann::json::parse(r.out);
      }
    }
  }
  static void TearDownTestSuite() {
    delete specs_;
    delete register_;
    delete dir_;
    specs_ = nullptr;
    register_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(register_, nullptr) << "the example county could not be generated or read";
    for (int year : kYears) {
      ASSERT_TRUE(county_[year].contains("rows") && townships_[year].contains("rows"))
          << "eduledger indicators --year " << year << " failed";
    }
  }
  static std::string Db() { return dir_->File("demo.db"); }
  // 零疏漏 against its recomputation (below); part of the cell test, as each test of the suite
  // is a process that makes the example county again.
  static void CheckAidCoverage();
  // The ledger figures split by a field of their cases (indicators --by FIELD) against the
  // same figures recomputed over the cases of each value alone.
  static void CheckFieldSplits();

  // The program's rows of one statistics year (county and township breakdown), by code and
  // unit code; a duplicate cell is a failure.
  static std::map<std::pair<std::string, std::string>, nlohmann::json> ProgramRows(int year) {
    std::map<std::pair<std::string, std::string>, nlohmann::json> out;
    for (const auto* doc : {&county_[year], &townships_[year]}) {
      for (const auto& row : (*doc)["rows"]) {
        EXPECT_EQ(row["cell"], "合计") << row.dump();
        const auto key =
            std::make_pair(row["code"].get<std::string>(), row["org_unit_code"].get<std::string>());
        EXPECT_TRUE(out.emplace(key, row).second) << "two rows for " << row.dump();
      }
    }
    return out;
  }

  static testing::TempDir* dir_;
  static Register* register_;
  static std::vector<Spec>* specs_;
  static std::map<int, nlohmann::json> county_;
  static std::map<int, nlohmann::json> townships_;
  static std::map<int, std::map<std::string, Figures>> expected_;
};

testing::TempDir* IndependentIndicatorsTest::dir_ = nullptr;
Register* IndependentIndicatorsTest::register_ = nullptr;
std::vector<Spec>* IndependentIndicatorsTest::specs_ = nullptr;
std::map<int, nlohmann::json> IndependentIndicatorsTest::county_;
std::map<int, nlohmann::json> IndependentIndicatorsTest::townships_;
std::map<int, std::map<std::string, Figures>> IndependentIndicatorsTest::expected_;

// Every cell of every indicator, for the county and each township row (and 县直学校), in each
// statistics year: numerator, denominator and value as we count them, 不适用 exactly on the
// township rows of the indicators the package marks `"applies_down_to": "county"`.
TEST_F(IndependentIndicatorsTest, EveryCellAgreesWithTheRecomputation) {
  const std::vector<Unit>& units = register_->units();
  std::set<std::string> package_codes;
  std::set<std::string> county_only;
  for (const auto& ind : PackageIndicators()) {
    package_codes.insert(ind["code"].get<std::string>());
    if (ind.value("applies_down_to", "") == "county") {
      county_only.insert(ind["code"].get<std::string>());
    }
  }
  ASSERT_FALSE(county_only.empty());
  std::set<std::string> township_codes;  // the township rows we expect
  for (std::size_t u = 1; u < units.size(); ++u) township_codes.insert(units[u].code);

  for (int year : kYears) {
    // The statistics year's snapshot and flow window (docs/statistics-year.md).
    for (const auto* doc : {&county_[year], &townships_[year]}) {
      EXPECT_EQ((*doc)["statistics_year"], year);
      EXPECT_EQ((*doc)["snapshot_date"], std::to_string(year) + "-09-01");
      EXPECT_EQ((*doc)["flow_window"]["from"], std::to_string(year - 1) + "-09-01");
      EXPECT_EQ((*doc)["flow_window"]["to"], std::to_string(year) + "-08-31");
    }
    EXPECT_EQ(county_[year]["org_unit_code"], units[0].code);
    // The package's indicators, once each at the county; one row per township and one for the
    // county's own schools, nothing else.
    std::set<std::string> shown;
    for (const auto& row : county_[year]["rows"]) {
      shown.insert(row["code"].get<std::string>());
      EXPECT_EQ(row["org_unit_code"], units[0].code);
    }
    EXPECT_EQ(shown, package_codes) << year;
    EXPECT_EQ(county_[year]["rows"].size(), package_codes.size()) << year;
    std::set<std::string> shown_units;
    for (const auto& row : townships_[year]["rows"]) {
      shown_units.insert(row["org_unit_code"].get<std::string>());
      const bool not_applicable = row["note"].get<std::string>().starts_with("不适用");
      EXPECT_EQ(not_applicable, county_only.count(row["code"].get<std::string>()) > 0)
          << year << " " << row["code"] << " at " << row["org_unit_name"] << ": " << row["note"];
    }
    EXPECT_EQ(shown_units, township_codes) << year;

    const auto program = ProgramRows(year);
    for (const Spec& spec : *specs_) {
      const Figures& mine = expected_[year].at(spec.code);
      for (std::size_t u = 0; u < units.size(); ++u) {
        const std::string where = "indicator " + spec.code + ", year " + std::to_string(year) +
                                  ", unit " + units[u].code + " " + units[u].name;
        const auto it = program.find({spec.code, units[u].code});
        if (it == program.end()) {
          ADD_FAILURE() << where << ": no row in the program's output";
          continue;
        }
        const nlohmann::json& row = it->second;
        const Expected& e = mine[u];
        EXPECT_EQ(row["period"], spec.ledger ? "ledger" : spec.flow ? "flow" : "stock") << where;
        EXPECT_EQ(row["note"].get<std::string>().starts_with("不适用"), e.not_applicable)
            << where << ": note " << row["note"];
        CompareField(where, "numerator", JsonNumber(row["numerator"]), e.numerator, e.exact);
        CompareField(where, "denominator", JsonNumber(row["denominator"]), e.denominator, e.exact);
        CompareField(where, "value", JsonNumber(row["value"]), e.value, e.exact && e.exact_value);
      }
    }
  }
  // Every indicator has a value at the county in some year compared, so that no comparison
  // passes only because both sides have nothing.
  for (const Spec& spec : *specs_) {
    bool any = false;
    for (int year : kYears) any = any || expected_[year].at(spec.code)[0].value.has_value();
    EXPECT_TRUE(any) << spec.code << " has no value in any year compared";
  }
  CheckAidCoverage();
  CheckFieldSplits();
}

// The values of field `field` of ledger `ledger` as the package's ledger file lists them (the
// state's, a choice's options, 是/否), each with its name and a test of a case; "未填" for a
// choice left empty.
std::vector<std::pair<std::string, CasePred>> ValuesOf(const std::string& ledger,
                                                       const std::string& field) {
  const nlohmann::json def = nlohmann::json::parse(testing::ReadFileOrDie(
      std::string(EDULEDGER_SOURCE_DIR) + "/packages/county-bureau/ledgers/" + ledger + ".json"));
  std::vector<std::pair<std::string, CasePred>> out;
  if (field == "state") {
    for (const auto& s : def["workflow"]["states"]) {
      const std::string code = s["code"];
      out.emplace_back(s["name"], [=](const LedgerCase& c) { return c.state == code; });
    }
    return out;
  }
  for (const auto& f : def["fields"]) {
    if (f["code"] != field && f["name"] != field) continue;
    const std::string code_of_field = f["code"];
    if (f["type"] == "bool") {  // unset is 否
      out.emplace_back("是",
                       [=](const LedgerCase& c) { return FieldOf(c, code_of_field) == "true"; });
      out.emplace_back("否",
                       [=](const LedgerCase& c) { return FieldOf(c, code_of_field) != "true"; });
      return out;
    }
    out.emplace_back("未填",
                     [=](const LedgerCase& c) { return FieldOf(c, code_of_field).empty(); });
    for (const auto& o : f["options"]) {
      const std::string code = o["code"];
      out.emplace_back(o["name"],
                       [=](const LedgerCase& c) { return FieldOf(c, code_of_field) == code; });
    }
  }
  return out;
}

void IndependentIndicatorsTest::CheckFieldSplits() {
  const int year = kDemoLastYear;
  // The package's splits by a ledger field, by field: the indicators and the ledger each reads.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_field;
  for (const auto& ind : PackageIndicators()) {
    const std::vector<std::string> splits = ind.value("splits", std::vector<std::string>{});
    for (const std::string& split : splits) {
      if (split == "sex" || split == "grade" || split == "month") continue;
      const std::string numerator = ind["numerator"];
      const std::size_t open = numerator.find('(');
      const std::size_t end = numerator.find_first_of(".,)", open);
      by_field[split].emplace_back(ind["code"], numerator.substr(open + 1, end - open - 1));
    }
  }
  ASSERT_GE(by_field.size(), 10u);
  std::size_t compared = 0;
  for (const auto& [field, indicators] : by_field) {
    const auto r = Eduledger({"--db", Db(), "--format", "json", "indicators", "--year",
                              std::to_string(year), "--by", field});
    ASSERT_EQ(r.exit_code, 0) << field << ": " << r.err;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    std::map<std::pair<std::string, std::string>, nlohmann::json> rows;  // (code, value name)
    for (const auto& row : doc["rows"]) {
      const auto key =
          std::make_pair(row["code"].get<std::string>(), row["cell"].get<std::string>());
      EXPECT_TRUE(rows.emplace(key, row).second) << "two rows for " << row.dump();
    }
    for (const auto& [code, ledger] : indicators) {
      const Spec* spec = nullptr;
      for (const Spec& s : *specs_) {
        if (s.code == code) spec = &s;
      }
      ASSERT_NE(spec, nullptr) << code;
      const auto values = ValuesOf(ledger, field);
      ASSERT_FALSE(values.empty()) << code << " by " << field;
      double total = 0;
      double program_total = 0;  // the program's own rows of the values, against its 合计
      for (const auto& [name, pred] : values) {
        register_->KeepCases([&](const LedgerCase& c) { return c.ledger != ledger || pred(c); });
        const Expected e = spec->compute(*register_, year)[0];
        const std::string where = code + " by " + field + " = " + name;
        const auto it = rows.find({code, name});
        if (it == rows.end()) {  // a value with nothing counted shows no row
          EXPECT_TRUE(e.numerator.value_or(0) == 0 && e.denominator.value_or(0) == 0)
              << where << ": no row, but " << Show(e.numerator) << " / " << Show(e.denominator);
          continue;
        }
        CompareField(where, "numerator", JsonNumber(it->second["numerator"]), e.numerator, e.exact);
        CompareField(where, "denominator", JsonNumber(it->second["denominator"]), e.denominator,
                     e.exact);
        CompareField(where, "value", JsonNumber(it->second["value"]), e.value,
                     e.exact && e.exact_value);
        total += e.numerator.value_or(0);
        program_total += JsonNumber(it->second["numerator"]).value_or(0);
        ++compared;
      }
      register_->KeepCases(nullptr);
      // The values together are the whole.
      const Expected whole = spec->compute(*register_, year)[0];
      EXPECT_NEAR(total, whole.numerator.value_or(0), 1e-6) << code << " by " << field;
      const auto whole_row = rows.find({code, "合计"});
      ASSERT_NE(whole_row, rows.end()) << code << " by " << field;
      EXPECT_NEAR(program_total, JsonNumber(whole_row->second["numerator"]).value_or(0), 1e-6)
          << code << " by " << field << ": the program's values do not make its 合计";
    }
  }
  EXPECT_GE(compared, 60u);  // rows with cases, so that no comparison passes on nothing
}

// A flow read from the register is marked incomplete exactly where the cell has a value and
// some of the pupils it is a figure of (Spec::among) left the roll unrecorded (流失); a count
// of 学籍异动 where the unit has any such pupil; a stock never.
TEST_F(IndependentIndicatorsTest, IncompleteWhereItsOwnPupilsLeftUnrecorded) {
  std::map<std::string, const Spec*> by_code;
  for (const Spec& spec : *specs_) by_code[spec.code] = &spec;
  const std::vector<Unit>& units = register_->units();
  std::map<std::string, std::size_t> unit_index;
  for (std::size_t u = 0; u < units.size(); ++u) unit_index[units[u].code] = u;
  int incomplete_cells = 0;
  int complete_flow_cells_with_leavers = 0;  // leavers at the unit, none among the figure's
  for (int year : kYears) {
    const auto leavers_of = [&](const Spec& spec, std::size_t u) {
      double n = 0;
      for (const Row& r : register_->RowsOf(year - 1)) {
        const auto& in = r.school->units;
        if (std::find(in.begin(), in.end(), static_cast<int>(u)) == in.end()) continue;
        n += UnexplainedLeaver(r) && (!spec.among || spec.among(r));
      }
      return n;
    };
    const Figures& all_leavers = expected_[year].at("unexplained_leavers");
    for (const auto& [key, row] : ProgramRows(year)) {
      const auto& [code, unit_code] = key;
      const Spec* spec = by_code.count(code) ? by_code[code] : nullptr;
      if (spec == nullptr || !unit_index.count(unit_code)) continue;
      const bool incomplete = row["incomplete"].get<bool>();
      incomplete_cells += incomplete;
      if (!spec->flow) {
        EXPECT_FALSE(incomplete) << year << " " << code << " at " << unit_code;
        continue;
      }
      // The leavers themselves, and the exam forms, do not read the flow from the register.
      if (code == "unexplained_leavers" || code.starts_with("exam_")) continue;
      const std::size_t u = unit_index[unit_code];
      const double n = leavers_of(*spec, u);
      EXPECT_EQ(incomplete, n > 0 && !row["value"].is_null())
          << year << " " << code << " at " << unit_code << ": " << n << " of its pupils left";
      if (incomplete) {
        // The note gives how many.
        EXPECT_NE(row["note"].get<std::string>().find(" " + Show(n) + " 名"), std::string::npos)
            << row["note"];
      }
      if (!incomplete && !row["value"].is_null() && all_leavers[u].numerator.value_or(0) > 0) {
        ++complete_flow_cells_with_leavers;
      }
    }
  }
  EXPECT_GT(incomplete_cells, 0);
  EXPECT_GT(complete_flow_cells_with_leavers, 0);
}

// 零疏漏 recomputed from the file: the pupils of an eligible group (脱贫家庭, 低保, 特困, 孤儿,
// 残疾) on the latest year's roll, at a level with a termly aid (学前, 小学, 初中, 普通高中, 中职),
// with no 已发放 payment of their level's programme for the 秋季学期 (or 全学年) paid in that
// calendar year; validate lists exactly them.
void IndependentIndicatorsTest::CheckAidCoverage() {
  const int year = kDemoLastYear;
  Sqlite db(Db());
  std::map<Id, std::string> identity;
  db.Each("SELECT id, id_number, student_no FROM students", [&](sqlite3_stmt* s) {
    identity[IntAt(s, 0)] = TextAt(s, 1).empty() ? TextAt(s, 2) : TextAt(s, 1);
  });
  std::set<std::pair<std::string, std::string>> paid;  // (student id, programme)
  db.Each("SELECT fields FROM cases WHERE ledger = 'student_aid' AND state = 'paid'",
          [&](sqlite3_stmt* s) {
            const auto f = nlohmann::json::parse(TextAt(s, 0));
            const std::string term = f.value("term", "");
            if ((term == "autumn" || term == "year") &&
                f.value("paid_on", "").substr(0, 4) == std::to_string(year)) {
              paid.emplace(f.value("student", ""), f.value("programme", ""));
            }
          });
  const std::map<Level, std::string> programme = {{Level::kPreschool, "preschool_aid"},
                                                  {Level::kPrimary, "living_subsidy"},
                                                  {Level::kJunior, "living_subsidy"},
                                                  {Level::kSenior, "senior_grant"},
                                                  {Level::kVocational, "vocational_grant"}};
  const std::uint32_t eligible =
      kRegisteredPoor | kDibao | kExtremePoverty | kOrphan | kDisabledFlag;
  std::multiset<std::string> mine;
  for (const Row& r : register_->RowsOf(year)) {
    const auto p = programme.find(r.level);
    if ((r.pupil->flags & eligible) == 0 || p == programme.end()) continue;
    if (!paid.count({std::to_string(r.student), p->second})) mine.insert(identity[r.student]);
  }
  const auto v =
      Eduledger({"--db", Db(), "--format", "json", "validate", "--year", std::to_string(year)});
  ASSERT_TRUE(v.exit_code == 0 || v.exit_code == 1) << v.err;
  std::multiset<std::string> program;
  const nlohmann::json report = nlohmann::json::parse(v.out);
  for (const auto& f : report["ledger_findings"]) {
    if (f["kind"] != "aid_missed") continue;
    // "城乡低保学生 某某（<ID number>，高一）本学期…": the identity in full (the admin's view);
    // a group's name may have brackets of its own (脱贫家庭（原建档立卡）).
    const std::string m = f["message"].get<std::string>();
    const std::size_t open = m.find("（", m.find(" "));
    const std::size_t comma = m.find("，", open);
    ASSERT_TRUE(open != std::string::npos && comma != std::string::npos) << m;
    program.insert(
        m.substr(open + std::string("（").size(), comma - open - std::string("（").size()));
  }
  EXPECT_FALSE(mine.empty());  // the example county misses a few this term
  EXPECT_EQ(program, mine);
}

}  // namespace
}  // namespace eduledger
