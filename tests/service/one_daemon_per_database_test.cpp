// One daemon per database, with the real binary: a second `run` or
// `run --once` beside a running one, whatever that one is doing, exits 75
// naming its pid and leaves its control socket alone.
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

#include "tests/testing/daemon_fixture.h"
#include "tests/testing/daemon_process.h"
#include "tests/testing/run_command.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

class OneDaemonPerDatabaseTest : public ::testing::Test {
 protected:
  OneDaemonPerDatabaseTest()
      : config_(dir_.write("touchbase.toml",
                           "[daemon]\ndatabase = \"state/touchbase.db\"\n" + std::string(k_daemon_test_config))) {}

  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path());
  }
  std::unique_ptr<DaemonProcess> start(std::vector<std::string> args = {"run"}) {
    args.insert(args.begin(), {"--config", config_.string()});
    return std::make_unique<DaemonProcess>(args, dir_.path(),
                                           std::vector<std::string>{"NOTIFY_SOCKET=" + notify_.path().string()});
  }
  std::filesystem::path database() const { return dir_ / "state" / "touchbase.db"; }
  std::string refusal(const DaemonProcess& first) const {
    return "touchbase: another touchbase daemon (pid " + std::to_string(first.pid()) + ") is running on " +
           database().string();
  }
  // A second `run` and `run --once` are both refused, naming `first`.
  void expect_both_refused(const DaemonProcess& first) {
    for (auto args : {std::vector<std::string>{"run"}, std::vector<std::string>{"run", "--once"}}) {
      auto second = touchbase(args);
      EXPECT_EQ(second.exit_code, 75) << second.err;
      EXPECT_THAT(second.err, HasSubstr(refusal(first)));
    }
  }
  // The first daemon still answers `touchbase status` on its socket.
  void expect_still_answering(const DaemonProcess& first) {
    auto status = touchbase({"status"});
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_THAT(status.out, HasSubstr("is running (pid " + std::to_string(first.pid()) + ")"));
  }
  mode_t mode_of(const std::filesystem::path& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st.st_mode;
  }

  TempDir dir_;
  std::filesystem::path config_;
  NotifySocket notify_{dir_ / "notify.sock"};
};

TEST_F(OneDaemonPerDatabaseTest, ASecondRunOrRunOnceBesideARunningDaemonExits75NamingItsPid) {
  const mode_t umask_before = ::umask(022);  // the usual one, which the daemon inherits
  auto first = start();
  ::umask(umask_before);
  ASSERT_TRUE(notify_.wait_for("READY=1")) << first->err();
  expect_both_refused(*first);
  EXPECT_TRUE(S_ISSOCK(mode_of(dir_ / "state" / "touchbase.db.sock")));
  expect_still_answering(*first);
  EXPECT_EQ(read_file(dir_ / "state" / "touchbase.db.lock"), std::to_string(first->pid()) + "\n");
  // Under a umask of 022, the lock and both sockets are still the daemon's user's alone.
  for (const char* name : {"touchbase.db.lock", "touchbase.db.sock", "touchbase.db.wake"}) {
    EXPECT_EQ(mode_of(dir_ / "state" / name) & 07777, 0600u) << name;
  }

  first->signal(SIGTERM);
  ASSERT_EQ(first->wait_exit(), 0) << first->err();
  auto after = start({"run", "--once"});
  EXPECT_EQ(after->wait_exit(), 0) << after->err();
}

TEST_F(OneDaemonPerDatabaseTest, ADaemonStoppedWithSigstopStillKeepsASecondOneOff) {
  auto first = start();
  ASSERT_TRUE(notify_.wait_for("READY=1")) << first->err();
  first->signal(SIGSTOP);
  expect_both_refused(*first);
  first->signal(SIGCONT);
  EXPECT_TRUE(S_ISSOCK(mode_of(dir_ / "state" / "touchbase.db.sock")));
  expect_still_answering(*first);
  first->signal(SIGTERM);
  EXPECT_EQ(first->wait_exit(), 0) << first->err();
}

TEST_F(OneDaemonPerDatabaseTest, ARunOnceWaitingOnADatabaseLockStillKeepsASecondOneOff) {
  ASSERT_EQ(touchbase({"contact", "add", "now", "--name", "Nina Now"}).exit_code, 0);
  SQLite::Database holder(database().string(), SQLite::OPEN_READWRITE);
  holder.exec("BEGIN EXCLUSIVE");  // the first's reminder waits for it
  auto first = start({"run", "--once"});
  ASSERT_TRUE(eventually([&] {
    return read_file(dir_ / "state" / "touchbase.db.lock") == std::to_string(first->pid()) + "\n";
  })) << first->err();
  expect_both_refused(*first);
  holder.exec("COMMIT");
  EXPECT_EQ(first->wait_exit(), 0) << first->err();
  EXPECT_THAT(first->out(), HasSubstr("Nina Now"));
}

TEST_F(OneDaemonPerDatabaseTest, ASocketLeftByADaemonThatDiedIsReplaced) {
  std::filesystem::create_directories(dir_ / "state");
  auto socket_path = dir_ / "state" / "touchbase.db.sock";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  ::close(fd);  // the file stays, nobody listens

  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon->err();
  expect_still_answering(*daemon);
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->err();
  EXPECT_FALSE(std::filesystem::exists(socket_path));
}

TEST_F(OneDaemonPerDatabaseTest, AFileThatIsNotASocketWhereTheSocketGoesIsLeftAloneAndRefused) {
  std::filesystem::create_directories(dir_ / "state");
  auto not_a_socket = dir_.write("state/touchbase.db.sock", "someone's notes\n");
  auto refused = touchbase({"run"});
  EXPECT_EQ(refused.exit_code, 74);
  EXPECT_THAT(refused.err, HasSubstr("cannot listen on the control socket " + not_a_socket.string() +
                                     ": something other than a socket is there"));
  EXPECT_EQ(read_file(not_a_socket), "someone's notes\n");
}

}  // namespace
}  // namespace touchbase::testing
