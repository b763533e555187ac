// XmlReader: a streaming (SAX) XML parser over expat for Office files. Element names are
// given without their namespace prefix ("w:p" → "p"). Feed bytes in chunks; handlers run as
// elements open and close. Malformed XML is InvalidArgument "bad_xml" with line and column.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace eduledger::core {

class XmlReader {
 public:
  struct Handlers {
    // name without prefix; attrs is the expat NULL-terminated name/value array (names keep
    // their prefixes: use Attr to look one up by local name).
    std::function<void(std::string_view name, const char** attrs)> start;
    std::function<void(std::string_view name)> end;
    std::function<void(std::string_view text)> text;
  };

  XmlReader(std::string source_name, Handlers handlers);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Parse the next chunk; `last` on the final one.
  Status Feed(std::string_view chunk, bool last);

  // The value of attribute `local_name` (prefix ignored), or "" when absent.
  static std::string_view Attr(const char** attrs, std::string_view local_name);

 private:
  std::string source_;
  Handlers handlers_;
  void* parser_;  // XML_Parser
};

// Parse a whole document in one call.
Status ParseXml(std::string_view source_name, std::string_view xml, XmlReader::Handlers handlers);

}  // namespace eduledger::core
