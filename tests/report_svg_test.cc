#include "fives/report_svg.h"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fives/catalog.h"
#include "fives/journal.h"
#include "fives/pillar.h"
#include "fives/report_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "journal_builder.h"

namespace fives {
namespace {

using ::fives::journal_builder::Day;
using ::fives::journal_builder::JournalBuilder;
using ::fives::journal_builder::MakeActionInput;
using ::testing::HasSubstr;
using ::testing::Not;

// The demo team of examples/fives: six members, an open round where
// Structure is split, a plan on it with focus Structure, and a
// confidential second round.
struct Demo {
  Journal journal;
  v1::RoundReport first;
  v1::RoundReport second;
};

Demo BuildDemo() {
  JournalBuilder b("demo-mt", "Demo MT");
  const char* ids[] = {"anna", "bram", "carla", "daan", "eva", "femke"};
  for (const char* id : ids) b.AddMember(id, id, Day(2026, 1, 5));
  b.StartRound("2026-11", Day(2026, 11, 2), v1::ROUND_MODE_OPEN)
      .AddResponse("2026-11", "anna", {4, 4, 2, 3, 4})
      .AddResponse("2026-11", "bram", {4, 3, 5, 3, 3})
      .AddResponse("2026-11", "carla", {3, 4, 1, 4, 4})
      .AddResponse("2026-11", "daan", {4, 5, 5, 2, 3})
      .AddResponse("2026-11", "eva", {5, 4, 1, 3, 4})
      .AddResponse("2026-11", "femke", {4, 3, 4, 4, 3})
      .CloseRound("2026-11", Day(2026, 11, 3));
  PlanInput plan;
  plan.round_id = "2026-11";
  plan.created = Day(2026, 11, 3);
  plan.focus = Pillar::kStructure;
  plan.actions = {MakeActionInput("Decision model", "A table", "bram"),
                  MakeActionInput("Four blocks", "Agendas", "carla")};
  b.CreatePlan(plan);
  b.StartRound("2026-12", Day(2026, 12, 21), v1::ROUND_MODE_CONFIDENTIAL)
      .AddResponse("2026-12", "anna", {4, 4, 4, 3, 4})
      .AddResponse("2026-12", "bram", {4, 4, 5, 3, 3})
      .AddResponse("2026-12", "carla", {4, 4, 4, 4, 4})
      .AddResponse("2026-12", "daan", {4, 5, 5, 3, 4})
      .AddResponse("2026-12", "eva", {5, 4, 4, 3, 4})
      .AddResponse("2026-12", "femke", {4, 4, 4, 4, 3})
      .CloseRound("2026-12", Day(2026, 12, 22));
  absl::StatusOr<Journal> j = b.Build();
  EXPECT_TRUE(j.ok()) << j.status();
  absl::StatusOr<v1::RoundReport> first = j->Report("2026-11");
  absl::StatusOr<v1::RoundReport> second = j->Report("2026-12");
  EXPECT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(second.ok()) << second.status();
  return {*std::move(j), *std::move(first), *std::move(second)};
}

// A confidential round of six where Strategy has every score, Steering four
// (the mean only) and Structure two (withheld).
v1::RoundReport WithheldReport() {
  JournalBuilder b("mt-small", "MT <Klein> & \"Co\"");
  const char* ids[] = {"a", "b", "c", "d", "e", "f"};
  for (const char* id : ids) b.AddMember(id, id, Day(2026, 1, 5));
  b.StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_CONFIDENTIAL, {},
               /*allow_partial=*/true)
      .AddResponse("r1", "a", {4, 4, 2, 3, 4})
      .AddResponse("r1", "b", {3, 4, 5, 3, 4})
      .AddResponse("r1", "c", {4, 3, 0, 4, 4})
      .AddResponse("r1", "d", {5, 4, 0, 2, 4})
      .AddResponse("r1", "e", {2, 4, 0, 0, 5})
      .AddResponse("r1", "f", {4, 5, 0, 0, 3})
      .CloseRound("r1", Day(2026, 2, 3));
  absl::StatusOr<Journal> j = b.Build();
  EXPECT_TRUE(j.ok()) << j.status();
  absl::StatusOr<v1::RoundReport> r = j->Report("r1");
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

std::string Must(absl::StatusOr<std::string> svg) {
  EXPECT_TRUE(svg.ok()) << svg.status();
  return svg.ok() ? *std::move(svg) : std::string();
}

class SvgTest : public ::testing::TestWithParam<Language> {};

INSTANTIATE_TEST_SUITE_P(Languages, SvgTest,
                         ::testing::Values(Language::kEnglish,
                                           Language::kDutch));

TEST_P(SvgTest, DeterministicOutput) {
  const Language lang = GetParam();
  const Demo a = BuildDemo();
  const Demo b = BuildDemo();
  EXPECT_EQ(Must(RenderRadarSvg(a.second, &a.first, lang)),
            Must(RenderRadarSvg(b.second, &b.first, lang)));
  EXPECT_EQ(Must(RenderDistributionSvg(a.first, lang)),
            Must(RenderDistributionSvg(b.first, lang)));
  EXPECT_EQ(Must(RenderTrendSvg(a.journal, lang)),
            Must(RenderTrendSvg(b.journal, lang)));
}

TEST_P(SvgTest, TitleDescAndEveryPillarName) {
  const Language lang = GetParam();
  const Demo demo = BuildDemo();
  for (const std::string& svg :
       {Must(RenderRadarSvg(demo.second, &demo.first, lang)),
        Must(RenderDistributionSvg(demo.first, lang)),
        Must(RenderTrendSvg(demo.journal, lang))}) {
    EXPECT_THAT(svg, HasSubstr("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_THAT(svg, HasSubstr("<title id=\"title\">Demo MT"));
    EXPECT_THAT(svg, HasSubstr("<desc id=\"desc\">"));
    EXPECT_THAT(svg, HasSubstr("viewBox=\"0 0 "));
    EXPECT_TRUE(absl::EndsWith(svg, "</svg>\n"));
    for (Pillar p : kAllPillars) {
      std::string name = PillarName(p, lang);
      std::string escaped;
      for (char c : name) escaped += c == '&' ? "&amp;" : std::string(1, c);
      EXPECT_THAT(svg, HasSubstr(absl::StrCat(">", escaped, "</text>")));
    }
    EXPECT_THAT(svg, Not(HasSubstr("& ")));
  }
}

// Pages show the pictures at their own size or larger, where 12 is the
// least size a text can have and still be read on a meeting-room screen.
void ExpectNoTextBelowTwelve(const std::string& svg) {
  const std::regex size("font-size=\"([0-9.]+)\"");
  int texts = 0;
  for (std::sregex_iterator it(svg.begin(), svg.end(), size), end; it != end;
       ++it, ++texts) {
    EXPECT_GE(std::stod((*it)[1].str()), 12.0) << (*it).str();
  }
  EXPECT_GT(texts, 10);
}

TEST_P(SvgTest, NoTextBelowTwelve) {
  const Language lang = GetParam();
  const Demo demo = BuildDemo();
  const v1::RoundReport withheld = WithheldReport();
  ExpectNoTextBelowTwelve(Must(RenderRadarSvg(demo.second, &demo.first, lang)));
  ExpectNoTextBelowTwelve(Must(RenderDistributionSvg(demo.first, lang)));
  ExpectNoTextBelowTwelve(Must(RenderTrendSvg(demo.journal, lang)));
  ExpectNoTextBelowTwelve(Must(RenderRadarSvg(withheld, nullptr, lang)));
  ExpectNoTextBelowTwelve(Must(RenderDistributionSvg(withheld, lang)));
}

TEST(SvgRenderTest, DutchNamesAndDecimalComma) {
  const Demo demo = BuildDemo();
  const std::string radar =
      Must(RenderRadarSvg(demo.second, &demo.first, Language::kDutch));
  EXPECT_THAT(radar, HasSubstr("Synergie &amp; sterktes"));
  EXPECT_THAT(radar, HasSubstr("Stip &amp; strategie"));
  // Structure in round 2: 4 4 4 5 4 5 -> mean 4,33.
  EXPECT_THAT(radar, HasSubstr("gemiddelde 4,33"));
  EXPECT_THAT(radar, Not(HasSubstr("4.33")));
}

TEST(SvgRenderTest, RadarPreviousOutlineOnlyWhenGiven) {
  const Demo demo = BuildDemo();
  const std::string with =
      Must(RenderRadarSvg(demo.second, &demo.first, Language::kEnglish));
  const std::string without =
      Must(RenderRadarSvg(demo.second, nullptr, Language::kEnglish));
  EXPECT_THAT(with, HasSubstr("id=\"previous-outline\""));
  EXPECT_THAT(with, HasSubstr("stroke-dasharray=\"7 5\""));
  // Dates the way the language writes them.
  EXPECT_THAT(with, HasSubstr("previous round (2026-11, 2 November 2026)"));
  EXPECT_THAT(without, Not(HasSubstr("previous-outline")));
  EXPECT_THAT(without, Not(HasSubstr("previous round")));
  // Every pillar has a mean: a closed polygon and five points.
  EXPECT_THAT(without, HasSubstr("<polygon id=\"mean-outline\""));
  for (Pillar p : kAllPillars) {
    EXPECT_THAT(without, HasSubstr(absl::StrCat("id=\"mean-", PillarKey(p))));
  }
}

TEST(SvgRenderTest, RadarBands) {
  const Demo demo = BuildDemo();
  const std::string radar =
      Must(RenderRadarSvg(demo.first, nullptr, Language::kEnglish));
  // Structure in round 1: 1 1 2 4 5 5 -> quartiles 1 and 5.
  EXPECT_THAT(radar, HasSubstr("quartiles 1–5"));
  EXPECT_THAT(radar, HasSubstr("id=\"band-structure\""));
}

TEST_P(SvgTest, WithheldPillarIsAGapNeverGuessed) {
  const Language lang = GetParam();
  const v1::RoundReport report = WithheldReport();
  ASSERT_EQ(report.pillars(2).disclosure(), v1::DISCLOSURE_TOO_FEW_RESPONSES);
  ASSERT_EQ(report.pillars(3).disclosure(), v1::DISCLOSURE_NO_DISTRIBUTION);
  const std::string radar = Must(RenderRadarSvg(report, nullptr, lang));
  const std::string note = lang == Language::kDutch ? "niet getoond: n &lt; 3"
                                                    : "not shown: n &lt; 3";
  EXPECT_THAT(radar, HasSubstr(note));
  EXPECT_THAT(radar, HasSubstr("id=\"gap-structure\""));
  EXPECT_THAT(radar, Not(HasSubstr("id=\"mean-structure\"")));
  EXPECT_THAT(radar, Not(HasSubstr("id=\"band-structure\"")));
  // No closed polygon through a guessed corner: open runs around the gap.
  EXPECT_THAT(radar, Not(HasSubstr("<polygon id=\"mean-outline\"")));
  EXPECT_THAT(radar, HasSubstr("<polyline id=\"mean-outline-0\""));
  // Steering shows its mean but no band.
  EXPECT_THAT(radar, HasSubstr("id=\"mean-steering\""));
  EXPECT_THAT(radar, Not(HasSubstr("id=\"band-steering\"")));
  EXPECT_THAT(radar, HasSubstr("id=\"band-strategy\""));
  // The team name is escaped.
  EXPECT_THAT(radar, HasSubstr("MT &lt;Klein&gt; &amp; &quot;Co&quot;"));
  EXPECT_THAT(radar, Not(HasSubstr("<Klein>")));

  const std::string strips = Must(RenderDistributionSvg(report, lang));
  EXPECT_THAT(strips, HasSubstr(note));
  EXPECT_THAT(strips, Not(HasSubstr("id=\"block-structure")));
  EXPECT_THAT(strips, Not(HasSubstr("id=\"block-steering")));
  EXPECT_THAT(strips, HasSubstr("id=\"block-strategy-4\""));
}

TEST_P(SvgTest, SplitLabelInWords) {
  const Language lang = GetParam();
  const Demo demo = BuildDemo();
  ASSERT_EQ(demo.first.pillars(2).label(), v1::AGREEMENT_LABEL_SPLIT);
  const std::string strips = Must(RenderDistributionSvg(demo.first, lang));
  const std::string word = lang == Language::kDutch ? "verdeeld" : "split";
  const size_t at = strips.find("id=\"tag-structure\"");
  ASSERT_NE(at, std::string::npos);
  const size_t end = strips.find("</g>", at);
  EXPECT_THAT(strips.substr(at, end - at),
              HasSubstr(absl::StrCat(">", word, "</text>")));
  // Two 1s, one 2, one 4, two 5s.
  EXPECT_THAT(strips, HasSubstr("id=\"block-structure-1\""));
  EXPECT_THAT(strips, Not(HasSubstr("id=\"block-structure-3\"")));
  EXPECT_THAT(strips, HasSubstr("url(#fives-score-1)"));
}

TEST_P(SvgTest, TrendMarksThePlanFocus) {
  const Language lang = GetParam();
  const Demo demo = BuildDemo();
  const std::string trend = Must(RenderTrendSvg(demo.journal, lang));
  EXPECT_THAT(trend, HasSubstr("id=\"focus-structure-0\""));
  for (Pillar p : {Pillar::kStrategy, Pillar::kSynergy, Pillar::kSteering,
                   Pillar::kSuccess}) {
    EXPECT_THAT(trend,
                Not(HasSubstr(absl::StrCat("id=\"focus-", PillarKey(p)))));
  }
  EXPECT_THAT(trend, Not(HasSubstr("id=\"focus-structure-1\"")));
  for (Pillar p : kAllPillars) {
    EXPECT_THAT(trend,
                HasSubstr(absl::StrCat("id=\"mean-", PillarKey(p), "-0\"")));
    EXPECT_THAT(trend,
                HasSubstr(absl::StrCat("id=\"mean-", PillarKey(p), "-1\"")));
  }
  EXPECT_THAT(trend, HasSubstr(FormatLongDate("2026-11-02", GetParam())));
  EXPECT_THAT(trend, HasSubstr(FormatLongDate("2026-12-21", GetParam())));
  EXPECT_THAT(trend,
              HasSubstr(GetParam() == Language::kDutch ? "21 december 2026"
                                                       : "21 December 2026"));
}

TEST(SvgRenderTest, TrendGapForWithheldRound) {
  JournalBuilder b("mt", "MT");
  const char* ids[] = {"a", "b", "c", "d"};
  for (const char* id : ids) b.AddMember(id, id, Day(2026, 1, 5));
  b.StartRound("r1", Day(2026, 2, 2), v1::ROUND_MODE_CONFIDENTIAL, {}, true)
      .AddResponse("r1", "a", {4, 4, 2, 3, 4})
      .AddResponse("r1", "b", {3, 4, 0, 3, 4})
      .AddResponse("r1", "c", {4, 3, 0, 4, 4})
      .CloseRound("r1", Day(2026, 2, 3));
  absl::StatusOr<Journal> j = b.Build();
  ASSERT_TRUE(j.ok()) << j.status();
  const std::string trend = Must(RenderTrendSvg(*j, Language::kEnglish));
  EXPECT_THAT(trend, HasSubstr("id=\"gap-structure-0\""));
  EXPECT_THAT(trend, Not(HasSubstr("id=\"mean-structure-0\"")));
  EXPECT_THAT(trend, HasSubstr("id=\"mean-strategy-0\""));
  // Three scores: the mean only, no band.
  EXPECT_THAT(trend, Not(HasSubstr("id=\"band-")));
  ExpectNoTextBelowTwelve(trend);
}

// Forty monthly rounds: every mean is drawn, but the round labels under the
// last panel are thinned to every k-th so that none overlaps the next.
TEST(SvgRenderTest, TrendThinsRoundLabelsOfManyRounds) {
  constexpr int kRounds = 40;
  JournalBuilder b("mt", "MT");
  for (const char* id : {"a", "b", "c"}) b.AddMember(id, id, Day(2020, 1, 1));
  for (int r = 0; r < kRounds; ++r) {
    const std::string id = absl::StrCat("r", r + 1);
    const absl::CivilDay day = Day(2020 + r / 12, r % 12 + 1, 10);
    b.StartRound(id, day, v1::ROUND_MODE_OPEN)
        .AddResponse(id, "a", {4, 3, 2 + r % 3, 3, 4})
        .AddResponse(id, "b", {3, 4, 3, 4, 3})
        .AddResponse(id, "c", {4, 4, 3, 2, 5})
        .CloseRound(id, day + 1);
  }
  absl::StatusOr<Journal> j = b.Build();
  ASSERT_TRUE(j.ok()) << j.status();
  const std::string trend = Must(RenderTrendSvg(*j, Language::kEnglish));
  for (Pillar p : kAllPillars) {
    EXPECT_THAT(trend, HasSubstr(absl::StrCat("id=\"mean-", PillarKey(p), "-",
                                              kRounds - 1, "\"")));
  }
  const size_t begin = trend.find("<g id=\"rounds\">");
  ASSERT_NE(begin, std::string::npos);
  const size_t end = trend.find("</g>", begin);
  const std::string labels = trend.substr(begin, end - begin);
  // The x of each round id label (bold), in order.
  std::vector<double> xs;
  std::vector<std::string> ids;
  for (size_t at = labels.find("<text"); at != std::string::npos;
       at = labels.find("<text", at + 1)) {
    const size_t close = labels.find("</text>", at);
    const std::string text = labels.substr(at, close - at);
    if (text.find("bold") == std::string::npos) continue;
    const size_t x = text.find("x=\"") + 3;
    xs.push_back(std::stod(text.substr(x, text.find('"', x) - x)));
    ids.push_back(text.substr(text.rfind('>') + 1));
  }
  ASSERT_GE(xs.size(), 3u);
  EXPECT_LT(xs.size(), static_cast<size_t>(kRounds));
  EXPECT_EQ(ids.front(), "r1");
  // Evenly thinned: r1, r(1+k), r(1+2k), ...
  const int every = std::stoi(ids[1].substr(1)) - 1;
  EXPECT_GT(every, 1);
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(ids[i], absl::StrCat("r", 1 + every * static_cast<int>(i)));
  }
  // Far enough apart for the longest date, "10 September 2020", at 12 px:
  // 17 code points of 0.6 em.
  for (size_t i = 1; i < xs.size(); ++i) {
    EXPECT_GE(xs[i] - xs[i - 1], 17 * 0.6 * 12);
  }
}

TEST(SvgRenderTest, BadInput) {
  const Demo demo = BuildDemo();
  v1::RoundReport empty = demo.first;
  empty.clear_pillars();
  EXPECT_EQ(RenderRadarSvg(empty, nullptr, Language::kEnglish).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RenderDistributionSvg(empty, Language::kEnglish).status().code(),
            absl::StatusCode::kInvalidArgument);
  // A bad previous report is refused too.
  EXPECT_EQ(
      RenderRadarSvg(demo.second, &empty, Language::kEnglish).status().code(),
      absl::StatusCode::kInvalidArgument);

  v1::RoundReport high = demo.first;
  high.mutable_pillars(1)->set_mean(5.5);
  absl::Status s = RenderRadarSvg(high, nullptr, Language::kEnglish).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("pillars[1].mean"));

  v1::RoundReport low = demo.first;
  low.mutable_pillars(0)->set_mean(0.5);
  EXPECT_FALSE(RenderDistributionSvg(low, Language::kEnglish).ok());

  v1::RoundReport short_histogram = demo.first;
  short_histogram.mutable_pillars(0)->mutable_histogram()->RemoveLast();
  EXPECT_FALSE(
      RenderRadarSvg(short_histogram, nullptr, Language::kEnglish).ok());

  v1::RoundReport wrong_sum = demo.first;
  wrong_sum.mutable_pillars(0)->set_histogram(0, 7);
  EXPECT_FALSE(RenderDistributionSvg(wrong_sum, Language::kEnglish).ok());

  v1::RoundReport repeated = demo.first;
  *repeated.add_pillars() = repeated.pillars(0);
  EXPECT_FALSE(RenderRadarSvg(repeated, nullptr, Language::kEnglish).ok());

  v1::RoundReport unknown = demo.first;
  unknown.mutable_pillars(0)->set_pillar(v1::PILLAR_UNSPECIFIED);
  EXPECT_FALSE(RenderRadarSvg(unknown, nullptr, Language::kEnglish).ok());

  // A journal without a closed round, and one that does not validate.
  absl::StatusOr<Journal> fresh = Journal::Create("mt", "MT");
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(RenderTrendSvg(*fresh, Language::kEnglish).status().code(),
            absl::StatusCode::kNotFound);
  // A journal that does not validate is refused when it is loaded, before
  // any picture (the trend takes the journal's reports as they are).
  v1::Journal broken = demo.journal.proto();
  broken.mutable_plans(0)->set_round_id("no-such-round");
  EXPECT_FALSE(Journal::FromProto(broken).ok());
}

v1::PillarStats Stats(std::array<int, 5> histogram,
                      v1::Disclosure disclosure = v1::DISCLOSURE_FULL) {
  v1::PillarStats s;
  s.set_pillar(v1::PILLAR_STRATEGY);
  int n = 0;
  for (int c : histogram) {
    s.add_histogram(c);
    n += c;
  }
  s.set_n(n);
  s.set_disclosure(disclosure);
  return s;
}

TEST(PillarSpreadTest, QuartilesFromFiveScoresOn) {
  // 1 1 2 4 5 5: halves 1 1 2 and 4 5 5.
  auto band = PillarSpread(Stats({2, 1, 0, 1, 2}));
  ASSERT_TRUE(band.ok() && band->has_value());
  EXPECT_EQ((*band)->kind, SpreadBand::Kind::kQuartiles);
  EXPECT_EQ((*band)->low, 1);
  EXPECT_EQ((*band)->high, 5);
  // 3 4 4 4 5: halves 3 4 and 4 5 (the middle 4 in neither).
  band = PillarSpread(Stats({0, 0, 1, 3, 1}));
  ASSERT_TRUE(band.ok() && band->has_value());
  EXPECT_EQ((*band)->low, 3.5);
  EXPECT_EQ((*band)->high, 4.5);
}

TEST(PillarSpreadTest, RangeBelowFiveScores) {
  auto band = PillarSpread(Stats({0, 1, 0, 2, 0}));
  ASSERT_TRUE(band.ok() && band->has_value());
  EXPECT_EQ((*band)->kind, SpreadBand::Kind::kRange);
  EXPECT_EQ((*band)->low, 2);
  EXPECT_EQ((*band)->high, 4);
}

TEST(PillarSpreadTest, NoneWhenWithheldOrEmpty) {
  v1::PillarStats mean_only = Stats({0, 0, 0, 0, 0});
  mean_only.set_n(4);
  mean_only.clear_histogram();
  mean_only.set_disclosure(v1::DISCLOSURE_NO_DISTRIBUTION);
  auto band = PillarSpread(mean_only);
  ASSERT_TRUE(band.ok());
  EXPECT_FALSE(band->has_value());
  band = PillarSpread(Stats({0, 0, 0, 0, 0}));
  ASSERT_TRUE(band.ok());
  EXPECT_FALSE(band->has_value());
  EXPECT_FALSE(PillarSpread(Stats({1, -1, 2, 0, 0})).ok());
}

// Writes the demo's pictures to $FIVES_SVG_OUT for tests/svg_render_test.py
// (which renders them to PNG); does nothing when the variable is unset.
TEST(SvgFiles, WritesDemoPictures) {
  const char* dir = std::getenv("FIVES_SVG_OUT");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "FIVES_SVG_OUT unset";
  auto write = [&](const std::string& name, const std::string& svg) {
    std::ofstream out(absl::StrCat(dir, "/", name), std::ios::binary);
    out << svg;
    ASSERT_TRUE(out.good()) << name;
  };
  for (Language lang : {Language::kEnglish, Language::kDutch}) {
    const std::string tag(LanguageTag(lang));
    const Demo demo = BuildDemo();
    write(absl::StrCat("radar_", tag, ".svg"),
          Must(RenderRadarSvg(demo.second, &demo.first, lang)));
    write(absl::StrCat("strips_", tag, ".svg"),
          Must(RenderDistributionSvg(demo.first, lang)));
    write(absl::StrCat("trend_", tag, ".svg"),
          Must(RenderTrendSvg(demo.journal, lang)));
    const v1::RoundReport withheld = WithheldReport();
    write(absl::StrCat("radar_withheld_", tag, ".svg"),
          Must(RenderRadarSvg(withheld, nullptr, lang)));
    write(absl::StrCat("strips_withheld_", tag, ".svg"),
          Must(RenderDistributionSvg(withheld, lang)));
  }
}

}  // namespace
}  // namespace fives
