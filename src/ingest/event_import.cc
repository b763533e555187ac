// Import of status events (学籍异动): one row = one change of one student's register status on
// one day, at a school. The student must be on the register (by 身份证件号 or 全国学籍号; a
// 姓名 given must match). The school is the 原学校 column; a transfer names both ends:
//
//   异动类型        the event at              the other end
//   转出            原学校 (a county school)  转入学校: a county school gets its 转入 too;
//                                             a school outside the county is kept as text
//   转入            转入学校                  原学校: likewise, a 转出 at a county school
//   others          原学校, or the school the student was enrolled at that school year
//
// So a transfer between two schools of the county is one row and two events. The same transfer
// recorded by both schools (a 转出 row and a 转入 row, maybe a day or two apart) is still two
// events: the other end is made only when the student has none of that type at that school
// in the school year. Events are matched on student, type, day and school; one already stored
// is left alone, and a row giving the same event as another is a duplicate.
// A dropout, suspension, graduation, death or transfer out must happen at a school the student
// is enrolled at in that school year or the one before (a move over the summer is recorded in
// September), when the register holds both years.
//
// The sequence of a student's events, stored and new, is checked too: nothing may follow a
// death (an error on the file's row, the later event or the death), and a 复学 with no 休学
// still open before it, or a 劝返复学 with no 辍学 still open, is a warning (the earlier event
// may predate the register). The other end of a transfer that names no
// school of the tree but carries the name of a county in it ("示例县第三小学") is an error: a
// mistyped county school, not a school elsewhere.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/period.h"
#include "core/text.h"
#include "ingest/import_internal.h"

namespace eduledger::ingest::internal {

namespace {

using meta::EventType;

// The types a clerk writes, for the message on a value that is none of them.
constexpr std::string_view kTypesWritten =
    "转入、转出、休学、复学、辍学、复学（劝返）、毕业、死亡、其他、招生入学";

// An event's identity: the same student, type, day and school is the same event.
using EventKey = std::tuple<std::int64_t, int, std::int32_t, std::int64_t>;
EventKey KeyOf(const meta::StatusEvent& e) {
  return {e.student_id, static_cast<int>(e.type), e.date.days(), e.org_unit_id};
}

// A school as a cell names it: a code (digits) or a name; nullptr for text that names no
// school of the tree (a school outside the county), with `error` set when it is ambiguous.
const meta::OrgUnit* SchoolNamed(const meta::OrgTree& tree, std::string_view text,
                                 core::Status* error) {
  text = core::TrimSpace(text);
  if (text.empty()) return nullptr;
  const bool code = text.find_first_not_of("0123456789") == std::string_view::npos;
  auto school = tree.ResolveSchool(code ? text : "", code ? "" : text);
  if (school.ok()) return *school;
  if (school.status().reason() != "unknown_school") *error = school.status();
  return nullptr;
}

// The names of the counties of the tree ("示例县"), which their schools' names carry. Only the
// whole name: its stem alone ("示例") is also the name of the city around it (示例市), whose
// schools are elsewhere.
std::vector<std::string> CountyNames(const meta::OrgTree& tree) {
  std::vector<std::string> names;
  for (const meta::OrgUnit& u : tree.units()) {
    if (u.level == meta::OrgLevel::kCounty && !u.name.empty()) names.push_back(u.name);
  }
  return names;
}

// Whether an event of this type must happen where the student is enrolled that year.
bool NeedsEnrolmentThere(EventType t) {
  return t == EventType::kDropOut || t == EventType::kSuspend || t == EventType::kGraduate ||
         t == EventType::kDeath || t == EventType::kTransferOut || t == EventType::kOther;
}

struct EventRow {
  std::int64_t row = 0;
  meta::Student key;  // identity only
  std::string name;   // as the file gives it; empty: not given
  EventType type = EventType::kOther;
  core::Date date;
  const meta::OrgUnit* at = nullptr;     // the school of the event; null: infer it
  const meta::OrgUnit* other = nullptr;  // the other end of a transfer in the county
  std::string outside;                   // the other end outside the county, as written
  std::string reason;
  std::vector<std::string> cells;  // by Field: what the row wrote, for messages
};

class EventImport {
 public:
  EventImport(const meta::OrgTree& tree, const ColumnMap& map, const ImportOptions& options,
              ImportReport* report)
      : tree_(tree), map_(map), options_(options), report_(report) {}

  void Add(RowParser& p) {
    EventRow r;
    r.row = p.row_number();
    r.cells.resize(static_cast<std::size_t>(Field::kCount_));
    for (const Field f : {Field::kName, Field::kIdNumber, Field::kStudentNo, Field::kEventType,
                          Field::kEventDate, Field::kFromSchool, Field::kToSchool}) {
      r.cells[static_cast<std::size_t>(f)] = std::string(p.Get(f));
    }
    ParseStudentKey(p, options_.today, &r.key);
    r.name = std::string(p.Get(Field::kName));
    const std::string_view type_text = p.Get(Field::kEventType);
    if (type_text.empty()) {
      p.Fail(Field::kEventType, "empty",
             "异动类型为空（可填：" + std::string(kTypesWritten) + "）");
    } else if (const auto t = meta::ParseEventType(type_text)) {
      r.type = *t;
    } else {
      p.Fail(Field::kEventType, "bad_event_type",
             "无法识别的异动类型“" + std::string(type_text) + "”（可填：" +
                 std::string(kTypesWritten) + "）");
    }
    auto date = core::Date::Parse(p.Get(Field::kEventDate));
    if (!date.ok()) {
      p.Fail(Field::kEventDate, date.status().reason() == "empty" ? "empty" : "bad_date",
             date.status().reason() == "empty" ? "异动日期为空"
                                               : std::string(date.status().message()));
    } else if (*date > options_.today) {
      p.Fail(Field::kEventDate, "future_date", "异动日期晚于今天");
    } else {
      r.date = *date;
    }
    r.reason = std::string(p.Get(Field::kReason));
    const bool transfer_in = r.type == EventType::kTransferIn;
    const bool transfer = transfer_in || r.type == EventType::kTransferOut;
    // The event's own school, and (for a transfer) the other end.
    const Field own = transfer_in ? Field::kToSchool : Field::kFromSchool;
    const Field far = transfer_in ? Field::kFromSchool : Field::kToSchool;
    core::Status error;
    r.at = SchoolNamed(tree_, p.Get(own), &error);
    if (!error.ok()) {
      p.Fail(own, error);
    } else if (!p.Get(own).empty() && r.at == nullptr) {
      p.Fail(own, "unknown_school", "学校“" + std::string(p.Get(own)) + "”不存在");
    } else if (r.at == nullptr && transfer) {
      p.Fail(own, "empty",
             std::string(transfer_in ? "转入" : "转出") + "须填写" +
                 (transfer_in ? "转入学校" : "原学校") + "（本县学校的标识码或名称）");
    } else if (r.at && options_.may_write && !options_.may_write(*r.at)) {
      p.Fail(own, "unknown_school", "学校“" + std::string(p.Get(own)) + "”不存在");
    }
    if (transfer && p.row_ok()) {
      core::Status far_error;
      r.other = SchoolNamed(tree_, p.Get(far), &far_error);
      if (!far_error.ok()) p.Fail(far, far_error);
      if (r.other == nullptr) r.outside = std::string(core::TrimSpace(p.Get(far)));
      if (r.other == r.at && r.at != nullptr) {
        p.Fail(far, "same_school", "转出与转入是同一所学校");
      }
      if (r.other == nullptr && !r.outside.empty()) {
        const auto county = std::find_if(
            county_names_.begin(), county_names_.end(),
            [&](const std::string& n) { return r.outside.find(n) != std::string::npos; });
        if (county != county_names_.end()) {
          p.Fail(far, "unknown_school",
                 "学校“" + r.outside + "”不存在；名称含本县地名“" + *county +
                     "”，应是本县学校，请核对名称或改填学校标识码");
        } else {
          report_->warnings.Add(RowError{r.row, map_.Label(far), r.outside, "outside_county",
                                         "“" + r.outside + "”不是本县学校，按县外学校记录"});
        }
      }
    }
    if (!p.row_ok()) return;
    rows_.push_back(std::move(r));
  }

  // Look the students, their enrolments and events up; plan the events to add. Returns a
  // non-OK status only when the store cannot be read.
  core::Status Compare(store::Store& store) {
    std::vector<store::PersonKey> keys;
    keys.reserve(rows_.size());
    for (const EventRow& r : rows_) {
      keys.push_back(store::PersonKey{r.key.id_type, r.key.id_number, r.key.student_no});
    }
    std::vector<store::Found<meta::Student>> found;
    EL_RETURN_IF_ERROR(store.FindStudents(keys, &found));
    std::vector<const meta::Student*> student(rows_.size(), nullptr);
    for (store::Found<meta::Student>& f : found) student_of_.emplace(f.index, std::move(f.value));
    std::set<std::int64_t> ids;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const auto it = student_of_.find(i);
      if (it == student_of_.end()) {
        Error(rows_[i], rows_[i].key.id_number.empty() ? Field::kStudentNo : Field::kIdNumber,
              "unknown_student", "系统中没有这名学生，请先导入学生名单");
        continue;
      }
      if (!rows_[i].name.empty() && rows_[i].name != it->second.name) {
        Error(rows_[i], Field::kName, "name_mismatch",
              "姓名与系统中该证件号的学生不符，请核对证件号");
        continue;
      }
      student[i] = &it->second;
      ids.insert(it->second.id);
    }
    const std::vector<std::int64_t> id_list(ids.begin(), ids.end());
    // Their events, and their enrolments of every school year the rows are dated in.
    std::vector<store::Found<meta::StatusEvent>> stored_events;
    EL_RETURN_IF_ERROR(store.FindStatusEvents(id_list, &stored_events));
    std::set<EventKey> have;
    for (const auto& f : stored_events) have.insert(KeyOf(f.value));
    EL_ASSIGN_OR_RETURN(const std::vector<int> years_held, store.SchoolYears());
    std::map<std::pair<std::int64_t, int>, std::vector<std::int64_t>> schools_of;  // (id, year)
    std::set<int> years;
    for (const EventRow& r : rows_) {
      years.insert(core::SchoolYearOf(r.date));
      years.insert(core::SchoolYearOf(r.date) - 1);
    }
    for (const int year : years) {
      std::vector<store::Found<meta::Enrolment>> enrolled;
      EL_RETURN_IF_ERROR(store.FindEnrolments(year, id_list, &enrolled));
      for (const auto& e : enrolled) {
        schools_of[{e.value.student_id, year}].push_back(e.value.org_unit_id);
      }
    }
    counts_.entity = "status_event";
    std::map<std::int64_t, std::vector<Dated>> sequence;  // by student: stored and new events
    for (const auto& f : stored_events) {
      sequence[f.value.student_id].push_back({f.value.date, f.value.type, kStored});
    }
    std::map<EventKey, std::int64_t> own;  // each row's own event → the row that gave it
    std::vector<meta::StatusEvent> pairs;  // the other ends of transfers
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      EventRow& r = rows_[i];
      if (student[i] == nullptr) continue;
      const std::int64_t id = student[i]->id;
      const int year = core::SchoolYearOf(r.date);
      const auto held = [&](int y) {
        return std::binary_search(years_held.begin(), years_held.end(), y);
      };
      const std::vector<std::int64_t>& enrolled_at = schools_of[{id, year}];
      const std::vector<std::int64_t>& enrolled_before = schools_of[{id, year - 1}];
      const auto enrolled = [&](std::int64_t school) {
        return std::find(enrolled_at.begin(), enrolled_at.end(), school) != enrolled_at.end() ||
               std::find(enrolled_before.begin(), enrolled_before.end(), school) !=
                   enrolled_before.end();
      };
      if (r.at == nullptr) {  // the school the student was enrolled at that year
        if (enrolled_at.size() != 1) {
          Error(r, Field::kFromSchool, "school_needed",
                enrolled_at.empty()
                    ? "该生" + core::SchoolYearLabel(year) + "没有在校登记，须填写原学校"
                    : "该生" + core::SchoolYearLabel(year) + "在两所学校登记，须填写原学校");
          continue;
        }
        r.at = tree_.ById(enrolled_at[0]);
      }
      if (NeedsEnrolmentThere(r.type) && held(year) && held(year - 1) && !enrolled(r.at->id)) {
        Error(r, Field::kFromSchool, "not_enrolled_there",
              "该生" + core::SchoolYearLabel(year - 1) + "和" + core::SchoolYearLabel(year) +
                  "都不在“" + r.at->name + "”注册（请先导入该校名单，或核对原学校）");
        continue;
      }
      // The row's own event.
      meta::StatusEvent e;
      e.student_id = id;
      e.type = r.type;
      e.date = r.date;
      e.org_unit_id = r.at->id;
      e.other_org_unit_id = r.other ? r.other->id : 0;
      e.other_school = r.outside;
      e.note = r.reason;
      const auto [it, fresh] = own.emplace(KeyOf(e), r.row);
      if (!fresh) {
        Error(r, Field::kEventType, "duplicate_event",
              "与第" + std::to_string(it->second) + "行是同一条异动");
        continue;
      }
      sequence[id].push_back({e.date, e.type, i});
      Plan(e, have);
      // The other end of a transfer between two schools of the county, unless the student
      // has that end there in the school year already (recorded by the other school, maybe on
      // another day).
      if (r.other && (!options_.may_write || options_.may_write(*r.other))) {
        meta::StatusEvent pair = e;
        pair.type =
            r.type == EventType::kTransferIn ? EventType::kTransferOut : EventType::kTransferIn;
        pair.org_unit_id = r.other->id;
        pair.other_org_unit_id = r.at->id;
        pairs.push_back(std::move(pair));
      }
    }
    // Ends already there: stored, or the own event of a row.
    std::set<std::tuple<std::int64_t, int, std::int64_t, int>> ends;  // student, type, school, year
    const auto end_of = [](const meta::StatusEvent& ev) {
      return std::tuple{ev.student_id, static_cast<int>(ev.type), ev.org_unit_id,
                        core::SchoolYearOf(ev.date)};
    };
    for (const auto& f : stored_events) ends.insert(end_of(f.value));
    const std::set<std::tuple<std::int64_t, int, std::int64_t, int>> stored_ends = ends;
    for (const meta::StatusEvent& ev : added_) ends.insert(end_of(ev));
    for (meta::StatusEvent& pair : pairs) {
      if (ends.insert(end_of(pair)).second) {
        Plan(pair, have);
      } else if (stored_ends.count(end_of(pair))) {
        Count(&counts_, true, false);  // the other school recorded it already
      }
    }
    for (auto& [id, events] : sequence) CheckSequence(&events);
    return core::Status::OK();
  }

  // Count `e`, and add it unless the store has it.
  void Plan(meta::StatusEvent e, const std::set<EventKey>& have) {
    const bool stored = have.count(KeyOf(e)) > 0;
    Count(&counts_, stored, false);
    if (!stored) added_.push_back(std::move(e));
  }

  const EntityCounts& counts() const { return counts_; }
  bool changes_anything() const { return !added_.empty(); }

  core::Result<std::int64_t> Write(store::Store& store, const store::AuditContext& context,
                                   std::int64_t version) {
    EL_ASSIGN_OR_RETURN(store::Transaction txn, store.Begin(context, version));
    std::sort(added_.begin(), added_.end(),
              [](const meta::StatusEvent& a, const meta::StatusEvent& b) {
                return a.date < b.date || (a.date == b.date && a.student_id < b.student_id);
              });
    EL_RETURN_IF_ERROR(txn.InsertStatusEvents(added_));
    return txn.Commit();
  }

 private:
  static constexpr std::size_t kStored = SIZE_MAX;
  // An event of a student's sequence: stored, or the own event of row rows_[row].
  struct Dated {
    core::Date date;
    EventType type;
    std::size_t row;
  };

  // Nothing after a death; a 复学 after a 休学, a 劝返复学 after a 辍学. Only the file's rows
  // are faulted: what is stored was accepted before.
  void CheckSequence(std::vector<Dated>* events) {
    std::stable_sort(events->begin(), events->end(),
                     [](const Dated& a, const Dated& b) { return a.date < b.date; });
    const Dated* death = nullptr;
    bool death_faulted = false;
    bool suspended = false;    // on 休学, not yet back
    bool dropped_out = false;  // out, not yet back
    for (const Dated& e : *events) {
      if (death != nullptr && e.date > death->date) {
        // Of the two, the file's row is at fault: the later event, or else the death itself.
        if (e.row != kStored) {
          Error(rows_[e.row], Field::kEventDate, "after_death",
                "该生已于" + death->date.ToChinese() + "死亡" +
                    (death->row == kStored
                         ? "（系统中已有记录）"
                         : "（第" + std::to_string(rows_[death->row].row) + "行）") +
                    "，其后不能再有学籍异动");
        } else if (death->row != kStored && !death_faulted) {
          Error(rows_[death->row], Field::kEventDate, "after_death",
                "系统中该生" + e.date.ToChinese() + "还有学籍异动（" +
                    std::string(meta::EventTypeName(e.type)) + "），死亡日期不能早于它");
          death_faulted = true;
        }
      }
      if (e.type == EventType::kDeath && death == nullptr) death = &e;
      if (e.row != kStored && e.type == EventType::kResume && !suspended) {
        Warn(rows_[e.row], Field::kEventType, "resume_without_suspension",
             "该生此前没有未复学的休学记录（若休学早于系统中的记录，可忽略）");
      }
      if (e.row != kStored && e.type == EventType::kReturn && !dropped_out) {
        Warn(rows_[e.row], Field::kEventType, "return_without_dropout",
             "该生此前没有未返校的辍学记录（若辍学早于系统中的记录，可忽略）");
      }
      if (e.type == EventType::kSuspend) suspended = true;
      if (e.type == EventType::kResume) suspended = false;
      if (e.type == EventType::kDropOut) dropped_out = true;
      if (e.type == EventType::kReturn) dropped_out = false;
    }
  }

  void Warn(const EventRow& r, Field f, std::string_view reason, std::string message) {
    report_->warnings.Add(RowError{r.row, map_.Label(f),
                                   ReportedValue(f, r.cells[static_cast<std::size_t>(f)]),
                                   std::string(reason), std::move(message)});
  }
  void Error(const EventRow& r, Field f, std::string_view reason, std::string message) {
    report_->errors.Add(RowError{r.row, map_.Label(f),
                                 ReportedValue(f, r.cells[static_cast<std::size_t>(f)]),
                                 std::string(reason), std::move(message)});
  }

  const meta::OrgTree& tree_;
  const ColumnMap& map_;
  const ImportOptions& options_;
  ImportReport* report_;
  const std::vector<std::string> county_names_ = CountyNames(tree_);
  std::vector<EventRow> rows_;
  std::map<std::size_t, meta::Student> student_of_;
  EntityCounts counts_;
  std::vector<meta::StatusEvent> added_;
};

}  // namespace

void ImportEventRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                     const ImportOptions& options, const store::AuditContext& audit,
                     ImportReport* report) {
  MissingColumns missing;
  missing.Need(map.has(Field::kIdNumber) || map.has(Field::kStudentNo), "身份证件号或全国学籍号");
  missing.Need(map.has(Field::kEventType), "异动类型");
  missing.Need(map.has(Field::kEventDate), "异动日期");
  if (core::Status s = missing.status(); !s.ok()) return Reject(report, s);
  auto base = LoadPlanBase(store);
  if (!base.ok()) return Reject(report, base.status());
  EventImport import(base->tree, map, options, report);
  if (!ReadRows(reader, map, options, report, [&](RowParser& p) { import.Add(p); })) return;
  if (core::Status s = import.Compare(store); !s.ok()) return Reject(report, s);
  report->counts = {import.counts()};
  if (options.progress) options.progress("比对", 1.0);
  Conclude(report);
  if (!report->status.ok() || options.dry_run || !import.changes_anything()) return;
  store::AuditContext context = audit;
  context.detail_json = AuditDetail(*report);
  auto committed = import.Write(store, context, base->version);
  if (!committed.ok()) return Reject(report, committed.status());
  report->written = true;
  report->audit_id = *committed;
  if (options.progress) options.progress("写入", 1.0);
}

}  // namespace eduledger::ingest::internal
