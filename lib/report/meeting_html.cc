// The meeting report as one self-contained HTML page.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "fives/meeting_report.h"
#include "fives/report_suggestions.h"
#include "fives/report_svg.h"
#include "fives/report_text.h"
#include "markup.h"

namespace fives {
namespace {

using markup::HtmlEscape;
using markup::HtmlEscapeKeepingNumbers;

std::string Text(absl::string_view key, Language language) {
  return HtmlEscape(Phrase(key, language));
}

// Readable on a meeting-room screen and printable on A4; no external fonts.
// The pictures stand one under the other, each at most 1.2 times its own
// width (radar 760, strips 680, trend 800 px): on a screen 840 px wide or
// more none is drawn below its own size, so no text in it is under 12 px
// (14 px and more at 1280 px). Wide screens get everything a size larger.
// A cell of a number with its unit or of a date ("keep") is one line.
constexpr absl::string_view kStyle = R"css(
body { font-family: sans-serif; margin: 2rem auto; max-width: 60rem;
       color: #1a1a1a; line-height: 1.45; padding: 0 1rem; }
@media screen and (min-width: 1600px) { html { font-size: 112.5%; } }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #0072B2;
     padding-bottom: 0.2rem; margin-top: 2rem; }
.meta { color: #555; margin-top: 0; }
figure { margin: 1.5rem auto; }
figure.radar { max-width: 57rem; }
figure.strips { max-width: 51rem; }
.trend figure { max-width: 60rem; }
figure svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.5rem;
         text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.keep { white-space: nowrap; }
.talk { font-weight: bold; color: #9a3d00; }
.none { color: #777; }
.plain ul { font-size: 1.1rem; }
p.legend, .legend ul { color: #444; font-size: 0.9rem; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h1, h2, h3 { break-after: avoid; }
  figure { margin: 0.8rem auto; break-inside: avoid; }
  tr { break-inside: avoid; }
}
)css";

// The readiness bar, only on pages with a charter: a filled or an empty
// square per agreement (shape as well as colour), next to the words.
constexpr absl::string_view kCharterStyle =
    R"css(.bar { display: inline-flex; gap: 2px; margin-right: 0.4rem;
       vertical-align: middle; }
.bar span { display: inline-block; width: 0.8rem; height: 0.8rem;
            box-sizing: border-box; border: 2px solid #0072B2; }
.bar span.on { background: #0072B2; print-color-adjust: exact;
               -webkit-print-color-adjust: exact; }
td ul { margin: 0; padding-left: 1rem; }
)css";

}  // namespace

absl::StatusOr<std::string> RenderMeetingHtml(const v1::MeetingReport& m,
                                              const Journal& journal,
                                              Language lang) {
  const v1::RoundReport& r = m.round();
  const std::optional<v1::RoundReport> previous =
      PreviousRoundReport(journal, r.round_id());
  absl::StatusOr<std::string> radar =
      RenderRadarSvg(r, previous ? &*previous : nullptr, lang);
  if (!radar.ok()) return radar.status();
  absl::StatusOr<std::string> strips = RenderDistributionSvg(r, lang);
  if (!strips.ok()) return strips.status();
  absl::StatusOr<std::string> trend = RenderTrendSvg(journal, lang);
  if (!trend.ok()) return trend.status();

  const std::string title =
      HtmlEscape(Say("report_title", lang, r.team_name()));
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", LanguageTag(lang),
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\">\n<title>",
      title, "</title>\n<style>", kStyle,
      m.has_charter() ? kCharterStyle : absl::string_view(),
      "</style>\n</head>\n<body>\n<h1>", title, "</h1>\n<p class=\"meta\">",
      HtmlEscape(
          Say("round_line", lang, r.round_id(),
              FormatLongDate(r.round_date(), lang),
              Phrase(r.mode() == v1::ROUND_MODE_OPEN ? "mode_open"
                                                     : "mode_confidential",
                     lang),
              r.respondents(), r.members())),
      "<br>",
      HtmlEscape(Say("meeting_as_of", lang, FormatLongDate(m.as_of(), lang))),
      "</p>\n");

  // Plain words first; the pictures and the figures follow as details.
  absl::StrAppend(&out, "<h2>", Text("plain_heading", lang),
                  "</h2>\n<div class=\"plain\"><ul>\n");
  for (const v1::PillarStats& s : r.pillars()) {
    absl::StrAppend(
        &out, "<li><strong>",
        HtmlEscape(PillarName(*PillarFromProto(s.pillar()), lang)),
        "</strong>: ", HtmlEscape(PlainWordsText(s, r.thresholds(), lang)),
        "</li>\n");
  }
  absl::StrAppend(&out, "</ul></div>\n");

  // The pictures and the table.
  absl::StrAppend(&out, "<h2>", Text("meeting_pillars", lang),
                  "</h2>\n<div class=\"pictures\">\n<figure class=\"radar\">",
                  markup::InlineSvg(*radar, "radar"),
                  "</figure>\n<figure class=\"strips\">",
                  markup::InlineSvg(*strips, "strips"), "</figure>\n</div>\n");
  absl::StrAppend(&out, "<table>\n<tr><th>", Text("col_pillar", lang),
                  "</th><th>n</th><th>", Text("col_mean", lang), "</th><th>",
                  Text("col_median", lang), "</th><th>",
                  Text("col_distribution", lang), "</th><th>",
                  Text("col_rwg", lang), "</th><th>",
                  Text("col_agreement", lang), "</th><th>",
                  Text("col_label", lang), "</th></tr>\n");
  for (const v1::PillarStats& s : r.pillars()) {
    const PillarRowCells c = MeetingPillarCells(r, s, lang);
    absl::StrAppend(
        &out, "<tr><td>", HtmlEscape(c.name), "</td><td class=\"num\">", c.n,
        "</td><td class=\"num\">", c.mean, "</td><td class=\"num\">", c.median,
        "</td><td class=\"keep\">", c.counts, "</td><td class=\"num\">", c.rwg,
        "</td><td class=\"num\">", c.agreement, "</td><td>",
        HtmlEscape(c.label), "</td></tr>\n");
  }
  absl::StrAppend(&out, "</table>\n");

  absl::StrAppend(&out, "<p class=\"legend\">", Text("legend_heading", lang),
                  ":</p>\n<div class=\"legend\"><ul>\n");
  for (const std::string& line : MeasureLegend(r, lang)) {
    absl::StrAppend(&out, "<li>", HtmlEscape(line), "</li>\n");
  }
  absl::StrAppend(&out, "</ul></div>\n");

  // The verdict on the previous focus: did the pillar move?
  const VerdictView verdict = VerdictOf(r, lang);
  absl::StrAppend(&out, "<h2>", Text("meeting_verdict", lang), "</h2>\n<p>",
                  HtmlEscape(verdict.heading), "</p>\n");
  if (!verdict.lines.empty()) {
    absl::StrAppend(&out, "<ul>\n");
    for (const std::string& line : verdict.lines) {
      absl::StrAppend(&out, "<li>", HtmlEscape(line), "</li>\n");
    }
    absl::StrAppend(&out, "</ul>\n");
  }

  // The focus and the practices, then everything else as in the Markdown:
  // the plan, overdue actions and the rhythm.
  if (r.focus() == v1::PILLAR_UNSPECIFIED) {
    absl::StrAppend(&out, "<h2>", Text("no_focus", lang), "</h2>\n");
  } else {
    const Pillar focus = *PillarFromProto(r.focus());
    absl::StrAppend(
        &out, "<h2>",
        HtmlEscape(Say("focus_heading", lang, PillarName(focus, lang))),
        "</h2>\n");
    if (r.ranking_size() > 0) {
      absl::StrAppend(&out, "<p><em>",
                      HtmlEscape(FocusReasonText(r.ranking(0), lang)), "</em>");
      if (r.ranking(0).talk_first()) {
        absl::StrAppend(&out, " — <span class=\"talk\">",
                        Text("talk_first", lang), "</span>");
      }
      absl::StrAppend(&out, "</p>\n");
    }
    absl::StrAppend(&out, "<h3>", Text("suggestions_heading", lang),
                    "</h3>\n<ul>\n");
    for (const std::string& practice : FocusSuggestions(r, lang)) {
      absl::StrAppend(&out, "<li>", HtmlEscape(practice), "</li>\n");
    }
    absl::StrAppend(&out, "</ul>\n");
  }

  // The charter next to the perception, then the next agreement.
  if (m.has_charter()) {
    const v1::CharterReview& review = m.charter();
    absl::StrAppend(
        &out, "<h2>", Text("charter_side_by_side", lang), "</h2>\n<p>",
        HtmlEscape(Say("charter_as_of", lang,
                       FormatLongDate(review.as_of(), lang),
                       review.stale_days())),
        "</p>\n<table>\n<tr><th>", Text("col_pillar", lang), "</th><th>",
        Text("col_perception", lang), "</th><th>", Text("col_readiness", lang),
        "</th><th>", Text("col_missing", lang), " / ", Text("col_stale", lang),
        "</th><th>", Text("col_signals", lang), "</th></tr>\n");
    for (const v1::PillarCharterReview& p : review.pillars()) {
      if (!IsValidPillar(p.pillar())) continue;
      const Pillar pillar = *PillarFromProto(p.pillar());
      const Readiness ready = ReadinessOf(p);
      std::string bar = "<span class=\"bar\" aria-hidden=\"true\">";
      for (int i = 0; i < ready.total; ++i) {
        absl::StrAppend(
            &bar,
            i < ready.in_place ? "<span class=\"on\">" : "<span class=\"off\">",
            "</span>");
      }
      absl::StrAppend(&bar, "</span>");
      std::string signals = "–";
      const std::vector<std::string> lines =
          PresentSignalLines(review, p, lang);
      if (!lines.empty()) {
        signals = "<ul>";
        for (const std::string& line : lines) {
          absl::StrAppend(&signals, "<li>", HtmlEscapeKeepingNumbers(line),
                          "</li>");
        }
        absl::StrAppend(&signals, "</ul>");
      }
      absl::StrAppend(
          &out, "<tr><td>", HtmlEscape(PillarName(pillar, lang)),
          "</td><td class=\"keep\">",
          HtmlEscape(PerceptionText(r, pillar, lang)),
          "</td><td class=\"keep\">", bar,
          HtmlEscape(Say("charter_k_of_m", lang, ready.in_place, ready.total)),
          "</td><td>", HtmlEscapeKeepingNumbers(OpenAgreementsText(p, lang)),
          "</td><td>", signals, "</td></tr>\n");
    }
    absl::StrAppend(&out, "</table>\n<p>",
                    HtmlEscape(NextAgreementText(review, lang)), "</p>\n");
  }

  auto actions_table = [&](const auto& actions) {
    std::string t = absl::StrCat(
        "<table>\n<tr><th>", Text("col_action", lang), "</th><th>",
        Text("col_owner", lang), "</th><th>", Text("col_due", lang),
        "</th><th>", Text("col_status", lang), "</th><th>",
        Text("col_latest_feedback", lang), "</th></tr>\n");
    for (const v1::Action& a : actions) {
      absl::StrAppend(
          &t, "<tr><td>", HtmlEscapeKeepingNumbers(a.title()), "</td><td>",
          HtmlEscape(MeetingMemberName(m, a.owner_id())),
          "</td><td class=\"keep\">", HtmlEscape(FormatLongDate(a.due(), lang)),
          "</td><td>", HtmlEscape(ActionStatusText(a.status(), lang)),
          "</td><td>", HtmlEscapeKeepingNumbers(LatestFeedbackText(m, a, lang)),
          "</td></tr>\n");
    }
    absl::StrAppend(&t, "</table>\n");
    return t;
  };
  absl::StrAppend(&out, "<h2>", Text("meeting_actions", lang), "</h2>\n");
  if (!m.has_plan()) {
    absl::StrAppend(&out, "<p class=\"none\">", Text("meeting_no_plan", lang),
                    "</p>\n");
  } else {
    absl::StrAppend(
        &out, "<p>",
        HtmlEscape(Say("plan_heading", lang, m.plan().id(), m.plan().round_id(),
                       FormatLongDate(m.plan().created(), lang),
                       PillarName(*PillarFromProto(m.plan().focus()), lang))),
        "</p>\n", actions_table(m.plan_actions()));
  }
  absl::StrAppend(&out, "<h3>", Text("follow_up_overdue", lang), "</h3>\n");
  if (m.overdue_size() == 0) {
    absl::StrAppend(&out, "<p class=\"none\">", Text("follow_up_none", lang),
                    "</p>\n");
  } else {
    absl::StrAppend(&out, actions_table(m.overdue()));
  }
  absl::StrAppend(&out, "<h3>", Text("meeting_open_actions", lang), "</h3>\n");
  if (m.open_actions_size() == 0) {
    absl::StrAppend(&out, "<p class=\"none\">", Text("follow_up_none", lang),
                    "</p>\n");
  } else {
    absl::StrAppend(&out, actions_table(m.open_actions()));
  }

  // The rhythm and the trend.
  absl::StrAppend(&out, "<h2>", Text("meeting_rhythm", lang), "</h2>\n<ul>\n");
  for (const std::string& line : MeetingRhythmLines(m, lang)) {
    absl::StrAppend(&out, "<li>", HtmlEscape(line), "</li>\n");
  }
  absl::StrAppend(&out, "</ul>\n<div class=\"trend\"><figure>",
                  markup::InlineSvg(*trend, "trend"),
                  "</figure></div>\n</body>\n</html>\n");
  return out;
}

}  // namespace fives
