#include "app/indicators.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "app/event_coverage.h"
#include "app/requested_year.h"
#include "core/rounding.h"
#include "engine/snapshot.h"
#include "engine/spread.h"
#include "meta/grade.h"
#include "meta/school_type.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

constexpr double kNaN = __builtin_nan("");

// One row unit of a table: an org unit, or the schools a county (city…) runs directly, taken
// together so that the rows of a breakdown add up to the unit above them.
struct RowUnit {
  std::string code;
  std::string name;
  meta::OrgLevel level = meta::OrgLevel::kSchool;  // the level the row speaks for
  std::vector<std::uint32_t> orgs;                 // snapshot org indexes
  int school_type = 0;                             // the schools of one type
};

RowUnit UnitRow(const engine::Snapshot& s, const meta::OrgUnit& u) {
  return RowUnit{u.code, u.name, u.level, {static_cast<std::uint32_t>(s.OrgIndex(u.id))}};
}

// "县直学校" (a county's own schools), "市直学校", "省直学校"; prefixed with the unit's name
// when the table is for a unit above it.
std::string DirectSchoolsName(const meta::OrgUnit& u, bool is_root) {
  const char* kind = u.level == meta::OrgLevel::kProvince ? "省直学校"
                     : u.level == meta::OrgLevel::kCity   ? "市直学校"
                                                          : "县直学校";
  return is_root ? std::string(kind) : u.name + kind;
}

// The rows of a breakdown by township under `root`: each township, and for each unit above
// township level the schools it runs directly (县直), so that every school counts in one row.
std::vector<RowUnit> TownshipRows(const engine::Snapshot& s, const Scope& scope,
                                  const meta::OrgUnit& root) {
  const meta::OrgTree& tree = s.orgs();
  std::vector<RowUnit> rows;
  if (root.level >= meta::OrgLevel::kTownship) {
    if (root.level == meta::OrgLevel::kTownship) rows.push_back(UnitRow(s, root));
    return rows;
  }
  const std::vector<const meta::OrgUnit*> subtree = tree.Subtree(root.id);
  for (const meta::OrgUnit* above : subtree) {
    if (above->level >= meta::OrgLevel::kTownship) continue;
    RowUnit direct{above->code + ":direct",
                   DirectSchoolsName(*above, above == &root),
                   meta::OrgLevel::kTownship,
                   {}};
    for (const meta::OrgUnit* u : subtree) {
      if (u->parent_id != above->id || !scope.Sees(*u)) continue;
      if (u->level == meta::OrgLevel::kTownship) rows.push_back(UnitRow(s, *u));
      if (u->level == meta::OrgLevel::kSchool) {
        direct.orgs.push_back(static_cast<std::uint32_t>(s.OrgIndex(u->id)));
      }
    }
    if (!direct.orgs.empty()) rows.push_back(std::move(direct));
  }
  return rows;
}

// The rows of a breakdown by school type: the schools of each 办学类型 under `root`, in code
// order ("211 小学").
std::vector<RowUnit> SchoolTypeRows(const engine::Snapshot& s, const Scope& scope,
                                    const meta::OrgUnit& root) {
  std::map<int, RowUnit> by_type;
  for (const meta::OrgUnit* u : s.orgs().SchoolsUnder(root.id)) {
    if (!scope.Sees(*u)) continue;
    RowUnit& row = by_type[u->school_type];
    if (row.orgs.empty()) {
      const meta::SchoolTypeInfo* t = meta::FindSchoolType(u->school_type);
      row.code = root.code + ":type" + std::to_string(u->school_type);
      row.name = std::to_string(u->school_type) + " " + (t ? std::string(t->name) : "其他");
      row.level = meta::OrgLevel::kSchool;
      row.school_type = u->school_type;
    }
    row.orgs.push_back(static_cast<std::uint32_t>(s.OrgIndex(u->id)));
  }
  std::vector<RowUnit> rows;
  for (auto& [type, row] : by_type) rows.push_back(std::move(row));
  return rows;
}

// The schools at or below the units `orgs`.
std::vector<std::uint32_t> SchoolsBelow(const engine::Snapshot& s,
                                        std::span<const std::uint32_t> orgs) {
  std::vector<std::uint32_t> schools;
  for (const std::uint32_t org : orgs) {
    for (const meta::OrgUnit* u : s.orgs().Subtree(s.orgs().units()[org].id)) {
      if (u->level == meta::OrgLevel::kSchool) {
        schools.push_back(static_cast<std::uint32_t>(s.OrgIndex(u->id)));
      }
    }
  }
  return schools;
}

// The pupils who left the roll unrecorded (the package's unexplained_leavers) whom a flow
// cell of indicator `c` may miss: those among the rows it counts (CompiledIndicator::
// leavers_among), in the same cell; all of the cell's when its rows cannot be told apart.
double LeaversMissedBy(const CompiledIndicator& c, const CompiledIndicator& leavers,
                       const engine::Cube& cube, int year_idx, std::span<const std::uint32_t> orgs,
                       int cell) {
  const double n = c.leavers_among.empty()
                       ? IndicatorCell(leavers, cube, year_idx, orgs, cell).value
                       : cube.Evaluate(c.leavers_among, year_idx, orgs, cell);
  return n > 0 ? n : 0.0;
}

// The earliest school year whose register rows indicator `c` reads (and, for a count that
// compares with the year before, such as 招生, that year too) and the register does not hold;
// 0 when it holds them all. Collected figures are not register rows: their forms say for
// themselves whether they were filled.
int MissingSchoolYear(const CompiledIndicator& c, const engine::MeasureCatalog& catalog,
                      const engine::Snapshot& s, int year) {
  int missing = 0;
  const auto need = [&](int school_year) {
    if (s.YearIndex(school_year) < 0 && (missing == 0 || school_year < missing)) {
      missing = school_year;
    }
  };
  if (!c.mean_of.empty()) {
    for (const CompiledIndicator* part : c.mean_of) {
      if (const int m = MissingSchoolYear(*part, catalog, s, year)) need(m);
    }
    return missing;
  }
  for (const engine::Formula* f : {&c.plan.numerator, &c.plan.denominator, &c.spread_weight}) {
    for (const engine::Formula::Read& read : f->Reads()) {
      const engine::Measure& m = catalog.measures()[read.measure];
      if (m.table == engine::MeasureTable::kValues || m.table == engine::MeasureTable::kCases) {
        continue;
      }
      need(year - read.years_back);
      if (m.needs_previous_year) need(year - read.years_back - 1);
    }
  }
  return missing;
}

// The period of an indicator that reads ledger cases: whether every case it reads is taken as
// it stands today (cases_now, a stock ledger), and the period as people read it.
struct LedgerPeriod {
  bool current = true;
  std::string label;
};
LedgerPeriod LedgerPeriodOf(const CompiledIndicator& c, const Metadata& md, int year,
                            core::Date today) {
  LedgerPeriod p;
  for (const engine::Formula* f : {&c.plan.numerator, &c.plan.denominator}) {
    for (const std::uint32_t m : f->Measures()) {
      const engine::Measure& measure = md.catalog().measures()[m];
      if (measure.table != engine::MeasureTable::kCases) continue;
      const engine::CaseLedger& l = md.case_schema().ledger(measure.element);
      if (measure.current || l.def->stock) continue;
      p.current = false;
      if (p.label.empty()) p.label = engine::CasePeriodLabel(l, year);
    }
  }
  if (p.current) p.label = "台账现状（" + today.ToChinese() + "）";
  return p;
}

// A unit's leavers by grade, for the table's account of its incomplete figures.
UnitLeavers LeaversOf(const RowUnit& u, const CompiledIndicator& leavers, const engine::Cube& cube,
                      int year_idx) {
  UnitLeavers out{u.code, u.name, 0, {}};
  for (int g = meta::kMinGrade; g <= meta::kMaxGrade; ++g) {
    const double n = IndicatorCell(leavers, cube, year_idx, u.orgs, engine::GradeCell(g)).value;
    if (n > 0) {
      out.by_grade.emplace_back(g, n);
      out.total += n;
    }
  }
  return out;
}

}  // namespace

std::string FormatIndicatorValue(const meta::Indicator& def, const engine::RateCell& cell) {
  if (!cell.has_value()) return {};
  const bool ratio = !std::isnan(cell.denominator) && cell.denominator != 0;
  const std::string number =
      ratio ? core::FormatRatioHalfUp(cell.numerator, cell.denominator, def.factor, def.decimals)
            : core::FormatHalfUp(cell.value, def.decimals);
  switch (def.unit) {
    case meta::IndicatorUnit::kPercent:
      return number + "%";
    case meta::IndicatorUnit::kRatio:
      return number + ":1";
    default:
      return number + def.unit_word;
  }
}

engine::RateCell IndicatorCell(const CompiledIndicator& c, const engine::Cube& cube, int year_idx,
                               std::span<const std::uint32_t> orgs, int cell,
                               const CompiledIndicator::FieldSplit* split) {
  // A rate of its plan, no value where its presence says there is nothing to count.
  const auto rate = [&](const engine::RatePlan& plan, const engine::Formula& presence) {
    engine::RateCell r = cube.Rate(plan, year_idx, orgs, cell);
    if (!presence.empty() && !(cube.Evaluate(presence, year_idx, orgs, cell) > 0)) {
      r.numerator = r.value = kNaN;  // nothing there to count
    }
    return r;
  };
  if (split) return rate(split->plan, split->presence);
  if (!c.mean_of.empty()) {
    engine::RateCell out{kNaN, kNaN, 0};
    if (cell != engine::kCellTotal) return engine::RateCell{kNaN, kNaN, kNaN};
    for (const CompiledIndicator* part : c.mean_of) {
      out.value += IndicatorCell(*part, cube, year_idx, orgs, cell).value;
    }
    out.value /= static_cast<double>(c.mean_of.size());
    return out;
  }
  if (c.spread_weight.empty()) return rate(c.plan, c.presence);
  if (cell != engine::kCellTotal) return engine::RateCell{kNaN, kNaN, kNaN};
  const std::vector<std::uint32_t> schools = SchoolsBelow(cube.snapshot(), orgs);
  const engine::SpreadCell spread =
      engine::CoefficientOfVariation(cube, c.plan, c.spread_weight, year_idx, schools);
  return engine::RateCell{spread.sd, spread.mean, spread.cv};
}

Result<IndicatorTable> ComputeIndicators(store::Store& store, const Actor& actor,
                                         const Metadata& indicators,
                                         const IndicatorRequest& request) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot, ReadSnapshot(store, indicators));
  const engine::Cube cube = engine::Cube::Compute(*snapshot, indicators.catalog());
  return ComputeIndicators(cube, actor, indicators, request);
}

Result<IndicatorTable> ComputeIndicators(const engine::Cube& cube, const Actor& actor,
                                         const Metadata& indicators,
                                         const IndicatorRequest& request) {
  const engine::Snapshot& snapshot = cube.snapshot();
  std::vector<const CompiledIndicator*> chosen;
  if (request.codes.empty()) {
    for (const CompiledIndicator& c : indicators.indicators()) {
      if (request.category.empty() || c.def.category == request.category) chosen.push_back(&c);
    }
    if (chosen.empty()) {
      return Status::NotFound("unknown_category", "没有类别为“" + request.category + "”的指标");
    }
  }
  for (const std::string& code : request.codes) {
    const CompiledIndicator* c = indicators.Find(code);
    if (!c) return Status::NotFound("unknown_indicator", "没有指标 '" + code + "'");
    chosen.push_back(c);
  }
  if (request.by == IndicatorSplit::kField &&
      std::none_of(chosen.begin(), chosen.end(), [&](const CompiledIndicator* c) {
        return c->FindSplit(request.field) != nullptr;
      })) {
    std::set<std::string> allowed;
    for (const CompiledIndicator& c : indicators.indicators()) {
      for (const CompiledIndicator::FieldSplit& s : c.field_splits) {
        allowed.insert(std::string(s.split->name) + "（" + std::string(s.split->label) + "）");
      }
    }
    std::string names;
    for (const std::string& a : allowed) names += (names.empty() ? "" : "、") + a;
    return Status::InvalidArgument(
        "unknown_split", "所选指标都不能按 '" + request.field +
                             "' 分组；可用：sex、grade、month、township、school、school_type" +
                             (names.empty() ? "" : "，台账指标还可按 " + names));
  }
  EL_RETURN_IF_ERROR(indicators.CheckTargetUnits(snapshot.orgs()));
  const Scope scope(actor, snapshot.orgs());
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* root, scope.Resolve(request.org));
  const int year = RequestedYear(request.year, request.today);
  const int year_idx = snapshot.YearIndex(year);
  if (year_idx < 0) return NoRecordsOfYear(snapshot.years(), year);

  std::vector<RowUnit> units;
  if (request.by == IndicatorSplit::kTownship) {
    units = TownshipRows(snapshot, scope, *root);
  } else if (request.by == IndicatorSplit::kSchool) {
    for (const meta::OrgUnit* u : snapshot.orgs().SchoolsUnder(root->id)) {
      if (scope.Sees(*u)) units.push_back(UnitRow(snapshot, *u));
    }
  } else if (request.by == IndicatorSplit::kSchoolType) {
    units = SchoolTypeRows(snapshot, scope, *root);
  } else {
    units.push_back(UnitRow(snapshot, *root));
  }
  IndicatorTable table;
  table.year = year;
  table.snapshot = core::SnapshotDate(year);
  table.flow_window = core::FlowWindow(year);
  table.org_code = root->code;
  table.org_name = root->name;
  const bool flows_open = request.today <= table.flow_window.end();
  // With no events at all in the window (the school year before the snapshot) the flows read
  // from the register are unknown; with some, pupils who left with nothing recorded make a
  // unit's flows incomplete.
  const bool events_recorded =
      snapshot.YearIndex(year - 1) < 0 || EventsRecorded(snapshot, year - 1, *root);
  const CompiledIndicator* leavers = indicators.Find(kUnexplainedLeavers);
  std::vector<bool> unit_incomplete(units.size(), false);
  for (const CompiledIndicator* c : chosen) {
    std::vector<int> cells = {engine::kCellTotal};
    if (request.by == IndicatorSplit::kSex && c->def.split_by_sex) {
      cells = {engine::kCellTotal, engine::SexCell(core::Sex::kMale),
               engine::SexCell(core::Sex::kFemale)};
    } else if (request.by == IndicatorSplit::kGrade && c->def.split_by_grade) {
      for (int g = meta::kMinGrade; g <= meta::kMaxGrade; ++g) {
        cells.push_back(engine::GradeCell(g));
      }
    }
    // Spreads and means are of the whole unit only.
    if (!c->mean_of.empty() || !c->spread_weight.empty()) cells = {engine::kCellTotal};
    const LedgerPeriod ledger =
        c->reads_ledgers ? LedgerPeriodOf(*c, indicators, year, request.today) : LedgerPeriod{};
    // By month: of a figure counting dated cases only (not the ledger as it stands).
    const bool by_month = request.by == IndicatorSplit::kMonth && c->def.split_by_month &&
                          c->reads_ledgers && !c->reads_register && !c->reads_forms &&
                          !ledger.current;
    if (by_month) {
      for (int month = 1; month <= 12; ++month) cells.push_back(engine::MonthCell(month));
    }
    // By a field of the cases: a cell per value, those with nothing counted left out below.
    const CompiledIndicator::FieldSplit* split =
        request.by == IndicatorSplit::kField ? c->FindSplit(request.field) : nullptr;
    if (split) {
      for (int v = 0; v < engine::SplitValueCount(*split->split); ++v) {
        cells.push_back(engine::SplitCell(static_cast<std::uint64_t>(v)));
      }
    }
    for (std::size_t ui = 0; ui < units.size(); ++ui) {
      const RowUnit& u = units[ui];
      const bool applies = u.level <= c->def.applies_down_to;
      for (const int cell : cells) {
        engine::RateCell r{kNaN, kNaN, kNaN};
        std::string note;
        if (!applies) {
          note = "不适用：" + c->def.not_applicable_reason;
        } else if (c->reads_ledgers && ledger.current &&
                   static_cast<std::size_t>(year_idx) + 1 != snapshot.years().size()) {
          note = "台账现状：只计入最新统计年度（" + std::to_string(snapshot.years().back()) +
                 "年），往年的状态未留存";
        } else if (c->def.flow && flows_open) {
          note = "统计期未结束（至 " + table.flow_window.end().ToChinese() + "），无全年数据";
        } else if (c->def.flow && c->reads_register && !events_recorded) {
          note = NoEventsNote(year);
        } else {
          r = IndicatorCell(*c, cube, year_idx, u.orgs, cell, split);
        }
        // Grade rows with nothing counted in them say nothing: leave them out.
        const bool empty_numerator = std::isnan(r.numerator) || r.numerator == 0;
        const bool empty_denominator = std::isnan(r.denominator) || r.denominator == 0;
        // So are the values of a field no case of the unit has.
        if (!by_month &&
            (split ? cell != engine::kCellTotal : cell >= engine::GradeCell(meta::kMinGrade)) &&
            empty_numerator && empty_denominator) {
          continue;
        }
        IndicatorRow row;
        row.code = c->def.code;
        row.name = c->def.name;
        row.org_code = u.code;
        row.org_name = u.name;
        row.school_type = u.school_type;
        row.cell = cell == engine::kCellTotal ? engine::CellLabel(cell)
                   : split
                       ? engine::SplitValueLabel(
                             *split->split, static_cast<std::uint64_t>(cell - engine::SplitCell(0)))
                   : by_month ? std::to_string(cell) + "月"
                              : engine::CellLabel(cell);
        row.flow = c->def.flow;
        if (c->reads_ledgers) row.period_label = ledger.label;
        row.numerator = r.numerator;
        row.denominator = r.denominator;
        row.value = r.value;
        row.counted = note.empty();
        row.text = FormatIndicatorValue(c->def, r);
        if (row.text.empty() && note.empty()) {
          if (const int missing = MissingSchoolYear(*c, indicators.catalog(), snapshot, year)) {
            note = "缺少学年记录：库中没有" + core::SchoolYearLabel(missing) +
                   "的在校名单，本指标要读该学年";
          } else {
            note = c->reads_forms && (std::isnan(r.numerator) || std::isnan(r.denominator))
                       ? "无报表数据：报表未填报、未审核，或本单位无需填报"
                   : c->reads_ledgers && split ? "无值：该分组没有计入的台账事项"
                   : c->reads_ledgers && cell != engine::kCellTotal ? "无值：该月没有计入的台账事项"
                   : c->reads_ledgers ? "无台账记录：台账中没有该年的事项"
                                      : "无记录";
          }
        }
        if (row.text.empty()) row.note = note;
        // A ledger figure of a calendar year still running is the year so far.
        if (!row.text.empty() && c->reads_ledgers && !ledger.current &&
            request.today <= core::Period::CalendarYear(year).end()) {
          row.to_date = true;
          row.note = "自然年未结束：截至 " + request.today.ToChinese() + " 的台账数据";
        }
        if (!row.text.empty() && leavers && c != leavers && c->def.flow && c->reads_register) {
          const double gone = LeaversMissedBy(*c, *leavers, cube, year_idx, u.orgs, cell);
          if (gone > 0) {
            row.incomplete = true;
            unit_incomplete[ui] = true;
            row.note = "不完整：所计学生中有 " + core::FormatPlain(gone) +
                       " 名学生去向不明（离开在校名单而无学籍异动记录），统计期的记录可能缺漏；"
                       "eduledger validate 列出流失名单";
          }
        }
        if (cell == engine::kCellTotal && applies) {
          if (const meta::Target* t = indicators.FindTarget(c->def.code, u.code, year)) {
            engine::RateCell goal{kNaN, kNaN, t->value};
            row.target = (t->direction == meta::TargetDirection::kAtLeast ? "≥" : "≤") +
                         FormatIndicatorValue(c->def, goal);
            // An incomplete figure, or one of a year still running, is not judged against its
            // target.
            if (!row.text.empty() && !row.incomplete && !row.to_date) {
              row.met = t->MetBy(std::strtod(row.text.c_str(), nullptr));
            }
          }
        }
        table.rows.push_back(std::move(row));
      }
    }
  }
  for (std::size_t ui = 0; ui < units.size(); ++ui) {
    if (unit_incomplete[ui])
      table.leavers.push_back(LeaversOf(units[ui], *leavers, cube, year_idx));
  }
  return table;
}

}  // namespace eduledger::app
