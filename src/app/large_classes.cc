#include "app/large_classes.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "app/ledgers.h"
#include "app/requested_year.h"
#include "core/statistics_year.h"
#include "engine/row_tables.h"
#include "engine/snapshot.h"
#include "meta/school_type.h"

namespace eduledger::app {

using core::Result;
using core::Status;

std::string ClassNumber(std::string_view class_name) {
  // The last run of digits, full-width ones (０–９, EF BC 90–99) read as ASCII.
  std::string run, last;
  for (std::size_t i = 0; i < class_name.size();) {
    const auto c = static_cast<unsigned char>(class_name[i]);
    if (c >= '0' && c <= '9') {
      run += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c == 0xEF && i + 2 < class_name.size() &&
        static_cast<unsigned char>(class_name[i + 1]) == 0xBC &&
        static_cast<unsigned char>(class_name[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(class_name[i + 2]) <= 0x99) {
      run += static_cast<char>('0' + static_cast<unsigned char>(class_name[i + 2]) - 0x90);
      i += 3;
      continue;
    }
    if (!run.empty()) last = std::move(run);
    run.clear();
    ++i;
  }
  if (!run.empty()) last = std::move(run);
  // Leading zeros name the same class ("02班", "2班").
  const std::size_t nonzero = last.find_first_not_of('0');
  if (!last.empty()) last = nonzero == std::string::npos ? "0" : last.substr(nonzero);
  return last.empty() ? std::string(class_name) : last;
}

namespace {

// 大班额 is of compulsory education: classes of 小学 and 初中 (not adult or special schools).
bool Compulsory(int school_type, int grade) {
  const meta::EducationLevel level = meta::LevelOf(school_type, grade);
  return grade >= 1 && grade <= 9 && meta::AdmitsGrade(school_type, grade) &&
         (level == meta::EducationLevel::kPrimary || level == meta::EducationLevel::kJunior);
}

struct ClassSize {
  const meta::OrgUnit* school = nullptr;
  int grade = 0;
  std::string name;
  int size = 0;
};

// The classes of one snapshot year: by (school, grade, class number), and each grade's largest.
struct YearClasses {
  std::map<std::tuple<std::int64_t, int, std::string>, ClassSize> by_number;
  std::map<std::pair<std::int64_t, int>, int> largest;
};

// The classes of 小学 and 初中 on snapshot year `year_idx` at the schools `scope` sees.
YearClasses ReadClasses(const engine::Snapshot& s, const Scope& scope, int year_idx) {
  static const engine::Field& grade = *engine::ClassLayout().Find("grade");
  static const engine::Field& size = *engine::ClassLayout().Find("size");
  YearClasses out;
  const engine::Table& t = s.classes();
  for (const engine::Group& g : t.groups) {
    if (g.year != year_idx) continue;
    const meta::OrgUnit& school = s.orgs().units()[g.org];
    const int gr = static_cast<int>(grade.Get(g.word)) - grade.offset;
    if (!scope.Sees(school) || !Compulsory(school.school_type, gr)) continue;
    for (std::uint32_t r = g.begin; r < g.end; ++r) {
      const engine::Snapshot::ClassInfo& info = s.class_info(t.records[r]);
      const int n = static_cast<int>(size.Get(t.words[r]));
      if (n == 0) continue;  // only pupils who arrived after the snapshot were in it
      out.by_number[{school.id, gr, ClassNumber(info.name)}] = {&school, gr, info.name, n};
      int& largest = out.largest[{school.id, gr}];
      largest = std::max(largest, n);
    }
  }
  return out;
}

std::string Origin(const meta::OrgUnit& school, int cohort, const std::string& number) {
  return "large_class:" + school.code + ":" + std::to_string(cohort) + ":" + number;
}

// A case the register opened: its school, cohort and class number, from its origin.
struct ClassOrigin {
  std::string school_code;
  int cohort = 0;
  std::string number;
};
std::optional<ClassOrigin> ParseOrigin(std::string_view origin) {
  constexpr std::string_view kPrefix = "large_class:";
  origin = origin.substr(0, origin.find('#'));  // a relapse's case: "<origin>#<year>"
  if (!origin.starts_with(kPrefix)) return std::nullopt;
  origin.remove_prefix(kPrefix.size());
  const std::size_t a = origin.find(':');
  if (a == std::string_view::npos) return std::nullopt;
  const std::size_t b = origin.find(':', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  ClassOrigin out;
  out.school_code = std::string(origin.substr(0, a));
  const std::string_view cohort = origin.substr(a + 1, b - a - 1);
  if (std::from_chars(cohort.data(), cohort.data() + cohort.size(), out.cohort).ec != std::errc()) {
    return std::nullopt;
  }
  out.number = std::string(origin.substr(b + 1));
  return out;
}

// The spans over which cases followed each class (by the class's origin): from the snapshot a
// case was opened on until the day it was closed (null: still open).
struct Span {
  core::Date opened;
  core::Date closed;
  std::string origin;  // the case's own (a relapse's carries "#<year>")
};
using Followed = std::map<std::string, std::vector<Span>>;

std::string ClassOf(std::string_view origin) {
  return std::string(origin.substr(0, origin.find('#')));
}

// One scan of the ledger: the spans, and (when `open` is given) the register's open cases.
Result<Followed> ReadFollowed(store::Store& store, const meta::LedgerType& ledger,
                              std::vector<store::Case>* open = nullptr) {
  Followed out;
  EL_RETURN_IF_ERROR(store.ScanCases(kLargeClassLedger, [&](const store::Case& c) {
    if (!ParseOrigin(c.origin)) return Status::OK();
    const meta::WorkflowState* state = ledger.workflow.State(c.state);
    const bool closed = state != nullptr && state->final;
    out[ClassOf(c.origin)].push_back({c.opened, closed ? c.state_since : core::Date(), c.origin});
    if (open != nullptr && state != nullptr && !closed) open->push_back(c);
    return Status::OK();
  }));
  return out;
}

// Did a case follow class `origin` on `snapshot`: opened by then and not closed by then?
bool FollowedOn(const Followed& followed, const std::string& origin, core::Date snapshot) {
  const auto it = followed.find(origin);
  if (it == followed.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const Span& s) {
    return s.opened <= snapshot && (s.closed.is_null() || s.closed > snapshot);
  });
}

int FieldInt(const store::Case& c, const char* field) {
  const auto fields = nlohmann::json::parse(c.fields, nullptr, false);
  if (!fields.is_object() || !fields.contains(field) || !fields[field].is_string()) return 0;
  const std::string text = fields[field].get<std::string>();
  int v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

class LargeClassSyncer {
 public:
  LargeClassSyncer(store::Store& store, const Actor& actor, const Metadata& md,
                   const engine::Snapshot& snapshot)
      : store_(store), actor_(actor), md_(md), s_(snapshot), scope_(actor, snapshot.orgs()) {}

  Status Run(const meta::LedgerType& ledger, int last_year, LargeClassSync* out) {
    EL_ASSIGN_OR_RETURN(followed_, ReadFollowed(store_, ledger, &open_));
    for (std::size_t y = 0; y < s_.years().size(); ++y) {
      const int year = s_.years()[y];
      if (year > last_year) break;
      const YearClasses classes = ReadClasses(s_, scope_, static_cast<int>(y));
      EL_RETURN_IF_ERROR(Close(year, classes, out));
      EL_RETURN_IF_ERROR(Open(year, classes, year == last_year, out));
    }
    // The cases still open of the schools the actor sees, of the years read.
    out->still_open = static_cast<std::size_t>(
        std::count_if(open_.begin(), open_.end(), [&](const store::Case& c) {
          const std::optional<ClassOrigin> origin = ParseOrigin(c.origin);
          const meta::OrgUnit* school = origin ? s_.orgs().ByCode(origin->school_code) : nullptr;
          return school != nullptr && scope_.Sees(*school) &&
                 FieldInt(c, "school_year") <= last_year;
        }));
    return Status::OK();
  }

 private:
  // Close the open cases snapshot `year` shows eliminated, or whose cohort has left.
  Status Close(int year, const YearClasses& classes, LargeClassSync* out) {
    const core::Date snapshot = core::SnapshotDate(year);
    const std::string when = std::to_string(year) + "年统计时点（" + snapshot.ToChinese() + "）";
    for (auto it = open_.begin(); it != open_.end();) {
      const store::Case& c = *it;
      const std::optional<ClassOrigin> origin = ParseOrigin(c.origin);
      const meta::OrgUnit* school = s_.orgs().ByCode(origin->school_code);
      if (school == nullptr || !scope_.Sees(*school) || FieldInt(c, "school_year") >= year) {
        ++it;
        continue;
      }
      const int grade = year - origin->cohort;
      MoveCaseRequest move;
      move.id = c.id;
      move.expected_version = c.version;
      move.day = std::max(snapshot, c.state_since);
      if (!Compulsory(school->school_type, grade)) {
        move.transition = "graduate";
        move.comment = when + "该班学生已不在本校义务教育年级（毕业或升入其他学段）";
      } else {
        const auto found = classes.by_number.find({school->id, grade, origin->number});
        const auto largest = classes.largest.find({school->id, grade});
        int after = 0;
        if (found != classes.by_number.end()) {
          after = found->second.size;
          move.comment = when + found->second.name + "班额 " + std::to_string(after) + " 人";
        } else if (largest != classes.largest.end()) {
          after = largest->second;
          move.comment =
              when + "按班号未找到该班，本年级各班班额最大 " + std::to_string(after) + " 人";
        }
        if (after == 0 || after >= kLargeClassSize) {
          ++it;  // still large, or the grade not on this snapshot's roll
          continue;
        }
        move.transition = "eliminate";
        move.values = {{"size_after", std::to_string(after)},
                       {"eliminated_on", snapshot.ToString()}};
        move.comment += "，已降至55人及以下";
      }
      EL_RETURN_IF_ERROR(MoveCase(store_, actor_, md_, move).status());
      for (Span& span : followed_[ClassOf(c.origin)]) {
        if (span.origin == c.origin) span.closed = move.day;
      }
      ++(move.transition == "eliminate" ? out->eliminated : out->left);
      it = open_.erase(it);
    }
    return Status::OK();
  }

  // Open a case for each class of 56+ on snapshot `year` that has none.
  Status Open(int year, const YearClasses& classes, bool latest, LargeClassSync* out) {
    const core::Date snapshot = core::SnapshotDate(year);
    for (const auto& [key, c] : classes.by_number) {
      if (c.size < kLargeClassSize) continue;
      if (latest) ++out->large;
      const std::string of_class = Origin(*c.school, year - c.grade, std::get<2>(key));
      if (FollowedOn(followed_, of_class, snapshot)) continue;
      // A class whose case was closed and that is at 56+ again (反弹) gets a case of its own.
      const bool relapse = followed_.count(of_class) > 0;
      const std::string origin = relapse ? of_class + "#" + std::to_string(year) : of_class;
      EL_ASSIGN_OR_RETURN(const std::optional<store::Case> existing,
                          store_.FindCaseByOrigin(kLargeClassLedger, origin));
      if (existing) continue;
      OpenCaseRequest request;
      request.ledger = kLargeClassLedger;
      request.org = c.school->code;
      request.day = snapshot;
      request.origin = origin;
      request.values = {{"grade", "grade_" + std::to_string(c.grade)},
                        {"class_name", c.name},
                        {"school_year", std::to_string(year)},
                        {"size", std::to_string(c.size)},
                        {"found_on", snapshot.ToString()}};
      request.comment = std::to_string(year) + "年统计时点班额 " + std::to_string(c.size) +
                        " 人（56人及以上为大班额）" +
                        (relapse ? "；此前已化解，班额回升（反弹）" : "");
      EL_ASSIGN_OR_RETURN(store::Case opened, OpenCase(store_, actor_, md_, s_.orgs(), request));
      followed_[of_class].push_back({snapshot, core::Date(), origin});
      ++out->opened;
      out->ids.push_back(opened.id);
      open_.push_back(std::move(opened));
    }
    return Status::OK();
  }

  store::Store& store_;
  const Actor& actor_;
  const Metadata& md_;
  const engine::Snapshot& s_;
  const Scope scope_;
  std::vector<store::Case> open_;  // the register's open cases, kept as the run moves them
  Followed followed_;              // which cases followed each class when, kept so too
};

// The register's snapshot, for statistics year `year` (already resolved) whose snapshot day
// has passed on `today` and whose roll it holds.
Result<std::unique_ptr<engine::Snapshot>> ReadRegister(store::Store& store, int year,
                                                       core::Date today) {
  if (core::SnapshotDate(year) > today) {
    return Status::FailedPrecondition("year_running", std::to_string(year) + "年统计时点（" +
                                                          core::SnapshotDate(year).ToChinese() +
                                                          "）尚未到，班额以统计时点在籍学生为准");
  }
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot, engine::Snapshot::Build(store));
  if (snapshot->YearIndex(year) < 0) return NoRecordsOfYear(snapshot->years(), year);
  return snapshot;
}

}  // namespace

Result<LargeClassSync> SyncLargeClasses(store::Store& store, const Actor& actor, const Metadata& md,
                                        int year, core::Date today) {
  const meta::LedgerType* ledger = md.FindLedger(kLargeClassLedger);
  if (ledger == nullptr) {
    return Status::FailedPrecondition("missing_ledger",
                                      "元数据包中没有大班额化解台账 (large_class)");
  }
  LargeClassSync out;
  out.year = RequestedYear(year, today);
  EL_ASSIGN_OR_RETURN(const std::unique_ptr<engine::Snapshot> snapshot,
                      ReadRegister(store, out.year, today));
  LargeClassSyncer syncer(store, actor, md, *snapshot);
  EL_RETURN_IF_ERROR(syncer.Run(*ledger, out.year, &out));
  return out;
}

Result<std::vector<LargeClass>> UnfollowedLargeClasses(store::Store& store,
                                                       const engine::Snapshot& s,
                                                       const Actor& actor, const Metadata& md,
                                                       int year) {
  const meta::LedgerType* ledger = md.FindLedger(kLargeClassLedger);
  if (ledger == nullptr || s.YearIndex(year) < 0) return std::vector<LargeClass>();
  std::vector<LargeClass> large = LargeClassesOf(s, actor, year);
  EL_ASSIGN_OR_RETURN(const Followed followed, ReadFollowed(store, *ledger));
  std::erase_if(large, [&](const LargeClass& c) {
    return FollowedOn(followed, c.origin, core::SnapshotDate(year));
  });
  return large;
}

Result<std::vector<LargeClass>> LargeClassesOf(store::Store& store, const Actor& actor, int year,
                                               core::Date today) {
  EL_ASSIGN_OR_RETURN(const std::unique_ptr<engine::Snapshot> snapshot,
                      ReadRegister(store, year, today));
  return LargeClassesOf(*snapshot, actor, year);
}

std::vector<LargeClass> LargeClassesOf(const engine::Snapshot& s, const Actor& actor, int year) {
  std::vector<LargeClass> out;
  if (s.YearIndex(year) < 0) return out;
  const Scope scope(actor, s.orgs());
  const YearClasses classes = ReadClasses(s, scope, s.YearIndex(year));
  for (const auto& [key, c] : classes.by_number) {
    if (c.size < kLargeClassSize) continue;
    const meta::OrgUnit* township = s.orgs().TownshipOf(c.school->id);
    out.push_back(LargeClass{c.school->code, c.school->name,
                             township != nullptr ? township->name : "县直学校", c.grade, c.name,
                             c.size, Origin(*c.school, year - c.grade, std::get<2>(key))});
  }
  return out;
}

}  // namespace eduledger::app
