// fives charter show | set | check | signals: the team charter, the
// agreements behind the five pillars (fives/charter.h).
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "fives/catalog.h"
#include "fives/charter.h"
#include "fives/charter_phrases.h"
#include "fives/error_detail.h"
#include "fives/journal_document.h"
#include "fives/text_format.h"
#include "input_file.h"
#include "journal_file.h"
#include "report_output.h"

namespace fives::cli {
namespace {

int Show(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("charter show", lang.status());
  }
  return ReadJournal(args, [&](const Journal& j) {
    if (args.Switch("json")) {
      PrintJson(j.proto().charter());
    } else {
      return PrintDocument(j, DocumentOf(v1::DOCUMENT_KIND_CHARTER, *lang),
                           "charter show");
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

int Set(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("charter set", lang.status());
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("charter set", date.status());
  }
  const std::string format = args.Value("format");
  if (format != "text" && format != "json") {
    return UsageError("charter set",
                      FlagChoice("--format", format, {"text", "json"}));
  }
  const std::string file = args.Value("file");
  const bool from_file = args.Has("file");
  if (from_file == !args.positional.empty()) {
    return UsageError("charter set",
                      CommandLineError(v1::ERROR_CODE_CHARTER_TWICE,
                                       {args.Usage()}));
  }
  if (from_file && file.empty()) {
    return UsageError("charter set", FlagEmpty("--file", "file_name"));
  }
  CharterInput input;
  if (from_file) {
    input.source = absl::StrCat("--file ", file);
    absl::StatusOr<std::string> data = ReadInputFile(file);
    if (!data.ok()) return Refused("charter set", data.status());
    input.text = *std::move(data);
  } else {
    input.source = "the charter argument";
    input.text = args.positional[0];
  }
  absl::StatusOr<v1::Charter> charter = ParseCharter(input, format == "json");
  if (!charter.ok()) return Refused("charter set", charter.status());

  return UpdateJournal(args, [&](Journal& j) -> absl::StatusOr<std::string> {
    if (absl::Status s =
            j.SetCharter(Merge(j.proto().charter(), *charter), **date);
        !s.ok()) {
      return s;
    }
    const std::vector<CharterFinding> findings =
        CheckCharter(j.proto(), **date);
    std::string out =
        absl::StrCat(Say("done_charter_set", *lang, LongDate(**date, *lang),
                         findings.size()),
                     "\n");
    // Each warning after the field it is about, as the charter names it.
    for (const CharterFinding& f : findings) {
      const std::string text = FindingText(ToProto(f), *lang);
      absl::StrAppend(&out, "  ",
                      Say("done_charter_warning", *lang,
                          f.field.empty() || f.code.empty()
                              ? text
                              : absl::StrCat(f.field, ": ", text)),
                      "\n");
    }
    return out;
  });
}

int Check(const ParsedArgs& args) {
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, true);
  if (!date.ok()) {
    return UsageError("charter check", date.status());
  }
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("charter check", lang.status());
  }
  int stale_days = 0;
  const std::string stale = args.Value("stale-days");
  if (!absl::SimpleAtoi(stale, &stale_days) || stale_days < 0) {
    return UsageError(
        "charter check",
        WithContext(CommandLineError(v1::ERROR_CODE_STALE_DAYS, {stale, 0}),
                    "--stale-days: "));
  }
  return ReadJournal(args, [&](const Journal& j) {
    const v1::CharterReview review =
        ReviewCharter(j.proto(), **date, stale_days);
    if (args.Switch("json")) {
      PrintJson(review, /*with_defaults=*/true);
    } else {
      v1::DocumentRequest request =
          DocumentOf(v1::DOCUMENT_KIND_CHARTER_REVIEW, *lang);
      request.set_as_of(review.as_of());
      request.set_stale_days(stale_days);
      if (int code = PrintDocument(j, request, "charter check");
          code != kExitOk) {
        return code;
      }
    }
    if (review.errors() == 0) return kExitOk;
    return Refused(
        "charter check",
        WithDetail(absl::FailedPreconditionError(
                       absl::StrCat("the charter has ", review.errors(),
                                    review.errors() == 1 ? " error" : " errors",
                                    " as of ", review.as_of())),
                   review.errors() == 1 ? v1::ERROR_CODE_CHARTER_ERROR
                                        : v1::ERROR_CODE_CHARTER_ERRORS,
                   {review.errors(), review.as_of()}));
  });
}

int Signals(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("charter signals", lang.status());
  }
  absl::StatusOr<std::string> text =
      RenderCatalogDocument(DocumentOf(v1::DOCUMENT_KIND_SIGNALS, *lang));
  if (!text.ok()) return Refused("charter signals", text.status());
  absl::PrintF("%s", *text);
  return kExitOk;
}

constexpr Flag kShowFlags[] = {
    kJournalFlag,
    Flag::Switch("json", "print JSON, a fives.v1.Charter"),
    kLangFlag,
};

constexpr Flag kSetFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day the charter is set").Required(),
    Flag::Value("file", "FILE", "read the charter from FILE, not an argument"),
    Flag::Value("format", "text|json", "protobuf text format or JSON")
        .Default("text"),
    kLangFlag,
};

constexpr Flag kCheckFlags[] = {
    kJournalFlag,
    Flag::Value("date", "YYYY-MM-DD", "the day of the review").Required(),
    Flag::Value("stale-days", "N", "an agreement older than N days is stale")
        .Default("365"),
    Flag::Switch("json", "print JSON, a fives.v1.CharterReview"),
    kLangFlag,
};

constexpr Flag kSignalsFlags[] = {kLangFlag};

constexpr absl::string_view kSetDetails =
    "Each pillar section given replaces the journal's, a section left out is\n"
    "kept (give 'steering {}' to empty one); refused, naming the field, for\n"
    "an owner who is not a member.\n";

constexpr Command kCommands[] = {
    {"charter show", "", "the team charter per pillar", kShowFlags, Show},
    {"charter set", "(--file FILE | TEXT)",
     "set the team charter, a fives.v1.Charter, pillar section by section",
     kSetFlags, Set, 0, 1, kSetDetails},
    {"charter check", "",
     "the review: readiness per pillar, agreements missing or stale, warning "
     "signals over the checks, findings, the next agreement; exit status 1 "
     "when the charter has errors (the review is still printed)",
     kCheckFlags, Check},
    {"charter signals", "",
     "the catalog's warning signals, numbered for --signal PILLAR:N",
     kSignalsFlags, Signals},
};

}  // namespace

absl::Span<const Command> CharterCommands() { return kCommands; }

}  // namespace fives::cli
