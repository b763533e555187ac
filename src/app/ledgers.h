// Programme ledgers (台账): open a case, move it through its workflow, keep its logs, list and
// show cases with their deadlines. The ledger types are the metadata's (meta/ledger_type.h);
// every move is checked by the workflow engine (ledger/workflow_engine.h) and stored with its
// history entry and an audit entry in one transaction, or not at all.
//
// Who may open a case: the roles that may make a move from the ledger's first state (a school
// clerk opens a 疑似辍学 case), and the administrator. Every read and write is scoped to the
// actor's org units: a case of a school outside them is not found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/actor.h"
#include "app/metadata.h"
#include "core/date.h"
#include "core/result.h"
#include "store/store.h"

namespace eduledger::app {

// Field values as typed: field (code or Chinese name) → text.
using FieldValues = std::vector<std::pair<std::string, std::string>>;

struct OpenCaseRequest {
  std::string ledger = {};  // code or name
  std::string org = {};     // the school (or township) the case belongs to: code or name
  FieldValues values = {};
  FieldValues responsible = {};  // responsible role (code or name) → the person's name
  core::Date day = {};           // the day it was opened; null: today
  std::string origin = {};       // what opened it ("dropout_event:123"); one case per origin
  std::string comment = {};
};

struct MoveCaseRequest {
  std::int64_t id = 0;
  std::string transition = {};  // code or name
  FieldValues values = {};      // set with the move (the fields it needs, others too)
  std::string comment = {};
  FieldValues responsible = {};  // responsible persons named or changed with the move
  core::Date day = {};           // the day it took effect; null: today
  // The case's version as the mover read it: a move on a case changed since is refused.
  std::optional<std::int64_t> expected_version = {};
};

// A case as people read it.
struct CaseRow {
  store::Case record;
  const meta::LedgerType* ledger = nullptr;
  std::string state_name;
  std::string org_code;
  std::string org_name;
  std::string township;                // the township (乡镇) its school is in, if any
  std::optional<core::Date> deadline;  // of its state
  bool overdue = false;                // on the day asked for
  FieldValues values;                  // field name → value as shown, in the ledger's order
  FieldValues responsible;             // role name → person, in the ledger's order
};

struct CaseQuery {
  std::string ledger = {};  // code or name; required
  std::string org = {};     // a unit whose subtree the cases are in; empty: all the actor sees
  std::string state = {};   // a state or a view (code or name); empty: every state
  bool overdue_only = false;
  std::string responsible = {};  // only cases naming this person among their responsible
  core::Date on = {};            // the day deadlines are judged on; null: today
};

struct CaseDetail {
  CaseRow row;
  std::vector<store::CaseMove> moves;
  std::vector<store::CaseEntry> entries;
  std::vector<const meta::WorkflowTransition*> next;  // the moves the actor may make now
};

// The ledger `code_or_name`; NotFound "unknown_ledger" listing the ledgers there are.
core::Result<const meta::LedgerType*> FindLedger(const Metadata& md, std::string_view code_or_name);

// Open a case in the ledger's first state. Refused (nothing stored): NotFound for an unknown
// ledger or unit, PermissionDenied "role_not_allowed", InvalidArgument "bad_field_value",
// "unknown_field" or "field_required" (a required field empty, all named), AlreadyExists
// "case_exists" when its origin opened one already.
core::Result<store::Case> OpenCase(store::Store& store, const Actor& actor, const Metadata& md,
                                   const OpenCaseRequest& request);
// The same with the org tree read once by a caller that opens many (`ledger sync`).
core::Result<store::Case> OpenCase(store::Store& store, const Actor& actor, const Metadata& md,
                                   const meta::OrgTree& tree, const OpenCaseRequest& request);
// Make a move (ledger/workflow_engine.h CheckMove's refusals), with the values it sets.
core::Result<store::Case> MoveCase(store::Store& store, const Actor& actor, const Metadata& md,
                                   const MoveCaseRequest& request);
// Add an entry to a case's log (劝返记录): `entry` is the entry type's code or name.
core::Result<store::CaseEntry> AddCaseEntry(store::Store& store, const Actor& actor,
                                            const Metadata& md, std::int64_t case_id,
                                            const std::string& entry, const FieldValues& values,
                                            core::Date day);

core::Result<std::vector<CaseRow>> ListCases(store::Store& store, const Actor& actor,
                                             const Metadata& md, const CaseQuery& query);

// The stored text of a link field's value as typed: a school's code, or the id of the
// student (by ID number or 全国学籍号), staff member or case it names; NotFound when it names
// none.
core::Result<std::string> ResolveLink(store::Store& store, const meta::OrgTree& tree,
                                      const meta::LedgerField& field, const std::string& typed);

// The responsible persons of a case as stored (a JSON array of {"role", "person", "line"} in
// the ledger's order) with `persons` set in it: role (code or name) → the person's name, an
// empty name taking the role off. An unknown role is InvalidArgument "unknown_role".
core::Result<std::string> SetResponsible(const meta::LedgerType& ledger, const std::string& stored,
                                         const FieldValues& persons);
// The same with the org tree read once by a caller that lists many ledgers (the cross-checks).
core::Result<std::vector<CaseRow>> ListCases(store::Store& store, const Actor& actor,
                                             const Metadata& md, const meta::OrgTree& tree,
                                             const CaseQuery& query);
core::Result<CaseDetail> ShowCase(store::Store& store, const Actor& actor, const Metadata& md,
                                  std::int64_t id, core::Date on = {});

}  // namespace eduledger::app
