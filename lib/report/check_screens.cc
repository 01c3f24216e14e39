// The screens of the collaboration check and the process guardian.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/catalog.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "screens.h"

namespace fives::screens {
namespace {

const char* CheckStateKey(v1::CheckState state) {
  switch (state) {
    case v1::CHECK_STATE_DUE:
      return "check_due";
    case v1::CHECK_STATE_OVERDUE:
      return "check_overdue";
    default:
      return "check_not_due";
  }
}

std::string ReviewOutcome(const v1::ActionReview& r, Language lang) {
  switch (r.outcome()) {
    case v1::REVIEW_OUTCOME_DONE:
      return Say("review_done", lang);
    case v1::REVIEW_OUTCOME_DROPPED:
      return Say("review_dropped", lang);
    case v1::REVIEW_OUTCOME_REPLANNED:
      return Say("review_replanned", lang, FormatLongDate(r.new_due(), lang));
    default:
      return Say("review_kept", lang);
  }
}

}  // namespace

Outline CheckDueOutline(const Journal& journal, const v1::CheckDue& due,
                        Language lang) {
  const v1::CheckStatus& status = due.status();
  Outline out;
  out.Title(Say("check_heading", lang, FormatLongDate(due.as_of(), lang),
                Say(CheckStateKey(status.state()), lang)));
  if (status.anchor().empty()) {
    out.Line(1, Say("check_no_anchor", lang));
  } else if (!status.last_check_id().empty()) {
    out.Line(
        1, Say("check_window_check", lang,
               FormatLongDate(status.window_start(), lang),
               FormatLongDate(status.window_end(), lang),
               status.last_check_id(), FormatLongDate(status.anchor(), lang)));
  } else {
    out.Line(1, Say("check_window_plan", lang,
                    FormatLongDate(status.window_start(), lang),
                    FormatLongDate(status.window_end(), lang),
                    FormatLongDate(status.anchor(), lang)));
  }
  if (!due.guardian_id().empty()) {
    out.Line(
        1, Say("check_led_by", lang, MemberLabel(journal, due.guardian_id())));
  }
  out.Line(1, Say("check_to_review", lang, due.to_review_size()));
  for (const v1::Action& a : due.to_review()) out.Line(2, ActionLine(a, lang));
  return out;
}

Outline CheckOutline(const Journal& journal, const v1::Check& check,
                     Language lang) {
  Outline out;
  out.Title(Say("check_record_heading", lang, check.id(),
                FormatLongDate(check.date(), lang),
                MemberLabel(journal, check.facilitator_id())));
  const std::pair<const char*,
                  const google::protobuf::RepeatedPtrField<std::string>*>
      prompts[] = {{"check_helps", &check.helps()},
                   {"check_chafes", &check.chafes()},
                   {"check_hinders", &check.hinders()},
                   {"check_agreements", &check.agreements()}};
  for (const auto& [key, list] : prompts) {
    for (const std::string& text : *list) {
      out.Line(1, absl::StrCat(Say(key, lang), ": ", text));
    }
  }
  for (const v1::ActionReview& r : check.reviews()) {
    std::string line = absl::StrCat(Say("check_reviews", lang), ": ",
                                    r.action_id(), " ", ReviewOutcome(r, lang));
    if (!r.note().empty()) absl::StrAppend(&line, " (", r.note(), ")");
    out.Line(1, std::move(line));
  }
  for (const std::string& id : check.action_ids()) {
    for (const v1::Action& a : journal.proto().actions()) {
      if (a.id() == id) {
        out.Line(1, absl::StrCat(Say("check_new_actions", lang), ": ",
                                 ActionLine(a, lang)));
      }
    }
  }
  for (const v1::SignalTick& t : journal.proto().charter().signals()) {
    absl::StatusOr<Pillar> pillar = PillarFromProto(t.pillar());
    if (t.check_id() != check.id() || !pillar.ok()) continue;
    out.Line(1, absl::StrCat(Say("check_signal", lang), ": ",
                             SignalLabel(*pillar, t.number(), lang), " ",
                             SignalText(*pillar, t.number(), lang)));
  }
  // The role rotates at the check: the term it began.
  for (const v1::GuardianTerm& t : journal.proto().guardians()) {
    if (t.since() == check.date() &&
        t.reason() == v1::GUARDIAN_REASON_ROTATION) {
      out.Line(1, Say("check_next_guardian", lang,
                      MemberLabel(journal, t.member_id())));
    }
  }
  return out;
}

Outline GuardianOutline(const Journal& journal, absl::CivilDay on,
                        Language lang) {
  const v1::GuardianReport report = journal.GuardianReportOn(on);
  Outline out;
  out.Title(Say("guardian_heading", lang, FormatLongDate(report.as_of(), lang),
                report.guardian_id().empty()
                    ? Say("guardian_nobody", lang)
                    : MemberLabel(journal, report.guardian_id())));
  if (report.history().empty()) {
    out.Line(1, Say("guardian_no_terms", lang));
    return out;
  }
  out.Line(1, absl::StrCat(Say("guardian_history", lang), ":"));
  for (const v1::GuardianTerm& t : report.history()) {
    const char* reason =
        t.reason() == v1::GUARDIAN_REASON_FIRST      ? "guardian_first"
        : t.reason() == v1::GUARDIAN_REASON_HANDOVER ? "guardian_handover"
                                                     : "guardian_rotation";
    out.Line(2, absl::StrCat(FormatLongDate(t.since(), lang), "  ",
                             MemberLabel(journal, t.member_id()), "  ",
                             Say(reason, lang)));
  }
  return out;
}

}  // namespace fives::screens
