#include "engine/snapshot.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "engine/student_rows_internal.h"
#include "meta/school_type.h"

namespace eduledger::engine {

using core::Result;
using core::Status;
using internal::PendingRow;

namespace {

// The group-word bits of an org unit's school attributes (zero for units that are no school).
std::uint64_t SchoolWord(const meta::OrgUnit& u) {
  std::uint64_t w = 0;
  if (u.level != meta::OrgLevel::kSchool) return w;
  GroupField("school_type").Set(&w, static_cast<std::uint64_t>(std::clamp(u.school_type, 0, 1023)));
  GroupField("ownership").Set(&w, static_cast<std::uint64_t>(u.ownership));
  GroupField("public").Set(&w, meta::IsPublic(u.ownership) ? 1 : 0);
  if (u.urban_rural >= 100) {
    GroupField("urban_rural").Set(&w, static_cast<std::uint64_t>(u.urban_rural - 100));
  }
  GroupField("urban_rural_class")
      .Set(&w, static_cast<std::uint64_t>(meta::UrbanRuralBucketOf(u.urban_rural)));
  GroupField("boarding").Set(&w, u.boarding ? 1 : 0);
  GroupField("small_scale").Set(&w, u.small_scale ? 1 : 0);
  GroupField("affordable").Set(&w, u.affordable ? 1 : 0);
  GroupField("teaching_point").Set(&w, meta::IsTeachingPoint(u.school_type) ? 1 : 0);
  GroupField("counts_as_school").Set(&w, meta::CountsAsSchool(u.school_type) ? 1 : 0);
  return w;
}

// The org indexes ordered deepest first.
std::vector<std::uint32_t> BottomUp(const std::vector<std::int32_t>& parent) {
  std::vector<int> depth(parent.size(), 0);
  std::vector<std::uint32_t> order(parent.size());
  for (std::size_t i = 0; i < parent.size(); ++i) {
    order[i] = static_cast<std::uint32_t>(i);
    for (std::int32_t p = parent[i]; p >= 0 && depth[i] < 64;
         p = parent[static_cast<std::size_t>(p)]) {
      ++depth[i];
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return depth[a] > depth[b]; });
  return order;
}

// The month a case is counted in within its year (its period date's), 0 for a stock ledger or
// a case not dated yet.
std::uint8_t CaseMonth(const meta::LedgerType& def, const CaseSchema::Row& row) {
  return def.stock || row.period.is_null() ? 0 : static_cast<std::uint8_t>(row.period.month());
}

}  // namespace

class SnapshotBuilder {
 public:
  explicit SnapshotBuilder(Snapshot* s) : s_(s) {}

  Status ReadOrgs(store::Store& store) {
    EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
    s_->orgs_ = meta::OrgTree(std::move(units));
    const auto& all = s_->orgs_.units();
    s_->parent_.resize(all.size());
    s_->school_word_.resize(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      s_->parent_[i] = all[i].parent_id == 0 ? -1 : s_->OrgIndex(all[i].parent_id);
      s_->school_word_[i] = SchoolWord(all[i]);
    }
    s_->bottom_up_ = BottomUp(s_->parent_);
    return Status::OK();
  }

  // Students, their enrolments and events; the school years are those enrolled in.
  Status ReadStudents(store::Store& store) {
    internal::StudentRows rows(s_->orgs_);
    EL_RETURN_IF_ERROR(store.ScanStudents([&](const store::StudentFacts& f) {
      rows.AddStudent(f);
      s_->student_ids_.push_back(f.id);
      return Status::OK();
    }));
    EL_RETURN_IF_ERROR(store.ScanEnrolments([&](const store::EnrolmentFacts& f) {
      rows.AddEnrolment(f);
      return Status::OK();
    }));
    EL_RETURN_IF_ERROR(store.ScanStatusEvents([&](const store::EventFacts& f) {
      rows.AddEvent(f);
      return Status::OK();
    }));
    s_->years_ = rows.years();
    internal::StudentRows::Rows finished = rows.Finish();
    AppendGroups(std::move(finished.students), StudentLayout(),
                 &s_->mutable_table(MeasureTable::kStudents));
    AppendGroups(std::move(finished.events), EventLayout(),
                 &s_->mutable_table(MeasureTable::kEvents));
    s_->event_ids_ = rows.event_ids();
    ReadClasses(rows);
    return Status::OK();
  }

  Status ReadStaff(store::Store& store) {
    static const Field& birth = *StaffLayout().Find("birth");
    static const Field& post = *StaffLayout().Find("post");
    static const Field& title = *StaffLayout().Find("title");
    static const Field& qualification = *StaffLayout().Find("qualification");
    static const Field& level_taught = *StaffLayout().Find("level_taught");
    std::vector<PendingRow> pending;
    EL_RETURN_IF_ERROR(store.ScanStaffAssignments([&](const store::StaffFacts& f) {
      const int year_idx = s_->YearIndex(f.school_year);
      const std::int32_t org = s_->OrgIndex(f.org_unit_id);
      if (year_idx < 0 || org < 0) return Status::OK();
      std::uint64_t w = 0;
      birth.Set(&w, StoredBirthDay(f.birth_date));
      post.Set(&w, static_cast<std::uint64_t>(f.post));
      title.Set(&w, static_cast<std::uint64_t>(f.title));
      qualification.Set(&w, static_cast<std::uint64_t>(f.qualification));
      // A teacher with no level given teaches at the level the school is listed under.
      std::optional<meta::EducationLevel> level = f.level_taught;
      if (!level) {
        if (const meta::SchoolTypeInfo* t = meta::FindSchoolType(
                s_->orgs_.units()[static_cast<std::size_t>(org)].school_type)) {
          level = t->stage;
        }
      }
      level_taught.Set(&w, level ? static_cast<std::uint64_t>(*level) + 1 : 0);
      pending.push_back(PendingRow{internal::RowKey(year_idx, static_cast<std::uint32_t>(org),
                                                    kNoGrade, static_cast<int>(f.sex)),
                                   w, static_cast<std::uint32_t>(s_->staff_ids_.size())});
      s_->staff_ids_.push_back(f.staff_id);
      return Status::OK();
    }));
    AppendGroups(std::move(pending), StaffLayout(), &s_->mutable_table(MeasureTable::kStaff));
    return Status::OK();
  }

  // One row per school and school year with students or staff (built after both).
  void ReadSchools() {
    AppendGroups(SchoolRows(std::nullopt), SchoolLayout(),
                 &s_->mutable_table(MeasureTable::kSchools));
  }

  // The school rows (of school `only` when given): every (year, school) that has a group of
  // students or staff. The record is the school's org index.
  std::vector<PendingRow> SchoolRows(std::optional<std::uint32_t> only) const {
    std::vector<PendingRow> pending;
    for (const MeasureTable t : {MeasureTable::kStudents, MeasureTable::kStaff}) {
      for (const Group& g : s_->table(t).groups) {
        if (only && g.org != *only) continue;
        pending.push_back(PendingRow{internal::RowKey(g.year, g.org, kNoGrade, kNoSex), 0, g.org});
      }
    }
    std::sort(pending.begin(), pending.end(),
              [](const PendingRow& a, const PendingRow& b) { return a.key < b.key; });
    pending.erase(
        std::unique(pending.begin(), pending.end(),
                    [](const PendingRow& a, const PendingRow& b) { return a.key == b.key; }),
        pending.end());
    return pending;
  }

  Status ReadValues(store::Store& store, const ValueSchema& schema) {
    s_->value_schema_ = &schema;
    return store.ScanValues([&](const store::StoredValue& v) {
      const int year = s_->YearIndex(v.period);
      const std::int32_t org = s_->OrgIndex(v.org_unit_id);
      std::optional<ValueRow> row = schema.Row(v.value);
      if (year < 0 || org < 0 || !row) {
        ++s_->skipped_values_;
        return Status::OK();
      }
      row->submission_id = v.submission_id;
      row->org = static_cast<std::uint32_t>(org);
      row->year = static_cast<std::uint16_t>(year);
      row->approved = v.state == store::SubmissionState::kApproved;
      s_->values_.push_back(*row);
      return Status::OK();
    });
  }

  // The cases of every ledger of `schema`, each in the year its period date (or, for a stock
  // ledger, the latest year held) gives.
  Status ReadCases(store::Store& store, const CaseSchema& schema) {
    // A store that scans its students in no id order gets an index for the cases' links.
    if (!std::is_sorted(s_->student_ids_.begin(), s_->student_ids_.end())) {
      for (std::size_t r = 0; r < s_->student_ids_.size(); ++r) {
        s_->student_index_.emplace(s_->student_ids_[r], static_cast<std::uint32_t>(r));
      }
    }
    s_->case_schema_ = &schema;
    s_->cases_.resize(schema.size());
    const std::size_t years = s_->years_.size();
    for (std::size_t i = 0; i < schema.size(); ++i) {
      const CaseLedger& ledger = schema.ledger(i);
      CaseRows& rows = s_->cases_[i];
      rows.numbers.resize(ledger.numbers.size());
      rows.student_records.resize(ledger.student_links.size());
      rows.year_has_cases.assign(years, false);
      rows.cells = CaseCells(ledger.numbers.size());
      EL_RETURN_IF_ERROR(store.ScanCases(ledger.def->code, [&](const store::Case& c) {
        const CaseSchema::Row row = schema.Read(i, c);
        const int year = s_->CaseYear(*ledger.def, row);
        const std::int32_t org = s_->OrgIndex(c.org_unit_id);
        // The ledger was kept in the year a case was opened in, whatever its period says: a
        // year with 大班额 cases opened and none eliminated eliminated 0, it did not lack data.
        if (const int opened = c.opened.is_null() ? -1 : s_->YearIndex(c.opened.year());
            opened >= 0 && org >= 0 && !ledger.def->stock) {
          rows.year_has_cases[static_cast<std::size_t>(opened)] = true;
        }
        if (year < 0 || org < 0) {
          ++s_->skipped_cases_;
          return Status::OK();
        }
        const CaseCells::Key cell{.group_word = s_->CaseGroupWord(static_cast<std::uint32_t>(org)),
                                  .word = row.word,
                                  .org = static_cast<std::uint32_t>(org),
                                  .year = static_cast<std::uint16_t>(year),
                                  .month = CaseMonth(*ledger.def, row)};
        rows.group_words.push_back(cell.group_word);
        rows.words.push_back(cell.word);
        rows.orgs.push_back(cell.org);
        rows.years.push_back(cell.year);
        rows.months.push_back(cell.month);
        rows.ids.push_back(c.id);
        for (std::size_t k = 0; k < row.numbers.size(); ++k) {
          rows.numbers[k].push_back(row.numbers[k]);
        }
        for (std::size_t k = 0; k < row.students.size(); ++k) {
          rows.student_records[k].push_back(s_->StudentRecord(row.students[k]));
        }
        if (year != CaseRows::kUndated) rows.year_has_cases[static_cast<std::size_t>(year)] = true;
        rows.cells.AddScanned(cell, row.numbers, rows.size());
        return Status::OK();
      }));
      rows.cells.EndScan(rows.size());
      rows.ids_in_order = std::is_sorted(rows.ids.begin(), rows.ids.end());
    }
    return Status::OK();
  }

  // One row per class, grouped by school, year and grade.
  void ReadClasses(const internal::StudentRows& rows) {
    AppendGroups(ClassRows(rows, std::nullopt), ClassLayout(),
                 &s_->mutable_table(MeasureTable::kClasses));
  }

  // The class rows of `rows` (of school `only` when given), their infos appended.
  std::vector<PendingRow> ClassRows(const internal::StudentRows& rows,
                                    std::optional<std::uint32_t> only) {
    static const Field& size = *ClassLayout().Find("size");
    std::vector<PendingRow> pending;
    const auto& classes = rows.classes();
    pending.reserve(classes.size());
    for (std::size_t c = 0; c < classes.size(); ++c) {
      // A class only pupils who arrived after the snapshot were in had nobody on the day.
      if ((only && classes[c].org != *only) || rows.class_sizes()[c] == 0) continue;
      std::uint64_t w = 0;
      size.Set(&w, std::min<std::uint64_t>(rows.class_sizes()[c], size.max_stored()));
      pending.push_back(PendingRow{internal::RowKey(s_->YearIndex(classes[c].school_year),
                                                    classes[c].org, classes[c].grade + 2, kNoSex),
                                   w, static_cast<std::uint32_t>(s_->classes_info_.size())});
      s_->classes_info_.push_back(Snapshot::ClassInfo{
          classes[c].school_year, s_->orgs_.units()[classes[c].org].id, classes[c].name});
    }
    return pending;
  }

  // Put `rows` (every row of school `org`, any year) in place of the school's groups in
  // `table`. The new rows go to the end of the row arrays; the old ones stay there unused.
  void ReplaceSchoolRows(std::uint32_t org, std::vector<PendingRow> rows, Table* table) {
    Table fresh;
    AppendGroups(std::move(rows), *table->layout, &fresh);
    const auto offset = static_cast<std::uint32_t>(table->words.size());
    table->words.insert(table->words.end(), fresh.words.begin(), fresh.words.end());
    table->records.insert(table->records.end(), fresh.records.begin(), fresh.records.end());
    for (Group& g : fresh.groups) {
      g.begin += offset;
      g.end += offset;
    }
    for (std::size_t y = 0; y < s_->years_.size(); ++y) {
      const auto [lo, hi] = SchoolGroups(*table, static_cast<int>(y), org);
      for (std::size_t i = lo; i < hi; ++i) s_->stale_rows_ += table->groups[i].size();
      const auto [new_lo, new_hi] = SchoolGroups(fresh, static_cast<int>(y), org);
      auto at = table->groups.erase(table->groups.begin() + static_cast<long>(lo),
                                    table->groups.begin() + static_cast<long>(hi));
      table->groups.insert(at, fresh.groups.begin() + static_cast<long>(new_lo),
                           fresh.groups.begin() + static_cast<long>(new_hi));
    }
  }

 private:
  // A group's word: the school's bits, grade, sex and the level they give.
  std::uint64_t GroupWord(std::uint32_t org, int stored_grade, int stored_sex) const {
    static const Field& grade = GroupField("grade");
    static const Field& sex = GroupField("sex");
    static const Field& level = GroupField("level");
    std::uint64_t w = s_->school_word_[org];
    grade.Set(&w, static_cast<std::uint64_t>(stored_grade));
    sex.Set(&w, static_cast<std::uint64_t>(stored_sex));
    const int type = s_->orgs_.units()[org].school_type;
    if (stored_grade != kNoGrade) {
      level.Set(&w, static_cast<std::uint64_t>(meta::LevelOf(type, stored_grade - 2)));
    } else if (const meta::SchoolTypeInfo* info = meta::FindSchoolType(type)) {
      level.Set(&w, static_cast<std::uint64_t>(info->stage));
    }
    return w;
  }

  // Sort `rows` by key and append them to `table`, one group per distinct key.
  void AppendGroups(std::vector<PendingRow> rows, const Layout& layout, Table* table) const {
    std::sort(rows.begin(), rows.end(),
              [](const PendingRow& a, const PendingRow& b) { return a.key < b.key; });
    table->layout = &layout;
    table->words.reserve(rows.size());
    table->records.reserve(rows.size());
    std::size_t i = 0;
    while (i < rows.size()) {
      const std::uint64_t key = rows[i].key;
      Group g;
      g.begin = static_cast<std::uint32_t>(table->words.size());
      for (; i < rows.size() && rows[i].key == key; ++i) {
        table->words.push_back(rows[i].word);
        table->records.push_back(rows[i].record);
      }
      g.end = static_cast<std::uint32_t>(table->words.size());
      g.org = internal::KeyOrg(key);
      g.year = static_cast<std::uint16_t>(internal::KeyYear(key));
      g.word = GroupWord(g.org, internal::KeyGrade(key), internal::KeySex(key));
      table->groups.push_back(g);
    }
  }

  Snapshot* s_;
};

Result<std::unique_ptr<Snapshot>> Snapshot::Build(store::Store& store, const ValueSchema* values,
                                                  const CaseSchema* cases) {
  std::unique_ptr<Snapshot> s(new Snapshot());
  EL_ASSIGN_OR_RETURN(s->version_, store.Version());
  SnapshotBuilder b(s.get());
  EL_RETURN_IF_ERROR(b.ReadOrgs(store));
  EL_RETURN_IF_ERROR(b.ReadStudents(store));
  EL_RETURN_IF_ERROR(b.ReadStaff(store));
  b.ReadSchools();
  if (values) EL_RETURN_IF_ERROR(b.ReadValues(store, *values));
  if (cases) EL_RETURN_IF_ERROR(b.ReadCases(store, *cases));
  return s;
}

core::Status Snapshot::RefreshSchools(store::Store& store, std::span<const std::uint32_t> schools,
                                      std::vector<std::uint32_t>* changed) {
  if (years_.empty() || !std::is_sorted(student_ids_.begin(), student_ids_.end())) {
    return Status::FailedPrecondition("snapshot_rebuild", "快照需要完整重建");
  }
  SnapshotBuilder b(this);
  std::vector<std::uint32_t> touched(schools.begin(), schools.end());
  for (const std::uint32_t school : schools) {
    internal::StudentRows rows(orgs_, years_);
    std::vector<std::int64_t> ids;  // local record -> store id
    EL_RETURN_IF_ERROR(
        store.ScanSchoolRegister(orgs_.units()[school].id, years_,
                                 store::SchoolScan{[&](const store::StudentFacts& f) {
                                                     rows.AddStudent(f);
                                                     ids.push_back(f.id);
                                                     return Status::OK();
                                                   },
                                                   [&](const store::EnrolmentFacts& f) {
                                                     rows.AddEnrolment(f);
                                                     return Status::OK();
                                                   },
                                                   [&](const store::EventFacts& f) {
                                                     rows.AddEvent(f);
                                                     return Status::OK();
                                                   }}));
    internal::StudentRows::Rows finished = rows.Finish();
    // Local records become the snapshot's: a student it lacks is new (the largest id yet).
    std::vector<std::uint32_t> record(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto it = std::lower_bound(student_ids_.begin(), student_ids_.end(), ids[i]);
      if (it != student_ids_.end() && *it == ids[i]) {
        record[i] = static_cast<std::uint32_t>(it - student_ids_.begin());
      } else if (it == student_ids_.end()) {
        record[i] = static_cast<std::uint32_t>(student_ids_.size());
        student_ids_.push_back(ids[i]);
      } else {
        return Status::FailedPrecondition("snapshot_rebuild", "快照需要完整重建");
      }
    }
    std::vector<PendingRow> at_school;
    for (PendingRow r : finished.students) {
      r.record = record[r.record];
      if (internal::KeyOrg(r.key) == school) {
        at_school.push_back(r);
      } else if (PatchStudentRow(r)) {  // the student's rows elsewhere: where they went next
        touched.push_back(internal::KeyOrg(r.key));
      }
    }
    // The school's events, appended as new records.
    std::vector<PendingRow> events_at_school;
    for (PendingRow r : finished.events) {
      if (internal::KeyOrg(r.key) != school) continue;
      const std::int64_t id = rows.event_ids()[r.record];
      r.record = static_cast<std::uint32_t>(event_ids_.size());
      event_ids_.push_back(id);
      events_at_school.push_back(r);
    }
    b.ReplaceSchoolRows(school, std::move(at_school), &mutable_table(MeasureTable::kStudents));
    b.ReplaceSchoolRows(school, b.ClassRows(rows, school), &mutable_table(MeasureTable::kClasses));
    b.ReplaceSchoolRows(school, std::move(events_at_school), &mutable_table(MeasureTable::kEvents));
    b.ReplaceSchoolRows(school, b.SchoolRows(school), &mutable_table(MeasureTable::kSchools));
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  if (changed) *changed = std::move(touched);
  return Status::OK();
}

bool Snapshot::PatchStudentRow(const internal::PendingRow& row) {
  static const std::uint64_t kClassSize = StudentLayout().Find("class_size")->mask();
  Table& students = mutable_table(MeasureTable::kStudents);
  const auto [lo, hi] =
      SchoolGroups(students, internal::KeyYear(row.key), internal::KeyOrg(row.key));
  for (std::size_t g = lo; g < hi; ++g) {
    for (std::uint32_t i = students.groups[g].begin; i < students.groups[g].end; ++i) {
      if (students.records[i] != row.record) continue;
      const std::uint64_t want = (students.words[i] & kClassSize) | (row.word & ~kClassSize);
      if (students.words[i] == want) return false;
      students.words[i] = want;
      return true;
    }
  }
  return false;
}

int Snapshot::CaseYear(const meta::LedgerType& def, const CaseSchema::Row& row) const {
  if (def.stock) return static_cast<int>(years_.size()) - 1;
  return row.period.is_null() ? CaseRows::kUndated : YearIndex(row.period.year());
}

std::uint64_t Snapshot::CaseGroupWord(std::uint32_t org) const {
  static const Field& grade = GroupField("grade");
  static const Field& sex = GroupField("sex");
  static const Field& level = GroupField("level");
  std::uint64_t group = school_word_[org];
  grade.Set(&group, kNoGrade);
  sex.Set(&group, kNoSex);
  // A case has no grade: its 学段 is the one its school is listed under (a 九年一贯制学校 is
  // 初中), none (学段不详) for a unit that is not a school.
  const meta::SchoolTypeInfo* info = meta::FindSchoolType(orgs_.units()[org].school_type);
  level.Set(&group, info && orgs_.units()[org].level == meta::OrgLevel::kSchool
                        ? static_cast<std::uint64_t>(info->stage)
                        : level.max_stored());
  return group;
}

core::Result<Snapshot::CaseChange> Snapshot::UpdateCase(const store::Case& c) {
  const auto rebuild = [] {
    return Status::FailedPrecondition("snapshot_rebuild", "快照需要完整重建");
  };
  const int ledger = case_schema_ != nullptr ? case_schema_->Find(c.ledger) : -1;
  if (ledger < 0) return rebuild();
  CaseRows& rows = cases_[static_cast<std::size_t>(ledger)];
  if (!rows.ids_in_order) return rebuild();  // a store that scanned them in no order
  const auto it = std::lower_bound(rows.ids.begin(), rows.ids.end(), c.id);
  const std::int32_t org = OrgIndex(c.org_unit_id);
  if (it == rows.ids.end() || *it != c.id || org < 0) return rebuild();
  const CaseSchema::Row row = case_schema_->Read(static_cast<std::size_t>(ledger), c);
  const int year = CaseYear(*case_schema_->ledger(static_cast<std::size_t>(ledger)).def, row);
  if (year < 0) return rebuild();
  const auto i = static_cast<std::size_t>(it - rows.ids.begin());
  CaseChange change;
  change.ledger = static_cast<std::size_t>(ledger);
  change.row = i;
  change.was = rows.CellOf(i);
  for (const std::vector<double>& column : rows.numbers) change.numbers.push_back(column[i]);
  rows.group_words[i] = CaseGroupWord(static_cast<std::uint32_t>(org));
  rows.words[i] = row.word;
  rows.orgs[i] = static_cast<std::uint32_t>(org);
  rows.years[i] = static_cast<std::uint16_t>(year);
  rows.months[i] = CaseMonth(*case_schema_->ledger(static_cast<std::size_t>(ledger)).def, row);
  for (std::size_t k = 0; k < row.numbers.size(); ++k) rows.numbers[k][i] = row.numbers[k];
  for (std::size_t k = 0; k < row.students.size(); ++k) {
    rows.student_records[k][i] = StudentRecord(row.students[k]);
  }
  rows.cells.Move(change.was, change.numbers, rows.CellOf(i), row.numbers);
  if (year != CaseRows::kUndated && !rows.year_has_cases[static_cast<std::size_t>(year)]) {
    rows.year_has_cases[static_cast<std::size_t>(year)] = true;
    change.year_newly_held = true;
  }
  return change;
}

std::uint32_t Snapshot::StudentRecord(std::int64_t id) const {
  if (!student_index_.empty()) {
    const auto found = student_index_.find(id);
    return found != student_index_.end() ? found->second : CaseRows::kNoRecord;
  }
  // Read in id order (a refresh appends only ids above those held): no index needed.
  const auto it = std::lower_bound(student_ids_.begin(), student_ids_.end(), id);
  return it != student_ids_.end() && *it == id
             ? static_cast<std::uint32_t>(it - student_ids_.begin())
             : CaseRows::kNoRecord;
}

std::int64_t Snapshot::RecordId(MeasureTable t, std::uint32_t record) const {
  switch (t) {
    case MeasureTable::kStudents:
      return student_ids_[record];
    case MeasureTable::kStaff:
      return staff_ids_[record];
    case MeasureTable::kEvents:
      return event_ids_[record];
    case MeasureTable::kSchools:
      return orgs_.units()[record].id;
    default:
      return 0;
  }
}

std::pair<std::size_t, std::size_t> SchoolGroups(const Table& table, int year_idx,
                                                 std::uint32_t org) {
  const auto before = [](const Group& g, std::pair<int, std::uint32_t> k) {
    return std::pair<int, std::uint32_t>(g.year, g.org) < k;
  };
  const auto after = [](std::pair<int, std::uint32_t> k, const Group& g) {
    return k < std::pair<int, std::uint32_t>(g.year, g.org);
  };
  const std::pair<int, std::uint32_t> key(year_idx, org);
  const auto lo = std::lower_bound(table.groups.begin(), table.groups.end(), key, before);
  const auto hi = std::upper_bound(lo, table.groups.end(), key, after);
  return {static_cast<std::size_t>(lo - table.groups.begin()),
          static_cast<std::size_t>(hi - table.groups.begin())};
}

std::int32_t Snapshot::OrgIndex(std::int64_t id) const {
  const meta::OrgUnit* u = orgs_.ById(id);
  return u == nullptr ? -1 : static_cast<std::int32_t>(u - orgs_.units().data());
}

int Snapshot::YearIndex(int school_year) const {
  const auto it = std::lower_bound(years_.begin(), years_.end(), school_year);
  return it != years_.end() && *it == school_year ? static_cast<int>(it - years_.begin()) : -1;
}

std::size_t Snapshot::MemoryBytes() const {
  std::size_t tables = 0;
  for (const Table& t : tables_) tables += t.MemoryBytes();
  for (const CaseRows& c : cases_) tables += c.MemoryBytes();
  return tables + student_ids_.capacity() * sizeof(std::int64_t) +
         staff_ids_.capacity() * sizeof(std::int64_t) +
         event_ids_.capacity() * sizeof(std::int64_t) +
         classes_info_.capacity() * sizeof(ClassInfo) + parent_.capacity() * sizeof(std::int32_t) +
         school_word_.capacity() * sizeof(std::uint64_t) + values_.capacity() * sizeof(ValueRow);
}

}  // namespace eduledger::engine
