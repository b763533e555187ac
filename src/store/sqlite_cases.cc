// SqliteStore: programme ledger cases, their moves and log entries.
#include "store/sqlite_store_impl_internal.h"

namespace eduledger::store {

using core::Result;
using core::Status;

namespace internal {

core::Date ReadDate(const Stmt& s, int col) {
  if (s.IsNull(col)) return core::Date();
  auto d = core::Date::Parse(s.Text(col));
  if (!d.ok()) s.NoteCorrupt(s.Text(col));
  return d.ok() ? *d : core::Date();
}

}  // namespace internal

namespace {

constexpr std::string_view kCaseCols =
    "id, ledger, org_unit_id, state, opened, state_since, fields, responsible, origin, version, "
    "updated_at, updated_by";

Case ReadCase(const Stmt& s) {
  Case c;
  c.id = s.Int(0);
  c.ledger = s.Text(1);
  c.org_unit_id = s.Int(2);
  c.state = s.Text(3);
  c.opened = internal::ReadDate(s, 4);
  c.state_since = internal::ReadDate(s, 5);
  c.fields = s.Text(6);
  c.responsible = s.Text(7);
  c.origin = s.Text(8);
  c.version = s.Int(9);
  c.updated_at = s.Text(10);
  c.updated_by = s.Text(11);
  return c;
}

std::string SelectCases(std::string_view where) {
  return "SELECT " + std::string(kCaseCols) + " FROM cases " + std::string(where);
}

Result<std::optional<Case>> OneCase(Stmt& s) {
  std::optional<Case> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(s, [&](const Stmt& row) {
    out = ReadCase(row);
    return Status::OK();
  }));
  return out;
}

}  // namespace

Result<std::optional<Case>> SqliteStore::FindCase(std::int64_t id) {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached(SelectCases("WHERE id = ?1")));
  s->Bind(1, id);
  return OneCase(*s);
}

Result<std::optional<Case>> SqliteStore::FindCaseByOrigin(std::string_view ledger,
                                                          std::string_view origin) {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached(SelectCases("WHERE ledger = ?1 AND origin = ?2")));
  s->BindText(1, ledger).BindText(2, origin);
  return OneCase(*s);
}

Status SqliteStore::ScanCases(std::string_view ledger, const ScanFn<Case>& fn) {
  EL_ASSIGN_OR_RETURN(Stmt * s,
                      impl_->Cached(SelectCases("WHERE ?1 = '' OR ledger = ?1 ORDER BY id")));
  s->BindText(1, ledger);
  return internal::ForEachRow(*s, [&](const Stmt& row) { return fn(ReadCase(row)); });
}

Result<std::vector<CaseMove>> SqliteStore::ListCaseMoves(std::int64_t case_id) {
  EL_ASSIGN_OR_RETURN(Stmt * s,
                      impl_->Cached("SELECT id, case_id, transition, from_state, to_state, day, "
                                    "comment, at, actor, role FROM case_moves WHERE case_id = ?1 "
                                    "ORDER BY id"));
  s->Bind(1, case_id);
  std::vector<CaseMove> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out.push_back(
        CaseMove{row.Int(0), row.Int(1), std::string(row.Text(2)), std::string(row.Text(3)),
                 std::string(row.Text(4)), internal::ReadDate(row, 5), std::string(row.Text(6)),
                 std::string(row.Text(7)), std::string(row.Text(8)), std::string(row.Text(9))});
    return Status::OK();
  }));
  return out;
}

Result<std::vector<CaseEntry>> SqliteStore::ListCaseEntries(std::int64_t case_id) {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached("SELECT id, case_id, entry, day, fields, at, actor "
                                              "FROM case_entries WHERE case_id = ?1 ORDER BY id"));
  s->Bind(1, case_id);
  std::vector<CaseEntry> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out.push_back(CaseEntry{row.Int(0), row.Int(1), std::string(row.Text(2)),
                            internal::ReadDate(row, 3), std::string(row.Text(4)),
                            std::string(row.Text(5)), std::string(row.Text(6))});
    return Status::OK();
  }));
  return out;
}

namespace internal {

Status SaveCase(SqliteStore::Impl& store, Case* c) {
  const std::string opened = c->opened.ToString();
  const std::string since = c->state_since.ToString();
  const char* sql =
      c->id == 0 ? "INSERT INTO cases (ledger, org_unit_id, state, opened, state_since, fields, "
                   "responsible, origin, updated_at, updated_by, version) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1)"
                 : "UPDATE cases SET ledger = ?1, org_unit_id = ?2, state = ?3, opened = ?4, "
                   "state_since = ?5, fields = ?6, responsible = ?7, origin = ?8, "
                   "updated_at = ?9, updated_by = ?10, version = version + 1 "
                   "WHERE id = ?11 AND version = ?12";
  EL_ASSIGN_OR_RETURN(Stmt * st, store.Cached(sql));
  st->BindText(1, c->ledger).Bind(2, c->org_unit_id).BindText(3, c->state);
  st->BindText(4, opened).BindText(5, since).BindText(6, c->fields);
  st->BindText(7, c->responsible).BindText(8, c->origin);
  st->BindText(9, c->updated_at).BindText(10, c->updated_by);
  if (c->id != 0) st->Bind(11, c->id).Bind(12, c->version);
  const Status ran = st->Run();
  if (!ran.ok()) {
    if (ran.Is(core::StatusCode::kAlreadyExists) && !c->origin.empty()) {
      return Status::AlreadyExists("case_exists", "该来源的事项已在台账中（" + c->origin + "）");
    }
    return ran;
  }
  if (c->id == 0) {
    c->id = sqlite3_last_insert_rowid(store.db.get());
    c->version = 1;
  } else if (sqlite3_changes(store.db.get()) == 0) {
    return Status::Aborted("concurrent_write",
                           "该事项已被他人修改，本次操作未生效；请刷新后再办理");
  } else {
    ++c->version;
  }
  return Status::OK();
}

Status InsertCaseMove(SqliteStore::Impl& store, CaseMove* m) {
  const std::string day = m->day.ToString();
  EL_ASSIGN_OR_RETURN(Stmt * st,
                      store.Cached("INSERT INTO case_moves (case_id, transition, from_state, "
                                   "to_state, day, comment, at, actor, role) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  st->Bind(1, m->case_id).BindText(2, m->transition).BindText(3, m->from_state);
  st->BindText(4, m->to_state).BindText(5, day).BindText(6, m->comment);
  st->BindText(7, m->at).BindText(8, m->actor).BindText(9, m->role);
  EL_RETURN_IF_ERROR(st->Run());
  m->id = sqlite3_last_insert_rowid(store.db.get());
  return Status::OK();
}

Status InsertCaseEntry(SqliteStore::Impl& store, CaseEntry* e) {
  const std::string day = e->day.ToString();
  EL_ASSIGN_OR_RETURN(Stmt * st,
                      store.Cached("INSERT INTO case_entries (case_id, entry, day, "
                                   "fields, at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st->Bind(1, e->case_id).BindText(2, e->entry).BindText(3, day).BindText(4, e->fields);
  st->BindText(5, e->at).BindText(6, e->actor);
  EL_RETURN_IF_ERROR(st->Run());
  e->id = sqlite3_last_insert_rowid(store.db.get());
  return Status::OK();
}

}  // namespace internal

}  // namespace eduledger::store
