// fives round start | score | close: one scoring of the five pillars
// (round import: round_import_command.cc).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "command_line.h"
#include "commands.h"
#include "fives/catalog.h"
#include "fives/error_detail.h"
#include "fives/journal_io.h"
#include "fives/pillar.h"
#include "journal_file.h"

namespace fives::cli {
namespace {

absl::StatusOr<v1::RoundMode> ModeFlag(const ParsedArgs& args) {
  const std::string given = args.Value("mode");
  const std::string mode = absl::AsciiStrToLower(given);
  if (mode == "open") return v1::ROUND_MODE_OPEN;
  if (mode == "confidential") return v1::ROUND_MODE_CONFIDENTIAL;
  return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                        "--mode: \"", given, "\" is not open or confidential")),
                    v1::ERROR_CODE_MODE_UNKNOWN, {given});
}

int Start(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("round start", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("round start", date.status());
  }
  absl::StatusOr<v1::RoundMode> mode = ModeFlag(args);
  if (!mode.ok()) {
    return UsageError("round start", mode.status());
  }
  const std::string& id = args.positional[0];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    RoundOptions options = j.NewRoundOptions(id, **date, *mode);
    options.allow_partial = args.Switch("partial");
    if (absl::Status s = j.StartRound(options); !s.ok()) return s;
    const int members = j.team().CountMembersOn(**date);
    const std::string key = absl::StrCat(
        "done_round_start", options.allow_partial ? "_partial" : "",
        members == 1 ? "_one" : "");
    return absl::StrCat(
        Say(key, *lang, id, LongDate(**date, *lang),
            Say(*mode == v1::ROUND_MODE_OPEN ? "mode_open"
                                             : "mode_confidential",
                *lang),
            members),
        "\n");
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
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            PillarKey(pillar), " \"", text,
            "\" is not a score (1..5, or 0 or - to leave the pillar out)")),
        v1::ERROR_CODE_SCORE_NOT_A_SCORE, {pillar, text});
  }
  return score;
}

// The most `round score` reads from standard input or --scores-file: five
// scores and a few comment lines fit many times over, and `- < /dev/zero`
// is refused instead of read forever.
constexpr size_t kMaxScoresInput = 64 * 1024;

// "strategy synergy structure steering success": the order of the scores.
std::string PillarOrder() {
  std::string order;
  for (Pillar p : kAllPillars) {
    absl::StrAppend(&order, order.empty() ? "" : " ", PillarKey(p));
  }
  return order;
}

// Where scores came from, for people: standard input in their language,
// a flag and its file as given.
ErrorArgument SourceForPeople(absl::string_view source) {
  if (source == "standard input") {
    return ErrorArgument::Phrase("score_source_stdin");
  }
  return ErrorArgument(source);
}

// The scores at `source` cannot be read: the system call failed with
// `error` (0 when it did not say).
absl::Status ScoresUnreadable(absl::string_view source, int error) {
  return CommandLineError(
      v1::ERROR_CODE_SCORES_UNREADABLE,
      {SourceForPeople(source), error != 0 ? FileSystemReason(error)
                                           : ErrorArgument("read error")});
}

// All of `file`, at most kMaxScoresInput bytes. `source` names it in errors.
absl::StatusOr<std::string> ReadScoresInput(std::FILE* file,
                                            absl::string_view source) {
  std::string data;
  char buffer[4096];
  while (data.size() <= kMaxScoresInput) {
    errno = 0;
    const size_t n = std::fread(buffer, 1, sizeof buffer, file);
    data.append(buffer, n);
    if (n == sizeof buffer) continue;
    if (std::ferror(file)) return ScoresUnreadable(source, errno);
    break;
  }
  if (data.size() > kMaxScoresInput) {
    return CommandLineError(v1::ERROR_CODE_SCORES_TOO_LONG,
                            {SourceForPeople(source), kMaxScoresInput});
  }
  return data;
}

absl::StatusOr<std::string> ReadScoresFile(const std::string& path,
                                           absl::string_view source) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int error = errno;
    if (error == ENOENT) {
      return CommandLineError(v1::ERROR_CODE_INPUT_MISSING, {source});
    }
    return ScoresUnreadable(source, error);
  }
  absl::StatusOr<std::string> data = ReadScoresInput(file, source);
  std::fclose(file);
  return data;
}

// The scores in `text` (standard input or a --scores-file): exactly
// kPillarCount of them, separated by whitespace and/or commas; a line whose
// first character that is not blank is # is a comment.
absl::StatusOr<std::vector<std::string>> SplitScores(absl::string_view text,
                                                     absl::string_view source) {
  std::vector<std::string> scores;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), "#")) {
      continue;
    }
    for (absl::string_view score : absl::StrSplit(
             line, absl::ByAnyChar(" \t\r\v\f,"), absl::SkipEmpty())) {
      scores.emplace_back(score);
    }
  }
  if (scores.size() != kPillarCount) {
    return WithDetail(
        absl::InvalidArgumentError(absl::StrCat(
            source, ": ", scores.empty() ? "no" : absl::StrCat(scores.size()),
            scores.size() == 1 ? " score" : " scores", ", expected ",
            kPillarCount, " (", PillarOrder(), ")")),
        v1::ERROR_CODE_SCORES_COUNT,
        {SourceForPeople(source), scores.size(), Pillar::kStrategy,
         Pillar::kSynergy, Pillar::kStructure, Pillar::kSteering,
         Pillar::kSuccess});
  }
  return scores;
}

// Where the scores of `round score` come from, and their texts in pillar
// order.
struct ScoreTexts {
  // "standard input" or "--scores-file FILE"; empty for the arguments.
  std::string source;
  std::vector<std::string> scores;
};

// The scores of `round score`: after ROUND MEMBER, "-" reads them from
// standard input, --scores-file FILE from a file (nothing after ROUND
// MEMBER), else they are the five arguments. The error is ready for
// UsageError.
absl::StatusOr<ScoreTexts> GetScoreTexts(const ParsedArgs& parsed,
                                         absl::string_view usage) {
  const std::vector<std::string>& args = parsed.positional;
  const std::string file = parsed.Value("scores-file");
  const bool dash = args.size() > 2 && args[2] == "-";
  ScoreTexts texts;
  absl::StatusOr<std::string> data;
  if (parsed.Has("scores-file")) {
    if (file.empty()) {
      return FlagEmpty("--scores-file", "file_name");
    }
    if (dash && args.size() == 3) {
      return CommandLineError(v1::ERROR_CODE_SCORES_TWICE, {});
    }
    if (args.size() > 2) {
      return CommandLineError(v1::ERROR_CODE_SCORES_WITH_FILE,
                              {args[2], usage});
    }
    texts.source = absl::StrCat("--scores-file ", file);
    data = ReadScoresFile(file, texts.source);
  } else if (dash && args.size() < 2 + kPillarCount) {
    // With all five arguments, a first "-" leaves strategy out instead.
    if (args.size() > 3) {
      return CommandLineError(v1::ERROR_CODE_SCORES_AFTER_DASH,
                              {args[3], usage});
    }
    texts.source = "standard input";
    data = ReadScoresInput(stdin, texts.source);
  } else {
    if (args.size() < 2 + kPillarCount) {
      if (args.size() <= 2) return ArgumentMissing(usage);
      return CommandLineError(v1::ERROR_CODE_SCORES_MISSING,
                              {args.size() - 2, usage});
    }
    texts.scores.assign(args.begin() + 2, args.end());
    return texts;
  }
  if (!data.ok()) return data.status();
  absl::StatusOr<std::vector<std::string>> scores =
      SplitScores(*data, texts.source);
  if (!scores.ok()) {
    return scores.status();
  }
  texts.scores = *std::move(scores);
  return texts;
}

int Score(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("round score", lang.status());
  }
  absl::StatusOr<ScoreTexts> texts = GetScoreTexts(args, args.Usage());
  if (!texts.ok()) return UsageError("round score", texts.status());
  const std::string context =
      texts->source.empty()
          ? "round score"
          : absl::StrCat("round score: ",
                         texts->source == "standard input"
                             ? Say("score_source_stdin", ErrorLanguage())
                             : texts->source);
  const std::string& round = args.positional[0];
  const std::string& member = args.positional[1];
  v1::Response response;
  response.set_member_id(member);
  for (Pillar p : kAllPillars) {
    absl::StatusOr<int> score = ParseScoreArg(texts->scores[PillarIndex(p)], p);
    if (!score.ok()) {
      return UsageError(context, score.status());
    }
    if (*score == 0) continue;  // left out: the round decides if it may be
    v1::PillarScore* s = response.add_scores();
    s->set_pillar(ToProto(p));
    s->set_score(*score);
  }
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    if (absl::Status s = j.AddResponse(round, response); !s.ok()) return s;
    absl::StatusOr<Round> r = [&]() -> absl::StatusOr<Round> {
      for (const v1::Round& stored : j.proto().rounds()) {
        if (stored.id() == round) return Round::FromProto(stored);
      }
      return absl::NotFoundError(round);
    }();
    if (!r.ok()) return r.status();
    return absl::StrCat(
        Say("done_round_score", *lang, round, member, r->respondents(),
            j.team().CountMembersOn(r->date())),
        "\n");
  });
}

int Close(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("round close", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("round close", date.status());
  }
  const std::string& round = args.positional[0];
  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    if (absl::Status s = j.CloseRound(round, **date); !s.ok()) return s;
    return absl::StrCat(
        Say("done_round_close", *lang, round, LongDate(**date, *lang)), "\n");
  });
}

constexpr Flag kStartFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day the round starts").Required(),
    Flag::Value("mode", "open|confidential", "open: scores with names")
        .Default("confidential"),
    Flag::Switch("partial", "a response may leave pillars out"),
    kLangFlag,
};

constexpr Flag kScoreFlags[] = {
    kJournalFlag,
    Flag::Value("scores-file", "FILE", "read the five scores from FILE"),
    kLangFlag,
};

constexpr Flag kCloseFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day the round closes").Required(),
    kLangFlag,
};

constexpr absl::string_view kStartDetails =
    "In an open round everyone sees who gave which score. A confidential\n"
    "round keeps its scores only as counts per pillar, never linked to a\n"
    "person, and every output shows what the group's size allows.\n";

constexpr absl::string_view kScoreDetails =
    "One member's scores 1..5 in pillar order: strategy synergy structure\n"
    "steering success; 0 or - leaves a pillar out (partial rounds). - reads\n"
    "the scores from standard input and --scores-file from FILE, which keeps\n"
    "them out of the process list and the shell history: five scores\n"
    "separated by spaces, commas or newlines; a line starting with # is a\n"
    "comment.\n";

}  // namespace

absl::Span<const Command> RoundCommands() {
  // Trivially destructible, made on the first call.
  static const Command kCommands[] = {
      {"round start", "ID",
       "a scoring round, confidential unless --mode open; with --partial a "
       "response may leave pillars out",
       kStartFlags, Start, 1, 1, kStartDetails},
      {"round score",
       "ROUND MEMBER (- < FILE | --scores-file FILE | STRATEGY SYNERGY "
       "STRUCTURE STEERING SUCCESS)",
       "one member's response: five scores 1..5 in pillar order", kScoreFlags,
       Score, 2, 2 + kPillarCount, kScoreDetails,
       "round score ROUND MEMBER - < FILE   (or --scores-file FILE)\n"
       "round score ROUND MEMBER S1 S2 S3 S4 S5"},
      RoundImportCommand(),
      {"round close", "ROUND",
       "close a round, on the day of --date: its report can be made",
       kCloseFlags, Close, 1, 1},
  };
  return kCommands;
}

}  // namespace fives::cli
