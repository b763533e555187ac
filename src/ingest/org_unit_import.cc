// Import of org units: the tree of province, city, county, township and school, one row each.
// Parents are named by code or name and may be in the same file; new units are written level by
// level so each parent exists before its children.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "ingest/import_internal.h"
#include "meta/school_type.h"

namespace eduledger::ingest::internal {

namespace {

struct OrgRow {
  std::int64_t row = 0;
  meta::OrgUnit unit;  // ids not yet resolved
  std::string parent_ref;
  std::string central_ref;
  bool has_ownership = false;
  bool has_urban_rural = false;
  const meta::OrgUnit* existing = nullptr;
  // Where the parent and central school are: a stored unit, or a row of this file.
  const meta::OrgUnit* stored_parent = nullptr;
  std::ptrdiff_t file_parent = -1;
  const meta::OrgUnit* stored_central = nullptr;
  std::ptrdiff_t file_central = -1;
};

meta::OrgUnit Merge(const meta::OrgUnit& stored, const OrgRow& r, const ColumnMap& map) {
  meta::OrgUnit m = stored;
  m.name = r.unit.name;
  if (r.unit.parent_id != 0) m.parent_id = r.unit.parent_id;
  if (r.unit.school_type != 0) m.school_type = r.unit.school_type;
  if (r.has_ownership) m.ownership = r.unit.ownership;
  if (r.has_urban_rural) m.urban_rural = r.unit.urban_rural;
  if (map.has(Field::kBoarding)) m.boarding = r.unit.boarding;
  if (map.has(Field::kSmallScale)) m.small_scale = r.unit.small_scale;
  if (map.has(Field::kAffordable)) m.affordable = r.unit.affordable;
  if (r.unit.central_school_id != 0) m.central_school_id = r.unit.central_school_id;
  return m;
}

}  // namespace

void ImportOrgUnitRows(store::Store& store, TableReader& reader, const ColumnMap& map,
                       const ImportOptions& options, const store::AuditContext& audit,
                       ImportReport* report) {
  MissingColumns missing;
  missing.Need(map.has(Field::kOrgCode), "单位代码");
  missing.Need(map.has(Field::kOrgName), "单位名称");
  if (core::Status s = missing.status(); !s.ok()) return Reject(report, s);
  auto base = LoadPlanBase(store);
  if (!base.ok()) return Reject(report, base.status());
  const meta::OrgTree& tree = base->tree;

  // --- read -------------------------------------------------------------------------------
  std::vector<OrgRow> rows;
  std::unordered_map<std::string, std::size_t> row_of_code;
  const bool read = ReadRows(reader, map, options, report, [&](RowParser& p) {
    OrgRow r;
    r.row = p.row_number();
    meta::OrgUnit& u = r.unit;
    u.code = std::string(p.Get(Field::kOrgCode));
    u.name = std::string(p.Get(Field::kOrgName));
    if (u.code.empty()) p.Fail(Field::kOrgCode, "empty", "单位代码为空");
    if (u.code.find_first_of(" \t") != std::string::npos) {
      p.Fail(Field::kOrgCode, "bad_code", "单位代码中不能有空格");
    }
    if (u.name.empty()) p.Fail(Field::kOrgName, "empty", "单位名称为空");
    u.level =
        p.Code(Field::kOrgLevel, meta::ParseOrgLevel, meta::OrgLevel::kSchool, "bad_level", "层级");
    r.parent_ref = std::string(p.Get(Field::kParent));
    if (u.level == meta::OrgLevel::kSchool) {
      u.school_type =
          p.Code(Field::kSchoolType, meta::ParseSchoolType, 0, "bad_school_type", "办学类型");
      if (u.school_type == 0 && p.Get(Field::kSchoolType).empty()) {
        p.Fail(Field::kSchoolType, "empty", "学校须填写办学类型（如 211 或“小学”）");
      }
      if (u.code.size() != 10 || u.code.find_first_not_of("0123456789") != std::string::npos) {
        report->warnings.Add(RowError{r.row, map.Label(Field::kOrgCode),
                                      ReportedValue(Field::kOrgCode, u.code), "unusual_school_code",
                                      "学校标识码通常为10位数字"});
      }
    }
    r.has_ownership = !p.Get(Field::kOwnership).empty();
    u.ownership = p.Code(Field::kOwnership, meta::ParseOwnership, meta::Ownership::kUnknown,
                         "bad_ownership", "办别");
    r.has_urban_rural = !p.Get(Field::kUrbanRural).empty();
    u.urban_rural =
        p.Code(Field::kUrbanRural, meta::ParseUrbanRural, 0, "bad_urban_rural", "城乡分类");
    if (p.Has(Field::kBoarding)) u.boarding = p.YesNo(Field::kBoarding);
    if (p.Has(Field::kSmallScale)) u.small_scale = p.YesNo(Field::kSmallScale);
    if (p.Has(Field::kAffordable)) u.affordable = p.YesNo(Field::kAffordable);
    r.central_ref = std::string(p.Get(Field::kCentralSchool));
    if (!p.row_ok()) return;
    if (auto [it, fresh] = row_of_code.try_emplace(u.code, rows.size()); !fresh) {
      p.Fail(Field::kOrgCode, "duplicate_code",
             "与第" + std::to_string(rows[it->second].row) + "行的单位代码相同");
      return;
    }
    rows.push_back(std::move(r));
  });
  if (!read) return;

  // --- resolve parents and central schools, in the file first, then in the store ----------
  std::unordered_multimap<std::string_view, std::size_t> rows_of_name;
  for (std::size_t i = 0; i < rows.size(); ++i) rows_of_name.emplace(rows[i].unit.name, i);
  auto resolve = [&](const std::string& ref, std::ptrdiff_t* in_file,
                     const meta::OrgUnit** stored) -> core::Status {
    if (auto it = row_of_code.find(ref); it != row_of_code.end()) {
      *in_file = static_cast<std::ptrdiff_t>(it->second);
      return core::Status::OK();
    }
    if (const meta::OrgUnit* u = tree.ByCode(ref)) {
      *stored = u;
      return core::Status::OK();
    }
    const auto [first, last] = rows_of_name.equal_range(ref);
    const auto in_file_named = std::distance(first, last);
    const auto stored_named = tree.ByName(ref);
    // One unit by code: a row of the file that restates a stored unit is that unit.
    std::set<std::string_view> codes_named;
    for (auto it = first; it != last; ++it) codes_named.insert(rows[it->second].unit.code);
    for (const meta::OrgUnit* u : stored_named) codes_named.insert(u->code);
    if (codes_named.size() > 1) {
      return core::Status::InvalidArgument("ambiguous_org_unit",
                                           "有多个单位名为“" + ref + "”，请填写单位代码");
    }
    if (in_file_named == 1) {
      *in_file = static_cast<std::ptrdiff_t>(first->second);
      return core::Status::OK();
    }
    if (stored_named.size() == 1) {
      *stored = stored_named[0];
      return core::Status::OK();
    }
    return core::Status::NotFound("unknown_org_unit", "找不到单位“" + ref + "”");
  };
  auto fail = [&](const OrgRow& r, Field f, std::string value, const core::Status& s) {
    report->errors.Add(RowError{r.row, map.Label(f), std::move(value), std::string(s.reason()),
                                std::string(s.message())});
  };
  auto may_write = [&](const meta::OrgUnit& u) {
    return !options.may_write || options.may_write(u);
  };
  for (OrgRow& r : rows) r.existing = tree.ByCode(r.unit.code);
  // A reference to a row that is already stored is a reference to the stored unit.
  auto settle = [&](std::ptrdiff_t* in_file, const meta::OrgUnit** stored) {
    if (*in_file >= 0 && rows[static_cast<std::size_t>(*in_file)].existing != nullptr) {
      *stored = rows[static_cast<std::size_t>(*in_file)].existing;
      *in_file = -1;
    }
  };
  for (OrgRow& r : rows) {
    if (r.existing != nullptr && !may_write(*r.existing)) {
      fail(r, Field::kOrgCode, r.unit.code,
           core::Status::PermissionDenied("out_of_scope", "无权修改单位“" + r.unit.code + "”"));
      continue;
    }
    if (r.existing != nullptr && r.existing->level != r.unit.level) {
      fail(r, Field::kOrgLevel, std::string(meta::OrgLevelName(r.unit.level)),
           core::Status::FailedPrecondition(
               "level_change", "已有单位“" + r.existing->name + "”的层级是" +
                                   std::string(meta::OrgLevelName(r.existing->level)) +
                                   "，不能改为" + std::string(meta::OrgLevelName(r.unit.level))));
      continue;
    }
    if (r.parent_ref.empty()) {
      const bool root_ok = r.unit.level == meta::OrgLevel::kProvince ||
                           (r.existing != nullptr && r.existing->parent_id == 0) ||
                           (tree.units().empty() && r.unit.level != meta::OrgLevel::kSchool);
      if (!root_ok && r.existing == nullptr) {
        fail(r, Field::kParent, "",
             core::Status::InvalidArgument("missing_parent", "上级单位为空"));
      }
    } else if (core::Status s = resolve(r.parent_ref, &r.file_parent, &r.stored_parent); !s.ok()) {
      fail(r, Field::kParent, r.parent_ref, s);
      continue;
    }
    settle(&r.file_parent, &r.stored_parent);
    const meta::OrgLevel parent_level =
        r.file_parent >= 0 ? rows[static_cast<std::size_t>(r.file_parent)].unit.level
        : r.stored_parent  ? r.stored_parent->level
                           : meta::OrgLevel::kProvince;
    if ((r.file_parent >= 0 || r.stored_parent) &&
        static_cast<int>(parent_level) >= static_cast<int>(r.unit.level)) {
      fail(r, Field::kParent, r.parent_ref,
           core::Status::InvalidArgument(
               "bad_parent", "上级单位的层级（" + std::string(meta::OrgLevelName(parent_level)) +
                                 "）须高于本单位"));
      continue;
    }
    if (r.stored_parent != nullptr && !may_write(*r.stored_parent)) {
      fail(r, Field::kParent, r.parent_ref,
           core::Status::NotFound("unknown_org_unit", "找不到单位“" + r.parent_ref + "”"));
      continue;
    }
    if (!r.central_ref.empty()) {
      if (core::Status s = resolve(r.central_ref, &r.file_central, &r.stored_central); !s.ok()) {
        fail(r, Field::kCentralSchool, r.central_ref, s);
        continue;
      }
      settle(&r.file_central, &r.stored_central);
      const meta::OrgLevel central_level =
          r.file_central >= 0 ? rows[static_cast<std::size_t>(r.file_central)].unit.level
                              : r.stored_central->level;
      if (central_level != meta::OrgLevel::kSchool) {
        fail(r, Field::kCentralSchool, r.central_ref,
             core::Status::InvalidArgument("not_a_school", "所属中心校须是学校"));
      }
    }
  }

  // --- compare ----------------------------------------------------------------------------
  EntityCounts counts{"org_unit"};
  std::vector<meta::OrgUnit> changed;
  for (OrgRow& r : rows) {
    if (r.stored_parent) r.unit.parent_id = r.stored_parent->id;
    if (r.stored_central) r.unit.central_school_id = r.stored_central->id;
    if (r.existing == nullptr) {
      Count(&counts, false, false);
      continue;
    }
    // A parent or central school new in this file makes the row change once it is written.
    const bool pending = r.file_parent >= 0 || r.file_central >= 0;
    const meta::OrgUnit merged = Merge(*r.existing, r, map);
    Count(&counts, true, pending || merged != *r.existing);
  }
  report->counts = {counts};
  Conclude(report);
  if (!report->status.ok() || options.dry_run || counts.added + counts.changed == 0) return;

  // --- write: new units level by level, then the updates ----------------------------------
  store::AuditContext context = audit;
  context.detail_json = AuditDetail(*report);
  auto txn = store.Begin(context, base->version);
  if (!txn.ok()) return Reject(report, txn.status());
  std::vector<std::int64_t> id_of_row(rows.size(), 0);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].existing) id_of_row[i] = rows[i].existing->id;
  }
  for (int level = 1; level <= 5; ++level) {
    std::vector<meta::OrgUnit> batch;
    std::vector<std::size_t> batch_rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      OrgRow& r = rows[i];
      if (r.existing || static_cast<int>(r.unit.level) != level) continue;
      if (r.file_parent >= 0) r.unit.parent_id = id_of_row[static_cast<std::size_t>(r.file_parent)];
      meta::OrgUnit u = r.unit;
      if (r.file_central >= 0) u.central_school_id = 0;  // set once the central school exists
      batch.push_back(std::move(u));
      batch_rows.push_back(i);
    }
    if (core::Status s = txn->InsertOrgUnits(batch); !s.ok()) return Reject(report, s);
    for (std::size_t k = 0; k < batch.size(); ++k) id_of_row[batch_rows[k]] = batch[k].id;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    OrgRow& r = rows[i];
    if (r.file_parent >= 0) r.unit.parent_id = id_of_row[static_cast<std::size_t>(r.file_parent)];
    if (r.file_central >= 0) {
      r.unit.central_school_id = id_of_row[static_cast<std::size_t>(r.file_central)];
    }
    if (r.existing != nullptr) {
      const meta::OrgUnit merged = Merge(*r.existing, r, map);
      if (merged != *r.existing) changed.push_back(merged);
    } else if (r.file_central >= 0) {
      meta::OrgUnit u = r.unit;
      u.id = id_of_row[i];
      changed.push_back(u);
    }
  }
  if (core::Status s = txn->UpdateOrgUnits(changed); !s.ok()) return Reject(report, s);
  auto committed = txn->Commit();
  if (!committed.ok()) return Reject(report, committed.status());
  report->written = true;
  report->audit_id = *committed;
}

}  // namespace eduledger::ingest::internal
