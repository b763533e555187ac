// The workflow files of a metadata package: workflows.json (workflows of their own, such as
// the forms' form_submission) and ledgers/<code>.json (one programme ledger per file, with its
// fields and its workflow). Every fault names its file and key.
#include <algorithm>
#include <filesystem>
#include <set>

#include "core/file.h"
#include "meta/ledger_type.h"
#include "meta/package_reader_internal.h"
#include "meta/role.h"

namespace eduledger::meta::internal {

namespace {

constexpr int kMaxDeadlineDays = 3660;
constexpr std::size_t kMaxLedgerFiles = 256;

// The attributes every case has, which no field may take the code of.
constexpr std::string_view kCaseAttributes[] = {"id",     "ledger", "org",     "state",
                                                "opened", "closed", "comment", "responsible"};

bool Flag(PackageReader& r, const std::string& file, const std::string& key, const json& o,
          const char* name) {
  const auto it = o.find(name);
  if (it == o.end()) return false;
  if (!it->is_boolean()) {
    r.Fault(file, key.empty() ? std::string(name) : key + "." + name, "应为 true 或 false");
    return false;
  }
  return it->get<bool>();
}

void ReadState(PackageReader& r, const std::string& file, const std::string& key, const json& o,
               Workflow* w) {
  r.UnknownKeys(file, key, o, {"code", "name", "deadline_days", "deadline_field", "final"});
  WorkflowState s;
  s.code = r.Text(file, key, o, "code", true);
  s.name = r.Text(file, key, o, "name", true);
  if (o.contains("deadline_days")) {
    const json& d = o["deadline_days"];
    if (!d.is_number_integer() || d.get<int>() < 0 || d.get<int>() > kMaxDeadlineDays) {
      r.Fault(file, key + ".deadline_days", "应为 0 到 3660 的整数（进入此状态后的天数）");
    } else {
      s.deadline_days = d.get<int>();
    }
  }
  s.deadline_field = r.Text(file, key, o, "deadline_field", false);
  if (s.deadline_days && !s.deadline_field.empty()) {
    r.Fault(file, key, "deadline_days 与 deadline_field 只能用其一");
  }
  s.final = Flag(r, file, key, o, "final");
  if (s.final && (s.deadline_days || !s.deadline_field.empty())) {
    r.Fault(file, key, "终结状态 (final) 没有办理期限");
  }
  w->states.push_back(std::move(s));
}

void ReadTransition(PackageReader& r, const std::string& file, const std::string& key,
                    const json& o, Workflow* w) {
  r.UnknownKeys(file, key, o,
                {"code", "name", "from", "to", "roles", "requires", "comment_required"});
  WorkflowTransition t;
  t.code = r.Text(file, key, o, "code", true);
  t.name = r.Text(file, key, o, "name", true);
  t.from = r.Texts(file, key, o, "from");
  if (t.from.empty()) r.Fault(file, key + ".from", "须列出可从哪些状态办理");
  t.to = r.Text(file, key, o, "to", true);
  t.roles = r.Texts(file, key, o, "roles");
  for (const std::string& role : t.roles) {
    if (!RoleByKey(role)) {
      std::string known;
      for (const RoleInfo& info : Roles())
        known += (known.empty() ? "" : "、") + std::string(info.key);
      r.Fault(file, key + ".roles", "未知的角色 '" + role + "'（可用：" + known + "）");
    }
  }
  t.requires_fields = r.Texts(file, key, o, "requires");
  t.comment_required = Flag(r, file, key, o, "comment_required");
  w->transitions.push_back(std::move(t));
}

// A workflow object: its states and transitions, and the references among them. `fields`
// (a ledger's, else null) are what deadlines and requirements may name.
Workflow ReadWorkflow(PackageReader& r, const std::string& file, const std::string& key,
                      const json& o, const std::vector<LedgerField>* fields) {
  Workflow w;
  if (!o.is_object()) {
    r.Fault(file, key, "应为对象");
    return w;
  }
  r.UnknownKeys(file, key, o, {"code", "name", "initial", "states", "transitions"});
  w.code = r.Text(file, key, o, "code", fields == nullptr);
  w.name = r.Text(file, key, o, "name", false);
  w.initial = r.Text(file, key, o, "initial", true);
  const auto entries = [&](const char* list, auto read) {
    if (!o.contains(list)) {
      r.Fault(file, key + "." + list, "缺少必填项");
      return;
    }
    r.Entries(
        file, o, list, true, [&](const std::string& k, const json& e) { read(r, file, k, e, &w); },
        key + "." + list + ".");
  };
  entries("states", ReadState);
  entries("transitions", ReadTransition);
  const auto field = [&](const std::string& code) -> const LedgerField* {
    if (fields == nullptr) return nullptr;
    for (const LedgerField& f : *fields) {
      if (f.code == code) return &f;
    }
    return nullptr;
  };
  if (!w.initial.empty() && !w.State(w.initial)) {
    r.Fault(file, key + ".initial", "未定义的状态 '" + w.initial + "'");
  }
  for (const WorkflowState& s : w.states) {
    if (s.deadline_field.empty()) continue;
    const LedgerField* f = field(s.deadline_field);
    if (f == nullptr || f->type != FieldType::kDate) {
      r.Fault(file, key + ".states." + s.code + ".deadline_field",
              "应为本台账的日期字段，而不是 '" + s.deadline_field + "'");
    }
  }
  for (const WorkflowTransition& t : w.transitions) {
    const std::string tkey = key + ".transitions." + t.code;
    for (const std::string& from : t.from) {
      if (!w.State(from)) r.Fault(file, tkey + ".from", "未定义的状态 '" + from + "'");
      if (const WorkflowState* s = w.State(from);
          s && s->final && !t.roles.empty() && t.to == from) {
        r.Fault(file, tkey, "不能从终结状态回到它自己");
      }
    }
    if (!t.to.empty() && !w.State(t.to)) r.Fault(file, tkey + ".to", "未定义的状态 '" + t.to + "'");
    for (const std::string& f : t.requires_fields) {
      if (field(f) == nullptr) r.Fault(file, tkey + ".requires", "未定义的字段 '" + f + "'");
    }
  }
  return w;
}

void ReadField(PackageReader& r, const std::string& file, const std::string& key, const json& o,
               LedgerType* l) {
  r.UnknownKeys(file, key, o, {"code", "name", "type", "required", "options", "link", "ledger"});
  LedgerField f;
  f.code = r.Text(file, key, o, "code", true);
  f.name = r.Text(file, key, o, "name", true);
  if (std::find(std::begin(kCaseAttributes), std::end(kCaseAttributes), f.code) !=
      std::end(kCaseAttributes)) {
    r.Fault(file, key + ".code", "'" + f.code + "' 是每个台账事项都有的属性，不能用作字段代码");
  }
  const std::string type = r.Text(file, key, o, "type", true);
  if (const auto t = ParseFieldType(type)) {
    f.type = *t;
  } else if (!type.empty()) {
    r.Fault(file, key + ".type",
            "未知的字段类型 '" + type +
                "'（可用：text, integer, money, area, date, choice, bool, link）");
  }
  f.required = Flag(r, file, key, o, "required");
  if (o.contains("options")) {
    if (f.type != FieldType::kChoice)
      r.Fault(file, key + ".options", "只有选项字段 (choice) 有 options");
    r.Entries(
        file, o, "options", true,
        [&](const std::string& okey, const json& opt) {
          r.UnknownKeys(file, okey, opt, {"code", "name"});
          f.options.push_back(
              {r.Text(file, okey, opt, "code", true), r.Text(file, okey, opt, "name", true)});
        },
        key + ".");
  }
  if (f.type == FieldType::kChoice && f.options.empty()) {
    r.Fault(file, key + ".options", "选项字段须列出选项");
  }
  const std::string link = r.Text(file, key, o, "link", f.type == FieldType::kLink);
  if (!link.empty()) {
    if (f.type != FieldType::kLink) r.Fault(file, key + ".link", "只有关联字段 (link) 有 link");
    if (const auto target = ParseLinkTarget(link)) {
      f.link = *target;
    } else {
      r.Fault(file, key + ".link",
              "未知的关联对象 '" + link + "'（可用：student, school, staff, building, case）");
    }
  }
  f.link_ledger = r.Text(file, key, o, "ledger", false);
  if (f.type == FieldType::kLink && f.link == LinkTarget::kCase && f.link_ledger.empty()) {
    r.Fault(file, key + ".ledger", "关联台账事项的字段须写明是哪个台账");
  }
  l->fields.push_back(std::move(f));
}

void ReadLedger(PackageReader& r, const std::string& file, const json& o, Package* p) {
  if (!o.is_object()) {
    r.Fault(file, "", "应为 JSON 对象");
    return;
  }
  r.UnknownKeys(file, "", o,
                {"code", "name", "description", "fields", "workflow", "responsible", "views",
                 "entries", "period", "stock"});
  LedgerType l;
  l.code = r.Text(file, "", o, "code", true);
  if (!l.code.empty() && !IsCode(l.code)) {
    r.Fault(file, "code", "代码 '" + l.code + "' 只能含小写字母、数字和下划线");
  }
  const std::string stem = std::filesystem::path(file).stem().string();
  if (!l.code.empty() && l.code != stem) {
    r.Fault(file, "code", "台账代码 '" + l.code + "' 应与文件名 '" + stem + ".json' 一致");
  }
  l.name = r.Text(file, "", o, "name", true);
  l.description = r.Text(file, "", o, "description", false);
  r.Entries(
      file, o, "fields", true,
      [&](const std::string& key, const json& f) { ReadField(r, file, key, f, &l); }, "fields.");
  l.period = r.Text(file, "", o, "period", false);
  l.stock = Flag(r, file, "", o, "stock");
  if (l.stock && !l.period.empty()) {
    r.Fault(file, "period", "存量台账 (stock) 没有统计期字段");
  } else if (!l.period.empty()) {
    const LedgerField* f = l.Field(l.period);
    if (!f || f->code != l.period || f->type != FieldType::kDate) {
      r.Fault(file, "period", "'" + l.period + "' 不是本台账的日期字段");
    }
  }
  if (o.contains("workflow")) {
    l.workflow = ReadWorkflow(r, file, "workflow", o["workflow"], &l.fields);
    if (l.workflow.code.empty()) l.workflow.code = l.code;
    if (l.workflow.name.empty()) l.workflow.name = l.name;
  } else {
    r.Fault(file, "workflow", "缺少必填项");
  }
  if (o.contains("responsible")) {
    r.Entries(
        file, o, "responsible", true,
        [&](const std::string& k, const json& e) {
          r.UnknownKeys(file, k, e, {"code", "name", "line"});
          l.responsible.push_back({r.Text(file, k, e, "code", true),
                                   r.Text(file, k, e, "name", true),
                                   r.Text(file, k, e, "line", false)});
        },
        "responsible.");
  }
  if (o.contains("views")) {
    r.Entries(
        file, o, "views", true,
        [&](const std::string& k, const json& e) {
          r.UnknownKeys(file, k, e, {"code", "name", "states"});
          LedgerView v{r.Text(file, k, e, "code", true), r.Text(file, k, e, "name", true),
                       r.Texts(file, k, e, "states")};
          if (v.states.empty()) r.Fault(file, k + ".states", "须列出所含的状态");
          for (const std::string& s : v.states) {
            if (!l.workflow.State(s)) r.Fault(file, k + ".states", "未定义的状态 '" + s + "'");
          }
          l.views.push_back(std::move(v));
        },
        "views.");
  }
  if (o.contains("entries")) {
    r.Entries(
        file, o, "entries", true,
        [&](const std::string& k, const json& e) {
          r.UnknownKeys(file, k, e, {"code", "name", "fields"});
          LedgerType log;  // the entry's fields, read as a ledger's are
          r.Entries(
              file, e, "fields", true,
              [&](const std::string& fkey, const json& f) { ReadField(r, file, fkey, f, &log); },
              k + ".fields.");
          l.entries.push_back({r.Text(file, k, e, "code", true), r.Text(file, k, e, "name", true),
                               std::move(log.fields)});
        },
        "entries.");
  }
  l.package = p->name;
  l.source = file;
  l.workflow.package = p->name;
  p->ledgers.push_back(std::move(l));
}

}  // namespace

void ReadLedgers(PackageReader& r, const std::string& directory, Package* p) {
  const std::string workflows = directory + "/workflows.json";
  r.Entries(workflows, r.Load(workflows, false), "workflows", true,
            [&](const std::string& key, const json& o) {
              Workflow w = ReadWorkflow(r, workflows, key, o, nullptr);
              w.package = p->name;
              p->workflows.push_back(std::move(w));
            });
  const std::filesystem::path dir = std::filesystem::path(directory) / "ledgers";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return;
  std::vector<std::string> files;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path().string());
  }
  if (ec) r.Fault(dir.string(), "", "无法读取目录：" + core::SystemErrorText(ec.value()));
  if (files.size() > kMaxLedgerFiles) {
    r.Fault(dir.string(), "", "台账文件过多（至多 256 个）");
    files.resize(kMaxLedgerFiles);
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) ReadLedger(r, file, r.Load(file, true), p);
  // Links to other ledgers name one of this package.
  std::set<std::string> codes;
  for (const LedgerType& l : p->ledgers) codes.insert(l.code);
  for (const LedgerType& l : p->ledgers) {
    for (const LedgerField& f : l.fields) {
      if (!f.link_ledger.empty() && !codes.count(f.link_ledger)) {
        r.Fault(l.source, "fields." + f.code + ".ledger", "未定义的台账 '" + f.link_ledger + "'");
      }
    }
  }
}

}  // namespace eduledger::meta::internal
