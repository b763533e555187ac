#include "app/case_export.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "app/case_columns.h"
#include "app/case_people.h"
#include "ingest/import_template.h"
#include "ingest/table_writer.h"
#include "ledger/field_value.h"

namespace eduledger::app {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// A field's value as the file carries it: what the import reads back to the same value.
std::string CellOf(const meta::LedgerField& f, const std::string& stored,
                   const CasePeople& people) {
  switch (f.type) {
    case meta::FieldType::kLink:
      if (f.link == meta::LinkTarget::kStudent || f.link == meta::LinkTarget::kStaff) {
        const LinkedPerson* p = people.Find(f, stored);
        return p == nullptr ? "" : p->identity;
      }
      return stored;  // a school's code, a case's number
    case meta::FieldType::kDate:
    case meta::FieldType::kText:
    case meta::FieldType::kInteger:
      return stored;
    case meta::FieldType::kMoney:
    case meta::FieldType::kArea: {
      // Shown with its unit (1234.50元); the file's header names the unit.
      std::string shown = ledger::DisplayFieldValue(f, stored);
      for (std::string_view unit : {"元", "平方米"}) {
        if (shown.ends_with(unit)) shown.resize(shown.size() - unit.size());
      }
      return shown;
    }
    case meta::FieldType::kChoice:
    case meta::FieldType::kBool:
      return ledger::DisplayFieldValue(f, stored);
  }
  return stored;
}

}  // namespace

Result<CaseExportResult> ExportCases(store::Store& store, const Actor& actor, const Metadata& md,
                                     const CaseQuery& query, const std::string& path) {
  if (store.HoldsFile(path)) {
    return Status::InvalidArgument(
        "export_onto_store",
        "不能导出到 " + path + "：这是正在使用的数据库文件，覆盖它会毁掉全部数据；请换一个文件名");
  }
  EL_ASSIGN_OR_RETURN(const meta::LedgerType* l, FindLedger(md, query.ledger));
  EL_ASSIGN_OR_RETURN(const std::vector<CaseRow> rows, ListCases(store, actor, md, query));
  CaseExportResult result;
  result.ledger_name = l->name;
  result.masked = !actor.full_personal_view();
  std::vector<const store::Case*> cases;
  for (const CaseRow& row : rows) cases.push_back(&row.record);
  EL_ASSIGN_OR_RETURN(const CasePeople people, CasePeople::Load(store, *l, cases, result.masked));
  const std::vector<CaseColumn> columns = CaseColumnsOf(*l);
  EL_ASSIGN_OR_RETURN(auto writer, ingest::CreateTable(path, l->name));
  std::vector<std::string> cells;
  for (const CaseColumn& c : columns) cells.push_back(c.header);
  EL_RETURN_IF_ERROR(writer->WriteRow(cells));
  const meta::LedgerField* student = StudentLinkOf(*l);
  for (const CaseRow& row : rows) {
    const json fields =
        json::parse(row.record.fields.empty() ? "{}" : row.record.fields, nullptr, false);
    cells.clear();
    for (const CaseColumn& c : columns) {
      std::string cell;
      switch (c.kind) {
        case CaseColumnKind::kId:
          cell = std::to_string(row.record.id);
          break;
        case CaseColumnKind::kOrgCode:
          cell = row.org_code;
          break;
        case CaseColumnKind::kOrgName:
          cell = row.org_name;
          break;
        case CaseColumnKind::kState:
          cell = row.state_name;
          break;
        case CaseColumnKind::kOpened:
          cell = row.record.opened.ToString();
          break;
        case CaseColumnKind::kStateSince:
          cell = row.record.state_since.ToString();
          break;
        case CaseColumnKind::kField:
          if (fields.is_object() && fields.contains(c.field->code) &&
              fields[c.field->code].is_string()) {
            cell = CellOf(*c.field, fields[c.field->code].get<std::string>(), people);
          }
          break;
        case CaseColumnKind::kPersonName:
          if (student != nullptr && fields.is_object() && fields.contains(student->code) &&
              fields[student->code].is_string()) {
            const LinkedPerson* p = people.Find(*student, fields[student->code].get<std::string>());
            if (p != nullptr) cell = p->name;
          }
          break;
        case CaseColumnKind::kResponsible:
          for (const auto& [role, person] : row.responsible) {
            if (role == c.role->name) cell = person;
          }
          break;
      }
      cells.push_back(std::move(cell));
    }
    EL_RETURN_IF_ERROR(writer->WriteRow(cells));
    ++result.rows;
  }
  EL_RETURN_IF_ERROR(writer->Close());
  return result;
}

Status WriteCaseTemplate(const Metadata& md, const std::string& ledger, const std::string& path) {
  EL_ASSIGN_OR_RETURN(const meta::LedgerType* l, FindLedger(md, ledger));
  std::vector<ingest::TemplateColumn> columns;
  for (const CaseColumn& c : CaseColumnsOf(*l)) {
    columns.push_back({c.header, c.hint, c.choices});
  }
  return ingest::WriteTemplate(l->name, columns, path);
}

}  // namespace eduledger::app
