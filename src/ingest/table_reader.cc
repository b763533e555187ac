#include "ingest/table_reader.h"

#include "core/file.h"
#include "ingest/csv_reader.h"
#include "ingest/xlsx_reader.h"

namespace eduledger::ingest {

core::Result<std::unique_ptr<TableReader>> OpenTable(const std::string& path,
                                                     const TableOptions& options) {
  const std::string ext = core::FileExtension(path);
  if (ext == "csv" || ext == "txt" || ext == "tsv") {
    EL_ASSIGN_OR_RETURN(core::MappedFile file, core::MappedFile::Open(path));
    EL_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path, std::move(file)));
    return std::unique_ptr<TableReader>(std::move(reader));
  }
  if (ext == "xlsx" || ext == "xlsm") {
    EL_ASSIGN_OR_RETURN(auto reader, XlsxReader::Open(path, options.sheet));
    return std::unique_ptr<TableReader>(std::move(reader));
  }
  if (ext == "xls" || ext == "et") {
    return core::Status::InvalidArgument("unsupported_format",
                                         path + "：不支持旧版 Excel 格式（." + ext +
                                             "），请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入");
  }
  return core::Status::InvalidArgument(
      "unsupported_format", path + "：无法识别的文件类型，支持 .csv、.txt、.tsv 和 .xlsx");
}

}  // namespace eduledger::ingest
