#include "input_file.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "fives/error_detail.h"
#include "fives/journal_io.h"

namespace fives::cli {

absl::StatusOr<std::string> ReadInputFile(const std::string& path) {
  FileOps files;
  absl::StatusOr<std::string> data = files.ReadFile(path);
  if (absl::IsNotFound(data.status())) {
    return WithDetail(
        absl::NotFoundError(absl::StrCat(path, " does not exist")),
        v1::ERROR_CODE_INPUT_MISSING, {path});
  }
  return data;
}

}  // namespace fives::cli
