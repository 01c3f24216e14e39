// fives: the reference command over the fives C++ API.
//
//   fives stats [--json] SCORE...   statistics of one pillar's scores
//   fives demo [--lang en|nl]       report of the built-in demo team
//
// Exit status 0 on success, 1 when the library refuses a request, 2 for bad
// usage; errors are one line on stderr.

#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "command_line.h"
#include "commands.h"

namespace {

constexpr char kUsage[] =
    "usage: fives COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  stats [--json] SCORE...   centre, spread and agreement of scores 1..5\n"
    "  demo [--lang en|nl]       the report of the built-in demo team\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return fives::cli::kExitUsage;
  }
  const char* command = argv[1];
  absl::Span<char* const> rest(argv + 2, argc - 2);
  if (std::strcmp(command, "stats") == 0) return fives::cli::RunStats(rest);
  if (std::strcmp(command, "demo") == 0) return fives::cli::RunDemo(rest);
  if (std::strcmp(command, "help") == 0 ||
      std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
    std::fputs(kUsage, stdout);
    return fives::cli::kExitOk;
  }
  return fives::cli::UsageError(
      absl::StrCat("unknown command \"", command, "\" (try: fives help)"));
}
