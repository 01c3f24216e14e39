// A journal and a charter for the charter tests: five members, one closed
// round, an optional plan and two checks; a charter with every agreement.
#ifndef FIVES_TESTS_CHARTER_FIXTURE_H_
#define FIVES_TESTS_CHARTER_FIXTURE_H_

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "fives/journal.h"
#include "fives/pillar.h"
#include "fives/v1/charter.pb.h"
#include "fives/v1/journal.pb.h"
#include "gtest/gtest.h"
#include "journal_builder.h"

namespace fives::charter_fixture {

using ::fives::journal_builder::Day;
using ::fives::journal_builder::JournalBuilder;
using ::fives::journal_builder::MakeActionInput;

inline const absl::CivilDay kAsOf = Day(2026, 6, 1);
inline constexpr char kConfirmed[] = "2026-01-15";

// Members ann, bob, cas, dirk, eva (joined 2026-01-05); round r1 closed
// 2026-02-06; with `plan`, p1 on r1 (focus `focus`); checks c1 (2026-03-25)
// and c2 (2026-05-06).
inline v1::Journal BaseJournal(bool plan = true,
                               Pillar focus = Pillar::kSteering) {
  const absl::CivilDay joined = Day(2026, 1, 5);
  JournalBuilder b("mt", "MT");
  b.AddMember("ann", "Ann", joined)
      .AddMember("bob", "Bob", joined)
      .AddMember("cas", "Cas", joined)
      .AddMember("dirk", "Dirk", joined)
      .AddMember("eva", "Eva", joined)
      .StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_OPEN)
      .AddResponse("r1", "ann", {4, 3, 2, 4, 5})
      .AddResponse("r1", "bob", {3, 3, 2, 4, 4})
      .AddResponse("r1", "cas", {5, 4, 1, 3, 4})
      .AddResponse("r1", "dirk", {4, 2, 2, 3, 5})
      .AddResponse("r1", "eva", {3, 3, 3, 3, 3})
      .CloseRound("r1", Day(2026, 2, 6));
  if (plan) {
    PlanInput p;
    p.round_id = "r1";
    p.created = Day(2026, 2, 10);
    p.focus = focus;
    p.actions = {MakeActionInput("KPI board", "Board in the hall", "cas"),
                 MakeActionInput("Risk list", "List reviewed", "eva")};
    b.CreatePlan(p);
  }
  CheckInput c1;
  c1.date = Day(2026, 3, 25);
  b.RecordCheck(c1);
  CheckInput c2;
  c2.date = Day(2026, 5, 6);
  b.RecordCheck(c2);
  absl::StatusOr<Journal> j = b.Build();
  EXPECT_TRUE(j.ok()) << j.status();
  return j.ok() ? j->proto() : v1::Journal();
}

inline v1::DecisionRule Rule(const std::string& topic, v1::DecisionModel model,
                             const std::string& owner) {
  v1::DecisionRule r;
  r.set_topic(topic);
  r.set_model(model);
  r.set_owner_id(owner);
  r.set_updated(kConfirmed);
  return r;
}

// Every agreement of every pillar, confirmed on 2026-01-15; moments before
// kAsOf held.
inline v1::Charter FullCharter() {
  v1::Charter c;
  v1::StrategyCharter* s = c.mutable_strategy();
  s->set_shared_sentence("As an MT we are successful when ...");
  s->set_shared_sentence_updated(kConfirmed);
  for (const char* p : {"Growth", "People", "Quality", "Cost"}) {
    s->add_priorities(p);
  }
  s->set_priorities_updated(kConfirmed);
  s->add_not_doing("New markets");
  s->set_not_doing_updated(kConfirmed);
  s->add_strategy_checked_decisions("Investments over 100k");
  s->set_strategy_checked_decisions_updated(kConfirmed);

  v1::SynergyCharter* y = c.mutable_synergy();
  y->set_disagreement_norm("Disagreeing is normal");
  y->set_disagreement_norm_updated(kConfirmed);
  y->set_feedback_language("Short, concrete, direct");
  y->set_feedback_language_updated(kConfirmed);
  const char* styles[][2] = {{"ann", "decisive"},
                             {"bob", "careful"},
                             {"cas", "fast"},
                             {"dirk", "detail"},
                             {"eva", "people"}};
  for (const auto& [member, style] : styles) {
    v1::PreferenceStyle* st = y->add_styles();
    st->set_member_id(member);
    st->set_style(style);
    st->set_pitfall("...");
    st->set_updated(kConfirmed);
  }

  v1::StructureCharter* t = c.mutable_structure();
  *t->add_decision_register() =
      Rule("budget", v1::DECISION_MODEL_CONSENT, "ann");
  *t->add_decision_register() =
      Rule("hiring", v1::DECISION_MODEL_MANDATE, "bob");
  v1::DecisionRecord* d = t->add_decision_log();
  d->set_date("2026-03-02");
  d->set_topic("budget");
  d->set_model(v1::DECISION_MODEL_CONSENT);
  d->set_decision("Freeze travel");
  d->set_owner_id("ann");
  d->set_follow_up("2026-07-01");
  for (const char* b : {"strategy and choices", "organisation performance",
                        "risks", "people and collaboration"}) {
    t->add_meeting_blocks(b);
  }
  t->set_meeting_blocks_updated(kConfirmed);
  *t->add_topic_owners() = Rule("IT", v1::DECISION_MODEL_UNSPECIFIED, "dirk");

  v1::SteeringCharter* g = c.mutable_steering();
  const char* owners[] = {"ann", "bob", "cas", "dirk", "eva", "ann"};
  for (int i = 0; i < 6; ++i) {
    v1::Kpi* k = g->add_kpis();
    k->set_name(absl::StrCat("kpi", i));
    k->set_owner_id(owners[i]);
    k->set_target("10");
    k->set_priority("Growth");
    k->set_updated(kConfirmed);
  }
  const char* moments[][2] = {
      {"strategy", "2026-02-01"}, {"talent", "2026-04-01"},
      {"budget", "2026-09-01"},   {"risks", "2026-10-01"},
      {"customer", "2026-11-01"}, {"operations", "2026-12-01"}};
  for (const auto& [kind, date] : moments) {
    v1::SteeringMoment* m = g->add_moments();
    m->set_kind(kind);
    m->set_date(date);
    m->set_held(std::string(date) < "2026-06-01");
  }
  v1::CommunicationRule* r = g->add_communication();
  r->set_who_id("eva");
  r->set_what("Decisions");
  r->set_when("Monday");
  r->set_channel("Intranet");
  r->set_purpose("Everyone knows");
  v1::Risk* k = g->add_risks();
  k->set_description("Key supplier fails");
  k->set_owner_id("cas");
  k->set_updated(kConfirmed);

  v1::TeamGoal* goal = c.mutable_success()->add_goals();
  goal->set_goal("Start on time");
  goal->set_progress(60);
  goal->set_updated(kConfirmed);
  return c;
}

inline v1::Journal WithCharter(v1::Charter charter, bool plan = true,
                               Pillar focus = Pillar::kSteering) {
  v1::Journal j = BaseJournal(plan, focus);
  *j.mutable_charter() = std::move(charter);
  return j;
}

}  // namespace fives::charter_fixture

#endif  // FIVES_TESTS_CHARTER_FIXTURE_H_
