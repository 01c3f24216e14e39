// Temporary files left behind by saves that were killed: every later save
// or create of the same file removes them, but never the temporary file of
// a save still running (it holds a lock on it), nor anything that merely
// looks like one.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
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
using ::testing::ElementsAre;
using ::testing::StartsWith;

Journal Team(const char* name) { return *Journal::Create("mt", name); }

// Runs `child` in a forked process, which ends with _exit(0) after it
// unless `child` ends it first. The parent waits for it; its wait status.
template <typename Child>
int RunInChild(Child child) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    child();
    ::_exit(0);
  }
  EXPECT_GT(pid, 0) << "fork";
  int status = 0;
  EXPECT_EQ(::waitpid(pid, &status, 0), pid);
  return status;
}

// The names in the folder that start with `prefix`.
std::vector<std::string> NamesStartingWith(const TempFolder& folder,
                                           const std::string& prefix) {
  std::vector<std::string> names;
  for (const std::string& name : folder.List()) {
    if (absl::StartsWith(name, prefix)) names.push_back(name);
  }
  return names;
}

// A save that is killed (SIGKILL) after writing its temporary file leaves
// it, mode 0600 even under umask 0; the next save removes it.
TEST(LeftoverTest, TempOfAKilledSaveIsRemovedByTheNextSave) {
  class KilledAfterWrite : public FileOps {
   public:
    absl::Status Sync(int fd) override {
      ::kill(::getpid(), SIGKILL);
      return FileOps::Sync(fd);
    }
  };
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  ASSERT_TRUE(SaveJournalFile(Team("Old"), path).ok());
  const std::string before = ReadBytes(path);
  const int status = RunInChild([&] {
    ::umask(0);
    KilledAfterWrite ops;
    (void)SaveJournalFile(Team("New"), path, ops);
  });
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  const std::vector<std::string> left =
      NamesStartingWith(folder, "team.fives.tmp-");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].size(), std::string("team.fives.tmp-XXXXXX").size());
  struct stat st;
  ASSERT_EQ(::stat(folder.File(left[0]).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(ReadBytes(folder.File(left[0])), EncodeJournalFile(Team("New")));
  EXPECT_EQ(ReadBytes(path), before);

  ASSERT_TRUE(SaveJournalFile(Team("Newer"), path).ok());
  EXPECT_THAT(folder.List(), ElementsAre("team.fives"));
  EXPECT_EQ(ReadBytes(path), EncodeJournalFile(Team("Newer")));
}

// A child that _exit()s in the middle of a save (no destructors run) leaves
// its temporary file too; a create of the same path removes it.
TEST(LeftoverTest, TempOfAnExitedSaveIsRemovedByACreate) {
  class ExitsAfterWrite : public FileOps {
   public:
    absl::Status Sync(int fd) override { ::_exit(3); }
  };
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  const int status = RunInChild([&] {
    ExitsAfterWrite ops;
    (void)SaveJournalFile(Team("New"), path, ops);
  });
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 3) << status;
  ASSERT_EQ(NamesStartingWith(folder, "team.fives.tmp-").size(), 1u);
  ASSERT_TRUE(CreateJournalFile(Team("Created"), path).ok());
  EXPECT_THAT(folder.List(), ElementsAre("team.fives"));
}

// A save still running in another process holds its temporary file locked:
// a save meanwhile leaves it; once that process is gone, the next removes
// it.
TEST(LeftoverTest, TempOfASaveStillRunningElsewhereIsKept) {
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  int to_child[2], to_parent[2];
  ASSERT_EQ(::pipe(to_child), 0);
  ASSERT_EQ(::pipe(to_parent), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    // The first steps of a save: the temporary file, made and written.
    FileOps ops;
    std::string temp = path + ".tmp-XXXXXX";
    absl::StatusOr<int> fd = ops.CreateTemp(temp);
    if (!fd.ok() || !ops.Write(*fd, "half a journal").ok()) ::_exit(1);
    char c = 'r';
    (void)!::write(to_parent[1], &c, 1);
    (void)!::read(to_child[0], &c, 1);  // until the parent says
    ::_exit(0);
  }
  ASSERT_GT(pid, 0);
  char c;
  ASSERT_EQ(::read(to_parent[0], &c, 1), 1);
  const std::vector<std::string> running =
      NamesStartingWith(folder, "team.fives.tmp-");
  ASSERT_EQ(running.size(), 1u);

  ASSERT_TRUE(SaveJournalFile(Team("Mine"), path).ok());
  EXPECT_EQ(NamesStartingWith(folder, "team.fives.tmp-"), running);
  EXPECT_EQ(ReadBytes(folder.File(running[0])), "half a journal");

  ASSERT_EQ(::write(to_child[1], "x", 1), 1);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  for (int fd : {to_child[0], to_child[1], to_parent[0], to_parent[1]}) {
    ::close(fd);
  }
  ASSERT_TRUE(SaveJournalFile(Team("Mine"), path).ok());
  EXPECT_THAT(folder.List(), ElementsAre("team.fives"));
}

// A lock held through another descriptor (of this process) counts too.
TEST(LeftoverTest, TempLockedThroughAnotherDescriptorIsKept) {
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  const std::string temp = path + ".tmp-Lock01";
  WriteBytes(temp, "being written");
  const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  ASSERT_TRUE(SaveJournalFile(Team("Mine"), path).ok());
  EXPECT_THAT(folder.List(),
              ElementsAre("team.fives", "team.fives.tmp-Lock01"));
  ::close(fd);
  ASSERT_TRUE(SaveJournalFile(Team("Mine"), path).ok());
  EXPECT_THAT(folder.List(), ElementsAre("team.fives"));
}

// Only `<name>.tmp-` and six letters or digits, regular files, in the same
// folder: look-alikes, other files' temporary files, a symbolic link (and
// what it points to), a folder and a FIFO are left alone.
TEST(LeftoverTest, LookAlikesAreLeftAlone) {
  TempFolder folder;
  const std::string path = folder.File("team.fives");
  const std::vector<std::string> regular = {
      "team.fives.tmp-ABC",     "team.fives.tmp-ABCDEFG",
      "team.fives.tmp-",        "team.fives.tmp-AB.DEF",
      "team.fives.tmp-ab_12",   "other.fives.tmp-Abc123",
      "team.fives2.tmp-Abc123", "eam.fives.tmp-Abc123",
      "team.fives.TMP-Abc123",  "xteam.fives.tmp-Abc123",
  };
  for (const std::string& name : regular) WriteBytes(folder.File(name), name);
  const std::string target = folder.File("target");
  WriteBytes(target, "pointed at");
  ASSERT_EQ(::symlink(target.c_str(), (path + ".tmp-Link01").c_str()), 0);
  ASSERT_EQ(::mkdir((path + ".tmp-Fold01").c_str(), 0700), 0);
  ASSERT_EQ(::mkfifo((path + ".tmp-Fifo01").c_str(), 0600), 0);
  WriteBytes(path + ".tmp-Real01", "a real leftover");
  std::vector<std::string> expected = folder.List();
  expected.erase(
      std::find(expected.begin(), expected.end(), "team.fives.tmp-Real01"));
  expected.insert(std::lower_bound(expected.begin(), expected.end(),
                                   std::string("team.fives")),
                  "team.fives");

  ASSERT_TRUE(SaveJournalFile(Team("Mine"), path).ok());
  EXPECT_EQ(folder.List(), expected);
  for (const std::string& name : regular) {
    EXPECT_EQ(ReadBytes(folder.File(name)), name);
  }
  EXPECT_EQ(ReadBytes(target), "pointed at");
  EXPECT_EQ(ReadBytes(path + ".tmp-Link01"), "pointed at");
}

// The cleanup failing (the folder cannot be listed, a leftover cannot be
// removed) does not fail the save.
TEST(LeftoverTest, CleanupFailuresDoNotFailTheSave) {
  class CannotClean : public FileOps {
   public:
    explicit CannotClean(bool list) : list_(list) {}
    absl::StatusOr<std::vector<std::string>> ListFolder(
        const std::string& dir) override {
      if (list_) return absl::PermissionDeniedError("list refused");
      return FileOps::ListFolder(dir);
    }
    absl::StatusOr<bool> RemoveIfUnlocked(const std::string& path) override {
      tried.push_back(path);
      return absl::PermissionDeniedError("remove refused");
    }
    std::vector<std::string> tried;

   private:
    bool list_;
  };
  for (bool list : {true, false}) {
    SCOPED_TRACE(list ? "list" : "remove");
    TempFolder folder;
    const std::string path = folder.File("team.fives");
    WriteBytes(path + ".tmp-Left01", "left");
    CannotClean ops(list);
    const absl::Status s = SaveJournalFile(Team("Mine"), path, ops);
    ASSERT_TRUE(s.ok()) << s;
    EXPECT_EQ(ReadBytes(path), EncodeJournalFile(Team("Mine")));
    EXPECT_THAT(folder.List(),
                ElementsAre("team.fives", "team.fives.tmp-Left01"));
    EXPECT_EQ(ops.tried, list ? std::vector<std::string>{}
                              : std::vector<std::string>{path + ".tmp-Left01"});
  }
}

// A journal named without a folder: its leftovers are found in the current
// folder, by the name as given.
TEST(LeftoverTest, BareNameLooksInTheCurrentFolder) {
  class Records : public FileOps {
   public:
    absl::StatusOr<std::vector<std::string>> ListFolder(
        const std::string& dir) override {
      listed = dir;
      return std::vector<std::string>{"team.fives.tmp-Left01", "other"};
    }
    absl::StatusOr<bool> RemoveIfUnlocked(const std::string& path) override {
      removed.push_back(path);
      return true;
    }
    absl::StatusOr<int> CreateTemp(std::string& path_template) override {
      return absl::UnavailableError("stop here");
    }
    std::string listed;
    std::vector<std::string> removed;
  };
  Records ops;
  EXPECT_EQ(SaveJournalFile(Team("T"), "team.fives", ops),
            absl::UnavailableError("stop here"));
  EXPECT_EQ(ops.listed, ".");
  EXPECT_THAT(ops.removed, ElementsAre("team.fives.tmp-Left01"));
}

}  // namespace
}  // namespace fives
