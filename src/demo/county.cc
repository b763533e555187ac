#include "demo/county.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "demo/demo_internal.h"
#include "ingest/import.h"
#include "ingest/table_reader.h"

namespace eduledger::demo {

namespace {

using internal::CountyLayout;
using internal::Rng;

constexpr int kCountiesPerCity = 90;

std::string CityName(int c) {
  static constexpr std::string_view kNames[] = {"示例市", "东江市", "北岭市", "西山市", "南湖市",
                                                "青云市", "白鹭市", "金川市", "玉屏市", "长风市"};
  return std::string(kNames[c % 10]);
}

// The county's status events as a clerk's 学籍异动 file, imported as one would be: a transfer
// between two of its schools is one 转出 row naming the school moved to. Returns the events
// written.
core::Result<std::int64_t> ImportEvents(store::Store& store, const CountyLayout& layout,
                                        const internal::StudentWorld& students,
                                        const store::AuditContext& audit, core::Date as_of) {
  const auto column = [](ingest::Field f) {
    for (const ingest::ColumnSpec& c : ingest::EventColumns()) {
      if (c.field == f) return std::string(c.header);
    }
    return std::string();
  };
  using ingest::Field;
  std::vector<std::vector<std::string>> rows = {
      {column(Field::kName), column(Field::kIdType), column(Field::kIdNumber),
       column(Field::kStudentNo), column(Field::kEventType), column(Field::kEventDate),
       column(Field::kFromSchool), column(Field::kToSchool)}};
  const auto code = [&](int school) {
    return layout.units[layout.schools[static_cast<std::size_t>(school)].unit].code;
  };
  for (const internal::DemoEvent& e : students.events) {
    // The 转入 end of a move within the county comes from its 转出 row.
    if (e.type == meta::EventType::kTransferIn && e.other >= 0) continue;
    const meta::Student& s = students.people[e.person];
    const bool in = e.type == meta::EventType::kTransferIn;
    rows.push_back({s.name, std::string(meta::IdTypeName(s.id_type)), s.id_number, s.student_no,
                    std::string(meta::EventTypeName(e.type)), e.date.ToString(),
                    in ? "" : code(e.school),
                    in ? code(e.school) : (e.other >= 0 ? code(e.other) : "")});
  }
  auto table = ingest::MemoryTable(std::move(rows), "示例县学籍异动");
  ingest::ImportOptions options;
  options.today = as_of;
  options.max_errors = 5;
  store::AuditContext context = audit;
  context.action = "demo.events";
  const ingest::ImportReport report =
      ingest::ImportTable(store, ingest::ImportKind::kEvents, *table,
                          layout.units[0].name + "学籍异动", options, context);
  if (!report.status.ok()) {
    std::string first;
    if (!report.errors.kept().empty()) first = "：" + report.errors.kept()[0].message;
    return report.status.WithContext("示例县学籍异动导入失败" + first);
  }
  return report.counts.empty() ? 0 : report.counts[0].added;
}

// Write county `layout` with its students and staff in one transaction, then its events through
// the events import.
core::Status WriteCounty(store::Store& store, const CountyLayout& layout, std::int64_t city_id,
                         internal::StudentWorld& students, internal::StaffWorld& staff,
                         const store::AuditContext& audit, core::Date as_of, DemoSummary* summary) {
  store::AuditContext context = audit;
  nlohmann::json detail = {{"county", layout.units[0].code},
                           {"students", students.people.size()},
                           {"enrolments", students.enrolments.size()},
                           {"events", students.events.size()},
                           {"staff", staff.people.size()}};
  context.detail_json = detail.dump();
  EL_ASSIGN_OR_RETURN(store::Transaction txn, store.Begin(context, std::nullopt));

  // Org units: the county, its townships, its schools; teaching points last, once the central
  // schools they belong to have ids.
  std::vector<meta::OrgUnit> units = layout.units;
  std::vector<std::int64_t> unit_id(units.size(), 0);
  auto insert = [&](std::vector<std::size_t> which) -> core::Status {
    std::vector<meta::OrgUnit> batch;
    for (const std::size_t i : which) {
      meta::OrgUnit u = units[i];
      u.parent_id =
          layout.parent[i] < 0 ? city_id : unit_id[static_cast<std::size_t>(layout.parent[i])];
      batch.push_back(std::move(u));
    }
    EL_RETURN_IF_ERROR(txn.InsertOrgUnits(batch));
    for (std::size_t k = 0; k < which.size(); ++k) unit_id[which[k]] = batch[k].id;
    return core::Status::OK();
  };
  EL_RETURN_IF_ERROR(insert({0}));
  std::vector<std::size_t> townships;
  for (const auto& t : layout.townships) townships.push_back(t.unit);
  EL_RETURN_IF_ERROR(insert(townships));
  std::vector<std::size_t> schools;
  std::vector<std::size_t> points;
  for (const auto& s : layout.schools) (s.central >= 0 ? points : schools).push_back(s.unit);
  EL_RETURN_IF_ERROR(insert(schools));
  for (const auto& s : layout.schools) {
    if (s.central >= 0) {
      units[s.unit].central_school_id =
          unit_id[layout.schools[static_cast<std::size_t>(s.central)].unit];
    }
  }
  EL_RETURN_IF_ERROR(insert(points));
  std::vector<std::int64_t> school_id(layout.schools.size());
  for (std::size_t i = 0; i < layout.schools.size(); ++i)
    school_id[i] = unit_id[layout.schools[i].unit];

  EL_RETURN_IF_ERROR(txn.InsertStudents(students.people));
  std::vector<meta::Enrolment> enrolments;
  enrolments.reserve(students.enrolments.size());
  for (const internal::DemoEnrolment& e : students.enrolments) {
    enrolments.push_back(meta::Enrolment{
        students.people[e.person].id, e.year, school_id[static_cast<std::size_t>(e.school)],
        e.grade, std::to_string(e.class_no) + "班", e.admission_ym, core::Date()});
  }
  EL_RETURN_IF_ERROR(txn.InsertEnrolments(enrolments));

  EL_RETURN_IF_ERROR(txn.InsertStaff(staff.people));
  std::vector<meta::StaffAssignment> assignments;
  assignments.reserve(staff.assignments.size());
  for (const auto& a : staff.assignments) {
    meta::StaffAssignment row = a.fields;
    row.staff_id = staff.people[a.person].id;
    row.school_year = a.year;
    row.org_unit_id = school_id[static_cast<std::size_t>(a.school)];
    assignments.push_back(std::move(row));
  }
  std::sort(assignments.begin(), assignments.end(),
            [](const meta::StaffAssignment& a, const meta::StaffAssignment& b) {
              return a.staff_id < b.staff_id ||
                     (a.staff_id == b.staff_id && a.school_year < b.school_year);
            });
  EL_RETURN_IF_ERROR(txn.InsertStaffAssignments(assignments));
  EL_RETURN_IF_ERROR(txn.Commit().status());
  EL_ASSIGN_OR_RETURN(const std::int64_t events,
                      ImportEvents(store, layout, students, audit, as_of));

  summary->org_units += static_cast<std::int64_t>(units.size());
  summary->students += static_cast<std::int64_t>(students.people.size());
  summary->enrolments += static_cast<std::int64_t>(enrolments.size());
  summary->events += events;
  summary->staff += static_cast<std::int64_t>(staff.people.size());
  summary->staff_assignments += static_cast<std::int64_t>(assignments.size());
  return core::Status::OK();
}

}  // namespace

core::Result<DemoSummary> GenerateDemo(store::Store& store, const DemoOptions& options,
                                       const store::AuditContext& audit) {
  if (options.scale < 1 || options.scale > 10 * kCountiesPerCity) {
    return core::Status::InvalidArgument("bad_scale", "--scale 须在 1 到 900 之间");
  }
  if (options.years < 1 || options.years > 12) {
    return core::Status::InvalidArgument("bad_years", "--years 须在 1 到 12 之间");
  }
  EL_ASSIGN_OR_RETURN(const std::vector<meta::OrgUnit> existing, store.LoadOrgUnits());
  if (!existing.empty()) {
    return core::Status::FailedPrecondition(
        "store_not_empty", "数据库中已有单位；示例县只能生成到空数据库（可用 --force 重建）");
  }
  internal::DemoYears years;
  years.first = options.last_year - options.years + 1;
  years.last = options.last_year;
  years.as_of = *core::Date::FromYmd(options.last_year, 11, 20);
  DemoSummary summary;
  summary.as_of = years.as_of;

  // The province and its cities.
  const int cities = (options.scale + kCountiesPerCity - 1) / kCountiesPerCity;
  std::vector<std::int64_t> city_ids;
  {
    store::AuditContext context = audit;
    context.detail_json = nlohmann::json{{"seed", options.seed}, {"scale", options.scale}}.dump();
    EL_ASSIGN_OR_RETURN(store::Transaction txn, store.Begin(context, std::nullopt));
    std::vector<meta::OrgUnit> province(1);
    province[0].code = "430000";
    province[0].name = "示例省";
    province[0].level = meta::OrgLevel::kProvince;
    EL_RETURN_IF_ERROR(txn.InsertOrgUnits(province));
    std::vector<meta::OrgUnit> city(static_cast<std::size_t>(cities));
    for (int c = 0; c < cities; ++c) {
      char code[16];
      std::snprintf(code, sizeof code, "43%02d00", 90 + c % 10);
      city[static_cast<std::size_t>(c)].code = code;
      city[static_cast<std::size_t>(c)].name = CityName(c);
      city[static_cast<std::size_t>(c)].level = meta::OrgLevel::kCity;
      city[static_cast<std::size_t>(c)].parent_id = province[0].id;
    }
    EL_RETURN_IF_ERROR(txn.InsertOrgUnits(city));
    for (const auto& u : city) city_ids.push_back(u.id);
    EL_RETURN_IF_ERROR(txn.Commit().status());
    summary.org_units += 1 + cities;
  }

  internal::IdNumberSource ids;
  for (int k = 0; k < options.scale; ++k) {
    Rng rng(Rng::Derive(options.seed, static_cast<std::uint64_t>(k)));
    const int city = k / kCountiesPerCity;
    const CountyLayout layout = internal::LayOutCounty(k, 90 + city, rng);
    internal::StudentWorld students = internal::SimulateStudents(layout, years, rng, ids);
    internal::StaffWorld staff = internal::SimulateStaff(layout, students, years, rng, ids);
    EL_RETURN_IF_ERROR(WriteCounty(store, layout, city_ids[static_cast<std::size_t>(city)],
                                   students, staff, audit, years.as_of, &summary));
    ++summary.counties;
    if (options.progress) options.progress(k + 1, options.scale);
  }
  return summary;
}

core::Result<DemoSummary> GenerateDemoCounty(store::Store& store, const app::Actor& actor,
                                             const DemoOptions& options) {
  if (!actor.may_write_register()) {
    return core::Status::PermissionDenied(
        "may_not_write", std::string(app::RoleName(actor.role)) + "无权写入学籍数据");
  }
  return GenerateDemo(store, options,
                      store::AuditContext{actor.user_id, std::string(app::RoleKey(actor.role)),
                                          "demo.generate", "{}"});
}

}  // namespace eduledger::demo
