#include "outline.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "markup.h"

namespace fives {
namespace {

bool IsListEntry(const Outline::Entry& e) {
  return e.kind == Outline::Kind::kItem ||
         (e.kind == Outline::Kind::kLine && e.depth > 0);
}

// A list may only go one level deeper than the item it sits in.
int ListDepth(const Outline::Entry& e, int enclosing) {
  return std::min(std::max(e.depth, 1), enclosing + 1);
}

// Readable on a meeting-room screen and on paper; no external fonts.
constexpr absl::string_view kStyle = R"css(
body { font-family: sans-serif; font-size: 18px; margin: 2rem auto;
       max-width: 60rem; color: #1a1a1a; line-height: 1.5; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: 0.4rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #0072B2;
     padding-bottom: 0.2rem; margin-top: 1.8rem; }
ul { padding-left: 1.4rem; margin: 0.3rem 0; }
li { margin: 0.15rem 0; }
@media print { body { font-size: 12pt; margin: 0; max-width: none; }
               h2 { break-after: avoid; } li { break-inside: avoid; } }
)css";

}  // namespace

std::string Outline::title() const {
  for (const Entry& e : entries_) {
    if (e.kind == Kind::kTitle) return e.text;
  }
  return "";
}

std::string OutlineText(const Outline& outline) {
  std::string out;
  for (const Outline::Entry& e : outline.entries()) {
    switch (e.kind) {
      case Outline::Kind::kHeading:
      case Outline::Kind::kParagraph:
        absl::StrAppend(&out, "\n", e.text, "\n");
        break;
      case Outline::Kind::kItem:
        absl::StrAppend(&out, std::string(2 * e.depth, ' '), "- ", e.text,
                        "\n");
        break;
      default:
        absl::StrAppend(&out, std::string(2 * e.depth, ' '), e.text, "\n");
        break;
    }
  }
  return out;
}

std::string OutlineMarkdown(const Outline& outline) {
  std::string out;
  int list_depth = 0;  // 0: not in a list
  for (const Outline::Entry& e : outline.entries()) {
    const std::string text = markup::MarkdownText(e.text);
    if (IsListEntry(e)) {
      if (list_depth == 0 && !out.empty()) out += "\n";
      list_depth = ListDepth(e, list_depth);
      absl::StrAppend(&out, std::string(2 * (list_depth - 1), ' '), "- ", text,
                      "\n");
      continue;
    }
    list_depth = 0;
    if (!out.empty()) out += "\n";
    const absl::string_view mark = e.kind == Outline::Kind::kTitle     ? "# "
                                   : e.kind == Outline::Kind::kHeading ? "## "
                                                                       : "";
    absl::StrAppend(&out, mark, text, "\n");
  }
  return out;
}

std::string OutlineHtml(const Outline& outline, Language language) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", LanguageTag(language),
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\">\n<title>",
      markup::HtmlEscape(outline.title()), "</title>\n<style>", kStyle,
      "</style>\n</head>\n<body>\n");
  int open = 0;  // lists open; each holds an open <li>
  auto close_to = [&](int depth) {
    for (; open > depth; --open) out += "</li>\n</ul>\n";
  };
  for (const Outline::Entry& e : outline.entries()) {
    const std::string text = markup::HtmlEscape(e.text);
    if (IsListEntry(e)) {
      const int depth = ListDepth(e, open);
      if (depth > open) {
        out += "<ul>\n";
        open = depth;
      } else {
        close_to(depth);
        out += "</li>\n";
      }
      absl::StrAppend(&out, "<li>", text);
      continue;
    }
    close_to(0);
    const absl::string_view tag = e.kind == Outline::Kind::kTitle     ? "h1"
                                  : e.kind == Outline::Kind::kHeading ? "h2"
                                                                      : "p";
    absl::StrAppend(&out, "<", tag, ">", text, "</", tag, ">\n");
  }
  close_to(0);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace fives
