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
const Field& EventField(std::string_view name) { return *EventLayout().Find(name); }

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

// The end status an event leaves; nullopt for one that changes nothing (其他).
std::optional<EndStatus> StatusAfter(meta::EventType t) {
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
    case meta::EventType::kOther:
      return std::nullopt;
    default:
      return EndStatus::kInSchool;
  }
}

// The end status of a year with no status-changing event: the status it began with.
EndStatus EndStatusOf(StartStatus s) {
  switch (s) {
    case StartStatus::kSuspended:
      return EndStatus::kSuspended;
    case StartStatus::kDroppedOut:
      return EndStatus::kDroppedOut;
    default:
      return EndStatus::kInSchool;
  }
}

// The order of two events of a day and of the days: the last one decides a status, and on the
// same day being in school wins.
std::int32_t Rank(core::Date date, meta::EventType t) {
  return date.days() * 2 + (InSchoolEvent(t) ? 1 : 0);
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
  }
  StudentState& s = students_[it->second];
  EnrolmentState e{};
  e.record = it->second;
  e.next = s.first_enrolment;
  e.org = org;
  e.class_id = cls->second;
  e.grade = static_cast<std::int8_t>(f.grade);
  e.school_year = static_cast<std::int16_t>(f.school_year);
  // core::OnSnapshotRoll, on the cached snapshot day.
  e.joined_after_snapshot = !f.joined.is_null() && f.joined.days() >= SnapshotDay(f.school_year);
  s.first_enrolment = static_cast<std::int32_t>(enrolments_.size());
  enrolments_.push_back(e);
}

void StudentRows::AddEvent(const store::EventFacts& f) {
  if (f.date.is_null()) return;
  const auto it = record_of_id_.find(f.student_id);
  if (it == record_of_id_.end()) return;
  StudentState& s = students_[it->second];
  const meta::OrgUnit* school = f.org_unit_id != 0 ? orgs_.ById(f.org_unit_id) : nullptr;
  events_.push_back(EventState{
      s.first_event, school ? static_cast<std::int32_t>(school - orgs_.units().data()) : -1, f.date,
      f.type});
  s.first_event = static_cast<std::int32_t>(events_.size() - 1);
  event_ids_.push_back(f.id);
}

StudentRows::Rows StudentRows::Finish() {
  static const Field& events_field = RowField("events");
  static const Field& end_status = RowField("end_status");
  static const Field& start_status = RowField("start_status");
  static const Field& next_level = RowField("next_level");
  static const Field& previous = RowField("previous");
  static const Field& class_size = RowField("class_size");
  static const Field& event_type = EventField("type");
  constexpr std::uint64_t kPersonOfEvent = (std::uint64_t{1} << 23) - 1;  // birth and flags
  const auto held = [&](int year) {
    return std::binary_search(years_.begin(), years_.end(), year);
  };
  const auto year_index = [&](int year) {
    return static_cast<int>(std::lower_bound(years_.begin(), years_.end(), year) - years_.begin());
  };
  const auto level_of = [&](const EnrolmentState& e) {
    return meta::LevelOf(orgs_.units()[e.org].school_type, e.grade);
  };
  Rows out;
  out.students.reserve(enrolments_.size());
  out.events.reserve(events_.size());
  class_sizes_.assign(classes_.size(), 0);
  std::vector<const EnrolmentState*> stock;  // a student's rows, one per school year at most
  std::vector<std::uint32_t> row_class;      // the class of each row of out.students
  row_class.reserve(enrolments_.size());
  for (const StudentState& s : students_) {
    // The enrolment of each year held on its snapshot day: not one the student joined after
    // it (by a transfer during the year); one per year.
    stock.clear();
    for (std::int32_t i = s.first_enrolment; i >= 0;
         i = enrolments_[static_cast<std::size_t>(i)].next) {
      const EnrolmentState& e = enrolments_[static_cast<std::size_t>(i)];
      if (e.joined_after_snapshot) continue;
      if (std::none_of(stock.begin(), stock.end(),
                       [&](const EnrolmentState* o) { return o->school_year == e.school_year; })) {
        stock.push_back(&e);
      }
    }
    const auto stock_in = [&](int year) -> const EnrolmentState* {
      for (const EnrolmentState* e : stock) {
        if (e->school_year == year) return e;
      }
      return nullptr;
    };
    for (const EnrolmentState* e : stock) {
      std::uint64_t word = s.bits;
      std::uint16_t events = 0;
      std::int32_t end_rank = INT32_MIN, start_rank = INT32_MIN;
      std::optional<EndStatus> end;
      StartStatus start = StartStatus::kInSchool;
      for (std::int32_t v = s.first_event; v >= 0; v = events_[static_cast<std::size_t>(v)].next) {
        const EventState& ev = events_[static_cast<std::size_t>(v)];
        const std::int32_t rank = Rank(ev.date, ev.type);
        if (const auto after = StartStatusAfter(ev.type);
            after && ev.date.days() < SnapshotDay(e->school_year) && rank >= start_rank) {
          start_rank = rank;
          start = *after;
        }
        if (core::SchoolYearOf(ev.date) != e->school_year) continue;
        events |= static_cast<std::uint16_t>(1u << (static_cast<unsigned>(ev.type) - 1));
        if (const auto after = StatusAfter(ev.type); after && rank >= end_rank) {
          end_rank = rank;
          end = *after;
        }
      }
      events_field.Set(&word, events);
      end_status.Set(&word, static_cast<std::uint64_t>(end.value_or(EndStatusOf(start))));
      start_status.Set(&word, static_cast<std::uint64_t>(start));
      ++class_sizes_[e->class_id];
      row_class.push_back(e->class_id);
      // Next school year: enrolled (at which level), not enrolled, or beyond the snapshot.
      std::uint64_t next = held(e->school_year + 1) ? kNextNotEnrolled : kNextUnknown;
      if (const EnrolmentState* n = stock_in(e->school_year + 1)) {
        next = static_cast<std::uint64_t>(level_of(*n)) + 1;
      }
      next_level.Set(&word, next);
      Previous prev = Previous::kNone;
      if (const EnrolmentState* p = stock_in(e->school_year - 1)) {
        prev = level_of(*p) == level_of(*e) ? Previous::kSameLevel : Previous::kOtherLevel;
      }
      previous.Set(&word, static_cast<std::uint64_t>(prev));
      out.students.push_back(PendingRow{
          RowKey(year_index(e->school_year), e->org, e->grade + 2, s.sex), word, e->record});
    }
    // The student's events as rows of their own, at the school where each happened.
    for (std::int32_t v = s.first_event; v >= 0; v = events_[static_cast<std::size_t>(v)].next) {
      const EventState& ev = events_[static_cast<std::size_t>(v)];
      const int school_year = core::SchoolYearOf(ev.date);
      if (!held(school_year)) continue;
      const EnrolmentState* row = stock_in(school_year);
      const EnrolmentState* there = nullptr;  // the enrolment at the event's school that year
      for (std::int32_t i = s.first_enrolment; i >= 0 && ev.org >= 0;
           i = enrolments_[static_cast<std::size_t>(i)].next) {
        const EnrolmentState& e = enrolments_[static_cast<std::size_t>(i)];
        if (e.school_year == school_year && static_cast<int>(e.org) == ev.org) there = &e;
      }
      if (ev.org < 0 && !row) continue;  // nowhere to count it
      const std::uint32_t org = ev.org >= 0 ? static_cast<std::uint32_t>(ev.org) : row->org;
      const EnrolmentState* graded = there ? there : row;
      const int stored_grade = graded ? graded->grade + 2 : kNoGrade;
      std::uint64_t word = s.bits & kPersonOfEvent;
      event_type.Set(&word, static_cast<std::uint64_t>(ev.type));
      out.events.push_back(PendingRow{RowKey(year_index(school_year), org, stored_grade, s.sex),
                                      word, static_cast<std::uint32_t>(v)});
    }
  }
  // Each row's class size on the snapshot day, clipped to what the field holds.
  for (std::size_t r = 0; r < out.students.size(); ++r) {
    class_size.Set(&out.students[r].word,
                   std::min<std::uint64_t>(class_sizes_[row_class[r]], class_size.max_stored()));
  }
  return out;
}

}  // namespace eduledger::engine::internal
