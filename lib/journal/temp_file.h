// The temporary file of an atomic write (WriteFileAtomically): its name,
// the guard that removes it when the write does not finish, and the removal
// of those that writes killed before they finished left behind. Not
// installed.
#ifndef FIVES_LIB_TEMP_FILE_H_
#define FIVES_LIB_TEMP_FILE_H_

#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "fives/journal_io.h"

namespace fives::internal {

// The folder of `path`: "." for a bare name, "/" for a file at the root.
std::string FolderOf(const std::string& path);

// The template of the temporary files of `path`, for FileOps::CreateTemp.
std::string TempTemplateOf(const std::string& path);

// True when `name` is the name of a temporary file of the file named
// `base` (both without a folder): `base`, ".tmp-" and the six letters or
// digits mkstemp puts in place of XXXXXX.
bool IsTempNameOf(absl::string_view name, absl::string_view base);

// Removes the temporary files of `path` in its folder that no running
// write holds locked (FileOps::RemoveIfUnlocked). Best effort: a folder
// that cannot be listed or a file that cannot be removed is left as it is.
void RemoveLeftoverTemps(const std::string& path, FileOps& ops);

// Owns the descriptor of a new temporary file. Unless told its name is
// gone, the destructor closes the descriptor and removes the file, also
// when an exception (std::bad_alloc) passes, so nothing is left behind.
class TempFile {
 public:
  TempFile(FileOps& ops, std::string path, int fd)
      : ops_(ops), path_(std::move(path)), fd_(fd) {}
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  int fd() const { return fd_; }

  // Closes the descriptor now (which releases the file's lock); its status.
  absl::Status Close();
  // The file was renamed or removed: the destructor leaves its name alone.
  void NameGone() { name_gone_ = true; }

 private:
  FileOps& ops_;
  const std::string path_;
  int fd_;
  bool name_gone_ = false;
};

}  // namespace fives::internal

#endif  // FIVES_LIB_TEMP_FILE_H_
