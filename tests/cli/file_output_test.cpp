// The files commands write — exports, calendars, the database — are private
// to their owner, and a write that fails leaves the old file as it was.
#include "cli/file_output.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "tests/testing/daemon_process.h"
#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

mode_t permissions_of(const std::filesystem::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

// Names in `dir` that a replacement left behind.
std::vector<std::string> temporaries_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) names.push_back(entry.path().string());
  }
  return names;
}

TEST(ReplaceFileTest, ANewFileIsMadePrivateAndAnOldOneIsReplacedWholeAndMadePrivate) {
  TempDir dir;
  auto made = dir / "new.csv";
  ASSERT_TRUE(replace_file(made, "id\njane\n"));
  EXPECT_EQ(read_file(made), "id\njane\n");
  EXPECT_EQ(permissions_of(made), 0600u);

  auto old = dir.write("old.csv", "id\nbob\n");
  std::filesystem::permissions(old, std::filesystem::perms(0644));
  ASSERT_TRUE(replace_file(old, "id\ncara\n"));
  EXPECT_EQ(read_file(old), "id\ncara\n");
  EXPECT_EQ(permissions_of(old), 0600u);
  EXPECT_THAT(temporaries_in(dir.path()), IsEmpty());
}

TEST(ReplaceFileTest, ATemporaryNameAlreadyTakenFailsTheWriteAndLeavesBothFilesAsTheyWere) {
  TempDir dir;
  auto target = dir.write("contacts.csv", "id\nbob\n");
  auto taken = replacement_path(target);
  std::ofstream(taken) << "another write's half\n";
  auto written = replace_file(target, "id\ncara\n");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, Errc::io);
  EXPECT_EQ(written.error().message, "cannot write " + target.string() + ": the temporary file " + taken.string() +
                                         " is already there; it was left alone");
  EXPECT_EQ(read_file(target), "id\nbob\n");
  EXPECT_EQ(read_file(taken), "another write's half\n");
}

TEST(ReplaceFileTest, AFolderThatDoesNotExistIsAnIoErrorNamingThePath) {
  TempDir dir;
  auto written = replace_file(dir / "nowhere" / "contacts.csv", "id\n");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, Errc::io);
  EXPECT_THAT(written.error().message, HasSubstr("cannot write " + (dir / "nowhere" / "contacts.csv").string()));
}

class FileModesTest : public WorkflowTest {
 protected:
  FileModesTest() : WorkflowTest(Runner::binary) {}

  // `touchbase args...` unable to write files past `blocks` of 512 bytes, as on a full disk.
  int touchbase_with_file_size_limit(int blocks, const std::vector<std::string>& args) {
    std::string command = "cd '" + dir_.path().string() + "' && trap '' XFSZ && ulimit -f " + std::to_string(blocks) +
                          " && exec '" + TOUCHBASE_BINARY + "' --config '" + config_.string() + "'";
    for (const auto& a : args) command += " '" + a + "'";
    command += " </dev/null >/dev/null 2>'" + (dir_ / "limited.err").string() + "'";
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

TEST_F(FileModesTest, TheDatabaseExportsAndCalendarsTheBinaryMakesArePrivate) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  EXPECT_EQ(permissions_of(dir_ / "state" / "touchbase.db"), 0600u);
  ok({"export", "--output", (dir_ / "contacts.csv").string()});
  EXPECT_EQ(permissions_of(dir_ / "contacts.csv"), 0600u);
  ok({"calendar", (dir_ / "follow-ups.ics").string()});
  EXPECT_EQ(permissions_of(dir_ / "follow-ups.ics"), 0600u);
  EXPECT_THAT(temporaries_in(dir_.path()), IsEmpty());
}

TEST_F(FileModesTest, TheWriteAheadLogAndSharedMemoryFilesOfANewDatabaseArePrivate) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  // While a daemon holds the database open, its -wal and -shm files exist.
  DaemonProcess daemon({"--config", config_.string(), "run"}, dir_.path());
  auto wal = dir_ / "state" / "touchbase.db-wal";
  auto shm = dir_ / "state" / "touchbase.db-shm";
  ASSERT_TRUE(eventually([&] { return std::filesystem::exists(wal) && std::filesystem::exists(shm); })) << daemon.err();
  EXPECT_EQ(permissions_of(wal), 0600u);
  EXPECT_EQ(permissions_of(shm), 0600u);
}

TEST_F(FileModesTest, AnExistingDatabaseKeepsItsMode) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  std::filesystem::permissions(dir_ / "state" / "touchbase.db", std::filesystem::perms(0640));
  ok({"contact", "add", "bob", "--name", "Bob"});
  EXPECT_EQ(permissions_of(dir_ / "state" / "touchbase.db"), 0640u);
}

TEST_F(FileModesTest, AnExportThatRunsOutOfSpaceLeavesTheOldFileWholeAndNoTemporary) {
  std::string csv = "id,name,notes\n";
  for (int i = 0; i < 400; ++i)
    csv += "c" + std::to_string(i) + ",Contact " + std::to_string(i) + "," + std::string(300, 'n') + "\n";
  ok({"import", dir_.write("many.csv", csv).string()});
  auto file = dir_ / "contacts.csv";
  ok({"export", "--output", file.string()});
  const std::string before = read_file(file);
  ASSERT_GT(before.size(), 100u * 1024);

  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  // 64 KiB: room for the database's shared-memory file, not for the export.
  EXPECT_EQ(touchbase_with_file_size_limit(128, {"export", "--output", file.string()}), 74);
  EXPECT_THAT(read_file(dir_ / "limited.err"), HasSubstr("cannot write " + file.string() + ": File too large"));
  EXPECT_EQ(read_file(file), before);
  EXPECT_THAT(temporaries_in(dir_.path()), IsEmpty());
}

}  // namespace
}  // namespace touchbase::testing
