// PersonYearImport: the part of an import shared by every file whose row is "a person in a
// school year at a school" (students with their enrolment, staff with their assignment, bare
// enrolments). The kind's parser checks the cells of a row and hands over the person and the
// year record; this class checks the file against itself, compares it with the store and
// writes it in one transaction.
//
// Traits T supply, for their kind:
//   Person, Year, Presence         record types, and which person fields the file carries
//   kPersonEntity, kYearEntity     names in counts and the audit log
//   kRequireExisting               persons must already be stored (bare enrolments)
//   IdTypeOf, IdNumber, StudentNo  the person's document and 全国学籍号 ("" if none)
//   SamePerson(a, b)               two rows describe the same person consistently
//   Merge(stored, in, presence), MergeYear(stored, in)
//   PersonId(Year&)                the year record's person id
//   Find, FindYears, Insert, Update, InsertYears, UpdateYears   store calls
//   Twice(), Elsewhere()           messages for a second school in one year
#pragma once

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <deque>
#include <span>

#include "core/period.h"
#include "core/personal_data.h"
#include "core/statistics_year.h"
#include "ingest/import_internal.h"

namespace eduledger::ingest::internal {

template <class T>
class PersonYearImport {
 public:
  using Person = typename T::Person;
  using Year = typename T::Year;
  using Presence = typename T::Presence;

  PersonYearImport(const ColumnMap& map, const meta::OrgTree& tree, const ImportOptions& options,
                   ImportReport* report)
      : map_(map), tree_(tree), options_(options), report_(report) {}

  // Take a row and check it against the rows before it. A row whose cells failed their checks
  // is still checked against the others by its identity, so that one pass reports every error
  // (a duplicate does not wait for a bad date to be fixed), but is never compared or written.
  void Add(RowParser& p, Person incoming, const Presence& presence, const meta::OrgUnit* school,
           Year year) {
    const bool cells_ok = p.row_ok();
    const std::string_view number = T::IdNumber(incoming);
    const std::string_view student_no = T::StudentNo(incoming);
    if (number.empty() && student_no.empty()) return;  // no identity to compare
    // A person is known by the document number, or by the 全国学籍号 when there is none.
    std::uint32_t person_idx = static_cast<std::uint32_t>(persons_.size());
    if (!number.empty()) {
      if (const auto it = person_of_id_.find(IdentityRef{T::IdTypeOf(incoming), number});
          it != person_of_id_.end()) {
        person_idx = it->second;
      }
    } else if (const auto it = person_of_no_.find(student_no); it != person_of_no_.end()) {
      person_idx = it->second;
    }
    const bool known = person_idx < persons_.size();
    if (known) {
      const FilePerson& first = persons_[person_idx];
      for (std::int32_t k = first.first_row_idx; k >= 0;
           k = rows_[static_cast<std::size_t>(k)].next) {
        const FileRow& other = rows_[static_cast<std::size_t>(k)];
        if (year.school_year == 0 || other.year.school_year != year.school_year) continue;
        const bool same_school = other.school == school;
        p.Fail(Field::kIdNumber, same_school ? "duplicate_person" : "enrolled_twice",
               "与第" + std::to_string(other.row) + "行是同一人" +
                   (same_school ? "（身份证件号重复）" : "，" + std::string(T::Twice())));
        return;
      }
      // A row with a bad cell may lack the very field compared.
      if (cells_ok && !first.cells_bad && !T::SamePerson(first.incoming, incoming)) {
        p.Fail(Field::kName, "inconsistent_person",
               "与第" + std::to_string(first.first_row) +
                   "行身份证件号相同，但姓名、性别或出生日期不同");
        return;
      }
    }
    if (!student_no.empty()) {
      const auto it = person_of_no_.find(student_no);
      if (it != person_of_no_.end() && it->second != person_idx) {
        p.Fail(Field::kStudentNo, "duplicate_student_no",
               "与第" + std::to_string(persons_[it->second].first_row) + "行的全国学籍号相同");
        return;
      }
    }
    if (!known) {
      FilePerson fresh;
      fresh.first_row = p.row_number();
      fresh.bad = fresh.cells_bad = !cells_ok;
      fresh.incoming = std::move(incoming);
      fresh.presence = presence;
      persons_.push_back(std::move(fresh));
      // Keys are views of the stored person's strings: a deque never moves its elements.
      const Person& added = persons_.back().incoming;
      if (!T::IdNumber(added).empty()) {
        person_of_id_.emplace(IdentityRef{T::IdTypeOf(added), T::IdNumber(added)}, person_idx);
      }
      if (!T::StudentNo(added).empty()) person_of_no_.emplace(T::StudentNo(added), person_idx);
    }
    FilePerson& person = persons_[person_idx];
    const auto row_idx = static_cast<std::int32_t>(rows_.size());
    if (person.first_row_idx < 0) {
      person.first_row_idx = row_idx;
    } else {
      rows_[static_cast<std::size_t>(person.last_row_idx)].next = row_idx;
    }
    person.last_row_idx = row_idx;
    rows_.push_back(FileRow{p.row_number(), person_idx, -1, school, std::move(year), !cells_ok});
  }

  // Compare with the store: count what would be added, changed and left alone, and record
  // conflicts as errors. Returns a non-OK status only when the store cannot be read.
  core::Status Compare(store::Store& store) {
    std::vector<store::PersonKey> keys(persons_.size());
    std::vector<store::PersonKey> no_keys;
    std::vector<std::uint32_t> no_key_person;
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      const Person& in = persons_[i].incoming;
      keys[i] = store::PersonKey{T::IdTypeOf(in), T::IdNumber(in), T::StudentNo(in)};
      if (!keys[i].id_number.empty() && !keys[i].student_no.empty()) {
        no_keys.push_back(store::PersonKey{keys[i].id_type, {}, keys[i].student_no});
        no_key_person.push_back(static_cast<std::uint32_t>(i));
      }
    }
    std::vector<store::Found<Person>> found;
    EL_RETURN_IF_ERROR(T::Find(store, keys, &found));
    for (store::Found<Person>& f : found)
      existing_.emplace(static_cast<std::uint32_t>(f.index), std::move(f.value));
    struct Owner {
      std::int64_t id;
      std::string masked;  // the holder's document number, masked as logs mask it
    };
    absl::flat_hash_map<std::uint32_t, Owner> owner_of_no;  // person → holder of its number
    if (!no_keys.empty()) {
      std::vector<store::Found<Person>> by_no;
      EL_RETURN_IF_ERROR(T::Find(store, no_keys, &by_no));
      for (const store::Found<Person>& f : by_no) {
        owner_of_no[no_key_person[f.index]] =
            Owner{f.value.id, core::MaskIdNumber(T::IdNumber(f.value))};
      }
    }
    if (options_.progress) options_.progress("比对", 0.4);
    person_counts_.entity = T::kPersonEntity;
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      FilePerson& person = persons_[i];
      if (person.bad) continue;
      const auto stored = existing_.find(static_cast<std::uint32_t>(i));
      const bool exists = stored != existing_.end();
      person.existing_id = exists ? stored->second.id : 0;
      if (const auto owner = owner_of_no.find(static_cast<std::uint32_t>(i));
          owner != owner_of_no.end() && owner->second.id != person.existing_id) {
        person.bad = true;
        report_->errors.Add(RowError{
            person.first_row, map_.Label(Field::kStudentNo),
            core::MaskIdNumber(T::StudentNo(person.incoming)), "student_no_taken",
            "该全国学籍号已登记在另一身份证件号下（" +
                (owner->second.masked.empty() ? std::string("无证件号") : owner->second.masked) +
                "）"});
        continue;
      }
      if (!exists && T::kRequireExisting) {
        person.bad = true;
        report_->errors.Add(RowError{
            person.first_row, map_.Label(Field::kIdNumber),
            core::MaskIdNumber(keys[i].id_number.empty() ? keys[i].student_no : keys[i].id_number),
            "unknown_student", "系统中没有这名学生，请先导入学生名单"});
        continue;
      }
      if (exists) {
        person.differs =
            T::Merge(stored->second, person.incoming, person.presence) != stored->second;
      }
      Count(&person_counts_, exists, person.differs);
    }
    return CompareYears(store);
  }

  const EntityCounts& person_counts() const { return person_counts_; }
  const EntityCounts& year_counts() const { return year_counts_; }
  bool changes_anything() const {
    return person_counts_.added + person_counts_.changed + year_counts_.added +
               year_counts_.changed >
           0;
  }

  // Write everything that differs in one transaction begun at `version`. Returns the audit
  // entry's id.
  core::Result<std::int64_t> Write(store::Store& store, const store::AuditContext& context,
                                   std::int64_t version) {
    EL_ASSIGN_OR_RETURN(store::Transaction txn, store.Begin(context, version));
    Progress(0);
    // New persons in identity order, so the unique indexes fill sequentially.
    std::vector<std::uint32_t> order;
    std::vector<Person> changed;
    std::vector<std::int64_t> id_of_person(persons_.size(), 0);
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      const FilePerson& person = persons_[i];
      if (person.bad) continue;
      if (person.existing_id == 0) {
        order.push_back(static_cast<std::uint32_t>(i));
        continue;
      }
      id_of_person[i] = person.existing_id;
      if (person.differs) {
        changed.push_back(T::Merge(existing_.at(static_cast<std::uint32_t>(i)), person.incoming,
                                   person.presence));
      }
    }
    SortByIdentity(&order);
    const double total = static_cast<double>(order.size() + new_years_.size() + 1);
    std::vector<Person> batch;
    for (std::size_t start = 0; start < order.size(); start += kWriteBatch) {
      const std::size_t end = std::min(order.size(), start + kWriteBatch);
      batch.clear();
      for (std::size_t k = start; k < end; ++k)
        batch.push_back(std::move(persons_[order[k]].incoming));
      EL_RETURN_IF_ERROR(T::Insert(txn, batch));
      for (std::size_t k = start; k < end; ++k) id_of_person[order[k]] = batch[k - start].id;
      Progress(static_cast<double>(end) / total);
    }
    EL_RETURN_IF_ERROR(T::Update(txn, changed));
    // New year records in (person id, school year) order, the table's key, a batch at a time.
    std::sort(new_years_.begin(), new_years_.end(), [&](std::uint32_t a, std::uint32_t b) {
      const std::int64_t ia = id_of_person[rows_[a].person];
      const std::int64_t ib = id_of_person[rows_[b].person];
      return ia < ib || (ia == ib && rows_[a].year.school_year < rows_[b].year.school_year);
    });
    std::vector<Year> years;
    for (std::size_t start = 0; start < new_years_.size(); start += kWriteBatch) {
      const std::size_t end = std::min(new_years_.size(), start + kWriteBatch);
      years.clear();
      for (std::size_t k = start; k < end; ++k) {
        FileRow& r = rows_[new_years_[k]];
        years.push_back(std::move(r.year));
        T::PersonId(years.back()) = id_of_person[r.person];
      }
      EL_RETURN_IF_ERROR(T::InsertYears(txn, years));
      Progress(static_cast<double>(order.size() + end) / total);
    }
    EL_RETURN_IF_ERROR(T::UpdateYears(txn, changed_years_));
    return txn.Commit();
  }

 private:
  static constexpr std::size_t kWriteBatch = 65536;

  // A person's document, as a key of the map of persons (views of the person's strings).
  struct IdentityRef {
    meta::IdType type;
    std::string_view number;
    friend bool operator==(const IdentityRef&, const IdentityRef&) = default;
    template <class H>
    friend H AbslHashValue(H h, const IdentityRef& r) {
      return H::combine(std::move(h), static_cast<char>(r.type), r.number);
    }
  };

  struct FilePerson {
    std::int64_t first_row = 0;
    Person incoming;
    Presence presence;
    std::int32_t first_row_idx = -1;  // into rows_; the rest follow FileRow::next
    std::int32_t last_row_idx = -1;
    std::int64_t existing_id = 0;  // the stored person's id; 0 for a new person
    bool differs = false;
    bool bad = false;        // not compared or written: its first row or the store refused it
    bool cells_bad = false;  // its first row failed a cell check
  };
  struct FileRow {
    std::int64_t row = 0;
    std::uint32_t person = 0;
    std::int32_t next = -1;  // the same person's next row (another school year)
    const meta::OrgUnit* school = nullptr;
    Year year;
    bool rejected = false;  // a cell failed its check: checked against the file only
  };

  // The day the student joined school `school` in `school_year` by a transfer after the
  // snapshot (on 1 September or later: the snapshot is taken as the day begins): a 转入 at it,
  // or a 转出 from `have`'s school to it; null when none explains it.
  template <class Y>
  static core::Date TransferInto(const std::vector<meta::StatusEvent>& events, const Y& have,
                                 std::int64_t school, int school_year) {
    for (const meta::StatusEvent& e : events) {
      // A transfer of the year that leaves the pupil at the old school on the snapshot day.
      if (core::SchoolYearOf(e.date) != school_year || core::OnSnapshotRoll(e.date, school_year)) {
        continue;
      }
      if ((e.type == meta::EventType::kTransferIn && e.org_unit_id == school) ||
          (e.type == meta::EventType::kTransferOut && e.org_unit_id == have.org_unit_id &&
           e.other_org_unit_id == school)) {
        return e.date;
      }
    }
    return core::Date();
  }

  void Progress(double fraction) const {
    if (options_.progress) options_.progress("写入", fraction);
  }

  // Sort persons by their identity (document number, else 全国学籍号). The first sixteen
  // bytes are compared as two integers; only their rare ties compare the whole strings.
  void SortByIdentity(std::vector<std::uint32_t>* order) const {
    struct Entry {
      std::uint64_t hi, lo;
      std::uint32_t idx;
    };
    auto key_of = [this](std::uint32_t i) {
      const Person& p = persons_[i].incoming;
      return T::IdNumber(p).empty() ? T::StudentNo(p) : T::IdNumber(p);
    };
    auto word = [](std::string_view k, std::size_t from) {
      std::uint64_t w = 0;
      for (std::size_t b = 0; b < 8; ++b) {
        w = (w << 8) | (from + b < k.size() ? static_cast<unsigned char>(k[from + b]) : 0u);
      }
      return w;
    };
    std::vector<Entry> entries;
    entries.reserve(order->size());
    for (const std::uint32_t i : *order) {
      const std::string_view k = key_of(i);
      entries.push_back(Entry{word(k, 0), word(k, 8), i});
    }
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
      if (a.hi != b.hi) return a.hi < b.hi;
      if (a.lo != b.lo) return a.lo < b.lo;
      return key_of(a.idx) < key_of(b.idx);
    });
    for (std::size_t k = 0; k < entries.size(); ++k) (*order)[k] = entries[k].idx;
  }

  core::Status CompareYears(store::Store& store) {
    absl::flat_hash_map<int, std::vector<std::uint32_t>> rows_by_year;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const FilePerson& person = persons_[rows_[i].person];
      if (person.existing_id != 0 && !person.bad && !rows_[i].rejected) {
        rows_by_year[rows_[i].year.school_year].push_back(static_cast<std::uint32_t>(i));
      }
    }
    absl::flat_hash_map<std::uint32_t, Year> stored;  // row → its stored year record
    for (const auto& [year, idx] : rows_by_year) {
      std::vector<std::int64_t> ids;
      ids.reserve(idx.size());
      for (const std::uint32_t i : idx) ids.push_back(persons_[rows_[i].person].existing_id);
      std::vector<store::Found<Year>> got;
      EL_RETURN_IF_ERROR(T::FindYears(store, year, ids, &got));
      // A person may hold two records of a year (a transfer): the row's school's wins.
      for (store::Found<Year>& f : got) {
        const std::uint32_t row = idx[f.index];
        auto [it, fresh] = stored.try_emplace(row, f.value);
        if (!fresh && f.value.org_unit_id == rows_[row].year.org_unit_id) it->second = f.value;
      }
    }
    // A second school in a year is accepted when a stored transfer explains it.
    absl::flat_hash_map<std::int64_t, std::vector<meta::StatusEvent>> events_of;
    if constexpr (T::kTransfersExplainASecondSchool) {
      std::vector<std::int64_t> moved;
      for (const auto& [row, have] : stored) {
        if (have.org_unit_id != rows_[row].year.org_unit_id) {
          moved.push_back(persons_[rows_[row].person].existing_id);
        }
      }
      std::vector<store::Found<meta::StatusEvent>> got;
      EL_RETURN_IF_ERROR(store.FindStatusEvents(moved, &got));
      for (store::Found<meta::StatusEvent>& f : got) {
        events_of[f.value.student_id].push_back(std::move(f.value));
      }
    }
    year_counts_.entity = T::kYearEntity;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      FileRow& r = rows_[i];
      if (persons_[r.person].bad || r.rejected) continue;
      const auto it = stored.find(static_cast<std::uint32_t>(i));
      if (it == stored.end()) {
        Count(&year_counts_, false, false);
        new_years_.push_back(static_cast<std::uint32_t>(i));
        continue;
      }
      const Year& have = it->second;
      if (have.org_unit_id != r.year.org_unit_id) {
        if constexpr (T::kTransfersExplainASecondSchool) {
          const core::Date joined = TransferInto(events_of[persons_[r.person].existing_id], have,
                                                 r.year.org_unit_id, r.year.school_year);
          if (!joined.is_null()) {
            r.year.joined = joined;
            Count(&year_counts_, false, false);
            new_years_.push_back(static_cast<std::uint32_t>(i));
            continue;
          }
        }
        const meta::OrgUnit* other = tree_.ById(have.org_unit_id);
        const bool visible =
            other != nullptr && (!options_.may_write || options_.may_write(*other));
        const Field at = map_.has(Field::kSchoolCode) ? Field::kSchoolCode : Field::kSchoolName;
        report_->errors.Add(
            RowError{r.row, map_.Label(at), r.school->name, "enrolled_elsewhere",
                     core::SchoolYearLabel(r.year.school_year) + "已在" +
                         (visible ? "“" + other->name + "”" : std::string("其他学校")) +
                         std::string(T::Elsewhere()) +
                         (T::kTransfersExplainASecondSchool
                              ? "；如已在统计时点后转学，请先导入学籍异动（转出、转入）"
                              : "")});
        continue;
      }
      Year merged = T::MergeYear(have, r.year);
      const bool differs = !(merged == have);
      Count(&year_counts_, true, differs);
      if (differs) changed_years_.push_back(std::move(merged));
    }
    return core::Status::OK();
  }

  const ColumnMap& map_;
  const meta::OrgTree& tree_;
  const ImportOptions& options_;
  ImportReport* report_;
  std::deque<FilePerson> persons_;
  std::vector<FileRow> rows_;
  absl::flat_hash_map<IdentityRef, std::uint32_t> person_of_id_;
  absl::flat_hash_map<std::string_view, std::uint32_t> person_of_no_;
  absl::flat_hash_map<std::uint32_t, Person> existing_;  // person → stored record, if any
  EntityCounts person_counts_;
  EntityCounts year_counts_;
  std::vector<std::uint32_t> new_years_;
  std::vector<Year> changed_years_;
};

// Run the compare and write steps shared by every person-year import once the rows are read.
template <class T>
void FinishPersonYearImport(PersonYearImport<T>& import, store::Store& store, std::int64_t version,
                            const ImportOptions& options, const store::AuditContext& audit,
                            ImportReport* report) {
  if (core::Status s = import.Compare(store); !s.ok()) return Reject(report, s);
  report->counts = {import.person_counts(), import.year_counts()};
  if (options.progress) options.progress("比对", 1.0);
  Conclude(report);
  if (!report->status.ok() || options.dry_run || !import.changes_anything()) return;
  store::AuditContext context = audit;
  context.detail_json = AuditDetail(*report);
  auto committed = import.Write(store, context, version);
  if (!committed.ok()) return Reject(report, committed.status());
  report->written = true;
  report->audit_id = *committed;
  if (options.progress) options.progress("写入", 1.0);
}

}  // namespace eduledger::ingest::internal
