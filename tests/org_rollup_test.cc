// The organisation rollup over real journals: visible cells are the exact
// sums of the teams' scores (re-added here from the scores fed in), no
// withheld cell follows from the visible ones, and every bad input is an
// error or a stated exclusion.
#include "fives/org_rollup.h"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/journal_io.h"
#include "fives/org.h"
#include "fives/org_partial.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "proto_testing.h"
#include "span_audit.h"

namespace fives {
namespace {

using ::fives::journal_builder::Day;
using ::fives::journal_builder::JournalBuilder;
using ::testing::HasSubstr;
using ::testing::Not;

// The scores member i of team t gives pillar p in round r: spread over 1..5.
int ScoreOf(int t, int i, int p, int r) {
  return 1 + (t * 7 + i * 3 + p * 5 + r * 2 + (i * p) % 3) % 5;
}

// A team of `size` members; round r (1-based) dated in month 3*r, closed a
// week later, everyone answering.
Journal MakeTeam(int t, int size, int rounds = 1,
                 v1::RoundMode mode = v1::ROUND_MODE_CONFIDENTIAL) {
  JournalBuilder b(absl::StrCat("t", t), absl::StrCat("Team ", t));
  for (int i = 0; i < size; ++i) {
    b.AddMember(absl::StrCat("m", i), absl::StrCat("Member ", i),
                Day(2026, 1, 5));
  }
  for (int r = 1; r <= rounds; ++r) {
    const std::string id = absl::StrCat("r", r);
    b.StartRound(id, Day(2026, 3 * r, 2), mode);
    for (int i = 0; i < size; ++i) {
      std::array<int, 5> s;
      for (int p = 0; p < 5; ++p) s[p] = ScoreOf(t, i, p, r);
      b.AddResponse(id, absl::StrCat("m", i), s);
    }
    b.CloseRound(id, Day(2026, 3 * r, 9));
  }
  absl::StatusOr<Journal> j = b.Build();
  EXPECT_TRUE(j.ok()) << j.status();
  return *j;
}

// acme: ops {t1 (8), t2 (9), t3 (7)}, sales {t4 (10), t5 (4)}; regions
// north {t1, t4}, south {t2, t3, t5}.
constexpr char kOrg[] = R"pb(
  id: "acme"
  name: "Acme"
  group_by: "region"
  units { id: "acme" name: "Acme" }
  units { id: "ops" name: "Operations" parent: "acme" }
  units {
    id: "u1"
    name: "Team 1"
    parent: "ops"
    team_id: "t1"
    attributes { key: "region" value: "north" }
  }
  units {
    id: "u2"
    name: "Team 2"
    parent: "ops"
    team_id: "t2"
    attributes { key: "region" value: "south" }
  }
  units {
    id: "u3"
    name: "Team 3"
    parent: "ops"
    team_id: "t3"
    attributes { key: "region" value: "south" }
  }
  units { id: "sales" name: "Sales" parent: "acme" }
  units {
    id: "u4"
    name: "Team 4"
    parent: "sales"
    team_id: "t4"
    attributes { key: "region" value: "north" }
  }
  units {
    id: "u5"
    name: "Team 5"
    parent: "sales"
    team_id: "t5"
    attributes { key: "region" value: "south" }
  }
)pb";

// Team 6 is in no organisation: its journal is a foreign one.
constexpr std::array<int, 7> kSizes = {0, 8, 9, 7, 10, 4, 6};

v1::OrgPeriod Period(absl::string_view from, absl::string_view to) {
  v1::OrgPeriod p;
  p.set_from(std::string(from));
  p.set_to(std::string(to));
  return p;
}

std::vector<JournalBytes> Journals(int rounds, std::vector<int> teams) {
  std::vector<JournalBytes> out;
  for (int t : teams) {
    out.push_back({absl::StrCat("t", t, ".journal"),
                   EncodeJournalFile(MakeTeam(t, kSizes[t], rounds))});
  }
  return out;
}

class OrgRollupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Org> org = Org::Parse(kOrg);
    ASSERT_TRUE(org.ok()) << org.status();
    org_.emplace(*std::move(org));
  }
  absl::StatusOr<v1::OrgRollup> Roll(const std::vector<JournalBytes>& j,
                                     const v1::OrgPeriod& period,
                                     RollupOptions options = {}) {
    absl::StatusOr<v1::OrgPartials> partials = PartialsOf(j, period, 2);
    if (!partials.ok()) return partials.status();
    return RollUp(*org_, *partials, options);
  }
  const v1::OrgRow& Row(const v1::OrgRollup& r, absl::string_view id) {
    for (const v1::OrgRow& row : r.rows()) {
      if (row.unit_id() == id ||
          (row.kind() == v1::ORG_ROW_KIND_GROUP && row.group_value() == id)) {
        return row;
      }
    }
    ADD_FAILURE() << "no row " << id;
    return r.rows(0);
  }
  std::optional<Org> org_;
};

// Teams of each row, by row id.
const std::map<std::string, std::vector<int>> kRowTeams = {
    {"acme", {1, 2, 3, 4, 5}},
    {"ops", {1, 2, 3}},
    {"sales", {4, 5}},
    {"u1", {1}},
    {"u2", {2}},
    {"u3", {3}},
    {"u4", {4}},
    {"u5", {5}},
    {"north", {1, 4}},
    {"south", {2, 3, 5}}};

TEST_F(OrgRollupTest, VisibleCellsAreTheExactSumsOfTheTeamsScores) {
  absl::StatusOr<v1::OrgRollup> r =
      Roll(Journals(1, {1, 2, 3, 4, 5}), Period("2026-03-01", "2026-03-31"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->complete());
  ASSERT_EQ(r->rows_size(), 10);  // 8 units, 2 regions
  for (const auto& [id, teams] : kRowTeams) {
    const v1::OrgRow& row = Row(*r, id);
    int respondents = 0;
    for (int t : teams) respondents += kSizes[t];
    EXPECT_EQ(row.respondents(), respondents) << id;
    EXPECT_EQ(row.teams(), static_cast<int>(teams.size())) << id;
    for (int p = 0; p < 5; ++p) {
      std::array<int, 5> counts = {};
      int sum = 0;
      for (int t : teams) {
        for (int i = 0; i < kSizes[t]; ++i) {
          ++counts[ScoreOf(t, i, p, 1) - 1];
          sum += ScoreOf(t, i, p, 1);
        }
      }
      const v1::PillarStats& s = row.pillars(p).stats();
      EXPECT_EQ(s.n(), respondents) << id << " pillar " << p;
      if (s.has_mean()) {
        EXPECT_DOUBLE_EQ(s.mean(), static_cast<double>(sum) / respondents)
            << id;
      }
      if (s.histogram_size() > 0) {
        EXPECT_THAT(s.histogram(), ::testing::ElementsAreArray(counts)) << id;
      }
    }
  }
}

TEST_F(OrgRollupTest, SmallTeamAndItsComplementsAreWithheld) {
  absl::StatusOr<v1::OrgRollup> r =
      Roll(Journals(1, {1, 2, 3, 4, 5}), Period("2026-03-01", "2026-03-31"));
  ASSERT_TRUE(r.ok()) << r.status();
  // Team 5 has four people: its mean only, for itself.
  const v1::OrgCell& t5 = Row(*r, "u5").pillars(0);
  EXPECT_EQ(t5.stats().disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(t5.withheld(), v1::ORG_WITHHELD_TOO_FEW);
  EXPECT_EQ(t5.stats().histogram_size(), 0);
  // Sales = t4 + t5: t4's distribution would give t5's, so it goes.
  const v1::OrgCell& t4 = Row(*r, "u4").pillars(0);
  EXPECT_EQ(t4.stats().disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(t4.withheld(), v1::ORG_WITHHELD_PROTECTS_ANOTHER);
  EXPECT_GT(r->cells_withheld_protecting(), 0);
}

// The independent audit: per pillar, no cell without its distribution
// follows from the distributions shown, and no cell without its mean from
// the means shown, with each cell a 0/1 vector over the five teams.
TEST_F(OrgRollupTest, NoWithheldCellFollowsFromTheVisibleOnes) {
  for (int period = 0; period < 2; ++period) {
    absl::StatusOr<v1::OrgRollup> r =
        period == 0 ? Roll(Journals(1, {1, 2, 3, 4, 5}),
                           Period("2026-03-01", "2026-03-31"))
                    : Roll(Journals(2, {1, 2, 3, 4, 5}),
                           Period("2026-06-01", "2026-06-30"));
    ASSERT_TRUE(r.ok()) << r.status();
    std::vector<std::vector<int64_t>> vectors;
    std::vector<const v1::OrgRow*> rows;
    for (const v1::OrgRow& row : r->rows()) {
      const std::string id = row.kind() == v1::ORG_ROW_KIND_GROUP
                                 ? row.group_value()
                                 : row.unit_id();
      std::vector<int64_t> v(5, 0);
      for (int t : kRowTeams.at(id)) v[t - 1] = 1;
      vectors.push_back(v);
      rows.push_back(&row);
    }
    for (int p = 0; p < 5; ++p) {
      std::vector<bool> full(rows.size()), mean(rows.size());
      for (size_t i = 0; i < rows.size(); ++i) {
        const v1::PillarStats& s = rows[i]->pillars(p).stats();
        full[i] = s.disclosure() == v1::DISCLOSURE_FULL;
        mean[i] = s.has_mean();
      }
      const std::vector<bool> by_full = span_audit::Derivable(vectors, full);
      const std::vector<bool> by_mean = span_audit::Derivable(vectors, mean);
      for (size_t i = 0; i < rows.size(); ++i) {
        EXPECT_FALSE(!full[i] && by_full[i])
            << "distribution of row " << i << " pillar " << p;
        EXPECT_FALSE(!mean[i] && by_mean[i])
            << "mean of row " << i << " pillar " << p;
      }
    }
  }
}

TEST_F(OrgRollupTest, OpenRoundsRollUpWithoutNames) {
  std::vector<JournalBytes> j = Journals(1, {1, 2, 3, 4});
  j.push_back({"t5.journal", EncodeJournalFile(MakeTeam(5, kSizes[5], 1,
                                                        v1::ROUND_MODE_OPEN))});
  absl::StatusOr<v1::OrgRollup> r = Roll(j, Period("2026-03-01", "2026-03-31"));
  ASSERT_TRUE(r.ok()) << r.status();
  // Open in the team, but in the rollup four people show only their mean.
  const v1::OrgCell& t5 = Row(*r, "u5").pillars(2);
  EXPECT_EQ(t5.stats().disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  for (const v1::OrgRow& row : r->rows()) {
    for (const v1::OrgCell& c : row.pillars()) {
      EXPECT_EQ(c.stats().scores_size(), 0) << row.unit_id();
    }
  }
}

TEST_F(OrgRollupTest, TeamRanksOnlyAmongShownMeans) {
  absl::StatusOr<v1::OrgRollup> r =
      Roll(Journals(1, {1, 2, 3, 4, 5}), Period("2026-03-01", "2026-03-31"));
  ASSERT_TRUE(r.ok()) << r.status();
  for (int p = 0; p < 5; ++p) {
    std::vector<std::pair<double, std::string>> means;
    for (int t = 1; t <= 5; ++t) {
      int sum = 0;
      for (int i = 0; i < kSizes[t]; ++i) sum += ScoreOf(t, i, p, 1);
      means.push_back(
          {static_cast<double>(sum) / kSizes[t], absl::StrCat("u", t)});
    }
    for (const auto& [mean, id] : means) {
      int above = 0;
      for (const auto& other : means) above += other.first > mean;
      const v1::OrgCell& c = Row(*r, id).pillars(p);
      ASSERT_TRUE(c.has_rank()) << id;
      EXPECT_EQ(c.rank(), above + 1) << id << " pillar " << p;
      EXPECT_EQ(c.ranked(), 5);
    }
  }
  // Units and groups carry no rank.
  EXPECT_FALSE(Row(*r, "ops").pillars(0).has_rank());
}

TEST_F(OrgRollupTest, StrictRefusesAndLenientStatesEveryBadInput) {
  const v1::OrgPeriod q1 = Period("2026-03-01", "2026-03-31");
  struct Case {
    std::string what;
    std::vector<JournalBytes> journals;
    std::string error;
  };
  std::vector<JournalBytes> missing = Journals(1, {1, 2, 3, 4});
  std::vector<JournalBytes> foreign = Journals(1, {1, 2, 3, 4, 5, 6});
  std::vector<JournalBytes> twice = Journals(1, {1, 2, 3, 4, 5});
  twice.push_back({"t5-copy.journal", twice.back().bytes});
  std::vector<JournalBytes> broken = Journals(1, {1, 2, 3, 4, 5});
  broken.push_back({"bad.journal", "not a journal"});
  const std::vector<Case> cases = {
      {"missing", missing, "team \"t5\" (unit \"u5\") has no journal"},
      {"foreign", foreign, "journal t6.journal: team \"t6\" is not in"},
      {"twice", twice,
       "team \"t5\" has 2 journals: t5-copy.journal, "
       "t5.journal"},
      {"broken", broken, "journal bad.journal: "},
  };
  for (const Case& c : cases) {
    absl::StatusOr<v1::OrgRollup> strict = Roll(c.journals, q1);
    EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument)
        << c.what;
    EXPECT_THAT(strict.status().message(), HasSubstr(c.error)) << c.what;
    RollupOptions lenient;
    lenient.strict = false;
    absl::StatusOr<v1::OrgRollup> r = Roll(c.journals, q1, lenient);
    ASSERT_TRUE(r.ok()) << c.what << ": " << r.status();
    EXPECT_FALSE(r->complete()) << c.what;
    ASSERT_GE(r->excluded_size(), 1) << c.what;
    EXPECT_THAT(r->excluded(0).reason() + r->excluded(0).journal(),
                HasSubstr(c.what == "broken" ? "bad.journal" : "t"));
  }
  // Two journals of one team: neither counts.
  RollupOptions lenient;
  lenient.strict = false;
  absl::StatusOr<v1::OrgRollup> r = Roll(twice, q1, lenient);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Row(*r, "u5").teams_with_round(), 0);
  EXPECT_EQ(Row(*r, "acme").respondents(), 8 + 9 + 7 + 10);
  // A period without rounds.
  absl::StatusOr<v1::OrgRollup> none =
      Roll(Journals(1, {1, 2, 3, 4, 5}), Period("2025-01-01", "2025-12-31"));
  EXPECT_EQ(none.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(none.status().message(),
              HasSubstr("no team of the organisation closed a round between "
                        "2025-01-01 and 2025-12-31"));
}

TEST_F(OrgRollupTest, TeamWithoutARoundInThePeriodIsStated) {
  std::vector<JournalBytes> j = Journals(2, {1, 2, 3, 4});
  j.push_back({"t5.journal", EncodeJournalFile(MakeTeam(5, kSizes[5], 1))});
  absl::StatusOr<v1::OrgRollup> r = Roll(j, Period("2026-06-01", "2026-06-30"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->complete());
  ASSERT_EQ(r->excluded_size(), 1);
  EXPECT_EQ(r->excluded(0).team_id(), "t5");
  EXPECT_THAT(r->excluded(0).reason(), HasSubstr("closed no round between"));
  EXPECT_EQ(Row(*r, "sales").teams(), 2);
  EXPECT_EQ(Row(*r, "sales").teams_with_round(), 1);
}

// Team 5 drops out between the quarters: sales in Q2 is Team 4 alone, whose
// people differ from sales in Q1 by Team 5's four. Q1 showed sales' whole
// distribution, so Q2 shows its mean only; and Team 4, the same people,
// loses its distribution to protect it.
TEST_F(OrgRollupTest, DifferencingBetweenPeriodsIsHeldBack) {
  absl::StatusOr<v1::OrgPartials> q1 = PartialsOf(
      Journals(1, {1, 2, 3, 4, 5}), Period("2026-03-01", "2026-03-31"));
  ASSERT_TRUE(q1.ok());
  std::vector<JournalBytes> j = Journals(2, {1, 2, 3, 4});
  j.push_back({"t5.journal", EncodeJournalFile(MakeTeam(5, kSizes[5], 1))});
  absl::StatusOr<v1::OrgPartials> q2 =
      PartialsOf(j, Period("2026-06-01", "2026-06-30"));
  ASSERT_TRUE(q2.ok());
  absl::StatusOr<v1::OrgRollup> before = RollUp(*org_, *q1);
  ASSERT_TRUE(before.ok()) << before.status();
  ASSERT_EQ(Row(*before, "sales").pillars(0).stats().disclosure(),
            v1::DISCLOSURE_FULL);
  RollupOptions lenient;
  lenient.strict = false;
  absl::StatusOr<v1::OrgRollup> alone = RollUp(*org_, *q2, lenient);
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(Row(*alone, "sales").pillars(0).stats().disclosure(),
            v1::DISCLOSURE_FULL);
  lenient.earlier = &*q1;
  absl::StatusOr<v1::OrgRollup> after = RollUp(*org_, *q2, lenient);
  ASSERT_TRUE(after.ok()) << after.status();
  const v1::OrgCell& sales = Row(*after, "sales").pillars(0);
  EXPECT_EQ(sales.stats().disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(sales.withheld(), v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER);
  const v1::OrgCell& t4 = Row(*after, "u4").pillars(0);
  EXPECT_EQ(t4.stats().disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(t4.withheld(), v1::ORG_WITHHELD_PROTECTS_ANOTHER);
  // Ops kept its three teams: nothing to hold back there.
  EXPECT_EQ(Row(*after, "ops").pillars(0).stats().disclosure(),
            v1::DISCLOSURE_FULL);
  EXPECT_EQ(after->earlier().from(), "2026-03-01");

  // The whole organisation also lost exactly those four people.
  EXPECT_EQ(Row(*after, "acme").pillars(0).withheld(),
            v1::ORG_WITHHELD_DIFFERS_FROM_EARLIER);

  // The trend: the same rows, the verdict where both show the distribution.
  absl::StatusOr<v1::OrgTrend> trend = CompareRollups(*before, *after);
  ASSERT_TRUE(trend.ok()) << trend.status();
  ASSERT_EQ(trend->rows(0).unit_id(), "acme");
  int checked = 0;
  for (const v1::OrgRowTrend& row : trend->rows()) {
    if (row.unit_id() == "sales" || row.unit_id() == "acme") {
      EXPECT_EQ(row.pillars(0).verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
      EXPECT_FALSE(row.pillars(0).has_p_value());
      EXPECT_TRUE(row.pillars(0).has_mean_change());
      ++checked;
    }
    if (row.unit_id() == "ops") {
      EXPECT_NE(row.pillars(0).verdict(), v1::TREND_VERDICT_NOT_ENOUGH_DATA);
      EXPECT_TRUE(row.pillars(0).has_p_value());
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3);
  EXPECT_EQ(trend->weakest_before(), before->weakest());
  EXPECT_EQ(trend->weakest_moved().pillar(), before->weakest());
}

TEST_F(OrgRollupTest, FollowUpAddsUpOverTheTeams) {
  JournalBuilder b("t1", "Team 1");
  for (int i = 0; i < 8; ++i) {
    b.AddMember(absl::StrCat("m", i), "M", Day(2026, 1, 5));
  }
  b.StartRound("r1", Day(2026, 3, 2), v1::ROUND_MODE_CONFIDENTIAL);
  for (int i = 0; i < 8; ++i) {
    b.AddResponse("r1", absl::StrCat("m", i), {3, 3, 2, 4, 4});
  }
  b.CloseRound("r1", Day(2026, 3, 9));
  PlanInput plan;
  plan.round_id = "r1";
  plan.created = Day(2026, 3, 10);
  plan.focus = Pillar::kStructure;
  plan.actions = {
      journal_builder::MakeActionInput("A", "a", "m0", Day(2026, 3, 20)),
      journal_builder::MakeActionInput("B", "b", "m1", Day(2026, 3, 25))};
  b.CreatePlan(plan)
      .OpenAction("a1", Day(2026, 3, 11))
      .OpenAction("a2", Day(2026, 3, 11))
      .CompleteAction("a1", Day(2026, 3, 18));
  absl::StatusOr<Journal> t1 = b.Build();
  ASSERT_TRUE(t1.ok()) << t1.status();
  std::vector<JournalBytes> j = Journals(1, {2, 3, 4, 5});
  j.push_back({"t1.journal", EncodeJournalFile(*t1)});
  absl::StatusOr<v1::OrgRollup> r = Roll(j, Period("2026-03-01", "2026-03-31"));
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::OrgFollowUp& f = Row(*r, "ops").follow_up();
  EXPECT_EQ(f.teams_with_plan(), 1);
  EXPECT_EQ(f.actions_done(), 1);
  EXPECT_EQ(f.actions_overdue(), 1);  // a2 due 03-25, open on 03-31
  EXPECT_DOUBLE_EQ(f.completion_rate(), 0.5);
  EXPECT_DOUBLE_EQ(f.on_time_rate(), 1.0);
  ASSERT_EQ(f.teams_focus_size(), 5);
  EXPECT_EQ(f.teams_focus(2), 1);  // structure
  EXPECT_EQ(Row(*r, "sales").follow_up().teams_with_plan(), 0);
}

TEST_F(OrgRollupTest, PartialsFoldInAnyOrderToTheSameBytes) {
  const v1::OrgPeriod q1 = Period("2026-03-01", "2026-03-31");
  absl::StatusOr<v1::OrgPartials> a = PartialsOf(Journals(1, {1, 2}), q1);
  absl::StatusOr<v1::OrgPartials> b = PartialsOf(Journals(1, {3, 4, 5}), q1);
  absl::StatusOr<v1::OrgPartials> all =
      PartialsOf(Journals(1, {5, 3, 1, 4, 2}), q1, 1);
  ASSERT_TRUE(a.ok() && b.ok() && all.ok());
  absl::StatusOr<v1::OrgPartials> ab = FoldPartials(*a, *b);
  absl::StatusOr<v1::OrgPartials> ba = FoldPartials(*b, *a);
  ASSERT_TRUE(ab.ok() && ba.ok());
  using proto_testing::DeterministicBytes;
  EXPECT_EQ(DeterministicBytes(*ab), DeterministicBytes(*ba));
  EXPECT_EQ(DeterministicBytes(*ab), DeterministicBytes(*all));
  absl::StatusOr<v1::OrgPartials> other =
      PartialsOf(Journals(1, {1}), Period("2026-01-01", "2026-03-31"));
  ASSERT_TRUE(other.ok());
  EXPECT_THAT(FoldPartials(*a, *other).status().message(),
              HasSubstr("do not fold together"));
}

TEST_F(OrgRollupTest, PartialsWhoseColumnsDoNotLineUpAreRefused) {
  absl::StatusOr<v1::OrgPartials> p = PartialsOf(
      Journals(1, {1, 2, 3, 4, 5}), Period("2026-03-01", "2026-03-31"));
  ASSERT_TRUE(p.ok());
  v1::OrgPartials short_column = *p;
  short_column.mutable_journal()->RemoveLast();
  EXPECT_THAT(RollUp(*org_, short_column).status().message(),
              HasSubstr("partials.journal: 4 entries for 5 teams"));
  EXPECT_THAT(FoldPartials(*p, short_column).status().message(),
              HasSubstr("partials.journal: 4 entries for 5 teams"));
  v1::OrgPartials ids = *p;
  ids.add_respondent_ids("extra");
  EXPECT_THAT(CheckPartialColumns(ids).message(),
              HasSubstr("partials.respondent_ids: "));
  // Each team read back is the team that went in.
  EXPECT_EQ(TeamPartialAt(*p, 2).team_id(), "t3");
  EXPECT_EQ(TeamPartialAt(*p, 2).respondent_ids_size(), kSizes[3]);
}

// A fresh directory under the test's temporary directory.
std::string MakeDirectory(absl::string_view name) {
  std::string path = absl::StrCat(::testing::TempDir(), "/", name, "XXXXXX");
  EXPECT_NE(::mkdtemp(path.data()), nullptr) << path;
  return path;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Partials name a journal by its file name: the same files in two places
// give the same bytes, and a file that fails says why without the host's
// path.
TEST_F(OrgRollupTest, PartialsOfADirectoryNameFilesNotWhereTheyAre) {
  const v1::OrgPeriod q1 = Period("2026-03-01", "2026-03-31");
  std::vector<std::string> bytes;
  for (const std::string& directory :
       {MakeDirectory("here"), MakeDirectory("elsewhere")}) {
    for (const JournalBytes& j : Journals(1, {1, 2, 3})) {
      WriteFile(absl::StrCat(directory, "/", j.name), j.bytes);
    }
    WriteFile(absl::StrCat(directory, "/broken.journal"), "not a journal");
    // A directory named like a journal opens but cannot be read.
    ASSERT_EQ(::mkdir(absl::StrCat(directory, "/folder.journal").c_str(), 0700),
              0);
    WriteFile(absl::StrCat(directory, "/notes.txt"), "not read at all");
    absl::StatusOr<v1::OrgPartials> p = PartialsOfDirectory(directory, q1, 2);
    ASSERT_TRUE(p.ok()) << p.status();
    EXPECT_EQ(p->team_id_size(), 3);
    ASSERT_EQ(p->excluded_size(), 2);
    EXPECT_EQ(p->excluded(0).journal(), "broken.journal");
    EXPECT_EQ(p->excluded(1).journal(), "folder.journal");
    EXPECT_THAT(p->excluded(1).reason(), HasSubstr("cannot be read"));
    for (const v1::OrgExclusion& e : p->excluded()) {
      EXPECT_THAT(e.reason(), Not(HasSubstr(directory)));
      EXPECT_THAT(e.reason(), Not(HasSubstr(::testing::TempDir())));
    }
    bytes.push_back(proto_testing::DeterministicBytes(*p));
  }
  EXPECT_EQ(bytes[0], bytes[1]);
  EXPECT_EQ(PartialsOfDirectory("/nonexistent/fives", q1).status().code(),
            absl::StatusCode::kNotFound);
}

// An organisation large enough to be rolled up on several threads (areas
// of 4 teams under 4 divisions, a region grouping), with random teams and
// thresholds: the same bytes on one thread and on four, and in strict mode
// the same first error.
TEST(OrgRollupThreadsTest, ManyThreadsGiveTheBytesOfOne) {
  constexpr int kTeams = 6000;
  v1::Organization proto;
  proto.set_id("big");
  proto.set_name("Big");
  proto.add_group_by("region");
  auto unit = [&](const std::string& id, const std::string& parent) {
    v1::OrgUnit* u = proto.add_units();
    u->set_id(id);
    u->set_name(id);
    u->set_parent(parent);
    return u;
  };
  unit("big", "");
  for (int d = 0; d < 4; ++d) unit(absl::StrCat("d", d), "big");
  for (int a = 0; a < kTeams / 4; ++a)
    unit(absl::StrCat("a", a), absl::StrCat("d", a % 4));
  std::mt19937 rng(11);
  std::vector<v1::TeamPartial> teams;
  for (int t = 0; t < kTeams; ++t) {
    v1::OrgUnit* u =
        unit(absl::StrCat("u", t), absl::StrCat("a", t % (kTeams / 4)));
    u->set_team_id(absl::StrCat("t", t));
    v1::OrgAttribute* region = u->add_attributes();
    region->set_key("region");
    region->set_value(absl::StrCat("r", rng() % 3));
    v1::TeamPartial p;
    p.set_team_id(absl::StrCat("t", t));
    p.set_journal(absl::StrCat("t", t, ".journal"));
    p.set_round_id("r1");
    p.set_closed_on("2026-05-04");
    p.set_mode(v1::ROUND_MODE_CONFIDENTIAL);
    // A few teams ask for more than the organisation.
    p.mutable_privacy()->set_min_responses(t % 97 == 0 ? 4 : 3);
    p.mutable_privacy()->set_min_distribution(t % 89 == 0 ? 7 : 5);
    const int n = 1 + static_cast<int>(rng() % 9);
    p.set_members(n);
    p.set_respondents(n);
    for (Pillar pillar : kAllPillars) {
      v1::TeamPillarPartial* tp = p.add_pillars();
      tp->set_pillar(ToProto(pillar));
      tp->set_n(n);
      std::array<int, 5> counts = {};
      for (int i = 0; i < n; ++i) ++counts[rng() % 5];
      for (int c : counts) tp->add_counts(c);
      tp->set_team_disclosure(n >= 5 ? v1::DISCLOSURE_FULL
                                     : v1::DISCLOSURE_NO_DISTRIBUTION);
    }
    teams.push_back(std::move(p));
  }
  absl::StatusOr<Org> org = Org::FromProto(proto);
  ASSERT_TRUE(org.ok()) << org.status();
  v1::OrgPeriod q2 = Period("2026-04-01", "2026-06-30");
  const v1::OrgPartials partials = PartialsFromTeams(teams, q2);
  RollupOptions one, four;
  one.threads = 1;
  four.threads = 4;
  absl::StatusOr<v1::OrgRollup> a = RollUp(*org, partials, one);
  absl::StatusOr<v1::OrgRollup> b = RollUp(*org, partials, four);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status() << b.status();
  EXPECT_GT(a->cells_withheld_protecting(), 0);
  EXPECT_EQ(proto_testing::DeterministicBytes(*a),
            proto_testing::DeterministicBytes(*b));
  // Against an earlier period (the same teams with their scores shifted).
  std::vector<v1::TeamPartial> earlier_teams = teams;
  for (v1::TeamPartial& t : earlier_teams) {
    v1::TeamPillarPartial* first = t.mutable_pillars(0);
    if (first->counts(0) > 0) {
      first->set_counts(0, first->counts(0) - 1);
      first->set_counts(4, first->counts(4) + 1);
    }
  }
  const v1::OrgPartials earlier =
      PartialsFromTeams(earlier_teams, Period("2026-01-01", "2026-03-31"));
  one.earlier = four.earlier = &earlier;
  a = RollUp(*org, partials, one);
  b = RollUp(*org, partials, four);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status() << b.status();
  EXPECT_EQ(proto_testing::DeterministicBytes(*a),
            proto_testing::DeterministicBytes(*b));
  one.earlier = four.earlier = nullptr;
  // Two bad teams far apart: the first in the partials' order is named.
  teams[4000].mutable_privacy()->set_min_responses(1);
  teams[5000].mutable_pillars(2)->set_n(99);
  const v1::OrgPartials bad = PartialsFromTeams(teams, q2);
  for (const RollupOptions& options : {one, four}) {
    EXPECT_THAT(RollUp(*org, bad, options).status().message(),
                HasSubstr("journal t4000.journal: privacy"));
  }
}

TEST(OrgTest, BadTreesAreRefusedNamingTheUnit) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"pb(id: "o"
            name: "O"
            units { id: "a" name: "A" }
            units { id: "a" name: "A2" parent: "a" })pb",
       "units[1] (id \"a\"): the unit appears twice (first as units[0])"},
      {R"pb(id: "o"
            name: "O"
            units { id: "a" name: "A" }
            units { id: "b" name: "B" parent: "c" }
            units { id: "c" name: "C" parent: "b" })pb",
       "units[1] (id \"b\").parent: \"c\" leads round in a cycle"},
      {R"pb(id: "o"
            name: "O"
            units { id: "a" name: "A" }
            units { id: "b" name: "B" parent: "x" })pb",
       "units[1] (id \"b\").parent: no unit has the id \"x\""},
      {R"pb(id: "o"
            name: "O"
            units { id: "a" name: "A" }
            units { id: "b" name: "B" })pb",
       "units[1] (id \"b\").parent: empty, but units[0] (id \"a\") is "
       "already the root"},
      {R"pb(id: "o"
            name: "O"
            units { id: "a" name: "A" }
            units { id: "t" name: "T" parent: "a" team_id: "x" }
            units { id: "u" name: "U" parent: "t" })pb",
       "\"t\" is a team, and a team has no units below it"},
      {R"pb(id: "o"
            name: "O"
            units { id: "a" name: "A" }
            units { id: "t" name: "T" parent: "a" team_id: "x" }
            units { id: "u" name: "U" parent: "a" team_id: "x" })pb",
       "units[2] (id \"u\").team_id: team \"x\" is already the team of "
       "units[1]"},
      {R"pb(id: "o"
            name: "O"
            group_by: "r"
            group_by: "r"
            units { id: "a" name: "A" })pb",
       "group_by[1]: \"r\" is listed twice"},
      {R"pb(id: "o"
            name: "O"
            privacy { min_responses: 2 }
            units { id: "a" name: "A" })pb",
       "privacy: "},
      {R"pb(id: "o"
            name: "O"
            units { id: "b" name: "B" parent: "c" }
            units { id: "c" name: "C" parent: "b" })pb",
       "the tree has a cycle and no root"},
      {R"pb(id: "o" name: "O")pb", "units: the organisation has no units"},
  };
  for (const auto& [text, error] : cases) {
    absl::StatusOr<Org> org = Org::Parse(text);
    EXPECT_EQ(org.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(org.status().message(), HasSubstr(error)) << text;
  }
}

TEST(OrgTest, JsonAndTextGiveTheSameTree) {
  absl::StatusOr<Org> text = Org::Parse(kOrg);
  absl::StatusOr<Org> json = Org::Parse(R"({"id": "acme", "name": "Acme",
      "groupBy": ["region"],
      "units": [{"id": "acme", "name": "Acme"},
                {"id": "u1", "name": "Team 1", "parent": "acme",
                 "teamId": "t1"}]})");
  ASSERT_TRUE(text.ok() && json.ok()) << json.status();
  EXPECT_EQ(text->UnitCount(), 8);
  EXPECT_EQ(json->UnitCount(), 2);
  EXPECT_EQ(text->SubtreeEnd(1), 5);  // ops and its three teams
  EXPECT_EQ(text->Depth(2), 2);
  EXPECT_EQ(text->TeamUnit("t4"), 6);
  ASSERT_EQ(text->Groupings().size(), 1u);
  EXPECT_THAT(text->Groupings()[0].values,
              ::testing::ElementsAre("north", "south"));
}

}  // namespace
}  // namespace fives
