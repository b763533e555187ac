// Fuzz target: the figures of a summary's text, and the whole checker on it (without records).
// The first byte chooses plain text or Markdown; the rest is the text.
#include "core/text.h"
#include "fuzz/fuzz_target.h"
#include "report/document.h"
#include "report/figure.h"
#include "report/summary_checker.h"

namespace {

void ExpectInside(std::size_t begin, std::size_t end, std::size_t size, std::string_view what) {
  eduledger::fuzz::Expect(begin <= end && end <= size, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduledger;
  if (size == 0) return 0;
  const bool markdown = (data[0] & 1) != 0;
  const std::string_view text = fuzz::AsText(data + 1, size - 1);
  if (!core::IsValidUtf8(text)) return 0;  // the document reader decodes before this

  const report::ParagraphFigures found = report::ExtractFigures(text, markdown, 2025);
  for (const report::Figure& f : found.figures) {
    ExpectInside(f.begin, f.end, text.size(), "a figure outside its paragraph");
    fuzz::Expect(core::IsValidUtf8(f.written), "a figure's text is not valid UTF-8");
    fuzz::Expect(f.unknown || f.lo <= f.hi, "a figure's range is upside down");
  }
  for (std::size_t s : found.sentence_starts) ExpectInside(s, s, text.size(), "a sentence start");

  const report::Document doc = report::DocumentFromText(
      "fuzz.md", text, markdown ? report::DocumentFormat::kMarkdown : report::DocumentFormat::kText,
      "UTF-8");
  const report::CheckResult result = report::CheckSummaryDocument(doc, {.year = 2025});
  for (const report::Finding& finding : result.findings) {
    fuzz::Expect(
        finding.paragraph >= 1 && finding.paragraph <= static_cast<int>(doc.paragraphs.size()),
        "a finding in no paragraph");
    const std::string& p = doc.paragraphs[finding.paragraph - 1].text;
    ExpectInside(finding.begin, finding.end, p.size(), "a finding outside its paragraph");
    fuzz::ExpectChinese(finding.reason, "a finding's reason");
  }
  return 0;
}
