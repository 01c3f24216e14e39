#include "journal_text.h"

#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "charter_text.h"
#include "fives/catalog.h"
#include "fives/civil_date.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "say.h"

namespace fives::cli {
namespace {

std::string PValue(double p, Language lang) {
  if (p < 0.001) return absl::StrCat("< ", FormatDecimal(0.001, 3, lang));
  return FormatDecimal(p, 3, lang);
}

// Romano et al. (2006) thresholds for |Cliff's delta|.
std::string EffectWord(double delta, Language lang) {
  const double d = std::fabs(delta);
  if (d < 0.147) return Say("effect_negligible", lang);
  if (d < 0.33) return Say("effect_small", lang);
  if (d < 0.474) return Say("effect_medium", lang);
  return Say("effect_large", lang);
}

}  // namespace

std::string ActionLine(const v1::Action& action, Language lang) {
  std::string line = absl::StrCat(
      action.id(), "  [", ActionStatusText(action.status(), lang), "]  ",
      Say("action_due", lang, action.due()), "  ", action.owner_id(), "  ");
  absl::StatusOr<Pillar> pillar = PillarFromProto(action.pillar());
  if (pillar.ok()) absl::StrAppend(&line, PillarName(*pillar, lang), ": ");
  absl::StrAppend(&line, action.title(), " (",
                  Say("action_visible", lang, action.visible_result()), ")");
  if (action.status() == v1::ACTION_STATUS_OPEN) {
    for (auto it = action.feedback().rbegin(); it != action.feedback().rend();
         ++it) {
      if (it->has_progress()) {
        absl::StrAppend(&line, " ",
                        Say("action_progress", lang, it->progress()));
        break;
      }
    }
  }
  return line;
}

std::string RenderVerdict(const v1::RoundReport& report, Language lang) {
  if (report.plan_id().empty() || !report.has_focus_trend()) {
    return absl::StrCat(Say("verdict_none", lang), "\n");
  }
  const v1::PillarTrend& t = report.focus_trend();
  absl::StatusOr<Pillar> pillar = PillarFromProto(t.pillar());
  const std::string name =
      pillar.ok() ? PillarName(*pillar, lang) : std::string("?");
  std::string out =
      absl::StrCat(Say("verdict_heading", lang, name, report.plan_id(),
                       t.before_round_id(), t.after_round_id()),
                   "\n");
  absl::StrAppend(&out, "  ", VerdictText(t, lang), "\n");
  if (t.has_mean_before() && t.has_mean_after()) {
    absl::StrAppend(
        &out, "  ",
        Say("verdict_means", lang, FormatDecimal(t.mean_before(), 2, lang),
            FormatDecimal(t.mean_after(), 2, lang),
            FormatSignedDecimal(t.mean_change(), 2, lang)),
        "\n");
    if (t.has_p_value() && t.has_cliffs_delta()) {
      absl::StrAppend(&out, "  ",
                      Say("verdict_test", lang, PValue(t.p_value(), lang),
                          FormatSignedDecimal(t.cliffs_delta(), 2, lang),
                          EffectWord(t.cliffs_delta(), lang)),
                      "\n");
    } else {
      absl::StrAppend(&out, "  ", Say("verdict_withheld", lang), "\n");
    }
  }
  return out;
}

std::string RenderFollowUp(const v1::FollowUp& f, int due_soon_days,
                           Language lang) {
  std::string out =
      absl::StrCat(Say("follow_up_heading", lang, f.as_of()), "\n");
  const std::pair<std::string,
                  const google::protobuf::RepeatedPtrField<v1::Action>*>
      lists[] = {
          {Say("follow_up_open", lang), &f.open()},
          {Say("follow_up_due_soon", lang, due_soon_days), &f.due_soon()},
          {Say("follow_up_overdue", lang), &f.overdue()},
          {Say("follow_up_celebrate", lang), &f.celebrate()},
          {Say("follow_up_needed", lang), &f.needs_attention()},
      };
  for (const auto& [heading, list] : lists) {
    if (list->empty()) {
      absl::StrAppend(&out, "  ", heading, ": ", Say("follow_up_none", lang),
                      "\n");
      continue;
    }
    absl::StrAppend(&out, "  ", heading, ": ", list->size(), "\n");
    for (const v1::Action& a : *list) {
      absl::StrAppend(&out, "    ", ActionLine(a, lang), "\n");
    }
  }
  absl::StrAppend(
      &out, "  ",
      Say("follow_up_rates", lang,
          f.has_completion_rate() ? FormatPercent(f.completion_rate())
                                  : Say("rate_none", lang),
          f.has_on_time_rate() ? FormatPercent(f.on_time_rate())
                               : Say("rate_none", lang)),
      "\n");
  return out;
}

std::string RenderCheckStatus(const v1::CheckStatus& status,
                              absl::CivilDay as_of, Language lang) {
  std::string state;
  switch (status.state()) {
    case v1::CHECK_STATE_DUE:
      state = Say("check_due", lang);
      break;
    case v1::CHECK_STATE_OVERDUE:
      state = Say("check_overdue", lang);
      break;
    default:
      state = Say("check_not_due", lang);
      break;
  }
  std::string out = absl::StrCat(
      Say("check_heading", lang, FormatCivilDate(as_of), state), "\n");
  if (status.anchor().empty()) {
    absl::StrAppend(&out, "  ", Say("check_no_anchor", lang), "\n");
  } else if (!status.last_check_id().empty()) {
    absl::StrAppend(
        &out, "  ",
        Say("check_window_check", lang, status.window_start(),
            status.window_end(), status.last_check_id(), status.anchor()),
        "\n");
  } else {
    absl::StrAppend(&out, "  ",
                    Say("check_window_plan", lang, status.window_start(),
                        status.window_end(), status.anchor()),
                    "\n");
  }
  return out;
}

std::string MemberLabel(const Journal& journal, absl::string_view id) {
  for (const v1::Member& m : journal.proto().team().members()) {
    if (m.id() == id && m.display_name() != id) {
      return absl::StrCat(id, " (", m.display_name(), ")");
    }
  }
  return std::string(id);
}

std::string RenderGuardian(const Journal& journal, absl::CivilDay on,
                           Language lang) {
  absl::StatusOr<std::string> guardian = journal.Guardian(on);
  std::string out =
      absl::StrCat(Say("guardian_heading", lang, FormatCivilDate(on),
                       guardian.ok() ? MemberLabel(journal, *guardian)
                                     : Say("guardian_nobody", lang)),
                   "\n");
  std::vector<const v1::GuardianTerm*> terms;
  for (const v1::GuardianTerm& t : journal.proto().guardians()) {
    absl::StatusOr<absl::CivilDay> since = ParseCivilDate(t.since(), "since");
    if (since.ok() && *since <= on) terms.push_back(&t);
  }
  if (terms.empty()) {
    absl::StrAppend(&out, "  ", Say("guardian_no_terms", lang), "\n");
    return out;
  }
  absl::StrAppend(&out, "  ", Say("guardian_history", lang), ":\n");
  for (const v1::GuardianTerm* t : terms) {
    const char* reason =
        t->reason() == v1::GUARDIAN_REASON_FIRST      ? "guardian_first"
        : t->reason() == v1::GUARDIAN_REASON_HANDOVER ? "guardian_handover"
                                                      : "guardian_rotation";
    absl::StrAppend(&out, "    ", t->since(), "  ",
                    MemberLabel(journal, t->member_id()), "  ",
                    Say(reason, lang), "\n");
  }
  return out;
}

std::string RenderPlan(const Journal& journal, const v1::Plan& plan,
                       Language lang) {
  absl::StatusOr<Pillar> focus = PillarFromProto(plan.focus());
  std::string out = absl::StrCat(
      Say("plan_heading", lang, plan.id(), plan.round_id(), plan.created(),
          focus.ok() ? PillarName(*focus, lang) : std::string("?")),
      "\n");
  if (!plan.note().empty()) {
    absl::StrAppend(&out, "  ", Say("plan_note", lang, plan.note()), "\n");
  }
  for (const std::string& id : plan.action_ids()) {
    for (const v1::Action& a : journal.proto().actions()) {
      if (a.id() == id)
        absl::StrAppend(&out, "    ", ActionLine(a, lang), "\n");
    }
  }
  return out;
}

std::string RenderCheck(const Journal& journal, const v1::Check& check,
                        Language lang) {
  std::string out =
      absl::StrCat(Say("check_record_heading", lang, check.id(), check.date(),
                       MemberLabel(journal, check.facilitator_id())),
                   "\n");
  const std::pair<const char*,
                  const google::protobuf::RepeatedPtrField<std::string>*>
      prompts[] = {{"check_helps", &check.helps()},
                   {"check_chafes", &check.chafes()},
                   {"check_hinders", &check.hinders()},
                   {"check_agreements", &check.agreements()}};
  for (const auto& [key, list] : prompts) {
    for (const std::string& text : *list) {
      absl::StrAppend(&out, "  ", Say(key, lang), ": ", text, "\n");
    }
  }
  for (const v1::ActionReview& r : check.reviews()) {
    std::string outcome;
    switch (r.outcome()) {
      case v1::REVIEW_OUTCOME_DONE:
        outcome = Say("review_done", lang);
        break;
      case v1::REVIEW_OUTCOME_DROPPED:
        outcome = Say("review_dropped", lang);
        break;
      case v1::REVIEW_OUTCOME_REPLANNED:
        outcome = Say("review_replanned", lang, r.new_due());
        break;
      default:
        outcome = Say("review_kept", lang);
        break;
    }
    absl::StrAppend(&out, "  ", Say("check_reviews", lang), ": ", r.action_id(),
                    " ", outcome);
    if (!r.note().empty()) absl::StrAppend(&out, " (", r.note(), ")");
    absl::StrAppend(&out, "\n");
  }
  for (const std::string& id : check.action_ids()) {
    for (const v1::Action& a : journal.proto().actions()) {
      if (a.id() == id) {
        absl::StrAppend(&out, "  ", Say("check_new_actions", lang), ": ",
                        ActionLine(a, lang), "\n");
      }
    }
  }
  for (const v1::SignalTick& t : journal.proto().charter().signals()) {
    absl::StatusOr<Pillar> pillar = PillarFromProto(t.pillar());
    if (t.check_id() != check.id() || !pillar.ok()) continue;
    absl::StrAppend(&out, "  ", Say("check_signal", lang), ": ",
                    SignalLabel(*pillar, t.signal()), " ",
                    SignalText(*pillar, t.signal(), lang), "\n");
  }
  return out;
}

}  // namespace fives::cli
