// The shape of the journal's screens that are not tables or pictures
// (follow-up, check, guardian, plan, charter, charter review, signals,
// members): a title, headings, paragraphs and lines indented by depth.
// Each screen is built once as an Outline and written by one of the three
// writers below, so the terminal text, the Markdown and the HTML page of a
// screen say the same things in the same order. Not part of the public API.
#ifndef FIVES_LIB_OUTLINE_H_
#define FIVES_LIB_OUTLINE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "fives/catalog.h"

namespace fives {

class Outline {
 public:
  enum class Kind {
    kTitle,      // the first line; "# " in Markdown, <h1> in HTML
    kHeading,    // a section: a blank line before it in text; ## / <h2>
    kParagraph,  // a blank line before it in text; its own paragraph
    kLine,       // depth 0: a paragraph; depth 1 and more: a list item
    kItem,       // a list item; in text with "- " before it
  };
  struct Entry {
    Kind kind;
    int depth;
    std::string text;
  };

  void Title(std::string text) { Add(Kind::kTitle, 0, std::move(text)); }
  void Heading(std::string text) { Add(Kind::kHeading, 0, std::move(text)); }
  void Paragraph(std::string text) {
    Add(Kind::kParagraph, 0, std::move(text));
  }
  void Line(int depth, std::string text) {
    Add(Kind::kLine, depth, std::move(text));
  }
  void Item(int depth, std::string text) {
    Add(Kind::kItem, depth, std::move(text));
  }

  const std::vector<Entry>& entries() const { return entries_; }
  // The title's text, for a page's <title>; empty when there is none.
  std::string title() const;

 private:
  void Add(Kind kind, int depth, std::string text) {
    entries_.push_back({kind, depth < 0 ? 0 : depth, std::move(text)});
  }
  std::vector<Entry> entries_;
};

// Text for a terminal: two spaces per depth, one entry per line.
std::string OutlineText(const Outline& outline);

// Markdown: lines at depth 1 and more as nested lists, every text escaped
// (markup::MarkdownText).
std::string OutlineMarkdown(const Outline& outline);

// One self-contained HTML page in `language`: inline style, nested lists,
// every text escaped.
std::string OutlineHtml(const Outline& outline, Language language);

}  // namespace fives

#endif  // FIVES_LIB_OUTLINE_H_
