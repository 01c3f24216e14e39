#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "fives/error_detail.h"
#include "fives/report_text.h"
#include "fives/score_stats.h"
#include "fives/text_format.h"

namespace fives::cli {
namespace {

// Parses one command-line score: an integer 1..5 and nothing else.
absl::StatusOr<int> ParseScore(const std::string& text) {
  int score = 0;
  if (!absl::SimpleAtoi(text, &score) ||
      text.find_first_not_of("0123456789+-") != std::string::npos) {
    return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                          "\"", text, "\" is not a score (an integer 1..5)")),
                      v1::ERROR_CODE_STATS_NOT_A_SCORE, {text});
  }
  if (!IsValidScore(score)) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(score, " is outside 1..5")),
        v1::ERROR_CODE_STATS_NOT_A_SCORE, {text});
  }
  return score;
}

std::string Value(const std::optional<double>& v) {
  return v ? absl::StrFormat("%.6f", *v) : "undefined";
}

void PrintText(const ScoreStats& s) {
  const auto& c = s.histogram.counts();
  absl::PrintF("n           %d\n", s.n);
  absl::PrintF("mean        %s\n", Value(s.mean));
  absl::PrintF("median      %s\n", Value(s.median));
  absl::PrintF("sd          %s\n", Value(s.sd));
  absl::PrintF("min         %d\n", *s.min);
  absl::PrintF("max         %d\n", *s.max);
  absl::PrintF("histogram   %d %d %d %d %d  (scores 1..5)\n", c[0], c[1], c[2],
               c[3], c[4]);
  absl::PrintF("rwg         %s\n", Value(s.rwg));
  absl::PrintF("rwg_raw     %s\n", Value(s.rwg_raw));
  absl::PrintF("ad_mean     %s%s\n", Value(s.ad_mean),
               s.ad_above_cutoff
                   ? absl::StrFormat("  (above %.2f: no agreement)",
                                     AgreementThresholds().ad_cutoff)
                   : "");
  absl::PrintF("ad_median   %s\n", Value(s.ad_median));
  absl::PrintF("consensus   %s\n", Value(s.consensus));
  absl::PrintF("agreement   %s\n", Value(s.agreement));
  absl::PrintF("label       %s\n", AgreementLabelKey(s.label));
}

int RunStats(const ParsedArgs& args) {
  if (args.positional.empty()) {
    return UsageError("stats", CommandLineError(v1::ERROR_CODE_STATS_NONE,
                                                {args.Usage()}));
  }
  std::vector<int> scores;
  for (const std::string& word : args.positional) {
    absl::StatusOr<int> score = ParseScore(word);
    if (!score.ok()) return UsageError("stats", score.status());
    scores.push_back(*score);
  }
  absl::StatusOr<ScoreStats> stats = ComputeScoreStats(scores);
  if (!stats.ok()) return UsageError("stats", stats.status());

  if (args.Switch("json")) {
    absl::PrintF("%s\n", PrintJson(ToProto(*stats)));
  } else {
    PrintText(*stats);
  }
  return kExitOk;
}

constexpr Flag kStatsFlags[] = {
    Flag::Switch(
        "json",
        "print JSON, a fives.v1.PillarStats (undefined measures absent)"),
    kLangFlag,
};

constexpr Command kCommands[] = {
    {"stats", "SCORE...",
     "centre, spread and agreement of one pillar's scores 1..5", kStatsFlags,
     RunStats, 0, SIZE_MAX},
};

}  // namespace

absl::Span<const Command> StatsCommands() { return kCommands; }

}  // namespace fives::cli
