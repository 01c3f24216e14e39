// Test helpers for the HTML pages (meeting_html_test, org_report_test): one
// self-contained page, balanced tags, unique ids, every text escaped.
// Header-only; everything is in fives::html_checks.
#ifndef FIVES_TESTS_HTML_CHECKS_H_
#define FIVES_TESTS_HTML_CHECKS_H_

#include <map>
#include <regex>
#include <string>

#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "fives/catalog.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives::html_checks {

inline int CountOf(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The text between the first `from` and the first `to` after it.
inline std::string Between(const std::string& text, const std::string& from,
                           const std::string& to) {
  const size_t start = text.find(from);
  if (start == std::string::npos) return "";
  const size_t end = text.find(to, start + from.size());
  return text.substr(
      start, end == std::string::npos ? std::string::npos : end - start);
}

// `text` as the pages escape it.
inline std::string Escaped(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"&", "&amp;"},
                                    {"<", "&lt;"},
                                    {">", "&gt;"},
                                    {"\"", "&quot;"},
                                    {"'", "&#39;"}});
}

// One page in `lang` with `svgs` inline pictures, no external assets.
inline void ExpectSelfContained(const std::string& html, Language lang,
                                int svgs) {
  using ::testing::HasSubstr;
  using ::testing::Not;
  ASSERT_FALSE(html.empty());
  EXPECT_THAT(html, ::testing::StartsWith("<!DOCTYPE html>\n"));
  EXPECT_THAT(html, HasSubstr(lang == Language::kDutch ? "<html lang=\"nl\">"
                                                       : "<html lang=\"en\">"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  // The pictures inline, without their XML declarations.
  EXPECT_EQ(CountOf(html, "<svg"), svgs);
  EXPECT_EQ(CountOf(html, "</svg>"), svgs);
  EXPECT_THAT(html, Not(HasSubstr("<?xml")));
  // No external assets: the only URL is the SVG namespace.
  const std::string without_namespace =
      absl::StrReplaceAll(html, {{"http://www.w3.org/2000/svg", ""}});
  EXPECT_THAT(without_namespace, Not(HasSubstr("http://")));
  EXPECT_THAT(without_namespace, Not(HasSubstr("https://")));
  EXPECT_THAT(without_namespace, Not(HasSubstr("//")))
      << "no protocol-relative URLs";
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<iframe")));
  EXPECT_THAT(html, Not(HasSubstr(" src=")));
  EXPECT_THAT(html, Not(HasSubstr("href=")));
  // Only references to the page's own patterns: url(#id).
  EXPECT_EQ(CountOf(html, "url("), CountOf(html, "url(#"));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
}

// Every tag closed, `tables` tables and `lists` plain lists, closed in
// order.
inline void ExpectWellFormed(const std::string& html, int tables, int lists) {
  for (const char* tag :
       {"table", "ul", "tr", "figure", "h1", "h2", "h3", "p", "svg", "head",
        "body", "html", "style", "title", "div", "li", "td", "th", "span"}) {
    // "<p" would also count "<path"; an open tag is "<tag>" or "<tag ".
    const std::string name(tag);
    const int open =
        CountOf(html, "<" + name + ">") + CountOf(html, "<" + name + " ");
    EXPECT_EQ(open, CountOf(html, "</" + name + ">")) << "<" << name << ">";
  }
  EXPECT_EQ(CountOf(html, "<table>"), tables);
  EXPECT_EQ(CountOf(html, "<ul>"), lists);
  EXPECT_EQ(CountOf(html, "<html"), 1);
  EXPECT_EQ(CountOf(html, "<body>"), 1);
  EXPECT_THAT(html, testing::EndsWith("</body>\n</html>\n"));
  // Tables and lists close in order: every </table> comes before the next
  // <table>.
  for (const std::string open : {"<table>", "<ul>"}) {
    const std::string close = "</" + open.substr(1);
    size_t at = 0;
    while ((at = html.find(open, at)) != std::string::npos) {
      const size_t end = html.find(close, at);
      ASSERT_NE(end, std::string::npos) << open;
      const size_t next = html.find(open, at + 1);
      EXPECT_TRUE(next == std::string::npos || end < next) << open;
      at = end;
    }
  }
}

// Pictures share one document once inline: an id used twice makes url(#id)
// and aria-labelledby point into the wrong picture.
inline void ExpectUniqueIds(const std::string& html) {
  const std::regex id_attribute(" id=\"([^\"]*)\"");
  std::map<std::string, int> ids;
  for (std::sregex_iterator it(html.begin(), html.end(), id_attribute), end;
       it != end; ++it) {
    ++ids[(*it)[1].str()];
  }
  EXPECT_FALSE(ids.empty());
  for (const auto& [id, count] : ids) {
    EXPECT_EQ(count, 1) << "id=\"" << id << "\"";
  }
}

// Every '&' starts an entity (the pictures escape ' as &apos;).
inline void ExpectNoBareAmpersand(const std::string& html) {
  const std::regex bare_ampersand("&(?!(amp|lt|gt|quot|apos|#39|#[0-9]+);)");
  EXPECT_FALSE(std::regex_search(html, bare_ampersand));
}

}  // namespace fives::html_checks

#endif  // FIVES_TESTS_HTML_CHECKS_H_
