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
//   Key(Person)                    the identity key;  StudentNo(Person): "" if none
//   SamePerson(a, b)               two rows describe the same person consistently
//   Merge(stored, in, presence), MergeYear(stored, in)
//   PersonId(Year&)                the year record's person id
//   Find, FindYears, Insert, Update, InsertYears, UpdateYears   store calls
//   Twice(), Elsewhere()           messages for a second school in one year
#pragma once

#include <algorithm>
#include <deque>
#include <span>
#include <unordered_map>

#include "core/period.h"
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

  // Take a row whose cells passed their checks; check it against the rows before it.
  void Add(RowParser& p, Person incoming, const Presence& presence, const meta::OrgUnit* school,
           Year year) {
    std::string key = T::Key(incoming);
    const auto pit = person_of_key_.find(key);
    const std::size_t person_idx = pit == person_of_key_.end() ? persons_.size() : pit->second;
    if (pit != person_of_key_.end()) {
      const FilePerson& first = persons_[person_idx];
      for (const std::size_t k : first.rows) {
        if (rows_[k].year.school_year != year.school_year) continue;
        const bool same_school = rows_[k].school == school;
        p.Fail(Field::kIdNumber, same_school ? "duplicate_person" : "enrolled_twice",
               "与第" + std::to_string(rows_[k].row) + "行是同一人" +
                   (same_school ? "（身份证件号重复）" : "，" + std::string(T::Twice())));
        return;
      }
      if (!T::SamePerson(first.incoming, incoming)) {
        p.Fail(Field::kName, "inconsistent_person",
               "与第" + std::to_string(first.first_row) +
                   "行身份证件号相同，但姓名、性别或出生日期不同");
        return;
      }
    }
    const std::string_view student_no = T::StudentNo(incoming);
    if (!student_no.empty()) {
      const auto nit = person_of_no_.find(student_no);
      if (nit != person_of_no_.end() && nit->second != person_idx) {
        p.Fail(Field::kStudentNo, "duplicate_student_no",
               "与第" + std::to_string(persons_[nit->second].first_row) + "行的全国学籍号相同");
        return;
      }
    }
    if (pit == person_of_key_.end()) {
      FilePerson fresh;
      fresh.first_row = p.row_number();
      fresh.key = std::move(key);
      fresh.incoming = std::move(incoming);
      fresh.presence = presence;
      persons_.push_back(std::move(fresh));
      const FilePerson& added = persons_.back();
      person_of_key_.emplace(added.key, person_idx);
      const std::string_view no = T::StudentNo(added.incoming);
      if (!no.empty()) person_of_no_.emplace(no, person_idx);
    }
    persons_[person_idx].rows.push_back(rows_.size());
    rows_.push_back(FileRow{p.row_number(), person_idx, school, std::move(year)});
  }

  // Compare with the store: count what would be added, changed and left alone, and record
  // conflicts as errors. Returns a non-OK status only when the store cannot be read.
  core::Status Compare(store::Store& store) {
    std::vector<store::PersonKey> keys(persons_.size());
    std::vector<store::PersonKey> no_keys;
    std::vector<std::size_t> no_key_person;
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      keys[i] = T::PersonKeyOf(persons_[i].incoming);
      const std::string_view no = T::StudentNo(persons_[i].incoming);
      if (!keys[i].id_number.empty() && !no.empty()) {
        no_keys.push_back(store::PersonKey{keys[i].id_type, "", std::string(no)});
        no_key_person.push_back(i);
      }
    }
    std::vector<std::optional<Person>> found;
    EL_RETURN_IF_ERROR(T::Find(store, keys, &found));
    std::vector<std::int64_t> owner_of_no(persons_.size(), 0);
    if (!no_keys.empty()) {
      std::vector<std::optional<Person>> by_no;
      EL_RETURN_IF_ERROR(T::Find(store, no_keys, &by_no));
      for (std::size_t k = 0; k < no_key_person.size(); ++k) {
        if (by_no[k]) owner_of_no[no_key_person[k]] = by_no[k]->id;
      }
    }
    if (options_.progress) options_.progress("比对", 0.4);
    person_counts_.entity = T::kPersonEntity;
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      FilePerson& person = persons_[i];
      person.existing = std::move(found[i]);
      const std::int64_t own_id = person.existing ? person.existing->id : 0;
      if (owner_of_no[i] != 0 && owner_of_no[i] != own_id) {
        person.bad = true;
        report_->errors.Add(RowError{person.first_row, map_.Label(Field::kStudentNo),
                                     std::string(T::StudentNo(person.incoming)), "student_no_taken",
                                     "该全国学籍号已登记在另一身份证件号下（学生内部编号 " +
                                         std::to_string(owner_of_no[i]) + "）"});
        continue;
      }
      if (!person.existing && T::kRequireExisting) {
        person.bad = true;
        report_->errors.Add(RowError{person.first_row, map_.Label(Field::kIdNumber),
                                     std::string(keys[i].id_number.empty() ? keys[i].student_no
                                                                           : keys[i].id_number),
                                     "unknown_student", "系统中没有这名学生，请先导入学生名单"});
        continue;
      }
      if (person.existing) {
        person.differs =
            T::Merge(*person.existing, person.incoming, person.presence) != *person.existing;
      }
      Count(&person_counts_, person.existing.has_value(), person.differs);
    }
    return CompareYears(store);
  }

  const EntityCounts& person_counts() const { return person_counts_; }
  const EntityCounts& year_counts() const { return year_counts_; }
  bool changes_anything() const {
    return person_counts_.added + person_counts_.changed + year_counts_.added +
               year_counts_.changed > 0;
  }

  // Write everything that differs in one transaction begun at `version`. Returns the audit
  // entry's id.
  core::Result<std::int64_t> Write(store::Store& store, const store::AuditContext& context,
                                   std::int64_t version) {
    EL_ASSIGN_OR_RETURN(store::Transaction txn, store.Begin(context, version));
    // New persons in key order, so the unique indexes fill sequentially.
    std::vector<std::size_t> order;
    std::vector<Person> changed;
    std::vector<std::int64_t> id_of_person(persons_.size(), 0);
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      if (persons_[i].bad) continue;
      if (!persons_[i].existing) {
        order.push_back(i);
        continue;
      }
      id_of_person[i] = persons_[i].existing->id;
      if (persons_[i].differs) {
        changed.push_back(T::Merge(*persons_[i].existing, persons_[i].incoming, persons_[i].presence));
      }
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return persons_[a].key < persons_[b].key;
    });
    const double total = static_cast<double>(order.size() + new_years_.size() + 1);
    std::vector<Person> batch;
    for (std::size_t start = 0; start < order.size(); start += kWriteBatch) {
      const std::size_t end = std::min(order.size(), start + kWriteBatch);
      batch.clear();
      for (std::size_t k = start; k < end; ++k) batch.push_back(std::move(persons_[order[k]].incoming));
      EL_RETURN_IF_ERROR(T::Insert(txn, batch));
      for (std::size_t k = start; k < end; ++k) id_of_person[order[k]] = batch[k - start].id;
      Progress(static_cast<double>(end) / total);
    }
    EL_RETURN_IF_ERROR(T::Update(txn, changed));
    std::vector<Year> years;
    years.reserve(new_years_.size());
    for (const std::size_t r : new_years_) {
      years.push_back(std::move(rows_[r].year));
      T::PersonId(years.back()) = id_of_person[rows_[r].person];
    }
    std::sort(years.begin(), years.end(), [](const Year& a, const Year& b) {
      return T::PersonIdOf(a) < T::PersonIdOf(b) ||
             (T::PersonIdOf(a) == T::PersonIdOf(b) && a.school_year < b.school_year);
    });
    for (std::size_t start = 0; start < years.size(); start += kWriteBatch) {
      const std::size_t n = std::min(kWriteBatch, years.size() - start);
      EL_RETURN_IF_ERROR(T::InsertYears(txn, std::span<const Year>(years).subspan(start, n)));
      Progress(static_cast<double>(order.size() + start + n) / total);
    }
    EL_RETURN_IF_ERROR(T::UpdateYears(txn, changed_years_));
    return txn.Commit();
  }

 private:
  static constexpr std::size_t kWriteBatch = 65536;

  struct FilePerson {
    std::int64_t first_row = 0;
    std::string key;
    Person incoming;
    Presence presence;
    std::vector<std::size_t> rows;  // into rows_, one per school year
    std::optional<Person> existing;
    bool differs = false;
    bool bad = false;
  };
  struct FileRow {
    std::int64_t row = 0;
    std::size_t person = 0;
    const meta::OrgUnit* school = nullptr;
    Year year;
  };

  void Progress(double fraction) const {
    if (options_.progress) options_.progress("写入", fraction);
  }

  core::Status CompareYears(store::Store& store) {
    std::unordered_map<int, std::vector<std::size_t>> rows_by_year;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const FilePerson& person = persons_[rows_[i].person];
      if (person.existing && !person.bad) rows_by_year[rows_[i].year.school_year].push_back(i);
    }
    std::vector<std::optional<Year>> stored(rows_.size());
    for (const auto& [year, idx] : rows_by_year) {
      std::vector<std::int64_t> ids;
      ids.reserve(idx.size());
      for (const std::size_t i : idx) ids.push_back(persons_[rows_[i].person].existing->id);
      std::vector<std::optional<Year>> got;
      EL_RETURN_IF_ERROR(T::FindYears(store, year, ids, &got));
      for (std::size_t k = 0; k < idx.size(); ++k) stored[idx[k]] = std::move(got[k]);
    }
    year_counts_.entity = T::kYearEntity;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const FileRow& r = rows_[i];
      if (persons_[r.person].bad) continue;
      if (!stored[i]) {
        Count(&year_counts_, false, false);
        new_years_.push_back(i);
        continue;
      }
      if (stored[i]->org_unit_id != r.year.org_unit_id) {
        const meta::OrgUnit* other = tree_.ById(stored[i]->org_unit_id);
        const bool visible = other != nullptr && (!options_.may_write || options_.may_write(*other));
        const Field at = map_.has(Field::kSchoolCode) ? Field::kSchoolCode : Field::kSchoolName;
        report_->errors.Add(RowError{
            r.row, map_.Label(at), r.school->name, "enrolled_elsewhere",
            core::SchoolYearLabel(r.year.school_year) + "已在" +
                (visible ? "“" + other->name + "”" : std::string("其他学校")) +
                std::string(T::Elsewhere())});
        continue;
      }
      Year merged = T::MergeYear(*stored[i], r.year);
      const bool differs = !(merged == *stored[i]);
      Count(&year_counts_, true, differs);
      if (differs) changed_years_.push_back(std::move(merged));
    }
    return core::Status::OK();
  }

  const ColumnMap& map_;
  const meta::OrgTree& tree_;
  const ImportOptions& options_;
  ImportReport* report_;
  // A deque keeps each person where it is, so the maps can key on views of its strings.
  std::deque<FilePerson> persons_;
  std::vector<FileRow> rows_;
  std::unordered_map<std::string_view, std::size_t> person_of_key_;
  std::unordered_map<std::string_view, std::size_t> person_of_no_;
  EntityCounts person_counts_;
  EntityCounts year_counts_;
  std::vector<std::size_t> new_years_;
  std::vector<Year> changed_years_;
};

// Run the compare and write steps shared by every person-year import once the rows are read.
template <class T>
void FinishPersonYearImport(PersonYearImport<T>& import, store::Store& store,
                            std::int64_t version, const ImportOptions& options,
                            const store::AuditContext& audit, ImportReport* report) {
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
