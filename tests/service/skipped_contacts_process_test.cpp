// The running daemon (the real binary) with a contact whose time zone the
// system no longer knows and one whose row does not read: it goes on with
// the others, and `touchbase status` and /metrics count the skipped ones.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "tests/testing/daemon_fixture.h"
#include "tests/testing/daemon_process.h"
#include "tests/testing/run_command.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

class SkippedContactsProcessTest : public ::testing::Test {
 protected:
  SkippedContactsProcessTest() {
    config_ = dir_.write("touchbase.toml", "[daemon]\ndatabase = \"state/touchbase.db\"\nhttp_listen = \"127.0.0.1:" +
                                               std::to_string(port_) + "\"\n" + std::string(k_daemon_test_config));
    for (auto [id, name] : {std::pair{"ann", "Ann Able"}, {"mars", "Marvin Mars"}, {"broken", "Bo Roken"}}) {
      EXPECT_EQ(touchbase({"contact", "add", id, "--name", name}).exit_code, 0);
    }
    SQLite::Database db((dir_ / "state/touchbase.db").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE contacts SET timezone = 'Mars/Olympus' WHERE id = 'mars'");
    db.exec("UPDATE contacts SET contact_window = 'someday' WHERE id = 'broken'");
  }
  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path());
  }

  TempDir dir_;
  int port_ = free_local_port();
  NotifySocket notify_{dir_ / "notify.sock"};
  std::filesystem::path config_;
};

TEST_F(SkippedContactsProcessTest, StatusAndMetricsCountTheSkippedContactsAndTheOthersAreReminded) {
  DaemonProcess daemon({"--config", config_.string(), "run"}, dir_.path(),
                       {"NOTIFY_SOCKET=" + notify_.path().string()});
  ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon.err();
  ASSERT_TRUE(eventually([&] { return daemon.out().find("Ann Able") != std::string::npos; })) << daemon.err();

  auto status = touchbase({"status", "--json"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  const auto j = nlohmann::json::parse(status.out);
  ASSERT_EQ(j["skipped_contacts"].size(), 2u) << status.out;
  EXPECT_EQ(j["skipped_contacts"][0]["contact"], "broken");
  EXPECT_EQ(j["skipped_contacts"][1]["contact"], "mars");

  auto text = touchbase({"status"});
  EXPECT_THAT(text.out, HasSubstr("skipped contacts: 2"));
  EXPECT_THAT(text.out, HasSubstr("  mars: its time zone 'Mars/Olympus' is not in this system's time zone database"));

  auto metrics = http_get(port_, "/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_THAT(metrics->body, HasSubstr("\ntouchbase_contacts_skipped 2\n"));

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(), 0) << daemon.err();
  EXPECT_THAT(daemon.out(), ::testing::Not(HasSubstr("Marvin Mars")));
}

}  // namespace
}  // namespace touchbase::testing
