#include "fives/journal_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "fives/limits.h"
#include "fives/text_format.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "journal_limits.h"

namespace fives {
namespace {

constexpr absl::string_view kMagic = "fives.journal";
constexpr uint32_t kFormatVersion = 1;

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

absl::Status ErrnoError(int error, absl::string_view what,
                        absl::string_view path) {
  return absl::ErrnoToStatus(error, absl::StrCat(what, " ", path));
}

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

std::string DirOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

absl::StatusOr<JournalFormat> JournalFormatFromName(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(name);
  if (lower == "binary") return JournalFormat::kBinary;
  if (lower == "json") return JournalFormat::kJson;
  if (lower == "text") return JournalFormat::kText;
  return absl::InvalidArgumentError(
      absl::StrCat("format: \"", name, "\" is not binary, json or text"));
}

std::string SerializeJournal(const Journal& journal, JournalFormat format) {
  switch (format) {
    case JournalFormat::kJson: {
      google::protobuf::util::JsonPrintOptions options;
      options.add_whitespace = true;
      std::string json;
      // Printing a valid message cannot fail.
      (void)google::protobuf::util::MessageToJsonString(journal.proto(), &json,
                                                        options);
      return json;
    }
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
    return absl::InvalidArgumentError("journal file: empty");
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
    return absl::InvalidArgumentError(
        "journal file: not a fives journal (it does not start with the "
        "\"fives.journal\" header)");
  }
  if (!file.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) ||
      file.magic() != kMagic) {
    return absl::DataLossError(
        "journal file: damaged or truncated (the envelope does not parse)");
  }
  if (file.format_version() == 0) {
    return absl::DataLossError("journal file: damaged (no format version)");
  }
  if (file.format_version() > kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "journal file: written in format version ", file.format_version(),
        "; this library reads up to version ", kFormatVersion));
  }
  if (!file.has_crc32()) {
    return absl::DataLossError(
        "journal file: truncated (the checksum at its end is missing)");
  }
  if (file.journal_size() != file.journal().size()) {
    return absl::DataLossError(absl::StrCat(
        "journal file: damaged (", file.journal().size(),
        " journal bytes, the header says ", file.journal_size(), ")"));
  }
  if (Crc32(file.journal()) != file.crc32()) {
    return absl::DataLossError("journal file: damaged (checksum mismatch)");
  }
  if (absl::Status s = journal_internal::CheckJournalWire(file.journal());
      !s.ok()) {
    return absl::Status(s.code(), absl::StrCat("journal file: ", s.message()));
  }
  v1::Journal proto;
  if (!proto.ParseFromString(file.journal())) {
    return absl::DataLossError("journal file: the journal does not parse");
  }
  absl::StatusOr<Journal> journal = Journal::FromProto(std::move(proto));
  if (!journal.ok()) {
    // A journal over a limit keeps its code (RESOURCE_EXHAUSTED).
    const bool invalid =
        journal.status().code() == absl::StatusCode::kInvalidArgument;
    return absl::Status(
        journal.status().code(),
        absl::StrCat("journal file: ", invalid ? "not a valid journal: " : "",
                     journal.status().message()));
  }
  return journal;
}

absl::StatusOr<std::string> FileOps::ReadFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return absl::NotFoundError(
          absl::StrCat("journal file: ", path, " does not exist"));
    }
    return ErrnoError(error, "open", path);
  }
  // Only a regular file of bounded size is read: not a device that never
  // ends (/dev/zero), a pipe or a folder, nor a file too large to hold.
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    return ErrnoError(error, "stat", path);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat("journal file: ", path, " is not a regular file"));
  }
  if (absl::Status s = CheckSize(absl::StrCat("journal file: ", path),
                                 static_cast<uint64_t>(st.st_size));
      !s.ok()) {
    ::close(fd);
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
      ::close(fd);
      return ErrnoError(error, "read", path);
    }
    if (n == 0) break;
    data.append(buffer, static_cast<size_t>(n));
    // It may grow while being read.
    if (absl::Status s =
            CheckSize(absl::StrCat("journal file: ", path), data.size());
        !s.ok()) {
      ::close(fd);
      return s;
    }
  }
  ::close(fd);
  return data;
}

absl::Status FileOps::Chmod(int fd, unsigned mode) {
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
    return ErrnoError(errno, "chmod", absl::StrCat("fd ", fd));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> FileOps::CreateTemp(std::string& path_template) {
  const int fd = ::mkstemp(path_template.data());
  if (fd < 0) return ErrnoError(errno, "create", path_template);
  return fd;
}

absl::Status FileOps::Write(int fd, absl::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoError(errno, "write", "journal file");
    data.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

absl::Status FileOps::Sync(int fd) {
  if (::fsync(fd) != 0) return ErrnoError(errno, "fsync", "journal file");
  return absl::OkStatus();
}

absl::Status FileOps::Close(int fd) {
  if (::close(fd) != 0) return ErrnoError(errno, "close", "journal file");
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
      return absl::AlreadyExistsError(
          absl::StrCat(to, " already exists; it is left as it is"));
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

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view bytes, FileOps& ops,
                                 bool replace, FileAccess access) {
  if (path.empty()) return absl::InvalidArgumentError("path: empty");
  std::string temp = path + ".tmp-XXXXXX";
  absl::StatusOr<int> fd = ops.CreateTemp(temp);
  if (!fd.ok()) return fd.status();
  // mkstemp makes the file 0600; a file to share gets the umask's mode.
  absl::Status status = access == FileAccess::kAsUmask
                            ? ops.Chmod(*fd, 0666 & ~ProcessUmask())
                            : absl::OkStatus();
  if (status.ok()) status = ops.Write(*fd, bytes);
  if (status.ok()) status = ops.Sync(*fd);
  if (absl::Status closed = ops.Close(*fd); status.ok()) status = closed;
  if (status.ok()) {
    status = replace ? ops.Rename(temp, path) : ops.Link(temp, path);
  }
  if (!status.ok() || !replace) {
    (void)ops.Remove(temp);  // the previous file, if any, is untouched
    if (!status.ok()) return status;
  }
  // The new file is in place; a failure here means it may not survive a
  // crash yet, which the caller must hear about.
  return ops.SyncDir(DirOf(path));
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

absl::StatusOr<Journal> LoadJournalFile(const std::string& path, FileOps& ops) {
  absl::StatusOr<std::string> bytes = ops.ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  absl::StatusOr<Journal> journal = DecodeJournalFile(*bytes);
  if (!journal.ok()) {
    return absl::Status(journal.status().code(),
                        absl::StrCat(path, ": ", journal.status().message()));
  }
  return journal;
}

absl::StatusOr<Journal> LoadJournalFile(const std::string& path) {
  FileOps posix;
  return LoadJournalFile(path, posix);
}

}  // namespace fives
