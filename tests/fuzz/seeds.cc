// fuzz_seeds OUT: (re)writes the generated seeds of every fuzz target to OUT/<target>/: the hostile
// inputs the robustness issue found (zip bombs, broken workbook references, cells past XFD,
// brackets 8,000 deep, text that made the checker quadratic …) and inputs made by the program's
// own writers (the import templates). They are generated, not committed: some are megabytes.
// The test fixtures (tests/data) and the small hand-written seeds (tests/fuzz/corpus) are given
// to the replay beside them.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/import.h"
#include "ingest/import_template.h"
#include "testing/test_util.h"
#include "testing/zip_writer.h"

namespace {

namespace fs = std::filesystem;
using eduledger::testing::ZipEntries;

std::string Repeat(std::string_view piece, std::size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (std::size_t i = 0; i < n; ++i) out.append(piece);
  return out;
}

// A seed whose first byte selects the target's mode (text or Markdown, which package file …).
std::string Selected(char mode, std::string_view rest) {
  return std::string(1, mode) + std::string(rest);
}

class Seeds {
 public:
  explicit Seeds(fs::path root) : root_(std::move(root)) {}

  void Write(const std::string& target, const std::string& name, std::string_view bytes) {
    fs::create_directories(root_ / target);
    eduledger::testing::WriteFile((root_ / target / name).string(), bytes);
    ++written_;
  }
  void Zip(const std::string& target, const std::string& name, const ZipEntries& entries) {
    fs::create_directories(root_ / target);
    const fs::path path = root_ / target / name;
    eduledger::testing::WriteZip(path.string(), entries);
    Check(fs::exists(path), "无法写入 " + path.string());
    ++written_;
  }
  std::string Path(const std::string& target, const std::string& name) const {
    fs::create_directories(root_ / target);
    return (root_ / target / name).string();
  }
  void Check(bool ok, const std::string& what) {
    if (!ok) {
      std::fprintf(stderr, "fuzz_seeds: %s\n", what.c_str());
      failed_ = true;
    }
  }
  int written() const { return written_; }
  bool failed() const { return failed_; }

 private:
  fs::path root_;
  int written_ = 0;
  bool failed_ = false;
};

// A sheet of a header row and one data row whose B cell is shared string `index`.
std::string SheetWithSharedIndex(const std::string& index) {
  return R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)"
         R"(<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>)" +
         index + "</v></c></row>";
}

void XlsxSeeds(Seeds& s) {
  const std::vector<std::string> shared = {"姓名", "是否寄宿", "张三"};
  s.Zip("xlsx", "minimal.xlsx", eduledger::testing::MinimalXlsx(SheetWithSharedIndex("1"), shared));
  for (const auto& [name, index] :
       {std::pair{"shared_out_of_range", "99"}, std::pair{"shared_negative", "-1"},
        std::pair{"shared_not_a_number", "x"}}) {
    s.Zip("xlsx", std::string(name) + ".xlsx",
          eduledger::testing::MinimalXlsx(SheetWithSharedIndex(index), shared));
  }
  s.Zip("xlsx", "no_shared_strings.xlsx",
        eduledger::testing::MinimalXlsx(SheetWithSharedIndex("1"), shared, false));
  s.Zip("xlsx", "column_past_xfd.xlsx",
        eduledger::testing::MinimalXlsx(
            R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>)"
            R"(<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>b</t></is></c></row>)",
            {}));
  s.Zip("xlsx", "numbers_and_dates.xlsx",
        eduledger::testing::MinimalXlsx(
            R"(<row r="1"><c r="A1" t="inlineStr"><is><t>身份证件号</t></is></c>)"
            R"(<c r="B1" t="inlineStr"><is><t>出生日期</t></is></c></row>)"
            R"(<row r="2"><c r="A2"><v>4.41822E+17</v></c><c r="B2" s="1"><v>42071</v></c>)"
            R"(<c r="C2" t="b"><v>1</v></c><c r="D2" t="str"><v>=A2</v></c></row>)",
            {}));
  // Zip bombs: 48 MiB of one byte deflates about a thousandfold.
  const std::string bomb(std::size_t{48} << 20, ' ');
  ZipEntries sheet_bomb = eduledger::testing::MinimalXlsx(SheetWithSharedIndex("1"), shared);
  sheet_bomb[3].second = R"(<?xml version="1.0"?><worksheet><sheetData>)" + bomb;
  s.Zip("xlsx", "bomb_sheet.xlsx", sheet_bomb);
  ZipEntries sst_bomb = eduledger::testing::MinimalXlsx(SheetWithSharedIndex("1"), shared);
  sst_bomb[4].second = "<sst>" + bomb;
  s.Zip("xlsx", "bomb_shared_strings.xlsx", sst_bomb);
  ZipEntries styles_bomb = eduledger::testing::MinimalXlsx(SheetWithSharedIndex("1"), shared);
  styles_bomb.emplace_back("xl/styles.xml", "<styleSheet>" + bomb);
  s.Zip("xlsx", "bomb_styles.xlsx", styles_bomb);
  // What the program writes itself: the import templates, with notes, lists and text formats.
  for (const char* kind : {"schools", "students", "enrolments", "staff", "events"}) {
    const std::string path = s.Path("xlsx", std::string("template_") + kind + ".xlsx");
    const eduledger::core::Status written =
        eduledger::ingest::WriteImportTemplate(*eduledger::ingest::ParseImportKind(kind), path);
    s.Check(written.ok(), "导入模板 " + std::string(kind) + "：" + std::string(written.message()));
  }
}

void CsvSeeds(Seeds& s) {
  const std::string header = "学校标识码,姓名,身份证件号,性别,出生日期\n";
  s.Write("csv", "scientific_id.csv", header + "2144000001,张三,4.41822E+17,男,2015-03-08\n");
  s.Write("csv", "formulas.csv", header + "2144000001,=1+1,+86,-x,@SUM(A1)\n\"\tTAB\",\"\rCR\"\n");
  s.Write("csv", "nul_and_breaks.csv",
          header + "2144000001,张" + std::string(1, '\0') + "三,\"多\n行\",男,2015-03-08\n");
  s.Write("csv", "long_value.csv", header + "2144000001," + std::string(1 << 20, 'x') + "\n");
  s.Write("csv", "unclosed_quote.csv", header + "2144000001,\"张三,男\n");
  s.Write("csv", "semicolons.csv", "a;b;c\n1;\"2;3\";4\n");
  s.Write("csv", "tabs.tsv", "a\tb\tc\n1\t2\t3\n");
  s.Write("csv", "bad_gb18030.csv", "姓名\n\x81\x30\xFF\xFF\n");
  // UTF-16 without a byte-order mark, little and big endian; and with one.
  std::string le, be;
  for (char c : std::string("a,b\n1,2\n")) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  s.Write("csv", "utf16le_no_bom.csv", le);
  s.Write("csv", "utf16be_no_bom.csv", be);
  s.Write("csv", "utf16le_bom.csv", "\xFF\xFE" + le);
  s.Write("csv", "odd_utf16.csv", "\xFF\xFE" + le + "x");
  // A workbook renamed .csv.
  std::ifstream xlsx(s.Path("xlsx", "minimal.xlsx"), std::ios::binary);
  s.Write("csv", "xlsx_renamed.csv",
          std::string((std::istreambuf_iterator<char>(xlsx)), std::istreambuf_iterator<char>()));
}

void DocxSeeds(Seeds& s) {
  const std::string types =
      R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
  auto docx = [&](const std::string& body) {
    return ZipEntries{
        {"[Content_Types].xml", types},
        {"word/document.xml", R"(<?xml version="1.0"?><w:document xmlns:w="w"><w:body>)" + body +
                                  "</w:body></w:document>"}};
  };
  s.Zip("docx", "paragraphs.docx",
        docx("<w:p><w:r><w:t>全县共有学校120所，其中小学80所、初中40所。</w:t></w:r></w:p>"
             "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>在校生</w:t><w:tab/><w:t>1000人</w:t></w:r>"
             "</w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:delText>删</w:delText><w:br/></w:r></w:p>"));
  s.Zip("docx", "deep_nesting.docx", docx(Repeat("<w:p>", 20000) + "x"));
  s.Zip("docx", "broken_xml.docx", docx("<w:p><w:r><w:t>未闭合"));
  s.Zip("docx", "no_body.docx", ZipEntries{{"[Content_Types].xml", types}});
  s.Zip("docx", "bomb_body.docx",
        docx("<w:p><w:r><w:t>" + std::string(std::size_t{48} << 20, ' ') + "</w:t></w:r></w:p>"));
}

void FigureSeeds(Seeds& s) {
  // The shapes that made the checker quadratic, 4,000 times each, as text (0) and Markdown (1).
  const std::pair<const char*, const char*> shapes[] = {
      {"placeholders", "全县共有学校**所，在校生XX人，投入20__万元。"},
      {"parts", "全县共有学校120所，其中小学80所、初中30所、高中10所。"},
      {"parentheses", "学校120所（小学80所、初中40所）"},
      {"unclosed", "学校120所（小学80所、初中40所"},
      {"shares", "在校生1000人，女生480人，占48%。"},
      {"share_lists", "小学、初中分别为100人、300人，分别占25%、75%。占在校生400人的25%。"},
      {"sentence_of_shares", "全县在校生1000人，女生480人，占48%，"},
      {"sentence_of_rates", "小学入学率99%，全县共有学校120所，在校生5000人，"},
      {"nested_lists", "- 学校86所，其中：\n  - 小学38所\n    - 教学点20所，其中：\n"}};
  for (const auto& [name, piece] : shapes) {
    const char markdown = std::string_view(name) == "nested_lists" ? 1 : 0;
    s.Write("figure", std::string("hostile_") + name + ".txt",
            Selected(markdown, Repeat(piece, 4000)));
  }
  s.Write("figure", "markdown_list.md",
          std::string("\x01") +
              "## 2025年基本情况\n- 全县共有学校**120**所，其中：\n  - 小学80所\n  - 初中40所\n"
              "- 小学辍学率0.1%，初中辍学率为**0.35%**。\n");
}

void PackageSeeds(Seeds& s, const fs::path& package) {
  // In the order of package_fuzz.cc's kFiles.
  const char* files[] = {"package.json",   "indicators.json",       "data_elements.json",
                         "data_sets.json", "validation_rules.json", "targets.json",
                         "workflows.json", "ledgers/hazard.json",   "ledgers/dropout_control.json"};
  for (std::size_t i = 0; i < std::size(files); ++i) {
    std::ifstream in(package / files[i], std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string name = std::string("shipped_") + files[i];
    std::replace(name.begin(), name.end(), '/', '_');
    s.Write("package", name, Selected(static_cast<char>(i), bytes));
  }
  auto indicator = [](const std::string& fields) {
    return std::string("\x01") + R"({"indicators": [{"code": "x", "name": "测试", )" + fields +
           R"(, "unit": "count", "decimals": 0, "splits": []}]})";
  };
  s.Write("package", "huge_number.json",
          indicator(R"j("numerator": "students()", "factor": 1e999)j"));
  s.Write("package", "empty_numerator.json", indicator(R"j("numerator": "")j"));
  s.Write(
      "package", "deep_brackets.json",
      indicator("\"numerator\": \"" + Repeat("(", 8000) + "students()" + Repeat(")", 8000) + "\""));
  s.Write("package", "deep_years_before.json",
          indicator("\"numerator\": \"" + Repeat("years_before(30, ", 40) + "students()" +
                    Repeat(")", 40) + "\""));
  s.Write("package", "deep_nots.json",
          std::string("\x04") +
              R"({"rules": [{"code": "r", "name": "规则", "data_set": "exam_results", )"
              R"("severity": "error", "check": ")" +
              Repeat("not ", 100000) + R"(value(exam_passed) <= 1", "message": "错"}]})");
  s.Write("package", "unknown_target_org.json",
          std::string("\x05") +
              R"({"targets": [{"indicator": "schools", "org": "9999", "at_least": 1}]})");
  s.Write("package", "not_json.json", std::string("\x01") + "{\"indicators\": [");
}

void ExpressionSeeds(Seeds& s, const fs::path& package) {
  // Every expression the shipped package holds, as arithmetic (0) or comparison (1).
  int n = 0;
  auto each = [&](const char* file, const char* list, std::initializer_list<const char*> keys,
                  char kind) {
    std::ifstream in(package / file);
    const nlohmann::json root = nlohmann::json::parse(in);
    for (const auto& item : root.at(list)) {
      for (const char* key : keys) {
        if (item.contains(key) && item[key].is_string()) {
          s.Write("expression", "shipped_" + std::to_string(++n),
                  kind + item[key].get<std::string>());
        }
      }
    }
  };
  each("indicators.json", "indicators", {"numerator", "denominator", "universe"}, '\x00');
  each("indicators.json", "indicators", {"numerator"}, '\x02');  // as a flow
  each("validation_rules.json", "rules", {"check"}, '\x01');
  s.Write("expression", "deep_brackets", Selected(0, Repeat("(", 8000) + "1" + Repeat(")", 8000)));
  s.Write("expression", "many_nots", "\x01" + Repeat("not ", 100000) + "a = 1");
  s.Write("expression", "many_minuses", Selected(0, Repeat("-", 100000) + "1"));
  s.Write("expression", "deep_years_before",
          Selected(0, Repeat("years_before(30, ", 40) + "students()" + Repeat(")", 40)));
  s.Write("expression", "strings", "\x01students(name = “张三” and class = 'a\"b') > 0%");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "用法: fuzz_seeds 输出目录\n");
    return 2;
  }
  const fs::path package = fs::path(EDULEDGER_SOURCE_DIR) / "packages/county-bureau";
  std::error_code ignored;
  fs::remove_all(argv[1], ignored);  // the seeds of an older build go
  Seeds seeds(argv[1]);
  XlsxSeeds(seeds);
  CsvSeeds(seeds);
  DocxSeeds(seeds);
  FigureSeeds(seeds);
  PackageSeeds(seeds, package);
  ExpressionSeeds(seeds, package);
  std::fprintf(stderr, "fuzz_seeds: 已写入 %d 个种子：%s\n", seeds.written(), argv[1]);
  return seeds.failed() ? 1 : 0;
}
