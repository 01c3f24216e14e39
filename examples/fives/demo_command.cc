// fives demo: the whole cycle on the built-in demo team.
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "demo_team.h"
#include "fives/catalog.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/journal_document.h"
#include "fives/journal_io.h"
#include "journal_file.h"
#include "report_output.h"

namespace fives::cli {

namespace {

int RunDemo(const ParsedArgs& args) {
  absl::StatusOr<Language> language = LangFlag(args);
  if (!language.ok()) {
    return UsageError("demo", language.status());
  }
  if (args.Has("picture") &&
      (!args.Has("format") || args.Value("format") != "svg")) {
    return UsageError("demo", CommandLineError(v1::ERROR_CODE_FLAG_GOES_WITH,
                                               {"--picture", "--format svg"}));
  }
  // Only an explicit --journal writes a file, and never over another.
  const bool write = args.Has("journal");
  const std::string path = args.Value("journal");
  if (write) {
    if (path.empty()) return UsageError("demo", FlagEmpty("--journal", "path"));
    if (absl::Status s = CheckNoFile(path); !s.ok()) return Refused("demo", s);
  }
  absl::StatusOr<DemoJournal> demo = BuildDemoJournal();
  if (!demo.ok()) return Refused("demo", demo.status());
  const Journal& j = demo->journal;
  if (write) {
    if (absl::Status s = CreateJournalFile(j, path); !s.ok()) {
      return Refused("demo", s);
    }
  }
  // --format: the meeting report of the second round in that format.
  if (args.Has("format") || args.Has("out")) {
    absl::StatusOr<ReportFormat> format =
        ParseReportFormat(args.Value("format"));
    if (!format.ok()) {
      return UsageError("demo", format.status());
    }
    const std::string picture = args.Value("picture");
    if (absl::Status s = CheckPicture(picture); !s.ok()) {
      return UsageError("demo", s);
    }

    absl::StatusOr<std::string> text = RenderReport(
        j, demo->second_round, *format, picture, *language, demo->as_of);
    if (!text.ok()) return Refused("demo", text.status());
    if (absl::Status s = Emit(*text, args.Value("out")); !s.ok()) {
      return Refused("demo", s);
    }
    return kExitOk;
  }

  // The cycle in the documents of the library, each as `fives` shows it
  // on its own.
  std::string out;
  absl::Status failed;
  auto show = [&](v1::DocumentKind kind, std::optional<absl::CivilDay> as_of,
                  absl::string_view id = "") {
    v1::DocumentRequest request;
    request.set_kind(kind);
    request.set_language(std::string(LanguageTag(*language)));
    if (as_of) request.set_as_of(FormatCivilDate(*as_of));
    if (kind == v1::DOCUMENT_KIND_REPORT) request.set_round_id(std::string(id));
    if (kind == v1::DOCUMENT_KIND_PLAN) request.set_plan_id(std::string(id));
    if (kind == v1::DOCUMENT_KIND_CHECK) request.set_check_id(std::string(id));
    absl::StatusOr<std::string> text = RenderJournalDocument(j, request);
    if (text.ok()) {
      out += *text;
    } else if (failed.ok()) {
      failed = text.status();
    }
  };
  constexpr absl::string_view kRule =
      "\n----------------------------------------\n\n";
  show(v1::DOCUMENT_KIND_REPORT, std::nullopt, demo->first_round);
  absl::StrAppend(&out, kRule);
  for (const v1::Plan& plan : j.proto().plans()) {
    show(v1::DOCUMENT_KIND_PLAN, demo->as_of, plan.id());
  }
  absl::StrAppend(&out, "\n");
  // The checks up to round 2; the next one leads into the charter review.
  std::vector<const v1::Check*> later;
  for (const v1::Check& check : j.proto().checks()) {
    if (check.date() > FormatCivilDate(demo->as_of)) {
      later.push_back(&check);
      continue;
    }
    show(v1::DOCUMENT_KIND_CHECK, demo->as_of, check.id());
  }
  absl::StrAppend(&out, kRule);
  show(v1::DOCUMENT_KIND_REPORT, demo->as_of, demo->second_round);
  absl::StrAppend(&out, "\n");
  show(v1::DOCUMENT_KIND_FOLLOW_UP, demo->as_of);
  absl::StrAppend(&out, "\n");
  show(v1::DOCUMENT_KIND_CHECK_DUE, demo->as_of);
  show(v1::DOCUMENT_KIND_GUARDIAN, demo->as_of);
  // The charter: the next check ticks warning signals again, and the review
  // as of that day shows what is in place, what is missing and what next.
  absl::StrAppend(&out, kRule);
  for (const v1::Check* check : later) {
    show(v1::DOCUMENT_KIND_CHECK, demo->charter_as_of, check->id());
    absl::StrAppend(&out, "\n");
  }
  show(v1::DOCUMENT_KIND_CHARTER_REVIEW, demo->charter_as_of);
  if (!failed.ok()) return Refused("demo", failed);
  if (write) {
    absl::StrAppend(&out, "\n", Say("done_demo_journal", *language, path),
                    "\n");
  }
  absl::PrintF("%s", out);
  return kExitOk;
}

constexpr Flag kDemoFlags[] = {
    kLangFlag,
    Flag::Value("journal", "PATH",
                "also write its journal to PATH (a new file)"),
    Flag::Value("format", "text|md|html|json|svg",
                "only round 2's meeting report")
        .Default("text"),
    Flag::Value("picture", "radar|strips|trend", "the picture of --format svg")
        .Default("radar"),
    Flag::Value("out", "FILE", "write to FILE (replaced), not standard output"),
};

constexpr Command kCommands[] = {
    {"demo", "",
     "the whole cycle on a built-in team of six: two rounds seven weeks "
     "apart, a plan, its follow-up, the checks and the charter review",
     kDemoFlags, RunDemo},
};

}  // namespace

absl::Span<const Command> DemoCommands() { return kCommands; }

}  // namespace fives::cli
