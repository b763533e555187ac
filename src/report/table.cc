#include "report/table.h"

#include <string_view>

#include "core/text.h"

namespace eduledger::report {

namespace {

constexpr std::size_t kMaxColumns = 64;

// `text` trimmed of spaces and of the emphasis marks around it ("**25,880**" → 25,880), with
// the byte offset where what is left begins.
std::string_view Unemphasised(std::string_view text, std::size_t* offset) {
  for (bool changed = true; changed;) {
    changed = false;
    const std::string_view trimmed = core::TrimSpace(text);
    *offset += static_cast<std::size_t>(trimmed.data() - text.data());
    text = trimmed;
    for (const std::string_view mark : {"**", "__"}) {
      if (text.size() >= 2 * mark.size() && text.starts_with(mark) && text.ends_with(mark)) {
        text = text.substr(mark.size(), text.size() - 2 * mark.size());
        *offset += mark.size();
        changed = true;
      }
    }
  }
  return text;
}

// The cells of a Markdown table row ("| a | b |"): the text between its pipes; none when the
// line is no row.
std::vector<TableCell> PipeCells(std::size_t paragraph, std::string_view line) {
  std::vector<TableCell> cells;
  if (!line.starts_with("|")) return cells;
  std::size_t start = 1;
  for (std::size_t i = 1; i <= line.size(); ++i) {
    const bool escaped = i < line.size() && line[i] == '|' && line[i - 1] == '\\';
    if (i < line.size() && (line[i] != '|' || escaped)) continue;
    // The last piece after a closing pipe is no cell.
    if (i == line.size() && start == line.size()) break;
    std::size_t offset = start;
    const std::string_view text = Unemphasised(line.substr(start, i - start), &offset);
    cells.push_back(TableCell{paragraph, offset, offset + text.size(), std::string(text)});
    start = i + 1;
  }
  return cells;
}

// A Markdown delimiter row: every cell dashes, with colons for alignment.
bool IsDelimiterRow(const std::vector<TableCell>& cells) {
  if (cells.empty()) return false;
  for (const TableCell& c : cells) {
    if (c.text.find('-') == std::string::npos ||
        c.text.find_first_not_of("-: ") != std::string::npos)
      return false;
  }
  return true;
}

void AddMarkdownTables(const Document& document, std::vector<Table>* tables) {
  const std::vector<Paragraph>& ps = document.paragraphs;
  for (std::size_t i = 0; i + 1 < ps.size(); ++i) {
    std::vector<TableCell> header = PipeCells(i, ps[i].text);
    if (header.empty() || !IsDelimiterRow(PipeCells(i + 1, ps[i + 1].text))) continue;
    Table table;
    table.rows.push_back(std::move(header));
    std::size_t k = i + 2;
    // Its rows stand on the lines right after, each one a row.
    for (; k < ps.size() && ps[k].line == ps[k - 1].line + 1; ++k) {
      std::vector<TableCell> row = PipeCells(k, ps[k].text);
      if (row.empty()) break;
      table.rows.push_back(std::move(row));
    }
    tables->push_back(std::move(table));
    i = k - 1;
  }
}

void AddDocxTables(const Document& document, std::vector<Table>* tables) {
  int current = 0;
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    const Paragraph& p = document.paragraphs[i];
    if (p.table == 0) continue;
    if (p.table != current) {
      tables->emplace_back();
      current = p.table;
    }
    auto& rows = tables->back().rows;
    const auto row = static_cast<std::size_t>(p.row);
    const auto column = static_cast<std::size_t>(p.column);
    // Columns past kMaxColumns are not read: a hostile file's spans stay small in memory.
    if (column >= kMaxColumns) continue;
    if (rows.size() <= row) rows.resize(row + 1);
    auto& cells = rows[row];
    if (cells.size() <= column) cells.resize(column + 1);
    TableCell& cell = cells[column];
    // A cell of several paragraphs reads as its first (the figure's place) and the text of all.
    if (cell.text.empty()) {
      std::size_t offset = 0;
      const std::string_view text = Unemphasised(p.text, &offset);
      cell = TableCell{i, offset, offset + text.size(), std::string(text)};
    } else {
      cell.text += "\n" + p.text;  // two lines: no single figure
    }
  }
}

}  // namespace

std::vector<Table> TablesOf(const Document& document) {
  std::vector<Table> tables;
  if (document.format == DocumentFormat::kDocx) {
    AddDocxTables(document, &tables);
  } else {
    AddMarkdownTables(document, &tables);
  }
  return tables;
}

}  // namespace eduledger::report
