#include "ingest/table_reader.h"

#include "core/file.h"
#include "ingest/csv_reader.h"
#include "ingest/xlsx_reader.h"

namespace eduledger::ingest {

namespace {

class MemoryTableReader final : public TableReader {
 public:
  MemoryTableReader(std::vector<std::vector<std::string>> rows, std::string description)
      : rows_(std::move(rows)), description_(std::move(description)) {}

  core::Result<bool> Next(Row* row) override {
    while (next_ < rows_.size()) {
      const std::vector<std::string>& cells = rows_[next_++];
      row->number = static_cast<std::int64_t>(next_);
      row->cells.clear();
      for (const std::string& c : cells) row->cells.push_back(Cell{c, false});
      if (!row->blank()) return true;
    }
    return false;
  }
  double progress() const override {
    return rows_.empty() ? 1.0 : static_cast<double>(next_) / static_cast<double>(rows_.size());
  }
  std::string description() const override { return description_; }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::string description_;
  std::size_t next_ = 0;
};

}  // namespace

std::unique_ptr<TableReader> MemoryTable(std::vector<std::vector<std::string>> rows,
                                         std::string description) {
  return std::make_unique<MemoryTableReader>(std::move(rows), std::move(description));
}

core::Result<std::unique_ptr<TableReader>> OpenTable(const std::string& path,
                                                     const TableOptions& options) {
  const std::string ext = core::FileExtension(path);
  if (ext == "csv" || ext == "txt" || ext == "tsv") {
    EL_ASSIGN_OR_RETURN(std::string bytes, core::ReadInputFile(path));
    EL_ASSIGN_OR_RETURN(auto reader, CsvReader::FromBytes(path, std::move(bytes)));
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
