#include "journal_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "command_line.h"
#include "fives/error_detail.h"
#include "fives/journal_io.h"
#include "fives/text_format.h"
#include "google/protobuf/struct.pb.h"

namespace fives::cli {

int ReadJournal(const ParsedArgs& args,
                absl::FunctionRef<int(const Journal&)> use) {
  absl::StatusOr<Journal> journal = LoadJournalFile(args.Value("journal"));
  if (!journal.ok()) return Refused(args.command->name, journal.status());
  return use(*journal);
}

int UpdateJournal(
    const ParsedArgs& args,
    absl::FunctionRef<absl::StatusOr<std::string>(Journal&)> mutate) {
  const absl::string_view command = args.command->name;
  const std::string path = args.Value("journal");
  JournalFileStamp stamp;
  absl::StatusOr<Journal> journal = LoadJournalFile(path, stamp);
  if (!journal.ok()) return Refused(command, journal.status());
  absl::StatusOr<std::string> done = mutate(*journal);
  if (!done.ok()) return Refused(command, done.status());
  // Refused when another process changed the file meanwhile.
  if (absl::Status s = SaveJournalFile(*journal, path, stamp); !s.ok()) {
    return Refused(command, s);
  }
  absl::PrintF("%s", *done);
  return kExitOk;
}

absl::Status CheckNoFile(const std::string& path) {
  struct stat info;
  if (::lstat(path.c_str(), &info) == 0) {
    return WithDetail(absl::AlreadyExistsError(absl::StrCat(
                          path, " already exists; it is left as it is")),
                      v1::ERROR_CODE_FILE_EXISTS, {path});
  }
  if (errno != ENOENT) {
    return absl::ErrnoToStatus(errno, absl::StrCat("stat ", path));
  }
  return absl::OkStatus();
}

void PrintJson(const google::protobuf::Message& message, bool with_defaults) {
  absl::PrintF("%s\n", fives::PrintJson(message, JsonLayout{/*indented=*/false,
                                                            with_defaults}));
}

}  // namespace fives::cli
