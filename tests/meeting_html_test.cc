// RenderMeetingHtml: one self-contained, well-formed, escaped and
// deterministic HTML page per language.
#include <regex>
#include <string>
#include <utility>

#include "absl/strings/strip.h"
#include "fives/meeting_report.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "html_checks.h"
#include "journal_builder.h"

namespace fives {
namespace {

using ::fives::html_checks::Between;
using ::fives::html_checks::CountOf;
using ::fives::html_checks::Escaped;
using ::fives::html_checks::ExpectNoBareAmpersand;
using ::fives::html_checks::ExpectSelfContained;
using ::fives::html_checks::ExpectUniqueIds;
using ::fives::html_checks::ExpectWellFormed;
using ::fives::journal_builder::Day;
using ::fives::journal_builder::JournalBuilder;
using ::fives::journal_builder::MakeActionInput;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kTeamName[] = "R&D <Board> & \"Co\"";
constexpr char kTeamNameEscaped[] =
    "R&amp;D &lt;Board&gt; &amp; &quot;Co&quot;";

// Four members, two closed open rounds (r1 on 2026-02-02, r2 on
// 2026-03-02; Structure is lowest in r2 at 3.25), a plan on r2 with two
// opened actions: a1 "Decision table <v2>" (bob, done on 2026-03-30) and
// a2 "Agenda & minutes" (cas, due 2026-03-20, so overdue on 2026-04-20).
Journal MakeJournal() {
  JournalBuilder b("rd", kTeamName);
  b.AddMember("ann", "Ann", Day(2026, 1, 5))
      .AddMember("bob", "Bob <B>", Day(2026, 1, 5))
      .AddMember("cas", "Cas", Day(2026, 1, 5))
      .AddMember("dee", "Dee", Day(2026, 1, 5));
  b.StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_OPEN)
      .AddResponse("r1", "ann", {3, 3, 3, 3, 3})
      .AddResponse("r1", "bob", {4, 3, 2, 3, 4})
      .AddResponse("r1", "cas", {3, 4, 2, 3, 3})
      .AddResponse("r1", "dee", {4, 4, 3, 2, 4})
      .CloseRound("r1", Day(2026, 2, 3));
  b.StartRound("r2", Day(2026, 3, 2), v1::ROUND_MODE_OPEN)
      .AddResponse("r2", "ann", {4, 4, 2, 3, 4})
      .AddResponse("r2", "bob", {4, 3, 5, 3, 3})
      .AddResponse("r2", "cas", {3, 4, 1, 4, 4})
      .AddResponse("r2", "dee", {4, 5, 5, 4, 3})
      .CloseRound("r2", Day(2026, 3, 3));
  PlanInput plan;
  plan.round_id = "r2";
  plan.created = Day(2026, 3, 4);
  plan.actions = {MakeActionInput("Decision table <v2>", "On the wiki", "bob"),
                  MakeActionInput("Agenda & minutes", "Every agenda", "cas",
                                  Day(2026, 3, 20))};
  b.CreatePlan(plan)
      .OpenAction("a1", Day(2026, 3, 4))
      .OpenAction("a2", Day(2026, 3, 4))
      .AddFeedback("a2", Day(2026, 3, 10), "dee", "Draft \"ready\"", 40)
      .CompleteAction("a1", Day(2026, 3, 30));
  absl::StatusOr<Journal> j = b.Build();
  EXPECT_TRUE(j.ok()) << j.status();
  return *std::move(j);
}

std::string Page(const Journal& j, Language lang,
                 absl::string_view round_id = "") {
  absl::StatusOr<v1::MeetingReport> m =
      BuildMeetingReport(j, round_id, lang, Day(2026, 4, 20));
  EXPECT_TRUE(m.ok()) << m.status();
  if (!m.ok()) return "";
  absl::StatusOr<std::string> html = RenderMeetingHtml(*m, j, lang);
  EXPECT_TRUE(html.ok()) << html.status();
  return html.ok() ? *html : "";
}

// MakeJournal with a check on 2026-04-10 (a2 kept; signals structure 1 and
// synergy 2 ticked, numbered from 1) and a charter set that day: strategy and
// steering empty (0/4 each), synergy's two norms (2/3), structure complete
// (3/3), success's goals (3/3, with the guardian and the check). The plan's
// focus (structure) is complete, so the next agreement is the first of the
// lowest readiness in the method's order: strategy's shared sentence, whose
// next step quotes "As an MT ...".
Journal MakeCharterJournal() {
  Journal j = MakeJournal();
  CheckInput check;
  check.date = Day(2026, 4, 10);
  check.reviews = {journal_builder::MakeReview("a2", v1::REVIEW_OUTCOME_KEPT)};
  for (auto [pillar, number] :
       {std::pair{v1::PILLAR_STRUCTURE, 1}, std::pair{v1::PILLAR_SYNERGY, 2}}) {
    v1::SignalTick t;
    t.set_pillar(pillar);
    t.set_number(number);
    check.signals.push_back(t);
  }
  absl::StatusOr<std::string> id = j.RecordCheck(check);
  EXPECT_TRUE(id.ok()) << id.status();
  v1::Charter c;
  c.mutable_synergy()->set_disagreement_norm("Say it <here> & now");
  c.mutable_synergy()->set_feedback_language("Short & direct");
  v1::StructureCharter* s = c.mutable_structure();
  v1::DecisionRule* rule = s->add_decision_register();
  rule->set_topic("budget");
  rule->set_model(v1::DECISION_MODEL_CONSENT);
  rule->set_owner_id("ann");
  for (int i = 0; i < 4; ++i) s->add_meeting_blocks("block");
  v1::DecisionRule* owner = s->add_topic_owners();
  owner->set_topic("IT");
  owner->set_owner_id("dee");
  c.mutable_success()->add_goals()->set_goal("Start on time");
  const absl::Status set = j.SetCharter(c, Day(2026, 4, 10));
  EXPECT_TRUE(set.ok()) << set;
  return j;
}

class MeetingHtmlTest : public ::testing::TestWithParam<Language> {};

TEST_P(MeetingHtmlTest, IsOneSelfContainedPage) {
  // Radar, strips and trend.
  ExpectSelfContained(Page(MakeJournal(), GetParam()), GetParam(), 3);
}

TEST_P(MeetingHtmlTest, IsWellFormed) {
  // Tables: pillars, plan, overdue, open actions; lists: plain words,
  // legend, practices, rhythm.
  ExpectWellFormed(Page(MakeJournal(), GetParam()), 4, 4);
}

TEST_P(MeetingHtmlTest, IdsAreUniqueInThePage) {
  ExpectUniqueIds(Page(MakeJournal(), GetParam()));
}

TEST_P(MeetingHtmlTest, EscapesEveryText) {
  const Journal j = MakeJournal();
  const std::string html = Page(j, GetParam());
  EXPECT_THAT(html, HasSubstr(kTeamNameEscaped));
  EXPECT_THAT(html, Not(HasSubstr("<Board>")));
  EXPECT_THAT(html, Not(HasSubstr("R&D")));
  EXPECT_THAT(html, Not(HasSubstr("\"Co\"")));
  EXPECT_THAT(html, HasSubstr("<title>5S"));
  EXPECT_THAT(html, HasSubstr("Decision table &lt;v2&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<v2>")));
  EXPECT_THAT(html, HasSubstr("Agenda &amp; minutes"));
  EXPECT_THAT(html, Not(HasSubstr("Agenda & minutes")));
  EXPECT_THAT(html, HasSubstr("Bob &lt;B&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<B>")));
  EXPECT_THAT(html, HasSubstr("Draft &quot;ready&quot; (40%)"));
  ExpectNoBareAmpersand(html);
}

TEST_P(MeetingHtmlTest, IsDeterministic) {
  const Journal j = MakeJournal();
  const std::string first = Page(j, GetParam());
  EXPECT_EQ(first, Page(j, GetParam()));
  EXPECT_EQ(first, Page(MakeJournal(), GetParam()));
  // The latest closed round is r2.
  EXPECT_EQ(first, Page(j, GetParam(), "r2"));
}

// The page with the charter passes the same checks, with one more table
// and a list of signals in two of its cells.
TEST_P(MeetingHtmlTest, CharterPageIsSelfContainedWellFormedAndEscaped) {
  const Language lang = GetParam();
  const std::string html = Page(MakeCharterJournal(), lang);
  ExpectSelfContained(html, lang, 3);
  // Tables: pillars, perception and agreements, plan, overdue, open
  // actions; lists: plain words, legend, practices, the signals of two
  // pillars, rhythm.
  ExpectWellFormed(html, 5, 6);
  ExpectUniqueIds(html);
  ExpectNoBareAmpersand(html);
  // The review names agreements by the catalog, not in the charter's words.
  EXPECT_THAT(html, Not(HasSubstr("<here>")));
  EXPECT_THAT(html, Not(HasSubstr("Short &amp; direct")));
  // The section sits between the focus and the actions.
  const std::string heading =
      "<h2>" + Escaped(Phrase("charter_side_by_side", lang)) + "</h2>";
  const size_t section = html.find(heading);
  ASSERT_NE(section, std::string::npos);
  EXPECT_LT(html.find("<h2>Focus: "), section);
  EXPECT_LT(section,
            html.find("<h2>" + Escaped(Phrase("meeting_actions", lang))));
  EXPECT_EQ(Page(MakeCharterJournal(), lang), html);
}

INSTANTIATE_TEST_SUITE_P(Languages, MeetingHtmlTest,
                         testing::Values(Language::kEnglish, Language::kDutch),
                         [](const testing::TestParamInfo<Language>& info) {
                           return info.param == Language::kDutch
                                      ? std::string("Dutch")
                                      : std::string("English");
                         });

TEST(MeetingHtmlContentTest, EnglishPage) {
  const Journal j = MakeJournal();
  const std::string html = Page(j, Language::kEnglish);
  EXPECT_THAT(html, HasSubstr(std::string("<h1>5S report: ") +
                              kTeamNameEscaped + "</h1>"));
  // Long dates: the round's date, the as-of date, due and feedback dates.
  EXPECT_THAT(html, HasSubstr("2 March 2026"));
  EXPECT_THAT(html, HasSubstr("As of 20 April 2026"));
  EXPECT_THAT(html, HasSubstr("20 March 2026"));
  // In free text a number keeps to its neighbours (no-break spaces).
  EXPECT_THAT(html, HasSubstr("10&#160;March&#160;2026, Dee: Draft"));
  const std::string meta = Between(html, "<p class=\"meta\">", "</p>");
  EXPECT_THAT(meta, HasSubstr("2 March 2026"));
  EXPECT_THAT(meta, HasSubstr("As of 20 April 2026"));
  EXPECT_THAT(meta, Not(HasSubstr("2026-")));
  // The pillars table, with decimal points.
  EXPECT_THAT(html, HasSubstr("<tr><td>Structure</td><td class=\"num\">4</td>"
                              "<td class=\"num\">3.25</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"keep\">1 1 0 0 2</td>"));
  // The focus pillar and every one of its practices.
  EXPECT_THAT(html, HasSubstr("<h2>Focus: Structure</h2>"));
  for (const std::string& practice :
       PillarTextsFor(Pillar::kStructure, Language::kEnglish).practices()) {
    EXPECT_THAT(html, HasSubstr("<li>" + Escaped(practice) + "</li>"));
  }
  // The plan's actions.
  EXPECT_THAT(Between(html, "p1", "<h3>Overdue</h3>"),
              HasSubstr("<td>Decision table &lt;v2&gt;</td><td>Bob &lt;B&gt;"
                        "</td>"));
  EXPECT_THAT(Between(html, "p1", "<h3>Overdue</h3>"),
              HasSubstr("<td>Agenda &amp; minutes</td>"));
  // Overdue: a2 only (a1 is done).
  const std::string overdue = Between(html, "<h3>Overdue</h3>", "<h2>");
  ASSERT_FALSE(overdue.empty());
  EXPECT_THAT(overdue, HasSubstr("<table>"));
  EXPECT_THAT(overdue, HasSubstr("<td>Agenda &amp; minutes</td><td>Cas</td>"
                                 "<td class=\"keep\">20 March 2026</td>"
                                 "<td>open</td>"));
  EXPECT_THAT(overdue, Not(HasSubstr("Decision table")));
  EXPECT_THAT(overdue, Not(HasSubstr("class=\"none\"")));
}

TEST(MeetingHtmlContentTest, DutchPage) {
  const Journal j = MakeJournal();
  const std::string html = Page(j, Language::kDutch);
  EXPECT_THAT(html, HasSubstr(std::string("<h1>5S-rapport: ") +
                              kTeamNameEscaped + "</h1>"));
  EXPECT_THAT(html, HasSubstr("2 maart 2026"));
  EXPECT_THAT(html, HasSubstr("Stand van zaken op 20 april 2026"));
  EXPECT_THAT(html, HasSubstr("20 maart 2026"));
  EXPECT_THAT(html, Not(HasSubstr("March")));
  EXPECT_THAT(html, Not(HasSubstr("April")));
  EXPECT_THAT(html, HasSubstr("<h2>Focus: Structuur</h2>"));
  for (const std::string& practice :
       PillarTextsFor(Pillar::kStructure, Language::kDutch).practices()) {
    EXPECT_THAT(html, HasSubstr("<li>" + Escaped(practice) + "</li>"));
  }
  // Decimal commas in the table and in the pictures' visible text.
  EXPECT_THAT(html, HasSubstr("<tr><td>Structuur</td><td class=\"num\">4</td>"
                              "<td class=\"num\">3,25</td>"));
  EXPECT_THAT(html, Not(HasSubstr(">3.25<")));
  const std::regex point_cell("<td class=\"num\">-?[0-9]+\\.[0-9]");
  EXPECT_FALSE(std::regex_search(html, point_cell));
  const std::regex point_text(">[^<>]*[0-9]\\.[0-9][^<>]*<");
  const std::string body = html.substr(html.find("</style>"));
  std::smatch match;
  EXPECT_FALSE(std::regex_search(body, match, point_text)) << match.str();
  EXPECT_GE(CountOf(html, "3,25"), 2) << "table and radar";
  const std::string overdue = Between(html, "<h3>Te laat</h3>", "<h2>");
  EXPECT_THAT(overdue, HasSubstr("<td>Agenda &amp; minutes</td><td>Cas</td>"
                                 "<td class=\"keep\">20 maart 2026</td>"));
  EXPECT_NE(html, Page(j, Language::kEnglish));
}

TEST(MeetingHtmlContentTest, PerceptionAndAgreementsInEnglish) {
  const std::string html = Page(MakeCharterJournal(), Language::kEnglish);
  const std::string table =
      Between(html, "<h2>Perception and agreements</h2>", "<h2>Actions</h2>");
  ASSERT_FALSE(table.empty());
  EXPECT_THAT(table, HasSubstr("<p>As of 20 April 2026; agreements older "
                               "than 365 days are stale</p>"));
  EXPECT_THAT(table, HasSubstr("<tr><th>Pillar</th><th>Perception</th>"
                               "<th>Readiness</th><th>Missing / Stale</th>"
                               "<th>Signals</th></tr>"));
  // Structure: the perception of r2 (3.25, mixed on 2, 5, 1, 5) and all
  // three agreements: three filled squares and the words.
  const std::string on = "<span class=\"on\"></span>";
  const std::string off = "<span class=\"off\"></span>";
  EXPECT_THAT(
      table,
      HasSubstr("<tr><td>Structure</td><td class=\"keep\">3.25 (split)</td>"
                "<td class=\"keep\"><span class=\"bar\" "
                "aria-hidden=\"true\">" +
                on + on + on + "</span>3 of 3</td><td>–</td><td><ul><li>" +
                Escaped(absl::StripSuffix(
                    PillarTextsFor(Pillar::kStructure, Language::kEnglish)
                        .warning_signals(0),
                    ".")) +
                ": ticked at&#160;1&#160;of&#160;1&#160;checks "
                "(since&#160;10&#160;April&#160;2026)</li></ul>"
                "</td></tr>"));
  // Strategy: nothing yet, four empty squares.
  EXPECT_THAT(table, HasSubstr("<td class=\"keep\">3.75 (shared)</td>"
                               "<td class=\"keep\"><span class=\"bar\" "
                               "aria-hidden=\"true\">" +
                               off + off + off + off + "</span>0 of 4</td>"));
  EXPECT_THAT(table, HasSubstr("<td>Synergy &amp; strengths</td>"));
  EXPECT_THAT(table, HasSubstr("2 of 3</td><td>Preference styles</td>"));
  EXPECT_THAT(table,
              HasSubstr("<p>Next agreement: Shared sentence (Strategy, the "
                        "pillar with the fewest agreements in place). "
                        "Complete one sentence together: &quot;As an MT we "
                        "are successful when ...&quot;.</p>"));
  // The bar's colours are the Okabe-Ito blue of the page.
  EXPECT_THAT(html, HasSubstr(".bar span.on { background: #0072B2;"));
}

TEST(MeetingHtmlContentTest, PerceptionAndAgreementsInDutch) {
  const std::string html = Page(MakeCharterJournal(), Language::kDutch);
  const std::string table =
      Between(html, "<h2>Beleving en afspraken</h2>", "<h2>Acties</h2>");
  ASSERT_FALSE(table.empty());
  EXPECT_THAT(table, HasSubstr("<tr><td>Structuur</td><td class=\"keep\">"
                               "3,25 (verdeeld)</td>"));
  EXPECT_THAT(table, HasSubstr("</span>3 van 3</td>"));
  EXPECT_THAT(table, HasSubstr("</span>0 van 4</td>"));
  EXPECT_THAT(table, HasSubstr("<td>Voorkeursstijlen</td>"));
  EXPECT_THAT(table, HasSubstr("<p>Volgende afspraak: Gedeelde zin (Stip "
                               "&amp; strategie, de pijler met de minste "
                               "afspraken)."));
  EXPECT_THAT(table, Not(HasSubstr(" of ")));
  // Decimal commas in the visible text, the section's too.
  const std::regex point_text(">[^<>]*[0-9]\\.[0-9][^<>]*<");
  const std::string body = html.substr(html.find("</style>"));
  std::smatch match;
  EXPECT_FALSE(std::regex_search(body, match, point_text)) << match.str();
}

// Each picture in a figure as wide as the picture's own width or wider, and
// the column that holds them too, so a screen of 840 px or more never
// draws one smaller than designed (nor its 12 px texts below 12 px); on
// paper every picture stays on one page.
TEST(MeetingHtmlContentTest, PicturesAtTheirSizeOrLarger) {
  const std::string html = Page(MakeCharterJournal(), Language::kEnglish);
  const std::string style = Between(html, "<style>", "</style>");
  // The max-width of the first rule for `selector`, in px at 16 px a rem.
  const auto max_width = [&](const std::string& selector) {
    const std::regex rule(selector + " \\{[^}]*max-width: ([0-9.]+)rem;");
    std::smatch match;
    EXPECT_TRUE(std::regex_search(style, match, rule)) << selector;
    return match.empty() ? 0.0 : 16 * std::stod(match[1].str());
  };
  const double column = max_width("body");
  const std::regex svg_width("<svg [^>]* width=\"([0-9]+)\"");
  for (const auto& [figure, selector] :
       {std::pair<std::string, std::string>{"<figure class=\"radar\">",
                                            "figure\\.radar"},
        {"<figure class=\"strips\">", "figure\\.strips"},
        {"<div class=\"trend\"><figure>", "\\.trend figure"}}) {
    const std::string start = Between(html, figure, " height=");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(start, match, svg_width)) << figure;
    const double own = std::stod(match[1].str());
    EXPECT_GE(max_width(selector), own) << selector;
    EXPECT_GE(column, own) << selector;
  }
  // One under the other, not in a row.
  EXPECT_THAT(style, Not(HasSubstr(".pictures {")));
  EXPECT_THAT(style, Not(HasSubstr("flex-wrap")));
  EXPECT_THAT(style, HasSubstr("figure svg { display: block; width: 100%; "
                               "height: auto; }"));
  EXPECT_THAT(style, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(
      Between(style, "@media print {", "\n}\n"),
      HasSubstr("figure { margin: 0.8rem auto; break-inside: avoid; }"));
}

// Cells of a number with its unit stay on one line: the readiness bar with
// "3 of 3", the perception, the counts, the due date.
TEST(MeetingHtmlContentTest, NumbersKeepToTheirUnits) {
  const std::string html = Page(MakeCharterJournal(), Language::kEnglish);
  EXPECT_THAT(html, HasSubstr("td.num, td.keep { white-space: nowrap; }"));
  EXPECT_THAT(html, HasSubstr("<td class=\"keep\"><span class=\"bar\""));
  EXPECT_THAT(html, HasSubstr("<td class=\"keep\">3.25 (split)</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"keep\">20 March 2026</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"keep\">1 1 0 0 2</td>"));
  // In running text a no-break space after a number and before one that
  // follows a word; a space after other signs still breaks.
  EXPECT_THAT(html, HasSubstr("10&#160;March&#160;2026, Dee: Draft "
                              "&quot;ready&quot; (40%)"));
}

TEST(MeetingHtmlContentTest, NothingOverdueAndNoPlan) {
  // As of the first round, no plan is in force and nothing is overdue.
  const Journal j = MakeJournal();
  absl::StatusOr<v1::MeetingReport> m =
      BuildMeetingReport(j, "r1", Language::kEnglish, Day(2026, 2, 10));
  ASSERT_TRUE(m.ok()) << m.status();
  absl::StatusOr<std::string> html =
      RenderMeetingHtml(*m, j, Language::kEnglish);
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_THAT(*html, HasSubstr("2 February 2026"));
  EXPECT_THAT(*html, Not(HasSubstr("Decision table")));
  EXPECT_THAT(Between(*html, "<h3>Overdue</h3>", "<h2>"),
              HasSubstr("<p class=\"none\">none</p>"));
  EXPECT_EQ(CountOf(*html, "<table>"), 1);
  EXPECT_EQ(CountOf(*html, "<svg"), 3);
  EXPECT_EQ(CountOf(*html, "</table>"), 1);
}

}  // namespace
}  // namespace fives
