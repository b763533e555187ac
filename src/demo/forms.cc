// The example county's collected figures: population by age (from the police register, per
// township), disabled school-age children (county), exam results (schools with a grade 9) and
// school conditions (compulsory-education schools), derived from the generated register with a
// little seeded noise, submitted through the forms workflow and approved by the level above.
// One 2026 school-conditions form is left returned, as happens in a real bureau.
#include "demo/forms.h"

#include <algorithm>
#include <cmath>

#include "app/forms.h"
#include "engine/snapshot.h"

namespace eduledger::demo {

using app::ApproveForm;
using app::FormKey;
using app::Metadata;
using app::ReturnForm;
using app::SubmitForms;
using app::SubmitRequest;
using app::SubmitResult;

using core::Result;
using core::Status;

namespace {

constexpr int kMaxAge = 25;
constexpr int kFirstCountedAge = 3;
constexpr int kLastCountedAge = 17;

// A deterministic value in [0, 1) from a seed and a few keys (splitmix64).
double Noise(std::uint64_t seed, std::initializer_list<std::int64_t> keys) {
  std::uint64_t z = seed;
  for (const std::int64_t k : keys) {
    z += 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(k);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
  }
  return static_cast<double>(z >> 11) / 9007199254740992.0;
}

std::string Int(double v) { return std::to_string(static_cast<long long>(std::llround(v))); }

class DemoForms {
 public:
  DemoForms(const Metadata& md, const engine::Snapshot& s, std::uint64_t seed)
      : md_(md), s_(s), seed_(seed), catalog_(&md.value_schema()) {
    for (int a = kFirstCountedAge; a <= kLastCountedAge; ++a) {
      for (const char* sex : {"male", "female"}) {
        by_age_.push_back(
            Measure("students(age = " + std::to_string(a) + " and sex = " + sex + ")"));
      }
    }
    primary_ = Measure("students(level = primary)");
    grade9_ = Measure("students(grade = 9)");
    all_ = Measure("students()");
    for (const char* f :
         {"disability = visual", "disability in (hearing, speech)", "disability = intellectual",
          "disability in (physical, mental, multiple)"}) {
      disabled_.push_back(Measure("students(" + std::string(f) + " and age between 6 and 14)"));
    }
    cube_ = std::make_unique<engine::Cube>(engine::Cube::Compute(s_, catalog_));
  }

  std::vector<SubmitRequest> Requests() const {
    std::vector<SubmitRequest> out;
    // Only years the register holds (forms are checked against the roll of their year);
    // exams read the grade-9 pupils of the year before.
    const int first = s_.years().front();
    const int last = s_.years().back();
    for (int y = std::max(first, last - 4); y <= last; ++y) Population(y, &out);
    for (int y = std::max(first, last - 2); y <= last; ++y) Disabled(y, &out);
    for (int y = std::max(first + 1, last - 2); y <= last; ++y) Exams(y, &out);
    for (int y = std::max(first, last - 1); y <= last; ++y) Conditions(y, &out);
    return out;
  }

 private:
  engine::Formula Measure(const std::string& text) {
    return *engine::CompileFormula(text, engine::FormulaKind::kArithmetic, &catalog_);
  }
  double Count(const engine::Formula& f, int year, std::uint32_t org) const {
    return cube_->Evaluate(f, s_.YearIndex(year), org, engine::kCellTotal);
  }
  std::uint32_t Index(const meta::OrgUnit& u) const {
    return static_cast<std::uint32_t>(s_.OrgIndex(u.id));
  }

  void Population(int year, std::vector<SubmitRequest>* out) const {
    const meta::OrgUnit* county = nullptr;
    std::vector<const meta::OrgUnit*> townships;
    for (const meta::OrgUnit& u : s_.orgs().units()) {
      if (u.level == meta::OrgLevel::kCounty && !county) county = &u;
      if (u.level == meta::OrgLevel::kTownship) townships.push_back(&u);
    }
    if (!county || townships.empty()) return;
    double primary_total = 0;
    for (const meta::OrgUnit* t : townships) primary_total += Count(primary_, year, Index(*t));
    // Students of each age and sex at the county's own schools (not in any township).
    double direct[kLastCountedAge + 1][2] = {};
    for (int a = kFirstCountedAge; a <= kLastCountedAge; ++a) {
      for (int sx = 0; sx < 2; ++sx) {
        const engine::Formula& f =
            by_age_[static_cast<std::size_t>((a - kFirstCountedAge) * 2 + sx)];
        direct[a][sx] = Count(f, year, Index(*county));
        for (const meta::OrgUnit* t : townships) direct[a][sx] -= Count(f, year, Index(*t));
      }
    }
    for (std::size_t ti = 0; ti < townships.size(); ++ti) {
      const meta::OrgUnit& t = *townships[ti];
      const double share = Count(primary_, year, Index(t)) / primary_total;
      SubmitRequest r;
      r.key = FormKey{"population_by_age", t.code, year};
      double at[kMaxAge + 1][2] = {};
      for (int a = kFirstCountedAge; a <= kLastCountedAge; ++a) {
        for (int sx = 0; sx < 2; ++sx) {
          const engine::Formula& f =
              by_age_[static_cast<std::size_t>((a - kFirstCountedAge) * 2 + sx)];
          const double township = Count(f, year, Index(t));
          // Not every child is in school; in the seat, migrant children outnumber the
          // registered ones of primary age.
          double factor = a <= 5 ? 1.10 : a <= 11 ? 1.004 : a <= 14 ? 0.99 : 1.07;
          if (ti == 0 && a >= 6 && a <= 11) factor = 0.985;
          at[a][sx] = (township + direct[a][sx] * share) * factor *
                      (0.997 + 0.006 * Noise(seed_, {year, static_cast<int>(ti), a, sx}));
        }
      }
      for (int sx = 0; sx < 2; ++sx) {
        for (int a = 0; a < kFirstCountedAge; ++a) at[a][sx] = at[3][sx] * (0.9 + 0.03 * a);
        for (int a = kLastCountedAge + 1; a <= kMaxAge; ++a) at[a][sx] = at[17][sx] * 0.99;
      }
      for (int a = 0; a <= kMaxAge; ++a) {
        for (int sx = 0; sx < 2; ++sx) {
          r.values.push_back({"school_age_population",
                              "age=" + std::to_string(a) + ";sex=" + (sx ? "female" : "male"),
                              Int(at[a][sx])});
        }
      }
      if (ti == 0) {
        r.explanations["population_covers_pupils"] =
            "城关镇随迁子女较多，在校小学生多于本镇户籍 6-11 周岁人口";
      }
      out->push_back(std::move(r));
    }
  }

  void Disabled(int year, std::vector<SubmitRequest>* out) const {
    for (const meta::OrgUnit& u : s_.orgs().units()) {
      if (u.level != meta::OrgLevel::kCounty) continue;
      SubmitRequest r;
      r.key = FormKey{"disabled_children", u.code, year};
      const char* types[] = {"visual", "hearing_speech", "intellectual", "other"};
      for (int i = 0; i < 4; ++i) {
        const double enrolled = Count(disabled_[static_cast<std::size_t>(i)], year, Index(u));
        const double outside = std::floor(3 * Noise(seed_, {year, i, 7}));
        r.values.push_back({"disabled_school_age_children",
                            std::string("disability_type=") + types[i], Int(enrolled + outside)});
      }
      out->push_back(std::move(r));
    }
  }

  // The exams of summer `year`, reported with statistics year `year`: taken by the grade-9
  // pupils of the school year that ended then.
  void Exams(int year, std::vector<SubmitRequest>* out) const {
    static constexpr const char* kSubjects[] = {"chinese",   "math",     "english", "physics",
                                                "chemistry", "politics", "history"};
    const meta::DataSet* set = md_.FindDataSet("exam_results");
    for (const meta::OrgUnit& u : s_.orgs().units()) {
      if (!set || !set->DueAt(u)) continue;
      const double grade9 = Count(grade9_, year - 1, Index(u));
      if (grade9 <= 0) continue;
      SubmitRequest r;
      r.key = FormKey{"exam_results", u.code, year};
      for (int k = 0; k < 7; ++k) {
        const double takers = grade9 - std::floor(3 * Noise(seed_, {year, u.id, k, 1}));
        const double rate = 0.72 + 0.24 * Noise(seed_, {year, u.id, k, 2});
        r.values.push_back({"exam_takers", std::string("subject=") + kSubjects[k], Int(takers)});
        r.values.push_back({"exam_passed", std::string("subject=") + kSubjects[k],
                            Int(std::floor(takers * rate))});
      }
      out->push_back(std::move(r));
    }
  }

  void Conditions(int year, std::vector<SubmitRequest>* out) const {
    const meta::DataSet* set = md_.FindDataSet("school_conditions");
    for (const meta::OrgUnit& u : s_.orgs().units()) {
      if (!set || !set->DueAt(u)) continue;
      const double pupils = Count(all_, year, Index(u));
      if (pupils <= 0) continue;
      const auto n = [&](int k) { return Noise(seed_, {year, u.id, k}); };
      SubmitRequest r;
      r.key = FormKey{"school_conditions", u.code, year};
      r.values = {
          {"building_area", "", Int(600 + pupils * (4.5 + 3 * n(1)))},
          {"sports_area", "", Int(400 + pupils * (6 + 6 * n(2)))},
          {"equipment_value", "", Int(20 + pupils * (0.15 + 0.15 * n(3)))},
          {"computers", "", Int(1 + pupils / (8 + 4 * n(4)))},
          {"books", "", Int(pupils * (20 + 15 * n(5)))},
      };
      out->push_back(std::move(r));
    }
  }

  const Metadata& md_;
  const engine::Snapshot& s_;
  std::uint64_t seed_;
  engine::MeasureCatalog catalog_;
  std::vector<engine::Formula> by_age_;
  engine::Formula primary_, grade9_, all_;
  std::vector<engine::Formula> disabled_;
  std::unique_ptr<engine::Cube> cube_;
};

}  // namespace

Result<DemoFormsSummary> FillDemoForms(store::Store& store, const app::Actor& actor,
                                       const Metadata& md, std::uint64_t seed) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot, app::ReadSnapshot(store, md));
  if (snapshot->years().empty()) return DemoFormsSummary{};
  const std::vector<SubmitRequest> requests = DemoForms(md, *snapshot, seed).Requests();
  DemoFormsSummary summary;
  const int last = snapshot->years().back();
  const SubmitRequest* returned = nullptr;
  for (const SubmitRequest& r : requests) {
    if (r.key.data_set == "school_conditions" && r.key.school_year == last) returned = &r;
  }
  std::vector<Result<SubmitResult>> results = SubmitForms(store, actor, md, requests);
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i].ok()) return results[i].status();
    ++summary.submitted;
    summary.values += requests[i].values.size();
    if (results[i]->submission.state != store::SubmissionState::kSubmitted) continue;
    if (&requests[i] == returned) {
      EL_RETURN_IF_ERROR(ReturnForm(store, actor, md, requests[i].key,
                                    "图书册数与上学年相差较大，请核对图书室台账后重报"));
      ++summary.returned;
      continue;
    }
    EL_RETURN_IF_ERROR(ApproveForm(store, actor, md, requests[i].key));
    ++summary.approved;
  }
  return summary;
}

}  // namespace eduledger::demo
