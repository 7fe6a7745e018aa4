// The lock that keeps a second daemon off a database, taken in this process:
// flock conflicts between two open files even within one process.
#include "service/daemon_lock.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using ::testing::HasSubstr;
using testing::read_file;
using testing::TempDir;

TEST(DaemonLockTest, TheHolderWritesItsPidInAPrivateFileBesideTheDatabase) {
  TempDir dir;
  auto database = dir / "state" / "touchbase.db";
  auto lock = DaemonLock::take(database);
  ASSERT_TRUE(lock) << lock.error().message;
  EXPECT_EQ(daemon_lock_path(database), dir / "state" / "touchbase.db.lock");
  EXPECT_EQ(read_file(daemon_lock_path(database)), std::to_string(::getpid()) + "\n");
  struct stat st {};
  ASSERT_EQ(::stat(daemon_lock_path(database).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

TEST(DaemonLockTest, ASecondTakerIsRefusedAtOnceNamingTheHoldersPid) {
  TempDir dir;
  auto database = dir / "touchbase.db";
  auto first = DaemonLock::take(database);
  ASSERT_TRUE(first) << first.error().message;
  auto second = DaemonLock::take(database);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Errc::tempfail);
  EXPECT_EQ(second.error().message, "another touchbase daemon (pid " + std::to_string(::getpid()) + ") is running on " +
                                        database.string() + "; it delivers what is due, so this one stops");
}

TEST(DaemonLockTest, TheLockIsFreeAgainOnceItsHolderIsGoneAndTheNextHolderWritesItsPid) {
  TempDir dir;
  auto database = dir / "touchbase.db";
  dir.write("touchbase.db.lock", "999999999\n");  // left by a daemon that died
  {
    auto first = DaemonLock::take(database);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(read_file(daemon_lock_path(database)), std::to_string(::getpid()) + "\n");
  }
  auto again = DaemonLock::take(database);
  EXPECT_TRUE(again) << again.error().message;
}

TEST(DaemonLockTest, ALockFileThatCannotBeOpenedIsAnIoErrorNamingIt) {
  TempDir dir;
  auto database = dir / "touchbase.db";
  std::filesystem::create_directory(daemon_lock_path(database));
  auto lock = DaemonLock::take(database);
  ASSERT_FALSE(lock);
  EXPECT_EQ(lock.error().code, Errc::io);
  EXPECT_THAT(lock.error().message, HasSubstr("cannot open the daemon lock '" + daemon_lock_path(database).string()));
}

}  // namespace
}  // namespace touchbase
