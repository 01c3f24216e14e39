// A file a subcommand reads besides the journal: a charter, scores as CSV,
// a journal to import.
#ifndef FIVES_EXAMPLES_FIVES_INPUT_FILE_H_
#define FIVES_EXAMPLES_FIVES_INPUT_FILE_H_

#include <string>

#include "absl/status/statusor.h"

namespace fives::cli {

// The whole file, read by fives::FileOps::ReadFile: a regular file within
// the input_bytes limit; NotFound says "<path> does not exist".
absl::StatusOr<std::string> ReadInputFile(const std::string& path);

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_INPUT_FILE_H_
