#include "demo/ledgers.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/case_import.h"
#include "app/large_classes.h"
#include "core/statistics_year.h"
#include "demo/demo_internal.h"
#include "demo/random_internal.h"
#include "ingest/table_reader.h"
#include "meta/school_type.h"

namespace eduledger::demo {

using core::Date;
using core::Result;
using core::Status;
using internal::Rng;
using nlohmann::json;

namespace {

using Cells = std::vector<std::pair<std::string, std::string>>;

// A case as its sheets carry it: the cells it is opened with, then the states it reaches, each
// on its day with the cells it brings. Sheet k has every case that has a k-th state: a list sent
// again with its cases further on, as a section does month by month.
struct SheetCase {
  Cells cells;
  struct Stage {
    std::string state;
    Date day;
    Cells cells;
  };
  std::vector<Stage> stages;

  // The next state on `day` with `cells`, unless the day is after `as_of` (the county has not
  // got there yet) or not after the last state's (a sheet sent again moves a case on a later
  // day); false when it was not reached, so a chain of Then stops at the first one.
  bool Then(const std::string& state, Date day, Date as_of, Cells more = {}) {
    if (day > as_of || (!stages.empty() && day <= stages.back().day)) return false;
    stages.push_back({state, day, std::move(more)});
    return true;
  }
};

std::string Money(std::int64_t yuan) { return std::to_string(yuan); }

class Filler {
 public:
  Filler(store::Store& store, const app::Actor& actor, const app::Metadata& md, std::uint64_t seed,
         int first_year, int last_year, Date as_of)
      : store_(store),
        actor_(actor),
        md_(md),
        rng_(Rng::Derive(seed, 0x1ED6E5)),
        first_year_(first_year),
        last_year_(last_year),
        as_of_(as_of) {}

  Result<DemoLedgersSummary> Run() {
    EL_RETURN_IF_ERROR(Load());
    if (HasLedger("dropout_control")) EL_RETURN_IF_ERROR(Dropouts());
    if (HasLedger("student_aid")) EL_RETURN_IF_ERROR(Aid());
    if (HasLedger("building")) EL_RETURN_IF_ERROR(Buildings());
    if (HasLedger("building_work")) EL_RETURN_IF_ERROR(BuildingWorks());
    if (HasLedger("hazard")) EL_RETURN_IF_ERROR(Hazards());
    if (HasLedger("project")) EL_RETURN_IF_ERROR(Projects());
    if (HasLedger("large_class")) EL_RETURN_IF_ERROR(LargeClasses());
    if (HasLedger("teacher_recruitment")) EL_RETURN_IF_ERROR(Recruitment());
    if (HasLedger("teacher_training")) EL_RETURN_IF_ERROR(Training());
    if (HasLedger("teacher_posting")) EL_RETURN_IF_ERROR(Postings());
    if (HasLedger("inspection_finding")) EL_RETURN_IF_ERROR(Inspections());
    if (HasLedger("petition")) EL_RETURN_IF_ERROR(Petitions());
    if (HasLedger("tutoring_institution")) EL_RETURN_IF_ERROR(Tutoring());
    return summary_;
  }

 private:
  struct School {
    const meta::OrgUnit* unit;
    int type;
  };
  struct Teacher {
    std::int64_t staff_id;
    std::size_t school;  // index into schools_
  };

  bool HasLedger(std::string_view code) const {
    return std::any_of(md_.ledgers().begin(), md_.ledgers().end(),
                       [&](const meta::LedgerType& l) { return l.code == code; });
  }

  Date Day(int y, int m, int d) const { return *Date::FromYmd(y, m, d); }
  Date Within(Date from, int days) {
    return from.AddDays(static_cast<int>(rng_.Below(static_cast<std::uint32_t>(days))));
  }
  std::string Name() {
    return internal::PersonName(rng_, rng_.Chance(0.5) ? core::Sex::kMale : core::Sex::kFemale);
  }
  const School& AnySchool() {
    return schools_[rng_.Below(static_cast<std::uint32_t>(schools_.size()))];
  }

  Status Load() {
    EL_ASSIGN_OR_RETURN(units_, store_.LoadOrgUnits());
    std::unordered_map<std::int64_t, std::size_t> school_of;
    for (const meta::OrgUnit& u : units_) {
      if (u.level == meta::OrgLevel::kCounty && county_ == nullptr) county_ = &u;
      if (u.level != meta::OrgLevel::kSchool || !meta::CountsAsSchool(u.school_type)) continue;
      school_of[u.id] = schools_.size();
      schools_.push_back({&u, u.school_type});
    }
    if (county_ == nullptr || schools_.empty()) {
      return Status::FailedPrecondition("no_register", "示例县的学校尚未生成");
    }
    // The teachers of each school year, for trainings and postings.
    EL_RETURN_IF_ERROR(store_.ScanStaffAssignments([&](const store::StaffFacts& f) {
      const auto it = school_of.find(f.org_unit_id);
      if (f.post == meta::Post::kFullTimeTeacher && it != school_of.end() &&
          f.school_year >= first_year_ && f.school_year <= last_year_) {
        teachers_[f.school_year].push_back({f.staff_id, it->second});
      }
      return Status::OK();
    }));
    std::vector<std::int64_t> ids;
    for (const auto& [year, list] : teachers_) {
      for (const Teacher& t : list) ids.push_back(t.staff_id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<store::Found<meta::Staff>> found;
    EL_RETURN_IF_ERROR(store_.FindStaffById(ids, &found));
    for (const auto& f : found) staff_identity_[f.value.id] = f.value.id_number;
    return Status::OK();
  }

  // Import the sheets of `cases` into `ledger`, one per stage, as a section brings them.
  Status Import(const std::string& ledger, const std::string& title, std::vector<SheetCase> cases) {
    std::size_t stages = 0;
    for (const SheetCase& c : cases) stages = std::max(stages, c.stages.size());
    for (std::size_t k = 0; k < std::max<std::size_t>(stages, 1); ++k) {
      std::vector<std::string> header;
      std::vector<Cells> rows;
      for (const SheetCase& c : cases) {
        if (k > 0 && c.stages.size() <= k) continue;
        Cells row = c.cells;
        for (std::size_t s = 0; s <= k && s < c.stages.size(); ++s) {
          row.insert(row.end(), c.stages[s].cells.begin(), c.stages[s].cells.end());
        }
        if (k < c.stages.size()) {
          row.emplace_back("状态", c.stages[k].state);
          row.emplace_back("状态日期", c.stages[k].day.ToString());
        }
        for (const auto& [h, v] : row) {
          if (std::find(header.begin(), header.end(), h) == header.end()) header.push_back(h);
        }
        rows.push_back(std::move(row));
      }
      if (rows.empty()) continue;
      std::vector<std::vector<std::string>> table{header};
      for (const Cells& row : rows) {
        std::vector<std::string> line(header.size());
        for (const auto& [h, v] : row) {
          line[std::find(header.begin(), header.end(), h) - header.begin()] = v;
        }
        table.push_back(std::move(line));
      }
      const std::string name =
          title + (stages > 1 ? "（第" + std::to_string(k + 1) + "批）" : "") + ".xlsx";
      auto reader = ingest::MemoryTable(std::move(table), name);
      app::CaseImportRequest request;
      request.ledger = ledger;
      request.max_errors = 3;
      request.today = as_of_;
      EL_ASSIGN_OR_RETURN(const ingest::ImportReport report,
                          app::ImportCaseTable(store_, actor_, md_, *reader, name, request));
      if (!report.status.ok()) {
        std::string why(report.status.message());
        for (const auto& e : report.errors.kept()) {
          why += "；第" + std::to_string(e.row) + "行 " + e.column + "：" + e.message;
        }
        return Status::Internal("demo_ledger", "示例县" + title + "导入失败：" + why);
      }
      for (const auto& c : report.counts) {
        summary_.opened[ledger] += c.added;
        summary_.updated += c.changed;
      }
    }
    return Status::OK();
  }

  // 控辍保学: the cases the 学籍异动 opened, worked on. Most are persuaded back and closed after
  // the county's check, some are taught at home or placed, some are still being persuaded, a
  // few are still only suspected (overdue), and a few were transfers after all.
  Status Dropouts() {
    std::vector<SheetCase> cases;
    EL_RETURN_IF_ERROR(store_.ScanCases("dropout_control", [&](const store::Case& c) {
      if (c.state != "suspected") return Status::OK();
      SheetCase s;
      s.cells = {{"事项编号", std::to_string(c.id)}};
      const meta::OrgUnit* school = nullptr;
      for (const meta::OrgUnit& u : units_) {
        if (u.id == c.org_unit_id) school = &u;
      }
      const double r = rng_.Unit();
      Date day = c.state_since.AddDays(2 + static_cast<int>(rng_.Below(5)));
      if (r < 0.08) {
        s.Then("核实排除", day, as_of_, {{"排除原因", "转学至他校就读"}});
        cases.push_back(std::move(s));
        return Status::OK();
      }
      if (r > 0.95) return Status::OK();  // still suspected: past its deadline
      Cells who = {{"校长", Name()}, {"班主任", Name()}, {"家长", Name()}};
      if (rng_.Chance(0.7)) who.emplace_back("村（居）委会主任", Name());
      if (r > 0.93) who.clear();  // no one named yet: the cross-check finds it
      static constexpr std::array<const char*, 5> kReasons = {"厌学", "家庭经济困难", "外出务工",
                                                              "上学远", "疾病"};
      who.emplace_back("离校日期", c.state_since.ToString());
      who.emplace_back("辍学原因", kReasons[rng_.Below(kReasons.size())]);
      if (!s.Then("确认辍学", day, as_of_, std::move(who))) return Status::OK();
      day = day.AddDays(1 + static_cast<int>(rng_.Below(4)));
      if (!s.Then("劝返中", day, as_of_,
                  {{"劝返方案", "班主任与村干部联合家访，落实帮扶措施，动员返校"}})) {
        cases.push_back(std::move(s));
        return Status::OK();
      }
      day = day.AddDays(10 + static_cast<int>(rng_.Below(50)));
      bool placed = false;
      if (r < 0.66) {
        placed = s.Then("已复学", day, as_of_, {{"复学学校", school ? school->code : ""}});
      } else if (r < 0.74) {
        placed = s.Then("送教上门", day, as_of_,
                        {{"残疾评估结论", "经县残疾儿童少年入学评估，宜送教上门"},
                         {"送教上门次数", std::to_string(4 + rng_.Below(20))}});
      } else if (r < 0.80) {
        placed = s.Then("其他安置", day, as_of_, {{"安置去向", "进入县职业中专学校学习技能"}});
      }
      if (placed && rng_.Chance(0.8)) {
        day = day.AddDays(15 + static_cast<int>(rng_.Below(30)));
        if (s.Then("县级复核", day, as_of_, {{"复核日期", day.ToString()}}) && rng_.Chance(0.8)) {
          s.Then("已销号", day.AddDays(3), as_of_);
        }
      }
      cases.push_back(std::move(s));
      return Status::OK();
    }));
    return Import("dropout_control", "控辍保学台账", std::move(cases));
  }

  // 学生资助: each term's payments to the students of the eligible groups (脱贫家庭, 低保, 特困,
  // 孤儿, 残疾) at their school of the year, by the programme of their level; this term a few are
  // missed, for the coverage check (零疏漏) to list.
  Status Aid() {
    constexpr std::uint32_t kEligible = meta::kRegisteredPoor | meta::kDibao |
                                        meta::kExtremePoverty | meta::kOrphan | meta::kDisabled;
    std::unordered_map<std::int64_t, std::uint32_t> flags;
    EL_RETURN_IF_ERROR(store_.ScanStudents([&](const store::StudentFacts& s) {
      if ((s.flags & kEligible) != 0) flags[s.id] = s.flags;
      return Status::OK();
    }));
    struct Pupil {
      std::int64_t student;
      int year;
      const meta::OrgUnit* school;
      meta::EducationLevel level;
    };
    std::unordered_map<std::int64_t, const meta::OrgUnit*> unit_of;
    for (const meta::OrgUnit& u : units_) unit_of[u.id] = &u;
    std::vector<Pupil> pupils;
    EL_RETURN_IF_ERROR(store_.ScanEnrolments([&](const store::EnrolmentFacts& e) {
      if (!flags.count(e.student_id) || e.school_year < first_year_ || e.school_year > last_year_) {
        return Status::OK();
      }
      const auto it = unit_of.find(e.org_unit_id);
      if (it == unit_of.end()) return Status::OK();
      pupils.push_back({e.student_id, e.school_year, it->second,
                        meta::LevelOf(it->second->school_type, e.grade)});
      return Status::OK();
    }));
    std::vector<std::int64_t> ids;
    for (const Pupil& p : pupils) ids.push_back(p.student);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<store::Found<meta::Student>> found;
    EL_RETURN_IF_ERROR(store_.FindStudentsById(ids, &found));
    std::unordered_map<std::int64_t, std::string> identity;
    for (const auto& f : found) {
      identity[f.value.id] = f.value.id_number.empty() ? f.value.student_no : f.value.id_number;
    }
    std::vector<SheetCase> cases;
    int voucher = 0;
    for (const Pupil& p : pupils) {
      const std::uint32_t f = flags[p.student];
      const char* group = (f & meta::kRegisteredPoor)   ? "脱贫家庭（原建档立卡）"
                          : (f & meta::kExtremePoverty) ? "特困供养"
                          : (f & meta::kOrphan)         ? "孤儿"
                          : (f & meta::kDibao)          ? "城乡低保"
                                                        : "残疾学生";
      const char* programme = nullptr;
      std::int64_t amount = 0;
      const char* source = "中央";
      switch (p.level) {
        case meta::EducationLevel::kPreschool:
          programme = "学前教育资助", amount = 500, source = "县级";
          break;
        case meta::EducationLevel::kPrimary:
          programme = "义务教育家庭经济困难学生生活补助", amount = p.school->boarding ? 500 : 250;
          break;
        case meta::EducationLevel::kJunior:
          programme = "义务教育家庭经济困难学生生活补助", amount = p.school->boarding ? 625 : 313;
          break;
        case meta::EducationLevel::kSenior:
          programme = "普通高中国家助学金", amount = 1000;
          break;
        case meta::EducationLevel::kVocational:
          programme = "中职国家助学金", amount = 1000;
          break;
        default:
          continue;  // 特殊教育 and 成人: not in these programmes here
      }
      for (const bool autumn : {true, false}) {
        const Date paid =
            autumn ? Within(Day(p.year, 10, 10), 30) : Within(Day(p.year + 1, 4, 8), 25);
        if (paid > as_of_) continue;
        // This term's list misses about one eligible student in sixty.
        if (p.year == last_year_ && autumn && rng_.Chance(1.0 / 60)) continue;
        SheetCase c;
        c.cells = {
            {"单位代码", p.school->code},
            {"学生", identity[p.student]},
            {"资助项目", programme},
            {"学期", autumn ? "秋季学期" : "春季学期"},
            {"金额（元）", Money(amount)},
            {"资金来源", source},
            {"发放日期", paid.ToString()},
            {"登记日期", paid.AddDays(-21).ToString()},
            {"资助对象类别", group},
            {"发放凭证号", "ZZ" + std::to_string(p.year) + std::to_string(100000 + ++voucher)}};
        c.Then("已发放", paid, as_of_);
        cases.push_back(std::move(c));
      }
    }
    return Import("student_aid", "学生资助发放名单", std::move(cases));
  }

  // 校舍安全: every school's buildings with their appraisal; the D-grade ones sealed and most of
  // them demolished, one still in use (the cross-check's).
  Status Buildings() {
    struct Kind {
      const char* name;
      const char* use;
    };
    static constexpr std::array<Kind, 6> kKinds = {{{"教学楼", "教学及辅助用房"},
                                                    {"综合楼", "教学及辅助用房"},
                                                    {"学生宿舍楼", "学生宿舍"},
                                                    {"食堂", "食堂"},
                                                    {"办公楼", "行政办公用房"},
                                                    {"图书馆", "图书馆"}}};
    std::vector<SheetCase> cases;
    bool one_in_use = false;
    for (const School& s : schools_) {
      const int n = 2 + static_cast<int>(rng_.Below(4));
      for (int i = 0; i < n; ++i) {
        const Kind& k = kKinds[i == 0 ? 0 : rng_.Below(kKinds.size())];
        const int built = 1972 + static_cast<int>(rng_.Below(50));
        const double r = rng_.Unit();
        const char* grade = built < 1990 ? (r < 0.12   ? "D级（整幢危房）"
                                            : r < 0.35 ? "C级（局部危房）"
                                                       : "B级")
                                         : (r < 0.7 ? "A级" : "B级");
        const bool d = grade[0] == 'D';
        const Date appraised = Within(Day(last_year_ - 3, 3, 1), 900);
        SheetCase c;
        c.cells = {{"单位代码", s.unit->code},
                   {"校舍名称", std::to_string(i + 1) + "号" + k.name},
                   {"建筑面积（平方米）", std::to_string(300 + rng_.Below(5200))},
                   {"建成年份", std::to_string(built)},
                   {"用途", k.use},
                   {"结构", built < 1995 ? (rng_.Chance(0.2) ? "砖木" : "砖混") : "框架"},
                   {"鉴定等级", grade},
                   {"鉴定日期", appraised.ToString()},
                   {"鉴定机构", "示例县建设工程质量安全检测中心"},
                   {"在用", d && one_in_use ? "否" : "是"},
                   {"登记日期", appraised.ToString()}};
        if (d && !one_in_use) {
          one_in_use = true;  // a D-grade building still in use: 在册, 在用
        } else if (d) {
          const Date sealed = appraised.AddDays(7 + static_cast<int>(rng_.Below(20)));
          if (c.Then("封停", sealed, as_of_) && rng_.Chance(0.75)) {
            c.Then("已拆除", sealed.AddDays(60 + static_cast<int>(rng_.Below(300))), as_of_);
          }
        }
        cases.push_back(std::move(c));
      }
    }
    return Import("building", "校舍安全台账", std::move(cases));
  }

  // 校舍维修改造工程: a work for every C- or D-grade building: reinforcement, rebuilding or
  // demolition, with budget, spending and the days of its stages.
  Status BuildingWorks() {
    std::vector<SheetCase> cases;
    EL_RETURN_IF_ERROR(store_.ScanCases("building", [&](const store::Case& b) {
      const json f = json::parse(b.fields.empty() ? "{}" : b.fields, nullptr, false);
      if (!f.is_object() || !f.contains("grade")) return Status::OK();
      const std::string grade = f["grade"].get<std::string>();
      if (grade != "c" && grade != "d") return Status::OK();
      const meta::OrgUnit* school = nullptr;
      for (const meta::OrgUnit& u : units_) {
        if (u.id == b.org_unit_id) school = &u;
      }
      const std::int64_t area =
          f.contains("area") ? static_cast<std::int64_t>(std::stod(f["area"].get<std::string>()))
                             : 500;
      const bool rebuild = grade == "d" && rng_.Chance(0.6);
      const char* kind = grade == "c" ? "加固" : rebuild ? "拆除重建" : "拆除";
      const std::int64_t per_m2 = grade == "c" ? 600 : rebuild ? 2600 : 120;
      const std::int64_t budget = std::max<std::int64_t>(area, 100) * per_m2;
      SheetCase w;
      const Date planned = b.opened.AddDays(30 + static_cast<int>(rng_.Below(90)));
      w.cells = {{"单位代码", school ? school->code : ""},
                 {"校舍", std::to_string(b.id)},
                 {"工程类别", kind},
                 {"预算（元）", Money(budget)},
                 {"面积（平方米）", std::to_string(std::max<std::int64_t>(area, 100))},
                 {"登记日期", planned.ToString()}};
      const Date start = planned.AddDays(30 + static_cast<int>(rng_.Below(120)));
      const Date due = start.AddDays(rebuild ? 300 : 90);
      if (w.Then("施工中", start, as_of_,
                 {{"开工日期", start.ToString()}, {"计划完工日期", due.ToString()}})) {
        const Date done = due.AddDays(static_cast<int>(rng_.Below(60)) - 20);
        const std::int64_t spent = budget * (90 + rng_.Below(15)) / 100;
        if (w.Then("已完工", done, as_of_,
                   {{"完工日期", done.ToString()}, {"已支出（元）", Money(spent)}})) {
          w.Then("已验收", done.AddDays(20 + static_cast<int>(rng_.Below(40))), as_of_);
        }
      }
      cases.push_back(std::move(w));
      return Status::OK();
    }));
    return Import("building_work", "校舍维修改造工程台账", std::move(cases));
  }

  // 安全隐患: every school's hazards of each school year, found, rectified, accepted and closed;
  // this term's still open at each step, a few past their deadline, and a 重大 one under
  // rectification without its emergency plan (五落实 incomplete).
  Status Hazards() {
    struct Kind {
      const char* category;
      const char* place;
      const char* measure;
    };
    static constexpr std::array<Kind, 10> kKinds = {{
        {"消防", "教学楼走廊灭火器过期", "更换灭火器并建立月检记录"},
        {"消防", "宿舍楼安全出口指示灯损坏", "更换应急照明和疏散指示灯"},
        {"用电", "学生宿舍私拉电线", "拆除私拉线路，加装限流装置"},
        {"用电", "配电房配电箱未上锁", "配电箱加锁，专人管理"},
        {"校舍", "教学楼外墙瓷砖松动", "设置警戒区，铲除松动瓷砖并修复"},
        {"食堂食品", "食堂留样记录不全", "完善留样制度，专人登记"},
        {"校园周边", "校门口流动摊贩聚集", "联合市场监管部门清理"},
        {"交通", "校门口缺少减速带和警示标志", "协调交警部门设置减速带"},
        {"防溺水水域", "学校附近水塘无警示牌和防护栏", "设置警示牌和防护栏，落实巡查"},
        {"设施设备", "操场篮球架底座锈蚀", "更换篮球架底座"},
    }};
    std::vector<SheetCase> cases;
    bool incomplete = false;
    for (int y = first_year_; y <= last_year_; ++y) {
      for (const School& s : schools_) {
        const int n = static_cast<int>(rng_.Below(4));
        for (int i = 0; i < n; ++i) {
          const Kind& k = kKinds[rng_.Below(kKinds.size())];
          const Date found = Within(Day(y, 9, 5), 300);
          if (found > as_of_) continue;
          const bool major = rng_.Chance(0.04);
          SheetCase c;
          c.cells = {{"单位代码", s.unit->code},
                     {"隐患类别", k.category},
                     {"隐患等级", major ? "重大" : "一般"},
                     {"部位", k.place},
                     {"发现日期", found.ToString()},
                     {"排查人", Name()}};
          const Date rectify = found.AddDays(1 + static_cast<int>(rng_.Below(3)));
          const Date due = rectify.AddDays(major ? 60 : 15 + static_cast<int>(rng_.Below(20)));
          Cells measures = {{"整改措施", k.measure},
                            {"整改责任人", Name()},
                            {"整改期限", due.ToString()},
                            {"应急处置", "设置警示标识，临时管控"}};
          // This year's first 重大 hazard has no emergency plan yet and is not accepted.
          const bool without_plan = major && y == last_year_ && !incomplete;
          if (major) {
            measures.emplace_back("整改资金（元）", Money(20000 + rng_.Below(200000)));
            if (!without_plan) measures.emplace_back("应急预案", "已制定专项应急预案并演练");
          }
          if (without_plan) {
            incomplete = c.Then("整改中", rectify, as_of_, measures);
          } else if (!(rng_.Chance(0.12) && y == last_year_) &&
                     c.Then("整改中", rectify, as_of_, measures)) {
            // Most are rectified within days; one in eight of the term's is still only found.
            const Date accepted = due.AddDays(static_cast<int>(rng_.Below(10)) - 8);
            if (c.Then("已验收", accepted, as_of_,
                       {{"验收日期", accepted.ToString()}, {"验收人", Name()}})) {
              c.Then("已销号", accepted.AddDays(2 + static_cast<int>(rng_.Below(10))), as_of_);
            }
          }
          cases.push_back(std::move(c));
        }
      }
    }
    return Import("hazard", "安全隐患排查整改台账", std::move(cases));
  }

  // 重点项目: the county's building projects of the years, from reserve to handover.
  Status Projects() {
    struct Kind {
      const char* name;
      const char* build;
      const char* category;
      std::int64_t wan;  // 总投资, 万元
      int seats;
      int large_classes;
    };
    static constexpr std::array<Kind, 7> kKinds = {{
        {"综合楼新建工程", "新建", "县中提升", 3200, 900, 0},
        {"教学楼改扩建工程", "改扩建", "化解大班额", 1800, 540, 8},
        {"学生宿舍新建工程", "新建", "薄改与能力提升", 1200, 0, 0},
        {"校舍维修工程", "维修", "校舍维修", 160, 0, 0},
        {"幼儿园新建工程", "新建", "学前教育", 900, 270, 0},
        {"智慧校园建设项目", "信息化", "薄改与能力提升", 300, 0, 0},
        {"食堂改扩建工程", "改扩建", "薄改与能力提升", 450, 0, 0},
    }};
    static constexpr std::array<const char*, 9> kStates = {"已立项",   "已完成设计", "已招标",
                                                           "在建",     "主体完工",   "竣工验收",
                                                           "交付使用", "决算中",     "资产移交"};
    std::vector<SheetCase> cases;
    int number = 0;
    for (int y = first_year_; y <= last_year_; ++y) {
      const int n = 1 + static_cast<int>(rng_.Below(3));
      for (int i = 0; i < n; ++i) {
        const School& s = AnySchool();
        const Kind& k = kKinds[rng_.Below(kKinds.size())];
        const std::int64_t total = k.wan * 10000 * (80 + rng_.Below(40)) / 100;
        const Date reserve = Within(Day(y, 1, 10), 150);
        if (reserve > as_of_) continue;
        SheetCase c;
        c.cells = {{"单位代码", s.unit->code},
                   {"项目代码", "XM" + std::to_string(y) + std::to_string(100 + ++number)},
                   {"项目名称", s.unit->name + k.name},
                   {"建设类别", k.build},
                   {"项目类别", k.category},
                   {"总投资（元）", Money(total)},
                   {"中央资金（元）", Money(total * 4 / 10)},
                   {"省级资金（元）", Money(total * 3 / 10)},
                   {"县级配套（元）", Money(total - total * 7 / 10)},
                   {"新增学位", std::to_string(k.seats)},
                   {"化解大班额（个）", std::to_string(k.large_classes)},
                   {"登记日期", reserve.ToString()}};
        Date day = reserve;
        for (const char* state : kStates) {
          day = day.AddDays(
              std::string_view(state) == "在建" ? 40 : 30 + static_cast<int>(rng_.Below(90)));
          if (!c.Then(state, day, as_of_, ProjectStage(state, day, total))) break;
        }
        cases.push_back(std::move(c));
      }
    }
    // 实验中学's new teaching building, built to end its 大班额: accepted the summer before the
    // latest school year, whose classes it splits (demo/layout.cc).
    if (const School* s = Crowded(); s != nullptr && HasLedger("large_class")) {
      EL_ASSIGN_OR_RETURN(const std::vector<app::LargeClass> large,
                          app::LargeClassesOf(store_, actor_, last_year_ - 1, as_of_));
      // The classes it is to end: those of 56+ that stay at the school into the new building.
      const auto claimed = std::count_if(large.begin(), large.end(), [&](const app::LargeClass& c) {
        return c.school_code == s->unit->code && meta::AdmitsGrade(s->type, c.grade + 1);
      });
      const std::int64_t total = 2860 * 10000;
      SheetCase c;
      c.cells = {{"单位代码", s->unit->code},
                 {"项目代码", "XM" + std::to_string(last_year_ - 1) + "001"},
                 {"项目名称", s->unit->name + kExpansion},
                 {"建设类别", "改扩建"},
                 {"项目类别", "化解大班额"},
                 {"总投资（元）", Money(total)},
                 {"中央资金（元）", Money(total / 2)},
                 {"县级配套（元）", Money(total - total / 2)},
                 {"新增学位", "900"},
                 {"化解大班额（个）", std::to_string(claimed)},
                 {"登记日期", Day(last_year_ - 2, 11, 15).ToString()}};
      const std::array<std::pair<const char*, Date>, 7> steps = {{
          {"已立项", Day(last_year_ - 2, 12, 10)},
          {"已完成设计", Day(last_year_ - 1, 2, 20)},
          {"已招标", Day(last_year_ - 1, 3, 25)},
          {"在建", Day(last_year_ - 1, 4, 18)},
          {"主体完工", Day(last_year_ - 1, 12, 28)},
          {"竣工验收", Day(last_year_, 7, 15)},
          {"交付使用", Day(last_year_, 8, 20)},
      }};
      for (const auto& [state, day] : steps) {
        if (!c.Then(state, day, as_of_, ProjectStage(state, day, total))) break;
      }
      cases.push_back(std::move(c));
    }
    return Import("project", "重点项目建设台账", std::move(cases));
  }

  // The cells a project brings on reaching `state` on `day`: its dates and investment to date.
  static Cells ProjectStage(std::string_view state, Date day, std::int64_t total) {
    if (state == "在建") return {{"开工日期", day.ToString()}};
    if (state == "主体完工") {
      return {{"主体完工日期", day.ToString()}, {"累计完成投资（元）", Money(total * 8 / 10)}};
    }
    if (state == "竣工验收") {
      return {{"竣工验收日期", day.ToString()}, {"累计完成投资（元）", Money(total)}};
    }
    if (state == "交付使用") return {{"决算期限", day.AddDays(180).ToString()}};
    return {};
  }

  // The crowded 初中 of the county seat the new building is for, or nullptr.
  const School* Crowded() const {
    for (const School& s : schools_) {
      if (s.type == 311 && s.unit->name.ends_with("实验中学")) return &s;
    }
    return nullptr;
  }
  static constexpr const char* kExpansion = "教学楼扩建工程（化解大班额）";

  // 大班额: the cases `ledger sync` opens from each year's classes of 56+, and the schools'
  // 化解方案 brought in as a sheet each autumn: 实验中学's by its new building (the project
  // above) once it is registered, the others by added classes or pupils sent to other schools
  // (which 城关第一小学 never manages: its plans fall overdue); about one in seven gets no plan,
  // for the cross-check to find.
  Status LargeClasses() {
    std::string project;
    EL_RETURN_IF_ERROR(store_.ScanCases("project", [&](const store::Case& c) {
      const auto fields = json::parse(c.fields, nullptr, false);
      if (fields.is_object() && fields.value("name", "").ends_with(kExpansion)) {
        project = std::to_string(c.id);
      }
      return Status::OK();
    }));
    const School* crowded = Crowded();
    // The project registered then (above): older classes are planned otherwise.
    const Date project_since = Day(last_year_ - 2, 11, 15);
    for (int y = first_year_; y <= last_year_; ++y) {
      if (core::SnapshotDate(y) > as_of_) break;
      EL_ASSIGN_OR_RETURN(const app::LargeClassSync synced,
                          app::SyncLargeClasses(store_, actor_, md_, y, as_of_));
      summary_.opened["large_class"] += static_cast<std::int64_t>(synced.opened);
      const std::set<std::int64_t> fresh(synced.ids.begin(), synced.ids.end());
      std::vector<store::Case> open;
      EL_RETURN_IF_ERROR(store_.ScanCases("large_class", [&](const store::Case& c) {
        if (c.state == "large" || c.state == "planned") open.push_back(c);
        return Status::OK();
      }));
      std::vector<SheetCase> cases;
      for (const store::Case& c : open) {
        const Date day = Within(core::SnapshotDate(y).AddDays(10), 30);
        const bool by_building = crowded != nullptr && c.org_unit_id == crowded->unit->id &&
                                 !project.empty() && day >= project_since;
        // A new class gets its plan (or, one in seven, none); an older one is planned again
        // when the new building becomes its way out.
        if (fresh.count(c.id) ? rng_.Chance(0.15)
                              : c.state != "planned" || !by_building ||
                                    json::parse(c.fields).value("measure", "") == "new_building") {
          continue;
        }
        SheetCase s;
        s.cells = {{"事项编号", std::to_string(c.id)}};
        Cells plan;
        if (by_building) {
          plan = {{"化解措施", "新建扩建校舍"},
                  {"化解项目", project},
                  {"化解方案", "教学楼扩建工程投入使用后增设教学班，按班额不超过52人重新分班"},
                  {"计划化解期限", core::SnapshotDate(last_year_).ToString()}};
        } else {
          const bool more = rng_.Chance(0.6);
          plan = {{"化解措施", more ? "增设班级" : "分流学生"},
                  {"化解方案", more ? "利用功能室改建教室，增设一个教学班"
                                    : "按招生片区将部分学生分流至就近学校"},
                  {"计划化解期限", core::SnapshotDate(y + 1).ToString()}};
        }
        if (s.Then("已制定方案", day, as_of_, std::move(plan))) cases.push_back(std::move(s));
      }
      if (!cases.empty()) {
        EL_RETURN_IF_ERROR(Import(
            "large_class", "大班额化解方案（" + std::to_string(y) + "年秋季）", std::move(cases)));
      }
    }
    return Status::OK();
  }

  // 教师补充: each summer's new teachers by channel, publicized then hired (a few withdraw).
  Status Recruitment() {
    static constexpr std::array<const char*, 6> kChannels = {"公开招聘", "特岗计划", "公费师范生",
                                                             "定向培养", "调入",     "银龄讲学"};
    static constexpr std::array<double, 6> kWeights = {0.45, 0.2, 0.12, 0.13, 0.07, 0.03};
    static constexpr std::array<const char*, 8> kSubjects = {"语文",       "数学", "英语", "物理",
                                                             "道德与法治", "体育", "音乐", "美术"};
    std::vector<SheetCase> cases;
    for (int y = first_year_; y <= last_year_; ++y) {
      const int n = 45 + static_cast<int>(rng_.Below(30));
      for (int i = 0; i < n; ++i) {
        const School& s = AnySchool();
        const Date publicized = Within(Day(y, 7, 10), 20);
        SheetCase c;
        c.cells = {{"单位代码", s.unit->code},
                   {"姓名", Name()},
                   {"补充渠道", kChannels[rng_.Weighted(kWeights)]},
                   {"任教学科", kSubjects[rng_.Below(kSubjects.size())]},
                   {"聘用学校", s.unit->code},
                   {"登记日期", publicized.ToString()}};
        const Date hired = Day(y, 8, 25);
        if (rng_.Chance(0.04)) {
          c.Then("未聘用", publicized.AddDays(10), as_of_);
        } else {
          c.Then("已聘用", hired, as_of_,
                 {{"入职查询已通过", "是"}, {"聘用日期", hired.ToString()}});
        }
        cases.push_back(std::move(c));
      }
    }
    return Import("teacher_recruitment", "教师补充台账", std::move(cases));
  }

  // 教师培训: about a third of the teachers of each year on a training of some level.
  Status Training() {
    struct Course {
      const char* name;
      const char* level;
      int hours;
      int days;
    };
    static constexpr std::array<Course, 6> kCourses = {{
        {"国培计划乡村教师能力提升培训", "国家级", 80, 10},
        {"省级骨干教师培训", "省级", 60, 7},
        {"市级班主任专业能力培训", "市级", 32, 4},
        {"县级新课标学科教学培训", "县级", 24, 3},
        {"县级师德师风专题培训", "县级", 12, 2},
        {"校本研修", "校本", 20, 5},
    }};
    static constexpr std::array<double, 6> kWeights = {0.06, 0.1, 0.14, 0.3, 0.2, 0.2};
    std::vector<SheetCase> cases;
    for (const auto& [year, list] : teachers_) {
      for (const Teacher& t : list) {
        if (!rng_.Chance(0.33)) continue;
        const Course& k = kCourses[rng_.Weighted(kWeights)];
        const Date start = Within(Day(year, 10, 8), 240);
        if (start > as_of_) continue;
        SheetCase c;
        c.cells = {{"单位代码", schools_[t.school].unit->code},
                   {"教职工", staff_identity_[t.staff_id]},
                   {"培训项目", std::to_string(year) + "年" + k.name},
                   {"培训层级", k.level},
                   {"学时", std::to_string(k.hours)},
                   {"天数", std::to_string(k.days)},
                   {"开始日期", start.ToString()},
                   {"登记日期", start.AddDays(-10).ToString()}};
        const Date end = start.AddDays(k.days - 1);
        if (rng_.Chance(0.03)) {
          c.Then("未完成", end, as_of_);
        } else {
          c.Then("已结业", end, as_of_, {{"结束日期", end.ToString()}});
        }
        cases.push_back(std::move(c));
      }
    }
    return Import("teacher_training", "教师培训台账", std::move(cases));
  }

  // 教师交流轮岗: each year about one teacher in fifty posted to another school for the year.
  Status Postings() {
    static constexpr std::array<const char*, 4> kKinds = {"交流轮岗", "跨校竞聘", "组织调配",
                                                          "支教"};
    std::vector<SheetCase> cases;
    for (const auto& [year, list] : teachers_) {
      for (const Teacher& t : list) {
        if (!rng_.Chance(0.02)) continue;
        const School& from = schools_[t.school];
        const School& to = AnySchool();
        if (to.unit == from.unit) continue;
        const Date start = Day(year, 9, 1);
        const Date end = Day(year + 1, 7, 15);
        SheetCase c;
        c.cells = {{"单位代码", from.unit->code},
                   {"教职工", staff_identity_[t.staff_id]},
                   {"类别", kKinds[rng_.Below(kKinds.size())]},
                   {"派出学校", from.unit->code},
                   {"接收学校", to.unit->code},
                   {"骨干教师", rng_.Chance(0.3) ? "是" : "否"},
                   {"开始日期", start.ToString()},
                   {"登记日期", start.ToString()}};
        c.Then(rng_.Chance(0.85) ? "期满返回" : "期满留任", end, as_of_,
               {{"结束日期", end.ToString()}});
        cases.push_back(std::move(c));
      }
    }
    return Import("teacher_posting", "教师交流轮岗台账", std::move(cases));
  }

  // 督导问题整改: the responsible inspectors' findings at their schools, noticed, reported
  // rectified and rechecked.
  Status Inspections() {
    struct Finding {
      const char* item;
      const char* problem;
    };
    static constexpr std::array<Finding, 6> kFindings = {{
        {"学生学习、体育锻炼和课业负担", "部分班级书面作业总量超过规定时长"},
        {"校园及周边安全", "门卫值守登记不规范"},
        {"食堂、食品、饮水及宿舍卫生", "食堂从业人员健康证未按期更新"},
        {"课程开设和课堂教学", "音乐、美术课程未按课表开足"},
        {"双减与五项管理", "课后服务未覆盖全部有需求学生"},
        {"校务管理和制度执行", "学校三重一大事项议事记录不全"},
    }};
    std::vector<std::string> inspectors;
    for (int i = 0; i < 12; ++i) inspectors.push_back(Name());
    std::vector<SheetCase> cases;
    for (int y = first_year_; y <= last_year_; ++y) {
      for (std::size_t i = 0; i < schools_.size(); ++i) {
        if (!rng_.Chance(0.45)) continue;
        const Finding& f = kFindings[rng_.Below(kFindings.size())];
        const Date visit = Within(Day(y, 9, 15), 280);
        if (visit > as_of_) continue;
        SheetCase c;
        c.cells = {{"单位代码", schools_[i].unit->code},
                   {"责任督学", inspectors[i % inspectors.size()]},
                   {"督导日期", visit.ToString()},
                   {"督导类型", rng_.Chance(0.8) ? "经常性督导" : "专项督导"},
                   {"督导事项", f.item},
                   {"发现问题", f.problem},
                   {"程度", rng_.Chance(0.9) ? "一般" : "严重"}};
        const Date notice = visit.AddDays(3);
        if (c.Then("已下达整改通知", notice, as_of_,
                   {{"整改期限", notice.AddDays(30).ToString()}})) {
          const Date report = notice.AddDays(10 + static_cast<int>(rng_.Below(25)));
          if (c.Then("学校已报告整改", report, as_of_,
                     {{"学校整改报告", "已按通知要求完成整改"}})) {
            const Date recheck = report.AddDays(5 + static_cast<int>(rng_.Below(20)));
            c.Then("已销号", recheck, as_of_, {{"复查日期", recheck.ToString()}});
          }
        }
        cases.push_back(std::move(c));
      }
    }
    return Import("inspection_finding", "督导问题整改台账", std::move(cases));
  }

  // 信访: the year's letters, visits and hotline calls, accepted, answered and closed.
  Status Petitions() {
    static constexpr std::array<const char*, 5> kChannels = {"来信", "来访", "网上信访", "电话",
                                                             "12345热线"};
    static constexpr std::array<const char*, 7> kMatters = {
        "招生入学", "教师待遇", "校园安全", "收费", "师德师风", "学生欺凌", "食堂"};
    std::vector<SheetCase> cases;
    for (int y = first_year_; y <= last_year_; ++y) {
      const int n = 20 + static_cast<int>(rng_.Below(25));
      for (int i = 0; i < n; ++i) {
        const Date received = Within(Day(y, 1, 2), 360);
        if (received > as_of_) continue;
        SheetCase c;
        char number[32];
        std::snprintf(number, sizeof(number), "XF%d-%03d", y, i + 1);
        c.cells = {{"单位代码", rng_.Chance(0.6) ? AnySchool().unit->code : county_->code},
                   {"编号", number},
                   {"渠道", kChannels[rng_.Below(kChannels.size())]},
                   {"收到日期", received.ToString()},
                   {"信访人", Name()},
                   {"人数", std::to_string(1 + rng_.Below(3))},
                   {"反映事项", kMatters[rng_.Below(kMatters.size())]}};
        if (rng_.Chance(0.04)) {
          c.Then("不予受理", received.AddDays(3), as_of_);
        } else if (c.Then("已受理", received.AddDays(2), as_of_, {{"承办人", "办公室"}})) {
          const Date answered = received.AddDays(10 + static_cast<int>(rng_.Below(40)));
          if (c.Then("已答复", answered, as_of_,
                     {{"答复意见", "经调查核实，已书面答复信访人并督促整改"}})) {
            c.Then("办结", answered.AddDays(7), as_of_,
                   {{"满意度", rng_.Chance(0.85) ? "满意" : "基本满意"}});
          }
        }
        cases.push_back(std::move(c));
      }
    }
    return Import("petition", "信访事项台账", std::move(cases));
  }

  // 校外培训机构: the county's institutions as counted before 双减 and what became of them.
  Status Tutoring() {
    std::vector<SheetCase> cases;
    const Date counted = Day(2021, 7, 26) > as_of_ ? as_of_ : Day(2021, 7, 26);
    for (int i = 0; i < 42; ++i) {
      const bool subject = i < 26;
      SheetCase c;
      c.cells = {
          {"单位代码", county_->code},
          {"机构名称", "示例县" + std::string(internal::VillageName(i)) +
                           (subject ? "学科培训学校" : "艺术培训中心") + (i >= 24 ? "二部" : "")},
          {"类别", subject ? "学科类" : "非学科类"},
          {"形式", rng_.Chance(0.9) ? "线下" : "线上"},
          {"在培学员", std::to_string(30 + rng_.Below(400))},
          {"列入双减前基数", subject ? "是" : "否"},
          {"登记日期", counted.ToString()}};
      Date day = counted.AddDays(20 + static_cast<int>(rng_.Below(60)));
      const double r = rng_.Unit();
      const Cells licence = {{"办学许可证号", "教民" + std::to_string(1430000 + i)}};
      if (!subject) {
        c.Then("持证经营", day, as_of_, licence);
      } else if (r < 0.55) {
        if (c.Then("持证经营", day, as_of_, licence)) c.Then("已注销", day.AddDays(90), as_of_);
      } else if (r < 0.65) {
        if (c.Then("持证经营", day, as_of_, licence) &&
            c.Then("整改转型中", day.AddDays(30), as_of_)) {
          c.Then("已营转非", day.AddDays(120), as_of_, {{"登记性质", "民办非企业单位"}});
        }
      } else if (r < 0.95) {
        if (c.Then("持证经营", day, as_of_, licence) &&
            c.Then("整改转型中", day.AddDays(30), as_of_)) {
          c.Then("已转非学科类", day.AddDays(100), as_of_);
        }
      } else {
        if (c.Then("无证经营", day, as_of_)) c.Then("已取缔", day.AddDays(15), as_of_);
      }
      cases.push_back(std::move(c));
    }
    return Import("tutoring_institution", "校外培训机构台账", std::move(cases));
  }

  store::Store& store_;
  const app::Actor& actor_;
  const app::Metadata& md_;
  Rng rng_;
  int first_year_, last_year_;
  Date as_of_;
  std::vector<meta::OrgUnit> units_;
  const meta::OrgUnit* county_ = nullptr;
  std::vector<School> schools_;
  std::map<int, std::vector<Teacher>> teachers_;
  std::unordered_map<std::int64_t, std::string> staff_identity_;
  DemoLedgersSummary summary_;
};

}  // namespace

Result<DemoLedgersSummary> FillDemoLedgers(store::Store& store, const app::Actor& actor,
                                           const app::Metadata& md, std::uint64_t seed,
                                           int first_year, int last_year, Date as_of) {
  return Filler(store, actor, md, seed, first_year, last_year, as_of).Run();
}

}  // namespace eduledger::demo
