// How loading, validating and reporting grow with what one journal holds:
// members, rounds with plans, feedback on one action, checks and charter
// entries, each from 1,000 to 64,000 (rounds and checks to 8,000; the limits
// raised for the run; the defaults stop at 1,000 to 10,000). Each benchmark
// loads the journal file (envelope, checksum, counts, parse, validation) and
// makes what a host shows of it; a cost that grows by n log n takes about 9.6
// times as long for 8 times the entries, a quadratic one 64 times. Run a
// Release build: script/benchmark, or
// build/release/benchmarks/fives_growth_benchmark.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/limits.h"
#include "fives/meeting_report.h"
#include "fives/report_svg.h"

namespace fives {
namespace {

void Must(const absl::Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "growth benchmark: %s\n", s.ToString().c_str());
    std::abort();
  }
}

template <typename T>
T Must(absl::StatusOr<T> v) {
  Must(v.status());
  return *std::move(v);
}

// Every count limit raised past the largest journal measured.
void RaiseLimits() {
  for (Limit l : {Limit::kMembers, Limit::kRounds, Limit::kActions,
                  Limit::kFeedback, Limit::kChecks, Limit::kCharterEntries}) {
    Must(SetLimit(l, 1'000'000));
  }
  Must(SetLimit(Limit::kInputBytes, 1 << 30));
}

absl::CivilDay Start() { return absl::CivilDay(2026, 1, 5); }

// Zero-padded: a round keeps its responses in member id order.
std::string MemberId(int i) { return absl::StrFormat("m%06d", i); }

v1::Response Scores(const std::string& member, int i) {
  v1::Response r;
  r.set_member_id(member);
  for (Pillar p : kAllPillars) {
    v1::PillarScore* s = r.add_scores();
    s->set_pillar(ToProto(p));
    s->set_score(1 + (i * 7 + PillarIndex(p) * 3) % 5);
  }
  return r;
}

// A team of `members`, built as a message (adding members one by one
// copies the team each time, which is not what is measured here).
v1::Journal Team(int members) {
  v1::Journal j = Must(Journal::Create("t", "Team")).proto();
  for (int i = 0; i < members; ++i) {
    v1::Member* m = j.mutable_team()->add_members();
    m->set_id(MemberId(i));
    m->set_display_name(absl::StrCat("Member ", i));
    m->set_joined(FormatCivilDate(Start()));
  }
  return j;
}

// `n` members, all answering one open round, closed.
std::string MembersJournal(int n) {
  v1::Journal proto = Team(n);
  Journal j = Must(Journal::FromProto(proto));
  Must(
      j.StartRound(j.NewRoundOptions("r1", Start() + 28, v1::ROUND_MODE_OPEN)));
  v1::Journal with = j.proto();
  for (int i = 0; i < n; ++i) {
    *with.mutable_rounds(0)->add_responses() = Scores(MemberId(i), i);
  }
  j = Must(Journal::FromProto(with));
  Must(j.CloseRound("r1", Start() + 30));
  return EncodeJournalFile(j);
}

// Ten members; `n` rounds a week apart, each closed with a plan of two
// actions.
std::string RoundsJournal(int n) {
  Journal j = Must(Journal::FromProto(Team(10)));
  for (int r = 0; r < n; ++r) {
    const std::string id = absl::StrCat("r", r);
    const absl::CivilDay day = Start() + 7 * r + 1;
    Must(j.StartRound(j.NewRoundOptions(id, day, v1::ROUND_MODE_OPEN)));
    for (int i = 0; i < 10; ++i)
      Must(j.AddResponse(id, Scores(MemberId(i), i + r)));
    Must(j.CloseRound(id, day + 1));
    PlanInput plan;
    plan.round_id = id;
    plan.created = day + 2;
    plan.focus = kAllPillars[r % 5];
    for (int a = 0; a < 2; ++a) {
      ActionInput action;
      action.title = absl::StrCat("Action ", r, ".", a);
      action.visible_result = "Seen by all";
      action.owner_id = MemberId((r + a) % 10);
      plan.actions.push_back(action);
    }
    Must(j.CreatePlan(plan).status());
  }
  return EncodeJournalFile(j);
}

// Ten members, one plan; its first action open with `n` feedback entries.
std::string FeedbackJournal(int n) {
  Journal j = Must(Journal::FromProto(Team(10)));
  Must(j.StartRound(j.NewRoundOptions("r1", Start() + 1, v1::ROUND_MODE_OPEN)));
  for (int i = 0; i < 10; ++i)
    Must(j.AddResponse("r1", Scores(MemberId(i), i)));
  Must(j.CloseRound("r1", Start() + 2));
  PlanInput plan;
  plan.round_id = "r1";
  plan.created = Start() + 3;
  plan.focus = Pillar::kStructure;
  for (int a = 0; a < 2; ++a) {
    ActionInput action;
    action.title = "Action";
    action.visible_result = "Seen";
    action.owner_id = MemberId(a);
    plan.actions.push_back(action);
  }
  Must(j.CreatePlan(plan).status());
  Must(j.OpenAction("a1", Start() + 3));
  v1::Journal proto = j.proto();
  for (int i = 0; i < n; ++i) {
    v1::Feedback* f = proto.mutable_actions(0)->add_feedback();
    f->set_date(FormatCivilDate(Start() + 4));
    f->set_author_id(MemberId(i % 10));
    f->set_text(absl::StrCat("Update ", i));
  }
  return EncodeJournalFile(Must(Journal::FromProto(proto)));
}

// Ten members; `n` checks a week apart, each rotating the guardian.
std::string ChecksJournal(int n) {
  Journal j = Must(Journal::FromProto(Team(10)));
  for (int c = 0; c < n; ++c) {
    CheckInput check;
    check.date = Start() + 7 * c + 1;
    check.helps = {"Short agenda"};
    Must(j.RecordCheck(check).status());
  }
  return EncodeJournalFile(j);
}

// Ten members; a charter with n/2 priorities and n/2 KPIs, each KPI
// serving a priority.
v1::Charter CharterOf(int n) {
  v1::Charter c;
  v1::StrategyCharter* s = c.mutable_strategy();
  for (int i = 0; i < n / 2; ++i)
    s->add_priorities(absl::StrCat("Priority ", i));
  for (int i = 0; i < n / 2; ++i) {
    v1::Kpi* k = c.mutable_steering()->add_kpis();
    k->set_name(absl::StrCat("KPI ", i));
    k->set_owner_id(MemberId(i % 10));
    k->set_target("10");
    k->set_priority(absl::StrCat("Priority ", i));
  }
  return c;
}

std::string CharterJournal(int n) {
  Journal j = Must(Journal::FromProto(Team(10)));
  Must(j.SetCharter(CharterOf(n), Start() + 1));
  return EncodeJournalFile(j);
}

// Loads `file` and makes what a host shows of it: with range(1), the
// meeting page (it needs a closed round); always the follow-up lists and
// the check's status.
void Report(benchmark::State& state, const std::string& file) {
  state.counters["file_KiB"] = static_cast<double>(file.size()) / 1024;
  for (auto _ : state) {
    Journal j = Must(DecodeJournalFile(file));
    const absl::CivilDay as_of = Start() + 400;
    // The meeting page: the latest report, the closed loop, the follow-up,
    // the check, the charter review and the trend over every round.
    if (state.range(1) != 0) {
      const v1::MeetingReport meeting =
          Must(BuildMeetingReport(j, "", Language::kEnglish, as_of));
      std::string page =
          Must(RenderMeetingHtml(meeting, j, Language::kEnglish));
      benchmark::DoNotOptimize(page);
    }
    v1::FollowUp follow_up = j.FollowUp(as_of);
    benchmark::DoNotOptimize(follow_up);
    v1::CheckStatus check = j.CheckStatus(as_of);
    benchmark::DoNotOptimize(check);
  }
  state.SetComplexityN(state.range(0));
}

void BM_GrowthMembers(benchmark::State& state) {
  RaiseLimits();
  Report(state, MembersJournal(static_cast<int>(state.range(0))));
}

void BM_GrowthRoundsWithPlans(benchmark::State& state) {
  RaiseLimits();
  Report(state, RoundsJournal(static_cast<int>(state.range(0))));
}

void BM_GrowthFeedback(benchmark::State& state) {
  RaiseLimits();
  Report(state, FeedbackJournal(static_cast<int>(state.range(0))));
}

void BM_GrowthChecks(benchmark::State& state) {
  RaiseLimits();
  Report(state, ChecksJournal(static_cast<int>(state.range(0))));
}

void BM_GrowthCharterEntries(benchmark::State& state) {
  RaiseLimits();
  const std::string file = CharterJournal(static_cast<int>(state.range(0)));
  const v1::Charter again = CharterOf(static_cast<int>(state.range(0)));
  state.counters["file_KiB"] = static_cast<double>(file.size()) / 1024;
  for (auto _ : state) {
    Journal j = Must(DecodeJournalFile(file));
    // Setting the same charter again: every entry matched to the stored one.
    Must(j.SetCharter(again, Start() + 2));
    auto review = ReviewCharter(j.proto(), Start() + 3);
    benchmark::DoNotOptimize(review);
  }
  state.SetComplexityN(state.range(0));
}

// {entries, meeting page}
#define FIVES_GROWTH(bm, page)        \
  BENCHMARK(bm)                       \
      ->Args({1000, page})            \
      ->Args({8000, page})            \
      ->Args({64000, page})           \
      ->Unit(benchmark::kMillisecond) \
      ->Complexity(benchmark::oNLogN)

FIVES_GROWTH(BM_GrowthMembers, 1);
// To 8,000 rounds: building the journal one operation at a time (each looks
// its round up by id) is what would take long at 64,000, not the load.
BENCHMARK(BM_GrowthRoundsWithPlans)
    ->Args({1000, 1})
    ->Args({8000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);
FIVES_GROWTH(BM_GrowthFeedback, 1);
// To 8,000 checks, for the same reason as rounds (each check is recorded
// after a look at every earlier one).
BENCHMARK(BM_GrowthChecks)
    ->Args({1000, 0})
    ->Args({8000, 0})
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);
FIVES_GROWTH(BM_GrowthCharterEntries, 0);

}  // namespace
}  // namespace fives
