// The screens of the team charter: the charter per pillar and the
// catalog's warning signals with their numbers.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "fives/charter.h"
#include "fives/charter_phrases.h"
#include "fives/report_text.h"
#include "screens.h"

namespace fives::screens {
namespace {

// The phrase "<prefix><suffix of the enum name>" ("decision_model_" and
// DECISION_MODEL_CONSENT give decision_model_consent), or the number of a
// value the schema does not know.
template <typename Enum>
std::string EnumText(absl::string_view prefix, const std::string& name,
                     absl::string_view enum_prefix, Enum value, Language lang) {
  if (name.empty()) return absl::StrCat(static_cast<int>(value));
  return Say(absl::StrCat(prefix, absl::AsciiStrToLower(
                                      absl::StripPrefix(name, enum_prefix))),
             lang);
}

std::string ModelText(v1::DecisionModel model, Language lang) {
  if (model == v1::DECISION_MODEL_UNSPECIFIED) return "";
  return EnumText("decision_model_", v1::DecisionModel_Name(model),
                  "DECISION_MODEL_", model, lang);
}

std::string AgendaText(v1::AgendaKind kind, Language lang) {
  if (kind == v1::AGENDA_KIND_UNSPECIFIED) return "";
  return EnumText("agenda_", v1::AgendaKind_Name(kind), "AGENDA_KIND_", kind,
                  lang);
}

std::string MomentText(const std::string& kind, Language lang) {
  for (absl::string_view k : kSteeringMomentKinds) {
    if (k == kind) return Say(absl::StrCat("moment_", kind), lang);
  }
  return kind;
}

std::string StyleText(const std::string& style, Language lang) {
  return IsStyleKey(style) ? std::string(StyleName(style, lang)) : style;
}

// Builds the lines of one pillar's section.
class Section {
 public:
  Section(const Journal& journal, Language lang, Outline* out)
      : journal_(journal), lang_(lang), out_(*out) {}

  void Heading(Pillar pillar) { out_.Heading(PillarName(pillar, lang_)); }

  // "  Shared sentence: TEXT (confirmed D)", or "not recorded".
  void Value(absl::string_view key, const std::string& text,
             const std::string& updated) {
    out_.Line(1, absl::StrCat(
                     AgreementName(key, lang_), ": ",
                     text.empty() ? Say("charter_not_recorded", lang_) : text,
                     text.empty() ? "" : Confirmed(updated)));
  }

  // "  LABEL (confirmed D):" and one line per entry, or "LABEL: not
  // recorded".
  void List(absl::string_view label, const std::vector<std::string>& lines,
            const std::string& updated = "") {
    if (lines.empty()) {
      out_.Line(1,
                absl::StrCat(label, ": ", Say("charter_not_recorded", lang_)));
      return;
    }
    out_.Line(1, absl::StrCat(label, Confirmed(updated), ":"));
    for (const std::string& line : lines) out_.Item(2, line);
  }

  // " (confirmed D)", or nothing for an undated agreement.
  std::string Confirmed(const std::string& updated) const {
    if (updated.empty()) return "";
    return absl::StrCat(
        " (", Say("charter_confirmed", lang_, FormatLongDate(updated, lang_)),
        ")");
  }
  // ", confirmed D" after an entry of a list.
  std::string EntryConfirmed(const std::string& updated) const {
    if (updated.empty()) return "";
    return absl::StrCat(
        ", ", Say("charter_confirmed", lang_, FormatLongDate(updated, lang_)));
  }

  std::string Owner(const std::string& id) const {
    return Say("charter_owner", lang_,
               id.empty() ? Say("charter_not_recorded", lang_)
                          : MemberLabel(journal_, id));
  }

  // The warning signals of `pillar` ticked at checks, by check.
  void Signals(Pillar pillar) {
    std::vector<std::string> lines;
    for (const v1::SignalTick& t : journal_.proto().charter().signals()) {
      if (t.pillar() != ToProto(pillar)) continue;
      std::string date;
      for (const v1::Check& c : journal_.proto().checks()) {
        if (c.id() == t.check_id()) date = FormatLongDate(c.date(), lang_);
      }
      lines.push_back(
          absl::StrCat(Say("charter_ticked_at", lang_, t.check_id(), date),
                       ": ", SignalLabel(pillar, t.number(), lang_), " ",
                       SignalText(pillar, t.number(), lang_)));
    }
    if (!lines.empty()) List(Say("col_signals", lang_), lines);
  }

 private:
  const Journal& journal_;
  const Language lang_;
  Outline& out_;
};

std::vector<std::string> Strings(
    const google::protobuf::RepeatedPtrField<std::string>& items) {
  return std::vector<std::string>(items.begin(), items.end());
}

// "A, B": the parts that are not empty.
std::string Joined(const std::vector<std::string>& parts) {
  std::vector<absl::string_view> kept;
  for (const std::string& p : parts) {
    if (!p.empty()) kept.push_back(p);
  }
  return absl::StrJoin(kept, ", ");
}

void ShowStrategy(const v1::StrategyCharter& s, Section& section,
                  Language lang) {
  section.Heading(Pillar::kStrategy);
  section.Value("shared_sentence", s.shared_sentence(),
                s.shared_sentence_updated());
  section.List(AgreementName("priorities", lang), Strings(s.priorities()),
               s.priorities_updated());
  section.List(AgreementName("not_doing", lang), Strings(s.not_doing()),
               s.not_doing_updated());
  section.List(AgreementName("strategy_checked_decisions", lang),
               Strings(s.strategy_checked_decisions()),
               s.strategy_checked_decisions_updated());
  section.Signals(Pillar::kStrategy);
}

void ShowSynergy(const Journal& journal, const v1::SynergyCharter& s,
                 Section& section, Language lang) {
  section.Heading(Pillar::kSynergy);
  section.Value("disagreement_norm", s.disagreement_norm(),
                s.disagreement_norm_updated());
  section.Value("feedback_language", s.feedback_language(),
                s.feedback_language_updated());
  std::vector<std::string> styles;
  for (const v1::PreferenceStyle& st : s.styles()) {
    // The team's own words for the pitfall, else the catalog's.
    const std::string pitfall =
        !st.pitfall().empty()    ? st.pitfall()
        : IsStyleKey(st.style()) ? std::string(StylePitfall(st.style(), lang))
                                 : "";
    styles.push_back(absl::StrCat(
        MemberLabel(journal, st.member_id()), ": ", StyleText(st.style(), lang),
        section.EntryConfirmed(st.updated()), pitfall.empty() ? "" : "; ",
        pitfall.empty() ? "" : Say("charter_pitfall", lang, pitfall)));
  }
  section.List(AgreementName("styles", lang), styles);
  section.Signals(Pillar::kSynergy);
}

void ShowStructure(const v1::StructureCharter& s, Section& section,
                   Language lang) {
  section.Heading(Pillar::kStructure);
  std::vector<std::string> rules;
  for (const v1::DecisionRule& r : s.decision_register()) {
    rules.push_back(absl::StrCat(
        r.topic(), ": ",
        Joined({ModelText(r.model(), lang), section.Owner(r.owner_id())}),
        section.EntryConfirmed(r.updated())));
  }
  section.List(AgreementName("decision_register", lang), rules);
  std::vector<std::string> log;
  for (const v1::DecisionRecord& d : s.decision_log()) {
    std::string line = absl::StrCat(
        FormatLongDate(d.date(), lang), " ", d.topic(), ": ", d.decision(),
        " (", Joined({ModelText(d.model(), lang), section.Owner(d.owner_id())}),
        ")");
    if (d.followed_up()) {
      absl::StrAppend(&line, "; ", Say("charter_followed_up", lang));
    } else if (!d.follow_up().empty()) {
      absl::StrAppend(
          &line, "; ",
          Say("charter_follow_up", lang, FormatLongDate(d.follow_up(), lang)));
    }
    log.push_back(std::move(line));
  }
  section.List(Say("charter_decision_log", lang), log);
  section.List(AgreementName("meeting_blocks", lang),
               Strings(s.meeting_blocks()), s.meeting_blocks_updated());
  std::vector<std::string> agenda;
  for (const v1::AgendaItem& item : s.agenda()) {
    agenda.push_back(absl::StrCat(
        item.title(), ": ",
        Joined(
            {AgendaText(item.kind(), lang),
             item.owner_id().empty() ? "" : section.Owner(item.owner_id())})));
  }
  section.List(Say("charter_agenda", lang), agenda);
  std::vector<std::string> owners;
  for (const v1::DecisionRule& r : s.topic_owners()) {
    owners.push_back(absl::StrCat(
        r.topic(), ": ",
        Joined({section.Owner(r.owner_id()), ModelText(r.model(), lang)}),
        section.EntryConfirmed(r.updated())));
  }
  section.List(AgreementName("topic_owners", lang), owners);
  section.Signals(Pillar::kStructure);
}

void ShowSteering(const Journal& journal, const v1::SteeringCharter& s,
                  Section& section, Language lang) {
  section.Heading(Pillar::kSteering);
  std::vector<std::string> kpis;
  for (const v1::Kpi& k : s.kpis()) {
    kpis.push_back(absl::StrCat(
        k.name(), ": ",
        Joined(
            {section.Owner(k.owner_id()),
             k.target().empty() ? "" : Say("charter_target", lang, k.target()),
             k.priority().empty() ? ""
                                  : Say("charter_steers", lang, k.priority())}),
        section.EntryConfirmed(k.updated())));
  }
  section.List(AgreementName("kpis", lang), kpis);
  std::vector<std::string> moments;
  for (const v1::SteeringMoment& m : s.moments()) {
    moments.push_back(absl::StrCat(
        MomentText(m.kind(), lang), " ", FormatLongDate(m.date(), lang), ": ",
        Say(m.held() ? "charter_held" : "charter_not_held", lang)));
  }
  section.List(AgreementName("moments", lang), moments);
  std::vector<std::string> communication;
  for (const v1::CommunicationRule& r : s.communication()) {
    communication.push_back(Say("charter_communication", lang,
                                MemberLabel(journal, r.who_id()), r.what(),
                                r.when(), r.channel(), r.purpose()));
  }
  section.List(AgreementName("communication", lang), communication);
  std::vector<std::string> risks;
  for (const v1::Risk& r : s.risks()) {
    risks.push_back(absl::StrCat(r.description(), ": ",
                                 section.Owner(r.owner_id()),
                                 section.EntryConfirmed(r.updated())));
  }
  section.List(AgreementName("risks", lang), risks);
  section.Signals(Pillar::kSteering);
}

void ShowSuccess(const v1::SuccessCharter& s, Section& section, Language lang) {
  section.Heading(Pillar::kSuccess);
  std::vector<std::string> goals;
  for (const v1::TeamGoal& g : s.goals()) {
    goals.push_back(absl::StrCat(g.goal(), ": ",
                                 Say("charter_progress", lang, g.progress()),
                                 section.EntryConfirmed(g.updated())));
  }
  section.List(AgreementName("goals", lang), goals);
  section.Signals(Pillar::kSuccess);
}

}  // namespace

std::string SignalText(Pillar pillar, int number, Language lang) {
  const v1::PillarTexts& texts = PillarTextsFor(pillar, lang);
  if (number < 1 || number > texts.warning_signals_size()) return "?";
  return texts.warning_signals(number - 1);
}

Outline CharterOutline(const Journal& journal, Language lang) {
  const v1::Journal& j = journal.proto();
  Outline out;
  out.Title(absl::StrCat(Say("charter_title", lang), ": ", j.team().name()));
  if (!j.has_charter()) {
    out.Line(0, Say("charter_none", lang));
    return out;
  }
  const v1::Charter& c = j.charter();
  Section section(journal, lang, &out);
  ShowStrategy(c.strategy(), section, lang);
  ShowSynergy(journal, c.synergy(), section, lang);
  ShowStructure(c.structure(), section, lang);
  ShowSteering(journal, c.steering(), section, lang);
  ShowSuccess(c.success(), section, lang);
  return out;
}

Outline SignalsOutline(Language lang) {
  Outline out;
  out.Title(Say("charter_signals_catalog", lang));
  for (Pillar p : kAllPillars) {
    out.Heading(PillarName(p, lang));
    const v1::PillarTexts& texts = PillarTextsFor(p, lang);
    for (int i = 0; i < texts.warning_signals_size(); ++i) {
      out.Line(1, absl::StrCat(SignalLabel(p, i + 1, lang), "  ",
                               texts.warning_signals(i)));
    }
  }
  return out;
}

}  // namespace fives::screens
