// A journal file changed by another process between load and save: the save
// with the load's stamp refuses to replace it (Aborted), leaving it as it is;
// the same bytes with a new mtime are not a change.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "fives/journal.h"
#include "fives/journal_io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "journal_builder.h"
#include "temp_folder.h"

namespace fives {
namespace {

using ::fives::file_testing::ReadBytes;
using ::fives::file_testing::TempFolder;
using ::fives::file_testing::WriteBytes;
using ::fives::journal_builder::BuildRichJournal;
using ::fives::journal_builder::Day;
using ::testing::HasSubstr;

Journal Rich() {
  absl::StatusOr<Journal> j = BuildRichJournal();
  EXPECT_TRUE(j.ok()) << j.status();
  return j.ok() ? *std::move(j) : *Journal::Create("broken", "Broken");
}

Journal WithMember(Journal j, const char* id) {
  EXPECT_TRUE(j.AddMember(id, id, Day(2026, 5, 4)).ok());
  return j;
}

// The rich journal saved in a folder, loaded again with its stamp.
class StampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SaveJournalFile(Rich(), path_).ok());
    loaded_bytes_ = ReadBytes(path_);
    absl::StatusOr<Journal> j = LoadJournalFile(path_, stamp_);
    ASSERT_TRUE(j.ok()) << j.status();
  }

  // Saves a changed journal with the stamp and expects the refusal, naming
  // the path and `how`, with the file at the path holding `on_disk` and
  // the stamp as it was.
  void ExpectRefused(absl::string_view how, const std::string& on_disk) {
    const JournalFileStamp before = stamp_;
    const absl::Status s =
        SaveJournalFile(WithMember(Rich(), "mine"), path_, stamp_);
    EXPECT_EQ(s.code(), absl::StatusCode::kAborted) << s;
    EXPECT_THAT(s.message(),
                HasSubstr(absl::StrCat(
                    path_, ": changed by another process since it was loaded")))
        << s;
    EXPECT_THAT(s.message(), HasSubstr(how)) << s;
    EXPECT_EQ(stamp_, before);
    EXPECT_EQ(ReadBytes(path_), on_disk);
    EXPECT_EQ(folder_.List(), std::vector<std::string>{"team.fives"});
  }

  TempFolder folder_;
  const std::string path_ = folder_.File("team.fives");
  std::string loaded_bytes_;
  JournalFileStamp stamp_;
};

TEST_F(StampTest, IsTheSizeAndCrc32OfTheBytesRead) {
  EXPECT_EQ(stamp_.size, loaded_bytes_.size());
  const uint32_t crc = static_cast<uint32_t>(
      crc32(crc32(0L, Z_NULL, 0),
            reinterpret_cast<const Bytef*>(loaded_bytes_.data()),
            static_cast<uInt>(loaded_bytes_.size())));
  EXPECT_EQ(stamp_.crc32, crc);
  EXPECT_EQ(StampOf(loaded_bytes_), stamp_);
  EXPECT_NE(StampOf(loaded_bytes_.substr(1)), stamp_);
}

TEST_F(StampTest, UnchangedFileIsReplacedAndTheStampRenewed) {
  const Journal mine = WithMember(Rich(), "mine");
  ASSERT_TRUE(SaveJournalFile(mine, path_, stamp_).ok());
  const std::string saved = ReadBytes(path_);
  EXPECT_EQ(saved, EncodeJournalFile(mine));
  EXPECT_EQ(stamp_, StampOf(saved));
  // The next save checks against what this one wrote.
  const Journal again = WithMember(mine, "more");
  ASSERT_TRUE(SaveJournalFile(again, path_, stamp_).ok());
  EXPECT_EQ(ReadBytes(path_), EncodeJournalFile(again));
  EXPECT_EQ(folder_.List(), std::vector<std::string>{"team.fives"});
}

TEST_F(StampTest, FileReplacedByAnotherJournalIsRefused) {
  const Journal theirs = WithMember(Rich(), "theirs");
  ASSERT_TRUE(SaveJournalFile(theirs, path_).ok());
  const std::string their_bytes = EncodeJournalFile(theirs);
  ExpectRefused(absl::StrCat(their_bytes.size(), " bytes, ",
                             loaded_bytes_.size(), " when loaded"),
                their_bytes);
}

TEST_F(StampTest, TruncatedFileIsRefused) {
  const std::string half = loaded_bytes_.substr(0, loaded_bytes_.size() / 2);
  WriteBytes(path_, half);
  ExpectRefused(absl::StrCat(half.size(), " bytes, ", loaded_bytes_.size(),
                             " when loaded"),
                half);
}

TEST_F(StampTest, FileWithOtherBytesOfTheSameSizeIsRefused) {
  std::string other = loaded_bytes_;
  other[other.size() / 2] ^= 0x01;
  WriteBytes(path_, other);
  ExpectRefused("other bytes", other);
}

TEST_F(StampTest, RemovedFileIsRefusedAndNotWritten) {
  ASSERT_EQ(std::remove(path_.c_str()), 0);
  const absl::Status s =
      SaveJournalFile(WithMember(Rich(), "mine"), path_, stamp_);
  EXPECT_EQ(s.code(), absl::StatusCode::kAborted) << s;
  EXPECT_THAT(s.message(), HasSubstr("it was removed"));
  EXPECT_TRUE(folder_.List().empty());
}

TEST_F(StampTest, FolderInItsPlaceIsRefused) {
  ASSERT_EQ(std::remove(path_.c_str()), 0);
  ASSERT_EQ(::mkdir(path_.c_str(), 0700), 0);
  const absl::Status s =
      SaveJournalFile(WithMember(Rich(), "mine"), path_, stamp_);
  EXPECT_EQ(s.code(), absl::StatusCode::kAborted) << s;
  EXPECT_THAT(s.message(), HasSubstr("not a regular file"));
  EXPECT_TRUE(std::filesystem::is_directory(path_));
}

// Only the bytes count: a touch (new mtime), or a copy of the same bytes
// put in its place (a new inode), is still the loaded file.
TEST_F(StampTest, SameBytesWithANewMtimeOrInodeAreNotAChange) {
  const struct timespec times[2] = {{1, 0}, {1, 0}};  // 1970, surely new
  ASSERT_EQ(::utimensat(AT_FDCWD, path_.c_str(), times, 0), 0);
  const Journal mine = WithMember(Rich(), "mine");
  ASSERT_TRUE(SaveJournalFile(mine, path_, stamp_).ok());
  const std::string mine_bytes = ReadBytes(path_);

  const std::string copy = folder_.File("copy");
  WriteBytes(copy, mine_bytes);
  ASSERT_EQ(std::rename(copy.c_str(), path_.c_str()), 0);
  const Journal next = WithMember(mine, "next");
  ASSERT_TRUE(SaveJournalFile(next, path_, stamp_).ok());
  EXPECT_EQ(ReadBytes(path_), EncodeJournalFile(next));
}

// The file is checked just before the rename: a change during the save
// (here while the temporary file is fsync'ed) is caught, and the temporary
// file removed.
TEST_F(StampTest, ChangeDuringTheSaveIsRefused) {
  class ChangesDuringSync : public FileOps {
   public:
    explicit ChangesDuringSync(std::string path) : path_(std::move(path)) {}
    absl::Status Sync(int fd) override {
      EXPECT_TRUE(SaveJournalFile(WithMember(Rich(), "theirs"), path_).ok());
      return FileOps::Sync(fd);
    }

   private:
    std::string path_;
  };
  ChangesDuringSync ops(path_);
  const absl::Status s =
      SaveJournalFile(WithMember(Rich(), "mine"), path_, stamp_, ops);
  EXPECT_EQ(s.code(), absl::StatusCode::kAborted) << s;
  EXPECT_EQ(ReadBytes(path_), EncodeJournalFile(WithMember(Rich(), "theirs")));
  EXPECT_EQ(folder_.List(), std::vector<std::string>{"team.fives"});
}

// A check that cannot read the file (not a change it can tell) fails the
// save with the read's error, nothing written.
TEST_F(StampTest, UnreadableFileFailsTheSaveWithTheReadError) {
  class CannotRead : public FileOps {
   public:
    absl::StatusOr<std::string> ReadFile(const std::string& path) override {
      return absl::PermissionDeniedError(
          absl::StrCat("open ", path, ": Permission denied"));
    }
  };
  CannotRead ops;
  const absl::Status s =
      SaveJournalFile(WithMember(Rich(), "mine"), path_, stamp_, ops);
  EXPECT_EQ(s, absl::PermissionDeniedError(
                   absl::StrCat("open ", path_, ": Permission denied")));
  EXPECT_EQ(ReadBytes(path_), loaded_bytes_);
  EXPECT_EQ(folder_.List(), std::vector<std::string>{"team.fives"});
}

// Without a stamp, a save replaces whatever is there, as before.
TEST_F(StampTest, SaveWithoutAStampDoesNotCheck) {
  ASSERT_TRUE(SaveJournalFile(WithMember(Rich(), "theirs"), path_).ok());
  const Journal mine = WithMember(Rich(), "mine");
  ASSERT_TRUE(SaveJournalFile(mine, path_).ok());
  EXPECT_EQ(ReadBytes(path_), EncodeJournalFile(mine));
}

}  // namespace
}  // namespace fives
