// The students of a demo county, simulated child by child. Each birth cohort is born into a
// township; each child enters kindergarten at 3, 4 or 5 (or not at all), grade 1 at 6 (some at
// 7), and moves on through primary, junior and senior school year by year. On the way a child
// may transfer to another school in the county, move away (转出), drop out (辍学) and perhaps
// come back the next year (返校), repeat a grade, or die. Each year's enrolment is the snapshot
// at 1 September; the events between are dated within their school year, up to the as-of day.
//
// Annual rates (per enrolled student): dropout 0.2% primary, 0.6% junior, 1.2% senior, 3%
// vocational, of whom 40% return the next year; moving away 0.8-1.2%; transfer within the county
// 1.5%; suspension (休学, resumed the next year in the same grade) 0.1%; repetition 0.2%; death
// 0.004%; leaving with nothing recorded (a gap the roster check finds) 0.08%. After junior
// school 62% go to general senior school, 32% to vocational school, 6% leave.
#include <algorithm>
#include <array>
#include <cstdio>

#include "core/statistics_year.h"
#include "demo/demo_internal.h"
#include "meta/school_type.h"

namespace eduledger::demo::internal {

namespace {

constexpr double kChildrenPerCohort = 2400;

// Births relative to a pre-2013 cohort: the two-child policy's rise, then the fall.
double CohortFactor(int birth_year) {
  switch (birth_year) {
    case 2013:
      return 1.03;
    case 2014:
      return 1.06;
    case 2015:
      return 1.04;
    case 2016:
      return 1.12;
    case 2017:
      return 1.08;
    case 2018:
      return 0.97;
    case 2019:
      return 0.88;
    case 2020:
      return 0.79;
    case 2021:
      return 0.73;
    case 2022:
      return 0.68;
    case 2023:
      return 0.64;
    default:
      return birth_year > 2023 ? 0.62 : 1.0;
  }
}

enum class Track : std::uint8_t { kUndecided, kSenior, kVocational, kNone };

struct Child {
  core::Date birth;
  core::Sex sex = core::Sex::kMale;
  int township = 0;
  bool teaching_point_village = false;
  bool severe_disability = false;
  int entry_age = 6;
  int kg_start_age = 3;  // 99: never goes to kindergarten
  int move_in_year = 0;  // for children who move into the county seat; 0 for locals
};

bool Terminal(int grade) { return grade == 0 || grade == 6 || grade == 9 || grade == 12; }

Stage StageOf(int grade) {
  if (grade <= 0) return Stage::kKindergarten;
  if (grade <= 6) return Stage::kPrimary;
  if (grade <= 9) return Stage::kJunior;
  return Stage::kSenior;
}

class Simulator {
 public:
  Simulator(const CountyLayout& layout, const DemoYears& years, Rng& rng, IdNumberSource& ids)
      : L_(layout), Y_(years), rng_(rng), ids_(ids) {}

  StudentWorld Run() {
    for (int b = Y_.first - 19; b <= Y_.last - 3; ++b) {
      const int n =
          static_cast<int>(kChildrenPerCohort * CohortFactor(b) * (0.98 + 0.04 * rng_.Unit()));
      for (int i = 0; i < n; ++i) Live(MakeChild(b, false));
      // Children of migrant workers who move into the county seat (随迁子女).
      for (int i = 0; i < n * 7 / 100; ++i) Live(MakeChild(b, true));
    }
    AddAdultLearners();
    AssignClasses();
    return std::move(world_);
  }

 private:
  Child MakeChild(int birth_year, bool migrant) {
    Child c;
    c.birth = core::Date::FromYmd(birth_year, 1, 1)->AddDays(static_cast<int>(rng_.Below(365)));
    c.sex = rng_.Chance(0.52) ? core::Sex::kMale : core::Sex::kFemale;
    if (migrant) {
      c.township = 0;
      c.move_in_year = birth_year + 3 + static_cast<int>(rng_.Below(12));
    } else {
      std::array<double, 10> w{};
      for (std::size_t t = 0; t < L_.townships.size(); ++t) w[t] = L_.townships[t].population;
      c.township = static_cast<int>(rng_.Weighted(w));
    }
    const Township& ts = L_.townships[static_cast<std::size_t>(c.township)];
    c.teaching_point_village = !ts.urban && !ts.teaching_points.empty() && rng_.Chance(0.06);
    c.severe_disability = rng_.Chance(0.006);
    c.entry_age = rng_.Chance(0.04) ? 7 : 6;
    const double kg = rng_.Unit();
    c.kg_start_age = kg < 0.78 ? 3 : kg < 0.88 ? 4 : kg < 0.93 ? 5 : 99;
    return c;
  }

  // A random day of school year `year` from `from` days after 1 September, before the as-of day;
  // the null date when none is left.
  core::Date DayIn(int year, int from, int span) {
    const core::Date d = core::SnapshotDate(year).AddDays(
        from + static_cast<int>(rng_.Below(static_cast<std::uint32_t>(span))));
    return d > Y_.as_of ? core::Date() : d;
  }

  void Event(std::uint32_t person, meta::EventType type, core::Date date, int school,
             int other = -1) {
    if (date.is_null() || date < core::SnapshotDate(Y_.first)) return;
    pending_events_.push_back(DemoEvent{person, type, date, static_cast<std::int16_t>(school),
                                        static_cast<std::int16_t>(other)});
  }

  int Pick(const std::vector<int>& schools) {
    return schools[rng_.Below(static_cast<std::uint32_t>(schools.size()))];
  }

  int ChooseKindergarten(const Child& c) {
    const Township& ts = L_.townships[static_cast<std::size_t>(c.township)];
    if (c.teaching_point_village && rng_.Chance(0.6)) return Pick(ts.teaching_points);
    return rng_.Chance(ts.urban ? 0.35 : 0.55) ? Pick(ts.kg_public) : Pick(ts.kg_private);
  }

  int ChoosePrimary(const Child& c, int grade) {
    if (c.severe_disability) return L_.special;
    const Township& ts = L_.townships[static_cast<std::size_t>(c.township)];
    if (ts.urban) {
      static constexpr std::array<double, 5> kShares = {0.29, 0.25, 0.22, 0.16, 0.08};
      const std::size_t i = rng_.Weighted(kShares);
      return i < 4 ? L_.urban_primary[i] : L_.private_primary[0];
    }
    if (c.teaching_point_village && grade <= 3) return Pick(ts.teaching_points);
    const double u = rng_.Unit();
    if (!ts.nine_year.empty() && u < 0.2) return Pick(ts.nine_year);
    return u < 0.6 ? ts.central_primary[0] : Pick(ts.village_primary);
  }

  int ChooseJunior(const Child& c) {
    if (c.severe_disability) return L_.special;
    const Township& ts = L_.townships[static_cast<std::size_t>(c.township)];
    if (ts.urban || rng_.Chance(0.18)) return Pick(L_.urban_junior);
    return Pick(ts.junior);
  }

  // Another school of the same stage that takes `grade`, for a transfer within the county.
  int TransferTarget(const Child& c, int from, int grade) {
    const Stage st = StageOf(grade);
    for (int tries = 0; tries < 8; ++tries) {
      Child elsewhere = c;
      elsewhere.township =
          static_cast<int>(rng_.Below(static_cast<std::uint32_t>(L_.townships.size())));
      elsewhere.teaching_point_village = false;
      const int to = st == Stage::kKindergarten ? ChooseKindergarten(elsewhere)
                     : st == Stage::kPrimary    ? ChoosePrimary(elsewhere, grade)
                     : st == Stage::kJunior     ? ChooseJunior(elsewhere)
                                                : -1;
      if (to >= 0 && to != from &&
          meta::AdmitsGrade(L_.schools[static_cast<std::size_t>(to)].type, grade)) {
        return to;
      }
    }
    return -1;
  }

  void Live(const Child& c) {
    const auto person = static_cast<std::uint32_t>(world_.people.size());
    pending_enrolments_.clear();
    pending_events_.clear();
    int offset = 0;
    int school = -1;
    int school_since = 0;
    bool dropped = false;
    int return_year = 0;
    Track track = Track::kUndecided;
    const int kg_first = c.kg_start_age >= 99 ? 1 : std::max(c.kg_start_age - c.entry_age + 1, -2);
    const int start = c.birth.year() + 2;
    for (int y = start; y <= Y_.last; ++y) {
      const int age = c.birth.AgeOn(core::SnapshotDate(y));
      const int grade = age - c.entry_age + 1 - offset;
      if (grade < kg_first || (c.move_in_year != 0 && y < c.move_in_year)) continue;
      if (grade > 12) break;
      if (dropped) {
        if (y != return_year) break;
        dropped = false;
        Event(person, meta::EventType::kReturn, DayIn(y, 1, 10), school);
      }
      const Stage stage = StageOf(grade);
      // Placement: a new school when entering a stage, when the school stops at this grade,
      // or when a teaching-point pupil reaches grade 4.
      const bool needs_school =
          school < 0 ||
          !meta::AdmitsGrade(L_.schools[static_cast<std::size_t>(school)].type, grade) ||
          (stage == Stage::kPrimary &&
           meta::IsTeachingPoint(L_.schools[static_cast<std::size_t>(school)].type) && grade >= 4);
      if (needs_school) {
        const int previous = school;
        const bool arriving = c.move_in_year != 0 && y == c.move_in_year;
        switch (stage) {
          case Stage::kKindergarten:
            school = ChooseKindergarten(c);
            break;
          case Stage::kPrimary:
            school = ChoosePrimary(c, grade);
            break;
          case Stage::kJunior:
            school = ChooseJunior(c);
            break;
          default:
            if (c.severe_disability) {
              school = -1;
            } else {
              if (track == Track::kUndecided) {
                const double u = rng_.Unit();
                track = u < 0.62 ? Track::kSenior : u < 0.94 ? Track::kVocational : Track::kNone;
              }
              school = track == Track::kSenior       ? L_.senior
                       : track == Track::kVocational ? L_.vocational
                                                     : -1;
            }
        }
        if (school < 0) break;
        school_since = y;
        const bool stage_start = grade == kg_first || grade == 1 || grade == 7 || grade == 10;
        if (arriving && !stage_start) {
          Event(person, meta::EventType::kTransferIn, DayIn(y, 0, 20), school);
        } else if (previous >= 0 && !stage_start) {
          // A teaching-point pupil moving up to the central school: one move, one day.
          const core::Date day = DayIn(y, 0, 3);
          Event(person, meta::EventType::kTransferOut, day, previous, school);
          Event(person, meta::EventType::kTransferIn, day, school, previous);
        } else {
          Event(person, meta::EventType::kAdmit, DayIn(y, 0, 5), school);
        }
      }
      if (y >= Y_.first) {
        pending_enrolments_.push_back(
            DemoEnrolment{person, static_cast<std::int16_t>(y), static_cast<std::int16_t>(school),
                          static_cast<std::int8_t>(grade), 0, school_since * 100 + 9});
      }
      // What happens during school year y.
      const bool urban = L_.townships[static_cast<std::size_t>(c.township)].urban;
      if (rng_.Chance(0.00004)) {
        Event(person, meta::EventType::kDeath, DayIn(y, 10, 350), school);
        break;
      }
      if (rng_.Chance(urban ? 0.008 : 0.012)) {
        Event(person, meta::EventType::kTransferOut, DayIn(y, 10, 340), school);
        break;
      }
      if (stage == Stage::kKindergarten) {
        if (rng_.Chance(0.01)) break;  // leaves kindergarten: not a dropout
      } else {
        // Gone with nothing recorded (the school never filed the 转出 or 辍学): a gap in the
        // register that the roster check (流失名单) has to find.
        if (rng_.Chance(0.0008)) break;
        const bool vocational = school == L_.vocational;
        const double dropout = vocational                 ? 0.03
                               : stage == Stage::kPrimary ? 0.002
                               : stage == Stage::kJunior  ? 0.006
                                                          : 0.012;
        if (!c.severe_disability && rng_.Chance(dropout)) {
          Event(person, meta::EventType::kDropOut, DayIn(y, 20, 300), school);
          if (!rng_.Chance(0.4)) break;
          dropped = true;
          return_year = y + 1;
          offset += 1;  // back in the same grade
          continue;
        }
      }
      if (stage != Stage::kKindergarten && rng_.Chance(0.001)) {
        // 休学: back in the same grade and school the next year.
        Event(person, meta::EventType::kSuspend, DayIn(y, 60, 200), school);
        Event(person, meta::EventType::kResume, DayIn(y + 1, 0, 5), school);
        offset += 1;
        continue;
      }
      if (!Terminal(grade) && rng_.Chance(0.015)) {
        const int to = TransferTarget(c, school, grade + 1);
        if (to >= 0) {
          const core::Date day = DayIn(y, 60, 280);
          Event(person, meta::EventType::kTransferOut, day, school, to);
          Event(person, meta::EventType::kTransferIn, day, to, school);
          school = to;
          school_since = y + 1;
        }
      }
      if (Terminal(grade)) {
        const core::Date day =
            core::Date::FromYmd(y + 1, 6, 28)->AddDays(static_cast<int>(rng_.Below(7)));
        Event(person, meta::EventType::kGraduate, day > Y_.as_of ? core::Date() : day, school);
        if (grade == 12 || (grade == 9 && c.severe_disability)) break;
        if (grade == 9) {
          const double u = rng_.Unit();
          track = u < 0.62 ? Track::kSenior : u < 0.94 ? Track::kVocational : Track::kNone;
          if (track == Track::kNone) break;
        }
      } else if (stage != Stage::kKindergarten && rng_.Chance(0.002)) {
        offset += 1;  // repeats the grade
      }
    }
    if (pending_enrolments_.empty()) return;  // never on the register in these years
    world_.people.push_back(MakeStudent(c, pending_enrolments_.front()));
    world_.enrolments.insert(world_.enrolments.end(), pending_enrolments_.begin(),
                             pending_enrolments_.end());
    world_.events.insert(world_.events.end(), pending_events_.begin(), pending_events_.end());
  }

  meta::Student MakeStudent(const Child& c, const DemoEnrolment& first) {
    meta::Student s;
    const bool migrant = c.move_in_year != 0;
    const bool urban = L_.townships[static_cast<std::size_t>(c.township)].urban;
    s.sex = c.sex;
    s.birth_date = c.birth;
    s.name = PersonName(rng_, c.sex);
    const std::string address =
        migrant || rng_.Chance(0.03) ? std::string(OtherAddressCode(rng_)) : L_.address_code;
    if (rng_.Chance(0.002)) {
      // No usable ID document: a J number, built like an ID number, is the 学籍号.
      s.id_type = meta::IdType::kOther;
      s.student_no = "J" + ids_.Next(address, c.birth, c.sex);
    } else {
      s.id_number = ids_.Next(address, c.birth, c.sex);
      if (first.grade == 1 && first.year == Y_.last && rng_.Chance(0.1)) {
        // A first-grader whose number is not yet checked nationally: a temporary L number.
        char buf[24];
        std::snprintf(buf, sizeof buf, "L%s%04d%02d%02d%04d", L_.address_code.c_str(),
                      c.birth.year(), c.birth.month(), c.birth.day(),
                      static_cast<int>(++temporary_numbers_ % 10000));
        s.student_no = buf;
      } else {
        s.student_no = "G" + s.id_number;
      }
    }
    const double e = rng_.Unit();
    s.ethnicity = e < 0.86 ? 1 : e < 0.95 ? 15 : e < 0.985 ? 6 : e < 0.995 ? 12 : 13;
    const bool agricultural = migrant ? rng_.Chance(0.85)
                              : urban ? rng_.Chance(0.5)
                                      : rng_.Chance(0.92);
    s.hukou = agricultural ? meta::Hukou::kAgricultural : meta::Hukou::kNonAgricultural;
    if (migrant) s.flags |= meta::kMigrantChild;
    if (agricultural && !migrant && rng_.Chance(urban ? 0.08 : 0.28)) s.flags |= meta::kLeftBehind;
    if (rng_.Chance(urban ? 0.04 : 0.11)) s.flags |= meta::kRegisteredPoor;
    if (rng_.Chance(urban ? 0.02 : 0.035)) s.flags |= meta::kDibao;
    if (rng_.Chance(0.003)) s.flags |= meta::kExtremePoverty;
    if (rng_.Chance(0.0025)) s.flags |= meta::kOrphan;
    if (c.severe_disability || rng_.Chance(0.006)) {
      s.flags |= meta::kDisabled;
      static constexpr std::array<double, 7> kTypes = {0.1, 0.15, 0.05, 0.15, 0.45, 0.03, 0.07};
      s.disability = static_cast<meta::Disability>(rng_.Weighted(kTypes) + 1);
    }
    return s;
  }

  // Adults on the register of the county's adult schools, new ones each year.
  void AddAdultLearners() {
    for (int y = Y_.first; y <= Y_.last; ++y) {
      for (const auto& [school, count, grade] :
           {std::tuple{L_.adult_senior, 40, 10}, std::tuple{L_.adult_junior, 25, 7}}) {
        for (int i = 0; i < count; ++i) {
          Child c;
          c.birth = core::Date::FromYmd(1975 + static_cast<int>(rng_.Below(30)), 1, 1)
                        ->AddDays(static_cast<int>(rng_.Below(365)));
          c.sex = rng_.Chance(0.45) ? core::Sex::kMale : core::Sex::kFemale;
          const auto person = static_cast<std::uint32_t>(world_.people.size());
          const DemoEnrolment e{person,
                                static_cast<std::int16_t>(y),
                                static_cast<std::int16_t>(school),
                                static_cast<std::int8_t>(grade + static_cast<int>(rng_.Below(3))),
                                0,
                                y * 100 + 9};
          world_.people.push_back(MakeStudent(c, e));
          world_.enrolments.push_back(e);
        }
      }
    }
  }

  // Split each school's grade into classes of about the school's class size.
  void AssignClasses() {
    auto& es = world_.enrolments;
    std::vector<std::uint64_t> keys(es.size());
    for (std::size_t i = 0; i < es.size(); ++i) {
      keys[i] = (static_cast<std::uint64_t>(es[i].school) << 48) |
                (static_cast<std::uint64_t>(es[i].year - 1900) << 36) |
                (static_cast<std::uint64_t>(es[i].grade + 8) << 28) | (rng_.Next() & 0xFFFFFFF);
    }
    std::vector<std::size_t> order(es.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    for (std::size_t begin = 0; begin < order.size();) {
      std::size_t end = begin;
      const std::uint64_t group = keys[order[begin]] >> 28;
      while (end < order.size() && (keys[order[end]] >> 28) == group) ++end;
      const std::size_t n = end - begin;
      const DemoSchool& school = L_.schools[static_cast<std::size_t>(es[order[begin]].school)];
      const int size = es[order[begin]].year == Y_.last && school.expanded_class_size > 0
                           ? school.expanded_class_size
                           : school.class_size;
      // A crowded school (aiming above 55) has too few rooms: each class has at least its size.
      const auto per = static_cast<std::size_t>(size);
      const std::size_t classes =
          size > 55 ? std::max<std::size_t>(1, n / per) : (n + per - 1) / per;
      for (std::size_t k = 0; k < n; ++k) {
        es[order[begin + k]].class_no = static_cast<std::uint16_t>(k % classes + 1);
      }
      begin = end;
    }
  }

  const CountyLayout& L_;
  const DemoYears& Y_;
  Rng& rng_;
  IdNumberSource& ids_;
  StudentWorld world_;
  std::vector<DemoEnrolment> pending_enrolments_;
  std::vector<DemoEvent> pending_events_;
  int temporary_numbers_ = 0;
};

}  // namespace

StudentWorld SimulateStudents(const CountyLayout& layout, const DemoYears& years, Rng& rng,
                              IdNumberSource& ids) {
  return Simulator(layout, years, rng, ids).Run();
}

}  // namespace eduledger::demo::internal
