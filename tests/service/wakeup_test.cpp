// Waking the daemon: the datagram socket on its own, then the real binary
// running in the background picking up commands within seconds while its
// timer sleeps for a minute.
#include "service/wakeup.h"

#include <signal.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/daemon_process.h"
#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

// Far below the daemon's one-minute sleep, far above a wake-up's few milliseconds.
constexpr std::chrono::milliseconds k_wakeup_deadline{5000};

// Runs `io` until `condition` holds or the deadline passes.
bool run_until(boost::asio::io_context& io, const std::function<bool()>& condition) {
  return eventually(
      [&] {
        io.run_for(std::chrono::milliseconds(10));
        io.restart();
        return condition();
      },
      k_wakeup_deadline);
}

TEST(WakeupListener, ABurstOfWakeUpsCallsBackOnce) {
  TempDir dir;
  boost::asio::io_context io;
  WakeupListener listener(io, wakeup_socket_path(dir / "touchbase.db"));
  int wakes = 0;
  ASSERT_TRUE(listener.listen([&] { ++wakes; }).ok());
  EXPECT_TRUE(std::filesystem::is_socket(dir / "touchbase.db.wake"));
  for (int i = 0; i < 3; ++i) wake_daemon(dir / "touchbase.db");
  ASSERT_TRUE(run_until(io, [&] { return wakes > 0; }));
  io.poll();
  EXPECT_EQ(wakes, 1);

  wake_daemon(dir / "touchbase.db");
  ASSERT_TRUE(run_until(io, [&] { return wakes > 1; }));
  EXPECT_EQ(wakes, 2);
}

TEST(WakeupListener, CloseRemovesTheSocketUnlessAnotherListenerTookItsPlace) {
  TempDir dir;
  boost::asio::io_context io;
  auto path = wakeup_socket_path(dir / "touchbase.db");
  WakeupListener first(io, path);
  WakeupListener second(io, path);
  ASSERT_TRUE(first.listen([] {}).ok());
  ASSERT_TRUE(second.listen([] {}).ok());  // a daemon after a reload, or one that replaced a dead one
  first.close();
  EXPECT_TRUE(std::filesystem::is_socket(path));
  second.close();
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(WakeupListener, APathTooLongForASocketIsAnIoErrorAndWakingItDoesNothing) {
  TempDir dir;
  boost::asio::io_context io;
  auto database = dir / (std::string(200, 'x') + ".db");
  WakeupListener listener(io, wakeup_socket_path(database));
  auto listening = listener.listen([] {});
  ASSERT_FALSE(listening.ok());
  EXPECT_EQ(listening.error().code, Errc::io);
  EXPECT_THAT(listening.error().message, HasSubstr("cannot listen for wake-ups on "));
  wake_daemon(database);           // no socket can be there: nothing happens
  wake_daemon(dir / "nobody.db");  // no daemon listens: nothing happens
}

// The real binary, `touchbase run`, in the background.
class RunningDaemonTest : public WorkflowTest {
 protected:
  RunningDaemonTest() : WorkflowTest(Runner::binary) {}

  // Starts the daemon and waits until its first pass has reminded `first`
  // (added before it started), so that it sleeps for its one minute after.
  void start_with(const std::string& first) {
    ok({"contact", "add", first, "--name", "First " + first});
    daemon_ =
        std::make_unique<DaemonProcess>(std::vector<std::string>{"--config", config_.string(), "run"}, dir_.path());
    ASSERT_TRUE(eventually([&] { return daemon_->out().find("First " + first) != std::string::npos; }))
        << daemon_->err();
    ASSERT_TRUE(std::filesystem::is_socket(dir_ / "state/touchbase.db.wake"));
  }

  // "Follow up with NAME", or "Late: follow up with NAME" for an overdue one.
  bool reminded_soon(const std::string& name) {
    return eventually([&] { return daemon_->out().find("ollow up with " + name) != std::string::npos; },
                      k_wakeup_deadline);
  }

  void stop() {
    daemon_->signal(SIGTERM);
    EXPECT_EQ(daemon_->wait_exit(), 0) << daemon_->err();
    EXPECT_FALSE(std::filesystem::exists(dir_ / "state/touchbase.db.wake"));
  }

  std::unique_ptr<DaemonProcess> daemon_;
};

TEST_F(RunningDaemonTest, AContactAddedWhileItSleepsIsRemindedWithinSeconds) {
  start_with("early");
  ok({"contact", "add", "nina", "--name", "Nina New"});
  EXPECT_TRUE(reminded_soon("Nina New")) << daemon_->out() << daemon_->err();
  stop();
}

TEST_F(RunningDaemonTest, AResumedContactIsRemindedWithinSeconds) {
  ok({"contact", "add", "paul", "--name", "Paul Paused"});
  ok({"pause", "paul"});
  start_with("early");
  EXPECT_EQ(daemon_->out().find("Paul Paused"), std::string::npos);
  ok({"resume", "paul"});
  EXPECT_TRUE(reminded_soon("Paul Paused")) << daemon_->out() << daemon_->err();
  stop();
}

TEST_F(RunningDaemonTest, ALoggedTouchThatMakesAFollowUpDueIsRemindedWithinSeconds) {
  // Given a contact waiting for a date agreed ten days out, a later touch
  // (which clears the agreement) makes the cadence's next follow-up overdue.
  ok({"contact", "add", "lou", "--name", "Lou Log"});
  ok({"log", "lou", "--outcome", "touched", "--at", iso(now_ - hours(72)), "--next-date",
      berlin_date(now_ + hours(24 * 10))});
  start_with("early");
  EXPECT_EQ(daemon_->out().find("Lou Log"), std::string::npos);
  ok({"log", "lou", "--outcome", "no-answer", "--at", iso(now_ - hours(49))});
  EXPECT_TRUE(reminded_soon("Lou Log")) << daemon_->out() << daemon_->err();
  stop();
}

}  // namespace
}  // namespace touchbase::testing
