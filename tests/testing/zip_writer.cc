#include "testing/zip_writer.h"

#include <gtest/gtest.h>
#include <zip.h>

namespace eduledger::testing {

void WriteZip(const std::string& path, const ZipEntries& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr) << "zip_open " << path << ": " << error;
  for (const auto& [name, bytes] : entries) {
    // libzip reads the buffer at zip_close: keep it alive until then (entries outlives it).
    zip_source_t* src = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    ASSERT_NE(src, nullptr);
    ASSERT_GE(zip_file_add(archive, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0) << name;
  }
  ASSERT_EQ(zip_close(archive), 0) << zip_strerror(archive);
}

ZipEntries MinimalXlsx(const std::string& sheet_data, const std::vector<std::string>& shared,
                       bool with_shared_strings) {
  ZipEntries e;
  e.emplace_back(
      "[Content_Types].xml",
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)");
  e.emplace_back(
      "xl/workbook.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  e.emplace_back("xl/_rels/workbook.xml.rels",
                 R"(<?xml version="1.0" encoding="UTF-8"?>)"
                 R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
                 R"(</Relationships>)");
  e.emplace_back("xl/worksheets/sheet1.xml",
                 R"(<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>)" + sheet_data +
                     "</sheetData></worksheet>");
  if (with_shared_strings) {
    std::string sst = R"(<?xml version="1.0" encoding="UTF-8"?><sst>)";
    for (const std::string& s : shared) sst += "<si><t>" + s + "</t></si>";
    e.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
  }
  return e;
}

}  // namespace eduledger::testing
