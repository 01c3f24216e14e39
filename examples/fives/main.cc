// fives: the reference command over the fives C++ API.
//
// Exit status 0 on success, 1 when the request is refused (by the library,
// or because the journal file is missing, unreadable, damaged or foreign:
// the file is then left untouched), 2 for bad usage; errors are one line on
// stderr, starting "fives: ". `fives help` lists the commands.

#include "absl/types/span.h"
#include "commands.h"
#include "dispatch.h"
#include "google/protobuf/stubs/logging.h"

int main(int argc, char** argv) {
  // Every error is one line of ours: no protobuf log lines on stderr.
  google::protobuf::SetLogHandler(nullptr);
  return fives::cli::RunCommandLine(
      fives::cli::AllCommands(), absl::Span<char* const>(argv + 1, argc - 1));
}
