// The screen of the charter review.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "fives/charter.h"
#include "fives/charter_phrases.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "screens.h"

namespace fives::screens {
namespace {

// "strategy:2 Many decisions ...: ticked at 2 of 2 checks (since D), also
// at the latest check".
std::string SignalCountLine(Pillar pillar, const v1::SignalCount& s, int checks,
                            Language lang) {
  const std::string text = SignalText(pillar, s.number(), lang);
  return absl::StrCat(
      Say("charter_signal_line", lang,
          absl::StrCat(SignalLabel(pillar, s.number(), lang), " ",
                       absl::StripSuffix(text, ".")),
          s.checks(), checks, FormatLongDate(s.first(), lang)),
      ", ",
      Say(s.at_latest_check() ? "charter_signal_latest" : "charter_signal_gone",
          lang));
}

// The lines of one pillar after its readiness.
void PillarLines(const v1::PillarCharterReview& pr, Pillar pillar, int checks,
                 Language lang, Outline& out) {
  if (pr.missing_size() > 0) {
    std::vector<std::string> missing;
    for (const std::string& key : pr.missing()) {
      missing.emplace_back(AgreementName(key, lang));
    }
    out.Line(1, absl::StrCat(Say("col_missing", lang), ": ",
                             absl::StrJoin(missing, "; ")));
  }
  std::vector<std::string> stale;
  for (const v1::AgreementStatus& a : pr.agreements()) {
    if (a.state() != v1::AGREEMENT_STATE_STALE) continue;
    stale.push_back(absl::StrCat(
        AgreementName(a.key(), lang), " (",
        Say("charter_confirmed", lang, FormatLongDate(a.updated(), lang)),
        ")"));
  }
  if (!stale.empty()) {
    out.Line(1, absl::StrCat(Say("col_stale", lang), ": ",
                             absl::StrJoin(stale, "; ")));
  }
  if (pr.signals_size() > 0) {
    out.Line(1, absl::StrCat(Say("col_signals", lang), ":"));
    for (const v1::SignalCount& s : pr.signals()) {
      out.Item(2, SignalCountLine(pillar, s, checks, lang));
    }
  }
  for (const v1::Finding& f : pr.findings()) {
    out.Line(1, absl::StrCat(Say(f.severity() == v1::FINDING_SEVERITY_ERROR
                                     ? "finding_error"
                                     : "finding_warning",
                                 lang),
                             ": ", FindingText(f, lang)));
  }
}

// "Next agreement: NAME (PILLAR, why). NEXT STEP.", or that every
// agreement is in place.
std::string NextLine(const v1::CharterReview& review, Language lang) {
  if (!review.has_next()) return Say("charter_complete", lang);
  const v1::NextAgreement& next = review.next();
  absl::StatusOr<Pillar> pillar = PillarFromProto(next.pillar());
  return Say("charter_next", lang, AgreementName(next.key(), lang),
             absl::StrCat(pillar.ok() ? PillarName(*pillar, lang) : "?", ", ",
                          Say(next.reason() == v1::NEXT_REASON_PLAN_FOCUS
                                  ? "charter_next_plan_focus"
                                  : "charter_next_lowest_readiness",
                              lang)),
             AgreementNextStep(next.key(), lang));
}

}  // namespace

Outline CharterReviewOutline(const Journal& journal,
                             const v1::CharterReview& review, Language lang) {
  Outline out;
  out.Title(absl::StrCat(Say("charter_title", lang), ": ",
                         journal.proto().team().name()));
  out.Line(0, Say("charter_as_of", lang, FormatLongDate(review.as_of(), lang),
                  review.stale_days()));
  out.Line(0,
           Say("charter_findings", lang, review.errors(), review.warnings()));
  for (const v1::PillarCharterReview& pr : review.pillars()) {
    absl::StatusOr<Pillar> pillar = PillarFromProto(pr.pillar());
    if (!pillar.ok()) continue;
    int in_place = 0;
    for (const v1::AgreementStatus& a : pr.agreements()) {
      if (a.state() == v1::AGREEMENT_STATE_IN_PLACE) ++in_place;
    }
    out.Heading(absl::StrCat(PillarName(*pillar, lang), ": ",
                             Say("col_readiness", lang), " ", in_place, "/",
                             pr.agreements_size()));
    PillarLines(pr, *pillar, review.checks(), lang, out);
  }
  out.Paragraph(NextLine(review, lang));
  return out;
}

}  // namespace fives::screens
