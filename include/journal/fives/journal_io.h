/// @file
/// A journal to and from bytes: binary, JSON (proto3 JSON mapping) and text
/// format, and the journal file on disk, saved atomically and checked on
/// load (see fives.v1.JournalFile).
#ifndef FIVES_JOURNAL_IO_H_
#define FIVES_JOURNAL_IO_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fives/error_detail.h"
#include "fives/journal.h"

namespace fives {

enum class JournalFormat {
  kBinary,  ///< fives.v1.Journal, serialized deterministically
  kJson,    ///< proto3 JSON mapping, lowerCamelCase field names
  kText,    ///< protobuf text format
};

/// Why a system call failed with `error` (an errno value), in people's
/// words: a catalog phrase errno_<...> for the reasons a person can mend
/// (a missing folder, no access, a full or read-only disk), the system's
/// own words otherwise. The argument of ERROR_CODE_FILE_SYSTEM.
ErrorArgument FileSystemReason(int error);

/// "binary", "json" or "text".
absl::StatusOr<JournalFormat> JournalFormatFromName(absl::string_view name);

/// The journal in `format`. Binary keeps fields of newer schemas it does not
/// know; JSON and text cannot carry them.
std::string SerializeJournal(const Journal& journal, JournalFormat format);

/// A journal from `data` in `format`, validated. InvalidArgument for data that
/// does not parse (naming the format) or a journal that does not validate.
/// JSON refuses unknown fields. RESOURCE_EXHAUSTED for input over a limit
/// (limits.h): its size, nesting, entry counts or string lengths, checked
/// before it is parsed where the format allows (binary: all of them).
absl::StatusOr<Journal> ParseJournal(absl::string_view data,
                                     JournalFormat format);

/// The bytes of a journal file: a fives.v1.JournalFile envelope.
std::string EncodeJournalFile(const Journal& journal);

/// A journal from the bytes of a journal file. InvalidArgument for bytes that
/// are not a journal file (empty, foreign) or a journal that does not
/// validate; RESOURCE_EXHAUSTED for one over a limit (limits.h), checked
/// before the journal is parsed; DataLoss for a damaged or truncated one;
/// FailedPrecondition for a file of a newer format version. A file of
/// format version 1 is read in the numbers of this one: its warning signal
/// ticks' 0-based SignalTick.signal becomes SignalTick.number (signal + 1).
/// EncodeJournalFile always writes the current version.
absl::StatusOr<Journal> DecodeJournalFile(absl::string_view bytes);

/// The file system calls a save and a load make, one virtual method each, so
/// tests can make any step fail. The default methods are the POSIX calls.
class FileOps {
 public:
  virtual ~FileOps() = default;
  /// The whole file; NotFound when it does not exist, InvalidArgument for
  /// what is not a regular file, ResourceExhausted for one larger than the
  /// input_bytes limit (checked before it is read).
  virtual absl::StatusOr<std::string> ReadFile(const std::string& path);
  /// mkstemp: `path_template` ends in XXXXXX and becomes the file's name; the
  /// file is new, mode 0600 whatever the umask. It is locked (flock LOCK_EX)
  /// until the descriptor is closed, so that the cleanup of leftovers by
  /// another save (RemoveIfUnlocked) leaves it alone.
  virtual absl::StatusOr<int> CreateTemp(std::string& path_template);
  virtual absl::Status Write(int fd, absl::string_view data);
  virtual absl::Status Sync(int fd);
  virtual absl::Status Close(int fd);
  virtual absl::Status Rename(const std::string& from, const std::string& to);
  /// link(2): AlreadyExists when `to` exists.
  virtual absl::Status Link(const std::string& from, const std::string& to);
  /// fsync of the folder, so the rename itself is durable.
  virtual absl::Status SyncDir(const std::string& dir);
  virtual absl::Status Remove(const std::string& path);
  /// fchmod(2).
  virtual absl::Status Chmod(int fd, unsigned mode);
  /// The names in the folder `dir`, without "." and "..".
  virtual absl::StatusOr<std::vector<std::string>> ListFolder(
      const std::string& dir);
  /// Removes `path` when it is a regular file (a symbolic link is not
  /// followed) on which no process holds a lock: true when it was removed,
  /// false when it is locked (a save still running) or not a regular file.
  virtual absl::StatusOr<bool> RemoveIfUnlocked(const std::string& path);
};

/// Who may read a file fives writes. Journals hold scores and names: only
/// their owner (0600, whatever the umask). Reports and pictures are made to
/// be shared: as the user's umask allows (0666 & ~umask, e.g. 0644).
enum class FileAccess { kOwnerOnly, kAsUmask };

/// Writes `bytes` to the file `path` atomically: a temporary file
/// `<path>.tmp-XXXXXX` in the same folder, written and fsync'ed, then renamed
/// over `path` (with `replace`) or linked to it (without: AlreadyExists when
/// `path` exists), then closed and the folder fsync'ed. When any step up to
/// the rename or link fails, `path` is as it was and the temporary file is
/// removed; errors name `path` and the cause (ResourceExhausted for a full
/// disk, PermissionDenied for a folder that is read-only or not writable).
/// A failure of the close or of the folder's fsync comes after the new file
/// is in place (its bytes fsync'ed), and is reported all the same.
///
/// Temporary files of `path` that saves killed before they finished left
/// behind (exactly `<path>.tmp-` and six characters, regular files that no
/// running save holds locked) are removed first; failing to remove them does
/// not fail the write.
///
/// An allocation failure reaches C++ callers as std::bad_alloc, as from the
/// standard library; it too leaves the previous file and no temporary file.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view bytes, FileOps& ops,
                                 bool replace,
                                 FileAccess access = FileAccess::kOwnerOnly);

/// Which journal file a journal was loaded from, told by its bytes: their
/// size and CRC-32. Only the bytes count: a file touched since (a new mtime)
/// or replaced by a copy with the same bytes is still the loaded file, and
/// overwriting it loses nothing; timestamps would not do, since a write in
/// the same clock tick keeps the mtime.
struct JournalFileStamp {
  uint64_t size = 0;
  uint32_t crc32 = 0;

  friend bool operator==(const JournalFileStamp& a, const JournalFileStamp& b) {
    return a.size == b.size && a.crc32 == b.crc32;
  }
  friend bool operator!=(const JournalFileStamp& a, const JournalFileStamp& b) {
    return !(a == b);
  }
};

/// The stamp of a journal file's bytes.
JournalFileStamp StampOf(absl::string_view bytes);

/// Writes the journal file at `path` atomically (see WriteFileAtomically),
/// readable by its owner only (mode 0600): a journal holds personal data.
absl::Status SaveJournalFile(const Journal& journal, const std::string& path,
                             FileOps& ops);
absl::Status SaveJournalFile(const Journal& journal, const std::string& path);

/// Like SaveJournalFile, for a journal loaded from `path` with `stamp` (see
/// LoadJournalFile): just before the rename, the file at `path` is read
/// again, and when its bytes are not those of `stamp` (or it is gone) the
/// save is refused with Aborted "PATH: changed by another process since it
/// was loaded (...)", that file left as it is and the temporary file
/// removed. On success `stamp` becomes the stamp of the file written, for
/// the next save. The check narrows the window, it does not close it: a
/// write by another process between the check and the rename is lost.
absl::Status SaveJournalFile(const Journal& journal, const std::string& path,
                             JournalFileStamp& stamp, FileOps& ops);
absl::Status SaveJournalFile(const Journal& journal, const std::string& path,
                             JournalFileStamp& stamp);

/// Like SaveJournalFile, but never replaces a file: the final step links the
/// temporary file to `path` (instead of renaming it over), which fails with
/// AlreadyExists when `path` exists, even if it appeared during the save.
absl::Status CreateJournalFile(const Journal& journal, const std::string& path,
                               FileOps& ops);
absl::Status CreateJournalFile(const Journal& journal, const std::string& path);

/// Reads and checks the journal file at `path` (see DecodeJournalFile);
/// NotFound when there is no file. With `stamp`, which is set to the stamp of
/// the bytes read, for a later SaveJournalFile with the stamp.
absl::StatusOr<Journal> LoadJournalFile(const std::string& path, FileOps& ops);
absl::StatusOr<Journal> LoadJournalFile(const std::string& path);
absl::StatusOr<Journal> LoadJournalFile(const std::string& path,
                                        JournalFileStamp& stamp, FileOps& ops);
absl::StatusOr<Journal> LoadJournalFile(const std::string& path,
                                        JournalFileStamp& stamp);

}  // namespace fives

#endif  // FIVES_JOURNAL_IO_H_
