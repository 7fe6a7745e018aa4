// The real daemon on a database in a small tmpfs that fills up while its
// deliveries are in flight: each reminder is delivered exactly once while its
// outcome cannot be written, /healthz and the log say why (the log once), and
// once space is freed the outcomes are recorded and nothing is sent again.
#include <signal.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

#include "tests/testing/daemon_process.h"
#include "tests/testing/run_command.h"
#include "tests/testing/small_disk.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

// Lines of `text` holding `needle`.
int count_lines_with(const std::string& text, std::string_view needle) {
  std::istringstream lines(text);
  int n = 0;
  for (std::string line; std::getline(lines, line);) n += line.find(needle) != std::string::npos ? 1 : 0;
  return n;
}

int line_count(const std::filesystem::path& file) {
  return count_lines_with(read_file(file), "");
}

class FullDiskProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!small_.mounted()) GTEST_SKIP() << small_.why_not();
  }

  // Writes a file on the tmpfs until no block is left.
  void fill_the_disk() { ASSERT_TRUE(small_.fill()); }

  void write_config(int port) {
    const std::string script = "echo \"$TOUCHBASE_IDEMPOTENCY_KEY\" >> " + (dir_ / "started").string() +
                               "; while [ ! -e " + (dir_ / "go").string() + " ]; do sleep 0.05; done; echo " +
                               "\"$TOUCHBASE_IDEMPOTENCY_KEY\" >> " + deliveries_.string();
    config_ = dir_.write("touchbase.toml", "[daemon]\ndatabase = \"" + (disk_ / "touchbase.db").string() +
                                               "\"\nhttp_listen = \"127.0.0.1:" + std::to_string(port) + "\"\n" + R"(
[defaults]
timezone = "Europe/Berlin"
contact_window = { days = "mon-sun", hours = "00:00-24:00" }
lead_time = "15m"

[owners.alice]
timezone = "Europe/Berlin"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["script"]

[notifiers.script]
kind = "command"
command = ["/bin/sh", "-c", ')" + script + R"(']

[cadences.prospect]
steps = ["2d"]
repeat = true
)");
  }

  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path());
  }

  TempDir dir_;
  SmallDisk small_{dir_ / "disk", "4m"};
  const std::filesystem::path& disk_ = small_.path();
  std::filesystem::path filler_ = disk_ / "filler";
  std::filesystem::path deliveries_ = dir_ / "deliveries";
  std::filesystem::path config_;
};

TEST_F(FullDiskProcessTest, EachReminderIsDeliveredOnceWhileTheDiskIsFullAndRecordedOnceSpaceIsFreed) {
  const int port = free_local_port();
  write_config(port);
  for (const char* id : {"ann", "bob", "cat"}) {
    ASSERT_EQ(touchbase({"contact", "add", id, "--name", id}).exit_code, 0);
  }
  NotifySocket notify(dir_ / "notify.sock");
  DaemonProcess daemon({"--config", config_.string(), "run"}, dir_.path(), {"NOTIFY_SOCKET=" + notify.path().string()});
  ASSERT_TRUE(notify.wait_for("READY=1")) << daemon.err();
  // The reminders are written, and their deliveries wait for "go".
  ASSERT_TRUE(eventually([&] { return line_count(dir_ / "started") == 3; })) << daemon.err();

  fill_the_disk();
  dir_.write("go", "");
  std::optional<HttpReply> health;
  ASSERT_TRUE(eventually([&] {
    health = http_get(port, "/healthz");
    return health && health->status == 503 && health->body.starts_with("3 ");
  })) << daemon.err();
  EXPECT_THAT(health->body, HasSubstr("3 delivery outcome(s) wait to be written"));
  EXPECT_THAT(health->body, HasSubstr("disk is full"));

  // Tried again after 1 s and 2 s meanwhile: nothing is sent again.
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  EXPECT_EQ(line_count(deliveries_), 3);
  EXPECT_EQ(line_count(dir_ / "started"), 3);
  EXPECT_EQ(http_get(port, "/healthz")->status, 503);

  std::filesystem::remove(filler_);
  ASSERT_TRUE(eventually(
      [&] {
        health = http_get(port, "/healthz");
        return health && health->status == 200;
      },
      std::chrono::seconds(20)))
      << daemon.err();
  EXPECT_EQ(health->body, "ok\n");
  const auto metrics = http_get(port, "/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_THAT(metrics->body, HasSubstr("\ntouchbase_outbox_depth 0\n"));
  EXPECT_EQ(line_count(deliveries_), 3);
  EXPECT_EQ(count_lines_with(daemon.err(), "cannot record delivery outcomes"), 1) << daemon.err();
  EXPECT_EQ(count_lines_with(daemon.err(), "delivery outcomes are recorded again"), 1) << daemon.err();

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(), 0) << daemon.err();
  EXPECT_EQ(line_count(deliveries_), 3);
}

}  // namespace
}  // namespace touchbase::testing
