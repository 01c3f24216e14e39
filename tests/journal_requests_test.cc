// The schema's requests as the journal's inputs: every field carried, the
// team's thresholds under the request's, each bad field named.
#include "fives/journal_requests.h"

#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "fives/journal.h"
#include "fives/pillar.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

template <typename Message>
Message Parse(const std::string& text) {
  Message m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

Journal StrictTeam() {
  // The team keeps its scores at 4 and 6 answers; a round may go stricter.
  absl::StatusOr<Journal> j = Journal::Create(
      "mt", "MT",
      Parse<v1::TeamConfig>("privacy { min_responses: 4 min_distribution: 6 }"
                            "agreement { shared_rwg: 0.75 }"));
  EXPECT_TRUE(j.ok()) << j.status();
  return *std::move(j);
}

TEST(RoundOptionsFromRequestTest, TheRequestSetsFieldsOverTheTeams) {
  const Journal j = StrictTeam();
  absl::StatusOr<RoundOptions> o = RoundOptionsFromRequest(
      j, Parse<v1::RoundRequest>(
             "id: 'r1' date: '2027-02-28' mode: ROUND_MODE_OPEN "
             "thresholds { min_distribution: 8 } "
             "agreement { split_agreement: -0.25 } "
             "pillars: PILLAR_STRUCTURE pillars: PILLAR_STRATEGY "
             "allow_partial: true"));
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->id, "r1");
  EXPECT_EQ(o->date, absl::CivilDay(2027, 2, 28));
  EXPECT_EQ(o->mode, v1::ROUND_MODE_OPEN);
  EXPECT_EQ(o->privacy.min_responses, 4);     // the team's
  EXPECT_EQ(o->privacy.min_distribution, 8);  // the request's
  EXPECT_EQ(o->agreement.shared_rwg, 0.75);   // the team's
  EXPECT_EQ(o->agreement.split_agreement, -0.25);
  EXPECT_EQ(o->agreement.ad_cutoff, 5.0 / 6.0);  // the method's default
  EXPECT_THAT(o->pillars, ElementsAre(Pillar::kStructure, Pillar::kStrategy));
  EXPECT_TRUE(o->allow_partial);
}

TEST(RoundOptionsFromRequestTest, WithoutThresholdsTheTeamsHold) {
  const Journal j = StrictTeam();
  absl::StatusOr<RoundOptions> o = RoundOptionsFromRequest(
      j, Parse<v1::RoundRequest>("id: 'r1' date: '2027-03-01' "
                                 "mode: ROUND_MODE_CONFIDENTIAL"));
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->privacy.min_responses, 4);
  EXPECT_EQ(o->privacy.min_distribution, 6);
  EXPECT_TRUE(o->pillars.empty());
  EXPECT_FALSE(o->allow_partial);
}

TEST(RoundOptionsFromRequestTest, RefusalsNameTheField) {
  const Journal j = StrictTeam();
  struct Case {
    std::string request, field;
  } cases[] = {
      {"id: 'r' date: '2027-02-30'", "request.date"},
      {"id: 'r' date: '2027-03-01' pillars: PILLAR_SYNERGY pillars: 9",
       "request.pillars[1]"},
      // Merged with the team's 4, a min_distribution of 3 is below it.
      {"id: 'r' date: '2027-03-01' thresholds { min_distribution: 3 }",
       "thresholds.min_distribution"},
      {"id: 'r' date: '2027-03-01' agreement { shared_rwg: 1.5 }",
       "shared_rwg"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<RoundOptions> o =
        RoundOptionsFromRequest(j, Parse<v1::RoundRequest>(c.request));
    EXPECT_EQ(o.status().code(), absl::StatusCode::kInvalidArgument)
        << c.request;
    EXPECT_THAT(o.status().message(), HasSubstr(c.field)) << c.request;
  }
}

TEST(PlanInputFromRequestTest, EveryFieldIsCarried) {
  absl::StatusOr<PlanInput> p = PlanInputFromRequest(Parse<v1::PlanRequest>(
      "round_id: 'r1' created: '2027-03-02' focus: PILLAR_STEERING "
      "note: 'after the offsite' "
      "actions { title: 'KPI board' visible_result: 'on the wall' "
      "          owner_id: 'anna' due: '2027-03-30' } "
      "actions { title: 'Risk list' owner_id: 'bert' "
      "          pillar: PILLAR_SUCCESS }"));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->round_id, "r1");
  EXPECT_EQ(p->created, absl::CivilDay(2027, 3, 2));
  EXPECT_EQ(p->focus, Pillar::kSteering);
  EXPECT_EQ(p->note, "after the offsite");
  ASSERT_EQ(p->actions.size(), 2u);
  EXPECT_EQ(p->actions[0].title, "KPI board");
  EXPECT_EQ(p->actions[0].visible_result, "on the wall");
  EXPECT_EQ(p->actions[0].owner_id, "anna");
  EXPECT_EQ(p->actions[0].due, absl::CivilDay(2027, 3, 30));
  EXPECT_EQ(p->actions[0].pillar, std::nullopt);
  EXPECT_EQ(p->actions[1].due, std::nullopt);
  EXPECT_EQ(p->actions[1].pillar, Pillar::kSuccess);
}

TEST(PlanInputFromRequestTest, NoFocusIsTheReportsFocus) {
  absl::StatusOr<PlanInput> p = PlanInputFromRequest(
      Parse<v1::PlanRequest>("round_id: 'r1' created: '2027-03-02'"));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->focus, std::nullopt);
  EXPECT_TRUE(p->actions.empty());
}

TEST(PlanInputFromRequestTest, RefusalsNameTheField) {
  struct Case {
    std::string request, field;
  } cases[] = {
      {"round_id: 'r1' created: '2 March'", "request.created"},
      {"round_id: 'r1' created: '2027-03-02' focus: 6", "request.focus"},
      {"round_id: 'r1' created: '2027-03-02' actions { title: 'a' } "
       "actions { title: 'b' due: '2027-13-01' }",
       "request.actions[1].due"},
      {"round_id: 'r1' created: '2027-03-02' actions { pillar: 7 }",
       "request.actions[0].pillar"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<PlanInput> p =
        PlanInputFromRequest(Parse<v1::PlanRequest>(c.request));
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument)
        << c.request;
    EXPECT_THAT(p.status().message(), HasSubstr(c.field)) << c.request;
  }
}

TEST(CheckInputFromRequestTest, EveryFieldIsCarried) {
  absl::StatusOr<CheckInput> c = CheckInputFromRequest(Parse<v1::CheckRequest>(
      "date: '2027-04-12' facilitator_id: 'carla' "
      "helps: 'short stand-ups' chafes: 'late agendas' hinders: 'silos' "
      "agreements: 'agenda a day ahead' agreements: 'one voice outside' "
      "reviews { action_id: 'a1' } "
      "agreement_actions { agreement: 1 action { title: 'Brief' "
      "  owner_id: 'anna' pillar: PILLAR_SYNERGY due: '2027-05-01' } } "
      "signals { pillar: PILLAR_STRATEGY }"));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->date, absl::CivilDay(2027, 4, 12));
  EXPECT_EQ(c->facilitator_id, "carla");
  EXPECT_THAT(c->helps, ElementsAre("short stand-ups"));
  EXPECT_THAT(c->chafes, ElementsAre("late agendas"));
  EXPECT_THAT(c->hinders, ElementsAre("silos"));
  EXPECT_THAT(c->agreements,
              ElementsAre("agenda a day ahead", "one voice outside"));
  ASSERT_EQ(c->reviews.size(), 1u);
  EXPECT_EQ(c->reviews[0].action_id(), "a1");
  ASSERT_EQ(c->agreement_actions.size(), 1u);
  EXPECT_EQ(c->agreement_actions[0].agreement, 1);
  EXPECT_EQ(c->agreement_actions[0].action.title, "Brief");
  EXPECT_EQ(c->agreement_actions[0].action.pillar, Pillar::kSynergy);
  EXPECT_EQ(c->agreement_actions[0].action.due, absl::CivilDay(2027, 5, 1));
  ASSERT_EQ(c->signals.size(), 1u);
  EXPECT_EQ(c->signals[0].pillar(), v1::PILLAR_STRATEGY);
}

TEST(CheckInputFromRequestTest, RefusalsNameTheField) {
  struct Case {
    std::string request, field;
  } cases[] = {
      {"date: ''", "request.date"},
      {"date: '2027-04-12' agreements: 'x' agreement_actions { "
       "agreement: 0 action { title: 't' due: 'soon' } }",
       "request.agreement_actions[0].due"},
      {"date: '2027-04-12' agreements: 'x' agreement_actions { "
       "agreement: 0 action { title: 't' pillar: 8 } }",
       "request.agreement_actions[0].pillar"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<CheckInput> input =
        CheckInputFromRequest(Parse<v1::CheckRequest>(c.request));
    EXPECT_EQ(input.status().code(), absl::StatusCode::kInvalidArgument)
        << c.request;
    EXPECT_THAT(input.status().message(), HasSubstr(c.field)) << c.request;
  }
}

}  // namespace
}  // namespace fives
