#include "demo_charter.h"

#include <utility>

namespace fives::cli {
namespace {

void Strategy(v1::StrategyCharter& s) {
  s.set_shared_sentence(
      "As an MT we are successful when customers stay with us and our people "
      "grow into the next role");
  for (const char* p : {"Keep our customers", "Grow our own people",
                        "One way of working", "Healthy margins"}) {
    s.add_priorities(p);
  }
  s.add_not_doing("No new markets this year");
  s.add_not_doing("No new IT platform");
  // Which decisions go past the strategy: not agreed yet.
}

void Structure(v1::StructureCharter& s) {
  const struct {
    const char* topic;
    v1::DecisionModel model;
    const char* owner;
  } kRules[] = {
      {"Budget over 50k", v1::DECISION_MODEL_CONSENT, "bram"},
      {"Hiring", v1::DECISION_MODEL_ADVICE, "femke"},
      {"Holiday planning", v1::DECISION_MODEL_MANDATE, "carla"},
  };
  for (const auto& r : kRules) {
    v1::DecisionRule* rule = s.add_decision_register();
    rule->set_topic(r.topic);
    rule->set_model(r.model);
    rule->set_owner_id(r.owner);
  }
  // Its follow-up passes without the team looking at it again.
  v1::DecisionRecord* d = s.add_decision_log();
  d->set_date("2026-11-18");
  d->set_topic("Hiring");
  d->set_model(v1::DECISION_MODEL_ADVICE);
  d->set_decision("Hire a team lead for customer support");
  d->set_owner_id("femke");
  d->set_follow_up("2027-01-12");
  // An update needs no meeting time: the review warns about it.
  v1::AgendaItem* update = s.add_agenda();
  update->set_title("Monthly figures");
  update->set_kind(v1::AGENDA_KIND_UPDATE);
  update->set_owner_id("eva");
  v1::AgendaItem* decision = s.add_agenda();
  decision->set_title("Hiring plan 2027");
  decision->set_kind(v1::AGENDA_KIND_DECISION);
  decision->set_owner_id("femke");
  // No meeting blocks and no topic owners yet.
}

void Steering(v1::SteeringCharter& s) {
  // Four KPIs, one per priority: the method asks six to ten.
  const struct {
    const char* name;
    const char* owner;
    const char* target;
    const char* priority;
  } kKpis[] = {
      {"Customer retention", "anna", "95%", "Keep our customers"},
      {"Internal promotions", "femke", "6 a year", "Grow our own people"},
      {"Processes on the shared model", "carla", "80%", "One way of working"},
      {"Gross margin", "bram", "32%", "Healthy margins"},
  };
  for (const auto& k : kKpis) {
    v1::Kpi* kpi = s.add_kpis();
    kpi->set_name(k.name);
    kpi->set_owner_id(k.owner);
    kpi->set_target(k.target);
    kpi->set_priority(k.priority);
  }
  v1::SteeringMoment* strategy = s.add_moments();
  strategy->set_kind("strategy");
  strategy->set_date("2026-09-08");
  strategy->set_held(true);
  // Missed: its date passes without the moment being held.
  v1::SteeringMoment* customer = s.add_moments();
  customer->set_kind("customer");
  customer->set_date("2026-12-08");
  v1::Risk* risk = s.add_risks();
  risk->set_description("Key people leave customer support");
  risk->set_owner_id("daan");
}

}  // namespace

v1::Charter DemoCharter() {
  v1::Charter c;
  Strategy(*c.mutable_strategy());
  c.mutable_synergy()->set_disagreement_norm(
      "We disagree at the table, not in the corridor");
  Structure(*c.mutable_structure());
  Steering(*c.mutable_steering());
  for (const auto& [goal, progress] :
       {std::pair<const char*, int>{"Every MT meeting ends on time", 60},
        {"Decisions are written down the day they are made", 80}}) {
    v1::TeamGoal* g = c.mutable_success()->add_goals();
    g->set_goal(goal);
    g->set_progress(progress);
  }
  return c;
}

}  // namespace fives::cli
