// The `fives` command's argument parser (examples/fives/command_line.h): the
// input is an argv split at NUL bytes, "GROUP VERB ARGS..."; RunGroup picks
// the verb and ParseCommand parses its flags and arguments, then the values
// are read as the commands read them (--date, --lang, dates in arguments,
// OneLine for the error messages). A refusal is InvalidArgument, never
// another code; OneLine's result is one line.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "command_line.h"

// Flags of the real subcommands that command_line.cc does not define.
ABSL_FLAG(std::string, round, "", "round");
ABSL_FLAG(std::string, format, "json", "format");
ABSL_FLAG(bool, force, false, "force");
ABSL_FLAG(int, stale_days, 365, "stale days");

namespace {

using fives::cli::CommandSpec;

void Expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

constexpr absl::string_view kReportFlags[] = {"journal", "date",   "lang",
                                              "round",   "format", "json"};
constexpr absl::string_view kPlanFlags[] = {"journal", "date", "action"};
constexpr absl::string_view kPlanRepeatable[] = {"action"};
constexpr absl::string_view kCheckFlags[] = {"journal", "date", "helps",
                                             "chafes",  "json", "force"};
constexpr absl::string_view kCheckRepeatable[] = {"helps", "chafes"};
constexpr absl::string_view kCharterFlags[] = {"journal", "date", "json",
                                               "lang", "stale_days"};

constexpr CommandSpec kSpecs[] = {
    {"report", "fives x report", kReportFlags, 0, 0},
    {"plan", "fives x plan ROUND", kPlanFlags, 1, 1, kPlanRepeatable},
    {"check", "fives x check [ID]", kCheckFlags, 0, 1, kCheckRepeatable},
    {"charter", "fives x charter [FILE]", kCharterFlags, 0, 1},
    {"member", "fives x member ID NAME", kReportFlags, 2, 2},
};

int Run(const CommandSpec& spec, absl::Span<char* const> args) {
  auto parsed = fives::cli::ParseCommand(spec, args);
  if (!parsed.ok()) {
    Expect(parsed.status().code() == absl::StatusCode::kInvalidArgument,
           "a refused command line is not InvalidArgument");
    Expect(fives::cli::OneLine(parsed.status().message()).find('\n') ==
               std::string::npos,
           "OneLine gives more than one line");
    return fives::cli::kExitUsage;
  }
  for (const std::string& arg : parsed->positional) {
    (void)fives::cli::ParseDateArg(arg, "date");
  }
  for (const auto& [name, values] : parsed->repeated) {
    Expect(parsed->given.contains(name), "a repeated flag is not given");
    for (const std::string& v : values) (void)fives::cli::OneLine(v);
  }
  (void)fives::cli::DateFlag(false);
  (void)fives::cli::DateFlag(true);
  (void)fives::cli::LangFlag();
  return fives::cli::kExitOk;
}

template <int I>
int RunSpec(absl::Span<char* const> args) {
  return Run(kSpecs[I], args);
}

constexpr fives::cli::Verb kVerbs[] = {
    {"report", RunSpec<0>},  {"plan", RunSpec<1>},   {"check", RunSpec<2>},
    {"charter", RunSpec<3>}, {"member", RunSpec<4>},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> words(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      words.emplace_back();
    } else {
      words.back().push_back(static_cast<char>(data[i]));
    }
  }
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  absl::FlagSaver saver;  // every input starts from the defaults
  // RunGroup prints its own usage error for a missing or unknown verb; such
  // a command line goes to the spec of its first byte instead, so the
  // fuzzer's log stays readable.
  int status;
  const absl::Span<char* const> args = absl::MakeSpan(argv).subspan(1);
  bool known = false;
  for (const fives::cli::Verb& v : kVerbs)
    known |= argv.size() > 1 && v.name == argv[1];
  if (known) {
    status = fives::cli::RunGroup("x", kVerbs, args);
  } else {
    status = Run(kSpecs[(size > 0 ? data[0] : 0) % std::size(kSpecs)], args);
  }
  Expect(status == fives::cli::kExitOk || status == fives::cli::kExitUsage,
         "an exit status other than 0 or 2");
  return 0;
}
