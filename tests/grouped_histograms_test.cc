#include "fives/grouped_histograms.h"

#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::HasSubstr;

// Reference: one ScoreHistogram per group and pillar, filled one by one.
std::vector<ScoreHistogram> Naive(size_t group_count,
                                  const std::vector<uint32_t>& groups,
                                  const std::vector<uint8_t>& scores) {
  std::vector<ScoreHistogram> h(group_count * kPillarCount);
  for (size_t i = 0; i < groups.size(); ++i) {
    for (size_t p = 0; p < kPillarCount; ++p) {
      const int s = scores[i * kPillarCount + p];
      if (s != 0) h[groups[i] * kPillarCount + p].AddUnchecked(s);
    }
  }
  return h;
}

void ExpectSameAsNaive(const GroupedHistograms& g,
                       const std::vector<ScoreHistogram>& naive) {
  for (size_t group = 0; group < g.group_count(); ++group) {
    for (Pillar p : kAllPillars) {
      ASSERT_EQ(g.Histogram(group, p),
                naive[group * kPillarCount + PillarIndex(p)])
          << "group " << group << " pillar " << PillarKey(p);
    }
  }
}

struct Random {
  std::vector<uint32_t> groups;
  std::vector<uint8_t> scores;
};

Random MakeRandom(size_t responses, uint32_t group_count, int seed,
                  bool with_gaps) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<uint32_t> group(0, group_count - 1);
  std::uniform_int_distribution<int> score(with_gaps ? 0 : 1, 5);
  Random r;
  for (size_t i = 0; i < responses; ++i) {
    r.groups.push_back(group(rng));
    for (size_t p = 0; p < kPillarCount; ++p) r.scores.push_back(score(rng));
  }
  return r;
}

TEST(GroupedHistogramsTest, MatchesNaiveCounting) {
  const Random r = MakeRandom(20000, 300, 1, /*with_gaps=*/true);
  GroupedHistograms g = *GroupedHistograms::Create(300);
  ASSERT_TRUE(g.Add(r.groups, r.scores).ok());
  EXPECT_EQ(g.responses(), 20000);
  ExpectSameAsNaive(g, Naive(300, r.groups, r.scores));
}

TEST(GroupedHistogramsTest, AddingInBatchesEqualsAddingAtOnce) {
  const Random r = MakeRandom(9000, 50, 2, false);
  GroupedHistograms whole = *GroupedHistograms::Create(50);
  ASSERT_TRUE(whole.Add(r.groups, r.scores).ok());
  GroupedHistograms parts = *GroupedHistograms::Create(50);
  for (size_t begin = 0; begin < 9000; begin += 1234) {
    const size_t n = std::min<size_t>(1234, 9000 - begin);
    ASSERT_TRUE(parts
                    .Add(absl::MakeConstSpan(&r.groups[begin], n),
                         absl::MakeConstSpan(&r.scores[begin * 5], n * 5))
                    .ok());
  }
  ExpectSameAsNaive(parts, Naive(50, r.groups, r.scores));
  ExpectSameAsNaive(whole, Naive(50, r.groups, r.scores));
}

TEST(GroupedHistogramsTest, LargeGroupsSpillPastThePackedCounters) {
  // 3 groups and 30,000 responses: about 2,000 of each score per group and
  // pillar, and 10,000 of score 5 for group 0, well past 2,048.
  Random r = MakeRandom(30000, 3, 3, false);
  for (size_t i = 0; i < 10000; ++i) {
    r.groups.push_back(0);
    for (int p = 0; p < 5; ++p) r.scores.push_back(5);
  }
  GroupedHistograms g = *GroupedHistograms::Create(3);
  ASSERT_TRUE(g.Add(r.groups, r.scores).ok());
  const auto naive = Naive(3, r.groups, r.scores);
  ExpectSameAsNaive(g, naive);
  EXPECT_GT(g.Histogram(0, Pillar::kSuccess).count(5), 10000);
  // Statistics agree with the direct computation on the spilled path too.
  g.ForEachStats({}, [&](size_t group, Pillar p, const ScoreStats& s) {
    const ScoreStats d =
        ComputeScoreStats(naive[group * kPillarCount + PillarIndex(p)]);
    EXPECT_EQ(ToProto(s).SerializeAsString(), ToProto(d).SerializeAsString());
  });
}

TEST(GroupedHistogramsTest, StatisticsEqualDirectComputation) {
  // Many groups of varied size: the memo table sees collisions.
  const Random r = MakeRandom(200000, 20000, 4, true);
  GroupedHistograms g = *GroupedHistograms::Create(20000);
  ASSERT_TRUE(g.Add(r.groups, r.scores).ok());
  const auto naive = Naive(20000, r.groups, r.scores);
  size_t visited = 0;
  size_t expected_group = 0, expected_pillar = 0;
  g.ForEachStats({}, [&](size_t group, Pillar p, const ScoreStats& s) {
    ASSERT_EQ(group, expected_group);
    ASSERT_EQ(PillarIndex(p), expected_pillar);
    if (++expected_pillar == kPillarCount) {
      expected_pillar = 0;
      ++expected_group;
    }
    ++visited;
    const ScoreStats d =
        ComputeScoreStats(naive[group * kPillarCount + PillarIndex(p)]);
    ASSERT_EQ(ToProto(s).SerializeAsString(), ToProto(d).SerializeAsString());
  });
  EXPECT_EQ(visited, 20000 * kPillarCount);
}

// The compact form: every group-pillar's index leads to the statistics of
// its own histogram, each distinct histogram appears once, in order of first
// appearance; with and without spilled counts.
TEST(GroupedHistogramsTest, DistinctStatsIndexEveryGroupPillar) {
  for (const bool spill : {false, true}) {
    SCOPED_TRACE(spill ? "with spilled counts" : "packed counts only");
    Random r = MakeRandom(30000, 3000, 5, true);
    if (spill) {
      for (size_t i = 0; i < 3000; ++i) {
        r.groups.push_back(7);
        for (int p = 0; p < 5; ++p) r.scores.push_back(4);
      }
    }
    GroupedHistograms g = *GroupedHistograms::Create(3000);
    ASSERT_TRUE(g.Add(r.groups, r.scores).ok());
    const auto naive = Naive(3000, r.groups, r.scores);
    std::vector<ScoreStats> distinct;
    std::vector<uint32_t> index(3000 * kPillarCount, 0xFFFFFFFF);
    g.ForEachDistinctStats(
        {}, [&](const ScoreStats& s) { distinct.push_back(s); },
        absl::MakeSpan(index));
    std::vector<ScoreHistogram> seen;
    uint32_t next_new = 0;
    for (size_t w = 0; w < index.size(); ++w) {
      ASSERT_LT(index[w], distinct.size());
      const ScoreStats& s = distinct[index[w]];
      ASSERT_EQ(s.histogram, naive[w]) << "group-pillar " << w;
      ASSERT_EQ(ToProto(s).SerializeAsString(),
                ToProto(ComputeScoreStats(naive[w])).SerializeAsString());
      if (index[w] == next_new) ++next_new;  // first appearance, in order
      ASSERT_LE(index[w], next_new);
    }
    EXPECT_EQ(next_new, distinct.size());
    for (size_t a = 0; a < distinct.size(); ++a) {
      for (size_t b = a + 1; b < distinct.size(); ++b) {
        ASSERT_NE(distinct[a].histogram, distinct[b].histogram);
      }
    }
    // Ten responses per group on average: far fewer distinct histograms
    // than the 15,000 group-pillars.
    EXPECT_LT(distinct.size(), index.size() / 2);
  }
}

TEST(GroupedHistogramsTest, ThresholdsReachTheLabels) {
  GroupedHistograms g = *GroupedHistograms::Create(1);
  // Scores 4,4,5,3,4,2 on every pillar: rwg 7/15, mixed by default.
  std::vector<uint32_t> groups(6, 0);
  std::vector<uint8_t> scores;
  for (int s : {4, 4, 5, 3, 4, 2}) {
    for (int p = 0; p < 5; ++p) scores.push_back(s);
  }
  ASSERT_TRUE(g.Add(groups, scores).ok());
  AgreementThresholds lenient;
  lenient.shared_rwg = 0.4;
  g.ForEachStats(lenient, [](size_t, Pillar, const ScoreStats& s) {
    EXPECT_EQ(s.label, AgreementLabel::kShared);
  });
}

TEST(GroupedHistogramsTest, BulkStatsMessageHasEveryGroupAndPillar) {
  GroupedHistograms g = *GroupedHistograms::Create(2);
  // Group 0: Strategy 2 and 4 (mean 3), the others 5 and 5. Group 1 answers
  // nothing, so its pillars have n = 0.
  std::vector<uint32_t> groups = {0, 0};
  std::vector<uint8_t> scores = {2, 5, 5, 5, 5, 4, 5, 5, 5, 5};
  ASSERT_TRUE(g.Add(groups, scores).ok());
  const v1::BulkStats bulk = ToProto(g);
  ASSERT_EQ(bulk.groups_size(), 2);
  EXPECT_EQ(bulk.groups(0).group(), 0u);
  EXPECT_EQ(bulk.groups(1).group(), 1u);
  for (const v1::GroupStats& group : bulk.groups()) {
    ASSERT_EQ(group.pillars_size(), 5);
    for (int p = 0; p < 5; ++p) {
      EXPECT_EQ(group.pillars(p).pillar(), ToProto(kAllPillars[p]));
    }
  }
  EXPECT_EQ(bulk.groups(0).pillars(0).n(), 2);
  EXPECT_EQ(bulk.groups(0).pillars(0).mean(), 3.0);
  EXPECT_EQ(bulk.groups(0).pillars(1).mean(), 5.0);
  EXPECT_EQ(bulk.groups(1).pillars(4).n(), 0);
}

TEST(GroupedHistogramsTest, BadInputIsRefusedAndNothingIsHalfApplied) {
  GroupedHistograms g = *GroupedHistograms::Create(4);
  // Some valid data first, including spilled counts.
  std::vector<uint32_t> groups(5000, 1);
  std::vector<uint8_t> scores(5000 * 5, 3);
  ASSERT_TRUE(g.Add(groups, scores).ok());
  const ScoreHistogram before = g.Histogram(1, Pillar::kSteering);
  ASSERT_EQ(before.count(3), 5000);

  // A bad score far into the batch, after several blocks were counted.
  std::vector<uint32_t> more(10000, 1);
  std::vector<uint8_t> more_scores(10000 * 5, 3);
  more_scores[9999 * 5 + 3] = 6;
  absl::Status s = g.Add(more, more_scores);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(),
              HasSubstr("scores[49998]: 6 is outside 1..5 (response 9999, "
                        "pillar steering"));
  EXPECT_EQ(g.Histogram(1, Pillar::kSteering), before);
  EXPECT_EQ(g.responses(), 5000);

  // A group index out of range.
  more_scores[9999 * 5 + 3] = 3;
  more[7000] = 4;
  s = g.Add(more, more_scores);
  EXPECT_THAT(s.message(),
              HasSubstr("groups[7000]: 4 is not below group_count 4"));
  EXPECT_EQ(g.Histogram(1, Pillar::kSteering), before);
  EXPECT_EQ(g.Histogram(1, Pillar::kStrategy), before);

  // Sizes that do not match.
  s = g.Add(std::vector<uint32_t>{0, 1}, std::vector<uint8_t>{1, 2, 3});
  EXPECT_THAT(s.message(), HasSubstr("3 values for 2 responses"));
  EXPECT_EQ(g.responses(), 5000);
}

TEST(GroupedHistogramsTest, CreateRefusesBadGroupCounts) {
  EXPECT_EQ(GroupedHistograms::Create(0).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GroupedHistograms::Create(GroupedHistograms::kMaxGroups + 1)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(GroupedHistogramsTest, EmptyAddIsFine) {
  GroupedHistograms g = *GroupedHistograms::Create(2);
  EXPECT_TRUE(g.Add({}, {}).ok());
  g.ForEachStats({}, [](size_t, Pillar, const ScoreStats& s) {
    EXPECT_EQ(s.n, 0);
    EXPECT_FALSE(s.mean.has_value());
  });
}

}  // namespace
}  // namespace fives
