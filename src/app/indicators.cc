#include "app/indicators.h"

#include <cmath>

#include "core/rounding.h"
#include "engine/snapshot.h"
#include "engine/spread.h"
#include "meta/grade.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {
constexpr double kNaN = __builtin_nan("");
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
                               std::uint32_t org, int cell) {
  if (!c.mean_of.empty()) {
    engine::RateCell out{kNaN, kNaN, 0};
    if (cell != engine::kCellTotal) return engine::RateCell{kNaN, kNaN, kNaN};
    for (const CompiledIndicator* part : c.mean_of) {
      out.value += IndicatorCell(*part, cube, year_idx, org, cell).value;
    }
    out.value /= static_cast<double>(c.mean_of.size());
    return out;
  }
  if (c.spread_weight.empty()) return cube.Rate(c.plan, year_idx, org, cell);
  if (cell != engine::kCellTotal) return engine::RateCell{kNaN, kNaN, kNaN};
  const engine::Snapshot& s = cube.snapshot();
  std::vector<std::uint32_t> schools;
  for (const meta::OrgUnit* u : s.orgs().Subtree(s.orgs().units()[org].id)) {
    if (u->level == meta::OrgLevel::kSchool) {
      schools.push_back(static_cast<std::uint32_t>(s.OrgIndex(u->id)));
    }
  }
  const engine::SpreadCell spread =
      engine::CoefficientOfVariation(cube, c.plan, c.spread_weight, year_idx, schools);
  return engine::RateCell{spread.sd, spread.mean, spread.cv};
}

Result<IndicatorTable> ComputeIndicators(store::Store& store, const Actor& actor,
                                         const Metadata& indicators,
                                         const IndicatorRequest& request) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot,
                      engine::Snapshot::Build(store, &indicators.value_schema()));
  const engine::Cube cube = engine::Cube::Compute(*snapshot, indicators.catalog());
  return ComputeIndicators(cube, actor, indicators, request);
}

Result<IndicatorTable> ComputeIndicators(const engine::Cube& cube, const Actor& actor,
                                         const Metadata& indicators,
                                         const IndicatorRequest& request) {
  const engine::Snapshot* snapshot = &cube.snapshot();
  std::vector<const CompiledIndicator*> chosen;
  if (request.codes.empty()) {
    for (const CompiledIndicator& c : indicators.indicators()) chosen.push_back(&c);
  }
  for (const std::string& code : request.codes) {
    const CompiledIndicator* c = indicators.Find(code);
    if (!c) return Status::NotFound("unknown_indicator", "没有指标 '" + code + "'");
    chosen.push_back(c);
  }
  const Scope scope(actor, snapshot->orgs());
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* root, scope.Resolve(request.org));
  const std::vector<int>& years = snapshot->years();
  const int year =
      request.school_year != 0 ? request.school_year : (years.empty() ? 0 : years.back());
  const int year_idx = snapshot->YearIndex(year);
  if (year_idx < 0) {
    return Status::NotFound("no_such_year",
                            "学籍中没有 " + std::to_string(year) + " 学年的在校生记录");
  }

  // The units the rows are for: the root, or its visible townships or schools.
  std::vector<const meta::OrgUnit*> units;
  if (request.by == IndicatorSplit::kTownship || request.by == IndicatorSplit::kSchool) {
    const meta::OrgLevel level = request.by == IndicatorSplit::kTownship ? meta::OrgLevel::kTownship
                                                                         : meta::OrgLevel::kSchool;
    for (const meta::OrgUnit* u : snapshot->orgs().Subtree(root->id)) {
      if (u->level == level && scope.Sees(*u)) units.push_back(u);
    }
  } else {
    units.push_back(root);
  }
  IndicatorTable table;
  table.school_year = year;
  table.org_code = root->code;
  table.org_name = root->name;
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
    for (const meta::OrgUnit* u : units) {
      const auto org = static_cast<std::uint32_t>(snapshot->OrgIndex(u->id));
      for (const int cell : cells) {
        const engine::RateCell r = IndicatorCell(*c, cube, year_idx, org, cell);
        // Spreads and means are of the whole unit only.
        if (cell != engine::kCellTotal && (!c->mean_of.empty() || !c->spread_weight.empty())) {
          continue;
        }
        // Grade rows with nothing counted in them say nothing: leave them out.
        const bool empty_numerator = std::isnan(r.numerator) || r.numerator == 0;
        const bool empty_denominator = std::isnan(r.denominator) || r.denominator == 0;
        if (cell >= engine::GradeCell(meta::kMinGrade) && empty_numerator && empty_denominator) {
          continue;
        }
        IndicatorRow row;
        row.code = c->def.code;
        row.name = c->def.name;
        row.org_code = u->code;
        row.org_name = u->name;
        row.cell = engine::CellLabel(cell);
        row.numerator = r.numerator;
        row.denominator = r.denominator;
        row.value = r.value;
        row.text = FormatIndicatorValue(c->def, r);
        if (cell == engine::kCellTotal) {
          if (const meta::Target* t = indicators.FindTarget(c->def.code, u->code, year)) {
            engine::RateCell goal{kNaN, kNaN, t->value};
            row.target = (t->direction == meta::TargetDirection::kAtLeast ? "≥" : "≤") +
                         FormatIndicatorValue(c->def, goal);
            if (!row.text.empty()) row.met = t->MetBy(std::strtod(row.text.c_str(), nullptr));
          }
        }
        table.rows.push_back(std::move(row));
      }
    }
  }
  return table;
}

}  // namespace eduledger::app
