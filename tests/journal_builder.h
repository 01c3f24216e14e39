// Test helpers: build fives::Journal values step by step through the public
// Journal API, and a "rich" journal that uses every part of the schema.
// Header-only and self-contained; everything is in fives::journal_builder.
#ifndef FIVES_TESTS_JOURNAL_BUILDER_H_
#define FIVES_TESTS_JOURNAL_BUILDER_H_

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "fives/journal.h"
#include "fives/pillar.h"
#include "fives/round.h"
#include "fives/v1/check.pb.h"
#include "fives/v1/config.pb.h"
#include "fives/v1/journal.pb.h"
#include "fives/v1/response.pb.h"
#include "proto_testing.h"

namespace fives::journal_builder {

inline absl::CivilDay Day(int y, int m, int d) {
  return absl::CivilDay(y, m, d);
}

using ::fives::proto_testing::DeterministicBytes;

// A response with scores for the pillars in method order (strategy, synergy,
// structure, steering, success); a 0 leaves that pillar out.
inline v1::Response MakeResponse(absl::string_view member_id,
                                 const std::array<int, 5>& scores) {
  v1::Response r;
  r.set_member_id(std::string(member_id));
  for (size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] == 0) continue;
    v1::PillarScore* s = r.add_scores();
    s->set_pillar(ToProto(kAllPillars[i]));
    s->set_score(scores[i]);
  }
  return r;
}

inline v1::ActionReview MakeReview(absl::string_view action_id,
                                   v1::ReviewOutcome outcome,
                                   absl::string_view new_due = "",
                                   absl::string_view note = "") {
  v1::ActionReview r;
  r.set_action_id(std::string(action_id));
  r.set_outcome(outcome);
  r.set_new_due(std::string(new_due));
  r.set_note(std::string(note));
  return r;
}

// Applies Journal operations in order and keeps the first error, naming the
// step that failed; after an error every later step is skipped.
//
//   absl::StatusOr<Journal> j = JournalBuilder("mt", "MT")
//       .AddMember("ann", "Ann", Day(2026, 1, 5))
//       .StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_OPEN)
//       .Build();
class JournalBuilder {
 public:
  explicit JournalBuilder(absl::string_view team_id = "mt-north",
                          absl::string_view team_name = "MT Noord",
                          const v1::TeamConfig& config = {}) {
    absl::StatusOr<Journal> j = Journal::Create(team_id, team_name, config);
    if (j.ok()) {
      journal_.emplace(*std::move(j));
    } else {
      status_ = Annotate("Journal::Create", j.status());
    }
  }

  JournalBuilder& AddMember(absl::string_view id, absl::string_view name,
                            absl::CivilDay joined) {
    return Step(absl::StrCat("AddMember ", id),
                [&](Journal& j) { return j.AddMember(id, name, joined); });
  }
  JournalBuilder& RecordLeave(absl::string_view id, absl::CivilDay left) {
    return Step(absl::StrCat("RecordLeave ", id),
                [&](Journal& j) { return j.RecordLeave(id, left); });
  }
  JournalBuilder& ForgetMember(absl::string_view id) {
    return Step(absl::StrCat("ForgetMember ", id),
                [&](Journal& j) { return j.ForgetMember(id); });
  }
  // A round with the team's default thresholds; `pillars` empty means all.
  JournalBuilder& StartRound(absl::string_view id, absl::CivilDay date,
                             v1::RoundMode mode,
                             std::vector<Pillar> pillars = {},
                             bool allow_partial = false) {
    return Step(absl::StrCat("StartRound ", id), [&](Journal& j) {
      RoundOptions o = j.NewRoundOptions(id, date, mode);
      o.pillars = pillars;
      o.allow_partial = allow_partial;
      return j.StartRound(o);
    });
  }
  JournalBuilder& AddResponse(absl::string_view round_id,
                              absl::string_view member_id,
                              const std::array<int, 5>& scores) {
    return Step(absl::StrCat("AddResponse ", round_id, " ", member_id),
                [&](Journal& j) {
                  return j.AddResponse(round_id,
                                       MakeResponse(member_id, scores));
                });
  }
  JournalBuilder& CloseRound(absl::string_view round_id, absl::CivilDay on) {
    return Step(absl::StrCat("CloseRound ", round_id),
                [&](Journal& j) { return j.CloseRound(round_id, on); });
  }
  // The new plan's id is last_id().
  JournalBuilder& CreatePlan(const PlanInput& input) {
    return Step(absl::StrCat("CreatePlan on ", input.round_id),
                [&](Journal& j) -> absl::Status {
                  absl::StatusOr<std::string> id = j.CreatePlan(input);
                  if (!id.ok()) return id.status();
                  last_id_ = *id;
                  return absl::OkStatus();
                });
  }
  JournalBuilder& OpenAction(absl::string_view id, absl::CivilDay on) {
    return Step(absl::StrCat("OpenAction ", id),
                [&](Journal& j) { return j.OpenAction(id, on); });
  }
  JournalBuilder& CompleteAction(absl::string_view id, absl::CivilDay on) {
    return Step(absl::StrCat("CompleteAction ", id),
                [&](Journal& j) { return j.CompleteAction(id, on); });
  }
  JournalBuilder& DropAction(absl::string_view id, absl::CivilDay on,
                             absl::string_view reason) {
    return Step(absl::StrCat("DropAction ", id),
                [&](Journal& j) { return j.DropAction(id, on, reason); });
  }
  JournalBuilder& AddFeedback(absl::string_view action_id, absl::CivilDay on,
                              absl::string_view author_id,
                              absl::string_view text,
                              std::optional<int> progress = std::nullopt) {
    return Step(absl::StrCat("AddFeedback ", action_id, " ", author_id),
                [&](Journal& j) {
                  return j.AddFeedback(action_id, on, author_id, text,
                                       progress);
                });
  }
  // The new check's id is last_id().
  JournalBuilder& RecordCheck(const CheckInput& input) {
    return Step("RecordCheck", [&](Journal& j) -> absl::Status {
      absl::StatusOr<std::string> id = j.RecordCheck(input);
      if (!id.ok()) return id.status();
      last_id_ = *id;
      return absl::OkStatus();
    });
  }

  // OK, or the first failed step's error.
  const absl::Status& status() const { return status_; }
  // The journal so far (nullptr after an error).
  const Journal* journal() const {
    return status_.ok() && journal_ ? &*journal_ : nullptr;
  }
  // The id of the last plan or check made.
  const std::string& last_id() const { return last_id_; }

  absl::StatusOr<Journal> Build() const {
    if (!status_.ok()) return status_;
    return *journal_;
  }

 private:
  static absl::Status Annotate(absl::string_view step, const absl::Status& s) {
    return absl::Status(s.code(), absl::StrCat(step, ": ", s.message()));
  }

  template <typename F>
  JournalBuilder& Step(absl::string_view what, F f) {
    if (!status_.ok() || !journal_) return *this;
    if (absl::Status s = f(*journal_); !s.ok()) status_ = Annotate(what, s);
    return *this;
  }

  std::optional<Journal> journal_;
  absl::Status status_;
  std::string last_id_;
};

inline ActionInput MakeActionInput(absl::string_view title,
                                   absl::string_view visible_result,
                                   absl::string_view owner_id,
                                   std::optional<absl::CivilDay> due = {},
                                   std::optional<Pillar> pillar = {}) {
  ActionInput a;
  a.title = std::string(title);
  a.visible_result = std::string(visible_result);
  a.owner_id = std::string(owner_id);
  a.due = due;
  a.pillar = pillar;
  return a;
}

// A journal that uses every part of the schema, all through the Journal API:
//  - config: some optional fields set (trend_alpha 0.1, due_soon_days 5,
//    check window 40..60 days);
//  - members ann, bob, cas, dirk, eva, fien, gus (joined 2026-01-05) and
//    hans (joined 2026-03-01); non-ASCII display names;
//  - r1: open round of 2026-02-02, five full responses, closed 2026-02-06;
//  - r2: confidential round of 2026-02-09, six responses, closed 2026-02-13;
//  - r3: open round of 2026-04-06 asking synergy and steering, partial
//    responses allowed, two responses, still open;
//  - p1 on r1 (focus structure, a note): a1 (ann) opened, three feedback
//    entries (one with progress 0, one by fien), done; a2 (bob, due
//    2026-03-01) opened and still open;
//  - p2 on r2 (focus steering): a3 (cas) opened, feedback, dropped with a
//    reason; a4 (eva) still proposed;
//  - c1 on 2026-03-25 led by ann: a2 replanned, four prompts, agreement 1
//    became a5 (dirk, structure), which got feedback; the guardian role
//    rotated to bob;
//  - bob left on 2026-04-01 (guardian handover to cas);
//  - fien was forgotten (forgotten-1; her feedback text is gone).
inline absl::StatusOr<Journal> BuildRichJournal() {
  v1::TeamConfig config;
  config.set_trend_alpha(0.1);
  config.set_due_soon_days(5);
  config.set_check_min_days(40);
  config.set_check_max_days(60);
  const absl::CivilDay joined = Day(2026, 1, 5);

  JournalBuilder b("mt-north", "MT Noord \xE2\x80\x94 \"Zuid\"", config);
  b.AddMember("ann", "Ann de Vries", joined)
      .AddMember("bob", "Bob Jansen", joined)
      .AddMember("cas", "Cas", joined)
      .AddMember("dirk", "Dirk \\ van 't Hof", joined)
      .AddMember("eva",
                 "\xC3\x89va Kov\xC3\xA1"
                 "cs",
                 joined)
      .AddMember("fien", "Fien \xF0\x9F\x8C\xB7", joined)
      .AddMember("gus", "Gus\tTab", joined)
      .AddMember("hans", "Hans", Day(2026, 3, 1));

  b.StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_OPEN)
      .AddResponse("r1", "bob", {3, 3, 2, 4, 4})
      .AddResponse("r1", "ann", {4, 3, 2, 4, 5})
      .AddResponse("r1", "cas", {5, 4, 1, 3, 4})
      .AddResponse("r1", "dirk", {4, 2, 2, 3, 5})
      .AddResponse("r1", "fien", {3, 3, 3, 3, 3})
      .CloseRound("r1", Day(2026, 2, 6));

  b.StartRound("r2", Day(2026, 2, 9), v1::ROUND_MODE_CONFIDENTIAL)
      .AddResponse("r2", "gus", {4, 4, 3, 2, 4})
      .AddResponse("r2", "ann", {4, 3, 3, 2, 5})
      .AddResponse("r2", "fien", {5, 4, 2, 1, 4})
      .AddResponse("r2", "bob", {3, 4, 3, 2, 4})
      .AddResponse("r2", "eva", {4, 5, 4, 3, 3})
      .AddResponse("r2", "cas", {4, 3, 3, 2, 4})
      .CloseRound("r2", Day(2026, 2, 13));

  PlanInput p1;
  p1.round_id = "r1";
  p1.created = Day(2026, 2, 10);
  p1.focus = Pillar::kStructure;
  p1.note = "Besluiten vastleggen \xE2\x80\x94 one list\nsecond line";
  p1.actions = {
      MakeActionInput("Decision log", "Log in the shared drive", "ann"),
      MakeActionInput("Roles on one page", "Page on the wall", "bob",
                      Day(2026, 3, 1), Pillar::kStructure)};
  b.CreatePlan(p1)
      .OpenAction("a1", Day(2026, 2, 11))
      .OpenAction("a2", Day(2026, 2, 11))
      .AddFeedback("a1", Day(2026, 2, 15), "bob", "Started", 0)
      .AddFeedback("a1", Day(2026, 2, 16), "fien", "Helpt mij", 50)
      .AddFeedback("a1", Day(2026, 2, 18), "ann", "Almost \"there\"")
      .CompleteAction("a1", Day(2026, 2, 20));

  PlanInput p2;
  p2.round_id = "r2";
  p2.created = Day(2026, 2, 14);
  p2.focus = Pillar::kSteering;
  p2.actions = {MakeActionInput("KPI board", "Board in the hall", "cas"),
                MakeActionInput("Risk list", "List reviewed monthly", "eva",
                                Day(2026, 3, 10))};
  b.CreatePlan(p2)
      .OpenAction("a3", Day(2026, 2, 15))
      .AddFeedback("a3", Day(2026, 2, 18), "cas", "Drafted", 10)
      .DropAction("a3", Day(2026, 2, 21), "Superseded by the KPI project");

  CheckInput check;
  check.date = Day(2026, 3, 25);
  check.helps = {"Short agenda"};
  check.chafes = {"Late starts"};
  check.hinders = {"Too many topics", "No minutes"};
  check.agreements = {"Start on time", "Share the agenda a day ahead"};
  check.reviews = {MakeReview("a2", v1::REVIEW_OUTCOME_REPLANNED, "2026-04-15",
                              "Waiting for HR")};
  AgreementAction agreement;
  agreement.agreement = 1;
  agreement.action =
      MakeActionInput("Agenda ahead", "Agenda in the channel by Monday", "dirk",
                      std::nullopt, Pillar::kStructure);
  check.agreement_actions = {agreement};
  b.RecordCheck(check).AddFeedback("a5", Day(2026, 3, 30), "dirk", "Done twice",
                                   40);

  b.RecordLeave("bob", Day(2026, 4, 1));

  b.StartRound("r3", Day(2026, 4, 6), v1::ROUND_MODE_OPEN,
               {Pillar::kSynergy, Pillar::kSteering}, /*allow_partial=*/true)
      .AddResponse("r3", "eva", {0, 4, 0, 0, 0})
      .AddResponse("r3", "hans", {0, 3, 0, 2, 0});

  b.ForgetMember("fien");
  return b.Build();
}

}  // namespace fives::journal_builder

#endif  // FIVES_TESTS_JOURNAL_BUILDER_H_
