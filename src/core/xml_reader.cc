#include "core/xml_reader.h"

#include <expat.h>

namespace eduledger::core {

namespace {

std::string_view LocalName(const char* name) {
  const std::string_view n(name);
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

void OnStart(void* user, const XML_Char* name, const XML_Char** attrs) {
  auto* h = static_cast<XmlReader::Handlers*>(user);
  if (h->start) h->start(LocalName(name), attrs);
}

void OnEnd(void* user, const XML_Char* name) {
  auto* h = static_cast<XmlReader::Handlers*>(user);
  if (h->end) h->end(LocalName(name));
}

void OnText(void* user, const XML_Char* s, int len) {
  auto* h = static_cast<XmlReader::Handlers*>(user);
  if (h->text) h->text(std::string_view(s, static_cast<std::size_t>(len)));
}

}  // namespace

XmlReader::XmlReader(std::string source_name, Handlers handlers)
    : source_(std::move(source_name)), handlers_(std::move(handlers)) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &handlers_);
  XML_SetElementHandler(p, OnStart, OnEnd);
  XML_SetCharacterDataHandler(p, OnText);
  parser_ = p;
}

XmlReader::~XmlReader() { XML_ParserFree(static_cast<XML_Parser>(parser_)); }

Status XmlReader::Feed(std::string_view chunk, bool last) {
  auto* p = static_cast<XML_Parser>(parser_);
  if (XML_Parse(p, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) ==
      XML_STATUS_ERROR) {
    return Status::InvalidArgument(
        "bad_xml", source_ + " 的 XML 有误（第" + std::to_string(XML_GetCurrentLineNumber(p)) +
                       "行第" + std::to_string(XML_GetCurrentColumnNumber(p)) + "列：" +
                       XML_ErrorString(XML_GetErrorCode(p)) + "）");
  }
  return Status::OK();
}

std::string_view XmlReader::Attr(const char** attrs, std::string_view local_name) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (LocalName(attrs[i]) == local_name) return attrs[i + 1];
  }
  return {};
}

Status ParseXml(std::string_view source_name, std::string_view xml, XmlReader::Handlers handlers) {
  XmlReader reader(std::string(source_name), std::move(handlers));
  return reader.Feed(xml, true);
}

}  // namespace eduledger::core
