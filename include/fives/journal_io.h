// A journal to and from bytes: binary, JSON (proto3 JSON mapping) and text
// format, and the journal file on disk, saved atomically and checked on
// load (see fives.v1.JournalFile).
#ifndef FIVES_JOURNAL_IO_H_
#define FIVES_JOURNAL_IO_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fives/journal.h"

namespace fives {

enum class JournalFormat {
  kBinary,  // fives.v1.Journal, serialized deterministically
  kJson,    // proto3 JSON mapping, lowerCamelCase field names
  kText,    // protobuf text format
};

// "binary", "json" or "text".
absl::StatusOr<JournalFormat> JournalFormatFromName(absl::string_view name);

// The journal in `format`. Binary keeps fields of newer schemas it does not
// know; JSON and text cannot carry them.
std::string SerializeJournal(const Journal& journal, JournalFormat format);

// A journal from `data` in `format`, validated. InvalidArgument for data that
// does not parse (naming the format) or a journal that does not validate.
// JSON refuses unknown fields. RESOURCE_EXHAUSTED for input over a limit
// (limits.h): its size, nesting, entry counts or string lengths, checked
// before it is parsed where the format allows (binary: all of them).
absl::StatusOr<Journal> ParseJournal(absl::string_view data,
                                     JournalFormat format);

// The bytes of a journal file: a fives.v1.JournalFile envelope.
std::string EncodeJournalFile(const Journal& journal);

// A journal from the bytes of a journal file. InvalidArgument for bytes that
// are not a journal file (empty, foreign) or a journal that does not
// validate; RESOURCE_EXHAUSTED for one over a limit (limits.h), checked
// before the journal is parsed; DataLoss for a damaged or truncated one; FailedPrecondition for
// a file of a newer format version.
absl::StatusOr<Journal> DecodeJournalFile(absl::string_view bytes);

// The file system calls a save and a load make, one virtual method each, so
// tests can make any step fail. The default methods are the POSIX calls.
class FileOps {
 public:
  virtual ~FileOps() = default;
  // The whole file; NotFound when it does not exist, InvalidArgument for
  // what is not a regular file, ResourceExhausted for one larger than the
  // input_bytes limit (checked before it is read).
  virtual absl::StatusOr<std::string> ReadFile(const std::string& path);
  // mkstemp: `path_template` ends in XXXXXX and becomes the file's name.
  virtual absl::StatusOr<int> CreateTemp(std::string& path_template);
  virtual absl::Status Write(int fd, absl::string_view data);
  virtual absl::Status Sync(int fd);
  virtual absl::Status Close(int fd);
  virtual absl::Status Rename(const std::string& from, const std::string& to);
  // link(2): AlreadyExists when `to` exists.
  virtual absl::Status Link(const std::string& from, const std::string& to);
  // fsync of the folder, so the rename itself is durable.
  virtual absl::Status SyncDir(const std::string& dir);
  virtual absl::Status Remove(const std::string& path);
  // fchmod(2).
  virtual absl::Status Chmod(int fd, unsigned mode);
};

// Who may read a file fives writes. Journals hold scores and names: only
// their owner (0600, whatever the umask). Reports and pictures are made to
// be shared: as the user's umask allows (0666 & ~umask, e.g. 0644).
enum class FileAccess { kOwnerOnly, kAsUmask };

// Writes `bytes` to the file `path` atomically: a temporary file in the same
// folder, written and fsync'ed, then renamed over `path` (with `replace`) or
// linked to it (without: AlreadyExists when `path` exists), then the folder
// fsync'ed. When any step before the last fails, `path` is as it was and
// the temporary file is removed.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view bytes, FileOps& ops,
                                 bool replace,
                                 FileAccess access = FileAccess::kOwnerOnly);

// Writes the journal file at `path` atomically: a temporary file in the same
// folder, written and fsync'ed, renamed over `path`, then the folder
// fsync'ed. When any step fails the previous file is left as it was and the
// temporary file is removed. The file is readable by its owner only (mode
// 0600): a journal holds personal data.
absl::Status SaveJournalFile(const Journal& journal, const std::string& path,
                             FileOps& ops);
absl::Status SaveJournalFile(const Journal& journal, const std::string& path);

// Like SaveJournalFile, but never replaces a file: the final step links the
// temporary file to `path` (instead of renaming it over), which fails with
// AlreadyExists when `path` exists, even if it appeared during the save.
absl::Status CreateJournalFile(const Journal& journal, const std::string& path,
                               FileOps& ops);
absl::Status CreateJournalFile(const Journal& journal, const std::string& path);

// Reads and checks the journal file at `path` (see DecodeJournalFile);
// NotFound when there is no file.
absl::StatusOr<Journal> LoadJournalFile(const std::string& path, FileOps& ops);
absl::StatusOr<Journal> LoadJournalFile(const std::string& path);

}  // namespace fives

#endif  // FIVES_JOURNAL_IO_H_
