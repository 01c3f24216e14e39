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

std::string MarkdownCell(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"|", "\\|"}, {"\n", " "}});
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
