#include "fives/score_stats.h"

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::HasSubstr;

constexpr double kTolerance = 1e-9;

ScoreStats StatsOf(std::vector<int> scores) {
  absl::StatusOr<ScoreStats> s = ComputeScoreStats(scores);
  EXPECT_TRUE(s.ok()) << s.status();
  return *s;
}

ScoreStats StatsOfCounts(std::vector<int64_t> counts) {
  return ComputeScoreStats(*ScoreHistogram::FromCounts(counts));
}

// The worked examples of statistics.md, to the six decimals printed there.
struct WorkedExample {
  std::vector<int64_t> counts;
  double rwg, rwg_raw, ad_mean, ad_median, consensus, agreement;
};

TEST(ScoreStatsTest, WorkedExamplesOfTheDesign) {
  const std::vector<WorkedExample> examples = {
      {{0, 0, 4, 0, 0}, 1, 1, 0, 0, 1, 1},                 // 3,3,3,3
      {{2, 0, 0, 0, 2}, 0, -1.666667, 2, 2, 0, -1},        // 1,5,1,5
      {{1, 1, 1, 1, 1}, 0, -0.25, 1.2, 1.2, 0.433985, 0},  // 1..5
      {{0, 1, 1, 3, 1},
       0.466667,
       0.466667,
       0.777778,
       0.666667,  // 4,4,5,3,4,2
       0.666300,
       0.5},
      {{0, 0, 1, 1, 0}, 0.75, 0.75, 0.5, 0.5, 0.807355, 0.75},  // 3,4
      {{0, 0, 0, 3, 1}, 0.875, 0.875, 0.375, 0.25, 0.855278, 0.875},
      {{2, 0, 0, 0, 1},
       0,
       -1.666667,
       1.777778,
       1.333333,
       0.081704,
       -0.333333},  // 1,1,5
      {{0, 2, 5, 3, 0}, 0.727778, 0.727778, 0.54, 0.5, 0.778628, 0.65},
      {{2, 1, 3, 4, 2},
       0.079545,
       0.079545,
       1.083333,
       1.083333,
       0.494702,
       0.194444},
  };
  for (const WorkedExample& e : examples) {
    SCOPED_TRACE(::testing::PrintToString(e.counts));
    const ScoreStats s = StatsOfCounts(e.counts);
    EXPECT_NEAR(*s.rwg, e.rwg, 5e-7);
    EXPECT_NEAR(*s.rwg_raw, e.rwg_raw, 5e-7);
    EXPECT_NEAR(*s.ad_mean, e.ad_mean, 5e-7);
    EXPECT_NEAR(*s.ad_median, e.ad_median, 5e-7);
    EXPECT_NEAR(*s.consensus, e.consensus, 5e-7);
    EXPECT_NEAR(*s.agreement, e.agreement, 5e-7);
  }
}

TEST(ScoreStatsTest, HandWorkedExampleIsExact) {
  // 4,4,5,3,4,2: mean 22/6, s^2 = 16/15, rwg = 7/15.
  const ScoreStats s = StatsOf({4, 4, 5, 3, 4, 2});
  EXPECT_EQ(s.n, 6);
  EXPECT_DOUBLE_EQ(*s.mean, 22.0 / 6.0);
  EXPECT_DOUBLE_EQ(*s.median, 4.0);
  EXPECT_DOUBLE_EQ(*s.sd, std::sqrt(16.0 / 15.0));
  EXPECT_DOUBLE_EQ(*s.rwg, 7.0 / 15.0);
  EXPECT_EQ(*s.min, 2);
  EXPECT_EQ(*s.max, 5);
  const double sum_logs =
      1.0 / 6 * std::log2(7.0 / 12) + 1.0 / 6 * std::log2(10.0 / 12) +
      3.0 / 6 * std::log2(11.0 / 12) + 1.0 / 6 * std::log2(8.0 / 12);
  EXPECT_NEAR(sum_logs, -0.333699, 1e-6);
  EXPECT_NEAR(*s.consensus, 1 + sum_logs, 1e-12);
  EXPECT_DOUBLE_EQ(*s.agreement, 0.5);
  EXPECT_EQ(s.label, AgreementLabel::kMixed);
}

// One row of tests/testdata/stats_reference.tsv, written by the independent
// exact-fraction implementation in tests/tools/stats_reference.py.
struct ReferenceRow {
  std::string line;
  std::vector<int64_t> counts;
  std::vector<std::string> fields;
};

std::vector<ReferenceRow> ReadReference() {
  std::ifstream in(std::string(FIVES_TESTDATA_DIR) + "/stats_reference.tsv");
  std::vector<ReferenceRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ReferenceRow row;
    row.line = line;
    row.fields = absl::StrSplit(line, '\t');
    for (int i = 0; i < 5; ++i) {
      int64_t c = 0;
      EXPECT_TRUE(absl::SimpleAtoi(row.fields[i], &c)) << line;
      row.counts.push_back(c);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void ExpectField(const std::string& text, const std::optional<double>& value,
                 const char* name) {
  if (text == "NA") {
    EXPECT_FALSE(value.has_value()) << name << " should be undefined";
    return;
  }
  double expected = 0;
  ASSERT_TRUE(absl::SimpleAtod(text, &expected)) << text;
  ASSERT_TRUE(value.has_value()) << name << " should be " << expected;
  EXPECT_NEAR(*value, expected, kTolerance) << name;
}

TEST(ScoreStatsTest, MatchesIndependentReferenceImplementation) {
  const std::vector<ReferenceRow> rows = ReadReference();
  ASSERT_GE(rows.size(), 300u) << "reference file missing or short";
  for (const ReferenceRow& row : rows) {
    SCOPED_TRACE(row.line);
    ASSERT_EQ(row.fields.size(), 18u);
    const ScoreStats s = StatsOfCounts(row.counts);
    EXPECT_EQ(absl::StrCat(s.n), row.fields[5]);
    ExpectField(row.fields[6], s.mean, "mean");
    ExpectField(row.fields[7], s.median, "median");
    ExpectField(row.fields[8], s.sd, "sd");
    EXPECT_EQ(absl::StrCat(*s.min), row.fields[9]);
    EXPECT_EQ(absl::StrCat(*s.max), row.fields[10]);
    ExpectField(row.fields[11], s.rwg, "rwg");
    ExpectField(row.fields[12], s.rwg_raw, "rwg_raw");
    ExpectField(row.fields[13], s.ad_mean, "ad_mean");
    ExpectField(row.fields[14], s.ad_median, "ad_median");
    ExpectField(row.fields[15], s.consensus, "consensus");
    ExpectField(row.fields[16], s.agreement, "agreement");
    EXPECT_EQ(AgreementLabelKey(s.label), row.fields[17]);
  }
}

TEST(ScoreStatsTest, SingleScoreHasNoSpreadButFullAgreement) {
  for (int score = 1; score <= 5; ++score) {
    const ScoreStats s = StatsOf({score});
    EXPECT_EQ(s.n, 1);
    EXPECT_EQ(*s.mean, score);
    EXPECT_EQ(*s.median, score);
    EXPECT_EQ(*s.min, score);
    EXPECT_EQ(*s.max, score);
    EXPECT_FALSE(s.sd.has_value());
    EXPECT_FALSE(s.rwg.has_value());
    EXPECT_FALSE(s.rwg_raw.has_value());
    EXPECT_FALSE(s.ad_mean.has_value());
    EXPECT_FALSE(s.ad_median.has_value());
    EXPECT_EQ(*s.consensus, 1.0);
    EXPECT_EQ(*s.agreement, 1.0);
    EXPECT_EQ(s.label, AgreementLabel::kSingle);
  }
}

TEST(ScoreStatsTest, TwoScores) {
  // 1 and 5: s^2 = 8, rwg truncated to 0, raw 1 - 8/2 = -3; mean 3, both
  // at distance 2 of it: consensus 1 + log2(1/2) = 0; agreement -1.
  const ScoreStats s = StatsOf({5, 1});
  EXPECT_DOUBLE_EQ(*s.median, 3.0);
  EXPECT_DOUBLE_EQ(*s.rwg, 0.0);
  EXPECT_DOUBLE_EQ(*s.rwg_raw, -3.0);
  EXPECT_DOUBLE_EQ(*s.ad_mean, 2.0);
  EXPECT_DOUBLE_EQ(*s.consensus, 0.0);
  EXPECT_DOUBLE_EQ(*s.agreement, -1.0);
  EXPECT_EQ(s.label, AgreementLabel::kSplit);
  EXPECT_TRUE(s.ad_above_cutoff);
  // 2 and 3: s^2 = 1/2, rwg 0.75; median 2.5; AD around the median 0.5.
  const ScoreStats t = StatsOf({2, 3});
  EXPECT_DOUBLE_EQ(*t.median, 2.5);
  EXPECT_DOUBLE_EQ(*t.rwg, 0.75);
  EXPECT_DOUBLE_EQ(*t.ad_median, 0.5);
  EXPECT_EQ(t.label, AgreementLabel::kShared);
}

TEST(ScoreStatsTest, AllEqualAtEitherEndIsFullAgreement) {
  for (int score : {1, 5}) {
    const ScoreStats s = StatsOf(std::vector<int>(9, score));
    EXPECT_DOUBLE_EQ(*s.sd, 0.0);
    EXPECT_DOUBLE_EQ(*s.rwg, 1.0);
    EXPECT_DOUBLE_EQ(*s.ad_mean, 0.0);
    EXPECT_DOUBLE_EQ(*s.consensus, 1.0);
    EXPECT_DOUBLE_EQ(*s.agreement, 1.0);
    EXPECT_EQ(s.label, AgreementLabel::kShared);
    EXPECT_FALSE(s.ad_above_cutoff);
  }
}

TEST(ScoreStatsTest, EmptyHistogramHasOnlyN) {
  const ScoreStats s = ComputeScoreStats(ScoreHistogram());
  EXPECT_EQ(s.n, 0);
  EXPECT_FALSE(s.mean || s.median || s.sd || s.min || s.max || s.rwg ||
               s.rwg_raw || s.ad_mean || s.ad_median || s.consensus ||
               s.agreement);
  const v1::PillarStats p = ToProto(s);
  EXPECT_FALSE(p.has_mean());
  EXPECT_EQ(p.histogram_size(), 0);
}

TEST(ScoreStatsTest, ThresholdsChangeTheLabel) {
  // 4,4,5,3,4,2: rwg 7/15 ~ 0.467, agreement 0.5.
  const ScoreHistogram h = *ScoreHistogram::FromCounts({0, 1, 1, 3, 1});
  EXPECT_EQ(ComputeScoreStats(h).label, AgreementLabel::kMixed);
  AgreementThresholds lenient;
  lenient.shared_rwg = 0.4;
  EXPECT_EQ(ComputeScoreStats(h, lenient).label, AgreementLabel::kShared);
  AgreementThresholds strict;
  strict.split_agreement = 0.6;
  EXPECT_EQ(ComputeScoreStats(h, strict).label, AgreementLabel::kSplit);
  AgreementThresholds ad;
  ad.ad_cutoff = 0.5;  // ad_mean 7/9
  EXPECT_TRUE(ComputeScoreStats(h, ad).ad_above_cutoff);
  EXPECT_FALSE(ComputeScoreStats(h).ad_above_cutoff);
}

TEST(ScoreStatsTest, RwgExactlyAtThresholdIsShared) {
  // Counts 0,3,5,3,0: n = 11, mean 3, squared deviations 6, s^2 = 6/10,
  // rwg = 1 - 0.3 = 0.7 exactly (in exact arithmetic): shared.
  const ScoreStats s = StatsOfCounts({0, 3, 5, 3, 0});
  EXPECT_NEAR(*s.rwg, 0.7, 1e-15);
  EXPECT_EQ(s.label, AgreementLabel::kShared);
  // Counts 0,3,4,3,0: n = 10, s^2 = 6/9, rwg = 2/3 < 0.7: mixed.
  EXPECT_EQ(StatsOfCounts({0, 3, 4, 3, 0}).label, AgreementLabel::kMixed);
}

TEST(ScoreStatsTest, BadScoresAreRefusedNamingIndexAndValue) {
  auto empty = ComputeScoreStats(std::vector<int>{});
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(empty.status().message(), HasSubstr("empty"));
  for (int bad : {0, 6, -1}) {
    auto s = ComputeScoreStats(std::vector<int>{3, 4, bad});
    EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(
        s.status().message(),
        HasSubstr(absl::StrCat("scores[2]: ", bad, " is outside 1..5")));
  }
}

TEST(ScoreHistogramTest, FromCountsRefusesBadInput) {
  EXPECT_EQ(ScoreHistogram::FromCounts({1, 2, 3}).status().code(),
            absl::StatusCode::kInvalidArgument);
  auto negative = ScoreHistogram::FromCounts({1, 2, -3, 0, 0});
  EXPECT_THAT(negative.status().message(), HasSubstr("histogram[2]: count -3"));
}

TEST(ScoreHistogramTest, RefusesMoreThanTheSchemaCarries) {
  EXPECT_EQ(ScoreHistogram::FromCounts({kMaxHistogramScores, 1, 0, 0, 0})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  ScoreHistogram full =
      *ScoreHistogram::FromCounts({kMaxHistogramScores, 0, 0, 0, 0});
  EXPECT_EQ(full.Add(3).code(), absl::StatusCode::kResourceExhausted);
  ScoreHistogram one = *ScoreHistogram::FromCounts({0, 0, 1, 0, 0});
  EXPECT_EQ(one.Merge(full).code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(one.n(), 1);
}

TEST(ScoreHistogramTest, AddRefusesOutOfRangeAndChangesNothing) {
  ScoreHistogram h;
  ASSERT_TRUE(h.Add(3).ok());
  EXPECT_EQ(h.Add(6).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(h.Add(0).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(h.n(), 1);
  EXPECT_EQ(h.count(3), 1);
}

// Merging the histograms of two shards gives the statistics of the union,
// for random data and random splits.
TEST(ScoreHistogramTest, MergeEqualsAggregateOfUnion) {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> score(1, 5), size(0, 30);
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<int> all(size(rng) + 1);
    for (int& s : all) s = score(rng);
    const size_t cut =
        std::uniform_int_distribution<size_t>(0, all.size())(rng);
    std::vector<int> a(all.begin(), all.begin() + cut);
    std::vector<int> b(all.begin() + cut, all.end());
    ScoreHistogram merged = *ScoreHistogram::FromScores(a);
    ASSERT_TRUE(merged.Merge(*ScoreHistogram::FromScores(b)).ok());
    const ScoreHistogram whole = *ScoreHistogram::FromScores(all);
    ASSERT_EQ(merged, whole);
    const v1::PillarStats x = ToProto(ComputeScoreStats(merged));
    const v1::PillarStats y = ToProto(ComputeScoreStats(whole));
    ASSERT_EQ(x.SerializeAsString(), y.SerializeAsString());
  }
}

TEST(ScoreStatsTest, OrderOfScoresDoesNotMatter) {
  std::vector<int> scores = {5, 1, 4, 4, 2, 3, 3, 5, 1};
  const std::string first = ToProto(StatsOf(scores)).SerializeAsString();
  std::mt19937 rng(7);
  for (int i = 0; i < 20; ++i) {
    std::shuffle(scores.begin(), scores.end(), rng);
    EXPECT_EQ(ToProto(StatsOf(scores)).SerializeAsString(), first);
  }
}

TEST(ScoreStatsTest, LargeCountsStayExact) {
  // Half 1s and half 5s, a billion each: mean 3, s^2 = 4 n / (n - 1).
  const int64_t half = 1'000'000'000;
  const ScoreStats s = StatsOfCounts({half, 0, 0, 0, half});
  EXPECT_DOUBLE_EQ(*s.mean, 3.0);
  EXPECT_NEAR(*s.sd, std::sqrt(4.0 * 2 * half / (2 * half - 1)), 1e-12);
  EXPECT_DOUBLE_EQ(*s.agreement, -1.0);
  EXPECT_DOUBLE_EQ(*s.consensus, 0.0);
}

TEST(ScoreStatsTest, ProtoKeepsUndefinedValuesAbsent) {
  const v1::PillarStats one = ToProto(StatsOf({4}));
  EXPECT_TRUE(one.has_mean());
  EXPECT_FALSE(one.has_sd());
  EXPECT_FALSE(one.has_rwg());
  EXPECT_FALSE(one.has_ad_mean());
  EXPECT_EQ(one.histogram_size(), 5);
  EXPECT_EQ(one.label(), v1::AGREEMENT_LABEL_SINGLE);
  EXPECT_EQ(one.disclosure(), v1::DISCLOSURE_FULL);
}

}  // namespace
}  // namespace fives
