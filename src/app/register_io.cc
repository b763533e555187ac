#include "app/register_io.h"

#include <algorithm>
#include <chrono>

#include "app/requested_year.h"
#include "core/log.h"
#include "ingest/error_file.h"
#include "ingest/export.h"
#include "meta/org_tree.h"

namespace eduledger::app {

namespace {

store::AuditContext AuditAs(const Actor& actor, std::string action) {
  return store::AuditContext{actor.user_id, std::string(RoleKey(actor.role)), std::move(action),
                             "{}"};
}

}  // namespace

core::Result<ingest::ImportReport> ImportRegisterFile(store::Store& store, const Actor& actor,
                                                      const ImportRequest& request) {
  if (!actor.may_write_register()) {
    return core::Status::PermissionDenied(
        "may_not_import", std::string(RoleName(actor.role)) + "无权导入学籍和人事数据");
  }
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const Scope scope(actor, tree);
  ingest::ImportOptions options;
  options.school_year = request.school_year;
  options.dry_run = request.dry_run;
  // The error file marks every fault, not only those the report lists.
  options.max_errors = request.errors_out.empty() ? request.max_errors : std::size_t{1} << 20;
  options.sheet = request.sheet;
  options.may_write = [&scope](const meta::OrgUnit& u) { return scope.Sees(u); };
  const auto start = std::chrono::steady_clock::now();
  // When each phase was first reported, for the log's phase timings.
  std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> phases;
  options.progress = [&](std::string_view phase, double fraction) {
    if (phases.empty() || phases.back().first != phase) {
      phases.emplace_back(std::string(phase), std::chrono::steady_clock::now());
    }
    if (request.progress) request.progress(phase, fraction);
  };
  ingest::ImportReport report = ingest::ImportFile(
      store, request.kind, request.path, options,
      AuditAs(actor, "import." + std::string(ingest::ImportKindName(request.kind))));
  // Counts and codes only: no file content, no names, no ID numbers. A rejected file is an
  // expected outcome, reported to the user, not a warning for the operator.
  core::LogLine line(core::LogLevel::kInfo, "import");
  line.Add("user", actor.user_id)
      .Add("kind", ingest::ImportKindName(request.kind))
      .Add("rows", report.rows);
  for (const ingest::EntityCounts& c : report.counts) {
    line.Add(c.entity + "_added", c.added).Add(c.entity + "_changed", c.changed);
  }
  line.Add("errors", report.errors.count()).Add("warnings", report.warnings.count());
  line.Add("dry_run", request.dry_run ? "1" : "0").Add("audit_id", report.audit_id);
  if (!report.status.ok()) line.Add("reason", report.status.reason());
  const auto end = std::chrono::steady_clock::now();
  auto ms = [](auto d) {
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
  };
  static constexpr std::pair<std::string_view, std::string_view> kPhaseKeys[] = {
      {"读取校验", "read_ms"}, {"比对", "compare_ms"}, {"写入", "write_ms"}};
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const auto until = i + 1 < phases.size() ? phases[i + 1].second : end;
    for (const auto& [phase, key] : kPhaseKeys) {
      if (phases[i].first == phase) line.Add(key, ms(until - phases[i].second));
    }
  }
  line.Add("ms", ms(end - start));
  EL_RETURN_IF_ERROR(
      WriteErrorsOut(store, request.path, request.sheet, request.errors_out, &report));
  return report;
}

core::Status WriteErrorsOut(store::Store& store, const std::string& source,
                            const std::string& sheet, const std::string& errors_out,
                            ingest::ImportReport* report) {
  const bool read = report->status.ok() || report->status.reason() == "rows_rejected";
  if (errors_out.empty() || !read || (report->errors.empty() && report->warnings.empty())) {
    return core::Status::OK();
  }
  if (store.HoldsFile(errors_out)) {
    return core::Status::InvalidArgument(
        "export_onto_store", "不能把错误文件写到 " + errors_out + "：这是正在使用的数据库文件");
  }
  EL_RETURN_IF_ERROR(ingest::WriteErrorFile(source, sheet, *report, errors_out));
  report->error_file = errors_out;
  return core::Status::OK();
}

core::Result<ExportResult> ExportRegisterFile(store::Store& store, const Actor& actor,
                                              const ExportRequest& request) {
  if (store.HoldsFile(request.path)) {
    return core::Status::InvalidArgument(
        "export_onto_store",
        "不能导出到 " + request.path +
            "：这是正在使用的数据库文件，覆盖它会毁掉全部数据；请换一个文件名");
  }
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  const Scope scope(actor, tree);
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* root, scope.Resolve(request.org));
  ExportResult result;
  result.org_name = root->name;
  result.masked = !actor.full_personal_view();
  result.school_year = RequestedYear(request.school_year, request.today);
  if (request.kind != ingest::ImportKind::kOrgUnits) {
    EL_ASSIGN_OR_RETURN(const std::vector<int> years, store.SchoolYears());
    const auto held = [&](int y) { return std::binary_search(years.begin(), years.end(), y); };
    // Events need the school year of their window (the year before); rosters their own.
    const bool events = request.kind == ingest::ImportKind::kEvents;
    if (!held(result.school_year) && !(events && held(result.school_year - 1))) {
      return NoRecordsOfYear(years, result.school_year);
    }
  }
  ingest::ExportOptions options;
  options.school_year = result.school_year;
  options.mask_personal = result.masked;
  options.progress = request.progress;
  for (const meta::OrgUnit* u : tree.Subtree(root->id)) {
    if (scope.Sees(*u)) options.units.push_back(u);
  }
  EL_ASSIGN_OR_RETURN(result.rows,
                      ingest::ExportFile(store, tree, request.kind, request.path, options));
  return result;
}

}  // namespace eduledger::app
