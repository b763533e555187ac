// The demo generator's pieces (ingest only): the layout of a county's org units and schools,
// the simulated lives of its students, its staff, and the fictitious names they all carry.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "demo/random_internal.h"
#include "meta/org_unit.h"
#include "meta/staff.h"
#include "meta/status_event.h"
#include "meta/student.h"

namespace eduledger::demo::internal {

// --- names -----------------------------------------------------------------------------------

std::string PersonName(Rng& rng, core::Sex sex);
// The name of county k: 示例县 for k = 0, then made-up two-character names.
std::string CountyName(int k);
// The made-up names of villages (村) and of private kindergartens.
std::string_view VillageName(int i);
std::string_view KindergartenBrand(int i);
std::string_view TownshipName(int i);  // i = 0 is 城关镇

// --- identity numbers ------------------------------------------------------------------------

// Hands out unique GB 11643 numbers: the sequence number is counted per address code and
// birth date, odd for men and even for women.
class IdNumberSource {
 public:
  std::string Next(std::string_view address_code, core::Date birth, core::Sex sex);

 private:
  std::unordered_map<std::uint64_t, int> used_;
};

// Address codes of other counties, for people born elsewhere (随迁子女, staff from outside).
std::string_view OtherAddressCode(Rng& rng);

// --- the county's layout ---------------------------------------------------------------------

enum class Stage : std::uint8_t { kKindergarten, kPrimary, kJunior, kSenior, kVocational };

struct DemoSchool {
  std::size_t unit = 0;  // index into CountyLayout::units
  int type = 0;          // 学校办学类型代码
  int township = -1;     // index into CountyLayout::townships; -1 for county-level schools
  bool is_private = false;
  int central = -1;     // for a teaching point: the school (index) that runs it
  int class_size = 45;  // the class size the school aims at
  // The class size of the latest school year, when a new building let the school split its
  // classes (化解大班额); 0: unchanged.
  int expanded_class_size = 0;
};

struct Township {
  std::size_t unit = 0;
  bool urban = false;     // 城关镇, the county seat
  double population = 1;  // relative share of the county's children
  std::vector<int> kg_public, kg_private, central_primary, village_primary, teaching_points, junior,
      nine_year;
};

struct CountyLayout {
  int index = 0;                     // k: which county of the province
  std::string address_code;          // 6 digits, the county's GB/T 2260-style code
  std::vector<meta::OrgUnit> units;  // [0] county, then townships, then schools
  std::vector<int> parent;           // index into units, -1 for the county
  std::vector<DemoSchool> schools;
  std::vector<Township> townships;
  int senior = -1, vocational = -1, special = -1, adult_senior = -1, adult_junior = -1;
  std::vector<int> urban_junior, urban_primary, private_primary;
};

// Lay out county k (its org units get their parent and central-school links by index).
CountyLayout LayOutCounty(int k, int city_code, Rng& rng);

// --- students --------------------------------------------------------------------------------

struct DemoEnrolment {
  std::uint32_t person;
  std::int16_t year;
  std::int16_t school;  // index into CountyLayout::schools
  std::int8_t grade;
  std::uint16_t class_no = 0;
  int admission_ym = 0;
};

struct DemoEvent {
  std::uint32_t person;
  meta::EventType type;
  core::Date date;
  std::int16_t school;
  std::int16_t other = -1;  // the other school of a transfer; -1 outside the county
};

struct StudentWorld {
  std::vector<meta::Student> people;
  std::vector<DemoEnrolment> enrolments;
  std::vector<DemoEvent> events;
};

struct DemoYears {
  int first = 2022;
  int last = 2026;
  core::Date as_of;  // no event after this day
};

StudentWorld SimulateStudents(const CountyLayout& layout, const DemoYears& years, Rng& rng,
                              IdNumberSource& ids);

// --- staff -----------------------------------------------------------------------------------

struct StaffWorld {
  std::vector<meta::Staff> people;
  struct Assignment {
    std::uint32_t person;
    std::int16_t year;
    std::int16_t school;
    meta::StaffAssignment fields;  // post, title, subject, level, qualification
  };
  std::vector<Assignment> assignments;
};

StaffWorld SimulateStaff(const CountyLayout& layout, const StudentWorld& students,
                         const DemoYears& years, Rng& rng, IdNumberSource& ids);

}  // namespace eduledger::demo::internal
