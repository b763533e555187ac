#include "app/case_import.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "app/case_columns.h"
#include "app/ledgers.h"
#include "app/register_io.h"
#include "core/file.h"
#include "core/id_number.h"
#include "core/log.h"
#include "core/personal_data.h"
#include "core/text.h"
#include "ledger/field_value.h"
#include "ledger/workflow_engine.h"

namespace eduledger::app {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxCellChars = 200;
constexpr std::size_t kMaxTextChars = 2000;  // a text field (整改措施, 情况说明)

// One data row as read and checked.
struct CaseLine {
  std::int64_t row = 0;
  std::int64_t id = 0;  // 事项编号; 0 for a new case
  const meta::OrgUnit* org = nullptr;
  std::string state;  // a state code; empty: not given
  core::Date opened;
  core::Date since;
  std::vector<std::pair<std::size_t, std::string>> values;   // column → canonical value
  std::vector<std::pair<std::string, std::string>> persons;  // role code → person
  std::string name;                                          // 姓名 as typed
  std::string identity;  // of a row without 事项编号: which case it is (Identity)
  std::string period;    // and its period field's value (PeriodOf)
  bool ok = true;
};

// Which case a row or a stored case is, when no 事项编号 says: its unit and the values of the
// ledger's required fields (those every case has from its opening: the student, programme,
// term and amount of a payment; the category, place and day of a hazard), or of every field
// for a ledger without required ones. A list sent again with its cases further on (整改中 →
// 已验收) moves them instead of opening them twice. Cases of one identity are told apart by
// their period field (PeriodOf: one year's payment from the next year's of the same kind); a
// row whose period is blank, or a case whose period the row is the first to give (a work's
// 完工日期), matches when it is the only such case.
std::string Identity(const meta::LedgerType& ledger, std::int64_t org_id, const json& fields) {
  bool any_required = false;
  for (const meta::LedgerField& f : ledger.fields) any_required = any_required || f.required;
  std::string out = std::to_string(org_id);
  for (const meta::LedgerField& f : ledger.fields) {
    if (any_required && !f.required) continue;
    out += "\x1f";
    const auto it = fields.find(f.code);
    if (it != fields.end() && it->is_string()) out += it->get<std::string>();
  }
  return out;
}

// A case's identity without its number fields and with the calendar year of its period: a
// second payment of one kind to one student in one term of a year, of another amount, is most
// likely the same one paid twice. Empty when it would say no more than Identity does.
std::string NearIdentity(const meta::LedgerType& ledger, std::int64_t org_id, const json& fields) {
  std::string out = std::to_string(org_id);
  bool differs = false;
  for (const meta::LedgerField& f : ledger.fields) {
    const bool number = meta::IsNumberField(f.type);
    if (!f.required && f.code != ledger.period) continue;
    const auto it = fields.find(f.code);
    const std::string value = it != fields.end() && it->is_string() ? it->get<std::string>() : "";
    if (f.code == ledger.period) {
      differs = differs || !f.required;
      out += "\x1f" + value.substr(0, 4);
    } else if (number) {
      differs = true;
    } else {
      out += "\x1f" + value;
    }
  }
  return differs ? out : "";
}

// The value of the ledger's period field, "" when it has none or the case none yet.
std::string PeriodOf(const meta::LedgerType& ledger, const json& fields) {
  if (ledger.period.empty()) return "";
  const auto it = fields.find(ledger.period);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : "";
}

// FNV-1a: the origin of a case an import opens, from its identity.
std::string ContentOrigin(const std::string& content) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : content) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char out[32];
  std::snprintf(out, sizeof out, "import:%016llx", static_cast<unsigned long long>(h));
  return out;
}

class CaseImport {
 public:
  CaseImport(store::Store& store, const Actor& actor, const meta::LedgerType& ledger,
             const meta::OrgTree& tree, std::int64_t version, const CaseImportRequest& request,
             ingest::ImportReport* report)
      : version_(version),
        store_(store),
        actor_(actor),
        ledger_(ledger),
        tree_(tree),
        scope_(actor, tree),
        request_(request),
        report_(report),
        columns_(CaseColumnsOf(ledger)),
        student_(StudentLinkOf(ledger)) {}

  void Run(ingest::TableReader& reader) {
    report_->source = reader.description();
    const std::vector<ingest::HeaderWords> words = HeaderWordsOf(columns_);
    auto map = ingest::ReadHeaderRow(reader, words, report_->file);
    if (!map.ok()) {
      report_->status = map.status();
      return;
    }
    map_ = std::move(*map);
    report_->ignored_columns = map_.ignored();
    report_->header_row = map_.header_row();
    if (Status st = CheckColumns(); !st.ok()) {
      report_->status = st;
      return;
    }
    may_open_ = actor_.role == Role::kBureauAdmin ||
                !ledger::MovesFrom(ledger_.workflow, ledger_.workflow.initial, RoleKey(actor_.role))
                     .empty();
    if (!ReadLines(reader)) return;
    Phase("比对", 0);
    ResolvePeople();
    CheckDuplicates();
    if (report_->status.ok()) Plan();
    Conclude();
    if (!report_->status.ok() || request_.dry_run || planned_.empty()) return;
    Write();
  }

 private:
  struct Planned {
    store::Case c;
    std::vector<store::CaseMove> moves;  // case_id filled on write
  };

  std::optional<std::size_t> ColumnOf(CaseColumnKind kind) const {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].kind == kind && map_.has(i)) return i;
    }
    return std::nullopt;
  }

  Status CheckColumns() const {
    const bool has_id = ColumnOf(CaseColumnKind::kId).has_value();
    std::string missing;
    if (!has_id && !ColumnOf(CaseColumnKind::kOrgCode) && !ColumnOf(CaseColumnKind::kOrgName)) {
      missing = "单位代码或单位名称";
    }
    // A file that only updates cases (it has 事项编号) need not repeat what they hold.
    for (std::size_t i = 0; i < columns_.size() && !has_id; ++i) {
      const CaseColumn& c = columns_[i];
      if (c.kind == CaseColumnKind::kField && c.field->required && !map_.has(i)) {
        missing += (missing.empty() ? "" : "、") + c.header;
      }
    }
    if (missing.empty()) return Status::OK();
    return Status::InvalidArgument("missing_column",
                                   ledger_.name + "的文件缺少必需的列：" + missing);
  }

  void Phase(std::string_view phase, double fraction) const {
    if (request_.progress) request_.progress(phase, fraction);
  }

  std::string_view Cell(const ingest::Row& row, std::size_t column) const {
    const int c = map_.col(column);
    return c < 0 ? std::string_view() : core::TrimSpace(row.text(static_cast<std::size_t>(c)));
  }

  // A value as a report shows it: ID numbers masked, as the logs mask them.
  std::string Shown(std::size_t column, std::string_view text) const {
    const CaseColumn& c = columns_[column];
    const bool personal = c.kind == CaseColumnKind::kField && c.field == student_;
    return core::VisibleText(personal ? core::MaskIdNumber(text) : std::string(text));
  }

  void Fail(CaseLine* line, std::size_t column, std::string_view text, std::string_view reason,
            std::string message) {
    line->ok = false;
    report_->errors.Add(ingest::RowError{line->row, map_.Label(column), Shown(column, text),
                                         std::string(reason), std::move(message)});
  }
  void FailRow(CaseLine* line, std::string_view reason, std::string message) {
    line->ok = false;
    report_->errors.Add(
        ingest::RowError{line->row, "", "", std::string(reason), std::move(message)});
  }

  bool ReadLines(ingest::TableReader& reader) {
    ingest::Row row;
    while (true) {
      auto more = reader.Next(&row);
      if (!more.ok()) {
        report_->status = more.status();
        return false;
      }
      if (!*more) break;
      ++report_->rows;
      lines_.push_back(ReadLine(row));
      if ((report_->rows & 4095) == 0) Phase("读取校验", reader.progress());
    }
    Phase("读取校验", 1);
    return true;
  }

  CaseLine ReadLine(const ingest::Row& row) {
    CaseLine line;
    line.row = row.number;
    std::string org_code, org_name;
    std::size_t org_column = 0;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string_view text = Cell(row, i);
      if (text.empty()) continue;
      const CaseColumn& col = columns_[i];
      const bool free_text =
          col.kind == CaseColumnKind::kField && col.field->type == meta::FieldType::kText;
      if (Status st =
              ingest::CheckCellText(text, free_text ? kMaxTextChars : kMaxCellChars, free_text);
          !st.ok()) {
        Fail(&line, i, core::Utf8Prefix(text, 20), st.reason(), std::string(st.message()));
        continue;
      }
      switch (col.kind) {
        case CaseColumnKind::kId: {
          const std::int64_t id = core::ParseRecordId(text);
          if (id == 0) {
            Fail(&line, i, text, "bad_case_id", "事项编号应为正整数（导出文件中的编号）");
          } else {
            line.id = id;
          }
          break;
        }
        case CaseColumnKind::kOrgCode:
          org_code = text;
          org_column = i;
          break;
        case CaseColumnKind::kOrgName:
          if (org_code.empty()) org_column = i;
          org_name = text;
          break;
        case CaseColumnKind::kState: {
          for (const meta::WorkflowState& s : ledger_.workflow.states) {
            if (s.code == text || s.name == text) line.state = s.code;
          }
          if (line.state.empty()) {
            std::string known;
            for (const meta::WorkflowState& s : ledger_.workflow.states)
              known += (known.empty() ? "" : "、") + s.name;
            Fail(&line, i, text, "unknown_state",
                 ledger_.name + "没有状态“" + std::string(text) + "”，可填：" + known);
          }
          break;
        }
        case CaseColumnKind::kOpened:
        case CaseColumnKind::kStateSince: {
          auto d = core::Date::Parse(text);
          if (!d.ok()) {
            Fail(&line, i, text, d.status().reason(), std::string(d.status().message()));
          } else if (*d > request_.today) {
            Fail(&line, i, text, "future_date",
                 "日期晚于今天（" + request_.today.ToChinese() + "）");
          } else {
            (col.kind == CaseColumnKind::kOpened ? line.opened : line.since) = *d;
          }
          break;
        }
        case CaseColumnKind::kField: {
          const bool person = col.field->type == meta::FieldType::kLink &&
                              (col.field->link == meta::LinkTarget::kStudent ||
                               col.field->link == meta::LinkTarget::kStaff);
          if (person && text.find('*') != std::string_view::npos) {
            // A masked export's identity: the case it updates keeps the person it has.
            if (line.id == 0) {
              Fail(&line, i, text, "masked_identity",
                   "证件号已遮蔽（*），无法识别是哪一位；请填写完整的证件号或全国学籍号");
            }
            break;
          }
          auto value = ledger::NormalizeFieldValue(*col.field, text);
          if (!value.ok()) {
            Fail(&line, i, text, value.status().reason(), std::string(value.status().message()));
          } else {
            line.values.emplace_back(i, std::move(*value));
          }
          break;
        }
        case CaseColumnKind::kPersonName:
          line.name = text;
          break;
        case CaseColumnKind::kResponsible:
          line.persons.emplace_back(col.role->code, std::string(text));
          break;
      }
    }
    if (!org_code.empty() || !org_name.empty()) {
      auto unit = tree_.Resolve(org_code.empty() ? org_name : org_code);
      const std::string typed = org_code.empty() ? org_name : org_code;
      if (!unit.ok() || !scope_.Sees(**unit)) {
        // Outside the actor's scope: its existence stays hidden.
        Fail(&line, org_column, typed, "unknown_org_unit", "单位“" + typed + "”不存在");
      } else {
        line.org = *unit;
      }
    } else if (line.id == 0 && line.ok) {
      FailRow(&line, "org_required", "新登记的事项须填写单位代码或单位名称");
    }
    return line;
  }

  // The student (and staff) links of every row, looked up in one pass each.
  void ResolvePeople() {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const CaseColumn& col = columns_[i];
      if (col.kind != CaseColumnKind::kField || col.field->type != meta::FieldType::kLink) continue;
      if (col.field->link == meta::LinkTarget::kStudent ||
          col.field->link == meta::LinkTarget::kStaff) {
        ResolvePersons(i);
      } else {
        ResolveOtherLinks(i);
      }
    }
  }

  void ResolvePersons(std::size_t column) {
    const meta::LedgerField& field = *columns_[column].field;
    // Each typed identity once: its canonical text (an ID number checked, else as typed).
    std::vector<std::string> texts;
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::pair<CaseLine*, std::string*>> uses;
    for (CaseLine& line : lines_) {
      for (auto& [c, value] : line.values) {
        if (c != column) continue;
        std::string key = value;
        if (auto id = core::IdNumber::Parse(value, request_.today); id.ok())
          key = id->str();
        else
          key[0] = core::AsciiUpper(key[0]);
        index.emplace(key, texts.size());
        if (index.size() > texts.size()) texts.push_back(key);
        value = key;
        uses.emplace_back(&line, &value);
      }
    }
    std::vector<store::PersonKey> keys;
    keys.reserve(texts.size() * 2);
    for (const std::string& t : texts) {
      keys.push_back({meta::IdType::kResidentId, t, {}});
      keys.push_back({meta::IdType::kResidentId, {}, t});
    }
    std::vector<std::int64_t> ids(texts.size(), 0);
    std::vector<std::string> names(texts.size());
    Status st;
    if (field.link == meta::LinkTarget::kStudent) {
      std::vector<store::Found<meta::Student>> found;
      st = store_.FindStudents(keys, &found);
      for (const auto& f : found) {
        ids[f.index / 2] = f.value.id;
        names[f.index / 2] = f.value.name;
      }
    } else {
      std::vector<store::Found<meta::Staff>> found;
      st = store_.FindStaff(keys, &found);
      for (const auto& f : found) {
        ids[f.index / 2] = f.value.id;
        names[f.index / 2] = f.value.name;
      }
    }
    if (!st.ok()) {
      report_->status = st;
      return;
    }
    for (auto [line, value] : uses) {
      const std::size_t k = index.at(*value);
      if (ids[k] == 0) {
        Fail(line, column, *value, "unknown_person",
             "库中没有证件号或学籍号为 " + core::MaskIdNumber(*value) + " 的" +
                 std::string(meta::LinkTargetName(field.link)));
        continue;
      }
      if (&field == student_ && !line->name.empty() && line->name.find('*') == std::string::npos &&
          line->name != names[k]) {
        report_->warnings.Add(ingest::RowError{
            line->row, PersonNameLabel(), core::MaskName(line->name), "name_mismatch",
            "姓名与学籍库中该证件号的学生（" + core::MaskName(names[k]) + "）不一致，请核对"});
      }
      *value = std::to_string(ids[k]);
    }
  }

  std::string PersonNameLabel() const {
    const auto c = ColumnOf(CaseColumnKind::kPersonName);
    return c ? map_.Label(*c) : "";
  }

  // Links to a school, building or case: few distinct values, each resolved once.
  void ResolveOtherLinks(std::size_t column) {
    const meta::LedgerField& field = *columns_[column].field;
    std::map<std::string, Result<std::string>> resolved;
    for (CaseLine& line : lines_) {
      for (auto& [c, value] : line.values) {
        if (c != column) continue;
        auto it = resolved.find(value);
        if (it == resolved.end()) {
          it = resolved.emplace(value, ResolveLink(store_, tree_, field, value)).first;
        }
        if (!it->second.ok()) {
          Fail(&line, column, value, it->second.status().reason(),
               std::string(it->second.status().message()));
        } else {
          value = *it->second;
        }
      }
    }
  }

  void CheckDuplicates() {
    std::unordered_map<std::int64_t, std::int64_t> ids;
    std::unordered_map<std::string, std::int64_t> contents;
    for (CaseLine& line : lines_) {
      if (!line.ok) continue;
      if (line.id != 0) {
        const auto [it, fresh] = ids.emplace(line.id, line.row);
        if (!fresh) {
          FailRow(&line, "duplicate_case",
                  "事项编号 " + std::to_string(line.id) + " 与第" + std::to_string(it->second) +
                      "行重复，同一事项只能有一行");
        }
      } else {
        json fields = json::object();
        for (const auto& [column, value] : line.values)
          fields[columns_[column].field->code] = value;
        line.identity = Identity(ledger_, line.org->id, fields);
        line.period = PeriodOf(ledger_, fields);
        const auto [it, fresh] = contents.emplace(line.identity + "\x1e" + line.period, line.row);
        if (!fresh) {
          FailRow(&line, "duplicate_row",
                  "与第" + std::to_string(it->second) + "行是同一事项（单位和" + IdentityWords() +
                      "都相同），请合并为一行");
        }
      }
    }
  }

  std::string IdentityWords() const {
    std::string out;
    for (const meta::LedgerField& f : ledger_.fields) {
      if (f.required || f.code == ledger_.period) out += (out.empty() ? "" : "、") + f.name;
    }
    return out.empty() ? "各字段" : out;
  }

  // The stored cases of the ledger by identity, for the rows without 事项编号.
  Status LoadIdentities() {
    bool needed = false;
    for (const CaseLine& line : lines_) needed = needed || (line.ok && line.id == 0);
    if (!needed) return Status::OK();
    return store_.ScanCases(ledger_.code, [this](const store::Case& c) {
      json fields = json::parse(c.fields.empty() ? "{}" : c.fields, nullptr, false);
      if (!fields.is_object()) fields = json::object();
      stored_[Identity(ledger_, c.org_unit_id, fields)].push_back(
          {PeriodOf(ledger_, fields), c.id});
      if (std::string near = NearIdentity(ledger_, c.org_unit_id, fields); !near.empty()) {
        near_.emplace(std::move(near), "事项 " + std::to_string(c.id));
      }
      return Status::OK();
    });
  }

  void Plan() {
    if (Status st = LoadIdentities(); !st.ok()) {
      report_->status = st;
      return;
    }
    std::int64_t done = 0;
    for (CaseLine& line : lines_) {
      if ((++done & 4095) == 0) Phase("比对", static_cast<double>(done) / lines_.size());
      if (line.ok) PlanLine(&line);
    }
    Phase("比对", 1);
  }

  // A new case much like a stored one or one of an earlier row: a warning, not an error (two
  // payments in a term may be right, a 补发).
  void WarnIfNear(const CaseLine& line, const json& fields) {
    std::string near = NearIdentity(ledger_, line.org->id, fields);
    if (near.empty()) return;
    const auto [it, fresh] = near_.emplace(near, "第" + std::to_string(line.row) + "行");
    if (fresh) return;
    std::string words;
    for (const meta::LedgerField& f : ledger_.fields) {
      const bool number = meta::IsNumberField(f.type);
      if (f.required && !number && f.code != ledger_.period) {
        words += (words.empty() ? "" : "、") + f.name;
      }
    }
    const meta::LedgerField* period = ledger_.Field(ledger_.period);
    report_->warnings.Add(ingest::RowError{
        line.row, "", "", "possible_duplicate",
        "与" + it->second + "的单位和" + words + "相同" +
            (period != nullptr ? "，" + period->name + "在同一年" : std::string()) +
            "：是否重复登记（重复发放）？请核对"});
  }

  // The stored case a row without 事项编号 is (0: a new one): of its identity, the one of its
  // period, else the only one whose period is blank or, for a row without a period, the only one.
  Result<std::int64_t> MatchStored(const CaseLine& line) const {
    const auto it = stored_.find(line.identity);
    if (it == stored_.end()) return std::int64_t{0};
    std::vector<std::int64_t> same, open;
    for (const auto& [period, id] : it->second) {
      if (period == line.period) same.push_back(id);
      if (period.empty() || line.period.empty()) open.push_back(id);
    }
    const std::vector<std::int64_t>& candidates = !same.empty() ? same : open;
    if (candidates.size() > 1) {
      return Status::InvalidArgument(
          "ambiguous_row",
          "库中有 " + std::to_string(candidates.size()) + " 件" + IdentityWords() +
              "都相同的事项，无法确定是哪一件；请填写事项编号（可从 ledger export 导出）");
    }
    return candidates.empty() ? std::int64_t{0} : candidates.front();
  }

  void PlanLine(CaseLine* line) {
    store::Case c;
    json fields = json::object();
    bool exists = false;
    if (line->id == 0) {
      const auto match = MatchStored(*line);
      if (!match.ok()) {
        return FailRow(line, match.status().reason(), std::string(match.status().message()));
      }
      line->id = *match;
    }
    if (line->id != 0 && !planned_ids_.emplace(line->id, line->row).second) {
      return FailRow(line, "duplicate_case",
                     "与第" + std::to_string(planned_ids_[line->id]) + "行是同一事项（编号 " +
                         std::to_string(line->id) + "），请合并为一行");
    }
    if (line->id != 0) {
      auto found = store_.FindCase(line->id);
      if (!found.ok()) {
        report_->status = found.status();
        return;
      }
      if (!*found || (*found)->ledger != ledger_.code || !scope_.Sees((*found)->org_unit_id)) {
        return FailRow(line, "unknown_case",
                       ledger_.name + "中没有编号为 " + std::to_string(line->id) + " 的事项");
      }
      c = std::move(**found);
      exists = true;
      fields = json::parse(c.fields.empty() ? "{}" : c.fields, nullptr, false);
      if (!fields.is_object()) fields = json::object();
    } else {
      c.origin = ContentOrigin(line->identity + "\x1e" + line->period);
      if (!may_open_) {
        return FailRow(line, "role_not_allowed",
                       std::string(RoleName(actor_.role)) + "不能在" + ledger_.name +
                           "中登记新事项（可填写事项编号更新已有事项）");
      }
      c.ledger = ledger_.code;
      c.state = ledger_.workflow.initial;
    }
    const store::Case before = c;
    const json fields_before = fields;
    if (line->org != nullptr) c.org_unit_id = line->org->id;
    for (const auto& [column, value] : line->values) fields[columns_[column].field->code] = value;
    std::set<std::string> filled;
    for (const auto& [code, value] : fields.items()) {
      if (value.is_string() && !value.get<std::string>().empty()) filled.insert(code);
    }
    if (!exists) {
      std::string missing;
      for (const meta::LedgerField& f : ledger_.fields) {
        if (f.required && !filled.count(f.code)) missing += (missing.empty() ? "" : "、") + f.name;
      }
      if (!missing.empty())
        return FailRow(line, "field_required", "新登记的事项须填写：" + missing);
      WarnIfNear(*line, fields);
    }
    auto responsible = SetResponsible(ledger_, c.responsible, line->persons);
    if (!responsible.ok()) {
      return FailRow(line, responsible.status().reason(),
                     std::string(responsible.status().message()));
    }
    c.responsible = *responsible;
    c.fields = fields.dump();

    // The days: the opening as given, else the day the ledger's period field names, else today;
    // the state's as given, else the opening's.
    if (!exists) {
      c.opened = line->opened;
      if (c.opened.is_null() && !ledger_.period.empty() && fields.contains(ledger_.period)) {
        auto d = core::Date::Parse(fields[ledger_.period].get<std::string>());
        if (d.ok()) c.opened = *d;
      }
      if (c.opened.is_null()) c.opened = request_.today;
      c.state_since = c.opened;
    }
    const core::Date day = !line->since.is_null() ? line->since
                           : exists               ? request_.today
                                                  : c.opened;
    std::vector<store::CaseMove> moves;
    if (!exists) {
      store::CaseMove opening;
      opening.to_state = c.state;
      opening.day = c.opened;
      opening.comment = Comment();
      moves.push_back(opening);
    }
    const std::string target = line->state.empty() ? c.state : line->state;
    if (target != c.state) {
      if (!PlanMoves(line, &c, exists, target, filled, day, &moves)) return;
    }
    const bool differs = !exists || c.org_unit_id != before.org_unit_id ||
                         fields != fields_before || c.responsible != before.responsible ||
                         c.state != before.state;
    if (!exists) {
      ++counts_.added;
    } else if (differs) {
      ++counts_.changed;
    } else {
      ++counts_.unchanged;
    }
    if (differs) planned_.push_back(Planned{std::move(c), std::move(moves)});
  }

  // The moves from the case's state to `target`, each checked as `ledger move` checks it.
  // A stored case's move needs a 状态日期 after the day it entered its state, or none (today):
  // an exported sheet edited to a new 状态 keeps the old day, and read back as it is, an older
  // export would carry a case back to where it was.
  bool PlanMoves(CaseLine* line, store::Case* c, bool stored, const std::string& target,
                 const std::set<std::string>& filled, core::Date day,
                 std::vector<store::CaseMove>* moves) {
    const std::string_view role = RoleKey(actor_.role);
    const auto path = ledger::PathTo(ledger_.workflow, c->state, target, role);
    const std::size_t state_col = *ColumnOf(CaseColumnKind::kState);
    if (!path) {
      Fail(line, state_col, ledger::StateName(ledger_.workflow, target), "no_path",
           std::string(RoleName(actor_.role)) + "不能把事项从“" +
               ledger::StateName(ledger_.workflow, c->state) + "”办理到“" +
               ledger::StateName(ledger_.workflow, target) + "”");
      return false;
    }
    const bool same_day = stored && !line->since.is_null() && day == c->state_since;
    if (day < c->state_since || same_day) {
      const std::size_t date_col = ColumnOf(CaseColumnKind::kStateSince).value_or(state_col);
      Fail(line, date_col, day.ToString(), "move_before_state",
           "状态日期 " + day.ToChinese() + (same_day ? " 就是" : " 早于") + "事项进入“" +
               ledger::StateName(ledger_.workflow, c->state) + "”的日期" +
               (same_day ? "" : " " + c->state_since.ToChinese()) +
               "：改了状态，请把状态日期改为办理这一步的日子，或留空（按今天）；"
               "若这是较早导出的文件，请重新导出");
      return false;
    }
    const std::string comment = Comment();
    for (const meta::WorkflowTransition* t : *path) {
      auto checked = ledger::CheckMove(
          ledger_.workflow, c->state,
          {.transition = t->code, .role = role, .filled = &filled, .comment = comment},
          &ledger_.fields);
      if (!checked.ok()) {
        Fail(line, state_col, ledger::StateName(ledger_.workflow, target),
             checked.status().reason(),
             "办理到“" + ledger::StateName(ledger_.workflow, target) + "”须经“" + t->name + "”：" +
                 std::string(checked.status().message()));
        return false;
      }
      store::CaseMove move;
      move.transition = t->code;
      move.from_state = c->state;
      move.to_state = t->to;
      move.day = day;
      move.comment = comment;
      moves->push_back(move);
      c->state = t->to;
    }
    c->state_since = day;
    return true;
  }

  std::string Comment() const { return "导入：" + std::string(core::FileName(report_->file)); }

  void Conclude() {
    report_->errors.SortByRow();
    report_->warnings.SortByRow();
    counts_.entity = "case";
    report_->counts = {counts_};
    if (!report_->errors.empty() && report_->status.ok()) {
      report_->status = Status::InvalidArgument("rows_rejected",
                                                "文件有" + std::to_string(report_->errors.count()) +
                                                    "处错误，已整体拒绝，数据库未作任何改动");
    }
  }

  void Write() {
    json detail = {{"file", core::FileName(report_->file)},
                   {"ledger", ledger_.code},
                   {"rows", report_->rows},
                   {"added", counts_.added},
                   {"changed", counts_.changed}};
    store::AuditContext audit{actor_.user_id, std::string(RoleKey(actor_.role)), "case.import",
                              detail.dump()};
    auto txn = store_.Begin(audit, version_);
    if (!txn.ok()) {
      report_->status = txn.status();
      return;
    }
    std::int64_t done = 0;
    for (Planned& p : planned_) {
      Status st = txn->SaveCase(&p.c);
      for (store::CaseMove& m : p.moves) {
        if (!st.ok()) break;
        m.case_id = p.c.id;
        st = txn->InsertCaseMove(&m);
      }
      if (!st.ok()) {
        report_->status = st;
        return;  // the transaction rolls back as it goes
      }
      if ((++done & 4095) == 0) Phase("写入", static_cast<double>(done) / planned_.size());
    }
    auto audit_id = txn->Commit();
    if (!audit_id.ok()) {
      report_->status = audit_id.status();
      return;
    }
    Phase("写入", 1);
    report_->written = true;
    report_->audit_id = *audit_id;
  }

  const std::int64_t version_;
  store::Store& store_;
  const Actor& actor_;
  const meta::LedgerType& ledger_;
  const meta::OrgTree& tree_;
  const Scope scope_;
  const CaseImportRequest& request_;
  ingest::ImportReport* report_;
  const std::vector<CaseColumn> columns_;
  const meta::LedgerField* student_;
  ingest::HeaderMap map_;
  bool may_open_ = false;
  std::vector<CaseLine> lines_;
  std::unordered_map<std::string, std::string> near_;  // NearIdentity → where it was seen
  std::unordered_map<std::int64_t, std::int64_t> planned_ids_;  // case id → the row updating it
  // identity → (period, case id) of the stored cases
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::int64_t>>> stored_;
  std::vector<Planned> planned_;
  ingest::EntityCounts counts_;
};

Result<ingest::ImportReport> Import(store::Store& store, const Actor& actor, const Metadata& md,
                                    ingest::TableReader* reader, const std::string& name,
                                    const CaseImportRequest& request) {
  EL_ASSIGN_OR_RETURN(const meta::LedgerType* ledger, FindLedger(md, request.ledger));
  const std::string_view role = RoleKey(actor.role);
  bool may_move = actor.role == Role::kBureauAdmin;
  for (const meta::WorkflowTransition& t : ledger->workflow.transitions) {
    for (const std::string& r : t.roles) may_move = may_move || r == role;
  }
  if (!may_move) {
    return Status::PermissionDenied(
        "role_not_allowed",
        std::string(RoleName(actor.role)) + "不能登记或办理" + ledger->name + "的事项");
  }
  EL_ASSIGN_OR_RETURN(const std::int64_t version, store.Version());
  EL_ASSIGN_OR_RETURN(std::vector<meta::OrgUnit> units, store.LoadOrgUnits());
  const meta::OrgTree tree(std::move(units));
  ingest::ImportReport report;
  report.ledger = ledger->code;
  report.file = name;
  report.source = name;
  report.dry_run = request.dry_run;
  // The error file marks every fault, not only those the report lists.
  const std::size_t limit = request.errors_out.empty() ? request.max_errors : std::size_t{1} << 20;
  report.errors = ingest::ErrorList(limit);
  report.warnings = ingest::ErrorList(limit);
  std::unique_ptr<ingest::TableReader> opened;
  if (reader == nullptr) {
    auto table = ingest::OpenTable(request.path, ingest::TableOptions{request.sheet});
    if (!table.ok()) {
      report.status = table.status();
      return report;
    }
    opened = std::move(*table);
    reader = opened.get();
  }
  CaseImport run(store, actor, *ledger, tree, version, request, &report);
  run.Run(*reader);
  core::LogLine line(core::LogLevel::kInfo, "case_import");
  line.Add("user", actor.user_id).Add("ledger", ledger->code).Add("rows", report.rows);
  for (const ingest::EntityCounts& c : report.counts) {
    line.Add("added", c.added).Add("changed", c.changed);
  }
  line.Add("errors", report.errors.count()).Add("dry_run", request.dry_run ? "1" : "0");
  line.Add("audit_id", report.audit_id);
  if (!report.status.ok()) line.Add("reason", report.status.reason());
  if (opened != nullptr) {
    EL_RETURN_IF_ERROR(
        WriteErrorsOut(store, request.path, request.sheet, request.errors_out, &report));
  }
  return report;
}

}  // namespace

Result<ingest::ImportReport> ImportCaseFile(store::Store& store, const Actor& actor,
                                            const Metadata& md, const CaseImportRequest& request) {
  return Import(store, actor, md, nullptr, request.path, request);
}

Result<ingest::ImportReport> ImportCaseTable(store::Store& store, const Actor& actor,
                                             const Metadata& md, ingest::TableReader& reader,
                                             const std::string& name,
                                             const CaseImportRequest& request) {
  return Import(store, actor, md, &reader, name, request);
}

}  // namespace eduledger::app
