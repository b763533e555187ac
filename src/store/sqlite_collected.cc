// SqliteStore: collected figures (submissions, data values, changes after approval).
#include "store/sqlite_store_impl_internal.h"

namespace eduledger::store {

using core::Result;
using core::Status;

namespace {

constexpr std::string_view kSubmissionCols =
    "id, data_set, org_unit_id, period, state, comment, explanations, ever_approved, "
    "updated_at, updated_by";

Submission ReadSubmission(const Stmt& s) {
  Submission out;
  out.id = s.Int(0);
  out.data_set = s.Text(1);
  out.org_unit_id = s.Int(2);
  out.period = static_cast<int>(s.Int(3));
  out.state = ParseSubmissionState(s.Text(4)).value_or(SubmissionState::kDraft);
  out.comment = s.Text(5);
  out.explanations = s.Text(6);
  out.ever_approved = s.Int(7) != 0;
  out.updated_at = s.Text(8);
  out.updated_by = s.Text(9);
  return out;
}

std::string Select(std::string_view where) {
  return "SELECT " + std::string(kSubmissionCols) + " FROM submissions " + std::string(where);
}

}  // namespace

Result<std::optional<Submission>> SqliteStore::FindSubmission(std::string_view data_set,
                                                              std::int64_t org_unit_id,
                                                              int period) {
  EL_ASSIGN_OR_RETURN(
      Stmt * s, impl_->Cached(Select("WHERE data_set = ?1 AND org_unit_id = ?2 AND period = ?3")));
  s->BindText(1, data_set).Bind(2, org_unit_id).Bind(3, period);
  std::optional<Submission> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out = ReadSubmission(row);
    return Status::OK();
  }));
  return out;
}

Result<std::vector<Submission>> SqliteStore::ListSubmissions(int period) {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached(Select("WHERE ?1 = 0 OR period = ?1 "
                                                     "ORDER BY data_set, org_unit_id, period")));
  s->Bind(1, period);
  std::vector<Submission> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out.push_back(ReadSubmission(row));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<DataValue>> SqliteStore::LoadValues(std::int64_t submission_id) {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached("SELECT element, disaggregation, value FROM "
                                              "data_values WHERE submission_id = ?1 "
                                              "ORDER BY element, disaggregation"));
  s->Bind(1, submission_id);
  std::vector<DataValue> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out.push_back(
        DataValue{std::string(row.Text(0)), std::string(row.Text(1)), std::string(row.Text(2))});
    return Status::OK();
  }));
  return out;
}

Status SqliteStore::ScanValues(const ScanFn<StoredValue>& fn) {
  EL_ASSIGN_OR_RETURN(Stmt * s, impl_->Cached("SELECT s.org_unit_id, s.period, s.state, s.id, "
                                              "v.element, v.disaggregation, v.value FROM "
                                              "data_values v JOIN submissions s "
                                              "ON s.id = v.submission_id"));
  return internal::ForEachRow(*s, [&](const Stmt& row) {
    StoredValue v;
    v.org_unit_id = row.Int(0);
    v.period = static_cast<int>(row.Int(1));
    v.state = ParseSubmissionState(row.Text(2)).value_or(SubmissionState::kDraft);
    v.submission_id = row.Int(3);
    v.value =
        DataValue{std::string(row.Text(4)), std::string(row.Text(5)), std::string(row.Text(6))};
    return fn(v);
  });
}

Result<std::vector<ValueChange>> SqliteStore::ListValueChanges(int period) {
  EL_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->Cached("SELECT c.submission_id, c.element, c.disaggregation, c.old_value, "
                    "c.new_value, c.at, c.actor FROM value_changes c JOIN submissions s "
                    "ON s.id = c.submission_id WHERE ?1 = 0 OR s.period = ?1 ORDER BY c.id"));
  s->Bind(1, period);
  std::vector<ValueChange> out;
  EL_RETURN_IF_ERROR(internal::ForEachRow(*s, [&](const Stmt& row) {
    out.push_back(ValueChange{row.Int(0), std::string(row.Text(1)), std::string(row.Text(2)),
                              std::string(row.Text(3)), std::string(row.Text(4)),
                              std::string(row.Text(5)), std::string(row.Text(6))});
    return Status::OK();
  }));
  return out;
}

namespace internal {

Status SaveSubmission(SqliteStore::Impl& store, Submission* s) {
  const char* sql =
      s->id == 0
          ? "INSERT INTO submissions (data_set, org_unit_id, period, state, comment, "
            "explanations, ever_approved, updated_at, updated_by) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
          : "UPDATE submissions SET data_set = ?1, org_unit_id = ?2, period = ?3, state = ?4, "
            "comment = ?5, explanations = ?6, ever_approved = ?7, updated_at = ?8, "
            "updated_by = ?9 WHERE id = ?10";
  EL_ASSIGN_OR_RETURN(Stmt * st, store.Cached(sql));
  st->BindText(1, s->data_set).Bind(2, s->org_unit_id).Bind(3, s->period);
  st->BindText(4, SubmissionStateKey(s->state)).BindText(5, s->comment);
  st->BindText(6, s->explanations).Bind(7, s->ever_approved ? 1 : 0);
  st->BindText(8, s->updated_at).BindText(9, s->updated_by);
  if (s->id != 0) st->Bind(10, s->id);
  EL_RETURN_IF_ERROR(st->Run());
  if (s->id == 0) s->id = sqlite3_last_insert_rowid(store.db.get());
  return Status::OK();
}

Status ReplaceValues(SqliteStore::Impl& store, std::int64_t submission_id,
                     std::span<const DataValue> values) {
  EL_ASSIGN_OR_RETURN(Stmt * del, store.Cached("DELETE FROM data_values WHERE submission_id = ?1"));
  del->Bind(1, submission_id);
  EL_RETURN_IF_ERROR(del->Run());
  EL_ASSIGN_OR_RETURN(Stmt * ins, store.Cached("INSERT INTO data_values (submission_id, element, "
                                               "disaggregation, value) VALUES (?1, ?2, ?3, ?4)"));
  for (const DataValue& v : values) {
    ins->Bind(1, submission_id).BindText(2, v.element).BindText(3, v.disaggregation);
    ins->BindText(4, v.value);
    EL_RETURN_IF_ERROR(ins->Run());
  }
  return Status::OK();
}

Status InsertValueChanges(SqliteStore::Impl& store, std::span<const ValueChange> changes) {
  EL_ASSIGN_OR_RETURN(
      Stmt * ins,
      store.Cached("INSERT INTO value_changes (submission_id, element, disaggregation, "
                   "old_value, new_value, at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  for (const ValueChange& c : changes) {
    ins->Bind(1, c.submission_id).BindText(2, c.element).BindText(3, c.disaggregation);
    ins->BindText(4, c.old_value).BindText(5, c.new_value).BindText(6, c.at);
    ins->BindText(7, c.actor);
    EL_RETURN_IF_ERROR(ins->Run());
  }
  return Status::OK();
}

}  // namespace internal

}  // namespace eduledger::store
