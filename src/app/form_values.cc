// Reading a form's values from a CSV or XLSX file (app/forms.h).
#include "app/forms.h"
#include "ingest/table_reader.h"

namespace eduledger::app {

using core::Result;
using core::Status;

Result<std::vector<FormValueInput>> ReadFormValues(const std::string& path) {
  EL_ASSIGN_OR_RETURN(std::unique_ptr<ingest::TableReader> reader, ingest::OpenTable(path));
  ingest::Row row;
  EL_ASSIGN_OR_RETURN(const bool has_header, reader->Next(&row));
  if (!has_header) return Status::InvalidArgument("empty_file", path + " 是空文件");
  int element = -1, disaggregation = -1, value = -1;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    const std::string_view h = row.text(c);
    if (h == "数据项" || h == "element" || h == "数据项代码") element = static_cast<int>(c);
    if (h == "分组" || h == "disaggregation" || h == "分类") disaggregation = static_cast<int>(c);
    if (h == "数值" || h == "value" || h == "值") value = static_cast<int>(c);
  }
  if (element < 0 || value < 0) {
    return Status::InvalidArgument("missing_columns",
                                   path + " 第 " + std::to_string(row.number) +
                                       " 行应为表头，须有“数据项”和“数值”列（“分组”列可选）");
  }
  std::vector<FormValueInput> out;
  while (true) {
    EL_ASSIGN_OR_RETURN(const bool more, reader->Next(&row));
    if (!more) break;
    FormValueInput v;
    v.element = std::string(row.text(static_cast<std::size_t>(element)));
    if (disaggregation >= 0) {
      v.disaggregation = std::string(row.text(static_cast<std::size_t>(disaggregation)));
    }
    v.value = std::string(row.text(static_cast<std::size_t>(value)));
    v.row = row.number;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace eduledger::app
