// The organisation view as plain text and as Markdown (RenderOrgText,
// RenderOrgMarkdown).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fives/org_report.h"
#include "fives/report_text.h"
#include "markup.h"
#include "org_report_view.h"
#include "svg_writer.h"

namespace fives {
namespace {

using org_view::Row;
using org_view::Table;
using svg::Say;

enum class Format { kText, kMarkdown };

// A row's name, indented by its depth, with teams marked: two spaces per
// level in text; in Markdown an em space, which tables do not collapse.
std::string NameCell(const Row& row, Format format, Language lang) {
  std::string name;
  for (int i = 0; i < row.depth; ++i) {
    name += format == Format::kText ? "  " : "\u2003";
  }
  absl::StrAppend(&name, format == Format::kText
                             ? row.name
                             : markup::MarkdownText(row.name));
  if (row.kind == v1::ORG_ROW_KIND_TEAM) {
    absl::StrAppend(&name, " (", Say("org_team_mark", lang), ")");
  }
  return name;
}

std::string TextTableOf(const Table& t, Language lang) {
  std::vector<std::vector<std::string>> rows = {t.header};
  bool in_groups = false;
  for (const Row& row : t.rows) {
    if (row.kind == v1::ORG_ROW_KIND_GROUP && !in_groups) {
      in_groups = true;
      rows.push_back({Say("org_groups_heading", lang)});
    }
    std::vector<std::string> line = {NameCell(row, Format::kText, lang)};
    line.insert(line.end(), row.cells.begin(), row.cells.end());
    rows.push_back(std::move(line));
  }
  return TextTable(rows);
}

std::string MarkdownTableOf(const Table& t, Language lang) {
  std::vector<std::string> header;
  for (const std::string& h : t.header) {
    header.push_back(markup::MarkdownText(h));
  }
  std::string out =
      absl::StrCat("| ", absl::StrJoin(header, " | "), " |\n|---");
  for (bool numeric : t.numeric)
    absl::StrAppend(&out, numeric ? "|--:" : "|---");
  absl::StrAppend(&out, "|\n");
  bool in_groups = false;
  for (const Row& row : t.rows) {
    if (row.kind == v1::ORG_ROW_KIND_GROUP && !in_groups) {
      in_groups = true;
      absl::StrAppend(&out, "| **", Say("org_groups_heading", lang), "** |");
      for (size_t i = 0; i < row.cells.size(); ++i) absl::StrAppend(&out, " |");
      absl::StrAppend(&out, "\n");
    }
    absl::StrAppend(&out, "| ", NameCell(row, Format::kMarkdown, lang));
    for (const std::string& cell : row.cells) {
      absl::StrAppend(&out, " | ", markup::MarkdownText(cell));
    }
    absl::StrAppend(&out, " |\n");
  }
  return out;
}

// A list under a heading line: "Heading:" and indented items in text, a
// bold line and a bullet list in Markdown.
std::string ListOf(absl::string_view heading,
                   const std::vector<std::string>& items, Format format) {
  if (items.empty()) return "";
  std::string out = format == Format::kText
                        ? absl::StrCat(heading, ":\n")
                        : absl::StrCat("\n**", heading, "**\n\n");
  for (const std::string& item : items) {
    if (format == Format::kText) {
      absl::StrAppend(&out, "  - ", item, "\n");
    } else {
      absl::StrAppend(&out, "- ", markup::MarkdownText(item), "\n");
    }
  }
  return out;
}

// A section: its heading, what the cells hold, the table.
std::string SectionOf(const Table& t, Format format, Language lang) {
  if (format == Format::kText) {
    return absl::StrCat("\n", t.heading, "\n", t.explained, "\n",
                        TextTableOf(t, lang));
  }
  return absl::StrCat("\n## ", t.heading, "\n\n", t.explained, "\n\n",
                      MarkdownTableOf(t, lang));
}

absl::StatusOr<std::string> Render(const v1::OrgRollup& rollup,
                                   const v1::OrgTrend* trend, Format format,
                                   Language lang) {
  if (absl::Status s = org_view::Validate(rollup, trend); !s.ok()) return s;
  const bool text = format == Format::kText;
  // Markdown shows the organisation's and its teams' names literally.
  auto plain = [&](const std::string& line) {
    return text ? line : markup::MarkdownText(line);
  };
  const std::string title = Say("org_title", lang, rollup.org_name());
  std::string out = text ? absl::StrCat(title, "\n")
                         : absl::StrCat("# ", plain(title), "\n\n");
  for (const std::string& line : org_view::HeaderLines(rollup, lang)) {
    absl::StrAppend(&out, text ? "" : "- ", plain(line), "\n");
  }
  absl::StrAppend(&out, ListOf(Say("org_excluded_heading", lang),
                               org_view::ExcludedLines(rollup, lang), format));
  if (const std::string teams = org_view::TeamsWithoutRound(rollup, lang);
      !teams.empty()) {
    absl::StrAppend(&out, text ? "" : "\n", plain(teams), "\n");
  }

  absl::StrAppend(&out,
                  SectionOf(org_view::ScoresTable(rollup, lang), format, lang),
                  ListOf(Say("org_legend_heading", lang),
                         org_view::ScoresLegend(rollup, lang), format));
  const Table ranks = org_view::RankTable(rollup, lang);
  if (!ranks.rows.empty())
    absl::StrAppend(&out, SectionOf(ranks, format, lang));
  absl::StrAppend(
      &out, SectionOf(org_view::FollowUpTable(rollup, lang), format, lang),
      SectionOf(org_view::CharterTable(rollup, lang), format, lang));

  if (trend != nullptr) {
    const Table t = org_view::TrendTable(rollup, *trend, lang);
    absl::StrAppend(&out, text ? absl::StrCat("\n", t.heading, "\n")
                               : absl::StrCat("\n## ", t.heading, "\n\n"));
    for (const std::string& line : org_view::TrendLines(*trend, lang)) {
      absl::StrAppend(&out, line, text ? "\n" : "\n\n");
    }
    absl::StrAppend(&out, t.explained, text ? "\n" : "\n\n",
                    text ? TextTableOf(t, lang) : MarkdownTableOf(t, lang),
                    ListOf(Say("org_legend_heading", lang),
                           org_view::TrendLegend(*trend, lang), format));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> RenderOrgText(const v1::OrgRollup& rollup,
                                          const v1::OrgTrend* trend,
                                          Language language) {
  return Render(rollup, trend, Format::kText, language);
}

absl::StatusOr<std::string> RenderOrgMarkdown(const v1::OrgRollup& rollup,
                                              const v1::OrgTrend* trend,
                                              Language language) {
  return Render(rollup, trend, Format::kMarkdown, language);
}

}  // namespace fives
