// Placeholders: the blanks a template leaves for figures and names, as published summaries
// keep them: runs of * or ＊ ("**所学校", "***教育局"), of X or × ("XX区", "202X年"), and of
// underscores ("20__年", "“__”规划", "李__"), with the digits and decimal points written
// between them ("**.**亿元", "****.****%"). In Markdown, **bold** and __bold__ around words are
// emphasis, not blanks: an opening mark at the start of a line or after a space or
// punctuation, a closing one before the end, a space or punctuation, and words between.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eduledger::report {

struct Placeholder {
  std::size_t begin = 0;  // byte range in the paragraph
  std::size_t end = 0;
  bool has_digits = false;  // digits or a decimal point written among the blanks
};

// Find the placeholder tokens of `text`. `markdown` leaves emphasis marks alone.
// `text` without Markdown emphasis marks (** and __): the words a person reads
// ("在校学生**45120人**" reads 在校学生45120人).
std::string WithoutEmphasisMarks(std::string_view text);

std::vector<Placeholder> FindPlaceholders(std::string_view text, bool markdown);

}  // namespace eduledger::report
