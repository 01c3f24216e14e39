// fives charter show | set | check | signals: the team charter, the
// agreements behind the five pillars (fives/charter.h).
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "charter_review_text.h"
#include "charter_text.h"
#include "command_line.h"
#include "commands.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/text_format.h"
#include "input_file.h"
#include "journal_file.h"

ABSL_DECLARE_FLAG(std::string, format);

ABSL_FLAG(std::string, file, "",
          "charter set: the file holding the fives.v1.Charter");

namespace fives::cli {
namespace {

int Show(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "json", "lang"};
  static constexpr CommandSpec kSpec = {
      "charter show", "fives charter show [--json] [--lang en|nl]", kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<Language> lang = LangFlag();
  if (!lang.ok()) {
    return UsageError(absl::StrCat("charter show: ", lang.status().message()));
  }
  return ReadJournal("charter show", [&](const Journal& j) {
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(j.proto().charter());
    } else {
      absl::PrintF("%s", RenderCharter(j, *lang));
    }
    return kExitOk;
  });
}

// The charter given to `charter set`: its text and where it came from.
struct CharterInput {
  std::string text;
  // "--file PATH" or "the argument": named in errors.
  std::string source;
};

absl::StatusOr<v1::Charter> ParseCharter(const CharterInput& input, bool json) {
  v1::Charter charter;
  if (!json) {
    if (absl::Status s = ParseTextFormat(input.text, input.source, &charter);
        !s.ok()) {
      return s;
    }
    return charter;
  }
  if (absl::Status s = ParseJson(input.text, input.source, &charter); !s.ok()) {
    return s;
  }
  return charter;
}

// The journal's charter with the pillar sections `input` has replaced; the
// sections it leaves out are kept. Signals: the input's when it has any
// (SetCharter refuses them unless they are the journal's), else the
// journal's.
v1::Charter Merge(const v1::Charter& current, const v1::Charter& input) {
  v1::Charter merged = current;
  if (input.has_strategy()) *merged.mutable_strategy() = input.strategy();
  if (input.has_synergy()) *merged.mutable_synergy() = input.synergy();
  if (input.has_structure()) *merged.mutable_structure() = input.structure();
  if (input.has_steering()) *merged.mutable_steering() = input.steering();
  if (input.has_success()) *merged.mutable_success() = input.success();
  if (input.signals_size() > 0) *merged.mutable_signals() = input.signals();
  return merged;
}

int Set(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date", "file",
                                                 "format"};
  static constexpr CommandSpec kSpec = {
      "charter set",
      "fives charter set --date YYYY-MM-DD (--file FILE | TEXT) "
      "[--format text|json]",
      kFlags, 0, 1};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("charter set: ", date.status().message()));
  }
  const std::string format = parsed->given.contains("format")
                                 ? absl::GetFlag(FLAGS_format)
                                 : std::string("text");
  if (format != "text" && format != "json") {
    return UsageError(absl::StrCat("charter set: --format: \"", format,
                                   "\" is not text or json"));
  }
  const std::string file = absl::GetFlag(FLAGS_file);
  const bool from_file = parsed->given.contains("file");
  if (from_file == !parsed->positional.empty()) {
    return UsageError(absl::StrCat(
        "charter set: give the charter in --file FILE or as one argument, "
        "not both (usage: ",
        kSpec.usage, ")"));
  }
  if (from_file && file.empty()) {
    return UsageError("charter set: --file needs a file name");
  }
  CharterInput input;
  if (from_file) {
    input.source = absl::StrCat("--file ", file);
    absl::StatusOr<std::string> data = ReadInputFile(file);
    if (!data.ok()) return Refused("charter set", data.status());
    input.text = *std::move(data);
  } else {
    input.source = "the charter argument";
    input.text = parsed->positional[0];
  }
  absl::StatusOr<v1::Charter> charter = ParseCharter(input, format == "json");
  if (!charter.ok()) return Refused("charter set", charter.status());

  return UpdateJournal(
      "charter set", [&](Journal& j) -> absl::StatusOr<std::string> {
        if (absl::Status s =
                j.SetCharter(Merge(j.proto().charter(), *charter), **date);
            !s.ok()) {
          return s;
        }
        const std::vector<CharterFinding> findings =
            CheckCharter(j.proto(), **date);
        std::string out =
            absl::StrFormat("charter set on %s; warnings: %d\n",
                            FormatCivilDate(**date), findings.size());
        for (const CharterFinding& f : findings) {
          absl::StrAppend(&out, "  warning: ", f.message, "\n");
        }
        return out;
      });
}

int Check(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "date", "json",
                                                 "lang", "stale-days"};
  // --stale-days has a hyphen, so it is no Abseil flag: it is collected
  // like a repeatable flag and may be given once.
  static constexpr absl::string_view kCollected[] = {"stale-days"};
  static constexpr CommandSpec kSpec = {
      "charter check",
      "fives charter check --date YYYY-MM-DD [--stale-days N] [--json] "
      "[--lang en|nl]",
      kFlags,
      0,
      0,
      kCollected};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(true);
  if (!date.ok()) {
    return UsageError(absl::StrCat("charter check: ", date.status().message()));
  }
  absl::StatusOr<Language> lang = LangFlag();
  if (!lang.ok()) {
    return UsageError(absl::StrCat("charter check: ", lang.status().message()));
  }
  int stale_days = 365;
  const std::vector<std::string>& stale = parsed->Values("stale-days");
  if (stale.size() > 1) {
    return UsageError("charter check: --stale-days is given more than once");
  }
  if (!stale.empty() &&
      (!absl::SimpleAtoi(stale[0], &stale_days) || stale_days < 0)) {
    return UsageError(absl::StrCat("charter check: --stale-days: \"", stale[0],
                                   "\" is not a whole number of days >= 0"));
  }
  return ReadJournal("charter check", [&](const Journal& j) {
    const v1::CharterReview review =
        ReviewCharter(j.proto(), **date, stale_days);
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(review, /*with_defaults=*/true);
    } else {
      absl::PrintF("%s", RenderCharterReview(j, review, *lang));
    }
    if (review.errors() == 0) return kExitOk;
    return Refused("charter check",
                   absl::FailedPreconditionError(
                       absl::StrCat("the charter has ", review.errors(),
                                    review.errors() == 1 ? " error" : " errors",
                                    " as of ", review.as_of())));
  });
}

int Signals(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"lang"};
  static constexpr CommandSpec kSpec = {
      "charter signals", "fives charter signals [--lang en|nl]", kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<Language> lang = LangFlag();
  if (!lang.ok()) {
    return UsageError(
        absl::StrCat("charter signals: ", lang.status().message()));
  }
  absl::PrintF("%s", RenderSignalCatalog(*lang));
  return kExitOk;
}

}  // namespace

int RunCharter(absl::Span<char* const> args) {
  static constexpr Verb kVerbs[] = {
      {"show", Show}, {"set", Set}, {"check", Check}, {"signals", Signals}};
  return RunGroup("charter", kVerbs, args);
}

}  // namespace fives::cli
