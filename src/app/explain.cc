#include "app/explain.h"

#include "app/record_names.h"
#include "core/period.h"
#include "engine/provenance.h"

namespace eduledger::app {

using core::Result;
using core::Status;

namespace {

class Explainer {
 public:
  Explainer(store::Store& store, const Metadata& md, const engine::Snapshot& s, std::size_t limit)
      : store_(store), md_(md), s_(s), limit_(limit) {}

  // The measures of `f` read for statistics year `year` at `orgs`, each in the school year it
  // reads (years_before and flows read earlier ones).
  Result<std::vector<ExplainedMeasure>> Side(const engine::Formula& f, int year, bool flow,
                                             std::span<const std::uint32_t> orgs) {
    std::vector<ExplainedMeasure> out;
    for (const engine::Formula::Read& read : f.Reads()) {
      ExplainedMeasure em;
      const engine::Measure& measure = md_.catalog().measures()[read.measure];
      em.text = measure.text;
      em.school_year = year - read.years_back;
      const core::Period school_year = core::Period::SchoolYear(em.school_year);
      if (measure.table == engine::MeasureTable::kValues) {
        em.when = std::to_string(em.school_year) + "年报表";
      } else if (measure.table == engine::MeasureTable::kCases) {
        em.when =
            engine::CasePeriodLabel(md_.case_schema().ledger(measure.element), em.school_year);
      } else if (flow && read.years_back == 1) {
        // A flow reads the roll at the window's start and what the window's events did to it.
        em.when =
            "统计期 " + school_year.start().ToChinese() + "—" + school_year.end().ToChinese() +
            (measure.table == engine::MeasureTable::kEvents ? "内的学籍异动" : "，期初在校的学生");
      } else {
        em.when =
            school_year.start().ToChinese() + "（" + core::SchoolYearLabel(em.school_year) + "初）";
      }
      em.held = measure.table == engine::MeasureTable::kValues || s_.YearIndex(em.school_year) >= 0;
      std::vector<engine::RecordRef> records;
      for (const std::uint32_t org : orgs) {
        const engine::Provenance p = engine::RecordsBehind(
            s_, md_.catalog(), read.measure, s_.YearIndex(em.school_year), org, limit_);
        em.total += p.total;
        em.sum += p.sum;
        for (const engine::RecordRef& r : p.records) {
          if (records.size() < limit_) records.push_back(r);
        }
      }
      EL_ASSIGN_OR_RETURN(em.records, DescribeRecords(store_, md_, s_, records, em.school_year,
                                                      /*full_view=*/false));
      out.push_back(std::move(em));
    }
    return out;
  }

 private:
  store::Store& store_;
  const Metadata& md_;
  const engine::Snapshot& s_;
  std::size_t limit_;
};

}  // namespace

Result<Explanation> ExplainIndicator(store::Store& store, const Actor& actor, const Metadata& md,
                                     const std::string& code, const std::string& org, int year,
                                     std::size_t limit, core::Date today) {
  const CompiledIndicator* c = md.Find(code);
  if (!c) return Status::NotFound("unknown_indicator", "没有指标 '" + code + "'");
  IndicatorRequest request;
  request.year = year;
  request.org = org;
  request.codes = {c->def.code};
  request.today = today;
  // One read of the register serves the figures and the records behind them.
  EL_ASSIGN_OR_RETURN(std::unique_ptr<engine::Snapshot> snapshot, ReadSnapshot(store, md));
  const engine::Cube cube = engine::Cube::Compute(*snapshot, md.catalog());
  EL_ASSIGN_OR_RETURN(IndicatorTable table, ComputeIndicators(cube, actor, md, request));
  Explanation out;
  out.def = c->def;
  out.year = table.year;
  out.snapshot = table.snapshot;
  out.flow_window = table.flow_window;
  out.row = table.rows.at(0);
  // A cell that was not counted (不适用, the window still open, no 学籍异动) has no records
  // behind it to list.
  if (!out.row.counted) return out;
  const meta::OrgUnit* unit = snapshot->orgs().ByCode(table.org_code);
  const std::uint32_t orgs[] = {static_cast<std::uint32_t>(snapshot->OrgIndex(unit->id))};
  Explainer e(store, md, *snapshot, limit);
  EL_ASSIGN_OR_RETURN(out.numerator, e.Side(c->plan.numerator, table.year, c->def.flow, orgs));
  EL_ASSIGN_OR_RETURN(out.denominator, e.Side(c->plan.denominator, table.year, c->def.flow, orgs));
  return out;
}

}  // namespace eduledger::app
