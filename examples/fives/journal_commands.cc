// fives init | export | import | report: a journal as a whole.
#include <sys/stat.h>

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command_line.h"
#include "commands.h"
#include "fives/civil_date.h"
#include "fives/journal_io.h"
#include "fives/report_text.h"
#include "input_file.h"
#include "journal_file.h"
#include "journal_text.h"
#include "report_output.h"

ABSL_FLAG(std::string, team, "", "init: the team's id (1-64 of A-Za-z0-9._-)");
ABSL_FLAG(std::string, name, "", "init: the team's display name");
ABSL_FLAG(std::string, round, "",
          "report: the round to report on (default: the latest closed one)");
ABSL_FLAG(std::string, format, "json",
          "export/import: json (proto3 JSON), text (protobuf text format) or "
          "binary (fives.v1.Journal)");
ABSL_FLAG(std::string, out, "",
          "export, report, demo: write to this file, not stdout");
ABSL_FLAG(std::string, picture, "radar",
          "report --format svg: radar, strips or trend");
ABSL_FLAG(std::string, from, "",
          "import: the file to read; org: the first day of the period");
ABSL_FLAG(bool, force, false,
          "import/export: replace an existing file (import: the journal)");

namespace fives::cli {
namespace {

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

absl::StatusOr<JournalFormat> FormatFlag() {
  return JournalFormatFromName(absl::GetFlag(FLAGS_format));
}

std::string Summary(const Journal& j) {
  return absl::StrFormat(
      "team %s (%s): %d members, %d rounds, %d plans, %d actions, %d checks",
      j.proto().team().id(), j.proto().team().name(),
      j.proto().team().members_size(), j.proto().rounds_size(),
      j.proto().plans_size(), j.proto().actions_size(),
      j.proto().checks_size());
}

}  // namespace

int RunInit(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "team", "name"};
  static constexpr CommandSpec kSpec = {
      "init", "fives init [--journal PATH] --team ID --name NAME", kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  const std::string team = absl::GetFlag(FLAGS_team);
  const std::string name = absl::GetFlag(FLAGS_name);
  if (team.empty() || name.empty()) {
    return UsageError(absl::StrCat(
        "init: --team and --name are required (usage: ", kSpec.usage, ")"));
  }
  const std::string path = JournalPath();
  if (absl::Status s = CheckNoFile(path); !s.ok()) return Refused("init", s);
  absl::StatusOr<Journal> journal = Journal::Create(team, name);
  if (!journal.ok()) return Refused("init", journal.status());
  if (absl::Status s = CreateJournalFile(*journal, path); !s.ok()) {
    return Refused("init", s);
  }
  absl::PrintF("created journal %s for team %s (%s)\n", path, team, name);
  return kExitOk;
}

int RunExport(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "format", "out",
                                                 "force"};
  static constexpr CommandSpec kSpec = {
      "export",
      "fives export [--journal PATH] [--format json|text|binary] "
      "[--out FILE [--force]]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<JournalFormat> format = FormatFlag();
  if (!format.ok()) {
    return UsageError(absl::StrCat("export: ", format.status().message()));
  }
  const std::string out = absl::GetFlag(FLAGS_out);
  if (parsed->given.contains("out") && out.empty()) {
    return UsageError("export: --out needs a file name");
  }
  return ReadJournal("export", [&](const Journal& journal) {
    const std::string bytes = SerializeJournal(journal, *format);
    if (out.empty()) {
      if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() ||
          std::fflush(stdout) != 0) {
        return Refused("export", absl::DataLossError("cannot write stdout"));
      }
      return kExitOk;
    }
    if (SameFile(out, JournalPath())) {
      return Refused("export", absl::FailedPreconditionError(absl::StrCat(
                                   "--out ", out, " is the journal itself")));
    }
    if (!absl::GetFlag(FLAGS_force)) {
      if (absl::Status s = CheckNoFile(out); !s.ok()) {
        return Refused("export", absl::AlreadyExistsError(absl::StrCat(
                                     s.message(), " (--force replaces it)")));
      }
    }
    FileOps ops;
    if (absl::Status s =
            WriteFileAtomically(out, bytes, ops, absl::GetFlag(FLAGS_force));
        !s.ok()) {
      return Refused("export", s);
    }
    return kExitOk;
  });
}

int RunImport(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {"journal", "from", "format",
                                                 "force"};
  static constexpr CommandSpec kSpec = {
      "import",
      "fives import [--journal PATH] --from FILE [--format json|text|binary] "
      "[--force]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  const std::string from = absl::GetFlag(FLAGS_from);
  if (from.empty()) {
    return UsageError(absl::StrCat(
        "import: --from FILE is required (usage: ", kSpec.usage, ")"));
  }
  absl::StatusOr<JournalFormat> format = FormatFlag();
  if (!format.ok()) {
    return UsageError(absl::StrCat("import: ", format.status().message()));
  }
  const std::string path = JournalPath();
  const bool force = absl::GetFlag(FLAGS_force);
  if (!force) {
    if (absl::Status s = CheckNoFile(path); !s.ok()) {
      return Refused("import", absl::AlreadyExistsError(absl::StrCat(
                                   s.message(), " (--force replaces it)")));
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
  absl::PrintF("imported %s into %s: %s\n", from, path, Summary(*journal));
  return kExitOk;
}

int RunReport(absl::Span<char* const> args) {
  static constexpr absl::string_view kFlags[] = {
      "journal", "round", "lang", "json", "format", "picture", "out", "date"};
  static constexpr CommandSpec kSpec = {
      "report",
      "fives report [--journal PATH] [--round ID] [--lang en|nl] "
      "[--format text|md|html|json|svg [--picture radar|strips|trend]] "
      "[--date D] [--out FILE] [--json]",
      kFlags};
  absl::StatusOr<ParsedArgs> parsed = ParseCommand(kSpec, args);
  if (!parsed.ok()) return UsageError(parsed.status().message());
  absl::StatusOr<Language> lang = LangFlag();
  if (!lang.ok()) {
    return UsageError(absl::StrCat("report: ", lang.status().message()));
  }
  const std::string round = absl::GetFlag(FLAGS_round);
  if (parsed->given.contains("round") && round.empty()) {
    return UsageError("report: --round needs a round id");
  }
  absl::StatusOr<ReportFormat> format = ReportFormat::kText;
  if (parsed->given.contains("format")) {
    format = ParseReportFormat(absl::GetFlag(FLAGS_format));
    if (!format.ok()) {
      return UsageError(absl::StrCat("report: ", format.status().message()));
    }
  }
  const std::string picture = absl::GetFlag(FLAGS_picture);
  if (absl::Status s = CheckPicture(picture); !s.ok()) {
    return UsageError(absl::StrCat("report: ", s.message()));
  }
  if (parsed->given.contains("picture") &&
      (!parsed->given.contains("format") ||
       absl::GetFlag(FLAGS_format) != "svg")) {
    return UsageError("report: --picture goes with --format svg");
  }
  absl::StatusOr<std::optional<absl::CivilDay>> date = DateFlag(false);
  if (!date.ok()) {
    return UsageError(absl::StrCat("report: ", date.status().message()));
  }
  return ReadJournal("report", [&](const Journal& journal) {
    if (absl::GetFlag(FLAGS_json) && !parsed->given.contains("format")) {
      // --json: the round's report message alone.
      absl::StatusOr<v1::RoundReport> report =
          round.empty() ? journal.LatestReport(*lang)
                        : journal.Report(round, *lang);
      if (!report.ok()) return Refused("report", report.status());
      PrintJson(*report);
      return kExitOk;
    }
    // Without --date, the report is as of the day its round closed.
    absl::CivilDay as_of;
    if (*date) {
      as_of = **date;
    } else {
      absl::StatusOr<v1::RoundReport> report =
          round.empty() ? journal.LatestReport(*lang)
                        : journal.Report(round, *lang);
      if (!report.ok()) return Refused("report", report.status());
      for (const v1::Round& r : journal.proto().rounds()) {
        if (r.id() != report->round_id()) continue;
        as_of = *ParseCivilDate(
            r.closed_on().empty() ? r.date() : r.closed_on(), "date");
      }
    }
    absl::StatusOr<std::string> text =
        RenderReport(journal, round, *format, picture, *lang, as_of);
    if (!text.ok()) return Refused("report", text.status());
    if (absl::Status s = Emit(*text, absl::GetFlag(FLAGS_out)); !s.ok()) {
      return Refused("report", s);
    }
    return kExitOk;
  });
}

}  // namespace fives::cli
