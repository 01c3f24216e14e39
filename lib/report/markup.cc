#include "markup.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace fives::markup {

std::string HtmlEscape(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"&", "&amp;"},
                                    {"<", "&lt;"},
                                    {">", "&gt;"},
                                    {"\"", "&quot;"},
                                    {"'", "&#39;"}});
}

std::string HtmlEscapeKeepingNumbers(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t done = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' || i == 0 || i + 1 == text.size()) continue;
    const unsigned char before = static_cast<unsigned char>(text[i - 1]);
    const unsigned char after = static_cast<unsigned char>(text[i + 1]);
    if (absl::ascii_isdigit(before) || before == '%' ||
        (absl::ascii_isdigit(after) && absl::ascii_isalnum(before))) {
      absl::StrAppend(&out, HtmlEscape(text.substr(done, i - done)), "&#160;");
      done = i + 1;
    }
  }
  absl::StrAppend(&out, HtmlEscape(text.substr(done)));
  return out;
}

std::string MarkdownText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      out += ' ';
      continue;
    }
    // An ampersand starts an entity only before a letter, digit or #; a #
    // starts a heading only first.
    const bool entity =
        c == '&' && i + 1 < text.size() &&
        (absl::ascii_isalnum(static_cast<unsigned char>(text[i + 1])) ||
         text[i + 1] == '#');
    if (absl::string_view("\\`*_[]<>|").find(c) != absl::string_view::npos ||
        entity || (c == '#' && i == 0)) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string InlineSvg(absl::string_view svg, absl::string_view prefix) {
  if (absl::StartsWith(svg, "<?xml")) {
    const size_t end = svg.find("?>");
    if (end != absl::string_view::npos) svg.remove_prefix(end + 2);
  }
  return absl::StrReplaceAll(absl::StripLeadingAsciiWhitespace(svg),
                             {{" id=\"", absl::StrCat(" id=\"", prefix, "-")},
                              {"url(#", absl::StrCat("url(#", prefix, "-")},
                              {"aria-labelledby=\"title desc\"",
                               absl::StrCat("aria-labelledby=\"", prefix,
                                            "-title ", prefix, "-desc\"")}});
}

}  // namespace fives::markup
