#include "report/outline.h"

#include "core/text.h"

namespace eduledger::report {

namespace {

// Chinese numerals an outline counts with: 一 … 十, 百 (for 十一、 and beyond).
bool IsOutlineNumeral(std::int32_t cp) {
  switch (cp) {
    case 0x4E00:
    case 0x4E8C:
    case 0x4E09:
    case 0x56DB:
    case 0x4E94:  // 一二三四五
    case 0x516D:
    case 0x4E03:
    case 0x516B:
    case 0x4E5D:
    case 0x5341:  // 六七八九十
      return true;
    default:
      return false;
  }
}

// The length of a run of code points at `pos` for which `accept` holds.
template <class Accept>
std::size_t RunOf(std::string_view text, std::size_t pos, Accept accept) {
  std::size_t end = pos;
  while (end < text.size()) {
    std::size_t next = end;
    if (!accept(core::NextCodePoint(text, &next))) break;
    end = next;
  }
  return end - pos;
}

bool StartsWithAt(std::string_view text, std::size_t pos, std::string_view word) {
  return text.substr(pos).starts_with(word);
}

// The outline number a paragraph opens with, as a level; 0 for none.
int NumberLevel(std::string_view text) {
  const std::size_t chinese = RunOf(text, 0, IsOutlineNumeral);
  if (chinese > 0 && StartsWithAt(text, chinese, "、")) return 1;
  for (const std::string_view open : {"（", "("}) {
    if (!text.starts_with(open)) continue;
    const std::size_t at = open.size();
    const std::size_t inner = RunOf(text, at, IsOutlineNumeral);
    const std::size_t digits = RunOf(text, at, [](std::int32_t cp) { return core::IsDigitCp(cp); });
    const std::size_t n = inner > 0 ? inner : digits;
    if (n > 0 && (StartsWithAt(text, at + n, "）") || StartsWithAt(text, at + n, ")"))) {
      return inner > 0 ? 2 : 3;
    }
  }
  const std::size_t digits = RunOf(text, 0, [](std::int32_t cp) { return core::IsAsciiDigit(cp); });
  if (digits > 0 && digits <= 2 &&
      (StartsWithAt(text, digits, "、") || StartsWithAt(text, digits, ". ") ||
       StartsWithAt(text, digits, "．"))) {
    return 3;
  }
  return 0;
}

}  // namespace

int HeadingLevel(std::string_view text, bool markdown) {
  if (markdown && text.starts_with("#")) {
    const std::size_t hashes = text.find_first_not_of('#');
    if (hashes != std::string_view::npos && hashes <= 6 && text[hashes] == ' ') {
      return static_cast<int>(hashes);
    }
  }
  const int level = NumberLevel(text);
  if (level == 0) return 0;
  // A heading line, or the heading clause of a paragraph (“（一）强化控辍保学。全县…”).
  constexpr std::size_t kMaxHeadingChars = 40;
  const std::size_t stop = text.find("。");
  const std::string_view heading = stop == std::string_view::npos ? text : text.substr(0, stop);
  return core::CodePointCount(heading) <= kMaxHeadingChars ? level : 0;
}

bool IsPlanHeading(std::string_view heading) {
  static constexpr std::string_view kPlanWords[] = {"下一步",   "工作打算", "工作思路", "工作计划",
                                                    "工作安排", "工作设想", "努力方向", "今后工作",
                                                    "明年工作", "工作重点", "重点工作"};
  if (heading.find("总结") != std::string_view::npos) return false;
  for (const std::string_view w : kPlanWords) {
    if (heading.find(w) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<bool> PlanParagraphs(const Document& document) {
  const bool markdown = document.format == DocumentFormat::kMarkdown;
  std::vector<bool> plan(document.paragraphs.size(), false);
  int plan_level = 0;  // the level of the plan heading we are under; 0 outside
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    const std::string_view text = document.paragraphs[i].text;
    const int level = HeadingLevel(text, markdown);
    if (level > 0 && plan_level > 0 && level <= plan_level) plan_level = 0;
    if (level > 0 && plan_level == 0 && IsPlanHeading(text)) plan_level = level;
    plan[i] = plan_level > 0;
  }
  return plan;
}

}  // namespace eduledger::report
