// fives: the reference command over the fives C++ API.
//
// Exit status 0 on success, 1 when the request is refused (by the library,
// or because the journal file is missing, unreadable, damaged or foreign:
// the file is then left untouched), 2 for bad usage; errors are one line on
// stderr, starting "fives: ".

#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "command_line.h"
#include "commands.h"
#include "google/protobuf/stubs/logging.h"

namespace {

constexpr char kUsage[] =
    "usage: fives COMMAND [ARGS]\n"
    "\n"
    "  stats [--json] SCORE...      centre, spread and agreement of scores "
    "1..5\n"
    "  demo [--lang en|nl] [--journal PATH]\n"
    "                               the whole cycle on a built-in team of "
    "six;\n"
    "                               with --journal also writes its journal (a "
    "new\n"
    "                               file), to try the commands below on\n"
    "\n"
    "A team's journal (--journal PATH, default ./fives.journal):\n"
    "  init --team ID --name NAME   start a journal (never over an existing "
    "file)\n"
    "  member add ID NAME --date D  a member joins on day D\n"
    "  member leave ID --date D     a member leaves (their history stays)\n"
    "  member forget ID             erase a member: a pseudonym everywhere, "
    "their\n"
    "                               feedback texts removed\n"
    "  member list [--json]\n"
    "  round start ID --date D [--mode open|confidential] [--partial]\n"
    "                               a scoring round (default confidential); "
    "with\n"
    "                               --partial a response may leave pillars "
    "out\n"
    "  round score ROUND MEMBER - < FILE   (or --scores-file FILE)\n"
    "  round score ROUND MEMBER S1 S2 S3 S4 S5\n"
    "                               one member's scores 1..5 in pillar order:\n"
    "                               strategy synergy structure steering "
    "success;\n"
    "                               0 or - leaves a pillar out (partial "
    "rounds).\n"
    "                               - reads the scores from standard input "
    "and\n"
    "                               --scores-file from FILE, which keeps them "
    "out\n"
    "                               of the process list and the shell "
    "history:\n"
    "                               five scores separated by spaces, commas "
    "or\n"
    "                               newlines; a line starting with # is a "
    "comment\n"
    "  round import ROUND --csv FILE\n"
    "                               the scores of a form or spreadsheet, all "
    "rows\n"
    "                               or none: a header row (member, and the "
    "pillars\n"
    "                               by English or Dutch name or key), then a "
    "row\n"
    "                               per member (id or name, scores 1..5; an "
    "empty\n"
    "                               cell leaves a pillar out in partial "
    "rounds);\n"
    "                               , or ; between cells, quotes as RFC 4180\n"
    "  round close ROUND --date D\n"
    "  report [--round ID] [--lang en|nl] [--json]\n"
    "                               a round's report (default: the latest "
    "closed\n"
    "                               round) and the verdict on the focus of "
    "the\n"
    "                               plan made on an earlier round\n"
    "  plan ROUND --date D --action 'OWNER|TITLE|VISIBLE RESULT[|DUE]' "
    "--action ...\n"
    "       [--focus PILLAR] [--note TEXT]\n"
    "                               the focus and its actions (two by "
    "default);\n"
    "                               the focus defaults to the report's\n"
    "  action list [--date D] [--owner ID] [--pillar KEY] [--json] [--lang "
    "en|nl]\n"
    "                               with --date: open, due soon, overdue,\n"
    "                               celebrate, what is needed, and the rates\n"
    "  action update ID open|done|drop --date D [--reason TEXT]\n"
    "                               proposed -> open -> done, or drop (with a\n"
    "                               reason)\n"
    "  action feedback ID --date D --author ID --text TEXT [--progress "
    "0..100]\n"
    "  check due --date D [--json] [--lang en|nl]\n"
    "                               is the collaboration check due, and what "
    "it\n"
    "                               must review\n"
    "  check record --date D [--helps T]... [--chafes T]... [--hinders T]...\n"
    "       [--agree 'TEXT[|OWNER|PILLAR|VISIBLE RESULT[|DUE]]']...\n"
    "       [--review 'ACTION=kept|done|dropped:REASON|replanned:YYYY-MM-DD']"
    "...\n"
    "       [--signal PILLAR:N]...\n"
    "                               a check: one --review for every open "
    "action;\n"
    "                               an --agree with an owner becomes an "
    "action;\n"
    "                               --signal ticks warning signal N (from 1) "
    "of a\n"
    "                               pillar, as charter signals numbers them\n"
    "  check tick CHECK --signal PILLAR:N [--signal PILLAR:N]...\n"
    "                               warning signals ticked at a recorded "
    "check\n"
    "  charter show [--json] [--lang en|nl]\n"
    "                               the team charter per pillar (--json: a\n"
    "                               fives.v1.Charter)\n"
    "  charter set --date D (--file FILE | TEXT) [--format text|json]\n"
    "                               a fives.v1.Charter in text format "
    "(default) or\n"
    "                               JSON: each pillar section given replaces "
    "the\n"
    "                               journal's, a section left out is kept "
    "(give\n"
    "                               'steering {}' to empty one); refused, "
    "naming\n"
    "                               the field, for an owner who is not a "
    "member\n"
    "  charter check --date D [--stale-days N] [--json] [--lang en|nl]\n"
    "                               the review: readiness per pillar, "
    "agreements\n"
    "                               missing or stale (older than N days, "
    "default\n"
    "                               365), warning signals over the checks,\n"
    "                               findings, the next agreement; exit 1 when "
    "the\n"
    "                               charter has errors (the review is still\n"
    "                               printed)\n"
    "  charter signals [--lang en|nl]\n"
    "                               the catalog's warning signals, numbered "
    "for\n"
    "                               --signal PILLAR:N\n"
    "  guardian --date D [--json] [--lang en|nl]\n"
    "                               the process guardian and the terms so far\n"
    "  export [--format json|text|binary] [--out FILE [--force]]\n"
    "                               the journal, on stdout by default\n"
    "  import --from FILE [--format json|text|binary] [--force]\n"
    "                               a journal from an export, validated; "
    "--force\n"
    "                               replaces an existing journal\n"
    "\n"
    "An organisation: a tree of units whose leaves are teams, one journal "
    "each\n"
    "(--org FILE: a fives.v1.Organization in text format or JSON; --journals "
    "DIR:\n"
    "the teams' *.journal files):\n"
    "  org check --org FILE --journals DIR --from D --to D [--lenient]\n"
    "                               which journals count, which are left out "
    "and why\n"
    "  org report --org FILE --journals DIR --from D --to D [--compare "
    "FROM..TO]\n"
    "       [--lenient] [--format text|md|html|json|svg] [--lang en|nl] "
    "[--out FILE]\n"
    "                               every unit and group per pillar, "
    "withheld where\n"
    "                               too few people answered or to protect "
    "another\n"
    "                               cell; the follow-up; with --compare the "
    "trend;\n"
    "                               --lenient leaves out bad journals and "
    "says so\n"
    "  org demo [--format ...] [--lang en|nl] [--out FILE] [--journals DIR]\n"
    "                               a built-in organisation of 40 teams; "
    "--journals\n"
    "                               writes its files to try org report on\n"
    "\n"
    "Dates are YYYY-MM-DD. fives never reads the clock: where the day "
    "matters,\n"
    "--date is required. Flags marked ... repeat, one value each (taken "
    "whole,\n"
    "commas included); the fields of a value are separated by |. Every change\n"
    "is saved atomically: the journal file is replaced whole or not at all.\n"
    "\n"
    "Exit status: 0 ok; 1 refused (by the rules of the method, or a missing,\n"
    "unreadable, damaged or foreign journal, left untouched); 2 bad usage.\n";

}  // namespace

int main(int argc, char** argv) {
  // Every error is one line of ours: no protobuf log lines on stderr.
  google::protobuf::SetLogHandler(nullptr);
  if (argc < 2) {
    return fives::cli::UsageError("no command given (try: fives help)");
  }
  const char* command = argv[1];
  absl::Span<char* const> rest(argv + 2, argc - 2);
  using Run = int (*)(absl::Span<char* const>);
  static constexpr struct {
    const char* name;
    Run run;
  } kCommands[] = {
      {"stats", fives::cli::RunStats},
      {"demo", fives::cli::RunDemo},
      {"init", fives::cli::RunInit},
      {"member", fives::cli::RunMember},
      {"round", fives::cli::RunRound},
      {"report", fives::cli::RunReport},
      {"plan", fives::cli::RunPlan},
      {"action", fives::cli::RunAction},
      {"check", fives::cli::RunCheck},
      {"guardian", fives::cli::RunGuardian},
      {"charter", fives::cli::RunCharter},
      {"export", fives::cli::RunExport},
      {"import", fives::cli::RunImport},
      {"org", fives::cli::RunOrg},
  };
  for (const auto& c : kCommands) {
    if (std::strcmp(command, c.name) == 0) return c.run(rest);
  }
  if (std::strcmp(command, "help") == 0 ||
      std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
    std::fputs(kUsage, stdout);
    return fives::cli::kExitOk;
  }
  return fives::cli::UsageError(
      absl::StrCat("unknown command \"", command, "\" (try: fives help)"));
}
