#include "fives/charter.h"

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "charter_fixture.h"
#include "fives/catalog.h"
#include "fives/charter_phrases.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "proto_testing.h"

namespace fives {
namespace {

using ::fives::charter_fixture::BaseJournal;
using ::fives::charter_fixture::FullCharter;
using ::fives::charter_fixture::kAsOf;
using ::fives::charter_fixture::kConfirmed;
using ::fives::charter_fixture::Rule;
using ::fives::charter_fixture::WithCharter;
using ::fives::journal_builder::Day;
using ::fives::journal_builder::DeterministicBytes;
using ::fives::journal_builder::JournalBuilder;
using ::fives::journal_builder::MakeActionInput;
using ::fives::proto_testing::SetInt32Field;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string Describe(const std::vector<CharterFinding>& findings) {
  std::string out;
  for (const CharterFinding& f : findings) {
    absl::StrAppend(&out, f.severity == CharterFinding::kError ? "E " : "W ",
                    f.message, "\n");
  }
  return out;
}

// Expects a finding of `severity` on exactly `field`, in `pillar`, whose
// message starts with the field and contains `value`.
void ExpectFinding(const v1::Journal& j, CharterFinding::Severity severity,
                   Pillar pillar, const std::string& field,
                   const std::string& value) {
  const std::vector<CharterFinding> findings = CheckCharter(j, kAsOf);
  for (const CharterFinding& f : findings) {
    if (f.field != field || f.severity != severity) continue;
    EXPECT_EQ(f.pillar, pillar) << f.message;
    EXPECT_THAT(f.message, ::testing::StartsWith(field + ": "));
    EXPECT_THAT(f.message, HasSubstr(value));
    return;
  }
  ADD_FAILURE() << "no "
                << (severity == CharterFinding::kError ? "error" : "warning")
                << " on " << field << "; findings:\n"
                << Describe(findings);
}

TEST(CharterCheckTest, NoCharterNoFindings) {
  EXPECT_THAT(CheckCharter(BaseJournal(), kAsOf), IsEmpty());
}

TEST(CharterCheckTest, FullCharterHasNoFindings) {
  const v1::Journal j = WithCharter(FullCharter());
  EXPECT_THAT(CheckCharter(j, kAsOf), IsEmpty())
      << Describe(CheckCharter(j, kAsOf));
  EXPECT_TRUE(ValidateCharter(j, kAsOf).ok());
}

struct ErrorCase {
  std::string name;
  std::function<void(v1::Journal&)> change;
  Pillar pillar;
  std::string field;
  std::string value;
};

TEST(CharterCheckTest, EveryErrorNamesFieldAndValue) {
  const std::vector<ErrorCase> cases = {
      {"date not ISO",
       [](v1::Journal& j) {
         j.mutable_charter()->mutable_strategy()->set_priorities_updated(
             "2026-13-01");
       },
       Pillar::kStrategy, "strategy.priorities_updated", "\"2026-13-01\""},
      {"log date empty",
       [](v1::Journal& j) {
         j.mutable_charter()
             ->mutable_structure()
             ->mutable_decision_log(0)
             ->set_date("");
       },
       Pillar::kStructure, "structure.decision_log[0].date", "empty"},
      {"model unspecified",
       [](v1::Journal& j) {
         j.mutable_charter()
             ->mutable_structure()
             ->mutable_decision_register(1)
             ->set_model(v1::DECISION_MODEL_UNSPECIFIED);
       },
       Pillar::kStructure, "structure.decision_register[1].model",
       "DECISION_MODEL_UNSPECIFIED"},
      {"logged model unspecified",
       [](v1::Journal& j) {
         j.mutable_charter()
             ->mutable_structure()
             ->mutable_decision_log(0)
             ->set_model(v1::DECISION_MODEL_UNSPECIFIED);
       },
       Pillar::kStructure, "structure.decision_log[0].model",
       "DECISION_MODEL_UNSPECIFIED"},
      {"kpi owner unknown",
       [](v1::Journal& j) {
         j.mutable_charter()->mutable_steering()->mutable_kpis(2)->set_owner_id(
             "zed");
       },
       Pillar::kSteering, "steering.kpis[2].owner_id",
       "\"zed\" is not a member"},
      {"risk owner left",
       [](v1::Journal& j) {
         // Eva left; only the risk still names her.
         j.mutable_team()->mutable_members(4)->set_left("2026-04-01");
         j.mutable_charter()->mutable_synergy()->mutable_styles()->RemoveLast();
         j.mutable_charter()->mutable_steering()->mutable_kpis(4)->set_owner_id(
             "ann");
         j.mutable_charter()
             ->mutable_steering()
             ->mutable_communication(0)
             ->set_who_id("ann");
         j.mutable_charter()
             ->mutable_steering()
             ->mutable_risks(0)
             ->set_owner_id("eva");
       },
       Pillar::kSteering, "steering.risks[0].owner_id",
       "\"eva\" is not a current member on 2026-06-01"},
      {"risk without owner",
       [](v1::Journal& j) {
         j.mutable_charter()
             ->mutable_steering()
             ->mutable_risks(0)
             ->clear_owner_id();
       },
       Pillar::kSteering, "steering.risks[0].owner_id", "empty"},
      {"decision topic owner unknown",
       [](v1::Journal& j) {
         j.mutable_charter()
             ->mutable_structure()
             ->mutable_decision_register(0)
             ->set_owner_id("nobody");
       },
       Pillar::kStructure, "structure.decision_register[0].owner_id",
       "\"nobody\""},
      {"style member unknown",
       [](v1::Journal& j) {
         j.mutable_charter()
             ->mutable_synergy()
             ->mutable_styles(0)
             ->set_member_id("zed");
       },
       Pillar::kSynergy, "synergy.styles[0].member_id", "\"zed\""},
      {"progress over 100",
       [](v1::Journal& j) {
         j.mutable_charter()->mutable_success()->mutable_goals(0)->set_progress(
             101);
       },
       Pillar::kSuccess, "success.goals[0].progress", "101 is outside 0..100"},
      {"progress negative",
       [](v1::Journal& j) {
         j.mutable_charter()->mutable_success()->mutable_goals(0)->set_progress(
             -1);
       },
       Pillar::kSuccess, "success.goals[0].progress", "-1"},
      {"moment kind unknown",
       [](v1::Journal& j) {
         j.mutable_charter()->mutable_steering()->mutable_moments(3)->set_kind(
             "party");
       },
       Pillar::kSteering, "steering.moments[3].kind", "\"party\""},
      {"style key unknown",
       [](v1::Journal& j) {
         j.mutable_charter()->mutable_synergy()->mutable_styles(1)->set_style(
             "bold");
       },
       Pillar::kSynergy, "synergy.styles[1].style", "\"bold\""},
      {"signal number outside the catalog",
       [](v1::Journal& j) {
         v1::SignalTick* t = j.mutable_charter()->add_signals();
         t->set_check_id("c1");
         t->set_pillar(v1::PILLAR_STRUCTURE);
         t->set_number(9);
       },
       Pillar::kStructure, "signals[0].number", "9 is outside"},
      {"signal number 0 (they count from 1)",
       [](v1::Journal& j) {
         v1::SignalTick* t = j.mutable_charter()->add_signals();
         t->set_check_id("c1");
         t->set_pillar(v1::PILLAR_STRUCTURE);
       },
       Pillar::kStructure, "signals[0].number", "0 is outside"},
      {"the deprecated 0-based signal set",
       [](v1::Journal& j) {
         v1::SignalTick* t = j.mutable_charter()->add_signals();
         t->set_check_id("c1");
         t->set_pillar(v1::PILLAR_STRUCTURE);
         t->set_number(2);
         SetInt32Field(*t, "signal", 1);
       },
       Pillar::kStructure, "signals[0].signal",
       "1: the 0-based field is no longer read; give number (1..3)"},
      {"unknown check",
       [](v1::Journal& j) {
         v1::SignalTick* t = j.mutable_charter()->add_signals();
         t->set_check_id("c9");
         t->set_pillar(v1::PILLAR_STRATEGY);
         t->set_number(1);
       },
       Pillar::kStrategy, "signals[0].check_id", "\"c9\""},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    v1::Journal j = WithCharter(FullCharter());
    c.change(j);
    ExpectFinding(j, CharterFinding::kError, c.pillar, c.field, c.value);
    const absl::Status s = ValidateCharter(j, kAsOf);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(s.message()), HasSubstr(c.field));
  }
}

TEST(CharterCheckTest, PriorityCountWarnings) {
  v1::Journal j = WithCharter(FullCharter());
  auto* priorities =
      j.mutable_charter()->mutable_strategy()->mutable_priorities();
  priorities->DeleteSubrange(2, 2);
  std::vector<CharterFinding> findings = CheckCharter(j, kAsOf);
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_EQ(findings[0].severity, CharterFinding::kWarning);
  EXPECT_EQ(findings[0].pillar, Pillar::kStrategy);
  EXPECT_EQ(findings[0].field, "strategy.priorities");
  EXPECT_EQ(findings[0].message,
            "strategy.priorities: 2 priorities, the method asks 3 to 5");
  // Warnings do not fail validation.
  EXPECT_TRUE(ValidateCharter(j, kAsOf).ok());

  for (int i = 0; i < 4; ++i) priorities->Add("more");
  ExpectFinding(j, CharterFinding::kWarning, Pillar::kStrategy,
                "strategy.priorities", "6 priorities");
}

TEST(CharterCheckTest, KpiCountWarnings) {
  v1::Journal j = WithCharter(FullCharter());
  auto* kpis = j.mutable_charter()->mutable_steering()->mutable_kpis();
  kpis->RemoveLast();
  ExpectFinding(j, CharterFinding::kWarning, Pillar::kSteering, "steering.kpis",
                "5 KPIs, the method asks 6 to 10");
  while (kpis->size() < 11) *kpis->Add() = kpis->Get(0);
  ExpectFinding(j, CharterFinding::kWarning, Pillar::kSteering, "steering.kpis",
                "11 KPIs");
  EXPECT_TRUE(ValidateCharter(j, kAsOf).ok());
}

TEST(CharterCheckTest, DecisionWithAnotherModelWarns) {
  v1::Journal j = WithCharter(FullCharter());
  j.mutable_charter()->mutable_structure()->mutable_decision_log(0)->set_model(
      v1::DECISION_MODEL_MAJORITY);
  ExpectFinding(j, CharterFinding::kWarning, Pillar::kStructure,
                "structure.decision_log[0].model",
                "DECISION_MODEL_MAJORITY for \"budget\", the register says "
                "DECISION_MODEL_CONSENT");
  EXPECT_TRUE(ValidateCharter(j, kAsOf).ok());
}

TEST(CharterCheckTest, MissedSteeringMomentWarns) {
  v1::Journal j = WithCharter(FullCharter());
  j.mutable_charter()->mutable_steering()->mutable_moments(1)->set_held(false);
  ExpectFinding(j, CharterFinding::kWarning, Pillar::kSteering,
                "steering.moments[1].date",
                "talent moment of 2026-04-01 has passed without being held");
  // A moment on the review's own date has not passed yet.
  j.mutable_charter()->mutable_steering()->mutable_moments(1)->set_date(
      "2026-06-01");
  EXPECT_THAT(CheckCharter(j, kAsOf), IsEmpty());
}

// A finding as the review lists it, and in each language's words: the
// decision models and the steering moment translated, the date written
// long.
TEST(CharterCheckTest, FindingAsProtoAndInWords) {
  v1::Journal j = WithCharter(FullCharter());
  j.mutable_charter()->mutable_structure()->mutable_decision_log(0)->set_model(
      v1::DECISION_MODEL_MAJORITY);
  j.mutable_charter()->mutable_steering()->mutable_moments(1)->set_held(false);
  const std::vector<CharterFinding> findings = CheckCharter(j, kAsOf);
  ASSERT_EQ(findings.size(), 2u) << Describe(findings);

  const v1::Finding model = ToProto(findings[0]);
  EXPECT_EQ(model.severity(), v1::FINDING_SEVERITY_WARNING);
  EXPECT_EQ(model.field(), "structure.decision_log[0].model");
  EXPECT_EQ(model.message(), findings[0].message);
  EXPECT_EQ(model.code(), "model_differs");
  EXPECT_THAT(model.args(), ElementsAre("budget", "majority", "consent"));
  EXPECT_EQ(FindingText(model, Language::kEnglish),
            "\"budget\" was decided by majority vote, the register says "
            "consent");
  EXPECT_EQ(FindingText(model, Language::kDutch),
            "voor \"budget\" is meerderheid gebruikt, het register zegt "
            "consent");

  const v1::Finding moment = ToProto(findings[1]);
  EXPECT_EQ(moment.field(), "steering.moments[1].date");
  EXPECT_EQ(FindingText(moment, Language::kEnglish),
            "the talent steering moment of 1 April 2026 has passed without "
            "being held");
  EXPECT_EQ(FindingText(moment, Language::kDutch),
            "het stuurmoment talent van 1 april 2026 is voorbij zonder dat "
            "het gehouden is");

  // The review holds the same findings.
  const v1::CharterReview review = ReviewCharter(j, kAsOf, 365);
  const auto& structure = review.pillars(PillarIndex(Pillar::kStructure));
  ASSERT_EQ(structure.findings_size(), 1);
  EXPECT_TRUE(MessageDifferencer::Equals(structure.findings(0), model));

  // Without a code: the English message, whatever the language.
  CharterFinding bare = findings[0];
  bare.code.clear();
  bare.args.clear();
  bare.severity = CharterFinding::kError;
  const v1::Finding error = ToProto(bare);
  EXPECT_EQ(error.severity(), v1::FINDING_SEVERITY_ERROR);
  EXPECT_THAT(error.args(), IsEmpty());
  EXPECT_EQ(FindingText(error, Language::kDutch), bare.message);
}

TEST(CharterCheckTest, PassedFollowUpWarns) {
  v1::Journal j = WithCharter(FullCharter());
  v1::DecisionRecord* d =
      j.mutable_charter()->mutable_structure()->mutable_decision_log(0);
  d->set_follow_up("2026-05-01");
  ExpectFinding(j, CharterFinding::kWarning, Pillar::kStructure,
                "structure.decision_log[0].follow_up",
                "2026-05-01 for \"budget\" has passed");
  d->set_followed_up(true);
  EXPECT_THAT(CheckCharter(j, kAsOf), IsEmpty());
}

TEST(CharterCheckTest, FindingsAreDeterministic) {
  v1::Journal j = WithCharter(FullCharter());
  j.mutable_charter()->mutable_strategy()->clear_priorities();
  j.mutable_charter()->mutable_steering()->mutable_kpis(0)->set_owner_id("x");
  EXPECT_EQ(Describe(CheckCharter(j, kAsOf)), Describe(CheckCharter(j, kAsOf)));
}

const v1::PillarCharterReview& PillarOf(const v1::CharterReview& r, Pillar p) {
  return r.pillars(static_cast<int>(PillarIndex(p)));
}

TEST(CharterReviewTest, FullCharterIsReady) {
  const v1::CharterReview r = ReviewCharter(WithCharter(FullCharter()), kAsOf);
  EXPECT_EQ(r.as_of(), "2026-06-01");
  EXPECT_EQ(r.stale_days(), 365);
  ASSERT_EQ(r.pillars_size(), 5);
  for (Pillar p : kAllPillars) {
    const v1::PillarCharterReview& pr = PillarOf(r, p);
    EXPECT_EQ(pr.pillar(), ToProto(p));
    EXPECT_EQ(pr.key(), PillarKey(p));
    EXPECT_EQ(pr.readiness(), 1.0) << pr.key() << " " << pr.DebugString();
    EXPECT_THAT(pr.missing(), IsEmpty());
    EXPECT_THAT(pr.stale(), IsEmpty());
  }
  const v1::PillarCharterReview& strategy = PillarOf(r, Pillar::kStrategy);
  ASSERT_EQ(strategy.agreements_size(), 4);
  EXPECT_EQ(strategy.agreements(0).key(), "shared_sentence");
  EXPECT_EQ(strategy.agreements(0).state(), v1::AGREEMENT_STATE_IN_PLACE);
  EXPECT_EQ(strategy.agreements(0).updated(), kConfirmed);
  EXPECT_FALSE(r.has_next());
}

TEST(CharterReviewTest, PartlyFilledCharterByHand) {
  v1::Charter c;
  // Strategy: sentence and 2 priorities (too few) -> 1 of 4.
  c.mutable_strategy()->set_shared_sentence("We are successful when ...");
  c.mutable_strategy()->add_priorities("a");
  c.mutable_strategy()->add_priorities("b");
  // Synergy: the norm, and styles for 4 of 5 members -> 1 of 3.
  c.mutable_synergy()->set_disagreement_norm("Safe to disagree");
  for (const char* m : {"ann", "bob", "cas", "dirk"}) {
    v1::PreferenceStyle* s = c.mutable_synergy()->add_styles();
    s->set_member_id(m);
    s->set_style("fast");
  }
  // Structure: register and 4 blocks -> 2 of 3.
  *c.mutable_structure()->add_decision_register() =
      Rule("budget", v1::DECISION_MODEL_ADVICE, "ann");
  for (int i = 0; i < 4; ++i) c.mutable_structure()->add_meeting_blocks("b");
  // Steering: communication, a risk without owner -> 1 of 4.
  c.mutable_steering()->add_communication()->set_who_id("ann");
  c.mutable_steering()->add_risks()->set_description("no owner");
  // Success: the journal has a guardian and a recent check; no goals -> 2/3.
  const v1::CharterReview r = ReviewCharter(WithCharter(c), kAsOf);

  EXPECT_DOUBLE_EQ(PillarOf(r, Pillar::kStrategy).readiness(), 1.0 / 4);
  EXPECT_THAT(
      PillarOf(r, Pillar::kStrategy).missing(),
      ElementsAre("priorities", "not_doing", "strategy_checked_decisions"));
  EXPECT_DOUBLE_EQ(PillarOf(r, Pillar::kSynergy).readiness(), 1.0 / 3);
  EXPECT_THAT(PillarOf(r, Pillar::kSynergy).missing(),
              ElementsAre("feedback_language", "styles"));
  EXPECT_DOUBLE_EQ(PillarOf(r, Pillar::kStructure).readiness(), 2.0 / 3);
  EXPECT_THAT(PillarOf(r, Pillar::kStructure).missing(),
              ElementsAre("topic_owners"));
  EXPECT_DOUBLE_EQ(PillarOf(r, Pillar::kSteering).readiness(), 1.0 / 4);
  EXPECT_THAT(PillarOf(r, Pillar::kSteering).missing(),
              ElementsAre("kpis", "moments", "risks"));
  EXPECT_DOUBLE_EQ(PillarOf(r, Pillar::kSuccess).readiness(), 2.0 / 3);
  EXPECT_THAT(PillarOf(r, Pillar::kSuccess).missing(), ElementsAre("goals"));

  // The plan's focus is steering: its first missing agreement.
  EXPECT_EQ(r.next().pillar(), v1::PILLAR_STEERING);
  EXPECT_EQ(r.next().key(), "kpis");
  EXPECT_EQ(r.next().reason(), v1::NEXT_REASON_PLAN_FOCUS);

  // Check rhythm: 2026-05-06 + 56 days = 2026-07-01 is the last day.
  EXPECT_DOUBLE_EQ(
      PillarOf(ReviewCharter(WithCharter(c), Day(2026, 7, 1)), Pillar::kSuccess)
          .readiness(),
      2.0 / 3);
  EXPECT_THAT(
      PillarOf(ReviewCharter(WithCharter(c), Day(2026, 7, 2)), Pillar::kSuccess)
          .missing(),
      ElementsAre("check_rhythm", "goals"));
}

TEST(CharterReviewTest, StaleAfterStaleDays) {
  const v1::Journal j = WithCharter(FullCharter());
  // 2026-01-15 + 365 days = 2027-01-15: not yet stale on that day.
  v1::CharterReview r = ReviewCharter(j, Day(2027, 1, 15));
  EXPECT_EQ(PillarOf(r, Pillar::kStrategy).readiness(), 1.0);
  r = ReviewCharter(j, Day(2027, 1, 16));
  const v1::PillarCharterReview& strategy = PillarOf(r, Pillar::kStrategy);
  EXPECT_EQ(strategy.readiness(), 0.0);
  EXPECT_THAT(strategy.stale(),
              ElementsAre("shared_sentence", "priorities", "not_doing",
                          "strategy_checked_decisions"));
  EXPECT_THAT(strategy.missing(), IsEmpty());
  EXPECT_EQ(strategy.agreements(1).state(), v1::AGREEMENT_STATE_STALE);
  // A configurable age.
  EXPECT_EQ(PillarOf(ReviewCharter(j, Day(2027, 1, 16), 400), Pillar::kStrategy)
                .readiness(),
            1.0);
  EXPECT_EQ(PillarOf(ReviewCharter(j, Day(2026, 3, 1), 30), Pillar::kStrategy)
                .readiness(),
            0.0);
  // One reconfirmed agreement: 1 of 4.
  v1::Journal k = j;
  k.mutable_charter()->mutable_strategy()->set_not_doing_updated("2027-01-01");
  EXPECT_DOUBLE_EQ(
      PillarOf(ReviewCharter(k, Day(2027, 1, 16)), Pillar::kStrategy)
          .readiness(),
      1.0 / 4);
}

TEST(CharterReviewTest, NextPrefersThePlansFocus) {
  v1::Charter c = FullCharter();
  c.mutable_strategy()->clear_shared_sentence();
  c.mutable_strategy()->clear_priorities();
  c.mutable_structure()->clear_topic_owners();
  // Strategy 2/4 is the lowest, but the plan's focus is structure.
  v1::CharterReview r =
      ReviewCharter(WithCharter(c, true, Pillar::kStructure), kAsOf);
  EXPECT_EQ(r.next().pillar(), v1::PILLAR_STRUCTURE);
  EXPECT_EQ(r.next().key(), "topic_owners");
  EXPECT_EQ(r.next().reason(), v1::NEXT_REASON_PLAN_FOCUS);
  // Without a plan: the lowest readiness.
  r = ReviewCharter(WithCharter(c, false), kAsOf);
  EXPECT_EQ(r.next().pillar(), v1::PILLAR_STRATEGY);
  EXPECT_EQ(r.next().key(), "shared_sentence");
  EXPECT_EQ(r.next().reason(), v1::NEXT_REASON_LOWEST_READINESS);
  // The focus pillar complete: the lowest readiness too.
  r = ReviewCharter(WithCharter(c, true, Pillar::kSuccess), kAsOf);
  EXPECT_EQ(r.next().pillar(), v1::PILLAR_STRATEGY);
  EXPECT_EQ(r.next().reason(), v1::NEXT_REASON_LOWEST_READINESS);
  // Ties in the method's order: synergy 2/3 and structure 2/3.
  v1::Charter t = FullCharter();
  t.mutable_synergy()->clear_feedback_language();
  t.mutable_structure()->clear_meeting_blocks();
  r = ReviewCharter(WithCharter(t, false), kAsOf);
  EXPECT_EQ(r.next().pillar(), v1::PILLAR_SYNERGY);
  EXPECT_EQ(r.next().key(), "feedback_language");
}

TEST(CharterReviewTest, SignalsCountedOverTwoChecks) {
  v1::Charter c = FullCharter();
  auto tick = [&c](const char* check, v1::Pillar p, int number) {
    v1::SignalTick* t = c.add_signals();
    t->set_check_id(check);
    t->set_pillar(p);
    t->set_number(number);
  };
  tick("c1", v1::PILLAR_STRATEGY, 1);
  tick("c1", v1::PILLAR_STEERING, 2);
  tick("c2", v1::PILLAR_STRATEGY, 3);
  tick("c2", v1::PILLAR_STRATEGY, 1);
  tick("c2", v1::PILLAR_STRATEGY, 1);  // Twice at one check counts once.
  const v1::Journal j = WithCharter(c);
  const std::vector<CharterFinding> findings = CheckCharter(j, kAsOf);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, CharterFinding::kError);
  EXPECT_EQ(findings[0].field, "signals[4]");
  EXPECT_EQ(findings[0].message, "signals[4]: ticked twice at the same check");
  const v1::CharterReview r = ReviewCharter(j, kAsOf);
  EXPECT_EQ(r.checks(), 2);
  EXPECT_EQ(r.errors(), 1);
  const auto& strategy = PillarOf(r, Pillar::kStrategy).signals();
  ASSERT_EQ(strategy.size(), 2);
  EXPECT_EQ(strategy[0].number(), 1);
  EXPECT_EQ(strategy[0].checks(), 2);
  EXPECT_EQ(strategy[0].first(), "2026-03-25");
  EXPECT_EQ(strategy[0].last(), "2026-05-06");
  EXPECT_TRUE(strategy[0].at_latest_check());
  EXPECT_EQ(strategy[1].number(), 3);
  EXPECT_EQ(strategy[1].checks(), 1);
  EXPECT_EQ(strategy[1].first(), "2026-05-06");
  const auto& steering = PillarOf(r, Pillar::kSteering).signals();
  ASSERT_EQ(steering.size(), 1);
  EXPECT_EQ(steering[0].number(), 2);
  EXPECT_EQ(steering[0].checks(), 1);
  EXPECT_EQ(steering[0].first(), "2026-03-25");
  EXPECT_EQ(steering[0].last(), "2026-03-25");
  // Gone at the latest check: the team no longer sees it.
  EXPECT_FALSE(steering[0].at_latest_check());
  // Before the second check, only the first counts.
  const v1::CharterReview april = ReviewCharter(j, Day(2026, 4, 1));
  EXPECT_EQ(april.checks(), 1);
  ASSERT_EQ(PillarOf(april, Pillar::kStrategy).signals().size(), 1);
  EXPECT_EQ(PillarOf(april, Pillar::kStrategy).signals(0).checks(), 1);
  EXPECT_TRUE(PillarOf(april, Pillar::kSteering).signals(0).at_latest_check());
  EXPECT_THAT(PillarOf(r, Pillar::kSynergy).signals(), IsEmpty());
}

TEST(CharterReviewTest, Deterministic) {
  v1::Charter c = FullCharter();
  c.mutable_synergy()->clear_styles();
  const v1::Journal j = WithCharter(c);
  EXPECT_EQ(DeterministicBytes(ReviewCharter(j, kAsOf)),
            DeterministicBytes(ReviewCharter(j, kAsOf)));
}

TEST(CharterStyleTest, EveryStyleHasNamesAndPitfalls) {
  for (const StylePair& p : kStylePairs) {
    for (absl::string_view key : {p.first, p.second}) {
      EXPECT_TRUE(IsStyleKey(key));
      for (Language l : {Language::kEnglish, Language::kDutch}) {
        EXPECT_NE(StyleName(key, l), absl::StrCat("style_", key));
        EXPECT_NE(StylePitfall(key, l),
                  absl::StrCat("style_", key, "_pitfall"));
      }
    }
  }
  EXPECT_EQ(StyleName("decisive", Language::kEnglish), "decisive");
  EXPECT_EQ(StyleName("careful", Language::kDutch), "zorgvuldig");
  EXPECT_FALSE(IsStyleKey("bold"));
}

TEST(CharterJournalTest, SurvivesSerialization) {
  v1::Charter c = FullCharter();
  v1::SignalTick* t = c.add_signals();
  t->set_check_id("c2");
  t->set_pillar(v1::PILLAR_SYNERGY);
  t->set_number(2);
  c.mutable_structure()->mutable_decision_log(0)->set_followed_up(true);
  absl::StatusOr<Journal> journal = Journal::FromProto(WithCharter(c));
  ASSERT_TRUE(journal.ok()) << journal.status();
  for (JournalFormat format :
       {JournalFormat::kBinary, JournalFormat::kJson, JournalFormat::kText}) {
    SCOPED_TRACE(static_cast<int>(format));
    const std::string data = SerializeJournal(*journal, format);
    absl::StatusOr<Journal> back = ParseJournal(data, format);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_TRUE(MessageDifferencer::Equals(back->proto().charter(), c))
        << back->proto().charter().DebugString();
    EXPECT_TRUE(MessageDifferencer::Equals(back->proto(), journal->proto()));
  }
  absl::StatusOr<Journal> file = DecodeJournalFile(EncodeJournalFile(*journal));
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE(MessageDifferencer::Equals(file->proto().charter(), c));
}

TEST(CharterJournalTest, JournalValidateChecksTheCharterStructure) {
  v1::Journal j = WithCharter(FullCharter());
  EXPECT_TRUE(Journal::Validate(j).ok());
  j.mutable_charter()->mutable_synergy()->mutable_styles(1)->set_style("bold");
  const absl::Status s = Journal::Validate(j);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("charter.synergy.styles[1].style: \"bold\""));
  // Owners are not looked up: a forgotten member keeps the journal valid.
  absl::StatusOr<Journal> journal =
      Journal::FromProto(WithCharter(FullCharter()));
  ASSERT_TRUE(journal.ok()) << journal.status();
  ASSERT_TRUE(journal->ForgetMember("eva").ok());
  // The right to erasure reaches the charter: no field names "eva" any more.
  const std::string text = SerializeJournal(*journal, JournalFormat::kText);
  EXPECT_THAT(text, Not(HasSubstr("\"eva\"")));
  EXPECT_THAT(text, HasSubstr("\"forgotten-1\""));
  absl::StatusOr<Journal> back =
      ParseJournal(SerializeJournal(*journal, JournalFormat::kBinary),
                   JournalFormat::kBinary);
  EXPECT_TRUE(back.ok()) << back.status();
}

}  // namespace
}  // namespace fives
