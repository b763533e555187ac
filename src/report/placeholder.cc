#include "report/placeholder.h"

#include "core/text.h"

namespace eduledger::report {

namespace {

// The kind of blank a code point is: '*', 'X' or '_', or 0.
char BlankKind(std::int32_t cp) {
  switch (cp) {
    case '*':
    case 0xFF0A:  // ＊
      return '*';
    case 'X':
    case 'x':
    case 0x00D7:  // ×
    case 0xFF38:  // Ｘ
      return 'X';
    case '_':
    case 0xFF3F:  // ＿
      return '_';
    default:
      return 0;
  }
}

bool IsDigitLike(std::int32_t cp) { return core::IsDigitCp(cp) || cp == '.' || cp == 0xFF0E; }

using core::IsAsciiLetterCp;

bool IsCjkCharacter(std::int32_t cp) {
  return cp >= 0x2E80 && cp <= 0x9FFF && !(cp >= 0x3000 && cp <= 0x303F);
}

// Clause punctuation: emphasis pressed against Chinese characters never spans it.
bool IsClausePunctuation(std::int32_t cp) {
  return (cp >= 0x3001 && cp <= 0x3002) || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A ||
         cp == 0xFF01 || cp == 0xFF1F || cp == ',' || cp == ';';
}

// Space or punctuation that may stand beside a Markdown emphasis mark.
bool IsMarkdownBoundary(std::int32_t cp) {
  if (cp < 0) return true;
  if (cp == ' ' || cp == '\t') return true;
  if (cp < 0x80) return !(IsAsciiLetterCp(cp) || core::IsDigitCp(cp));
  // CJK punctuation and full-width forms.
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || cp == 0x2018 || cp == 0x2019 || cp == 0x201C ||
         cp == 0x201D || cp == 0x2014 || cp == 0x2026;
}

using CodePoint = core::CodePointAt;

// Mark the code points of Markdown emphasis: **words** and __words__, and a whole number
// emphasised (**120**所, **96.8%**). Digits and points alone are not (**.**亿元: a blank).
// Chinese text has no spaces, so emphasis may touch the characters around it
// (全县**96.8%**达标), as CJK-friendly Markdown renderers allow; such emphasis stays within a
// clause (全县**所学校，投入**.**亿元 holds two blanks).
std::vector<bool> MarkdownEmphasis(const std::vector<CodePoint>& cps) {
  std::vector<bool> emphasis(cps.size(), false);
  auto at = [&](std::size_t i) { return i < cps.size() ? cps[i].cp : -1; };
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    const char kind = BlankKind(cps[i].cp);
    if ((kind != '*' && kind != '_') || BlankKind(cps[i + 1].cp) != kind) continue;
    const bool opens_free = i == 0 || IsMarkdownBoundary(at(i - 1));
    if (!(opens_free || IsCjkCharacter(at(i - 1))) || BlankKind(at(i + 2)) != 0) continue;
    // Find the closing pair; words (not only digits and dots) must lie between.
    bool words = false;
    bool clause = false;  // clause punctuation inside
    for (std::size_t j = i + 2; j + 1 < cps.size(); ++j) {
      if (BlankKind(cps[j].cp) == kind && BlankKind(cps[j + 1].cp) == kind) {
        // A number: digits first and last, a point only between them.
        const bool number = core::IsDigitCp(cps[i + 2].cp) && core::IsDigitCp(at(j - 1));
        const bool closes_free = j + 2 >= cps.size() || IsMarkdownBoundary(at(j + 2));
        const bool pressed = !opens_free || !closes_free;  // against Chinese characters
        if ((words || number) && BlankKind(at(j - 1)) == 0 &&
            (closes_free || IsCjkCharacter(at(j + 2))) && !(pressed && clause)) {
          emphasis[i] = emphasis[i + 1] = emphasis[j] = emphasis[j + 1] = true;
          i = j + 1;
        }
        break;
      }
      if (!IsDigitLike(cps[j].cp) && BlankKind(cps[j].cp) == 0 && cps[j].cp != ' ') words = true;
      // A comma between digits separates thousands (**6,128人**), no clause.
      const bool thousands = cps[j].cp == ',' && j > 0 && core::IsDigitCp(cps[j - 1].cp) &&
                             j + 1 < cps.size() && core::IsDigitCp(cps[j + 1].cp);
      clause = clause || (IsClausePunctuation(cps[j].cp) && !thousands);
    }
  }
  return emphasis;
}

}  // namespace

std::string WithoutEmphasisMarks(std::string_view text) {
  std::string out(text);
  for (const std::string_view mark : {"**", "__"}) {
    for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at)) {
      out.erase(at, mark.size());
    }
  }
  return out;
}

std::vector<Placeholder> FindPlaceholders(std::string_view text, bool markdown) {
  const std::vector<CodePoint> cps = core::DecodeCodePoints(text);
  const std::vector<bool> emphasis =
      markdown ? MarkdownEmphasis(cps) : std::vector<bool>(cps.size(), false);
  auto cp_at = [&](std::size_t i) { return i < cps.size() ? cps[i].cp : -1; };
  std::vector<Placeholder> out;
  std::size_t i = 0;
  while (i < cps.size()) {
    const char kind = emphasis[i] ? 0 : BlankKind(cps[i].cp);
    if (kind == 0) {
      ++i;
      continue;
    }
    // A run of one kind of blank.
    std::size_t j = i;
    while (j < cps.size() && !emphasis[j] && BlankKind(cps[j].cp) == kind) ++j;
    const std::size_t run = j - i;
    bool accept = false;
    if (kind == 'X') {
      // XX, or one X in a year (202X) or before 年/月/日; never inside a Latin word.
      const bool letter_around =
          IsAsciiLetterCp(cp_at(i == 0 ? cps.size() : i - 1)) || IsAsciiLetterCp(cp_at(j));
      const std::int32_t next = cp_at(j);
      const bool dated = next == 0x5E74 || next == 0x6708 || next == 0x65E5;  // 年 月 日
      const bool after_digits = i > 0 && IsDigitLike(cps[i - 1].cp) && !IsAsciiLetterCp(cp_at(j));
      accept = !letter_around && (run >= 2 || dated || after_digits);
    } else {
      accept = true;  // * and _ are blanks wherever they stand (outside emphasis)
    }
    if (!accept) {
      i = j;
      continue;
    }
    // Widen over digits, decimal points and further blanks written with it: **.**, 20__.
    std::size_t begin = i;
    std::size_t end = j;
    bool digits = false;
    while (begin > 0 && IsDigitLike(cps[begin - 1].cp)) {
      --begin;
      digits = true;
    }
    while (end < cps.size()) {
      if (IsDigitLike(cps[end].cp) && end + 1 <= cps.size()) {
        // Digits or a point count only when the token goes on with more blanks or digits.
        std::size_t k = end;
        while (k < cps.size() && IsDigitLike(cps[k].cp)) ++k;
        const bool continues = k < cps.size() && !emphasis[k] && BlankKind(cps[k].cp) != 0;
        const bool trailing_digits = cps[end].cp != '.' && cps[end].cp != 0xFF0E;
        if (!continues && !trailing_digits) break;
        digits = true;
        end = k;
        continue;
      }
      if (!emphasis[end] && BlankKind(cps[end].cp) != 0) {
        ++end;
        continue;
      }
      break;
    }
    out.push_back(Placeholder{cps[begin].begin, cps[end - 1].end, digits});
    i = end;
  }
  return out;
}

}  // namespace eduledger::report
