// Internal helpers of the HTML and Markdown reports (meeting_html.cc,
// meeting_report.cc, org_report_*.cc): escaping for each, and an SVG picture
// inline in a page. Not part of the public API.
#ifndef FIVES_LIB_MARKUP_H_
#define FIVES_LIB_MARKUP_H_

#include <string>

#include "absl/strings/string_view.h"

namespace fives::markup {

// `text` escaped for HTML character data and attribute values (&, <, >, ",
// ').
std::string HtmlEscape(absl::string_view text);

// `text` escaped as by HtmlEscape, with every space next to a number written
// as &#160; (no-break space), so a line never parts a number from its unit
// or neighbour ("3 of 4", "40 %", "10 March 2026"): a space after a digit or
// %, or between a letter or digit and a digit.
std::string HtmlEscapeKeepingNumbers(absl::string_view text);

// `text` as Markdown shows it literally, in a table cell, a heading or a
// list item: every character Markdown could read as markup or raw HTML
// (\ ` * _ [ ] < > |, an & before a letter, digit or #, a # first)
// escaped with a backslash, line breaks as spaces
// (a pipe or a line break would end a cell). A name can neither format a
// page nor put HTML or a link into it.
std::string MarkdownText(absl::string_view text);

// An SVG document without its XML declaration, to sit inside HTML. Pictures
// use the same ids ("title", "desc", "legend", ...), which must be unique in
// one page: every id and every reference to one gets `prefix`.
std::string InlineSvg(absl::string_view svg, absl::string_view prefix);

}  // namespace fives::markup

#endif  // FIVES_LIB_MARKUP_H_
