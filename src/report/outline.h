// The outline of a work summary: which paragraphs are headings and at what level, and which
// lie in a plan section (下一步工作, 工作打算, 2026年工作思路 …). A plan speaks of targets
// ("力争入学率达到99%"), not of the year's facts: its figures are not this year's statistics.
#pragma once

#include <string_view>
#include <vector>

#include "report/document.h"

namespace eduledger::report {

// The heading level of a paragraph: Markdown's # count; 一、 1, （一） 2, 1. / 1、 / （1） 3, for a
// short paragraph (a heading line, or a heading clause closed by 。 before its text); 0 when
// it is no heading.
int HeadingLevel(std::string_view text, bool markdown);

// Is `heading` the heading of a plan section? It names the coming work and does not name the
// summary itself ("2025年工作总结和2026年工作打算" is the title of both).
bool IsPlanHeading(std::string_view heading);

// For each paragraph of `document`: true when it lies in a plan section, from its heading to
// the next heading of the same level or above.
std::vector<bool> PlanParagraphs(const Document& document);

}  // namespace eduledger::report
