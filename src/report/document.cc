#include "report/document.h"

#include <algorithm>

#include "core/file.h"
#include "core/text.h"
#include "core/text_codec.h"
#include "core/xml_reader.h"
#include "core/zip_reader.h"

namespace eduledger::report {

namespace {

// The paragraphs of word/document.xml: w:p elements (also those inside table cells), their
// w:t text with w:tab as a tab and w:br as a line break; deleted text (w:delText), field
// instructions (w:instrText) and phonetic guides are left out.
core::Result<Document> ReadDocx(const std::string& path) {
  auto zip = core::ZipReader::Open(path);
  if (!zip.ok()) {
    return core::Status::InvalidArgument("bad_docx", path + " 不是有效的 Word 文档（.docx）");
  }
  auto xml = zip->ReadAll("word/document.xml");
  if (!xml.ok()) {
    return core::Status::InvalidArgument("bad_docx",
                                         path + " 不是有效的 Word 文档（缺少 word/document.xml）");
  }
  Document doc;
  doc.source = path;
  doc.format = DocumentFormat::kDocx;
  doc.encoding = "DOCX";
  std::string text;
  int depth_in_p = 0;
  int table_depth = 0;
  bool in_t = false;
  // The cell being read: tables nested in a cell count as that cell.
  int tables = 0;
  int row = -1;
  int column = -1;
  int next_column = 0;
  Paragraph cell;  // the table, row and column of the paragraph being read
  const core::Status parsed =
      core::ParseXml(path, *xml,
                     {[&](std::string_view name, const char** attrs) {
                        if (name == "tbl" && table_depth++ == 0) {
                          ++tables;
                          row = -1;
                        } else if (name == "tr" && table_depth == 1) {
                          ++row;
                          next_column = 0;
                        } else if (name == "tc" && table_depth == 1) {
                          column = next_column++;
                        } else if (name == "gridSpan" && table_depth == 1) {
                          const std::string_view span = core::XmlReader::Attr(attrs, "val");
                          int n = 0;
                          for (const char c : span.substr(0, 3)) {
                            if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
                          }
                          constexpr int kMaxColumn = 1 << 16;
                          if (n > 1) next_column = std::min(next_column + n - 1, kMaxColumn);
                        }
                        if (name == "p") {
                          if (depth_in_p++ == 0) {
                            text.clear();
                            cell.table = table_depth > 0 ? tables : 0;
                            cell.row = std::max(row, 0);
                            cell.column = std::max(column, 0);
                          }
                        } else if (name == "t") {
                          in_t = true;
                        } else if (name == "tab" && depth_in_p > 0) {
                          text.push_back('\t');
                        } else if ((name == "br" || name == "cr") && depth_in_p > 0) {
                          text.push_back('\n');
                        }
                      },
                      [&](std::string_view name) {
                        if (name == "tbl") --table_depth;
                        if (name == "t") in_t = false;
                        if (name == "p" && --depth_in_p == 0) {
                          const std::string_view trimmed = core::TrimSpace(text);
                          if (!trimmed.empty()) {
                            Paragraph p;
                            p.number = static_cast<int>(doc.paragraphs.size()) + 1;
                            p.table = cell.table;
                            p.row = cell.row;
                            p.column = cell.column;
                            p.text = std::string(trimmed);
                            doc.paragraphs.push_back(std::move(p));
                          }
                        }
                      },
                      [&](std::string_view chunk) {
                        if (in_t && depth_in_p > 0) text.append(chunk);
                      }});
  if (!parsed.ok()) return core::Status::InvalidArgument("bad_docx", std::string(parsed.message()));
  return doc;
}

}  // namespace

std::size_t CharOffset(std::string_view text, std::size_t byte_offset) {
  return core::CodePointCount(text.substr(0, byte_offset));
}

Document DocumentFromText(std::string source, std::string_view text, DocumentFormat format,
                          std::string encoding) {
  Document doc;
  doc.source = std::move(source);
  doc.format = format;
  doc.encoding = std::move(encoding);
  int line = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    std::string_view raw = text.substr(pos, end - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    const std::string_view trimmed = core::TrimSpace(raw);
    if (!trimmed.empty()) {
      Paragraph p;
      p.number = static_cast<int>(doc.paragraphs.size()) + 1;
      p.line = line;
      for (const char c : raw.substr(0, static_cast<std::size_t>(trimmed.data() - raw.data()))) {
        p.indent += c == '\t' ? 4 : c == ' ' ? 1 : 0;
      }
      p.text = std::string(trimmed);
      doc.paragraphs.push_back(std::move(p));
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return doc;
}

core::Result<Document> ReadDocument(const std::string& path) {
  const std::string ext = core::FileExtension(path);
  if (ext == "docx") return ReadDocx(path);
  if (ext == "doc" || ext == "wps" || ext == "pdf") {
    return core::Status::InvalidArgument(
        "unsupported_format", path + "：不支持 ." + ext + " 文件，请另存为 .docx 或纯文本后再检查");
  }
  EL_ASSIGN_OR_RETURN(const std::string bytes, core::ReadInputFile(path));
  auto decoded = core::DecodeText(bytes);
  if (!decoded.ok()) return decoded.status().WithContext(path);
  const DocumentFormat format =
      ext == "md" || ext == "markdown" ? DocumentFormat::kMarkdown : DocumentFormat::kText;
  return DocumentFromText(path, decoded->text, format,
                          std::string(core::EncodingName(decoded->encoding)));
}

}  // namespace eduledger::report
