// The organisation view (org_report.h): text, Markdown, the HTML page and
// the heatmap, from rollups and trends written by hand. Every expected
// string below is worked out from the fixture, not from the renderers.
#include "fives/org_report.h"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "fives/catalog.h"
#include "fives/pillar.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "html_checks.h"

namespace fives {
namespace {

using ::fives::html_checks::Between;
using ::fives::html_checks::CountOf;
using ::fives::html_checks::ExpectNoBareAmpersand;
using ::fives::html_checks::ExpectSelfContained;
using ::fives::html_checks::ExpectUniqueIds;
using ::fives::html_checks::ExpectWellFormed;
using ::testing::HasSubstr;
using ::testing::Not;

// The organisation "Holding <Noord> & "Co"": the holding (depth 0) over
// Operatie (depth 1) with the teams MT Alfa and MT Bèta (depth 2), and the
// team MT Gamma (depth 1) without a round in the period; then the groups
// regio: Noord and regio without a value. MT Bèta's cells are withheld for
// each of the four reasons; two of them carry figures the rollup should not
// have set (a mean below min_responses, a label below min_distribution),
// which no output may show.
constexpr char kRollup[] = R"pb(
  org_id: "holding"
  org_name: "Holding <Noord> & \"Co\""
  period { from: "2026-01-01" to: "2026-06-30" }
  earlier { from: "2025-07-01" to: "2025-12-31" }
  privacy { min_responses: 3 min_distribution: 5 }
  complete: false
  weakest: PILLAR_SYNERGY
  cells_withheld_too_few: 2
  cells_withheld_protecting: 1
  excluded { journal: "oud.journal" team_id: "mt-x" reason: "kapot bestand" }
  rows {
    kind: ORG_ROW_KIND_UNIT
    unit_id: "holding"
    name: "Holding <Noord> & \"Co\""
    teams: 3
    teams_with_round: 2
    respondents: 14
    pillars {
      stats {
        pillar: PILLAR_STRATEGY
        n: 14
        mean: 3.42
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_SYNERGY
        n: 14
        mean: 2.86
        label: AGREEMENT_LABEL_SPLIT
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_STRUCTURE
        n: 14
        mean: 3.07
        label: AGREEMENT_LABEL_MIXED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_STEERING
        n: 13
        mean: 3.64
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_SUCCESS
        n: 14
        mean: 4.12
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    follow_up {
      teams_with_plan: 2
      actions_open: 3
      actions_overdue: 1
      actions_done: 4
      actions_dropped: 1
      completion_rate: 0.6666666666666666
      on_time_rate: 0.75
      teams_check_overdue: 1
      teams_guardian_rotating: 2
      charter_readiness: [ 0.5, 0.25, 1, 0, 0.75 ]
      teams_charter_ready: [ 1, 0, 2, 0, 1 ]
      teams_focus: [ 0, 1, 1, 0, 0 ]
    }
  }
  rows {
    kind: ORG_ROW_KIND_UNIT
    unit_id: "ops"
    name: "Operatie"
    parent: "holding"
    depth: 1
    teams: 2
    teams_with_round: 2
    respondents: 14
    pillars {
      stats {
        pillar: PILLAR_STRATEGY
        n: 14
        mean: 3.41
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_SYNERGY
        n: 14
        mean: 2.87
        label: AGREEMENT_LABEL_SPLIT
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_STRUCTURE
        n: 14
        mean: 3.08
        label: AGREEMENT_LABEL_MIXED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_STEERING
        n: 13
        mean: 3.63
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_SUCCESS
        n: 14
        mean: 4.11
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    follow_up { teams_with_plan: 2 actions_open: 3 }
  }
  rows {
    kind: ORG_ROW_KIND_TEAM
    unit_id: "mt-a"
    name: "MT Alfa"
    parent: "ops"
    depth: 2
    team_id: "mt-a"
    round_id: "r1"
    teams: 1
    teams_with_round: 1
    respondents: 8
    pillars {
      stats {
        pillar: PILLAR_STRATEGY
        n: 8
        mean: 3.76
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 1
      rank: 1
      ranked: 1
    }
    pillars {
      stats {
        pillar: PILLAR_SYNERGY
        n: 8
        mean: 2.61
        label: AGREEMENT_LABEL_SPLIT
        disclosure: DISCLOSURE_FULL
      }
      teams: 1
      rank: 2
      ranked: 2
      percentile: 0
    }
    pillars {
      stats {
        pillar: PILLAR_STRUCTURE
        n: 8
        mean: 3.13
        label: AGREEMENT_LABEL_MIXED
        disclosure: DISCLOSURE_FULL
      }
      teams: 1
    }
    pillars {
      stats {
        pillar: PILLAR_STEERING
        n: 7
        mean: 3.71
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 1
    }
    pillars {
      stats {
        pillar: PILLAR_SUCCESS
        n: 8
        mean: 4.26
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 1
    }
    follow_up {
      teams_with_plan: 1
      actions_open: 2
      actions_done: 3
      completion_rate: 1
      on_time_rate: 0.6666666666666666
      teams_guardian_rotating: 1
      charter_readiness: [ 1, 0.5, 1, 0, 1 ]
      teams_charter_ready: [ 1, 0, 1, 0, 1 ]
      teams_focus: [ 0, 1, 0, 0, 0 ]
    }
  }
  rows {
    kind: ORG_ROW_KIND_TEAM
    unit_id: "mt-b"
    name: "MT Bèta"
    parent: "ops"
    depth: 2
    team_id: "mt-b"
    round_id: "r7"
    teams: 1
    teams_with_round: 1
    respondents: 6
    pillars {
      stats {
        pillar: PILLAR_STRATEGY
        n: 2
        mean: 2.5
        disclosure: DISCLOSURE_TOO_FEW_RESPONSES
      }
      withheld: ORG_WITHHELD_TOO_FEW
      teams: 1
    }
    pillars {
      stats {
        pillar: PILLAR_SYNERGY
        n: 4
        mean: 3.26
        label: AGREEMENT_LABEL_SPLIT
        disclosure: DISCLOSURE_NO_DISTRIBUTION
      }
      withheld: ORG_WITHHELD_TOO_FEW
      teams: 1
      rank: 1
      ranked: 2
      percentile: 1
    }
    pillars {
      stats {
        pillar: PILLAR_STRUCTURE
        n: 6
        disclosure: DISCLOSURE_TOO_FEW_RESPONSES
      }
      withheld: ORG_WITHHELD_PROTECTS_ANOTHER
      teams: 1
    }
    pillars {
      stats { pillar: PILLAR_STEERING n: 6 disclosure: DISCLOSURE_HELD_BACK }
      withheld: ORG_WITHHELD_TEAM_HELD_BACK
      teams: 1
    }
    pillars {
      stats {
        pillar: PILLAR_SUCCESS
        n: 6
        disclosure: DISCLOSURE_TOO_FEW_RESPONSES
      }
      withheld: ORG_WITHHELD_DIFFERS_FROM_EARLIER
      teams: 1
    }
    follow_up { teams_with_plan: 1 actions_open: 1 actions_overdue: 1 }
  }
  rows {
    kind: ORG_ROW_KIND_TEAM
    unit_id: "mt-c"
    name: "MT Gamma"
    parent: "holding"
    depth: 1
    team_id: "mt-c"
    teams: 1
    pillars { stats { pillar: PILLAR_STRATEGY } }
    pillars { stats { pillar: PILLAR_SYNERGY } }
    pillars { stats { pillar: PILLAR_STRUCTURE } }
    pillars { stats { pillar: PILLAR_STEERING } }
    pillars { stats { pillar: PILLAR_SUCCESS } }
  }
  rows {
    kind: ORG_ROW_KIND_GROUP
    group_key: "regio"
    group_value: "Noord"
    teams: 2
    teams_with_round: 2
    respondents: 14
    pillars {
      stats {
        pillar: PILLAR_STRATEGY
        n: 14
        mean: 3.43
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_SYNERGY
        n: 14
        mean: 2.88
        label: AGREEMENT_LABEL_SPLIT
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_STRUCTURE
        n: 14
        mean: 3.09
        label: AGREEMENT_LABEL_MIXED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_STEERING
        n: 13
        mean: 3.62
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
    pillars {
      stats {
        pillar: PILLAR_SUCCESS
        n: 14
        mean: 4.13
        label: AGREEMENT_LABEL_SHARED
        disclosure: DISCLOSURE_FULL
      }
      teams: 2
    }
  }
  rows {
    kind: ORG_ROW_KIND_GROUP
    group_key: "regio"
    teams: 1
    pillars { stats { pillar: PILLAR_STRATEGY } }
    pillars { stats { pillar: PILLAR_SYNERGY } }
    pillars { stats { pillar: PILLAR_STRUCTURE } }
    pillars { stats { pillar: PILLAR_STEERING } }
    pillars { stats { pillar: PILLAR_SUCCESS } }
  }
)pb";

// Against the earlier period: the holding's Strategy improved (3.1 -> 3.4),
// its Synergy (the weakest then) moved too little to tell (2.8 -> 2.9), MT
// Bèta's Synergy has no verdict (the earlier period showed only the mean).
constexpr char kTrend[] = R"pb(
  before { from: "2025-07-01" to: "2025-12-31" }
  after { from: "2026-01-01" to: "2026-06-30" }
  weakest_before: PILLAR_SYNERGY
  weakest_moved {
    pillar: PILLAR_SYNERGY
    n_before: 12
    n_after: 14
    mean_before: 2.8
    mean_after: 2.9
    mean_change: 0.1
    verdict: TREND_VERDICT_TOO_SMALL_TO_TELL
    alpha: 0.05
    before_disclosure: DISCLOSURE_FULL
    after_disclosure: DISCLOSURE_FULL
  }
  rows {
    kind: ORG_ROW_KIND_UNIT
    unit_id: "holding"
    name: "Holding <Noord> & \"Co\""
    pillars {
      pillar: PILLAR_STRATEGY
      n_before: 12
      n_after: 14
      mean_before: 3.1
      mean_after: 3.4
      mean_change: 0.3
      verdict: TREND_VERDICT_IMPROVED
      alpha: 0.05
      before_disclosure: DISCLOSURE_FULL
      after_disclosure: DISCLOSURE_FULL
    }
    pillars {
      pillar: PILLAR_SYNERGY
      n_before: 12
      n_after: 14
      mean_before: 2.8
      mean_after: 2.9
      mean_change: 0.1
      verdict: TREND_VERDICT_TOO_SMALL_TO_TELL
      alpha: 0.05
      before_disclosure: DISCLOSURE_FULL
      after_disclosure: DISCLOSURE_FULL
    }
    pillars {
      pillar: PILLAR_STRUCTURE
      n_before: 12
      n_after: 14
      mean_before: 3.3
      mean_after: 3.1
      mean_change: -0.2
      verdict: TREND_VERDICT_DECLINED
      alpha: 0.05
      before_disclosure: DISCLOSURE_FULL
      after_disclosure: DISCLOSURE_FULL
    }
    pillars {
      pillar: PILLAR_STEERING
      verdict: TREND_VERDICT_NOT_ENOUGH_DATA
      alpha: 0.05
    }
    pillars {
      pillar: PILLAR_SUCCESS
      verdict: TREND_VERDICT_NOT_ENOUGH_DATA
      alpha: 0.05
    }
  }
  rows {
    kind: ORG_ROW_KIND_TEAM
    unit_id: "mt-b"
    name: "MT Bèta"
    pillars { pillar: PILLAR_STRATEGY verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
    pillars {
      pillar: PILLAR_SYNERGY
      n_before: 4
      n_after: 4
      mean_before: 3.04
      mean_after: 3.26
      mean_change: 0.22
      verdict: TREND_VERDICT_NOT_ENOUGH_DATA
      before_disclosure: DISCLOSURE_NO_DISTRIBUTION
      after_disclosure: DISCLOSURE_NO_DISTRIBUTION
    }
    pillars { pillar: PILLAR_STRUCTURE verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
    pillars { pillar: PILLAR_STEERING verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
    pillars { pillar: PILLAR_SUCCESS verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
  }
  rows {
    kind: ORG_ROW_KIND_GROUP
    group_key: "regio"
    group_value: "Noord"
    pillars { pillar: PILLAR_STRATEGY verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
    pillars { pillar: PILLAR_SYNERGY verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
    pillars { pillar: PILLAR_STRUCTURE verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
    pillars { pillar: PILLAR_STEERING verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
    pillars { pillar: PILLAR_SUCCESS verdict: TREND_VERDICT_NOT_ENOUGH_DATA }
  }
)pb";

template <typename Message>
Message Parse(const char* text) {
  Message m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m));
  return m;
}

v1::OrgRollup Rollup() { return Parse<v1::OrgRollup>(kRollup); }
v1::OrgTrend Trend() { return Parse<v1::OrgTrend>(kTrend); }

std::string Must(absl::StatusOr<std::string> s) {
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *std::move(s) : std::string();
}

// The line of the text output holding `needle`, after `from`.
std::string LineWith(const std::string& text, const std::string& from,
                     const std::string& needle) {
  const size_t start = text.find(from);
  if (start == std::string::npos) return "";
  const size_t at = text.find(needle, start);
  if (at == std::string::npos) return "";
  const size_t begin = text.rfind('\n', at) + 1;
  return text.substr(begin, text.find('\n', at) - begin);
}

// The cells of a line of a text table: columns are two spaces or more
// apart, cells hold single spaces only.
std::vector<std::string> Cells(const std::string& line) {
  const std::string trimmed(absl::StripAsciiWhitespace(line));
  const std::regex gap(" {2,}");
  return {std::sregex_token_iterator(trimmed.begin(), trimmed.end(), gap, -1),
          std::sregex_token_iterator()};
}

// What a reader sees of a page or picture: the text outside tags, without
// the style sheet, entities resolved.
std::string VisibleText(const std::string& markup) {
  std::string text = markup;
  const size_t style = text.find("<style>");
  if (style != std::string::npos) {
    text.erase(style, text.find("</style>") - style);
  }
  text = std::regex_replace(text, std::regex("<[^>]*>"), "\n");
  return absl::StrReplaceAll(text, {{"&lt;", "<"},
                                    {"&gt;", ">"},
                                    {"&quot;", "\""},
                                    {"&apos;", "'"},
                                    {"&#39;", "'"},
                                    {"&amp;", "&"}});
}

// The English catalog's phrases as pieces between placeholders, where the
// English differs from the Dutch and a piece has four letters or more; and
// the English pillar names.
std::vector<std::string> EnglishPieces() {
  // A piece the Dutch catalog uses as well ("Check") is Dutch too.
  std::string dutch;
  for (const v1::Phrase& p : BuiltinCatalog().phrases()) {
    absl::StrAppend(&dutch, p.nl(), "\n");
  }
  std::vector<std::string> pieces;
  for (const v1::Phrase& p : BuiltinCatalog().phrases()) {
    if (p.en() == p.nl()) continue;
    const std::string split =
        std::regex_replace(p.en(), std::regex("\\$[0-9]"), "\x01");
    for (absl::string_view piece :
         absl::StrSplit(split, '\x01', absl::SkipEmpty())) {
      const std::string trimmed(absl::StripAsciiWhitespace(piece));
      int letters = 0;
      for (char c : trimmed) letters += absl::ascii_isalpha(c) ? 1 : 0;
      if (letters >= 4 && !absl::StrContains(dutch, trimmed)) {
        pieces.push_back(trimmed);
      }
    }
  }
  for (Pillar p : kAllPillars) {
    pieces.push_back(PillarName(p, Language::kEnglish));
  }
  return pieces;
}

void ExpectNoEnglish(const std::string& dutch, absl::string_view what) {
  for (const std::string& piece : EnglishPieces()) {
    EXPECT_THAT(dutch, Not(HasSubstr(piece)))
        << what << ": \"" << piece << "\"";
  }
}

TEST(OrgReportTest, TextHeaderSaysPeriodThresholdsAndWhatIsMissing) {
  const std::string text =
      Must(RenderOrgText(Rollup(), nullptr, Language::kEnglish));
  EXPECT_THAT(text, testing::StartsWith(
                        "5S organisation view: Holding <Noord> & \"Co\"\n"
                        "Period: 1 January 2026 to 30 June 2026\n"
                        "Set beside the earlier period (1 July 2025 to 31 "
                        "December 2025): "));
  EXPECT_THAT(text,
              HasSubstr("Privacy: a cell shows its mean from 3 answers and "
                        "how much the people agree from 5;"));
  EXPECT_THAT(text, HasSubstr("\nNot complete: some teams add no scores"));
  EXPECT_THAT(text, HasSubstr("Left out:\n  - oud.journal (team mt-x): "
                              "kapot bestand\n"));
  EXPECT_THAT(text, HasSubstr("\nTeams without a round in this period (1): "
                              "MT Gamma\n"));
  EXPECT_THAT(text, HasSubstr("Cells not shown in full: 2 because too few "
                              "people answered, 1 to protect another cell\n"));
  EXPECT_THAT(text, HasSubstr("Weakest pillar of the organisation: Synergy & "
                              "strengths (the lowest mean"));
}

TEST(OrgReportTest, TextRowsIndentedTeamsMarkedGroupsLast) {
  const std::string text =
      Must(RenderOrgText(Rollup(), nullptr, Language::kEnglish));
  const std::string scores =
      Between(text, "\nScores per unit\n", "What the words in the cells mean");
  ASSERT_FALSE(scores.empty());
  // Depth first, two spaces per level, teams marked, then the groups.
  const std::vector<std::string> lines = absl::StrSplit(scores, '\n');
  ASSERT_GE(lines.size(), 12u);
  EXPECT_EQ(lines[1], "Scores per unit");
  EXPECT_THAT(lines[4], testing::StartsWith("Holding <Noord> & \"Co\"  "));
  EXPECT_THAT(lines[5], testing::StartsWith("  Operatie  "));
  EXPECT_THAT(lines[6], testing::StartsWith("    MT Alfa (team)  "));
  EXPECT_THAT(lines[7], testing::StartsWith("    MT Bèta (team)  "));
  EXPECT_THAT(lines[8], testing::StartsWith("  MT Gamma (team)  "));
  EXPECT_EQ(absl::StripTrailingAsciiWhitespace(lines[9]), "Groups");
  EXPECT_THAT(lines[10], testing::StartsWith("regio: Noord  "));
  EXPECT_THAT(lines[11], testing::StartsWith("regio: (no value)  "));
  // Teams, teams with a round, people who answered; each pillar's cell:
  // the mean to one decimal, n and the label.
  EXPECT_THAT(Cells(lines[3]),
              testing::ElementsAre("Unit", "Teams", "With a round",
                                   "People who answered", "Strategy",
                                   "Synergy & strengths", "Structure",
                                   "Steering", "Success factors"));
  EXPECT_THAT(
      Cells(lines[4]),
      testing::ElementsAre("Holding <Noord> & \"Co\"", "3", "2", "14",
                           "3.4 · n = 14 · shared", "2.9 · n = 14 · split",
                           "3.1 · n = 14 · mixed", "3.6 · n = 13 · shared",
                           "4.1 · n = 14 · shared"));
  EXPECT_THAT(Cells(lines[6]),
              testing::ElementsAre(
                  "MT Alfa (team)", "1", "1", "8", "3.8 · n = 8 · shared",
                  "2.6 · n = 8 · split", "3.1 · n = 8 · mixed",
                  "3.7 · n = 7 · shared", "4.3 · n = 8 · shared"));
  EXPECT_THAT(Cells(lines[8]),
              testing::ElementsAre("MT Gamma (team)", "1", "0", "0", "–", "–",
                                   "–", "–", "–"));
}

TEST(OrgReportTest, WithheldCellsShowTheReasonAndNothingElse) {
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    const bool nl = lang == Language::kDutch;
    const std::string text = Must(RenderOrgText(Rollup(), nullptr, lang));
    const std::string beta = LineWith(
        text, nl ? "Scores per onderdeel" : "Scores per unit", "MT Bèta");
    ASSERT_FALSE(beta.empty());
    // Strategy: n only, although the message carries a mean of 2.5;
    // Synergy: n and the mean, never the label the message carries; the
    // other reasons, each by its word.
    EXPECT_THAT(Cells(beta),
                nl ? testing::ElementsAre(
                         "MT Bèta (team)", "1", "1", "6", "n = 2 · te weinig",
                         "3,3 · n = 4 · te weinig", "n = 6 · beschermt",
                         "n = 6 · team houdt", "n = 6 · verschilt")
                   : testing::ElementsAre(
                         "MT Bèta (team)", "1", "1", "6", "n = 2 · too few",
                         "3.3 · n = 4 · too few", "n = 6 · protects",
                         "n = 6 · team holds", "n = 6 · differs"));
    EXPECT_THAT(beta, Not(HasSubstr(nl ? "2,5" : "2.5")));
    EXPECT_THAT(beta, Not(HasSubstr(nl ? "verdeeld" : "split")));
    // The legend explains each word, in the words of the other reports for
    // the thresholds, and never names a member.
    const std::string legend =
        Between(text,
                nl ? "Wat de woorden in de cellen betekenen"
                   : "What the words in the cells mean",
                "\n\n");
    EXPECT_THAT(
        legend,
        HasSubstr(nl ? "  - te weinig: te weinig antwoorden om te tonen "
                       "(minder dan 3); alleen n en het gemiddelde "
                       "getoond (minder dan 5 antwoorden)\n"
                     : "  - too few: too few responses to show (fewer "
                       "than 3); only n and the mean shown (fewer "
                       "than 5 responses)\n"));
    EXPECT_THAT(legend, HasSubstr(nl ? "  - beschermt: niet getoond, zodat"
                                     : "  - protects: not shown, so that"));
    EXPECT_THAT(legend,
                HasSubstr(nl ? "  - team houdt: het eigen rapport"
                             : "  - team holds: the team's own report"));
    EXPECT_THAT(legend, HasSubstr(nl ? "  - verschilt: de mensen van deze cel"
                                     : "  - differs: the people of this cell"));
    EXPECT_THAT(legend, HasSubstr(nl ? "  - verdeeld: de scores vallen uiteen"
                                     : "  - split: the scores fall into two"));
  }
}

// A reason on a cell that shows everything is not shown: nothing is
// withheld there.
TEST(OrgReportTest, ACellShownInFullGivesNoReason) {
  v1::OrgRollup r = Rollup();
  r.mutable_rows(0)->mutable_pillars(0)->set_withheld(
      v1::ORG_WITHHELD_PROTECTS_ANOTHER);
  for (v1::OrgRow& row : *r.mutable_rows()) {
    if (row.unit_id() == "mt-b") row.mutable_pillars(2)->clear_withheld();
  }
  const std::string text = Must(RenderOrgText(r, nullptr, Language::kEnglish));
  EXPECT_EQ(Cells(LineWith(text, "Scores per unit", "Holding"))[4],
            "3.4 · n = 14 · shared");
  // MT Bèta's Structure, without a reason from the rollup, takes the one
  // its disclosure gives.
  EXPECT_EQ(Cells(LineWith(text, "Scores per unit", "MT Bèta"))[6],
            "n = 6 · too few");
  EXPECT_THAT(text, Not(HasSubstr("protects")));
}

TEST(OrgReportTest, TeamPlaceAmongTheTeams) {
  const std::string en =
      Must(RenderOrgText(Rollup(), nullptr, Language::kEnglish));
  EXPECT_THAT(Cells(LineWith(en, "Teams compared per pillar", "MT Alfa")),
              testing::ElementsAre("MT Alfa (team)", "place 1 of 1",
                                   "place 2 of 2 · above 0% of the other teams",
                                   "–", "–", "–"));
  EXPECT_THAT(
      Cells(LineWith(en, "Teams compared per pillar", "MT Bèta")),
      testing::ElementsAre("MT Bèta (team)", "–",
                           "place 1 of 2 · above 100% of the other teams", "–",
                           "–", "–"));
  // MT Gamma has no place on any pillar, so no row.
  EXPECT_THAT(Between(en, "Teams compared per pillar", "Follow-up per unit"),
              Not(HasSubstr("MT Gamma")));
  const std::string nl =
      Must(RenderOrgText(Rollup(), nullptr, Language::kDutch));
  EXPECT_THAT(LineWith(nl, "Teams vergeleken per pijler", "MT Alfa"),
              HasSubstr("  plaats 1 van 1  "));
  EXPECT_THAT(LineWith(nl, "Teams vergeleken per pijler", "MT Bèta"),
              HasSubstr("  plaats 1 van 2 · boven 100% van de andere teams  "));
}

TEST(OrgReportTest, FollowUpAndCharterPerUnit) {
  const std::string text =
      Must(RenderOrgText(Rollup(), nullptr, Language::kEnglish));
  // Teams, with a plan, open, overdue, done, dropped, completed, on time,
  // check overdue, guardian rotating.
  EXPECT_THAT(Cells(LineWith(text, "Follow-up per unit", "Holding")),
              testing::ElementsAre("Holding <Noord> & \"Co\"", "3", "2", "3",
                                   "1", "4", "1", "67%", "75%", "1", "2"));
  EXPECT_THAT(Cells(LineWith(text, "Follow-up per unit", "MT Gamma")),
              testing::ElementsAre("MT Gamma (team)", "1", "0", "0", "0", "0",
                                   "0", "–", "–", "0", "0"));
  EXPECT_THAT(
      Cells(LineWith(text, "Agreements and focus per pillar", "Holding")),
      testing::ElementsAre("Holding <Noord> & \"Co\"",
                           "50% in place · 1 complete · focus of 0",
                           "25% in place · 0 complete · focus of 1",
                           "100% in place · 2 complete · focus of 1",
                           "0% in place · 0 complete · focus of 0",
                           "75% in place · 1 complete · focus of 0"));
  EXPECT_THAT(
      Cells(LineWith(text, "Agreements and focus per pillar", "Operatie")),
      testing::ElementsAre("Operatie", "–", "–", "–", "–", "–"));
}

TEST(OrgReportTest, TrendVerdictsAndTheWeakestPillar) {
  const v1::OrgTrend trend = Trend();
  const std::string en =
      Must(RenderOrgText(Rollup(), &trend, Language::kEnglish));
  EXPECT_THAT(en, HasSubstr("\nChange since the earlier period\n"
                            "Earlier period: 1 July 2025 to 31 December 2025; "
                            "later period: 1 January 2026 to 30 June 2026\n"
                            "The weakest pillar of the earlier period was "
                            "Synergy & strengths. Did it move? too small to "
                            "tell: with 12 and 14 scores this change could be "
                            "chance (p > 0.05); mean 2.80 before, 2.90 after, "
                            "change +0.10\n"));
  EXPECT_THAT(Cells(LineWith(en, "Change since the earlier period", "Holding")),
              testing::ElementsAre("Holding <Noord> & \"Co\"",
                                   "3.10 → 3.40 (+0.30) · improved",
                                   "2.80 → 2.90 (+0.10) · too small to tell",
                                   "3.30 → 3.10 (-0.20) · declined",
                                   "no verdict", "no verdict"));
  // Indented as in the rollup (MT Bèta at depth 2).
  const std::string beta =
      LineWith(en, "Change since the earlier period", "MT Bèta");
  EXPECT_THAT(beta, testing::StartsWith("    MT Bèta (team)  "));
  EXPECT_THAT(Cells(beta),
              testing::ElementsAre("MT Bèta (team)", "no verdict",
                                   "3.04 → 3.26 (+0.22) · no verdict",
                                   "no verdict", "no verdict", "no verdict"));
  EXPECT_THAT(en, HasSubstr("  - improved: a larger change than chance "
                            "explains with these numbers (p ≤ 0.05)\n"));
  EXPECT_THAT(en, HasSubstr("  - p: the chance of a change this large if "
                            "nothing had really changed\n"));

  const std::string nl =
      Must(RenderOrgText(Rollup(), &trend, Language::kDutch));
  EXPECT_THAT(nl, HasSubstr("De zwakste pijler van de eerdere periode was "
                            "Synergie & sterktes. Is die veranderd? te klein "
                            "om te zeggen: met 12 en 14 scores kan deze "
                            "verandering toeval zijn (p > 0,05); gemiddelde "
                            "2,80 ervoor, 2,90 erna, verandering +0,10\n"));
  EXPECT_THAT(LineWith(nl, "Verandering sinds de eerdere periode", "Holding"),
              HasSubstr("3,10 → 3,40 (+0,30) · verbeterd"));
}

TEST(OrgReportTest, WeakestPillarWithoutAVerdictSaysWhichPeriodLacksIt) {
  v1::OrgTrend trend = Trend();
  v1::PillarTrend* moved = trend.mutable_weakest_moved();
  moved->set_verdict(v1::TREND_VERDICT_NOT_ENOUGH_DATA);
  moved->set_before_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  const std::string en =
      Must(RenderOrgText(Rollup(), &trend, Language::kEnglish));
  EXPECT_THAT(en, HasSubstr("Did it move? not enough data to compare: the "
                            "earlier period (1 July 2025 to 31 December 2025) "
                            "shows only n and the mean for this pillar; mean "
                            "2.80 before"));
  trend.clear_weakest_before();
  EXPECT_THAT(Must(RenderOrgText(Rollup(), &trend, Language::kEnglish)),
              HasSubstr("\nThe earlier period showed no weakest pillar.\n"));
}

TEST(OrgReportTest, DutchUsesCommasAndNoEnglish) {
  const v1::OrgTrend trend = Trend();
  const std::string text =
      Must(RenderOrgText(Rollup(), &trend, Language::kDutch));
  const std::string md =
      Must(RenderOrgMarkdown(Rollup(), &trend, Language::kDutch));
  const std::string html =
      VisibleText(Must(RenderOrgHtml(Rollup(), &trend, Language::kDutch)));
  const std::string svg =
      VisibleText(Must(RenderOrgHeatmapSvg(Rollup(), Language::kDutch)));
  const std::regex point("[0-9]\\.[0-9]");
  for (const auto& [what, out] :
       {std::pair{"text", text}, std::pair{"markdown", md},
        std::pair{"html", html}, std::pair{"svg", svg}}) {
    ExpectNoEnglish(out, what);
    std::smatch match;
    EXPECT_FALSE(std::regex_search(out, match, point))
        << what << ": " << match.str();
    EXPECT_THAT(out, HasSubstr("3,4")) << what;
  }
  EXPECT_THAT(text, HasSubstr("3,4 · n = 14 · gedeeld"));
  EXPECT_THAT(text, HasSubstr("Periode: 1 januari 2026 tot en met 30 juni "
                              "2026\n"));
  // The English output, checked the same way, has its pieces: the check
  // finds English where there is some.
  const std::string en =
      Must(RenderOrgText(Rollup(), &trend, Language::kEnglish));
  int found = 0;
  for (const std::string& piece : EnglishPieces()) {
    found += absl::StrContains(en, piece) ? 1 : 0;
  }
  EXPECT_GT(found, 40);
}

TEST(OrgReportTest, MarkdownTables) {
  const v1::OrgTrend trend = Trend();
  const std::string md =
      Must(RenderOrgMarkdown(Rollup(), &trend, Language::kEnglish));
  EXPECT_THAT(md, testing::StartsWith(
                      "# 5S organisation view: Holding \\<Noord\\> & \"Co\"\n\n"
                      "- Period: 1 January 2026 to 30 June 2026\n"));
  EXPECT_THAT(md, HasSubstr("\n## Scores per unit\n\nPer pillar: the mean"));
  EXPECT_THAT(md, HasSubstr("| Unit | Teams | With a round | People who "
                            "answered | Strategy | Synergy & strengths | "
                            "Structure | Steering | Success factors |\n"
                            "|---|--:|--:|--:|---|---|---|---|---|\n"));
  // Depth as em spaces, which Markdown keeps.
  EXPECT_THAT(md, HasSubstr("| \u2003\u2003MT Alfa (team) | 1 | 1 | 8 | "
                            "3.8 · n = 8 · shared | 2.6 · n = 8 · split |"));
  EXPECT_THAT(md, HasSubstr("| **Groups** | | | | | | | | |\n"
                            "| regio: Noord | 2 | 2 | 14 |"));
  EXPECT_THAT(md, HasSubstr("\n## Change since the earlier period\n\n"));
  EXPECT_THAT(md, HasSubstr("| 3.10 → 3.40 (+0.30) · improved |"));
}

TEST(OrgReportTest, HtmlIsOneSelfContainedWellFormedEscapedPage) {
  const v1::OrgTrend trend = Trend();
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    const std::string html = Must(RenderOrgHtml(Rollup(), &trend, lang));
    ExpectSelfContained(html, lang, 1);
    // Tables: scores, places, follow-up, agreements, trend. Plain lists:
    // left out, the two legends (and the header's list, <ul class="meta">).
    ExpectWellFormed(html, 5, 3);
    ExpectUniqueIds(html);
    ExpectNoBareAmpersand(html);
    EXPECT_THAT(html, HasSubstr("Holding &lt;Noord&gt; &amp; &quot;Co&quot;"));
    EXPECT_THAT(html, Not(HasSubstr("<Noord>")));
    EXPECT_THAT(html, Not(HasSubstr("\"Co\"")));
    EXPECT_EQ(html, Must(RenderOrgHtml(Rollup(), &trend, lang)));
    // Text of at least 14 px: the page's and the heatmap's, drawn at its
    // own width.
    const std::regex px("font-size: ([0-9.]+)px");
    for (std::sregex_iterator it(html.begin(), html.end(), px), end; it != end;
         ++it) {
      EXPECT_GE(std::stod((*it)[1].str()), 14) << (*it)[0].str();
    }
    const std::regex svg_size("font-size=\"([0-9.]+)\"");
    for (std::sregex_iterator it(html.begin(), html.end(), svg_size), end;
         it != end; ++it) {
      EXPECT_GE(std::stod((*it)[1].str()), 14) << (*it)[0].str();
    }
    EXPECT_THAT(html, HasSubstr("figure.heatmap svg { display: block; width: "
                                "1200px; max-width: none;"));
  }
  const std::string html =
      Must(RenderOrgHtml(Rollup(), nullptr, Language::kEnglish));
  ExpectWellFormed(html, 4, 2);
  EXPECT_THAT(html, HasSubstr("<tr class=\"team\"><td class=\"d2\">MT Alfa"
                              "<span class=\"tag\">team</span></td>"
                              "<td class=\"num\">1</td><td class=\"num\">1"
                              "</td><td class=\"num\">8</td><td><span "
                              "class=\"part\">3.8 ·</span> <span class=\"part"
                              "\">n = 8 ·</span> <span class=\"part\">shared"
                              "</span></td>"));
  // Withheld cells set apart; an empty one is not withheld.
  EXPECT_THAT(html, HasSubstr("<td class=\"muted\"><span class=\"part\">n = "
                              "2 ·</span> <span class=\"part\">too few</span>"
                              "</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">0</td><td>–</td>"));
  EXPECT_THAT(html, HasSubstr("<tr class=\"section\"><th colspan=\"9\">"
                              "Groups</th></tr>"));
  EXPECT_THAT(html, HasSubstr("<li>oud.journal (team mt-x): kapot bestand"
                              "</li>"));
  EXPECT_THAT(html, HasSubstr("<p>Teams without a round in this period (1): "
                              "MT Gamma</p>"));
}

// The attributes of the SVG root, and each <text>'s content.
std::vector<std::string> Texts(const std::string& svg) {
  std::vector<std::string> texts;
  const std::regex text("<text[^>]*>([^<]*)</text>");
  for (std::sregex_iterator it(svg.begin(), svg.end(), text), end; it != end;
       ++it) {
    texts.push_back((*it)[1].str());
  }
  return texts;
}

int SvgHeight(const std::string& svg) {
  std::smatch m;
  EXPECT_TRUE(std::regex_search(svg, m, std::regex("height=\"([0-9]+)\"")));
  return m.empty() ? 0 : std::stoi(m[1].str());
}

TEST(OrgHeatmapTest, TitleDescLegendAndCells) {
  const std::string svg =
      Must(RenderOrgHeatmapSvg(Rollup(), Language::kEnglish));
  EXPECT_THAT(svg, testing::StartsWith("<?xml version=\"1.0\" encoding="
                                       "\"UTF-8\"?>\n<svg "));
  EXPECT_THAT(svg, HasSubstr("<title id=\"title\">Holding &lt;Noord&gt; &amp; "
                             "&quot;Co&quot;: the five pillars per unit"
                             "</title>"));
  EXPECT_THAT(svg, HasSubstr("<desc id=\"desc\">One row per unit, team and "
                             "group (7 rows), one column per pillar."));
  EXPECT_THAT(svg, HasSubstr("MT Bèta: Strategy n = 2 · too few; Synergy &amp; "
                             "strengths 3.3 · n = 4 · too few;"));
  const std::vector<std::string> texts = Texts(svg);
  auto has = [&](const std::string& t) {
    return std::find(texts.begin(), texts.end(), t) != texts.end();
  };
  // The cells: mean and n as text; the reasons as words in hatched cells.
  EXPECT_TRUE(has("3.4"));
  EXPECT_TRUE(has("n = 14"));
  EXPECT_TRUE(has("too few"));
  EXPECT_TRUE(has("protects"));
  EXPECT_TRUE(has("team holds"));
  EXPECT_TRUE(has("differs"));
  EXPECT_TRUE(has("no scores"));
  EXPECT_FALSE(has("2.5"));
  // Legend: the scale, every shape and the withheld hatching.
  EXPECT_TRUE(has("Colour: the mean"));
  EXPECT_TRUE(has("Shape: how much the people agree"));
  for (const char* word : {"shared", "mixed", "split", "single"}) {
    EXPECT_TRUE(has(word)) << word;
  }
  EXPECT_TRUE(has("Hatched grey: not shown, with the reason"));
  EXPECT_TRUE(has("management team"));
  // MT Bèta's row: four hatched cells (the fifth shows a mean), no shape
  // for the mean-only cell; never a mean it does not show.
  const std::string beta = Between(svg, "<g id=\"row-3\">", "</g>");
  EXPECT_EQ(CountOf(beta, "url(#fives-withheld)"), 4);
  EXPECT_THAT(beta, HasSubstr(">3.3</text>"));
  EXPECT_EQ(CountOf(beta, "<circle"), 0);
  EXPECT_THAT(beta, Not(HasSubstr(">2.5<")));
  // MT Alfa: a dot for shared, two for split, a ring for mixed.
  const std::string alfa = Between(svg, "<g id=\"row-2\">", "</g>");
  EXPECT_EQ(CountOf(alfa, "<circle"), 6);
  EXPECT_EQ(CountOf(alfa, "fill=\"none\" stroke="), 1);
  // The same input gives the same bytes.
  EXPECT_EQ(svg, Must(RenderOrgHeatmapSvg(Rollup(), Language::kEnglish)));
}

// A rollup of `units` units under the root with `teams` teams each, and
// `groups` groups: deterministic means, labels and withheld cells.
v1::OrgRollup Large(int units, int teams, int groups) {
  v1::OrgRollup r;
  r.set_org_id("big");
  r.set_org_name("Grote organisatie");
  r.mutable_period()->set_from("2026-01-01");
  r.mutable_period()->set_to("2026-06-30");
  r.set_weakest(v1::PILLAR_STEERING);
  int serial = 0;
  auto add = [&](v1::OrgRowKind kind, const std::string& name, int depth) {
    v1::OrgRow* row = r.add_rows();
    row->set_kind(kind);
    row->set_unit_id(absl::StrCat("u", serial));
    row->set_name(name);
    row->set_depth(depth);
    row->set_teams(kind == v1::ORG_ROW_KIND_TEAM ? 1 : teams);
    if (kind == v1::ORG_ROW_KIND_TEAM && serial % 17 != 5) {
      row->set_round_id("r1");
    }
    for (int p = 0; p < 5; ++p) {
      const int k = serial * 7 + p * 3;
      v1::OrgCell* cell = row->add_pillars();
      v1::PillarStats* s = cell->mutable_stats();
      s->set_pillar(ToProto(kAllPillars[p]));
      s->set_n(2 + k % 11);
      if (k % 13 == 0) {
        s->set_disclosure(v1::DISCLOSURE_TOO_FEW_RESPONSES);
        cell->set_withheld(k % 2 == 0 ? v1::ORG_WITHHELD_TOO_FEW
                                      : v1::ORG_WITHHELD_PROTECTS_ANOTHER);
      } else if (k % 9 == 0) {
        s->set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
        s->set_mean(1 + (k % 41) / 10.0);
        cell->set_withheld(v1::ORG_WITHHELD_TOO_FEW);
      } else {
        s->set_disclosure(v1::DISCLOSURE_FULL);
        s->set_mean(1 + (k % 41) / 10.0);
        s->set_label(static_cast<v1::AgreementLabel>(2 + k % 3));
      }
    }
    ++serial;
    return row;
  };
  add(v1::ORG_ROW_KIND_UNIT, "Grote organisatie", 0);
  for (int u = 0; u < units; ++u) {
    add(v1::ORG_ROW_KIND_UNIT, absl::StrCat("Divisie ", u + 1), 1);
    for (int t = 0; t < teams; ++t) {
      add(v1::ORG_ROW_KIND_TEAM,
          absl::StrCat("Managementteam ", u + 1, ".", t + 1), 2);
    }
  }
  for (int g = 0; g < groups; ++g) {
    v1::OrgRow* row = add(v1::ORG_ROW_KIND_GROUP, "", 0);
    row->set_group_key("regio");
    row->set_group_value(absl::StrCat("Regio ", g + 1));
  }
  return r;
}

TEST(OrgHeatmapTest, TwoHundredRowsKeepTheirSizeAndGrowTheHeight) {
  const v1::OrgRollup big = Large(19, 9, 9);
  ASSERT_EQ(big.rows_size(), 200);
  const std::string svg = Must(RenderOrgHeatmapSvg(big, Language::kDutch));
  const v1::OrgRollup small = Large(1, 3, 1);
  const std::string few = Must(RenderOrgHeatmapSvg(small, Language::kDutch));
  // Fixed row height (32): the picture grows by the rows and the header
  // bands repeated every 25 rows.
  EXPECT_GE(SvgHeight(svg) - SvgHeight(few), 194 * 32);
  for (const std::string& s : {svg, few}) {
    const std::regex size("font-size=\"([0-9.]+)\"");
    for (std::sregex_iterator it(s.begin(), s.end(), size), end; it != end;
         ++it) {
      EXPECT_GE(std::stod((*it)[1].str()), 14);
    }
  }
  EXPECT_EQ(CountOf(svg, "<g id=\"row-"), 200);
  // The column names repeat: 8 bands for the tree, 1 for the groups.
  EXPECT_EQ(CountOf(svg, ">Sturing</text>"), 9);
  EXPECT_EQ(svg, Must(RenderOrgHeatmapSvg(big, Language::kDutch)));
}

// Valid UTF-8 throughout: no code point cut in two.
bool ValidUtf8(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const int len = c < 0x80         ? 1
                    : (c >> 5) == 6  ? 2
                    : (c >> 4) == 14 ? 3
                    : (c >> 3) == 30 ? 4
                                     : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

TEST(OrgHeatmapTest, LongNamesEndInAnEllipsisOnACharacter) {
  v1::OrgRollup r = Rollup();
  // 60 two-byte characters: far wider than the name column.
  std::string name;
  for (int i = 0; i < 60; ++i) name += i % 2 == 0 ? "é" : "ß";
  r.mutable_rows(2)->set_name(name);
  const std::string svg = Must(RenderOrgHeatmapSvg(r, Language::kEnglish));
  EXPECT_TRUE(ValidUtf8(svg));
  const std::string row = Between(svg, "<g id=\"row-2\">", "</g>");
  const std::vector<std::string> texts = Texts(row);
  ASSERT_FALSE(texts.empty());
  const std::string& shown = texts[0];
  ASSERT_TRUE(absl::EndsWith(shown, "…")) << shown;
  const std::string kept(absl::StripSuffix(shown, "…"));
  EXPECT_TRUE(absl::StartsWith(name, kept));
  EXPECT_EQ(kept.size() % 2, 0u);
  EXPECT_GT(kept.size(), 20u);
  EXPECT_LT(kept.size(), name.size());
}

TEST(OrgReportTest, MalformedRollupsNameTheRowAndField) {
  v1::OrgRollup r = Rollup();
  r.mutable_rows(2)->mutable_pillars()->RemoveLast();
  for (const absl::StatusOr<std::string>& out :
       {RenderOrgText(r, nullptr, Language::kEnglish),
        RenderOrgMarkdown(r, nullptr, Language::kEnglish),
        RenderOrgHtml(r, nullptr, Language::kEnglish),
        RenderOrgHeatmapSvg(r, Language::kEnglish)}) {
    EXPECT_EQ(out.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(out.status().message(),
                HasSubstr("rollup.rows[2].pillars: 4 cells, expected 5"));
  }
  r = Rollup();
  r.mutable_rows(1)->set_kind(v1::ORG_ROW_KIND_UNSPECIFIED);
  EXPECT_THAT(RenderOrgText(r, nullptr, Language::kEnglish).status().message(),
              HasSubstr("rollup.rows[1].kind: 0 is not a row kind"));
  r = Rollup();
  r.mutable_rows(4)->mutable_pillars(2)->mutable_stats()->set_pillar(
      v1::PILLAR_SUCCESS);
  EXPECT_THAT(RenderOrgText(r, nullptr, Language::kEnglish).status().message(),
              HasSubstr("rollup.rows[4].pillars[2].stats.pillar"));
  r = Rollup();
  r.mutable_rows(0)->mutable_pillars(1)->mutable_stats()->set_mean(6);
  EXPECT_THAT(RenderOrgHeatmapSvg(r, Language::kEnglish).status().message(),
              HasSubstr("rollup.rows[0].pillars[1].stats.mean: 6 is outside"));
  r = Rollup();
  r.mutable_rows(0)->mutable_follow_up()->add_teams_focus(1);
  EXPECT_THAT(RenderOrgText(r, nullptr, Language::kEnglish).status().message(),
              HasSubstr("rollup.rows[0].follow_up.teams_focus: 6 entries"));
  v1::OrgTrend t = Trend();
  t.mutable_rows(1)->add_pillars();
  EXPECT_THAT(
      RenderOrgHtml(Rollup(), &t, Language::kEnglish).status().message(),
      HasSubstr("trend.rows[1].pillars: 6 trends, expected 5"));
  t = Trend();
  t.mutable_rows(0)->set_kind(static_cast<v1::OrgRowKind>(9));
  EXPECT_THAT(RenderOrgText(Rollup(), &t, Language::kDutch).status().message(),
              HasSubstr("trend.rows[0].kind: 9 is not a row kind"));
}

// The one dispatch gives each renderer's output and the message as JSON,
// and names the format it does not know by the library's own name for it.
TEST(OrgReportTest, DocumentDispatchesAndNamesAnUnknownFormat) {
  v1::OrgReport report;
  *report.mutable_rollup() = Rollup();
  *report.mutable_trend() = Trend();
  EXPECT_EQ(
      Must(RenderOrgDocument(report, "text", Language::kDutch)),
      Must(RenderOrgText(report.rollup(), &report.trend(), Language::kDutch)));
  EXPECT_EQ(Must(RenderOrgDocument(report, "md", Language::kEnglish)),
            Must(RenderOrgMarkdown(report.rollup(), &report.trend(),
                                   Language::kEnglish)));
  EXPECT_EQ(Must(RenderOrgDocument(report, "html", Language::kEnglish)),
            Must(RenderOrgHtml(report.rollup(), &report.trend(),
                               Language::kEnglish)));
  EXPECT_EQ(Must(RenderOrgDocument(report, "svg", Language::kEnglish)),
            Must(RenderOrgHeatmapSvg(report.rollup(), Language::kEnglish)));
  EXPECT_THAT(Must(RenderOrgDocument(report, "json", Language::kEnglish)),
              HasSubstr("\"org_id\": \"holding\""));
  const absl::StatusOr<std::string> pdf =
      RenderOrgDocument(report, "pdf", Language::kEnglish);
  EXPECT_EQ(pdf.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(pdf.status().message(),
            "format: \"pdf\" is not text, md, html, json or svg");
  EXPECT_EQ(CheckOrgDocumentFormat("TEXT", "--format").message(),
            "--format: \"TEXT\" is not text, md, html, json or svg");
  EXPECT_TRUE(CheckOrgDocumentFormat("svg", "kind").ok());
}

// Writes the pictures, the page, the text and the Markdown to
// $FIVES_SVG_OUT, for tests/svg_render_test.py (which parses and renders the
// SVGs to PNG) and for people to look at; does nothing when the variable is
// unset.
TEST(OrgSvgFiles, WritesPictures) {
  const char* dir = std::getenv("FIVES_SVG_OUT");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "FIVES_SVG_OUT unset";
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream out(absl::StrCat(dir, "/", name), std::ios::binary);
    out << content;
    ASSERT_TRUE(out.good()) << name;
  };
  const v1::OrgTrend trend = Trend();
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    const std::string tag(LanguageTag(lang));
    write(absl::StrCat("heatmap_", tag, ".svg"),
          Must(RenderOrgHeatmapSvg(Rollup(), lang)));
    write(absl::StrCat("org_", tag, ".html"),
          Must(RenderOrgHtml(Rollup(), &trend, lang)));
    write(absl::StrCat("org_", tag, ".txt"),
          Must(RenderOrgText(Rollup(), &trend, lang)));
    write(absl::StrCat("org_", tag, ".md"),
          Must(RenderOrgMarkdown(Rollup(), &trend, lang)));
  }
  write("heatmap_40_nl.svg",
        Must(RenderOrgHeatmapSvg(Large(4, 8, 3), Language::kDutch)));
  write("heatmap_200_en.svg",
        Must(RenderOrgHeatmapSvg(Large(19, 9, 9), Language::kEnglish)));
  write("org_40_nl.html",
        Must(RenderOrgHtml(Large(4, 8, 3), nullptr, Language::kDutch)));
}

}  // namespace
}  // namespace fives
