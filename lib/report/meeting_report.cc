#include "fives/meeting_report.h"

#include <algorithm>
#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/pillar.h"
#include "fives/report_suggestions.h"
#include "fives/report_text.h"
#include "hash_table.h"
#include "markup.h"

namespace fives {
namespace {

using markup::MarkdownText;

}  // namespace

absl::StatusOr<absl::CivilDay> DefaultReportDay(const Journal& journal,
                                                absl::string_view round_id) {
  const v1::Round* round = nullptr;
  for (const v1::Round& r : journal.proto().rounds()) {
    if (round_id.empty() ? r.state() == v1::ROUND_STATE_CLOSED
                         : r.id() == round_id) {
      round = &r;
    }
  }
  if (round == nullptr) {
    // The report's own refusal names what is missing.
    absl::StatusOr<v1::RoundReport> report =
        round_id.empty() ? journal.LatestReport() : journal.Report(round_id);
    if (!report.ok()) return report.status();
    return absl::NotFoundError("round_id: no such round");
  }
  return ParseCivilDate(
      round->closed_on().empty() ? round->date() : round->closed_on(),
      "round.closed_on");
}

absl::StatusOr<v1::MeetingReport> BuildMeetingReport(const Journal& journal,
                                                     absl::string_view round_id,
                                                     Language language,
                                                     absl::CivilDay as_of) {
  if (absl::Status s = CheckCivilDate(as_of, "as_of"); !s.ok()) return s;
  absl::StatusOr<v1::RoundReport> round =
      round_id.empty() ? journal.LatestReport() : journal.Report(round_id);
  if (!round.ok()) return round.status();
  AddSuggestions(language, &*round);
  v1::MeetingReport m;
  m.set_as_of(FormatCivilDate(as_of));
  *m.mutable_round() = *std::move(round);

  // The plan in force: the latest made on this round or an earlier one.
  const v1::Journal& j = journal.proto();
  int index = -1;
  for (int i = 0; i < j.rounds_size(); ++i) {
    if (j.rounds(i).id() == m.round().round_id()) index = i;
  }
  internal::HashSet<absl::string_view> this_or_earlier;
  for (int i = 0; i <= index; ++i) this_or_earlier.insert(j.rounds(i).id());
  std::set<std::string> people;
  const v1::Plan* in_force = nullptr;
  for (const v1::Plan& plan : j.plans()) {
    if (this_or_earlier.contains(plan.round_id())) in_force = &plan;
  }
  if (in_force != nullptr) *m.mutable_plan() = *in_force;
  if (m.has_plan()) {
    for (const std::string& id : m.plan().action_ids()) {
      for (const v1::Action& a : j.actions()) {
        if (a.id() != id) continue;
        *m.add_plan_actions() = a;
        people.insert(a.owner_id());
        if (a.feedback_size() > 0) {
          people.insert(a.feedback().rbegin()->author_id());
        }
      }
    }
  }
  const v1::FollowUp follow_up = journal.FollowUp(as_of);
  const v1::CheckDue due = journal.CheckDue(as_of);
  for (const v1::Action& a : due.to_review()) {
    *m.add_open_actions() = a;
    people.insert(a.owner_id());
    if (a.feedback_size() > 0) {
      people.insert(a.feedback().rbegin()->author_id());
    }
  }
  for (const v1::Action& a : follow_up.overdue()) {
    *m.add_overdue() = a;
    people.insert(a.owner_id());
  }
  *m.mutable_next_check() = journal.CheckStatus(as_of);
  if (j.has_charter()) *m.mutable_charter() = ReviewCharter(j, as_of);
  if (absl::StatusOr<std::string> g = journal.Guardian(as_of); g.ok()) {
    m.set_guardian_id(*g);
    people.insert(*g);
  }
  for (const v1::Member& member : j.team().members()) {
    if (people.count(member.id()) == 0) continue;
    v1::MemberName* name = m.add_member_names();
    name->set_member_id(member.id());
    name->set_display_name(member.display_name());
  }
  std::sort(m.mutable_member_names()->begin(), m.mutable_member_names()->end(),
            [](const v1::MemberName& a, const v1::MemberName& b) {
              return a.member_id() < b.member_id();
            });
  return m;
}

namespace {

// The lines of the actions table.
std::string ActionsTable(
    const v1::MeetingReport& m,
    const google::protobuf::RepeatedPtrField<v1::Action>& actions,
    Language lang) {
  std::string out = absl::StrCat(
      "| ", Say("col_action", lang), " | ", Say("col_owner", lang), " | ",
      Say("col_due", lang), " | ", Say("col_status", lang), " | ",
      Say("col_latest_feedback", lang), " |\n|---|---|---|---|---|\n");
  for (const v1::Action& a : actions) {
    absl::StrAppend(&out, "| ", MarkdownText(a.title()), " | ",
                    MarkdownText(MeetingMemberName(m, a.owner_id())), " | ",
                    FormatLongDate(a.due(), lang), " | ",
                    ActionStatusText(a.status(), lang), " | ",
                    MarkdownText(LatestFeedbackText(m, a, lang)), " |\n");
  }
  return out;
}

// The section "Perception and agreements": per pillar the round's
// perception next to the charter's readiness, then the next agreement.
std::string CharterMarkdown(const v1::MeetingReport& m, Language lang) {
  const v1::CharterReview& review = m.charter();
  std::string out = absl::StrCat(
      "\n## ", Say("charter_side_by_side", lang), "\n\n",
      Say("charter_as_of", lang, FormatLongDate(review.as_of(), lang),
          review.stale_days()),
      "\n\n| ", Say("col_pillar", lang), " | ", Say("col_perception", lang),
      " | ", Say("col_readiness", lang), " | ", Say("col_missing", lang), " / ",
      Say("col_stale", lang), " | ", Say("col_signals", lang),
      " |\n|---|---|---|---|---|\n");
  for (const v1::PillarCharterReview& p : review.pillars()) {
    if (!IsValidPillar(p.pillar())) continue;
    const Pillar pillar = *PillarFromProto(p.pillar());
    const Readiness r = ReadinessOf(p);
    const std::vector<std::string> signals =
        PresentSignalLines(review, p, lang);
    absl::StrAppend(&out, "| ", MarkdownText(PillarName(pillar, lang)), " | ",
                    MarkdownText(PerceptionText(m.round(), pillar, lang)),
                    " | ", Say("charter_k_of_m", lang, r.in_place, r.total),
                    " | ", MarkdownText(OpenAgreementsText(p, lang)), " | ",
                    signals.empty()
                        ? std::string("–")
                        : MarkdownText(absl::StrJoin(signals, "; ")),
                    " |\n");
  }
  absl::StrAppend(&out, "\n", MarkdownText(NextAgreementText(review, lang)),
                  "\n");
  return out;
}

}  // namespace

std::string MeetingMemberName(const v1::MeetingReport& m,
                              absl::string_view member_id) {
  for (const v1::MemberName& n : m.member_names()) {
    if (n.member_id() == member_id) return n.display_name();
  }
  return std::string(member_id);
}

PillarRowCells MeetingPillarCells(const v1::RoundReport& round,
                                  const v1::PillarStats& s, Language lang) {
  PillarRowCells c;
  c.name = PillarName(*PillarFromProto(s.pillar()), lang);
  c.n = absl::StrCat(s.n());
  c.mean = OptionalDecimal(s.has_mean(), s.mean(), 2, lang);
  c.median = OptionalDecimal(s.has_median(), s.median(), 1, lang);
  c.counts = CountsText(s);
  c.rwg = OptionalDecimal(s.has_rwg(), s.rwg(), 2, lang);
  c.agreement = OptionalDecimal(s.has_agreement(), s.agreement(), 2, lang);
  c.label = s.disclosure() == v1::DISCLOSURE_FULL
                ? std::string(LabelText(s.label(), lang))
                : DisclosureNote(s, round.thresholds(), lang);
  if (s.differencing_warning()) {
    absl::StrAppend(&c.label, " (", DisclosureNote(s, round.thresholds(), lang),
                    ")");
  }
  return c;
}

std::string LatestFeedbackText(const v1::MeetingReport& m, const v1::Action& a,
                               Language lang) {
  if (a.feedback_size() == 0) return "–";
  const v1::Feedback& f = *a.feedback().rbegin();
  std::string text =
      absl::StrCat(FormatLongDate(f.date(), lang), ", ",
                   MeetingMemberName(m, f.author_id()), ": ", f.text());
  if (f.has_progress()) absl::StrAppend(&text, " (", f.progress(), "%)");
  return text;
}

std::optional<v1::RoundReport> PreviousRoundReport(const Journal& journal,
                                                   absl::string_view round_id) {
  std::string before;
  for (const v1::Round& round : journal.proto().rounds()) {
    if (round.id() == round_id) break;
    if (round.state() == v1::ROUND_STATE_CLOSED) before = round.id();
  }
  if (before.empty()) return std::nullopt;
  absl::StatusOr<v1::RoundReport> report = journal.Report(before);
  if (!report.ok()) return std::nullopt;
  return *std::move(report);
}

std::vector<std::string> MeetingRhythmLines(const v1::MeetingReport& m,
                                            Language lang) {
  const v1::CheckStatus& c = m.next_check();
  absl::string_view state_key =
      c.state() == v1::CHECK_STATE_OVERDUE ? "check_overdue"
      : c.state() == v1::CHECK_STATE_DUE   ? "check_due"
                                           : "check_not_due";
  std::string check =
      Say("check_heading", lang, FormatLongDate(m.as_of(), lang),
          Say(state_key, lang));
  if (c.window_start().empty()) {
    absl::StrAppend(&check, " (", Say("check_no_anchor", lang), ")");
  } else if (!c.last_check_id().empty()) {
    absl::StrAppend(
        &check, " (",
        Say("check_window_check", lang, FormatLongDate(c.window_start(), lang),
            FormatLongDate(c.window_end(), lang), c.last_check_id(),
            FormatLongDate(c.anchor(), lang)),
        ")");
  } else {
    absl::StrAppend(
        &check, " (",
        Say("check_window_plan", lang, FormatLongDate(c.window_start(), lang),
            FormatLongDate(c.window_end(), lang),
            FormatLongDate(c.anchor(), lang)),
        ")");
  }
  std::string guardian =
      Say("guardian_heading", lang, FormatLongDate(m.as_of(), lang),
          m.guardian_id().empty() ? Say("guardian_nobody", lang)
                                  : MeetingMemberName(m, m.guardian_id()));
  return {check, guardian};
}

std::string RenderMeetingMarkdown(const v1::MeetingReport& m, Language lang) {
  const v1::RoundReport& r = m.round();
  std::string out = absl::StrCat(
      "# ", Say("report_title", lang, MarkdownText(r.team_name())), "\n\n",
      Say("round_line", lang, r.round_id(),
          FormatLongDate(r.round_date(), lang),
          Say(r.mode() == v1::ROUND_MODE_OPEN ? "mode_open"
                                              : "mode_confidential",
              lang),
          r.respondents(), r.members()),
      "  \n", Say("meeting_as_of", lang, FormatLongDate(m.as_of(), lang)),
      "\n\n## ", Say("plain_heading", lang), "\n\n");
  // Plain words first; the figures follow as details, with their legend.
  for (const v1::PillarStats& s : r.pillars()) {
    absl::StrAppend(
        &out, "- **", PillarName(*PillarFromProto(s.pillar()), lang),
        "**: ", MarkdownText(PlainWordsText(s, r.thresholds(), lang)), "\n");
  }
  absl::StrAppend(&out, "\n## ", Say("meeting_pillars", lang), "\n\n");

  // The per-pillar table.
  absl::StrAppend(
      &out, "| ", Say("col_pillar", lang), " | n | ", Say("col_mean", lang),
      " | ", Say("col_median", lang), " | ", Say("col_distribution", lang),
      " | ", Say("col_rwg", lang), " | ", Say("col_agreement", lang), " | ",
      Say("col_label", lang), " |\n|---|--:|--:|--:|---|--:|--:|---|\n");
  for (const v1::PillarStats& s : r.pillars()) {
    const PillarRowCells c = MeetingPillarCells(r, s, lang);
    absl::StrAppend(&out, "| ", MarkdownText(c.name), " | ", c.n, " | ", c.mean,
                    " | ", c.median, " | ", c.counts, " | ", c.rwg, " | ",
                    c.agreement, " | ", c.label, " |\n");
  }

  absl::StrAppend(&out, "\n", Say("legend_heading", lang), ":\n\n");
  for (const std::string& line : MeasureLegend(r, lang)) {
    absl::StrAppend(&out, "- ", MarkdownText(line), "\n");
  }

  // The verdict on the previous focus: did the pillar move?
  const VerdictView verdict = VerdictOf(r, lang);
  absl::StrAppend(&out, "\n## ", Say("meeting_verdict", lang), "\n\n",
                  MarkdownText(verdict.heading), "\n");
  if (!verdict.lines.empty()) out += "\n";
  for (const std::string& line : verdict.lines) {
    absl::StrAppend(&out, "- ", MarkdownText(line), "\n");
  }

  // The focus, its reason and the practices.
  absl::StrAppend(&out, "\n## ");
  if (r.focus() == v1::PILLAR_UNSPECIFIED) {
    absl::StrAppend(&out, Say("no_focus", lang), "\n");
  } else {
    const Pillar focus = *PillarFromProto(r.focus());
    absl::StrAppend(&out, Say("focus_heading", lang, PillarName(focus, lang)),
                    "\n\n");
    if (r.ranking_size() > 0) {
      absl::StrAppend(&out, "*", FocusReasonText(r.ranking(0), lang), "*");
      if (r.ranking(0).talk_first()) {
        absl::StrAppend(&out, " — **", Say("talk_first", lang), "**");
      }
      absl::StrAppend(&out, "\n\n");
    }
    absl::StrAppend(&out, "### ", Say("suggestions_heading", lang), "\n\n");
    for (const std::string& practice : FocusSuggestions(r, lang)) {
      absl::StrAppend(&out, "- ", practice, "\n");
    }
  }

  // The charter next to the perception.
  if (m.has_charter()) absl::StrAppend(&out, CharterMarkdown(m, lang));

  // The plan and its actions.
  absl::StrAppend(&out, "\n## ", Say("meeting_actions", lang), "\n\n");
  if (!m.has_plan()) {
    absl::StrAppend(&out, Say("meeting_no_plan", lang), "\n");
  } else {
    absl::StrAppend(
        &out,
        Say("plan_heading", lang, m.plan().id(), m.plan().round_id(),
            FormatLongDate(m.plan().created(), lang),
            PillarName(*PillarFromProto(m.plan().focus()), lang)),
        "\n\n", ActionsTable(m, m.plan_actions(), lang));
  }
  absl::StrAppend(&out, "\n### ", Say("follow_up_overdue", lang), "\n\n");
  if (m.overdue_size() == 0) {
    absl::StrAppend(&out, Say("follow_up_none", lang), "\n");
  } else {
    absl::StrAppend(&out, ActionsTable(m, m.overdue(), lang));
  }
  absl::StrAppend(&out, "\n### ", Say("meeting_open_actions", lang), "\n\n");
  if (m.open_actions_size() == 0) {
    absl::StrAppend(&out, Say("follow_up_none", lang), "\n");
  } else {
    absl::StrAppend(&out, ActionsTable(m, m.open_actions(), lang));
  }

  // The rhythm: the next check and the guardian.
  absl::StrAppend(&out, "\n## ", Say("meeting_rhythm", lang), "\n\n");
  for (const std::string& line : MeetingRhythmLines(m, lang)) {
    absl::StrAppend(&out, "- ", MarkdownText(line), "\n");
  }
  return out;
}

}  // namespace fives
