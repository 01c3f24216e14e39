// fives init | export | import | report: a journal as a whole.
#include <sys/stat.h>

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "fives/catalog.h"
#include "fives/civil_date.h"
#include "fives/journal_io.h"
#include "fives/report_suggestions.h"
#include "fives/report_text.h"
#include "input_file.h"
#include "journal_file.h"
#include "report_output.h"

namespace fives::cli {
namespace {

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

absl::StatusOr<JournalFormat> FormatFlag(const ParsedArgs& args) {
  absl::StatusOr<JournalFormat> format =
      JournalFormatFromName(args.Value("format"));
  if (!format.ok()) return FlagError("--format", "format", format.status());
  return format;
}

// The refusal of CheckNoFile for `path`, told that --force replaces the
// file; a refusal other than AlreadyExists as it is.
absl::Status ForceReplacesIt(const absl::Status& status,
                             const std::string& path) {
  if (!absl::IsAlreadyExists(status)) return status;
  return WithDetail(absl::AlreadyExistsError(absl::StrCat(
                        status.message(), " (--force replaces it)")),
                    v1::ERROR_CODE_FILE_EXISTS_FORCE, {path});
}

// "team mt (Our MT): 6 members, 2 rounds, ..." in `language`.
std::string Summary(const Journal& j, Language language) {
  const v1::Journal& p = j.proto();
  return Say("done_summary", language, p.team().id(), p.team().name(),
             p.team().members_size(), p.rounds_size(), p.plans_size(),
             p.actions_size(), p.checks_size());
}

int RunInit(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("init", lang.status());
  }
  const std::string team = args.Value("team");
  const std::string name = args.Value("name");
  if (team.empty() || name.empty()) {
    return UsageError("init", CommandLineError(v1::ERROR_CODE_FLAGS_REQUIRED,
                                               {"--team, --name", args.Usage()}));
  }
  const std::string path = args.Value("journal");
  if (absl::Status s = CheckNoFile(path); !s.ok()) return Refused("init", s);
  absl::StatusOr<Journal> journal = Journal::Create(team, name);
  if (!journal.ok()) return Refused("init", journal.status());
  if (absl::Status s = CreateJournalFile(*journal, path); !s.ok()) {
    return Refused("init", s);
  }
  absl::PrintF("%s\n", Say("done_init", *lang, path, team, name));
  return kExitOk;
}

int RunExport(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("export", lang.status());
  }
  absl::StatusOr<JournalFormat> format = FormatFlag(args);
  if (!format.ok()) {
    return UsageError("export", format.status());
  }
  const std::string out = args.Value("out");
  if (args.Has("out") && out.empty()) {
    return UsageError("export", FlagEmpty("--out", "file_name"));
  }
  const std::string path = args.Value("journal");
  const bool force = args.Switch("force");
  return ReadJournal(args, [&](const Journal& journal) {
    const std::string bytes = SerializeJournal(journal, *format);
    if (out.empty()) {
      if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() ||
          std::fflush(stdout) != 0) {
        return Refused("export", absl::DataLossError("cannot write stdout"));
      }
      return kExitOk;
    }
    if (SameFile(out, path)) {
      return Refused("export",
                     WithDetail(absl::FailedPreconditionError(absl::StrCat(
                                    "--out ", out, " is the journal itself")),
                                v1::ERROR_CODE_EXPORT_ONTO_JOURNAL, {out}));
    }
    if (!force) {
      if (absl::Status s = CheckNoFile(out); !s.ok()) {
        return Refused("export", ForceReplacesIt(s, out));
      }
    }
    FileOps ops;
    if (absl::Status s = WriteFileAtomically(out, bytes, ops, force); !s.ok()) {
      return Refused("export", s);
    }
    absl::PrintF("%s\n",
                 Say("done_export", *lang, out, Summary(journal, *lang)));
    return kExitOk;
  });
}

int RunImport(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("import", lang.status());
  }
  const std::string from = args.Value("from");
  if (from.empty()) {
    return UsageError("import", CommandLineError(v1::ERROR_CODE_FLAGS_REQUIRED,
                                                 {"--from FILE", args.Usage()}));
  }
  absl::StatusOr<JournalFormat> format = FormatFlag(args);
  if (!format.ok()) {
    return UsageError("import", format.status());
  }
  const std::string path = args.Value("journal");
  const bool force = args.Switch("force");
  if (!force) {
    if (absl::Status s = CheckNoFile(path); !s.ok()) {
      return Refused("import", ForceReplacesIt(s, path));
    }
  }
  absl::StatusOr<std::string> data = ReadInputFile(from);
  if (!data.ok()) return Refused("import", data.status());
  absl::StatusOr<Journal> journal = ParseJournal(*data, *format);
  if (!journal.ok()) {
    return Refused(absl::StrCat("import: ", from), journal.status());
  }
  const absl::Status saved = force ? SaveJournalFile(*journal, path)
                                   : CreateJournalFile(*journal, path);
  if (!saved.ok()) return Refused("import", saved);
  absl::PrintF("%s\n",
               Say("done_import", *lang, from, path, Summary(*journal, *lang)));
  return kExitOk;
}

int RunReport(const ParsedArgs& args) {
  absl::StatusOr<Language> lang = LangFlag(args);
  if (!lang.ok()) {
    return UsageError("report", lang.status());
  }
  const std::string round = args.Value("round");
  if (args.Has("round") && round.empty()) {
    return UsageError("report", FlagEmpty("--round", "round_id"));
  }
  absl::StatusOr<ReportFormat> format = ParseReportFormat(args.Value("format"));
  if (!format.ok()) {
    return UsageError("report", format.status());
  }
  const std::string picture = args.Value("picture");
  if (absl::Status s = CheckPicture(picture); !s.ok()) {
    return UsageError("report", s);
  }
  if (args.Has("picture") &&
      (!args.Has("format") || args.Value("format") != "svg")) {
    return UsageError("report",
                      CommandLineError(v1::ERROR_CODE_FLAG_GOES_WITH,
                                       {"--picture", "--format svg"}));
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(args, false);
  if (!date.ok()) {
    return UsageError("report", date.status());
  }
  return ReadJournal(args, [&](const Journal& journal) {
    if (args.Switch("json") && !args.Has("format")) {
      // --json: the round's report message alone.
      absl::StatusOr<v1::RoundReport> report =
          round.empty() ? journal.LatestReport() : journal.Report(round);
      if (!report.ok()) return Refused("report", report.status());
      AddSuggestions(*lang, &*report);
      PrintJson(*report);
      return kExitOk;
    }
    absl::StatusOr<std::string> text =
        RenderReport(journal, round, *format, picture, *lang, *date);
    if (!text.ok()) return Refused("report", text.status());
    if (absl::Status s = Emit(*text, args.Value("out")); !s.ok()) {
      return Refused("report", s);
    }
    return kExitOk;
  });
}

constexpr Flag kInitFlags[] = {
    kJournalFlag,
    Flag::Value("team", "ID", "the team's id, 1-64 of A-Za-z0-9._-").Required(),
    Flag::Value("name", "NAME", "the team's display name").Required(),
    kLangFlag,
};

constexpr Flag kReportFlags[] = {
    kJournalFlag,
    Flag::Value("round", "ID", "the round (default: the latest closed one)"),
    kLangFlag,
    Flag::Value("format", "text|md|html|json|svg",
                "the meeting report's format")
        .Default("text"),
    Flag::Value("picture", "radar|strips|trend", "the picture of --format svg")
        .Default("radar"),
    Flag::Value("date", "YYYY-MM-DD",
                "as of this day (default: the day it closed)"),
    Flag::Value("out", "FILE", "write to FILE (replaced), not standard output"),
    Flag::Switch("json", "without --format: the fives.v1.RoundReport"),
};

constexpr absl::string_view kReportDetails =
    "--format text is the round's report and the verdict; md the meeting\n"
    "report in Markdown; html the same as one self-contained page; json a\n"
    "fives.v1.MeetingReport; svg one picture, chosen by --picture. The\n"
    "follow-up, the next check and the guardian are as of --date.\n";

constexpr Flag kExportFlags[] = {
    kJournalFlag,
    Flag::Value("format", "json|text|binary",
                "proto3 JSON, text format or binary")
        .Default("json"),
    Flag::Value("out", "FILE", "write to FILE, not standard output"),
    Flag::Switch("force", "with --out: replace FILE if it exists"),
    kLangFlag,
};

constexpr Flag kImportFlags[] = {
    kJournalFlag,
    Flag::Value("from", "FILE", "the export to read").Required(),
    Flag::Value("format", "json|text|binary", "the export's format")
        .Default("json"),
    Flag::Switch("force", "replace an existing journal"),
    kLangFlag,
};

constexpr Command kInit[] = {
    {"init", "", "start a journal (never over an existing file)", kInitFlags,
     RunInit},
};

constexpr Command kReport[] = {
    {"report", "",
     "a round's report (default: the latest closed round) and the verdict on "
     "the focus of the plan made on an earlier round",
     kReportFlags, RunReport, 0, 0, kReportDetails},
};

constexpr Command kExchange[] = {
    {"export", "",
     "the journal (a fives.v1.Journal), on standard output by default",
     kExportFlags, RunExport},
    {"import", "",
     "a journal from an export, validated; --force replaces an existing "
     "journal",
     kImportFlags, RunImport},
};

}  // namespace

absl::Span<const Command> InitCommands() { return kInit; }
absl::Span<const Command> ReportCommands() { return kReport; }
absl::Span<const Command> ExchangeCommands() { return kExchange; }

}  // namespace fives::cli
