#include "engine/snapshot.h"

#include <algorithm>

#include "engine/snapshot_internal.h"
#include "engine/student_rows_internal.h"
#include "meta/school_type.h"

namespace eduledger::engine {

using core::Result;
using core::Status;

namespace internal {

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
  GroupField("teaching_point").Set(&w, meta::IsTeachingPoint(u.school_type) ? 1 : 0);
  return w;
}

std::uint64_t GroupWord(const Snapshot& s, std::uint64_t school_word, std::uint32_t org,
                        int stored_grade, int stored_sex) {
  static const Field& grade = GroupField("grade");
  static const Field& sex = GroupField("sex");
  static const Field& level = GroupField("level");
  std::uint64_t w = school_word;
  grade.Set(&w, static_cast<std::uint64_t>(stored_grade));
  sex.Set(&w, static_cast<std::uint64_t>(stored_sex));
  const int type = s.orgs().units()[org].school_type;
  if (stored_grade != kNoGrade) {
    level.Set(&w, static_cast<std::uint64_t>(meta::LevelOf(type, stored_grade - 2)));
  } else if (const meta::SchoolTypeInfo* info = meta::FindSchoolType(type)) {
    level.Set(&w, static_cast<std::uint64_t>(info->stage));
  }
  return w;
}

void AppendGroups(const Snapshot& s, const std::vector<std::uint64_t>& school_word,
                  std::span<const PendingRow> rows, Table* table) {
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
    g.org = KeyOrg(key);
    g.year = static_cast<std::uint16_t>(KeyYear(key));
    g.word = GroupWord(s, school_word[g.org], g.org, KeyGrade(key), KeySex(key));
    table->live_rows += g.size();
    table->groups.push_back(g);
  }
}

}  // namespace internal

namespace {

using internal::PendingRow;

// The org indexes ordered deepest first.
std::vector<std::uint32_t> BottomUp(const std::vector<std::int32_t>& parent) {
  std::vector<int> depth(parent.size(), -1);
  auto depth_of = [&](std::size_t i) {
    int d = 0;
    for (std::int32_t p = parent[i]; p >= 0 && d < 64; p = parent[static_cast<std::size_t>(p)]) {
      ++d;
    }
    return d;
  };
  std::vector<std::uint32_t> order(parent.size());
  for (std::size_t i = 0; i < parent.size(); ++i) {
    order[i] = static_cast<std::uint32_t>(i);
    depth[i] = depth_of(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return depth[a] > depth[b]; });
  return order;
}

}  // namespace

class SnapshotBuilder {
 public:
  explicit SnapshotBuilder(Snapshot* s) : s_(s) {}

  Status ReadOrgs(store::Store& store) {
    EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
    s_->orgs_ = meta::OrgTree(std::move(units));
    const auto& all = s_->orgs_.units();
    s_->org_index_.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      s_->org_index_[all[i].id] = static_cast<std::int32_t>(i);
    }
    s_->parent_.resize(all.size());
    s_->school_word_.resize(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      s_->parent_[i] = all[i].parent_id == 0 ? -1 : s_->OrgIndex(all[i].parent_id);
      s_->school_word_[i] = internal::SchoolWord(all[i]);
    }
    s_->bottom_up_ = BottomUp(s_->parent_);
    return Status::OK();
  }

  Status ReadStudents(store::Store& store) {
    EL_ASSIGN_OR_RETURN(s_->years_, store.SchoolYears());
    internal::StudentRows rows(*s_);
    EL_RETURN_IF_ERROR(store.ScanStudents({}, [&](const store::StudentFacts& f) {
      rows.AddStudent(f, static_cast<std::uint32_t>(s_->student_ids_.size()));
      s_->student_ids_.push_back(f.id);
      return Status::OK();
    }));
    EL_RETURN_IF_ERROR(store.ScanEnrolments({}, [&](const store::EnrolmentFacts& f) {
      rows.AddEnrolment(f);
      return Status::OK();
    }));
    EL_RETURN_IF_ERROR(store.ScanStatusEvents({}, [&](const store::EventFacts& f) {
      rows.AddEvent(f);
      return Status::OK();
    }));
    const std::vector<PendingRow> pending = rows.Finish();
    s_->students_.layout = &StudentLayout();
    s_->students_.words.reserve(pending.size());
    s_->students_.records.reserve(pending.size());
    internal::AppendGroups(*s_, s_->school_word_, pending, &s_->students_);
    BuildClasses(rows);
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
      if (!f.birth_date.is_null()) {
        const std::int64_t d = std::int64_t{f.birth_date.days()} - kBirthBase + 1;
        if (d > 0 && static_cast<std::uint64_t>(d) <= birth.max_stored()) {
          birth.Set(&w, static_cast<std::uint64_t>(d));
        }
      }
      post.Set(&w, static_cast<std::uint64_t>(f.post));
      title.Set(&w, static_cast<std::uint64_t>(f.title));
      qualification.Set(&w, static_cast<std::uint64_t>(f.qualification));
      level_taught.Set(&w, f.level_taught ? static_cast<std::uint64_t>(*f.level_taught) + 1 : 0);
      pending.push_back(PendingRow{internal::RowKey(year_idx, static_cast<std::uint32_t>(org),
                                                    kNoGrade, static_cast<int>(f.sex)),
                                   w, static_cast<std::uint32_t>(s_->staff_ids_.size()), 0});
      s_->staff_ids_.push_back(f.staff_id);
      return Status::OK();
    }));
    std::sort(pending.begin(), pending.end(),
              [](const PendingRow& a, const PendingRow& b) { return a.key < b.key; });
    s_->staff_.layout = &StaffLayout();
    internal::AppendGroups(*s_, s_->school_word_, pending, &s_->staff_);
    return Status::OK();
  }

 private:
  // One row per class, grouped by school, year and the grade of its first student.
  void BuildClasses(const internal::StudentRows& rows) {
    static const Field& size = *ClassLayout().Find("size");
    std::vector<PendingRow> pending;
    const auto& classes = rows.classes();
    pending.reserve(classes.size());
    for (std::size_t c = 0; c < classes.size(); ++c) {
      std::uint64_t w = 0;
      size.Set(&w, std::min<std::uint64_t>(rows.class_sizes()[c], size.max_stored()));
      pending.push_back(PendingRow{
          internal::RowKey(classes[c].year_idx, classes[c].org, classes[c].grade + 2, kNoSex), w,
          static_cast<std::uint32_t>(c), 0});
      s_->classes_info_.push_back(
          Snapshot::ClassInfo{s_->years_[static_cast<std::size_t>(classes[c].year_idx)],
                              s_->orgs_.units()[classes[c].org].id, classes[c].name});
    }
    std::sort(pending.begin(), pending.end(),
              [](const PendingRow& a, const PendingRow& b) { return a.key < b.key; });
    s_->classes_.layout = &ClassLayout();
    internal::AppendGroups(*s_, s_->school_word_, pending, &s_->classes_);
  }

  Snapshot* s_;
};

Result<std::unique_ptr<Snapshot>> Snapshot::Build(store::Store& store) {
  std::unique_ptr<Snapshot> s(new Snapshot());
  EL_ASSIGN_OR_RETURN(s->version_, store.Version());
  SnapshotBuilder b(s.get());
  EL_RETURN_IF_ERROR(b.ReadOrgs(store));
  EL_RETURN_IF_ERROR(b.ReadStudents(store));
  EL_RETURN_IF_ERROR(b.ReadStaff(store));
  return s;
}

std::int32_t Snapshot::OrgIndex(std::int64_t id) const {
  const auto it = org_index_.find(id);
  return it == org_index_.end() ? -1 : it->second;
}

int Snapshot::YearIndex(int school_year) const {
  for (std::size_t i = 0; i < years_.size(); ++i) {
    if (years_[i] == school_year) return static_cast<int>(i);
  }
  return -1;
}

std::size_t Snapshot::MemoryBytes() const {
  return students_.MemoryBytes() + staff_.MemoryBytes() + classes_.MemoryBytes() +
         student_ids_.capacity() * sizeof(std::int64_t) +
         staff_ids_.capacity() * sizeof(std::int64_t) +
         classes_info_.capacity() * sizeof(ClassInfo) + parent_.capacity() * sizeof(std::int32_t) +
         school_word_.capacity() * sizeof(std::uint64_t);
}

}  // namespace eduledger::engine
