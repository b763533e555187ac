#include "app/ledgers.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/case_people.h"
#include "core/personal_data.h"
#include "core/text.h"
#include "ledger/field_value.h"
#include "ledger/workflow_engine.h"
#include "meta/role.h"

namespace eduledger::app {

using core::Result;
using core::Status;
using nlohmann::json;

Result<const meta::LedgerType*> FindLedger(const Metadata& md, std::string_view code_or_name) {
  if (const meta::LedgerType* l = md.FindLedger(code_or_name)) return l;
  std::string known;
  for (const meta::LedgerType& l : md.ledgers()) {
    known += (known.empty() ? "" : "、") + l.name + " (" + l.code + ")";
  }
  return Status::NotFound("unknown_ledger",
                          "没有台账“" + std::string(code_or_name) + "”（现有：" + known + "）");
}

namespace {

json ParseFields(const std::string& stored) {
  json j = json::parse(stored.empty() ? "{}" : stored, nullptr, false);
  return j.is_object() ? j : json::object();
}

}  // namespace

Result<std::string> ResolveLink(store::Store& store, const meta::OrgTree& tree,
                                const meta::LedgerField& field, const std::string& typed) {
  switch (field.link) {
    case meta::LinkTarget::kSchool: {
      auto unit = tree.Resolve(typed);
      if (!unit.ok()) return unit.status().WithContext("“" + field.name + "”");
      return (*unit)->code;
    }
    case meta::LinkTarget::kStudent:
    case meta::LinkTarget::kStaff: {
      // By the ID number, else (a student) by the 全国学籍号.
      const store::PersonKey keys[] = {{meta::IdType::kResidentId, typed, {}},
                                       {meta::IdType::kResidentId, {}, typed}};
      std::int64_t id = 0;
      if (field.link == meta::LinkTarget::kStudent) {
        std::vector<store::Found<meta::Student>> out;
        EL_RETURN_IF_ERROR(store.FindStudents(keys, &out));
        if (!out.empty()) id = out.front().value.id;
      } else {
        std::vector<store::Found<meta::Staff>> out;
        EL_RETURN_IF_ERROR(store.FindStaff({keys, 1}, &out));
        if (!out.empty()) id = out.front().value.id;
      }
      if (id == 0) {
        return Status::NotFound("unknown_person",
                                "“" + field.name + "”：库中没有证件号或学籍号为 " +
                                    core::MaskIdNumber(typed) + " 的" +
                                    std::string(meta::LinkTargetName(field.link)));
      }
      return std::to_string(id);
    }
    case meta::LinkTarget::kBuilding:
    case meta::LinkTarget::kCase: {
      const std::int64_t id = core::ParseRecordId(typed);
      if (id == 0 && !typed.empty()) {
        return Status::InvalidArgument(
            "bad_field_value", "“" + field.name + "”应为台账事项编号，而不是“" + typed + "”");
      }
      EL_ASSIGN_OR_RETURN(const std::optional<store::Case> linked, store.FindCase(id));
      const std::string want =
          field.link == meta::LinkTarget::kBuilding ? "building" : field.link_ledger;
      if (typed.empty() || !linked || (!want.empty() && linked->ledger != want)) {
        return Status::NotFound("unknown_case",
                                "“" + field.name + "”：没有编号为 " + typed + " 的相应台账事项");
      }
      return typed;
    }
  }
  return typed;
}

Result<std::string> SetResponsible(const meta::LedgerType& ledger, const std::string& stored,
                                   const FieldValues& persons) {
  std::map<std::string, std::string> by_role;  // role code → person
  const json old = json::parse(stored.empty() ? "[]" : stored, nullptr, false);
  if (old.is_array()) {
    for (const json& r : old) {
      if (r.is_object() && r.value("role", "") != "") by_role[r["role"]] = r.value("person", "");
    }
  }
  for (const auto& [role, person] : persons) {
    const meta::ResponsibleRole* found = nullptr;
    for (const meta::ResponsibleRole& r : ledger.responsible) {
      if (r.code == role || r.name == role) found = &r;
    }
    if (found == nullptr) {
      std::string known;
      for (const meta::ResponsibleRole& r : ledger.responsible)
        known += (known.empty() ? "" : "、") + r.name;
      return Status::InvalidArgument(
          "unknown_role",
          ledger.name + "没有责任人“" + role + "”（有：" + (known.empty() ? "无" : known) + "）");
    }
    const std::string name(core::TrimSpace(person));
    if (name.empty()) {
      by_role.erase(found->code);
    } else {
      by_role[found->code] = name;
    }
  }
  json out = json::array();
  for (const meta::ResponsibleRole& r : ledger.responsible) {
    const auto it = by_role.find(r.code);
    if (it != by_role.end())
      out.push_back({{"role", r.code}, {"person", it->second}, {"line", r.line}});
  }
  return out.dump();
}

namespace {

// Set `values` into the case's fields, each checked; every fault is named at once.
Status ApplyValues(store::Store& store, const meta::OrgTree& tree, const meta::LedgerType& l,
                   const FieldValues& values, json* fields) {
  std::vector<std::string> faults;
  for (const auto& [name, typed] : values) {
    const meta::LedgerField* f = l.Field(name);
    if (f == nullptr) {
      std::string known;
      for (const meta::LedgerField& x : l.fields) known += (known.empty() ? "" : "、") + x.name;
      faults.push_back(l.name + "没有字段“" + name + "”（有：" + known + "）");
      continue;
    }
    if (core::TrimSpace(typed).empty()) {
      fields->erase(f->code);
      continue;
    }
    auto value = ledger::NormalizeFieldValue(*f, typed);
    if (value.ok() && f->type == meta::FieldType::kLink) {
      value = ResolveLink(store, tree, *f, *value);
    }
    if (!value.ok()) {
      faults.push_back(std::string(value.status().message()));
      continue;
    }
    (*fields)[f->code] = *value;
  }
  if (faults.empty()) return Status::OK();
  std::string message;
  for (const std::string& f : faults) message += (message.empty() ? "" : "；") + f;
  return Status::InvalidArgument("bad_field_value", message);
}

std::set<std::string> Filled(const json& fields) {
  std::set<std::string> out;
  for (const auto& [code, value] : fields.items()) {
    if (value.is_string() && !value.get<std::string>().empty()) out.insert(code);
  }
  return out;
}

store::AuditContext Audit(const Actor& actor, const char* action, const meta::LedgerType& l,
                          std::int64_t case_id, json detail = json::object()) {
  detail["ledger"] = l.code;
  if (case_id != 0) detail["case"] = case_id;
  return store::AuditContext{actor.user_id, std::string(RoleKey(actor.role)), action,
                             detail.dump()};
}

core::Date DayOr(core::Date day) { return day.is_null() ? core::Date::Today() : day; }

// The case as people read it.
CaseRow RowOf(const store::Case& c, const meta::LedgerType& l, const meta::OrgTree& tree,
              core::Date on) {
  CaseRow row;
  row.record = c;
  row.ledger = &l;
  row.state_name = ledger::StateName(l.workflow, c.state);
  if (const meta::OrgUnit* u = tree.ById(c.org_unit_id)) {
    row.org_code = u->code;
    row.org_name = u->name;
    if (const meta::OrgUnit* township = tree.TownshipOf(u->id)) row.township = township->name;
  }
  const json fields = ParseFields(c.fields);
  if (const meta::WorkflowState* s = l.workflow.State(c.state)) {
    std::optional<core::Date> field_date;
    if (!s->deadline_field.empty() && fields.contains(s->deadline_field)) {
      auto d = core::Date::Parse(fields[s->deadline_field].get<std::string>());
      if (d.ok()) field_date = *d;
    }
    row.deadline = ledger::Deadline(*s, c.state_since, field_date);
    row.overdue = ledger::Overdue(row.deadline, on);
  }
  for (const meta::LedgerField& f : l.fields) {
    if (!fields.contains(f.code) || !fields[f.code].is_string()) continue;
    row.values.emplace_back(f.name,
                            ledger::DisplayFieldValue(f, fields[f.code].get<std::string>()));
  }
  const json persons = json::parse(c.responsible.empty() ? "[]" : c.responsible, nullptr, false);
  for (const meta::ResponsibleRole& r : l.responsible) {
    for (const json& p : persons.is_array() ? persons : json::array()) {
      if (p.is_object() && p.value("role", "") == r.code)
        row.responsible.emplace_back(r.name, p.value("person", ""));
    }
  }
  return row;
}

// The states a query's state names: a state, or a view's states (code or name).
Result<std::set<std::string>> StatesOf(const meta::LedgerType& l, const std::string& state) {
  std::set<std::string> out;
  if (state.empty()) return out;
  for (const meta::WorkflowState& s : l.workflow.states) {
    if (s.code == state || s.name == state) return std::set<std::string>{s.code};
  }
  for (const meta::LedgerView& v : l.views) {
    if (v.code == state || v.name == state)
      return std::set<std::string>(v.states.begin(), v.states.end());
  }
  std::string known;
  for (const meta::WorkflowState& s : l.workflow.states)
    known += (known.empty() ? "" : "、") + s.name;
  for (const meta::LedgerView& v : l.views) known += "、" + v.name;
  return Status::NotFound("unknown_state",
                          l.name + "没有状态或分类“" + state + "”（有：" + known + "）");
}

// The stored case `id` the actor may see, with its ledger.
struct Loaded {
  store::Case c;
  const meta::LedgerType* ledger = nullptr;
};
Result<Loaded> LoadCase(store::Store& store, const Actor& actor, const Metadata& md,
                        const meta::OrgTree& tree, std::int64_t id) {
  EL_ASSIGN_OR_RETURN(std::optional<store::Case> c, store.FindCase(id));
  const Scope scope(actor, tree);
  if (!c || !scope.Sees(c->org_unit_id)) {
    return Status::NotFound("unknown_case", "没有编号为 " + std::to_string(id) + " 的台账事项");
  }
  const meta::LedgerType* l = md.FindLedger(c->ledger);
  if (l == nullptr) {
    return Status::FailedPrecondition(
        "unknown_ledger",
        "事项 " + std::to_string(id) + " 所属的台账“" + c->ledger + "”已不在元数据包中");
  }
  return Loaded{std::move(*c), l};
}

}  // namespace

Result<store::Case> OpenCase(store::Store& store, const Actor& actor, const Metadata& md,
                             const OpenCaseRequest& request) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  return OpenCase(store, actor, md, meta::OrgTree(std::move(units)), request);
}

Result<store::Case> OpenCase(store::Store& store, const Actor& actor, const Metadata& md,
                             const meta::OrgTree& tree, const OpenCaseRequest& request) {
  EL_ASSIGN_OR_RETURN(const meta::LedgerType* l, FindLedger(md, request.ledger));
  // Who opens a case: whoever may move it on from its first state.
  const bool may_open =
      actor.role == Role::kBureauAdmin ||
      !ledger::MovesFrom(l->workflow, l->workflow.initial, RoleKey(actor.role)).empty();
  if (!may_open) {
    return Status::PermissionDenied(
        "role_not_allowed", std::string(RoleName(actor.role)) + "不能在" + l->name + "中登记事项");
  }
  const Scope scope(actor, tree);
  EL_ASSIGN_OR_RETURN(const meta::OrgUnit* org, scope.Resolve(request.org));
  json fields = json::object();
  EL_RETURN_IF_ERROR(ApplyValues(store, tree, *l, request.values, &fields));
  std::vector<std::string> missing;
  const std::set<std::string> filled = Filled(fields);
  for (const meta::LedgerField& f : l->fields) {
    if (f.required && !filled.count(f.code)) missing.push_back(f.name);
  }
  if (!missing.empty()) {
    std::string names;
    for (const std::string& n : missing) names += (names.empty() ? "" : "、") + n;
    return Status::InvalidArgument("field_required", "在" + l->name + "中登记事项须填写：" + names);
  }
  const core::Date day = DayOr(request.day);
  store::Case c;
  c.ledger = l->code;
  c.org_unit_id = org->id;
  c.state = l->workflow.initial;
  c.opened = day;
  c.state_since = day;
  c.fields = fields.dump();
  EL_ASSIGN_OR_RETURN(c.responsible, SetResponsible(*l, "", request.responsible));
  c.origin = request.origin;
  EL_ASSIGN_OR_RETURN(store::Transaction txn,
                      store.Begin(Audit(actor, "case.open", *l, 0,
                                        {{"org_unit", org->code}, {"origin", request.origin}}),
                                  std::nullopt));
  EL_RETURN_IF_ERROR(txn.SaveCase(&c));
  store::CaseMove opening;
  opening.case_id = c.id;
  opening.to_state = c.state;
  opening.day = day;
  opening.comment = request.comment;
  EL_RETURN_IF_ERROR(txn.InsertCaseMove(&opening));
  EL_RETURN_IF_ERROR(txn.Commit().status());
  return c;
}

Result<store::Case> MoveCase(store::Store& store, const Actor& actor, const Metadata& md,
                             const MoveCaseRequest& request) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  EL_ASSIGN_OR_RETURN(Loaded loaded, LoadCase(store, actor, md, tree, request.id));
  store::Case& c = loaded.c;
  const meta::LedgerType& l = *loaded.ledger;
  if (request.expected_version && *request.expected_version != c.version) {
    return Status::Aborted("concurrent_write",
                           "该事项已被他人修改，本次操作未生效；请刷新后再办理");
  }
  json fields = ParseFields(c.fields);
  EL_RETURN_IF_ERROR(ApplyValues(store, tree, l, request.values, &fields));
  const std::set<std::string> filled = Filled(fields);
  EL_ASSIGN_OR_RETURN(const meta::WorkflowTransition* t,
                      ledger::CheckMove(l.workflow, c.state,
                                        {.transition = request.transition,
                                         .role = RoleKey(actor.role),
                                         .filled = &filled,
                                         .comment = request.comment},
                                        &l.fields));
  const core::Date day = DayOr(request.day);
  if (day < c.state_since) {
    return Status::InvalidArgument(
        "move_before_state",
        "办理日期 " + day.ToChinese() + " 早于事项进入当前状态的日期 " + c.state_since.ToChinese());
  }
  store::CaseMove move;
  move.case_id = c.id;
  move.transition = t->code;
  move.from_state = c.state;
  move.to_state = t->to;
  move.day = day;
  move.comment = request.comment;
  EL_ASSIGN_OR_RETURN(std::string responsible,
                      SetResponsible(l, c.responsible, request.responsible));
  if (t->to != c.state) c.state_since = day;
  c.state = t->to;
  c.fields = fields.dump();
  c.responsible = std::move(responsible);
  EL_ASSIGN_OR_RETURN(
      store::Transaction txn,
      store.Begin(
          Audit(actor, "case.move", l, c.id,
                {{"transition", t->code}, {"from", move.from_state}, {"to", move.to_state}}),
          std::nullopt));
  EL_RETURN_IF_ERROR(txn.SaveCase(&c));
  EL_RETURN_IF_ERROR(txn.InsertCaseMove(&move));
  EL_RETURN_IF_ERROR(txn.Commit().status());
  return c;
}

Result<store::CaseEntry> AddCaseEntry(store::Store& store, const Actor& actor, const Metadata& md,
                                      std::int64_t case_id, const std::string& entry,
                                      const FieldValues& values, core::Date day) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  EL_ASSIGN_OR_RETURN(Loaded loaded, LoadCase(store, actor, md, tree, case_id));
  const meta::LedgerType& l = *loaded.ledger;
  const meta::LedgerEntryType* type = nullptr;
  for (const meta::LedgerEntryType& e : l.entries) {
    if (e.code == entry || e.name == entry) type = &e;
  }
  if (type == nullptr) {
    return Status::NotFound("unknown_entry", l.name + "没有“" + entry + "”这种记录");
  }
  // Whoever may move the case on from its state may log on it.
  if (ledger::MovesFrom(l.workflow, loaded.c.state, RoleKey(actor.role)).empty() &&
      actor.role != Role::kBureauAdmin) {
    return Status::PermissionDenied(
        "role_not_allowed", std::string(RoleName(actor.role)) + "不能为该事项添加" + type->name);
  }
  meta::LedgerType as_fields;  // the entry's fields, checked as a ledger's are
  as_fields.name = type->name;
  as_fields.fields = type->fields;
  json fields = json::object();
  EL_RETURN_IF_ERROR(ApplyValues(store, tree, as_fields, values, &fields));
  const std::set<std::string> filled = Filled(fields);
  std::string missing;
  for (const meta::LedgerField& f : type->fields) {
    if (f.required && !filled.count(f.code)) missing += (missing.empty() ? "" : "、") + f.name;
  }
  if (!missing.empty()) {
    return Status::InvalidArgument("field_required", type->name + "须填写：" + missing);
  }
  store::CaseEntry e;
  e.case_id = case_id;
  e.entry = type->code;
  e.day = DayOr(day);
  e.fields = fields.dump();
  EL_ASSIGN_OR_RETURN(
      store::Transaction txn,
      store.Begin(Audit(actor, "case.log", l, case_id, {{"entry", type->code}}), std::nullopt));
  EL_RETURN_IF_ERROR(txn.InsertCaseEntry(&e));
  EL_RETURN_IF_ERROR(txn.Commit().status());
  return e;
}

Result<std::vector<CaseRow>> ListCases(store::Store& store, const Actor& actor, const Metadata& md,
                                       const CaseQuery& query) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  return ListCases(store, actor, md, meta::OrgTree(std::move(units)), query);
}

Result<std::vector<CaseRow>> ListCases(store::Store& store, const Actor& actor, const Metadata& md,
                                       const meta::OrgTree& tree, const CaseQuery& query) {
  EL_ASSIGN_OR_RETURN(const meta::LedgerType* l, FindLedger(md, query.ledger));
  EL_ASSIGN_OR_RETURN(const std::set<std::string> states, StatesOf(*l, query.state));
  const Scope scope(actor, tree);
  std::int64_t root = 0;
  if (!query.org.empty()) {
    EL_ASSIGN_OR_RETURN(const meta::OrgUnit* org, scope.Resolve(query.org));
    root = org->id;
  }
  const core::Date on = DayOr(query.on);
  std::vector<CaseRow> out;
  EL_RETURN_IF_ERROR(store.ScanCases(l->code, [&](const store::Case& c) {
    if (!scope.Sees(c.org_unit_id)) return Status::OK();
    if (root != 0 && !tree.IsWithin(c.org_unit_id, root)) return Status::OK();
    if (!states.empty() && !states.count(c.state)) return Status::OK();
    CaseRow row = RowOf(c, *l, tree, on);
    if (query.overdue_only && !row.overdue) return Status::OK();
    if (!query.responsible.empty() &&
        std::none_of(row.responsible.begin(), row.responsible.end(),
                     [&](const auto& r) { return r.second == query.responsible; })) {
      return Status::OK();
    }
    out.push_back(std::move(row));
    return Status::OK();
  }));
  return out;
}

namespace {

// A case's student or staff link shown as the person (陈*涛（3607**********0017）) in place of
// the internal id the case stores.
Status NamePeople(store::Store& store, const Actor& actor, const store::Case& c,
                  const meta::LedgerType& l, FieldValues* values) {
  EL_ASSIGN_OR_RETURN(const CasePeople people,
                      CasePeople::Load(store, l, {&c}, !actor.full_personal_view()));
  const json fields = ParseFields(c.fields);
  for (const meta::LedgerField& f : l.fields) {
    if (!fields.contains(f.code) || !fields[f.code].is_string()) continue;
    const LinkedPerson* p = people.Find(f, fields[f.code].get<std::string>());
    if (p == nullptr) continue;
    for (auto& [name, shown] : *values) {
      if (name == f.name) shown = p->name + "（" + p->identity + "）";
    }
  }
  return Status::OK();
}

// A link to another case (a building, a project) shown with what it names (78681（示例县实验中学
// 教学楼扩建工程）) when the actor sees it; as its number otherwise.
Status NameLinkedCases(store::Store& store, const Scope& scope, const store::Case& c,
                       const meta::LedgerType& l, FieldValues* values) {
  const json fields = ParseFields(c.fields);
  for (const meta::LedgerField& f : l.fields) {
    if (f.type != meta::FieldType::kLink ||
        (f.link != meta::LinkTarget::kCase && f.link != meta::LinkTarget::kBuilding) ||
        !fields.contains(f.code) || !fields[f.code].is_string()) {
      continue;
    }
    EL_ASSIGN_OR_RETURN(const std::optional<store::Case> linked,
                        store.FindCase(core::ParseRecordId(fields[f.code].get<std::string>())));
    if (!linked || !scope.Sees(linked->org_unit_id)) continue;
    const json of = ParseFields(linked->fields);
    const std::string name = of.contains("name") && of["name"].is_string()
                                 ? of["name"].get<std::string>()
                                 : std::string();
    if (name.empty()) continue;
    for (auto& [field, shown] : *values) {
      if (field == f.name) shown += "（" + name + "）";
    }
  }
  return Status::OK();
}

}  // namespace

Result<CaseDetail> ShowCase(store::Store& store, const Actor& actor, const Metadata& md,
                            std::int64_t id, core::Date on) {
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  EL_ASSIGN_OR_RETURN(Loaded loaded, LoadCase(store, actor, md, tree, id));
  CaseDetail d;
  d.row = RowOf(loaded.c, *loaded.ledger, tree, DayOr(on));
  EL_RETURN_IF_ERROR(NamePeople(store, actor, loaded.c, *loaded.ledger, &d.row.values));
  EL_RETURN_IF_ERROR(
      NameLinkedCases(store, Scope(actor, tree), loaded.c, *loaded.ledger, &d.row.values));
  EL_ASSIGN_OR_RETURN(d.moves, store.ListCaseMoves(id));
  EL_ASSIGN_OR_RETURN(d.entries, store.ListCaseEntries(id));
  d.next = ledger::MovesFrom(loaded.ledger->workflow, loaded.c.state, RoleKey(actor.role));
  return d;
}

}  // namespace eduledger::app
