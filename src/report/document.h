// Document: a work summary as paragraphs of UTF-8 text, read from plain text or Markdown
// (UTF-8 with or without a BOM, GB18030, UTF-16) or from DOCX (the body's paragraphs and table
// cells, in document order). Each paragraph keeps its number and, for text files, its line, so
// every finding can point at its place; offsets inside a paragraph are byte offsets, turned
// into character counts only when reported.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace eduledger::report {

enum class DocumentFormat { kText, kMarkdown, kDocx };

struct Paragraph {
  int number = 0;  // 1-based, in reading order
  int line = 0;    // 1-based line of a text file; 0 for DOCX
  int indent = 0;  // a text file's leading spaces (a tab counts 4): the nesting of list items
  // A DOCX table cell's paragraph: its table (1-based, in document order; 0 outside tables),
  // and its row and grid column there (0-based; a cell spanning columns is at its first).
  int table = 0;
  int row = 0;
  int column = 0;
  std::string text;
};

struct Document {
  std::string source;  // the path as given
  DocumentFormat format = DocumentFormat::kText;
  std::string encoding;  // "UTF-8", "GB18030" … for text files; "DOCX" otherwise
  std::vector<Paragraph> paragraphs;
};

// Read `path` by its extension: .docx as Word, .md/.markdown as Markdown, anything else as
// plain text. A missing or unreadable file is InvalidArgument "cannot_read"; a broken DOCX is
// "bad_docx"; an undecodable text file "bad_encoding".
core::Result<Document> ReadDocument(const std::string& path);

// Split decoded text into paragraphs, one per non-empty line.
Document DocumentFromText(std::string source, std::string_view text, DocumentFormat format,
                          std::string encoding);

// The number of characters (code points) in the first `byte_offset` bytes of `text`.
std::size_t CharOffset(std::string_view text, std::size_t byte_offset);

}  // namespace eduledger::report
