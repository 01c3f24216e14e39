// The journal of ten years: 12 members (some leave and are replaced), 80
// rounds, 80 checks (8 a year) that tick warning signals, 400 actions with
// feedback, a full charter with a decision log of 160 decisions. Measures
// loading a journal file (envelope, checksum, parse, validation) against
// protobuf's own ParseFromString of the same journal bytes, building the
// latest report (with the charter review beside the scores) and the charter
// review alone. Run a Release build: script/benchmark.

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/disclosure.h"
#include "fives/journal.h"
#include "fives/journal_io.h"

namespace fives {
namespace {

constexpr int kYears = 10;
constexpr int kChecksPerYear = 8;
constexpr int kMembers = 12;

v1::Response RandomResponse(const std::string& member, std::mt19937& rng) {
  std::uniform_int_distribution<int> score(1, 5);
  v1::Response r;
  r.set_member_id(member);
  for (Pillar p : kAllPillars) {
    v1::PillarScore* s = r.add_scores();
    s->set_pillar(ToProto(p));
    s->set_score(score(rng));
  }
  return r;
}

// Aborts the benchmark on a refused operation: the history is built to be
// valid, so a refusal is a bug.
void Must(const absl::Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "journal benchmark: %s\n", s.ToString().c_str());
    std::abort();
  }
}

// Every agreement of the charter, owned by the `members` of today, with the
// decision log of `decisions`.
v1::Charter FullCharter(const std::vector<std::string>& members,
                        const v1::StructureCharter& decisions) {
  auto owner = [&](int i) { return members[i % members.size()]; };
  v1::Charter c;
  v1::StrategyCharter* s = c.mutable_strategy();
  s->set_shared_sentence("As an MT we are successful when customers renew");
  for (const char* p : {"Growth", "People", "Quality", "Cost"}) {
    s->add_priorities(p);
  }
  s->add_not_doing("New markets");
  s->add_strategy_checked_decisions("Investments over 100k");
  v1::SynergyCharter* y = c.mutable_synergy();
  y->set_disagreement_norm("Disagree at the table, not in the corridor");
  y->set_feedback_language("Short, concrete, direct");
  for (size_t i = 0; i < members.size(); ++i) {
    v1::PreferenceStyle* style = y->add_styles();
    style->set_member_id(members[i]);
    style->set_style(i % 2 ? "careful" : "decisive");
  }
  v1::StructureCharter* t = c.mutable_structure();
  *t = decisions;
  for (int i = 0; i < 10; ++i) {
    v1::DecisionRule* rule = t->add_decision_register();
    rule->set_topic(absl::StrCat("topic-", i));
    rule->set_model(v1::DECISION_MODEL_CONSENT);
    rule->set_owner_id(owner(i));
    *t->add_topic_owners() = *rule;
  }
  for (const char* block :
       {"Strategy", "Performance", "Risks", "People and collaboration"}) {
    t->add_meeting_blocks(block);
  }
  v1::SteeringCharter* g = c.mutable_steering();
  for (int i = 0; i < 8; ++i) {
    v1::Kpi* kpi = g->add_kpis();
    kpi->set_name(absl::StrCat("KPI ", i));
    kpi->set_owner_id(owner(i));
    kpi->set_target("10%");
    kpi->set_priority(s->priorities(i % s->priorities_size()));
  }
  for (absl::string_view kind : kSteeringMomentKinds) {
    v1::SteeringMoment* m = g->add_moments();
    m->set_kind(std::string(kind));
    m->set_date("2030-12-01");
  }
  v1::CommunicationRule* rule = g->add_communication();
  rule->set_who_id(owner(0));
  rule->set_what("Decisions");
  for (int i = 0; i < 5; ++i) {
    v1::Risk* risk = g->add_risks();
    risk->set_description(absl::StrCat("Risk ", i));
    risk->set_owner_id(owner(i));
  }
  v1::TeamGoal* goal = c.mutable_success()->add_goals();
  goal->set_goal("Every check within 8 weeks");
  goal->set_progress(80);
  return c;
}

// Every 45 days: a round (alternately open and confidential) of all current
// members, a plan with two actions, feedback, and a check that reviews the
// open actions and turns three agreements into actions.
Journal TenYears() {
  std::mt19937 rng(10);
  Journal j = *Journal::Create("ten-years", "Ten-year MT");
  absl::CivilDay day(2020, 1, 6);
  std::vector<std::string> current;
  v1::StructureCharter decisions;
  int next_member = 0;
  auto hire = [&](absl::CivilDay on) {
    const std::string id = absl::StrCat("member-", ++next_member);
    Must(j.AddMember(id, absl::StrCat("Member ", next_member), on));
    current.push_back(id);
  };
  for (int i = 0; i < kMembers; ++i) hire(day);
  const int cycles = kYears * kChecksPerYear;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    if (cycle % 9 == 8) {  // now and then someone leaves and is replaced
      Must(j.RecordLeave(current.front(), day));
      current.erase(current.begin());
      hire(day);
    }
    const std::string round = absl::StrCat("r", cycle + 1);
    Must(j.StartRound(j.NewRoundOptions(
        round, day,
        cycle % 2 ? v1::ROUND_MODE_CONFIDENTIAL : v1::ROUND_MODE_OPEN)));
    for (const std::string& m : current) {
      Must(j.AddResponse(round, RandomResponse(m, rng)));
    }
    Must(j.CloseRound(round, day + 1));
    PlanInput plan;
    plan.round_id = round;
    plan.created = day + 2;
    plan.focus = kAllPillars[cycle % kPillarCount];
    for (int a = 0; a < 2; ++a) {
      plan.actions.push_back({absl::StrCat("Action ", a, " of ", round),
                              "Visible to everyone in the team",
                              current[(cycle + a) % current.size()],
                              std::nullopt, std::nullopt});
    }
    Must(j.CreatePlan(plan).status());
    for (const std::string& id : j.proto().plans().rbegin()->action_ids()) {
      Must(j.OpenAction(id, day + 2));
      Must(j.AddFeedback(id, day + 10, current[0], "Started, first steps taken",
                         30));
      Must(j.AddFeedback(id, day + 20, current[1], "Halfway", 60));
    }
    // The check, 44 days after the round: review every open action.
    CheckInput check;
    check.date = day + 44;
    check.helps = {"Short agenda", "Decisions written down"};
    check.chafes = {"Late documents"};
    check.hinders = {"Too many ad-hoc items"};
    check.agreements = {"Agenda two days ahead", "Decision log weekly",
                        "Rotate the chair"};
    int k = 0;
    for (const v1::Action& a : j.proto().actions()) {
      if (a.status() != v1::ACTION_STATUS_OPEN) continue;
      v1::ActionReview review;
      review.set_action_id(a.id());
      review.set_outcome(k++ % 3 == 2 ? v1::REVIEW_OUTCOME_DROPPED
                                      : v1::REVIEW_OUTCOME_DONE);
      review.set_note("Reviewed at the check");
      check.reviews.push_back(review);
    }
    for (int a = 0; a < 3; ++a) {
      check.agreement_actions.push_back(
          {a,
           {absl::StrCat("Agreement ", a), "Seen in the next meeting",
            current[(cycle + a) % current.size()], day + 44 + 14,
            kAllPillars[a]}});
    }
    // The team ticks two of the catalog's warning signals (every pillar
    // has at least two).
    for (int s = 0; s < 2; ++s) {
      v1::SignalTick tick;
      tick.set_pillar(ToProto(kAllPillars[(cycle + s) % kPillarCount]));
      tick.set_number(s + 1);
      check.signals.push_back(tick);
    }
    Must(j.RecordCheck(check).status());
    // Two decisions logged per cycle, owned by current members.
    for (int d = 0; d < 2; ++d) {
      v1::DecisionRecord* record = decisions.add_decision_log();
      record->set_date(FormatCivilDate(day + 5 + d));
      record->set_topic(absl::StrCat("topic-", (cycle + d) % 10));
      record->set_model(v1::DECISION_MODEL_CONSENT);
      record->set_decision(absl::StrCat("Decision ", 2 * cycle + d));
      record->set_owner_id(current[(cycle + d) % current.size()]);
      record->set_follow_up(FormatCivilDate(day + 40));
      record->set_followed_up(true);
    }
    day += 45;
  }
  Must(j.SetCharter(FullCharter(current, decisions), day));
  return j;
}

const std::string& FileBytes() {
  static const std::string* bytes =
      new std::string(EncodeJournalFile(TenYears()));
  return *bytes;
}

const std::string& JournalBytes() {
  static const std::string* bytes = [] {
    v1::JournalFile file;
    file.ParseFromString(FileBytes());
    return new std::string(file.journal());
  }();
  return *bytes;
}

void Describe(benchmark::State& state) {
  v1::Journal j;
  j.ParseFromString(JournalBytes());
  state.counters["file_bytes"] = static_cast<double>(FileBytes().size());
  state.counters["rounds"] = j.rounds_size();
  state.counters["actions"] = j.actions_size();
  state.counters["checks"] = j.checks_size();
  state.counters["signals"] = j.charter().signals_size();
  state.counters["decisions"] = j.charter().structure().decision_log_size();
}

// The baseline: protobuf's own parse of the journal bytes, nothing else.
void BM_JournalParseFromString(benchmark::State& state) {
  const std::string& bytes = JournalBytes();
  for (auto _ : state) {
    v1::Journal j;
    benchmark::DoNotOptimize(j.ParseFromString(bytes));
  }
  Describe(state);
}
BENCHMARK(BM_JournalParseFromString)->Unit(benchmark::kMicrosecond);

// Loading the file's bytes: envelope, checksum, parse, full validation.
void BM_JournalLoad(benchmark::State& state) {
  const std::string& bytes = FileBytes();
  for (auto _ : state) {
    absl::StatusOr<Journal> j = DecodeJournalFile(bytes);
    if (!j.ok()) state.SkipWithError(j.status().ToString().c_str());
    benchmark::DoNotOptimize(j);
  }
}
BENCHMARK(BM_JournalLoad)->Unit(benchmark::kMicrosecond);

// Loading and building the latest round's report (with the verdict on the
// previous plan's focus).
void BM_JournalLoadAndLatestReport(benchmark::State& state) {
  const std::string& bytes = FileBytes();
  for (auto _ : state) {
    absl::StatusOr<Journal> j = DecodeJournalFile(bytes);
    absl::StatusOr<v1::RoundReport> report = j->LatestReport();
    if (!report.ok()) state.SkipWithError(report.status().ToString().c_str());
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_JournalLoadAndLatestReport)->Unit(benchmark::kMicrosecond);

// The differencing check of the latest round of the loaded journal, as
// Journal::CloseRound runs it once per round: against every round readers
// have seen. Reports read the stored decision.
void BM_DifferencingJudgeLatest(benchmark::State& state) {
  const absl::StatusOr<Journal> j = DecodeJournalFile(FileBytes());
  if (!j.ok()) {
    state.SkipWithError(j.status().ToString().c_str());
    return;
  }
  const std::string& latest = j->proto().rounds().rbegin()->id();
  for (auto _ : state) {
    RoundDifferencing found = JudgeDifferencing(j->proto(), latest);
    benchmark::DoNotOptimize(found);
  }
  int held_back = 0;
  for (const v1::Round& r : j->proto().rounds()) {
    held_back += r.differencing_size();
  }
  state.counters["differenced_pillars"] = held_back;
}
BENCHMARK(BM_DifferencingJudgeLatest)->Unit(benchmark::kMicrosecond);

// The charter review of the loaded journal as of its last day: every
// agreement, the check of every owner and decision, the signals of 80
// checks.
void BM_CharterReview(benchmark::State& state) {
  const absl::StatusOr<Journal> j = DecodeJournalFile(FileBytes());
  if (!j.ok()) {
    state.SkipWithError(j.status().ToString().c_str());
    return;
  }
  const absl::CivilDay as_of(2030, 1, 1);
  for (auto _ : state) {
    v1::CharterReview review = ReviewCharter(j->proto(), as_of);
    benchmark::DoNotOptimize(review);
  }
}
BENCHMARK(BM_CharterReview)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fives
