#include "ingest/import_template.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "core/file.h"
#include "core/text.h"
#include "ingest/columns.h"
#include "ingest/table_writer.h"
#include "ingest/xlsx_output_internal.h"

namespace eduledger::ingest {

namespace {

constexpr lxw_row_t kLastRow = 1048575;  // Excel's last row (0-based)

// What a header's comment says beyond the list of values.
std::string_view Hint(Field f) {
  switch (f) {
    case Field::kIdNumber:
      return "18位居民身份证号（末位可为X）；本列已设为文本格式，请勿改成数字格式";
    case Field::kStudentNo:
      return "19位全国学籍号，如 G + 身份证号";
    case Field::kBirthDate:
    case Field::kEventDate:
      return "日期，如 2015-03-08";
    case Field::kAdmission:
      return "年月，如 2021-09";
    case Field::kSchoolYear:
      return "学年的起始年份，如 2025 表示 2025-2026学年";
    case Field::kSchoolCode:
    case Field::kOrgCode:
      return "10位学校标识码（乡镇、县填行政区划代码）";
    case Field::kSchoolName:
      return "学校全称；与学校标识码同填时须一致";
    case Field::kGrade:
      return "如 一年级、七年级、高一、中班";
    case Field::kParent:
      return "上级单位的代码或全称";
    default:
      return "";
  }
}

core::Status Fail(const std::string& path, lxw_error e) {
  return core::Status::Unavailable("cannot_write",
                                   "无法写入 " + path + "：" + XlsxWriterErrorText(e));
}

}  // namespace

core::Status WriteImportTemplate(ImportKind kind, const std::string& path) {
  std::vector<TemplateColumn> columns;
  for (const ColumnSpec& spec : ColumnsOf(kind)) {
    TemplateColumn& c = columns.emplace_back();
    c.header = spec.header;
    c.hint = Hint(spec.field);
    for (std::string_view choice : ChoicesOf(spec.field)) c.choices.emplace_back(choice);
  }
  return WriteTemplate(ImportKindLabel(kind), columns, path);
}

core::Status WriteTemplate(std::string_view title, std::span<const TemplateColumn> columns,
                           const std::string& path) {
  if (core::FileExtension(path) != "xlsx") {
    return core::Status::InvalidArgument("unsupported_format", path + "：导入模板只能写成 .xlsx");
  }
  const std::string tmp = internal::TempXlsxPath(path);
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return Fail(path, LXW_ERROR_CREATING_XLSX_FILE);
  lxw_worksheet* sheet = workbook_add_worksheet(wb, std::string(title).c_str());
  lxw_worksheet* lists = workbook_add_worksheet(wb, "取值");
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format_index(text, 49);  // Excel's built-in "@": text
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_num_format_index(header, 49);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* note = workbook_add_format(wb);
  format_set_text_wrap(note);
  format_set_font_color(note, 0x7F7F7F);

  const auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
  const std::string notes =
      std::string(title) +
      "导入模板：第2行是列名，请从第3行起每行填写一条；本行在导入时跳过。所有列已设为文本格式（"
      "身份证件号不会被 Excel 改成科学计数法）；带下拉箭头的列请从列表中选择；把鼠标移到列名上可"
      "看填写说明。导入时整份文件要么全部写入，要么一行也不写，出错的行会逐一列出。";
  lxw_error e = worksheet_merge_range(sheet, 0, 0, 0, last_col, notes.c_str(), note);
  if (e == LXW_NO_ERROR) e = worksheet_set_row(sheet, 0, 48, nullptr);
  lxw_col_t list_col = 0;
  for (std::size_t c = 0; c < columns.size() && e == LXW_NO_ERROR; ++c) {
    const TemplateColumn& spec = columns[c];
    const auto col = static_cast<lxw_col_t>(c);
    const double width = static_cast<double>(core::DisplayWidth(spec.header)) + 4;
    e = worksheet_set_column(sheet, col, col, width < 12 ? 12 : width, text);
    if (e == LXW_NO_ERROR) e = worksheet_write_string(sheet, 1, col, spec.header.c_str(), header);
    const std::vector<std::string>& choices = spec.choices;
    std::string comment = spec.hint;
    if (!choices.empty()) {
      if (!comment.empty()) comment += "。";
      comment += "可填：";
      for (std::size_t i = 0; i < choices.size(); ++i) {
        comment += (i == 0 ? "" : "、") + choices[i];
      }
    }
    if (e == LXW_NO_ERROR && !comment.empty()) {
      e = worksheet_write_comment(sheet, 1, col, comment.c_str());
    }
    if (e != LXW_NO_ERROR || choices.empty()) continue;
    // The drop-down reads its values from the hidden sheet: a list longer than Excel's 255
    // characters (民族, 办学类型) works the same way.
    for (std::size_t i = 0; i < choices.size() && e == LXW_NO_ERROR; ++i) {
      e = worksheet_write_string(lists, static_cast<lxw_row_t>(i), list_col, choices[i].c_str(),
                                 nullptr);
    }
    const std::string letter = ColumnLetter(static_cast<int>(list_col));
    std::string range = "=取值!$" + letter + "$1:$" + letter + "$" + std::to_string(choices.size());
    lxw_data_validation v = {};
    v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    v.value_formula = range.data();
    // A warning, not a stop: the importer also takes codes and other spellings (1 for 男).
    v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    std::string error_title = "不在列表中";
    std::string message = "请从下拉列表中选择" + spec.header;
    v.error_title = error_title.data();
    v.error_message = message.data();
    if (e == LXW_NO_ERROR) e = worksheet_data_validation_range(sheet, 2, col, kLastRow, col, &v);
    ++list_col;
  }
  worksheet_freeze_panes(sheet, 2, 0);
  worksheet_hide(lists);
  worksheet_activate(sheet);
  return internal::CloseWorkbookInto(wb, e, path);
}

}  // namespace eduledger::ingest
