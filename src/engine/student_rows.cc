#include <algorithm>
#include <array>
#include <optional>

#include "core/statistics_year.h"
#include "engine/student_rows_internal.h"
#include "meta/ethnicity.h"
#include "meta/grade.h"
#include "meta/school_type.h"

namespace eduledger::engine::internal {

namespace {

const Field& RowField(std::string_view name) { return *StudentLayout().Find(name); }

bool InSchoolEvent(meta::EventType t) {
  return t == meta::EventType::kAdmit || t == meta::EventType::kTransferIn ||
         t == meta::EventType::kResume || t == meta::EventType::kReturn;
}

// The status an event leaves a pupil in on a later snapshot day; nullopt for the events that
// do not decide it (a graduation or a transfer out is followed by the next enrolment).
std::optional<StartStatus> StartStatusAfter(meta::EventType t) {
  switch (t) {
    case meta::EventType::kSuspend:
      return StartStatus::kSuspended;
    case meta::EventType::kDropOut:
      return StartStatus::kDroppedOut;
    case meta::EventType::kResume:
    case meta::EventType::kReturn:
    case meta::EventType::kAdmit:
    case meta::EventType::kTransferIn:
      return StartStatus::kInSchool;
    default:
      return std::nullopt;
  }
}

// Days since 1970 of the snapshot day of school year `year` (its 1 September).
std::int32_t SnapshotDay(int year) {
  static const auto kDays = [] {
    std::array<std::int32_t, 300> days{};
    for (std::size_t i = 0; i < days.size(); ++i) {
      days[i] = core::SnapshotDate(1900 + static_cast<int>(i)).days();
    }
    return days;
  }();
  const int i = year - 1900;
  return i >= 0 && i < static_cast<int>(kDays.size()) ? kDays[static_cast<std::size_t>(i)]
                                                      : core::SnapshotDate(year).days();
}

EndStatus StatusAfter(meta::EventType t) {
  switch (t) {
    case meta::EventType::kTransferOut:
      return EndStatus::kTransferredOut;
    case meta::EventType::kSuspend:
      return EndStatus::kSuspended;
    case meta::EventType::kDropOut:
      return EndStatus::kDroppedOut;
    case meta::EventType::kGraduate:
      return EndStatus::kGraduated;
    case meta::EventType::kDeath:
      return EndStatus::kDied;
    default:
      return EndStatus::kInSchool;
  }
}

}  // namespace

void StudentRows::AddStudent(const store::StudentFacts& f) {
  static const Field& birth = RowField("birth");
  static const Field& ethnicity = RowField("ethnicity");
  static const Field& minority = RowField("minority");
  static const Field& disability = RowField("disability");
  static const Field& hukou = RowField("hukou");
  StudentState s;
  birth.Set(&s.bits, StoredBirthDay(f.birth_date));
  s.bits |= std::uint64_t{f.flags & 0x7fu} << 16;  // meta::StudentFlag bits, as field.cc lays out
  ethnicity.Set(&s.bits, static_cast<std::uint64_t>(std::clamp(f.ethnicity, 0, 127)));
  minority.Set(&s.bits, meta::IsMinority(f.ethnicity) ? 1 : 0);
  disability.Set(&s.bits, static_cast<std::uint64_t>(f.disability));
  hukou.Set(&s.bits, static_cast<std::uint64_t>(f.hukou));
  s.sex = static_cast<std::uint8_t>(f.sex);
  record_of_id_[f.id] = static_cast<std::uint32_t>(students_.size());
  students_.push_back(s);
}

void StudentRows::AddEnrolment(const store::EnrolmentFacts& f) {
  const auto it = record_of_id_.find(f.student_id);
  const meta::OrgUnit* school = orgs_.ById(f.org_unit_id);
  if (it == record_of_id_.end() || school == nullptr || f.grade < meta::kMinGrade ||
      f.grade > meta::kMaxGrade) {
    return;
  }
  const auto org = static_cast<std::uint32_t>(school - orgs_.units().data());
  if (!std::binary_search(years_.begin(), years_.end(), f.school_year)) {
    if (fixed_years_) return;
    years_.insert(std::upper_bound(years_.begin(), years_.end(), f.school_year), f.school_year);
  }
  // Intern the class: school, year, grade and name (schools reuse "1班" in every grade).
  key_buffer_.assign(reinterpret_cast<const char*>(&org), sizeof(org));
  key_buffer_.append(reinterpret_cast<const char*>(&f.school_year), sizeof(f.school_year));
  key_buffer_.push_back(static_cast<char>(f.grade));
  key_buffer_.append(f.class_name);
  auto [cls, inserted] = class_of_.try_emplace(key_buffer_, classes_.size());
  if (inserted) {
    classes_.push_back(ClassKey{f.school_year, org, std::string(f.class_name), f.grade});
    class_sizes_.push_back(0);
  }
  ++class_sizes_[cls->second];
  StudentState& s = students_[it->second];
  EnrolmentState e{};
  e.record = it->second;
  e.next = s.first_enrolment;
  e.org = org;
  e.class_id = cls->second;
  e.last_event_rank = INT32_MIN;
  e.start_event_rank = INT32_MIN;
  e.grade = static_cast<std::int8_t>(f.grade);
  e.school_year = static_cast<std::int16_t>(f.school_year);
  s.first_enrolment = static_cast<std::int32_t>(enrolments_.size());
  enrolments_.push_back(e);
}

void StudentRows::AddEvent(const store::EventFacts& f) {
  if (f.date.is_null()) return;
  const auto it = record_of_id_.find(f.student_id);
  if (it == record_of_id_.end()) return;
  const int school_year = core::SchoolYearOf(f.date);
  // The last event decides a status; on the same day, being in school wins.
  const std::int32_t rank = f.date.days() * 2 + (InSchoolEvent(f.type) ? 1 : 0);
  const std::optional<StartStatus> start = StartStatusAfter(f.type);
  bool counted = false;
  for (std::int32_t e = students_[it->second].first_enrolment; e >= 0;
       e = enrolments_[static_cast<std::size_t>(e)].next) {
    EnrolmentState& en = enrolments_[static_cast<std::size_t>(e)];
    if (start && f.date.days() <= SnapshotDay(en.school_year) && rank >= en.start_event_rank) {
      en.start_event_rank = rank;
      en.start_status = static_cast<std::uint8_t>(*start);
    }
    if (en.school_year != school_year || counted) continue;
    counted = true;
    en.events |= static_cast<std::uint16_t>(1u << (static_cast<unsigned>(f.type) - 1));
    if (rank >= en.last_event_rank) {
      en.last_event_rank = rank;
      en.end_status = static_cast<std::uint8_t>(StatusAfter(f.type));
    }
  }
}

std::vector<PendingRow> StudentRows::Finish() const {
  static const Field& events = RowField("events");
  static const Field& end_status = RowField("end_status");
  static const Field& next_level = RowField("next_level");
  static const Field& class_size = RowField("class_size");
  static const Field& start_status = RowField("start_status");
  auto held = [&](int year) { return std::binary_search(years_.begin(), years_.end(), year); };
  std::vector<PendingRow> rows;
  rows.reserve(enrolments_.size());
  for (const EnrolmentState& en : enrolments_) {
    const StudentState& s = students_[en.record];
    std::uint64_t word = s.bits;
    events.Set(&word, en.events);
    end_status.Set(&word, en.end_status);
    start_status.Set(&word, en.start_status);
    class_size.Set(&word, std::min<std::uint32_t>(class_sizes_[en.class_id], 255));
    // Next school year: enrolled (at which level), not enrolled, or beyond the snapshot.
    std::uint64_t next = held(en.school_year + 1) ? kNextNotEnrolled : kNextUnknown;
    for (std::int32_t o = s.first_enrolment; o >= 0 && next == kNextNotEnrolled;
         o = enrolments_[static_cast<std::size_t>(o)].next) {
      const EnrolmentState& other = enrolments_[static_cast<std::size_t>(o)];
      if (other.school_year != en.school_year + 1) continue;
      const int school_type = orgs_.units()[other.org].school_type;
      next = static_cast<std::uint64_t>(meta::LevelOf(school_type, other.grade)) + 1;
    }
    next_level.Set(&word, next);
    const auto year_idx =
        std::lower_bound(years_.begin(), years_.end(), en.school_year) - years_.begin();
    rows.push_back(PendingRow{RowKey(static_cast<int>(year_idx), en.org, en.grade + 2, s.sex), word,
                              en.record});
  }
  return rows;
}

}  // namespace eduledger::engine::internal
