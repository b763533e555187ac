#include "app/case_import.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <tuple>

#include "absl/container/flat_hash_map.h"
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

// 128 bits of a text (two unrelated 64-bit hashes): what the checks across a whole file keep of
// each row, so that a million rows cost megabytes. Two texts alike in both are taken for one.
struct Digest {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  friend bool operator==(const Digest&, const Digest&) = default;
  template <class H>
  friend H AbslHashValue(H h, const Digest& d) {
    return H::combine(std::move(h), d.a, d.b);
  }
};

std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

Digest DigestOf(std::string_view text) {
  return {Fnv1a(text), std::hash<std::string_view>{}(text)};
}

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
// `value(field)` is a case's value of the field, empty when it has none.
template <class Value>
std::string Identity(const meta::LedgerType& ledger, std::int64_t org_id, const Value& value) {
  bool any_required = false;
  for (const meta::LedgerField& f : ledger.fields) any_required = any_required || f.required;
  std::string out = std::to_string(org_id);
  for (const meta::LedgerField& f : ledger.fields) {
    if (any_required && !f.required) continue;
    out += "\x1f";
    out += value(f);
  }
  return out;
}

// A case's identity without its number fields and with the calendar year of its period: a
// second payment of one kind to one student in one term of a year, of another amount, is most
// likely the same one paid twice. Empty when it would say no more than Identity does.
template <class Value>
std::string NearIdentity(const meta::LedgerType& ledger, std::int64_t org_id, const Value& value) {
  std::string out = std::to_string(org_id);
  bool differs = false;
  for (const meta::LedgerField& f : ledger.fields) {
    const bool number = meta::IsNumberField(f.type);
    if (!f.required && f.code != ledger.period) continue;
    const std::string_view v = value(f);
    if (f.code == ledger.period) {
      differs = differs || !f.required;
      out += "\x1f";
      out += v.substr(0, 4);
    } else if (number) {
      differs = true;
    } else {
      out += "\x1f";
      out += v;
    }
  }
  return differs ? out : "";
}

// The value of the ledger's period field, "" when it has none or the case none yet.
template <class Value>
std::string PeriodOf(const meta::LedgerType& ledger, const Value& value) {
  const meta::LedgerField* period = ledger.period.empty() ? nullptr : ledger.Field(ledger.period);
  return period == nullptr ? "" : std::string(value(*period));
}

// A stored case's fields as the functions above read them.
auto StoredValue(const json& fields) {
  return [&fields](const meta::LedgerField& f) -> std::string_view {
    const auto it = fields.find(f.code);
    return it != fields.end() && it->is_string()
               ? std::string_view(it->get_ref<const std::string&>())
               : std::string_view();
  };
}

// The origin of a case an import opens, from its identity (FNV-1a).
std::string ContentOrigin(std::string_view content) {
  char out[32];
  std::snprintf(out, sizeof out, "import:%016llx", static_cast<unsigned long long>(Fnv1a(content)));
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
        student_(StudentLinkOf(ledger)),
        comment_("导入：" + std::string(core::FileName(report->file))) {}

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
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].kind == CaseColumnKind::kField) {
        column_of_field_[static_cast<std::size_t>(columns_[i].field - ledger_.fields.data())] = i;
      }
    }
    // Block by block: each is read, checked against the file so far and the store, and written
    // into the one transaction while the rest is read; the first fault stops the writing (the
    // transaction rolls back) but not the checking, so that the report names every bad row.
    std::vector<CaseLine> block;
    bool more = true;
    bool first = true;
    while (more && report_->status.ok()) {
      more = ReadBlock(reader, &block);
      if (!report_->status.ok()) return;
      if (first) large_ = more;  // a file of more than one block: people matched by one scan
      first = false;
      ResolvePeople(block);
      CheckDuplicates(block);
      if (report_->status.ok()) Plan(block);
      if (report_->status.ok() && report_->errors.empty() && !request_.dry_run) Write();
      planned_.clear();
    }
    Phase("读取校验", 1);
    Conclude();
    if (!report_->status.ok() || request_.dry_run || !txn_) return;
    Commit();
  }

 private:
  struct Planned {
    store::Case c;
    std::vector<store::CaseMove> moves;  // case_id filled on write
  };

  // A stored case as rows without 事项编号 find it.
  struct StoredIdentity {
    Digest identity;
    std::string period;
    std::int64_t id = 0;
    static bool Before(const StoredIdentity& x, const StoredIdentity& y) {
      return std::tie(x.identity.a, x.identity.b) < std::tie(y.identity.a, y.identity.b);
    }
  };

  // A person a column's rows name: the record and a hash of its name (the name itself is read
  // again only for a row whose 姓名 differs).
  struct Person {
    std::int64_t id = 0;
    std::uint64_t name = 0;
  };

  // A path of moves to a state, as checked for a role and the fields filled: an import of a
  // million payments to 已发放 checks it once.
  struct CheckedPath {
    std::vector<const meta::WorkflowTransition*> path;
    std::string reason;  // empty: allowed
    std::string message;
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

  // The next block of rows into `block`; false when the file has no more.
  bool ReadBlock(ingest::TableReader& reader, std::vector<CaseLine>* block) {
    block->clear();
    ingest::Row row;
    while (block->size() < request_.block_rows) {
      auto more = reader.Next(&row);
      if (!more.ok()) {
        report_->status = more.status();
        return false;
      }
      if (!*more) return false;
      ++report_->rows;
      block->push_back(ReadLine(row));
      if ((report_->rows & 4095) == 0) Phase("读取校验", reader.progress());
    }
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

  // The student (and staff) links of the block's rows: a small file's looked up in the store
  // by their identities, a large file's in an index of every person made by one scan.
  void ResolvePeople(std::span<CaseLine> block) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const CaseColumn& col = columns_[i];
      if (col.kind != CaseColumnKind::kField || col.field->type != meta::FieldType::kLink) continue;
      if (col.field->link == meta::LinkTarget::kStudent ||
          col.field->link == meta::LinkTarget::kStaff) {
        ResolvePersons(block, i);
      } else {
        ResolveOtherLinks(block, i);
      }
      if (!report_->status.ok()) return;
    }
  }

  // The index of every person a link column may name, by the digest of an identity (an
  // ID number of the resident kind, a 学籍号).
  Status IndexPeople(const meta::LedgerField& field,
                     absl::flat_hash_map<Digest, Person>* index) const {
    const auto add = [index](const store::PersonIdentity& p) {
      const Person person{p.id, Fnv1a(p.name)};
      if (!p.id_number.empty() && p.id_type == meta::IdType::kResidentId) {
        index->try_emplace(DigestOf(p.id_number), person);
      }
      if (!p.student_no.empty()) index->try_emplace(DigestOf(p.student_no), person);
      return Status::OK();
    };
    return field.link == meta::LinkTarget::kStudent ? store_.ScanStudentIdentities(add)
                                                    : store_.ScanStaffIdentities(add);
  }

  // The people of `texts` (canonical identities) looked up in the store, into `index`.
  Status FindPeople(const meta::LedgerField& field, std::span<const std::string> texts,
                    absl::flat_hash_map<Digest, Person>* index) const {
    std::vector<store::PersonKey> keys;
    keys.reserve(texts.size() * 2);
    for (const std::string& t : texts) {
      keys.push_back({meta::IdType::kResidentId, t, {}});
      keys.push_back({meta::IdType::kResidentId, {}, t});
    }
    const auto add = [&](std::size_t k, std::int64_t id, std::string_view name) {
      (*index)[DigestOf(texts[k / 2])] = Person{id, Fnv1a(name)};
    };
    if (field.link == meta::LinkTarget::kStudent) {
      std::vector<store::Found<meta::Student>> found;
      EL_RETURN_IF_ERROR(store_.FindStudents(keys, &found));
      for (const auto& f : found) add(f.index, f.value.id, f.value.name);
    } else {
      std::vector<store::Found<meta::Staff>> found;
      EL_RETURN_IF_ERROR(store_.FindStaff(keys, &found));
      for (const auto& f : found) add(f.index, f.value.id, f.value.name);
    }
    return Status::OK();
  }

  void ResolvePersons(std::span<CaseLine> block, std::size_t column) {
    const meta::LedgerField& field = *columns_[column].field;
    auto& index = people_[column];
    // Each typed identity in its canonical text (an ID number checked, else as typed).
    std::vector<std::pair<CaseLine*, std::string*>> uses;
    std::vector<std::string> texts;
    absl::flat_hash_map<std::string_view, bool> seen;
    for (CaseLine& line : block) {
      for (auto& [c, value] : line.values) {
        if (c != column) continue;
        if (auto id = core::IdNumber::Parse(value, request_.today); id.ok())
          value = id->str();
        else
          value[0] = core::AsciiUpper(value[0]);
        uses.emplace_back(&line, &value);
      }
    }
    Status st;
    if (large_ && !indexed_.contains(column)) {
      st = IndexPeople(field, &index);
      indexed_.insert(column);
    } else if (!large_) {
      for (const auto& [line, value] : uses) {
        if (seen.emplace(*value, true).second) texts.push_back(*value);
      }
      st = FindPeople(field, texts, &index);
    }
    if (!st.ok()) {
      report_->status = st;
      return;
    }
    std::vector<std::pair<CaseLine*, std::int64_t>> renamed;  // rows whose 姓名 differs
    for (auto [line, value] : uses) {
      const auto it = index.find(DigestOf(*value));
      if (it == index.end()) {
        Fail(line, column, *value, "unknown_person",
             "库中没有证件号或学籍号为 " + core::MaskIdNumber(*value) + " 的" +
                 std::string(meta::LinkTargetName(field.link)));
        continue;
      }
      if (&field == student_ && !line->name.empty() && line->name.find('*') == std::string::npos &&
          Fnv1a(line->name) != it->second.name) {
        renamed.emplace_back(line, it->second.id);
      }
      *value = std::to_string(it->second.id);
    }
    WarnRenamed(renamed);
  }

  // A warning for each row whose 姓名 is not the student's its identity names.
  void WarnRenamed(std::span<const std::pair<CaseLine*, std::int64_t>> renamed) {
    if (renamed.empty()) return;
    std::vector<std::int64_t> ids;
    for (const auto& [line, id] : renamed) ids.push_back(id);
    std::vector<store::Found<meta::Student>> found;
    if (Status st = store_.FindStudentsById(ids, &found); !st.ok()) {
      report_->status = st;
      return;
    }
    for (const auto& f : found) {
      const CaseLine& line = *renamed[f.index].first;
      report_->warnings.Add(ingest::RowError{
          line.row, PersonNameLabel(), core::MaskName(line.name), "name_mismatch",
          "姓名与学籍库中该证件号的学生（" + core::MaskName(f.value.name) + "）不一致，请核对"});
    }
  }

  std::string PersonNameLabel() const {
    const auto c = ColumnOf(CaseColumnKind::kPersonName);
    return c ? map_.Label(*c) : "";
  }

  // Links to a school, building or case: few distinct values, each resolved once.
  void ResolveOtherLinks(std::span<CaseLine> block, std::size_t column) {
    const meta::LedgerField& field = *columns_[column].field;
    auto& resolved = links_[column];
    for (CaseLine& line : block) {
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

  // A line's value of a field as the identity functions read it.
  auto LineValue(const CaseLine& line) const {
    return [this, &line](const meta::LedgerField& f) -> std::string_view {
      const auto column =
          column_of_field_.find(static_cast<std::size_t>(&f - ledger_.fields.data()));
      if (column == column_of_field_.end()) return {};
      for (const auto& [c, value] : line.values) {
        if (c == column->second) return value;
      }
      return {};
    };
  }

  void CheckDuplicates(std::span<CaseLine> block) {
    for (CaseLine& line : block) {
      if (!line.ok) continue;
      if (line.id != 0) {
        const auto [it, fresh] = ids_.emplace(line.id, line.row);
        if (!fresh) {
          FailRow(&line, "duplicate_case",
                  "事项编号 " + std::to_string(line.id) + " 与第" + std::to_string(it->second) +
                      "行重复，同一事项只能有一行");
        }
      } else {
        line.identity = Identity(ledger_, line.org->id, LineValue(line));
        line.period = PeriodOf(ledger_, LineValue(line));
        const auto [it, fresh] =
            contents_.emplace(DigestOf(line.identity + "\x1e" + line.period), line.row);
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

  // The stored cases of the ledger by identity, for the rows without 事项编号: read once, at
  // the first such row, before this import has written anything.
  Status LoadIdentities(std::span<const CaseLine> block) {
    bool needed = false;
    for (const CaseLine& line : block) needed = needed || (line.ok && line.id == 0);
    if (!needed || identities_loaded_) return Status::OK();
    identities_loaded_ = true;
    EL_RETURN_IF_ERROR(store_.ScanCases(ledger_.code, [this](const store::Case& c) {
      json fields = json::parse(c.fields.empty() ? "{}" : c.fields, nullptr, false);
      if (!fields.is_object()) fields = json::object();
      stored_.push_back(
          StoredIdentity{DigestOf(Identity(ledger_, c.org_unit_id, StoredValue(fields))),
                         PeriodOf(ledger_, StoredValue(fields)), c.id});
      if (std::string near = NearIdentity(ledger_, c.org_unit_id, StoredValue(fields));
          !near.empty()) {
        near_.emplace(DigestOf(near), -c.id);
      }
      return Status::OK();
    }));
    std::sort(stored_.begin(), stored_.end(), StoredIdentity::Before);
    return Status::OK();
  }

  void Plan(std::span<CaseLine> block) {
    if (Status st = LoadIdentities(block); !st.ok()) {
      report_->status = st;
      return;
    }
    for (CaseLine& line : block) {
      if (line.ok) PlanLine(&line);
      if (!report_->status.ok()) return;
    }
  }

  // A new case much like a stored one or one of an earlier row: a warning, not an error (two
  // payments in a term may be right, a 补发).
  void WarnIfNear(const CaseLine& line) {
    const std::string near = NearIdentity(ledger_, line.org->id, LineValue(line));
    if (near.empty()) return;
    const auto [it, fresh] = near_.emplace(DigestOf(near), line.row);
    if (fresh) return;
    std::string words;
    for (const meta::LedgerField& f : ledger_.fields) {
      const bool number = meta::IsNumberField(f.type);
      if (f.required && !number && f.code != ledger_.period) {
        words += (words.empty() ? "" : "、") + f.name;
      }
    }
    const meta::LedgerField* period = ledger_.Field(ledger_.period);
    const std::string where = it->second > 0 ? "第" + std::to_string(it->second) + "行"
                                             : "事项 " + std::to_string(-it->second);
    report_->warnings.Add(ingest::RowError{
        line.row, "", "", "possible_duplicate",
        "与" + where + "的单位和" + words + "相同" +
            (period != nullptr ? "，" + period->name + "在同一年" : std::string()) +
            "：是否重复登记（重复发放）？请核对"});
  }

  // The stored case a row without 事项编号 is (0: a new one): of its identity, the one of its
  // period, else the only one whose period is blank or, for a row without a period, the only one.
  Result<std::int64_t> MatchStored(const CaseLine& line) const {
    const Digest identity = DigestOf(line.identity);
    const auto [from, to] = std::equal_range(
        stored_.begin(), stored_.end(), StoredIdentity{identity, {}, 0}, StoredIdentity::Before);
    std::vector<std::int64_t> same, open;
    for (auto it = from; it != to; ++it) {
      if (it->period == line.period) same.push_back(it->id);
      if (it->period.empty() || line.period.empty()) open.push_back(it->id);
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
    if (line->id != 0) {
      const auto [it, fresh] = planned_ids_.emplace(line->id, line->row);
      if (!fresh) {
        return FailRow(line, "duplicate_case",
                       "与第" + std::to_string(it->second) + "行是同一事项（编号 " +
                           std::to_string(line->id) + "），请合并为一行");
      }
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
    // What a stored case held, to tell whether the row changes it.
    const std::optional<std::tuple<std::int64_t, json, std::string, std::string>> before =
        exists ? std::optional(std::tuple(c.org_unit_id, fields, c.responsible, c.state))
               : std::nullopt;
    if (line->org != nullptr) c.org_unit_id = line->org->id;
    for (const auto& [column, value] : line->values) fields[columns_[column].field->code] = value;
    const auto filled = [&fields](std::string_view code) {
      const auto it = fields.find(code);
      return it != fields.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
    };
    if (!exists) {
      std::string missing;
      for (const meta::LedgerField& f : ledger_.fields) {
        if (f.required && !filled(f.code)) missing += (missing.empty() ? "" : "、") + f.name;
      }
      if (!missing.empty())
        return FailRow(line, "field_required", "新登记的事项须填写：" + missing);
      WarnIfNear(*line);
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
      if (c.opened.is_null() && filled(ledger_.period)) {
        auto d = core::Date::Parse(fields[ledger_.period].get_ref<const std::string&>());
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
      opening.comment = comment_;
      moves.push_back(std::move(opening));
    }
    const std::string target = line->state.empty() ? c.state : line->state;
    if (target != c.state) {
      if (!PlanMove(line, &c, exists, target, fields, day, &moves)) return;
    }
    const bool differs = !before || std::get<0>(*before) != c.org_unit_id ||
                         std::get<1>(*before) != fields || std::get<2>(*before) != c.responsible ||
                         std::get<3>(*before) != c.state;
    if (!exists) {
      ++counts_.added;
    } else if (differs) {
      ++counts_.changed;
    } else {
      ++counts_.unchanged;
    }
    if (differs) planned_.push_back(Planned{std::move(c), std::move(moves)});
  }

  // The path of moves from `from` to `target`, each checked as `ledger move` checks it, for
  // the fields `fields` fills; once per state, target and fields filled.
  const CheckedPath& CheckPath(const std::string& from, const std::string& target,
                               const json& fields) {
    std::set<std::string> filled;
    std::string key = from + "\x1e" + target;
    for (const auto& [code, value] : fields.items()) {
      if (!value.is_string() || value.get_ref<const std::string&>().empty()) continue;
      key += "\x1f" + code;
    }
    const auto [it, fresh] = paths_.try_emplace(key);
    CheckedPath& checked = it->second;
    if (!fresh) return checked;
    for (const auto& [code, value] : fields.items()) {
      if (value.is_string() && !value.get_ref<const std::string&>().empty()) filled.insert(code);
    }
    const std::string_view role = RoleKey(actor_.role);
    const auto path = ledger::PathTo(ledger_.workflow, from, target, role);
    if (!path) {
      checked.reason = "no_path";
      checked.message = std::string(RoleName(actor_.role)) + "不能把事项从“" +
                        ledger::StateName(ledger_.workflow, from) + "”办理到“" +
                        ledger::StateName(ledger_.workflow, target) + "”";
      return checked;
    }
    std::string state = from;
    for (const meta::WorkflowTransition* t : *path) {
      auto move = ledger::CheckMove(
          ledger_.workflow, state,
          {.transition = t->code, .role = role, .filled = &filled, .comment = comment_},
          &ledger_.fields);
      if (!move.ok()) {
        checked.reason = move.status().reason();
        checked.message = "办理到“" + ledger::StateName(ledger_.workflow, target) + "”须经“" +
                          t->name + "”：" + std::string(move.status().message());
        return checked;
      }
      state = t->to;
    }
    checked.path = *path;
    return checked;
  }

  // The move of the case from its state to `target`: one, however many steps of the workflow
  // it takes (the steps are in its comment), each step checked as `ledger move` checks it.
  // A stored case's move needs a 状态日期 after the day it entered its state, or none (today):
  // an exported sheet edited to a new 状态 keeps the old day, and read back as it is, an older
  // export would carry a case back to where it was.
  bool PlanMove(CaseLine* line, store::Case* c, bool stored, const std::string& target,
                const json& fields, core::Date day, std::vector<store::CaseMove>* moves) {
    const std::size_t state_col = *ColumnOf(CaseColumnKind::kState);
    const CheckedPath& checked = CheckPath(c->state, target, fields);
    if (!checked.reason.empty()) {
      Fail(line, state_col, ledger::StateName(ledger_.workflow, target), checked.reason,
           checked.message);
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
    store::CaseMove move;
    move.transition = checked.path.back()->code;
    move.from_state = c->state;
    move.to_state = target;
    move.day = day;
    move.comment = comment_;
    if (checked.path.size() > 1) {
      std::string steps;
      for (const meta::WorkflowTransition* t : checked.path) {
        steps += (steps.empty() ? "" : "、") + t->name;
      }
      move.comment += "（经" + steps + "）";
    }
    moves->push_back(std::move(move));
    c->state = target;
    c->state_since = day;
    return true;
  }

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

  // The block's cases and moves into the import's transaction, begun at the first.
  void Write() {
    if (planned_.empty()) return;
    if (!txn_) {
      store::AuditContext audit{actor_.user_id, std::string(RoleKey(actor_.role)), "case.import",
                                "{}"};
      auto txn = store_.Begin(audit, version_);
      if (!txn.ok()) {
        report_->status = txn.status();
        return;
      }
      txn_.emplace(std::move(*txn));
    }
    for (Planned& p : planned_) {
      Status st = txn_->SaveCase(&p.c);
      for (store::CaseMove& m : p.moves) {
        if (!st.ok()) break;
        m.case_id = p.c.id;
        st = txn_->InsertCaseMove(&m);
      }
      if (!st.ok()) {
        report_->status = st;
        return;  // the transaction rolls back as it goes
      }
    }
  }

  void Commit() {
    Phase("写入", 0);
    const json detail = {{"file", core::FileName(report_->file)},
                         {"ledger", ledger_.code},
                         {"rows", report_->rows},
                         {"added", counts_.added},
                         {"changed", counts_.changed}};
    txn_->SetDetail(detail.dump());
    auto audit_id = txn_->Commit();
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
  const std::string comment_;  // of every move the import makes
  ingest::HeaderMap map_;
  bool may_open_ = false;
  bool large_ = false;                                             // more than one block
  absl::flat_hash_map<std::size_t, std::size_t> column_of_field_;  // field index → column
  // Across the whole file, a digest for each row.
  absl::flat_hash_map<std::int64_t, std::int64_t> ids_;  // 事项编号 → row
  absl::flat_hash_map<Digest, std::int64_t> contents_;   // identity and period → row
  absl::flat_hash_map<Digest, std::int64_t> near_;       // NearIdentity → row, or -case id
  absl::flat_hash_map<std::int64_t, std::int64_t> planned_ids_;  // case id → the row updating it
  // The people and other links of the link columns, by column.
  absl::flat_hash_map<std::size_t, absl::flat_hash_map<Digest, Person>> people_;
  std::set<std::size_t> indexed_;  // the columns whose people_ hold everyone
  std::map<std::size_t, std::map<std::string, Result<std::string>>> links_;
  bool identities_loaded_ = false;
  std::vector<StoredIdentity> stored_;  // by identity
  std::map<std::string, CheckedPath> paths_;
  std::vector<Planned> planned_;  // of the block
  std::optional<store::Transaction> txn_;
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
