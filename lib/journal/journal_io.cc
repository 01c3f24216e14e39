#include "fives/journal_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "fives/error_detail.h"
#include "fives/limits.h"
#include "fives/text_format.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "journal_limits.h"
#include "temp_file.h"

namespace fives {
namespace {

constexpr absl::string_view kMagic = "fives.journal";
// 2: a warning signal tick keeps its number counted from 1
// (SignalTick.number); 1 kept its 0-based index (SignalTick.signal).
constexpr uint32_t kFormatVersion = 2;

// A journal of format version 1 in the numbers of this one: every tick's
// 0-based `signal` (absent for the first signal) becomes number = signal +
// 1, and `signal` is cleared. A value that has no number (negative, or the
// largest int32) is left as it is, for validation to refuse naming it.
void MigrateFromFormat1(v1::Journal& journal) {
  if (!journal.has_charter()) return;
    // Read only to move it (its accessors are deprecated).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  for (v1::SignalTick& t : *journal.mutable_charter()->mutable_signals()) {
    if (t.signal() < 0 || t.signal() == INT32_MAX) continue;
    t.set_number(t.signal() + 1);
    t.clear_signal();
  }
#pragma GCC diagnostic pop
}

std::string Deterministic(const google::protobuf::Message& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return out;
}

uint32_t Crc32(absl::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes lengths as uInt: feed large inputs in pieces.
  while (!data.empty()) {
    const size_t piece = std::min<size_t>(data.size(), 1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uInt>(piece));
    data.remove_prefix(piece);
  }
  return static_cast<uint32_t>(crc);
}

// The file a temporary file stands for ("mt.journal" of
// "mt.journal.tmp-67aXzy"): people are told of the file they named.
std::string TargetOfTemp(absl::string_view path) {
  const size_t at = path.rfind(".tmp-");
  if (at != absl::string_view::npos && path.size() - at == 11) {
    return std::string(path.substr(0, at));
  }
  return std::string(path);
}

absl::Status ErrnoError(int error, absl::string_view what,
                        absl::string_view path) {
  return WithDetail(absl::ErrnoToStatus(error, absl::StrCat(what, " ", path)),
                    v1::ERROR_CODE_FILE_SYSTEM,
                    {TargetOfTemp(path), FileSystemReason(error)});
}

// Closes a descriptor when it goes out of scope.
struct ClosesFd {
  int fd;
  ~ClosesFd() { ::close(fd); }
};

// OK for input of at most the input_bytes limit.
absl::Status CheckSize(absl::string_view what, uint64_t bytes) {
  return CheckLimit(Limit::kInputBytes,
                    static_cast<int64_t>(std::min<uint64_t>(bytes, INT64_MAX)),
                    what);
}

// The process's umask, read without changing it (umask(2) can only set
// it, and setting it for a moment would race with other threads creating
// files): from /proc/self/status, else the common 022.
unsigned ProcessUmask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    absl::string_view rest = line;
    if (absl::ConsumePrefix(&rest, "Umask:")) {
      unsigned mask = 0;
      rest = absl::StripAsciiWhitespace(rest);
      for (char c : rest) {
        if (c < '0' || c > '7') return 022;
        mask = mask * 8 + static_cast<unsigned>(c - '0');
      }
      return mask & 0777;
    }
  }
  return 022;
}

}  // namespace

ErrorArgument FileSystemReason(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return ErrorArgument::Phrase("errno_no_folder");
    case EACCES:
    case EPERM:
      return ErrorArgument::Phrase("errno_no_access");
    case EISDIR:
      return ErrorArgument::Phrase("errno_is_folder");
    case ENOSPC:
    case EDQUOT:
      return ErrorArgument::Phrase("errno_disk_full");
    case EROFS:
      return ErrorArgument::Phrase("errno_read_only");
    default:
      // The system's words, as thread-safe as ErrnoToStatus finds them.
      return ErrorArgument(
          absl::StripPrefix(absl::ErrnoToStatus(error, "").message(), ": "));
  }
}

absl::StatusOr<JournalFormat> JournalFormatFromName(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(name);
  if (lower == "binary") return JournalFormat::kBinary;
  if (lower == "json") return JournalFormat::kJson;
  if (lower == "text") return JournalFormat::kText;
  return WithDetail(absl::InvalidArgumentError(absl::StrCat(
                        "format: \"", name, "\" is not binary, json or text")),
                    v1::ERROR_CODE_FLAG_CHOICE, {name, "binary, json, text"});
}

std::string SerializeJournal(const Journal& journal, JournalFormat format) {
  switch (format) {
    case JournalFormat::kJson:
      return PrintJson(journal.proto(), JsonLayout{/*indented=*/true});
    case JournalFormat::kText: {
      // Fields of a newer schema would print as bare numbers that no
      // parser of this schema reads back: text leaves them out, like JSON.
      google::protobuf::TextFormat::Printer printer;
      printer.SetHideUnknownFields(true);
      std::string text;
      printer.PrintToString(journal.proto(), &text);
      return text;
    }
    case JournalFormat::kBinary:
    default:
      return Deterministic(journal.proto());
  }
}

absl::StatusOr<Journal> ParseJournal(absl::string_view data,
                                     JournalFormat format) {
  if (absl::Status s = CheckSize("data", data.size()); !s.ok()) return s;
  v1::Journal proto;
  switch (format) {
    case JournalFormat::kJson:
      if (absl::Status s = ParseJson(data, "journal JSON", &proto); !s.ok()) {
        return s;
      }
      break;
    case JournalFormat::kText:
      if (absl::Status s = ParseTextFormat(data, "journal text", &proto);
          !s.ok()) {
        return s;
      }
      break;
    case JournalFormat::kBinary:
    default:
      if (absl::Status s = journal_internal::CheckJournalWire(data); !s.ok()) {
        return s;
      }
      if (!proto.ParseFromArray(data.data(), static_cast<int>(data.size()))) {
        return absl::InvalidArgumentError(
            "journal: the bytes are not a fives.v1.Journal");
      }
      break;
  }
  return Journal::FromProto(std::move(proto));
}

std::string EncodeJournalFile(const Journal& journal) {
  v1::JournalFile file;
  file.set_magic(std::string(kMagic));
  file.set_format_version(kFormatVersion);
  file.set_journal(Deterministic(journal.proto()));
  file.set_journal_size(file.journal().size());
  file.set_crc32(Crc32(file.journal()));
  return Deterministic(file);
}

absl::StatusOr<Journal> DecodeJournalFile(absl::string_view bytes) {
  if (bytes.empty()) {
    return WithDetail(absl::InvalidArgumentError("journal file: empty"),
                      v1::ERROR_CODE_FILE_EMPTY, {});
  }
  if (absl::Status s = CheckSize("journal file", bytes.size()); !s.ok()) {
    return s;
  }
  // The envelope starts with its magic string field.
  std::string header;
  header.push_back('\x0a');
  header.push_back(static_cast<char>(kMagic.size()));
  absl::StrAppend(&header, kMagic);
  const bool looks_like_journal = absl::StartsWith(
      bytes, header.substr(0, std::min(bytes.size(), header.size())));
  v1::JournalFile file;
  if (!looks_like_journal) {
    return WithDetail(
        absl::InvalidArgumentError(
            "journal file: not a fives journal (it does not start with the "
            "\"fives.journal\" header)"),
        v1::ERROR_CODE_FILE_NOT_JOURNAL, {});
  }
  if (!file.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) ||
      file.magic() != kMagic) {
    return WithDetail(
        absl::DataLossError(
            "journal file: damaged or truncated (the envelope does not parse)"),
        v1::ERROR_CODE_FILE_DAMAGED, {});
  }
  if (file.format_version() == 0) {
    return WithDetail(
        absl::DataLossError("journal file: damaged (no format version)"),
        v1::ERROR_CODE_FILE_DAMAGED, {});
  }
  if (file.format_version() > kFormatVersion) {
    return WithDetail(
        absl::FailedPreconditionError(absl::StrCat(
            "journal file: written in format version ", file.format_version(),
            "; this library reads up to version ", kFormatVersion)),
        v1::ERROR_CODE_FILE_NEWER_FORMAT,
        {file.format_version(), kFormatVersion});
  }
  if (!file.has_crc32()) {
    return WithDetail(
        absl::DataLossError(
            "journal file: truncated (the checksum at its end is missing)"),
        v1::ERROR_CODE_FILE_DAMAGED, {});
  }
  if (file.journal_size() != file.journal().size()) {
    return WithDetail(
        absl::DataLossError(absl::StrCat(
            "journal file: damaged (", file.journal().size(),
            " journal bytes, the header says ", file.journal_size(), ")")),
        v1::ERROR_CODE_FILE_DAMAGED, {});
  }
  if (Crc32(file.journal()) != file.crc32()) {
    return WithDetail(
        absl::DataLossError("journal file: damaged (checksum mismatch)"),
        v1::ERROR_CODE_FILE_DAMAGED, {});
  }
  if (absl::Status s = journal_internal::CheckJournalWire(file.journal());
      !s.ok()) {
    return WithContext(s, "journal file: ");
  }
  v1::Journal proto;
  if (!proto.ParseFromString(file.journal())) {
    return WithDetail(
        absl::DataLossError("journal file: the journal does not parse"),
        v1::ERROR_CODE_FILE_DAMAGED, {});
  }
  if (file.format_version() == 1) MigrateFromFormat1(proto);
  absl::StatusOr<Journal> journal = Journal::FromProto(std::move(proto));
  if (!journal.ok()) {
    // A journal over a limit keeps its code (RESOURCE_EXHAUSTED).
    const bool invalid =
        journal.status().code() == absl::StatusCode::kInvalidArgument;
    return WithContext(
        journal.status(),
        invalid ? "journal file: not a valid journal: " : "journal file: ");
  }
  return journal;
}

absl::StatusOr<std::string> FileOps::ReadFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return WithDetail(
          absl::NotFoundError(absl::StrCat(path, " does not exist")),
          v1::ERROR_CODE_INPUT_MISSING, {path});
    }
    return ErrnoError(error, "open", path);
  }
  const ClosesFd closes{fd};  // also when reading throws (std::bad_alloc)
  // Only a regular file of bounded size is read: not a device that never
  // ends (/dev/zero), a pipe or a folder, nor a file too large to hold.
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    return ErrnoError(error, "stat", path);
  }
  if (!S_ISREG(st.st_mode)) {
    return WithDetail(absl::InvalidArgumentError(
                          absl::StrCat(path, " is not a regular file")),
                      v1::ERROR_CODE_FILE_NOT_REGULAR, {path});
  }
  if (absl::Status s = CheckSize(path, static_cast<uint64_t>(st.st_size));
      !s.ok()) {
    return s;
  }
  std::string data;
  data.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      return ErrnoError(error, "read", path);
    }
    if (n == 0) break;
    data.append(buffer, static_cast<size_t>(n));
    // It may grow while being read.
    if (absl::Status s = CheckSize(path, data.size()); !s.ok()) {
      return s;
    }
  }
  return data;
}

absl::Status FileOps::Chmod(int fd, unsigned mode) {
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
    return ErrnoError(errno, "chmod", absl::StrCat("fd ", fd));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> FileOps::CreateTemp(std::string& path_template) {
  const std::string pattern = path_template;
  // A cleanup by another save may remove the new file before it is locked
  // (it is not locked yet, so it looks left behind): then the file has no
  // name any more, and a new one is made.
  for (int attempt = 0; attempt < 3; ++attempt) {
    path_template = pattern;
    const int fd = ::mkostemp(path_template.data(), O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, "create", path_template);
    struct stat st;
    if (::flock(fd, LOCK_EX) != 0 || ::fstat(fd, &st) != 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(path_template.c_str());
      return ErrnoError(error, "lock", path_template);
    }
    if (st.st_nlink > 0) return fd;
    ::close(fd);
  }
  return absl::AbortedError(absl::StrCat(
      "create ", pattern, ": removed by another process as soon as made"));
}

// The steps on a descriptor do not know its path: WriteFileAtomically
// names it.
absl::Status FileOps::Write(int fd, absl::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return absl::ErrnoToStatus(errno, "write");
    data.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

absl::Status FileOps::Sync(int fd) {
  if (::fsync(fd) != 0) return absl::ErrnoToStatus(errno, "fsync");
  return absl::OkStatus();
}

absl::Status FileOps::Close(int fd) {
  if (::close(fd) != 0) return absl::ErrnoToStatus(errno, "close");
  return absl::OkStatus();
}

absl::Status FileOps::Rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    return ErrnoError(errno, "rename to", to);
  }
  return absl::OkStatus();
}

absl::Status FileOps::Link(const std::string& from, const std::string& to) {
  if (::link(from.c_str(), to.c_str()) != 0) {
    const int error = errno;
    if (error == EEXIST) {
      return WithDetail(absl::AlreadyExistsError(absl::StrCat(
                            to, " already exists; it is left as it is")),
                        v1::ERROR_CODE_FILE_EXISTS, {to});
    }
    return ErrnoError(error, "link to", to);
  }
  return absl::OkStatus();
}

absl::Status FileOps::SyncDir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoError(errno, "open folder", dir);
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) return ErrnoError(error, "fsync folder", dir);
  return absl::OkStatus();
}

absl::Status FileOps::Remove(const std::string& path) {
  if (::unlink(path.c_str()) != 0) return ErrnoError(errno, "remove", path);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> FileOps::ListFolder(
    const std::string& dir) {
  // Closed also when a name cannot be allocated (std::bad_alloc).
  const std::unique_ptr<DIR, int (*)(DIR*)> folder(::opendir(dir.c_str()),
                                                   &::closedir);
  if (folder == nullptr) return ErrnoError(errno, "list folder", dir);
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(folder.get())) {
    const absl::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  if (errno != 0) return ErrnoError(errno, "list folder", dir);
  return names;
}

absl::StatusOr<bool> FileOps::RemoveIfUnlocked(const std::string& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd =
      ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT || error == ELOOP) return false;  // gone, a symlink
    return ErrnoError(error, "open", path);
  }
  struct stat opened, now;
  bool remove = ::fstat(fd, &opened) == 0 && S_ISREG(opened.st_mode) &&
                ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  // Still the file locked, not one renamed there since it was opened.
  remove = remove && ::lstat(path.c_str(), &now) == 0 &&
           now.st_dev == opened.st_dev && now.st_ino == opened.st_ino;
  const int result = remove ? ::unlink(path.c_str()) : 0;
  const int error = errno;
  ::close(fd);  // releases the lock
  if (result != 0) return ErrnoError(error, "remove", path);
  return remove;
}

namespace {

// `status` of a step of the write of `path`, naming `path`.
absl::Status AtPath(const absl::Status& status, const std::string& path) {
  if (status.ok()) return status;
  return WithContext(status, absl::StrCat(path, ": "));
}

// OK when the file at `path` holds the bytes of `expected`; otherwise
// Aborted, saying how it changed.
absl::Status CheckUnchanged(const std::string& path,
                            const JournalFileStamp& expected, FileOps& ops) {
  absl::StatusOr<std::string> bytes = ops.ReadFile(path);
  std::string how;
  if (absl::IsNotFound(bytes.status())) {
    how = "it was removed";
  } else if (absl::IsInvalidArgument(bytes.status()) ||
             absl::IsResourceExhausted(bytes.status())) {
    how = std::string(bytes.status().message());  // a folder, a huge file
  } else if (!bytes.ok()) {
    return bytes.status();
  } else {
    const JournalFileStamp now = StampOf(*bytes);
    if (now == expected) return absl::OkStatus();
    how =
        now.size == expected.size
            ? absl::StrCat("other bytes, ", now.size, " as when loaded")
            : absl::StrCat(now.size, " bytes, ", expected.size, " when loaded");
  }
  return absl::AbortedError(
      absl::StrCat(path, ": changed by another process since it was loaded (",
                   how, "); it is left as it is"));
}

// WriteFileAtomically, with the check of SaveJournalFile when `expected`
// is not null. `in_place` becomes true once the new file is at `path`.
absl::Status WriteAtomically(const std::string& path, absl::string_view bytes,
                             FileOps& ops, bool replace, FileAccess access,
                             const JournalFileStamp* expected, bool* in_place) {
  if (path.empty()) return absl::InvalidArgumentError("path: empty");
  // Everything that allocates after the rename is made before it: an
  // allocation failure must not report a save that happened as failed.
  const std::string folder = internal::FolderOf(path);
  internal::RemoveLeftoverTemps(path, ops);
  std::string temp_path = internal::TempTemplateOf(path);
  absl::StatusOr<int> fd = ops.CreateTemp(temp_path);
  if (!fd.ok()) return fd.status();
  internal::TempFile temp(ops, std::move(temp_path), *fd);
  // mkstemp makes the file 0600; a file to share gets the umask's mode.
  absl::Status status = access == FileAccess::kAsUmask
                            ? ops.Chmod(temp.fd(), 0666 & ~ProcessUmask())
                            : absl::OkStatus();
  if (status.ok()) status = ops.Write(temp.fd(), bytes);
  if (status.ok()) status = ops.Sync(temp.fd());
  if (!status.ok()) return AtPath(status, path);
  if (expected != nullptr) {
    if (absl::Status s = CheckUnchanged(path, *expected, ops); !s.ok()) {
      return s;
    }
  }
  // Renamed or linked while still open, so locked: another save's cleanup
  // cannot take it for a leftover.
  if (replace) {
    if (absl::Status s = ops.Rename(temp.path(), path); !s.ok()) return s;
  } else {
    if (absl::Status s = ops.Link(temp.path(), path); !s.ok()) return s;
    (void)ops.Remove(temp.path());  // `path` is the file now
  }
  temp.NameGone();
  *in_place = true;
  // The new file is in place; a failure here means it may not survive a
  // crash yet, which the caller must hear about.
  if (absl::Status s = temp.Close(); !s.ok()) return AtPath(s, path);
  return ops.SyncDir(folder);
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view bytes, FileOps& ops,
                                 bool replace, FileAccess access) {
  bool in_place = false;
  return WriteAtomically(path, bytes, ops, replace, access, nullptr, &in_place);
}

JournalFileStamp StampOf(absl::string_view bytes) {
  return JournalFileStamp{bytes.size(), Crc32(bytes)};
}

absl::Status SaveJournalFile(const Journal& journal, const std::string& path,
                             FileOps& ops) {
  return WriteFileAtomically(path, EncodeJournalFile(journal), ops,
                             /*replace=*/true);
}

absl::Status SaveJournalFile(const Journal& journal, const std::string& path) {
  FileOps posix;
  return SaveJournalFile(journal, path, posix);
}

absl::Status SaveJournalFile(const Journal& journal, const std::string& path,
                             JournalFileStamp& stamp, FileOps& ops) {
  const std::string bytes = EncodeJournalFile(journal);
  bool in_place = false;
  absl::Status status =
      WriteAtomically(path, bytes, ops, /*replace=*/true,
                      FileAccess::kOwnerOnly, &stamp, &in_place);
  // Also after a failure of the close or of the folder's fsync: the file
  // at `path` holds these bytes then.
  if (in_place) stamp = StampOf(bytes);
  return status;
}

absl::Status SaveJournalFile(const Journal& journal, const std::string& path,
                             JournalFileStamp& stamp) {
  FileOps posix;
  return SaveJournalFile(journal, path, stamp, posix);
}

absl::Status CreateJournalFile(const Journal& journal, const std::string& path,
                               FileOps& ops) {
  return WriteFileAtomically(path, EncodeJournalFile(journal), ops,
                             /*replace=*/false);
}

absl::Status CreateJournalFile(const Journal& journal,
                               const std::string& path) {
  FileOps posix;
  return CreateJournalFile(journal, path, posix);
}

absl::StatusOr<Journal> LoadJournalFile(const std::string& path,
                                        JournalFileStamp& stamp, FileOps& ops) {
  absl::StatusOr<std::string> bytes = ops.ReadFile(path);
  if (absl::IsNotFound(bytes.status())) {
    return WithDetail(absl::NotFoundError(absl::StrCat(
                          "journal file: ", path, " does not exist")),
                      v1::ERROR_CODE_FILE_MISSING, {path});
  }
  if (!bytes.ok()) return WithContext(bytes.status(), "journal file: ");
  absl::StatusOr<Journal> journal = DecodeJournalFile(*bytes);
  if (!journal.ok()) {
    return WithinDetail(WithContext(journal.status(), absl::StrCat(path, ": ")),
                        v1::ERROR_CODE_FILE_AT, {path});
  }
  stamp = StampOf(*bytes);
  return journal;
}

absl::StatusOr<Journal> LoadJournalFile(const std::string& path,
                                        JournalFileStamp& stamp) {
  FileOps posix;
  return LoadJournalFile(path, stamp, posix);
}

absl::StatusOr<Journal> LoadJournalFile(const std::string& path, FileOps& ops) {
  JournalFileStamp unused;
  return LoadJournalFile(path, unused, ops);
}

absl::StatusOr<Journal> LoadJournalFile(const std::string& path) {
  FileOps posix;
  return LoadJournalFile(path, posix);
}

}  // namespace fives
