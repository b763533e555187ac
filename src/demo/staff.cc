// The staff of a demo county. Each school needs full-time teachers for its students by level
// (students per teacher: kindergarten 18, primary 19, junior 14, senior 13, vocational 18,
// special education 4; at least one per teaching point) and about 8% others (行政, 教辅,
// 工勤). Rosters carry over from year to year: people retire (women at 55, men at 60), a few
// leave, surplus teachers move to schools short of them, and the rest of the gap is hired.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/statistics_year.h"
#include "demo/demo_internal.h"
#include "meta/school_type.h"

namespace eduledger::demo::internal {

namespace {

using meta::EducationLevel;

double PupilsPerTeacher(EducationLevel level) {
  switch (level) {
    case EducationLevel::kPreschool:
      return 18;
    case EducationLevel::kPrimary:
      return 19;
    case EducationLevel::kJunior:
      return 14;
    case EducationLevel::kSenior:
      return 13;
    case EducationLevel::kVocational:
      return 18;
    case EducationLevel::kSpecial:
      return 4;
    case EducationLevel::kAdult:
      return 40;
  }
  return 19;
}

constexpr std::array<std::string_view, 8> kPrimarySubjects = {"语文", "数学", "英语", "科学",
                                                              "体育", "音乐", "美术", "道德与法治"};
constexpr std::array<double, 8> kPrimaryWeights = {0.34, 0.3, 0.1, 0.05, 0.06, 0.05, 0.05, 0.05};
constexpr std::array<std::string_view, 12> kSecondarySubjects = {
    "语文", "数学", "英语",       "物理", "化学",     "生物",
    "历史", "地理", "道德与法治", "体育", "信息技术", "音乐"};
constexpr std::array<double, 12> kSecondaryWeights = {0.16, 0.16, 0.15, 0.09, 0.07, 0.07,
                                                      0.06, 0.06, 0.07, 0.05, 0.03, 0.03};
constexpr std::array<std::string_view, 8> kVocationalSubjects = {
    "语文", "数学", "英语", "计算机应用", "机电技术应用", "电子商务", "护理", "汽车运用与维修"};

struct Member {
  std::uint32_t person;
  meta::StaffAssignment fields;
};

class StaffSimulator {
 public:
  StaffSimulator(const CountyLayout& layout, const StudentWorld& students, const DemoYears& years,
                 Rng& rng, IdNumberSource& ids)
      : L_(layout), S_(students), Y_(years), rng_(rng), ids_(ids) {}

  StaffWorld Run() {
    std::vector<std::vector<Member>> rosters(L_.schools.size());
    for (int y = Y_.first; y <= Y_.last; ++y) {
      const auto need = Needs(y);
      std::vector<Member> pool;  // teachers free to move to another school
      for (std::size_t s = 0; s < L_.schools.size(); ++s) {
        auto& roster = rosters[s];
        // Retirements and departures.
        std::erase_if(roster, [&](const Member& m) {
          const meta::Staff& p = world_.people[m.person];
          const int retire = p.sex == core::Sex::kFemale ? 55 : 60;
          return p.birth_date.AgeOn(core::SnapshotDate(y)) >= retire ||
                 (y > Y_.first && rng_.Chance(0.015));
        });
        // Surplus teachers of each level go to the pool.
        for (const auto& [level, wanted] : need[s]) {
          std::vector<std::size_t> of_level;
          for (std::size_t i = 0; i < roster.size(); ++i) {
            if (roster[i].fields.post == meta::Post::kFullTimeTeacher &&
                roster[i].fields.level_taught == level) {
              of_level.push_back(i);
            }
          }
          for (std::size_t k = static_cast<std::size_t>(wanted); k < of_level.size(); ++k) {
            pool.push_back(roster[of_level[k]]);
            roster[of_level[k]].person = UINT32_MAX;
          }
        }
        std::erase_if(roster, [](const Member& m) { return m.person == UINT32_MAX; });
      }
      for (std::size_t s = 0; s < L_.schools.size(); ++s)
        Fill(rosters[s], need[s], static_cast<int>(s), &pool, y);
      for (std::size_t s = 0; s < L_.schools.size(); ++s) {
        for (const Member& m : rosters[s]) {
          StaffWorld::Assignment a{m.person, static_cast<std::int16_t>(y),
                                   static_cast<std::int16_t>(s), m.fields};
          a.fields.title = Title(world_.people[m.person], y, m.fields);
          world_.assignments.push_back(a);
        }
      }
    }
    return std::move(world_);
  }

 private:
  // Teachers each school needs in year y, by level.
  std::vector<std::map<EducationLevel, int>> Needs(int y) const {
    std::vector<std::map<EducationLevel, int>> students(L_.schools.size());
    for (const DemoEnrolment& e : S_.enrolments) {
      if (e.year != y) continue;
      const int type = L_.schools[static_cast<std::size_t>(e.school)].type;
      ++students[static_cast<std::size_t>(e.school)][meta::LevelOf(type, e.grade)];
    }
    std::vector<std::map<EducationLevel, int>> need(L_.schools.size());
    for (std::size_t s = 0; s < L_.schools.size(); ++s) {
      for (const auto& [level, n] : students[s]) {
        need[s][level] = std::max(1, static_cast<int>(std::lround(n / PupilsPerTeacher(level))));
      }
    }
    return need;
  }

  void Fill(std::vector<Member>& roster, const std::map<EducationLevel, int>& need, int school,
            std::vector<Member>* pool, int y) {
    int teachers = 0;
    for (const auto& [level, wanted] : need) {
      int have = 0;
      for (const Member& m : roster) {
        have += m.fields.post == meta::Post::kFullTimeTeacher && m.fields.level_taught == level;
      }
      for (; have < wanted; ++have) {
        // A teacher of the same level from the pool, else a new hire.
        auto it = std::find_if(pool->begin(), pool->end(),
                               [&](const Member& m) { return m.fields.level_taught == level; });
        if (it != pool->end() && rng_.Chance(0.7)) {
          roster.push_back(*it);
          pool->erase(it);
        } else {
          roster.push_back(Hire(level, school, y, meta::Post::kFullTimeTeacher));
        }
      }
      teachers += wanted;
    }
    // Others: about one for every twelve teachers, at least one in a school of 8 teachers.
    const int others_wanted = teachers >= 8 ? std::max(1, teachers / 12) : 0;
    int others = 0;
    for (const Member& m : roster) others += m.fields.post != meta::Post::kFullTimeTeacher;
    for (; others < others_wanted; ++others) {
      static constexpr std::array<double, 3> kPosts = {0.5, 0.3, 0.2};
      const auto post = static_cast<meta::Post>(rng_.Weighted(kPosts) + 2);
      roster.push_back(Hire(std::nullopt, school, y, post));
    }
  }

  Member Hire(std::optional<EducationLevel> level, int school, int y, meta::Post post) {
    meta::Staff p;
    const bool kg = level == EducationLevel::kPreschool;
    const double female = kg ? 0.96 : level == EducationLevel::kPrimary ? 0.72 : 0.52;
    p.sex = rng_.Chance(female) ? core::Sex::kFemale : core::Sex::kMale;
    // The first year's staff span a career; later ones are new graduates.
    const int age = y == Y_.first
                        ? 23 + static_cast<int>(rng_.Below(p.sex == core::Sex::kFemale ? 31 : 36))
                        : 22 + static_cast<int>(rng_.Below(7));
    p.birth_date =
        core::Date::FromYmd(y - age - 1, 9, 2)->AddDays(static_cast<int>(rng_.Below(364)));
    p.name = PersonName(rng_, p.sex);
    p.id_number =
        ids_.Next(rng_.Chance(0.85) ? std::string_view(L_.address_code) : OtherAddressCode(rng_),
                  p.birth_date, p.sex);
    p.ethnicity = rng_.Chance(0.88) ? 1 : rng_.Chance(0.7) ? 15 : 6;
    const auto person = static_cast<std::uint32_t>(world_.people.size());
    world_.people.push_back(std::move(p));

    meta::StaffAssignment a;
    a.post = post;
    a.level_taught = post == meta::Post::kFullTimeTeacher ? level : std::nullopt;
    const double q = rng_.Unit();
    using Q = meta::Qualification;
    if (kg) {
      a.qualification = q < 0.3 ? Q::kBachelor : q < 0.9 ? Q::kAssociate : Q::kSecondary;
    } else if (level == EducationLevel::kPrimary || !level) {
      a.qualification = q < 0.02   ? Q::kMaster
                        : q < 0.67 ? Q::kBachelor
                        : q < 0.98 ? Q::kAssociate
                                   : Q::kSecondary;
    } else if (level == EducationLevel::kSenior) {
      a.qualification = q < 0.15 ? Q::kMaster : Q::kBachelor;
    } else {
      a.qualification = q < 0.06 ? Q::kMaster : q < 0.93 ? Q::kBachelor : Q::kAssociate;
    }
    if (post == meta::Post::kFullTimeTeacher) {
      const int type = L_.schools[static_cast<std::size_t>(school)].type;
      if (kg) {
        a.subject = "学前教育";
      } else if (meta::IsSpecialEducation(type)) {
        a.subject = "特殊教育";
      } else if (level == EducationLevel::kPrimary) {
        a.subject = std::string(kPrimarySubjects[rng_.Weighted(kPrimaryWeights)]);
      } else if (level == EducationLevel::kVocational) {
        a.subject = std::string(rng_.Pick<std::string_view>(kVocationalSubjects));
      } else {
        a.subject = std::string(kSecondarySubjects[rng_.Weighted(kSecondaryWeights)]);
      }
    }
    return Member{person, a};
  }

  // The title a career has reached by year y.
  meta::Title Title(const meta::Staff& p, int y, const meta::StaffAssignment& a) {
    if (a.post != meta::Post::kFullTimeTeacher) return meta::Title::kNone;
    const int age = p.birth_date.AgeOn(core::SnapshotDate(y));
    // Deterministic per person, so a title only ever rises.
    const std::uint64_t h =
        Rng::Derive(0xC0FFEE, static_cast<std::uint64_t>(p.birth_date.days()) * 31 + p.name.size());
    const int luck = static_cast<int>(h % 7);
    if (age < 24) return meta::Title::kNone;
    if (age < 27 + luck / 3) return meta::Title::kSecond;
    if (age < 36 + luck) return meta::Title::kFirst;
    if (age >= 50 && luck == 0 && a.level_taught == EducationLevel::kSenior)
      return meta::Title::kSeniorPlus;
    return age < 42 + luck ? meta::Title::kFirst : meta::Title::kSenior;
  }

  const CountyLayout& L_;
  const StudentWorld& S_;
  const DemoYears& Y_;
  Rng& rng_;
  IdNumberSource& ids_;
  StaffWorld world_;
};

}  // namespace

StaffWorld SimulateStaff(const CountyLayout& layout, const StudentWorld& students,
                         const DemoYears& years, Rng& rng, IdNumberSource& ids) {
  return StaffSimulator(layout, students, years, rng, ids).Run();
}

}  // namespace eduledger::demo::internal
