// Fuzz target: a .docx work summary read into paragraphs, as check-report reads it.
#include "core/text.h"
#include "fuzz/fuzz_target.h"
#include "report/document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduledger;
  const std::string path = fuzz::ScratchFile("fuzz.docx", fuzz::AsText(data, size));
  auto doc = report::ReadDocument(path);
  if (!doc.ok()) {
    fuzz::ExpectRefusal(doc.status(), "reading the DOCX");
    return 0;
  }
  int number = 0;
  for (const report::Paragraph& p : doc->paragraphs) {
    fuzz::Expect(p.number == ++number, "paragraphs must be numbered 1, 2, … in order");
    fuzz::Expect(!p.text.empty(), "an empty paragraph must be left out");
    fuzz::Expect(core::IsValidUtf8(p.text), "a paragraph that is not valid UTF-8");
  }
  return 0;
}
