// An adversary against the privacy of confidential rounds. It holds every
// figure fives releases about a team (the round reports as messages, text,
// Markdown and HTML in both languages, the radar, strips and trend
// pictures, the comparison of rounds and the closed-loop verdict) and
// enumerates every histogram of the attacked pillar that is consistent
// with them. Two journals whose releases are byte-identical cannot be told
// apart, so grouping the candidates by their releases gives exactly what
// the adversary can learn.
//
// The test fails when the releases narrow the scores down beyond what is
// released on purpose: below min_distribution the number and the mean, and
// for a member absent from a later round, nothing beyond the earlier
// round's released histogram (the adversary knows the others repeated their
// scores, the strongest form of the differencing attack).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "fives/meeting_report.h"
#include "fives/report_suggestions.h"
#include "fives/report_svg.h"
#include "fives/report_text.h"
#include "gtest/gtest.h"
#include "journal_builder.h"

namespace fives {
namespace {

using journal_builder::Day;
using journal_builder::MakeResponse;
using proto_testing::DeterministicBytes;

// The attacked pillar; the others are scored 3 by everyone.
constexpr Pillar kAttacked = Pillar::kStructure;

// A multiset of scores 1..5 as counts.
using Counts = std::array<int, 5>;

// Every histogram of `n` scores.
std::vector<Counts> AllHistograms(int n) {
  std::vector<Counts> out;
  for (int a = 0; a <= n; ++a)
    for (int b = 0; a + b <= n; ++b)
      for (int c = 0; a + b + c <= n; ++c)
        for (int d = 0; a + b + c + d <= n; ++d) {
          out.push_back({a, b, c, d, n - a - b - c - d});
        }
  return out;
}

// The scores of a histogram, in ascending order.
std::vector<int> Scores(const Counts& h) {
  std::vector<int> s;
  for (int i = 0; i < 5; ++i) s.insert(s.end(), h[i], i + 1);
  return s;
}

int Sum(const Counts& h) {
  int s = 0;
  for (int i = 0; i < 5; ++i) s += h[i] * (i + 1);
  return s;
}

std::string MemberId(int i) { return absl::StrCat("m", 10 + i); }

// A team of `size` members who all joined on 2026-01-05.
Journal Team(int size, const v1::TeamConfig& config = {}) {
  Journal j = *Journal::Create("mt", "MT", config);
  for (int i = 0; i < size; ++i) {
    EXPECT_TRUE(
        j.AddMember(MemberId(i), absl::StrCat("Member ", i), Day(2026, 1, 5))
            .ok());
  }
  return j;
}

// A closed confidential round in which `who` answer, the attacked pillar
// with `scores[k]` for `who[k]`, every other pillar with 3.
void Round(Journal& j, const std::string& id, absl::CivilDay day,
           const std::vector<int>& who, const std::vector<int>& scores) {
  ASSERT_TRUE(
      j.StartRound(j.NewRoundOptions(id, day, v1::ROUND_MODE_CONFIDENTIAL))
          .ok());
  for (size_t k = 0; k < who.size(); ++k) {
    std::array<int, 5> s = {3, 3, 3, 3, 3};
    s[PillarIndex(kAttacked)] = scores[k];
    ASSERT_TRUE(j.AddResponse(id, MakeResponse(MemberId(who[k]), s)).ok());
  }
  ASSERT_TRUE(j.CloseRound(id, day + 7).ok());
}

// Everything fives releases about round `id` of `j` and its comparison
// with round `previous` (empty: none), as one string.
std::string Releases(const Journal& j, const std::string& id,
                     const std::string& previous) {
  std::string out;
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    absl::StatusOr<v1::RoundReport> report = j.Report(id);
    EXPECT_TRUE(report.ok()) << report.status();
    if (!report.ok()) return "";
    AddSuggestions(lang, &*report);  // as the C ABI hands it over
    absl::StrAppend(&out, DeterministicBytes(*report), "\n",
                    RenderReportText(*report, lang), "\n");
    std::optional<v1::RoundReport> before = PreviousRoundReport(j, id);
    absl::StrAppend(&out,
                    *RenderRadarSvg(*report, before ? &*before : nullptr, lang),
                    *RenderDistributionSvg(*report, lang), "\n");
    absl::StatusOr<v1::MeetingReport> meeting =
        BuildMeetingReport(j, id, lang, Day(2027, 6, 1));
    EXPECT_TRUE(meeting.ok()) << meeting.status();
    if (!meeting.ok()) return "";
    absl::StrAppend(&out, DeterministicBytes(*meeting),
                    RenderMeetingMarkdown(*meeting, lang),
                    *RenderMeetingHtml(*meeting, j, lang));
  }
  absl::StrAppend(&out, *RenderTrendSvg(j, Language::kEnglish));
  if (!previous.empty()) {
    absl::StatusOr<v1::RoundComparison> c = j.CompareRounds(previous, id);
    EXPECT_TRUE(c.ok()) << c.status();
    if (c.ok()) absl::StrAppend(&out, DeterministicBytes(*c));
  }
  return out;
}

// Groups `candidates` by what their journals release; returns the groups.
template <typename Candidate, typename Release>
std::vector<std::vector<Candidate>> GroupByReleases(
    const std::vector<Candidate>& candidates, Release release) {
  std::map<std::string, std::vector<Candidate>> groups;
  for (const Candidate& c : candidates) groups[release(c)].push_back(c);
  std::vector<std::vector<Candidate>> out;
  for (auto& [bytes, group] : groups) out.push_back(std::move(group));
  return out;
}

// --- One round ---------------------------------------------------------------

// A round answered by members 0..n-1 of a team of 12, after a round of
// members 6..11 with a plan on the attacked pillar, so the report carries
// the closed-loop verdict and the comparison has both sides. The two sets
// differ by 6 + n people: no differencing.
std::string SingleRoundReleases(const Counts& h) {
  Journal j = Team(12);
  Round(j, "r1", Day(2026, 2, 2), {6, 7, 8, 9, 10, 11}, {1, 2, 3, 4, 5, 5});
  PlanInput plan;
  plan.round_id = "r1";
  plan.created = Day(2026, 2, 10);
  plan.focus = kAttacked;
  for (int k = 0; k < 2; ++k) {
    ActionInput a;
    a.title = absl::StrCat("Action ", k);
    a.visible_result = "Visible";
    a.owner_id = MemberId(6);
    plan.actions.push_back(a);
  }
  EXPECT_TRUE(j.CreatePlan(plan).ok());
  const std::vector<int> scores = Scores(h);
  std::vector<int> who;
  for (size_t k = 0; k < scores.size(); ++k) who.push_back(static_cast<int>(k));
  Round(j, "r2", Day(2026, 4, 1), who, scores);
  return Releases(j, "r2", "r1");
}

TEST(PrivacyAttackTest, BelowMinResponsesNothingButNIsLearned) {
  for (int n : {1, 2}) {
    SCOPED_TRACE(absl::StrCat("n = ", n));
    const auto groups = GroupByReleases(AllHistograms(n), SingleRoundReleases);
    EXPECT_EQ(groups.size(), 1u) << "the releases tell histograms apart";
  }
}

TEST(PrivacyAttackTest, BelowMinDistributionOnlyTheMeanIsLearned) {
  for (int n : {3, 4}) {
    SCOPED_TRACE(absl::StrCat("n = ", n));
    const auto groups = GroupByReleases(AllHistograms(n), SingleRoundReleases);
    // Each group must be exactly the histograms with one sum: the mean is
    // released, nothing else about the scores is.
    std::set<int> sums;
    for (const auto& group : groups) {
      const int sum = Sum(group.front());
      EXPECT_TRUE(sums.insert(sum).second) << "two groups share a mean";
      for (const Counts& h : group) EXPECT_EQ(Sum(h), sum);
    }
    // Every sum from n to 5n is possible, so the groups are the sums.
    EXPECT_EQ(groups.size(), static_cast<size_t>(4 * n + 1));
  }
}

TEST(PrivacyAttackTest, TheAdversaryDoesSeeAFullDistribution) {
  // At min_distribution the histogram is released on purpose: every
  // histogram has releases of its own. This shows the adversary would see
  // a leak if there were one.
  const auto groups = GroupByReleases(AllHistograms(5), SingleRoundReleases);
  EXPECT_EQ(groups.size(), AllHistograms(5).size());
}

// --- A member absent or gone
// ---------------------------------------------------

enum class Absence { kDidNotAnswer, kLeft, kForgotten, kImported };

// Round r1: members 0..n-1 with the histogram `h1`, member n-1 giving
// `absent_score`; round r2: members 0..n-2 with the same scores (the others
// repeat theirs), member n-1 absent as `absence` says.
std::string TwoRoundReleases(const Counts& h1, int absent_score,
                             Absence absence,
                             const v1::TeamConfig& config = {}) {
  const int n = h1[0] + h1[1] + h1[2] + h1[3] + h1[4];
  Journal j = Team(n, config);
  std::vector<int> scores = Scores(h1);
  // The absent member's score last.
  scores.erase(std::find(scores.begin(), scores.end(), absent_score));
  scores.push_back(absent_score);
  std::vector<int> who;
  for (int k = 0; k < n; ++k) who.push_back(k);
  Round(j, "r1", Day(2026, 2, 2), who, scores);
  if (absence == Absence::kLeft) {
    EXPECT_TRUE(j.RecordLeave(MemberId(n - 1), Day(2026, 3, 1)).ok());
  }
  who.pop_back();
  scores.pop_back();
  Round(j, "r2", Day(2026, 4, 1), who, scores);
  if (absence == Absence::kForgotten) {
    EXPECT_TRUE(j.ForgetMember(MemberId(n - 1)).ok());
  }
  if (absence == Absence::kImported) {
    for (JournalFormat f : {JournalFormat::kJson, JournalFormat::kText}) {
      absl::StatusOr<Journal> back = ParseJournal(SerializeJournal(j, f), f);
      EXPECT_TRUE(back.ok()) << back.status();
      if (back.ok()) j = *std::move(back);
    }
  }
  return absl::StrCat(Releases(j, "r1", ""), Releases(j, "r2", "r1"));
}

// For every histogram of r1 and every score the absent member may have
// given in it, the releases are the same: the adversary cannot tell which
// score of r1's histogram was the absent member's.
void ExpectAbsentMemberHidden(int n, Absence absence) {
  int checked = 0;
  for (const Counts& h1 : AllHistograms(n)) {
    std::string first;
    for (int s = 1; s <= 5; ++s) {
      if (h1[s - 1] == 0) continue;
      const std::string released = TwoRoundReleases(h1, s, absence);
      if (first.empty()) {
        first = released;
      } else {
        EXPECT_EQ(released, first)
            << "histogram " << h1[0] << h1[1] << h1[2] << h1[3] << h1[4]
            << ": the releases tell the absent member's score " << s;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(PrivacyAttackTest, AbsentMemberOfAFullRound) {
  ExpectAbsentMemberHidden(6, Absence::kDidNotAnswer);
}

TEST(PrivacyAttackTest, AbsentMemberOfAMeanOnlyRound) {
  ExpectAbsentMemberHidden(4, Absence::kDidNotAnswer);
}

TEST(PrivacyAttackTest, MemberWhoLeft) {
  ExpectAbsentMemberHidden(6, Absence::kLeft);
}

TEST(PrivacyAttackTest, MemberForgottenAfterwards) {
  ExpectAbsentMemberHidden(6, Absence::kForgotten);
}

TEST(PrivacyAttackTest, JournalImportedAsJsonAndText) {
  ExpectAbsentMemberHidden(5, Absence::kImported);
}

TEST(PrivacyAttackTest, ThreeNewcomersTellOnlyTheirSum) {
  // r1: five members with fixed scores, shown in full. r2: the same five
  // (repeating their scores) and three newcomers. Their scores may show
  // only as the mean of three would: by their sum.
  const std::vector<int> five = {1, 2, 3, 4, 5};
  auto releases = [&](const Counts& newcomers) {
    Journal j = Team(8);
    Round(j, "r1", Day(2026, 2, 2), {0, 1, 2, 3, 4}, five);
    std::vector<int> scores = five;
    for (int s : Scores(newcomers)) scores.push_back(s);
    Round(j, "r2", Day(2026, 4, 1), {0, 1, 2, 3, 4, 5, 6, 7}, scores);
    return absl::StrCat(Releases(j, "r1", ""), Releases(j, "r2", "r1"));
  };
  const auto groups = GroupByReleases(AllHistograms(3), releases);
  for (const auto& group : groups) {
    for (const Counts& h : group) EXPECT_EQ(Sum(h), Sum(group.front()));
  }
  EXPECT_EQ(groups.size(), 13u);  // the sums 3..15
}

TEST(PrivacyAttackTest, ACombinationOfRoundsIsolatesNobody) {
  // r1 = a+b, r2 = b+c, r3 = a+c (a = 0 1 2, b = 3 4 5, c = 6 7 8) and r4 =
  // a+b+c plus member 9: every pair of rounds differs by four or more, yet
  // sum(r4) - (sum(r1) + sum(r2) + sum(r3)) / 2 is member 9's score when
  // the others repeat theirs. The releases must not depend on it.
  const std::vector<int> nine = {1, 2, 3, 4, 5, 5, 4, 3, 2};
  auto releases = [&](int score) {
    Journal j = Team(10);
    const std::vector<std::vector<int>> sets = {
        {0, 1, 2, 3, 4, 5}, {3, 4, 5, 6, 7, 8}, {0, 1, 2, 6, 7, 8}};
    for (size_t r = 0; r < sets.size(); ++r) {
      std::vector<int> scores;
      for (int m : sets[r]) scores.push_back(nine[m]);
      Round(j, absl::StrCat("r", r + 1), Day(2026, 2 + r, 1), sets[r], scores);
    }
    std::vector<int> all = nine;
    all.push_back(score);
    Round(j, "r4", Day(2026, 6, 1), {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
    return absl::StrCat(Releases(j, "r3", "r2"), Releases(j, "r4", "r3"));
  };
  const std::string first = releases(1);
  for (int s = 2; s <= 5; ++s) EXPECT_EQ(releases(s), first) << s;
}

TEST(PrivacyAttackTest, WarnPolicyReleasesWhatHoldBackProtects) {
  // Under the documented "warn" policy the later round is shown, and the
  // adversary learns the absent member's score: the test would catch it.
  v1::TeamConfig warn;
  warn.set_differencing(v1::DIFFERENCING_POLICY_WARN);
  const Counts h1 = {1, 1, 1, 1, 2};  // scores 1 2 3 4 5 5
  EXPECT_NE(TwoRoundReleases(h1, 1, Absence::kDidNotAnswer, warn),
            TwoRoundReleases(h1, 2, Absence::kDidNotAnswer, warn));
  // And says so in the report.
  EXPECT_NE(TwoRoundReleases(h1, 1, Absence::kDidNotAnswer, warn)
                .find("warning: beside round r1"),
            std::string::npos);
}

TEST(PrivacyAttackTest, ForgettingChangesNoReleasedFigure) {
  // What the reports may show stays as it was: the same releases, save the
  // member's name, before and after forgetting.
  const Counts h1 = {0, 1, 2, 2, 1};
  for (int s : {2, 3, 4, 5}) {
    Journal j = Team(6);
    std::vector<int> scores = Scores(h1);
    scores.erase(std::find(scores.begin(), scores.end(), s));
    scores.push_back(s);
    Round(j, "r1", Day(2026, 2, 2), {0, 1, 2, 3, 4, 5}, scores);
    Round(j, "r2", Day(2026, 4, 1), {0, 1, 2, 3, 4, 5}, scores);
    const absl::StatusOr<v1::RoundReport> r1 = j.Report("r1");
    const absl::StatusOr<v1::RoundReport> r2 = j.Report("r2");
    ASSERT_TRUE(j.ForgetMember(MemberId(5)).ok());
    EXPECT_EQ(DeterministicBytes(*j.Report("r1")), DeterministicBytes(*r1));
    EXPECT_EQ(DeterministicBytes(*j.Report("r2")), DeterministicBytes(*r2));
  }
}

}  // namespace
}  // namespace fives
