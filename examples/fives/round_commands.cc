// fives round start | score | close: one scoring of the five pillars.
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "fives/pillar.h"
#include "journal_file.h"

ABSL_FLAG(std::string, mode, "confidential",
          "round start: open (everyone sees who scored what) or confidential "
          "(scores kept without identity)");
ABSL_FLAG(bool, partial, false,
          "round start: a response may leave pillars out (0 or - in round "
          "score)");

namespace fives::cli {
namespace {

absl::StatusOr<v1::RoundMode> ModeFlag() {
  const std::string mode = absl::AsciiStrToLower(absl::GetFlag(FLAGS_mode));
  if (mode == "open") return v1::ROUND_MODE_OPEN;
  if (mode == "confidential") return v1::ROUND_MODE_CONFIDENTIAL;
  return absl::InvalidArgumentError(
      absl::StrCat("--mode: \"", absl::GetFlag(FLAGS_mode),
                   "\" is not open or confidential"));
}

int Start(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date", "mode",
                                                 "partial"};
  static constexpr CommandSpec kSpec = {
      "round start",
      "fives round start ID --date YYYY-MM-DD [--mode open|confidential] "
      "[--partial]",
      kFlags, 1, 1};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("round start: ", date.status().message()));
  }
  absl::StatusOr<v1::RoundMode> mode = ModeFlag();
  if (!mode.ok()) {
    return UsageError(absl::StrCat("round start: ", mode.status().message()));
  }
  const std::string& id = parsed->positional[0];
  return UpdateJournal(
      "round start", [&](Journal& j) -> absl::StatusOr<std::string> {
        RoundOptions options = j.NewRoundOptions(id, **date, *mode);
        options.allow_partial = absl::GetFlag(FLAGS_partial);
        if (absl::Status s = j.StartRound(options); !s.ok()) return s;
        return absl::StrFormat(
            "round %s started on %s (%s%s): %d members can respond\n", id,
            absl::GetFlag(FLAGS_date),
            *mode == v1::ROUND_MODE_OPEN ? "open" : "confidential",
            options.allow_partial ? ", partial responses allowed" : "",
            j.team().CountMembersOn(**date));
      });
}

// One score of `round score`: 1..5, or 0 or "-" for a pillar left out. The
// error names the pillar and the text; the caller says where it came from.
absl::StatusOr<int> ParseScoreArg(const std::string& text, Pillar pillar) {
  if (text == "-") return 0;
  int score = 0;
  if (text.empty() ||
      text.find_first_not_of("0123456789") != std::string::npos ||
      !absl::SimpleAtoi(text, &score) || score > 5) {
    return absl::InvalidArgumentError(absl::StrCat(
        PillarKey(pillar), " \"", text,
        "\" is not a score (1..5, or 0 or - to leave the pillar out)"));
  }
  return score;
}

int Score(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal"};
  static constexpr CommandSpec kSpec = {
      "round score",
      "fives round score ROUND MEMBER STRATEGY SYNERGY STRUCTURE STEERING "
      "SUCCESS (scores 1..5; 0 or - leaves a pillar out)",
      kFlags, 2 + kPillarCount, 2 + kPillarCount};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  const std::string& round = parsed->positional[0];
  const std::string& member = parsed->positional[1];
  v1::Response response;
  response.set_member_id(member);
  for (Pillar p : kAllPillars) {
    absl::StatusOr<int> score =
        ParseScoreArg(parsed->positional[2 + PillarIndex(p)], p);
    if (!score.ok()) {
      return UsageError(
          absl::StrCat("round score: ", score.status().message()));
    }
    if (*score == 0) continue;  // left out: the round decides if it may be
    v1::PillarScore* s = response.add_scores();
    s->set_pillar(ToProto(p));
    s->set_score(*score);
  }
  return UpdateJournal(
      "round score", [&](Journal& j) -> absl::StatusOr<std::string> {
        if (absl::Status s = j.AddResponse(round, response); !s.ok()) return s;
        absl::StatusOr<Round> r = [&]() -> absl::StatusOr<Round> {
          for (const v1::Round& stored : j.proto().rounds()) {
            if (stored.id() == round) return Round::FromProto(stored);
          }
          return absl::NotFoundError(round);
        }();
        if (!r.ok()) return r.status();
        return absl::StrFormat(
            "round %s: the response of %s is recorded (%d of %d members)\n",
            round, member, r->respondents(),
            j.team().CountMembersOn(r->date()));
      });
}

int Close(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date"};
  static constexpr CommandSpec kSpec = {
      "round close", "fives round close ROUND --date YYYY-MM-DD", kFlags, 1, 1};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("round close: ", date.status().message()));
  }
  const std::string& round = parsed->positional[0];
  return UpdateJournal(
      "round close", [&](Journal& j) -> absl::StatusOr<std::string> {
        if (absl::Status s = j.CloseRound(round, **date); !s.ok()) return s;
        return absl::StrFormat(
            "round %s closed on %s (fives report --round %s)\n", round,
            absl::GetFlag(FLAGS_date), round);
      });
}

}  // namespace

int RunRound(absl::Span<char* const> args) {
  static constexpr Verb kVerbs[] = {
      {"start", Start}, {"score", Score}, {"close", Close}};
  return RunGroup("round", kVerbs, args);
}

}  // namespace fives::cli
