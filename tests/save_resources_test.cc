// Saves that the host's resources refuse: a full disk (ENOSPC at write), a
// folder where no file can be made (EACCES, EROFS), through FileOps and for
// real; the status names the path and the cause, the previous file stays
// and no temporary file is left. And the journal's mode whatever the umask.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "temp_folder.h"

namespace fives {
namespace {

using ::fives::file_testing::ReadBytes;
using ::fives::file_testing::TempFolder;
using ::fives::file_testing::WriteBytes;
using ::testing::HasSubstr;

Journal Team(const char* name) { return *Journal::Create("mt", name); }

// The POSIX calls, with one failing as the kernel would fail it.
class RefusingFileOps : public FileOps {
 public:
  enum Step { kWrite, kCreateTemp };
  RefusingFileOps(Step step, int error) : step_(step), error_(error) {}

  absl::StatusOr<int> CreateTemp(std::string& path_template) override {
    if (step_ == kCreateTemp) {
      return absl::ErrnoToStatus(error_,
                                 absl::StrCat("create ", path_template));
    }
    return FileOps::CreateTemp(path_template);
  }
  absl::Status Write(int fd, absl::string_view data) override {
    if (step_ != kWrite) return FileOps::Write(fd, data);
    // Some bytes reach the disk, then it is full.
    EXPECT_TRUE(FileOps::Write(fd, data.substr(0, data.size() / 3)).ok());
    return absl::ErrnoToStatus(error_, "write");
  }

 private:
  Step step_;
  int error_;
};

struct Refusal {
  RefusingFileOps::Step step;
  int error;
  absl::StatusCode code;
  const char* cause;
};

class RefusedSaveTest : public ::testing::TestWithParam<Refusal> {};

TEST_P(RefusedSaveTest, NamesPathAndCauseAndKeepsThePreviousFile) {
  const Refusal& r = GetParam();
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  ASSERT_TRUE(SaveJournalFile(Team("Old"), path).ok());
  const std::string before = ReadBytes(path);
  RefusingFileOps ops(r.step, r.error);
  const absl::Status s = SaveJournalFile(Team("New"), path, ops);
  EXPECT_EQ(s.code(), r.code) << s;
  EXPECT_THAT(s.message(), HasSubstr(path));
  EXPECT_THAT(s.message(), HasSubstr(r.cause));
  EXPECT_EQ(ReadBytes(path), before);
  EXPECT_EQ(folder.List(), std::vector<std::string>{"team.fives"});
}

INSTANTIATE_TEST_SUITE_P(
    Causes, RefusedSaveTest,
    ::testing::Values(
        Refusal{RefusingFileOps::kWrite, ENOSPC,
                absl::StatusCode::kResourceExhausted,
                "write: No space left on device"},
        Refusal{RefusingFileOps::kWrite, EDQUOT,
                absl::StatusCode::kResourceExhausted, "Disk quota exceeded"},
        Refusal{RefusingFileOps::kCreateTemp, EACCES,
                absl::StatusCode::kPermissionDenied, "Permission denied"},
        Refusal{RefusingFileOps::kCreateTemp, EROFS,
                absl::StatusCode::kPermissionDenied, "Read-only file system"}),
    [](const ::testing::TestParamInfo<Refusal>& info) {
      return std::string(info.param.error == ENOSPC   ? "DiskFull"
                         : info.param.error == EDQUOT ? "QuotaFull"
                         : info.param.error == EACCES ? "NotWritable"
                                                      : "ReadOnlyFileSystem");
    });

// A real folder without write permission (0500). The leftover temporary
// file in it cannot be removed either, which does not change the error.
TEST(ReadOnlyFolderTest, SaveIsRefusedWithTheFolderAsItWas) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root, which writes to a folder of mode 0500 "
                    "all the same";
  }
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  ASSERT_TRUE(SaveJournalFile(Team("Old"), path).ok());
  WriteBytes(path + ".tmp-Left01", "left by a killed save");
  const std::vector<std::string> names = folder.List();
  const std::string before = ReadBytes(path);
  ASSERT_EQ(::chmod(folder.path().c_str(), 0500), 0);
  const absl::Status s = SaveJournalFile(Team("New"), path);
  const absl::Status created = CreateJournalFile(Team("New"), path + "2");
  ASSERT_EQ(::chmod(folder.path().c_str(), 0700), 0);
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << s;
  EXPECT_THAT(s.message(), HasSubstr(path + ".tmp-"));
  EXPECT_THAT(s.message(), HasSubstr("Permission denied"));
  EXPECT_EQ(created.code(), absl::StatusCode::kPermissionDenied) << created;
  EXPECT_EQ(ReadBytes(path), before);
  EXPECT_EQ(folder.List(), names);
}

// mkstemp makes the temporary file, hence the journal, 0600: the umask
// cannot open it to others.
TEST(JournalModeTest, OwnerOnlyEvenUnderUmaskZero) {
  class SeesTheTemp : public FileOps {
   public:
    absl::Status Write(int fd, absl::string_view data) override {
      struct stat st;
      EXPECT_EQ(::fstat(fd, &st), 0);
      temp_mode = st.st_mode & 07777;
      return FileOps::Write(fd, data);
    }
    unsigned temp_mode = 0;
  };
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  const mode_t old_mask = ::umask(0);
  SeesTheTemp ops;
  const absl::Status s = SaveJournalFile(Team("T"), path, ops);
  ::umask(old_mask);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(ops.temp_mode, 0600u);
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

}  // namespace
}  // namespace fives
