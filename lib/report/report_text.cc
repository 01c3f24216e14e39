#include "fives/report_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/strings/substitute.h"
#include "fives/charter.h"
#include "fives/charter_phrases.h"
#include "fives/civil_date.h"
#include "fives/pillar.h"
#include "fives/privacy_thresholds.h"
#include "fives/report_suggestions.h"
#include "fives/string_rules.h"

namespace fives {
namespace {

constexpr absl::string_view kMissing = "–";

}  // namespace

std::string TextTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], CountCodePoints(row[i]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      absl::StrAppend(
          &line, i + 1 < row.size() ? PadRight(row[i], widths[i] + 2) : row[i]);
    }
    absl::StrAppend(&out, line, "\n");
  }
  return out;
}

std::string FocusReasonText(const v1::FocusCandidate& c, Language lang) {
  const std::string mean = OptionalDecimal(c.has_mean(), c.mean(), 2, lang);
  switch (c.reason()) {
    case v1::FOCUS_REASON_LOWEST_MEAN:
      return Say("reason_lowest_mean", lang, mean);
    case v1::FOCUS_REASON_LARGEST_GAP:
      return Say("reason_largest_gap", lang,
                 OptionalDecimal(c.has_gap(), c.gap(), 2, lang),
                 OptionalDecimal(c.has_gap() && c.has_mean(),
                                 c.gap() + c.mean(), 2, lang));
    case v1::FOCUS_REASON_TIE_CONSENSUS:
      return Say("reason_tie_consensus", lang,
                 OptionalDecimal(c.has_consensus(), c.consensus(), 3, lang));
    case v1::FOCUS_REASON_TIE_ORDER:
      return Say("reason_tie_order", lang);
    case v1::FOCUS_REASON_NOT_ENOUGH_DATA:
    default:
      return Say("reason_not_enough_data", lang);
  }
}

std::string FormatLongDate(absl::string_view iso_date, Language language) {
  absl::StatusOr<absl::CivilDay> day = ParseCivilDate(iso_date, "date");
  if (!day.ok()) return std::string(iso_date);
  return absl::StrCat(day->day(), " ",
                      Phrase(absl::StrCat("month_", day->month()), language),
                      " ", day->year());
}

std::string ActionStatusText(v1::ActionStatus status, Language language) {
  switch (status) {
    case v1::ACTION_STATUS_OPEN:
      return Say("status_open", language);
    case v1::ACTION_STATUS_DONE:
      return Say("status_done", language);
    case v1::ACTION_STATUS_DROPPED:
      return Say("status_dropped", language);
    default:
      return Say("status_proposed", language);
  }
}

std::string FormatDecimal(double value, int decimals, Language language) {
  // std::to_chars formats as printf's %.*f does, without a locale and
  // without allocating: absl::StrFormat allocates inside a library built so
  // that a std::bad_alloc there ends the process instead of reaching the
  // C ABI's guard. 400 characters hold any double in fixed notation with up
  // to 80 decimals.
  char digits[400];
  const int places = std::clamp(decimals, 0, 80);
  const std::to_chars_result r = std::to_chars(
      digits, digits + sizeof digits, value, std::chars_format::fixed, places);
  std::string text(digits, r.ec == std::errc() ? r.ptr : digits);
  // "-0.00" reads as a change that is not there.
  if (text.size() > 1 && text[0] == '-' &&
      text.find_first_not_of("0.", 1) == std::string::npos) {
    text.erase(0, 1);
  }
  if (language == Language::kDutch) absl::StrReplaceAll({{".", ","}}, &text);
  return text;
}

std::string OptionalDecimal(bool has, double value, int decimals,
                            Language language) {
  return has ? FormatDecimal(value, decimals, language) : std::string(kMissing);
}

std::string FormatSignedDecimal(double value, int decimals, Language language) {
  std::string text = FormatDecimal(value, decimals, language);
  if (value > 0 && text.find_first_not_of("0.,") != std::string::npos) {
    text.insert(0, "+");
  }
  return text;
}

std::string FormatPercent(double share) {
  return absl::StrCat(static_cast<int>(std::lround(share * 100)), "%");
}

std::string CountsText(const v1::PillarStats& stats) {
  return stats.histogram_size() == 5 ? absl::StrJoin(stats.histogram(), " ")
                                     : std::string(kMissing);
}

std::string PadRight(absl::string_view text, size_t width) {
  std::string out(text);
  const size_t w = CountCodePoints(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

absl::string_view LabelText(v1::AgreementLabel label, Language language) {
  switch (label) {
    case v1::AGREEMENT_LABEL_SHARED:
      return Phrase("label_shared", language);
    case v1::AGREEMENT_LABEL_MIXED:
      return Phrase("label_mixed", language);
    case v1::AGREEMENT_LABEL_SPLIT:
      return Phrase("label_split", language);
    default:
      return Phrase("label_single", language);
  }
}

std::string DisclosureNote(const v1::PillarStats& s,
                           const v1::PrivacyThresholds& thresholds,
                           Language lang) {
  const PrivacyThresholds t =
      PrivacyThresholds::FromProto(thresholds).value_or(PrivacyThresholds{});
  switch (s.disclosure()) {
    case v1::DISCLOSURE_TOO_FEW_RESPONSES:
      return Say("withheld_too_few", lang, t.min_responses);
    case v1::DISCLOSURE_NO_DISTRIBUTION:
      if (!s.held_back_against().empty()) {
        return Say("withheld_distribution_differenced", lang,
                   s.held_back_against(), t.min_distribution);
      }
      return Say("withheld_distribution", lang, t.min_distribution);
    case v1::DISCLOSURE_HELD_BACK:
      if (s.held_back_combination()) {
        return Say("withheld_held_back_combination", lang,
                   s.held_back_against());
      }
      return Say("withheld_held_back", lang, s.held_back_against(),
                 t.min_responses);
    default:
      break;
  }
  if (s.differencing_warning()) {
    return Say("differencing_warning", lang, s.held_back_against());
  }
  return "";
}

namespace {

// The catalog's names for the two sides of a comparison.
struct SideKeys {
  absl::string_view before, after, both;
};

std::string NotComparableNote(const v1::PillarTrend& t, const SideKeys& keys,
                              absl::string_view before_name,
                              absl::string_view after_name, Language lang) {
  if (t.verdict() != v1::TREND_VERDICT_NOT_ENOUGH_DATA) return "";
  const bool before = t.before_disclosure() != v1::DISCLOSURE_FULL;
  const bool after = t.after_disclosure() != v1::DISCLOSURE_FULL;
  auto why = [&](v1::Disclosure d) {
    return Say(d == v1::DISCLOSURE_NO_DISTRIBUTION ? "compare_why_mean_only"
                                                   : "compare_why_nothing",
               lang);
  };
  std::string side;
  if (before && after && t.before_disclosure() == t.after_disclosure()) {
    side = Say(keys.both, lang, why(t.before_disclosure()));
  } else {
    std::vector<std::string> sides;
    if (before) {
      sides.push_back(absl::StrCat(Say(keys.before, lang, before_name), " ",
                                   why(t.before_disclosure())));
    }
    if (after) {
      sides.push_back(absl::StrCat(Say(keys.after, lang, after_name), " ",
                                   why(t.after_disclosure())));
    }
    side = absl::StrJoin(sides, "; ");
  }
  return Say("compare_not_full", lang, side);
}

}  // namespace

std::string ComparisonNote(const v1::PillarTrend& t, Language lang) {
  return NotComparableNote(
      t, {"compare_side_before", "compare_side_after", "compare_side_both"},
      t.before_round_id(), t.after_round_id(), lang);
}

std::string PeriodComparisonNote(const v1::PillarTrend& t,
                                 absl::string_view before,
                                 absl::string_view after, Language lang) {
  return NotComparableNote(
      t,
      {"compare_side_before_period", "compare_side_after_period",
       "compare_side_both_periods"},
      before, after, lang);
}

std::string VerdictText(const v1::PillarTrend& t, Language lang) {
  const std::string alpha = FormatDecimal(t.alpha(), 2, lang);
  switch (t.verdict()) {
    case v1::TREND_VERDICT_IMPROVED:
      return Say("verdict_improved", lang, alpha);
    case v1::TREND_VERDICT_DECLINED:
      return Say("verdict_declined", lang, alpha);
    case v1::TREND_VERDICT_TOO_SMALL_TO_TELL:
      return Say("verdict_too_small", lang, t.n_before(), t.n_after(), alpha);
    default:
      return ComparisonNote(t, lang);
  }
}

std::string VerdictWord(const v1::PillarTrend& t, Language lang) {
  switch (t.verdict()) {
    case v1::TREND_VERDICT_IMPROVED:
      return Say("verdict_word_improved", lang);
    case v1::TREND_VERDICT_DECLINED:
      return Say("verdict_word_declined", lang);
    case v1::TREND_VERDICT_TOO_SMALL_TO_TELL:
      return Say("verdict_word_too_small", lang);
    default:
      return Say("verdict_word_none", lang);
  }
}

std::string PerceptionText(const v1::RoundReport& report, Pillar pillar,
                           Language lang) {
  for (const v1::PillarStats& s : report.pillars()) {
    if (s.pillar() != ToProto(pillar)) continue;
    if (s.disclosure() == v1::DISCLOSURE_TOO_FEW_RESPONSES ||
        s.disclosure() == v1::DISCLOSURE_HELD_BACK) {
      return Say("perception_withheld", lang, s.n(),
                 report.thresholds().min_responses());
    }
    if (!s.has_mean()) return std::string(kMissing);
    if (s.disclosure() != v1::DISCLOSURE_FULL) {
      return FormatDecimal(s.mean(), 2, lang);  // no label below the floor
    }
    return absl::StrCat(FormatDecimal(s.mean(), 2, lang), " (",
                        LabelText(s.label(), lang), ")");
  }
  return Say("perception_not_asked", lang);
}

Readiness ReadinessOf(const v1::PillarCharterReview& pillar) {
  Readiness r;
  for (const v1::AgreementStatus& a : pillar.agreements()) {
    ++r.total;
    if (a.state() == v1::AGREEMENT_STATE_IN_PLACE) ++r.in_place;
  }
  return r;
}

std::string OpenAgreementsText(const v1::PillarCharterReview& pillar,
                               Language lang) {
  std::vector<std::string> names;
  for (const v1::AgreementStatus& a : pillar.agreements()) {
    if (a.state() == v1::AGREEMENT_STATE_MISSING) {
      names.emplace_back(AgreementName(a.key(), lang));
    } else if (a.state() == v1::AGREEMENT_STATE_STALE) {
      names.push_back(absl::StrCat(AgreementName(a.key(), lang), " (",
                                   Say("agreement_state_stale", lang), ")"));
    }
  }
  return names.empty() ? std::string(kMissing) : absl::StrJoin(names, ", ");
}

std::vector<std::string> PresentSignalLines(
    const v1::CharterReview& review, const v1::PillarCharterReview& pillar,
    Language lang) {
  std::vector<std::string> lines;
  if (!IsValidPillar(pillar.pillar())) return lines;
  const auto& signals =
      PillarTextsFor(*PillarFromProto(pillar.pillar()), lang).warning_signals();
  for (const v1::SignalCount& s : pillar.signals()) {
    if (!s.at_latest_check()) continue;
    // The catalog's sentence without its full stop: the line goes on.
    const std::string text =
        s.number() >= 1 && s.number() <= signals.size()
            ? std::string(absl::StripSuffix(signals[s.number() - 1], "."))
            : absl::StrCat("#", s.number());
    lines.push_back(Say("charter_signal_line", lang, text, s.checks(),
                        review.checks(), FormatLongDate(s.first(), lang)));
  }
  return lines;
}

std::string NextAgreementText(const v1::CharterReview& review, Language lang) {
  if (!review.has_next() || !IsValidPillar(review.next().pillar())) {
    return Say("charter_complete", lang);
  }
  const v1::NextAgreement& next = review.next();
  const std::string reason =
      absl::StrCat(PillarName(*PillarFromProto(next.pillar()), lang), ", ",
                   Say(next.reason() == v1::NEXT_REASON_PLAN_FOCUS
                           ? "charter_next_plan_focus"
                           : "charter_next_lowest_readiness",
                       lang));
  return Say("charter_next", lang, AgreementName(next.key(), lang), reason,
             AgreementNextStep(next.key(), lang));
}

namespace {

// The section "Perception and agreements" of the text report.
std::string CharterSection(const v1::RoundReport& report, Language lang) {
  const v1::CharterReview& review = report.charter();
  std::string out = absl::StrCat(
      "\n", Say("charter_side_by_side", lang), "\n",
      Say("charter_as_of", lang, FormatLongDate(review.as_of(), lang),
          review.stale_days()),
      "\n");
  std::vector<std::vector<std::string>> rows;
  rows.push_back(
      {Say("col_pillar", lang), Say("col_perception", lang),
       Say("col_readiness", lang),
       absl::StrCat(Say("col_missing", lang), " / ", Say("col_stale", lang))});
  std::vector<std::string> signals;
  for (const v1::PillarCharterReview& p : review.pillars()) {
    if (!IsValidPillar(p.pillar())) continue;
    const Pillar pillar = *PillarFromProto(p.pillar());
    const Readiness r = ReadinessOf(p);
    rows.push_back(
        {PillarName(pillar, lang), PerceptionText(report, pillar, lang),
         absl::StrCat(r.in_place, "/", r.total), OpenAgreementsText(p, lang)});
    for (const std::string& line : PresentSignalLines(review, p, lang)) {
      signals.push_back(
          absl::StrCat("  - ", PillarName(pillar, lang), " — ", line));
    }
  }
  absl::StrAppend(&out, TextTable(rows), NextAgreementText(review, lang), "\n");
  if (!signals.empty()) {
    absl::StrAppend(&out, Say("charter_signals_heading", lang), ":\n",
                    absl::StrJoin(signals, "\n"), "\n");
  }
  return out;
}

}  // namespace

std::string RenderReportText(const v1::RoundReport& report, Language lang) {
  std::string out;
  absl::StrAppend(&out, Say("report_title", lang, report.team_name()), "\n");
  const std::string mode = Say(
      report.mode() == v1::ROUND_MODE_OPEN ? "mode_open" : "mode_confidential",
      lang);
  absl::StrAppend(&out,
                  Say("round_line", lang, report.round_id(),
                      FormatLongDate(report.round_date(), lang), mode,
                      report.respondents(), report.members()),
                  "\n\n");

  // Plain words first; the figures follow as details.
  std::vector<std::vector<std::string>> plain;
  for (const v1::PillarStats& s : report.pillars()) {
    plain.push_back(
        {absl::StrCat("  ", PillarName(*PillarFromProto(s.pillar()), lang)),
         PlainWordsText(s, report.thresholds(), lang)});
  }
  if (!plain.empty()) {
    absl::StrAppend(&out, Say("plain_heading", lang), "\n", TextTable(plain),
                    "\n");
  }

  std::vector<std::vector<std::string>> rows;
  rows.push_back({Say("col_pillar", lang), Say("col_n", lang),
                  Say("col_mean", lang), Say("col_median", lang),
                  Say("col_sd", lang), Say("col_distribution", lang),
                  Say("col_rwg", lang), Say("col_consensus", lang),
                  Say("col_agreement", lang), Say("col_label", lang)});
  std::vector<std::string> notes;
  std::vector<std::pair<std::string, std::string>> withheld;  // pillars, note
  for (const v1::PillarStats& s : report.pillars()) {
    const Pillar p = *PillarFromProto(s.pillar());
    std::vector<std::string> row = {PillarName(p, lang), absl::StrCat(s.n())};
    const std::string note = DisclosureNote(s, report.thresholds(), lang);
    if (!note.empty()) {
      // Pillars with the same note share one line.
      auto same = std::find_if(withheld.begin(), withheld.end(),
                               [&](const auto& w) { return w.second == note; });
      if (same == withheld.end()) {
        withheld.push_back({PillarName(p, lang), note});
      } else {
        absl::StrAppend(&same->first, ", ", PillarName(p, lang));
      }
    }
    if (!s.has_mean()) {  // only n
      row.push_back(std::string(kMissing));
      rows.push_back(std::move(row));
      continue;
    }
    row.push_back(OptionalDecimal(s.has_mean(), s.mean(), 2, lang));
    row.push_back(OptionalDecimal(s.has_median(), s.median(), 1, lang));
    row.push_back(OptionalDecimal(s.has_sd(), s.sd(), 2, lang));
    row.push_back(CountsText(s));
    row.push_back(OptionalDecimal(s.has_rwg(), s.rwg(), 2, lang));
    row.push_back(OptionalDecimal(s.has_consensus(), s.consensus(), 2, lang));
    row.push_back(OptionalDecimal(s.has_agreement(), s.agreement(), 2, lang));
    row.push_back(s.disclosure() == v1::DISCLOSURE_FULL
                      ? std::string(LabelText(s.label(), lang))
                      : std::string(kMissing));
    rows.push_back(std::move(row));
    if (s.ad_above_cutoff()) {
      notes.push_back(absl::StrCat(
          PillarName(p, lang), ": ",
          Say("ad_above_cutoff", lang,
              FormatDecimal(report.agreement().ad_cutoff(), 2, lang))));
    }
  }
  absl::StrAppend(&out, TextTable(rows));
  for (const auto& [pillars, note] : withheld) {
    absl::StrAppend(&out, "  * ", pillars, ": ", note, "\n");
  }
  for (const std::string& note : notes)
    absl::StrAppend(&out, "  * ", note, "\n");
  absl::StrAppend(&out, "\n", Say("legend_heading", lang), "\n");
  for (const std::string& line : MeasureLegend(report, lang)) {
    absl::StrAppend(&out, "  ", line, "\n");
  }

  // Open rounds: who gave which score.
  if (report.mode() == v1::ROUND_MODE_OPEN && !report.pillars().empty()) {
    std::vector<std::string> member_order;
    std::vector<std::vector<std::string>> member_rows;
    std::vector<std::string> header = {""};
    for (const v1::PillarStats& s : report.pillars()) {
      header.push_back(PillarName(*PillarFromProto(s.pillar()), lang));
      for (const v1::MemberScore& m : s.scores()) {
        if (std::find(member_order.begin(), member_order.end(),
                      m.member_id()) == member_order.end()) {
          member_order.push_back(m.member_id());
        }
      }
    }
    std::sort(member_order.begin(), member_order.end());
    member_rows.push_back(header);
    for (const std::string& id : member_order) {
      std::vector<std::string> row = {id};
      for (const v1::PillarStats& s : report.pillars()) {
        std::string cell(kMissing);
        for (const v1::MemberScore& m : s.scores()) {
          if (m.member_id() != id) continue;
          cell = absl::StrCat(m.score());
          if (!m.display_name().empty()) row[0] = m.display_name();
        }
        row.push_back(cell);
      }
      member_rows.push_back(std::move(row));
    }
    if (!member_order.empty()) {
      absl::StrAppend(&out, "\n", Say("scores_heading", lang), "\n",
                      TextTable(member_rows));
    }
  }

  absl::StrAppend(&out, "\n", Say("ranking_heading", lang), "\n");
  for (const v1::FocusCandidate& c : report.ranking()) {
    absl::StrAppend(&out, "  ", c.rank(), ". ",
                    PillarName(*PillarFromProto(c.pillar()), lang), ": ",
                    FocusReasonText(c, lang));
    if (c.talk_first())
      absl::StrAppend(&out, " (", Say("talk_first", lang), ")");
    absl::StrAppend(&out, "\n");
  }
  absl::StrAppend(&out, "\n");
  if (report.focus() == v1::PILLAR_UNSPECIFIED) {
    absl::StrAppend(&out, Say("no_focus", lang), "\n");
  } else {
    const Pillar focus = *PillarFromProto(report.focus());
    absl::StrAppend(&out, Say("focus_heading", lang, PillarName(focus, lang)),
                    "\n");
    if (report.ranking_size() > 0 && report.ranking(0).talk_first()) {
      absl::StrAppend(&out, "  ", Say("talk_first", lang), "\n");
    }
    absl::StrAppend(&out, Say("suggestions_heading", lang), ":\n");
    for (const std::string& s : FocusSuggestions(report, lang)) {
      absl::StrAppend(&out, "  - ", s, "\n");
    }
  }
  if (report.has_charter()) absl::StrAppend(&out, CharterSection(report, lang));
  return out;
}

std::string PlainWordsText(const v1::PillarStats& s,
                           const v1::PrivacyThresholds& thresholds,
                           Language lang) {
  if (s.disclosure() == v1::DISCLOSURE_HELD_BACK) {
    return Say("plain_held_back", lang);
  }
  if (s.disclosure() == v1::DISCLOSURE_TOO_FEW_RESPONSES || !s.has_mean()) {
    return Say("plain_too_few", lang, s.n(), thresholds.min_responses());
  }
  const std::string mean = FormatDecimal(s.mean(), 2, lang);
  if (s.disclosure() != v1::DISCLOSURE_FULL) {
    return Say("plain_mean_only", lang, mean);
  }
  switch (s.label()) {
    case v1::AGREEMENT_LABEL_SHARED:
      return Say("plain_shared", lang, mean);
    case v1::AGREEMENT_LABEL_MIXED:
      return Say("plain_mixed", lang, mean, s.min(), s.max());
    case v1::AGREEMENT_LABEL_SPLIT:
      return Say("plain_split", lang, s.min(), s.max());
    default:
      return Say("plain_single", lang, mean);
  }
}

std::vector<std::string> MeasureLegend(const v1::RoundReport& report,
                                       Language lang) {
  const bool distributions =
      std::any_of(report.pillars().begin(), report.pillars().end(),
                  [](const v1::PillarStats& s) {
                    return s.disclosure() == v1::DISCLOSURE_FULL;
                  });
  if (!distributions) return {Say("legend_n", lang), Say("legend_mean", lang)};
  const v1::AgreementThresholds& a = report.agreement();
  return {Say("legend_n", lang),
          Say("legend_mean", lang),
          Say("legend_sd", lang),
          Say("legend_counts", lang),
          Say("legend_rwg", lang, FormatDecimal(a.shared_rwg(), 2, lang)),
          Say("legend_consensus", lang),
          Say("legend_agreement", lang,
              FormatDecimal(a.split_agreement(), 2, lang)),
          Say("legend_label", lang),
          Say("legend_ad", lang, FormatDecimal(a.ad_cutoff(), 2, lang))};
}

std::string EffectSizeText(v1::EffectSize size, Language lang) {
  switch (size) {
    case v1::EFFECT_SIZE_NEGLIGIBLE:
      return Say("effect_negligible", lang);
    case v1::EFFECT_SIZE_SMALL:
      return Say("effect_small", lang);
    case v1::EFFECT_SIZE_MEDIUM:
      return Say("effect_medium", lang);
    case v1::EFFECT_SIZE_LARGE:
      return Say("effect_large", lang);
    default:
      return "";
  }
}

std::string PValueText(double p, Language lang) {
  if (p < 0.001) return absl::StrCat("< ", FormatDecimal(0.001, 3, lang));
  return FormatDecimal(p, 3, lang);
}

VerdictView VerdictOf(const v1::RoundReport& report, Language lang) {
  VerdictView view;
  if (report.plan_id().empty() || !report.has_focus_trend()) {
    view.heading = Say("verdict_none", lang);
    return view;
  }
  const v1::PillarTrend& t = report.focus_trend();
  absl::StatusOr<Pillar> pillar = PillarFromProto(t.pillar());
  view.heading = Say("verdict_heading", lang,
                     pillar.ok() ? PillarName(*pillar, lang) : "?",
                     report.plan_id(), t.before_round_id(), t.after_round_id());
  view.lines.push_back(VerdictText(t, lang));
  if (t.has_mean_before() && t.has_mean_after()) {
    view.lines.push_back(Say("verdict_means", lang,
                             FormatDecimal(t.mean_before(), 2, lang),
                             FormatDecimal(t.mean_after(), 2, lang),
                             FormatSignedDecimal(t.mean_change(), 2, lang)));
    if (t.has_p_value() && t.has_cliffs_delta()) {
      view.lines.push_back(Say("verdict_test", lang,
                               PValueText(t.p_value(), lang),
                               EffectSizeText(t.effect_size(), lang),
                               FormatSignedDecimal(t.cliffs_delta(), 2, lang)));
    } else {
      view.lines.push_back(Say("verdict_withheld", lang));
    }
  }
  return view;
}

std::string RenderVerdictText(const v1::RoundReport& report, Language lang) {
  const VerdictView view = VerdictOf(report, lang);
  std::string out = absl::StrCat(view.heading, "\n");
  for (const std::string& line : view.lines) {
    absl::StrAppend(&out, "  ", line, "\n");
  }
  return out;
}

}  // namespace fives
