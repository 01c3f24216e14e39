#include "temp_file.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace fives::internal {
namespace {

constexpr absl::string_view kTempInfix = ".tmp-";
constexpr size_t kTempRandomChars = 6;  // mkstemp's XXXXXX

}  // namespace

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string TempTemplateOf(const std::string& path) {
  return absl::StrCat(path, kTempInfix, std::string(kTempRandomChars, 'X'));
}

bool IsTempNameOf(absl::string_view name, absl::string_view base) {
  if (name.size() != base.size() + kTempInfix.size() + kTempRandomChars ||
      !absl::StartsWith(name, base)) {
    return false;
  }
  name.remove_prefix(base.size());
  if (!absl::StartsWith(name, kTempInfix)) return false;
  name.remove_prefix(kTempInfix.size());
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void RemoveLeftoverTemps(const std::string& path, FileOps& ops) {
  const size_t slash = path.rfind('/');
  const size_t base_at = slash == std::string::npos ? 0 : slash + 1;
  const absl::string_view base = absl::string_view(path).substr(base_at);
  if (base.empty()) return;
  absl::StatusOr<std::vector<std::string>> names =
      ops.ListFolder(FolderOf(path));
  if (!names.ok()) return;
  for (const std::string& name : *names) {
    if (!IsTempNameOf(name, base)) continue;
    // Failures are left for the next save: this one does not need it.
    (void)ops.RemoveIfUnlocked(absl::StrCat(path.substr(0, base_at), name));
  }
}

TempFile::~TempFile() {
  // A destructor may run while an exception passes: a second one (from an
  // error message that cannot be allocated) would end the process.
  try {
    if (fd_ >= 0) (void)Close();
    if (!name_gone_) (void)ops_.Remove(path_);
  } catch (...) {
  }
}

absl::Status TempFile::Close() {
  const int fd = fd_;
  fd_ = -1;  // closed even if Close fails or throws: never twice
  return ops_.Close(fd);
}

}  // namespace fives::internal
