// fives demo: the whole cycle on the built-in demo team.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "charter_review_text.h"
#include "command_line.h"
#include "commands.h"
#include "demo_team.h"
#include "fives/catalog.h"
#include "fives/charter.h"
#include "fives/civil_date.h"
#include "fives/journal_io.h"
#include "fives/report_text.h"
#include "journal_file.h"
#include "journal_text.h"
#include "report_output.h"

namespace fives::cli {

namespace {

int RunDemo(const ParsedArgs& args) {
  absl::StatusOr<Language> language = LangFlag(args);
  if (!language.ok()) {
    return UsageError(absl::StrCat("demo: ", language.status().message()));
  }
  if (args.Has("picture") &&
      (!args.Has("format") || args.Value("format") != "svg")) {
    return UsageError("demo: --picture goes with --format svg");
  }
  // Only an explicit --journal writes a file, and never over another.
  const bool write = args.Has("journal");
  const std::string path = args.Value("journal");
  if (write) {
    if (path.empty()) return UsageError("demo: --journal needs a path");
    if (absl::Status s = CheckNoFile(path); !s.ok()) return Refused("demo", s);
  }
  absl::StatusOr<DemoJournal> demo = BuildDemoJournal();
  if (!demo.ok()) return Refused("demo", demo.status());
  const Journal& j = demo->journal;
  absl::StatusOr<v1::RoundReport> first =
      j.Report(demo->first_round, *language);
  if (!first.ok()) return Refused("demo", first.status());
  absl::StatusOr<v1::RoundReport> second =
      j.Report(demo->second_round, *language);
  if (!second.ok()) return Refused("demo", second.status());
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
      return UsageError(absl::StrCat("demo: ", format.status().message()));
    }
    const std::string picture = args.Value("picture");
    if (absl::Status s = CheckPicture(picture); !s.ok()) {
      return UsageError(absl::StrCat("demo: ", s.message()));
    }

    absl::StatusOr<std::string> text = RenderReport(
        j, demo->second_round, *format, picture, *language, demo->as_of);
    if (!text.ok()) return Refused("demo", text.status());
    if (absl::Status s = Emit(*text, args.Value("out")); !s.ok()) {
      return Refused("demo", s);
    }
    return kExitOk;
  }

  constexpr absl::string_view kRule =
      "\n----------------------------------------\n\n";
  std::string out = RenderReportText(*first, *language);
  absl::StrAppend(&out, kRule);
  for (const v1::Plan& plan : j.proto().plans()) {
    absl::StrAppend(&out, RenderPlan(j, plan, *language));
  }
  absl::StrAppend(&out, "\n");
  // The checks up to round 2; the next one leads into the charter review.
  std::vector<const v1::Check*> later;
  for (const v1::Check& check : j.proto().checks()) {
    if (check.date() > FormatCivilDate(demo->as_of)) {
      later.push_back(&check);
      continue;
    }
    absl::StrAppend(&out, RenderCheck(j, check, *language));
  }
  absl::StrAppend(
      &out, kRule, RenderReportText(*second, *language), "\n",
      RenderVerdict(*second, *language), "\n",
      RenderFollowUp(j.FollowUp(demo->as_of), j.config().due_soon_days,
                     *language),
      "\n",
      RenderCheckStatus(j.CheckStatus(demo->as_of), demo->as_of, *language),
      RenderGuardian(j, demo->as_of, *language));
  // The charter: the next check ticks warning signals again, and the review
  // as of that day shows what is in place, what is missing and what next.
  absl::StrAppend(&out, kRule);
  for (const v1::Check* check : later) {
    absl::StrAppend(&out, RenderCheck(j, *check, *language), "\n");
  }
  absl::StrAppend(
      &out, RenderCharterReview(
                j, ReviewCharter(j.proto(), demo->charter_as_of), *language));
  if (write) absl::StrAppend(&out, "\njournal written to ", path, "\n");
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
