#include <string>
#include <vector>

#include "fives/charter.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "fives/score_stats.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::HasSubstr;

// The released statistics of `scores`, shown in full.
v1::PillarStats Full(const std::vector<int>& scores) {
  v1::PillarStats s = ToProto(*ComputeScoreStats(scores));
  s.set_disclosure(v1::DISCLOSURE_FULL);
  return s;
}

v1::PrivacyThresholds Thresholds() {
  v1::PrivacyThresholds t;
  t.set_min_responses(3);
  t.set_min_distribution(5);
  return t;
}

TEST(PlainWordsTest, TwoCampsReadAsSplitOneViewAsAgreement) {
  const Language en = Language::kEnglish;
  // 1,2,5,5: two low and two high, nobody in the middle.
  EXPECT_EQ(PlainWordsText(Full({1, 2, 5, 5}), Thresholds(), en),
            "the team is split: some see a strength, some a weakness (scores "
            "from 1 to 5; an average says little here)");
  // 2,3,3,4: one on each side, two in the middle: rwg 2/3, below 0.70.
  EXPECT_EQ(PlainWordsText(Full({2, 3, 3, 4}), Thresholds(), en),
            "views differ: 3.00 on average, scores from 2 to 4");
  // 4,4,4,5: variance 1/4, rwg 7/8.
  EXPECT_EQ(PlainWordsText(Full({4, 4, 4, 5}), Thresholds(), en),
            "the team mostly agrees: 4.25 on average");
  EXPECT_EQ(PlainWordsText(Full({4, 4, 4, 5}), Thresholds(), Language::kDutch),
            "het team is het grotendeels eens: gemiddeld 4,25");
}

TEST(PlainWordsTest, WithheldFiguresSayWhyInWords) {
  const Language en = Language::kEnglish;
  v1::PillarStats few;
  few.set_n(2);
  few.set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
  EXPECT_EQ(PlainWordsText(few, Thresholds(), en),
            "too few answers to say more (2 given, 3 needed)");
  v1::PillarStats mean_only;
  mean_only.set_n(4);
  mean_only.set_mean(3.5);
  mean_only.set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(PlainWordsText(mean_only, Thresholds(), en),
            "3.50 on average; too few answers to say how far views differ");
  v1::PillarStats held;
  held.set_n(6);
  held.set_disclosure(v1::DISCLOSURE_HELD_BACK);
  EXPECT_THAT(PlainWordsText(held, Thresholds(), en),
              HasSubstr("nobody's answer can be worked out"));
}

TEST(PlainWordsTest, LegendNamesOnlyWhatTheReportShows) {
  v1::RoundReport report;
  v1::PillarStats* s = report.add_pillars();
  s->set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  EXPECT_EQ(MeasureLegend(report, Language::kEnglish).size(), 2u);
  s->set_disclosure(v1::DISCLOSURE_FULL);
  report.mutable_agreement()->set_shared_rwg(0.7);
  report.mutable_agreement()->set_split_agreement(0);
  report.mutable_agreement()->set_ad_cutoff(0.83);
  const std::vector<std::string> legend =
      MeasureLegend(report, Language::kDutch);
  ASSERT_EQ(legend.size(), 9u);
  EXPECT_THAT(legend[4], HasSubstr("vanaf 0,70 heet een beeld gedeeld"));
  EXPECT_THAT(legend[8], HasSubstr("boven 0,83"));
}

}  // namespace
}  // namespace fives

namespace fives {
namespace {

TEST(PillarKeyTest, DutchLabelsReadBack) {
  for (Pillar p : kAllPillars) {
    EXPECT_EQ(*PillarFromKey(PillarKey(p)), p);
    EXPECT_EQ(*PillarFromKey(PillarKeyInDutch(p)), p);
  }
  EXPECT_EQ(*PillarFromKey("Structuur"), Pillar::kStructure);
  EXPECT_FALSE(PillarFromKey("structur").ok());
  // The label shows the number as SignalTick.number holds it (from 1).
  EXPECT_EQ(SignalLabel(Pillar::kStructure, 2, Language::kDutch),
            "structuur:2");
  EXPECT_EQ(SignalLabel(Pillar::kSuccess, 1), "success:1");
}

}  // namespace
}  // namespace fives
