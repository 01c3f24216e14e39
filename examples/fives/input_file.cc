#include "input_file.h"

#include "absl/status/status.h"
#include "fives/journal_io.h"

namespace fives::cli {

absl::StatusOr<std::string> ReadInputFile(const std::string& path) {
  FileOps files;
  return files.ReadFile(path);
}

}  // namespace fives::cli
