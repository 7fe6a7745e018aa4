// `touchbase run` as systemd runs it: the real binary as a child process,
// with a test NOTIFY_SOCKET, signals, its control socket and /metrics.
#include <signal.h>
#include <sys/stat.h>
#include <time.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/daemon_process.h"
#include "tests/testing/run_command.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr std::string_view k_rest_of_config = R"(
[defaults]
timezone = "Europe/Berlin"
contact_window = { days = "mon-sun", hours = "00:00-24:00" }
lead_time = "15m"

[owners.alice]
timezone = "Europe/Berlin"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["primary"]

[notifiers.primary]
kind = "console"

[cadences.prospect]
steps = ["2d"]
repeat = true
)";

long long monotonic_usec() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1'000;
}

// "name{labels}" -> value, for every sample; "# TYPE" lines -> their family names.
struct Scrape {
  std::map<std::string, double> samples;
  std::map<std::string, std::string> types;
};

Scrape parse_prometheus(const std::string& text) {
  Scrape s;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("# TYPE ")) {
      std::istringstream fields(line.substr(7));
      std::string name, type;
      fields >> name >> type;
      s.types[name] = type;
    } else if (!line.empty() && line[0] != '#') {
      auto space = line.rfind(' ');
      s.samples[line.substr(0, space)] = std::stod(line.substr(space + 1));
    }
  }
  return s;
}

class ServiceProcessTest : public ::testing::Test {
 protected:
  void write_config(std::string_view daemon_keys, std::string_view extra = "") {
    config_ = dir_.write("touchbase.toml", "[daemon]\ndatabase = \"state/touchbase.db\"\n" + std::string(daemon_keys) +
                                               std::string(k_rest_of_config) + std::string(extra));
  }
  CommandResult touchbase(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path(), env);
  }
  std::unique_ptr<DaemonProcess> start(std::vector<std::string> env = {}) {
    env.push_back("NOTIFY_SOCKET=" + notify_.path().string());
    return std::make_unique<DaemonProcess>(std::vector<std::string>{"--config", config_.string(), "run"}, dir_.path(),
                                           env);
  }

  TempDir dir_;
  NotifySocket notify_{dir_ / "notify.sock"};
  std::filesystem::path config_;
};

TEST_F(ServiceProcessTest, TellsSystemdItsStateThroughStartReloadAndStop) {
  int port = free_local_port();
  std::string daemon_keys = "http_listen = \"127.0.0.1:" + std::to_string(port) + "\"\n";
  write_config(daemon_keys);
  auto daemon = start({"WATCHDOG_USEC=100000"});

  auto ready = notify_.wait_for("READY=1");
  ASSERT_TRUE(ready) << daemon->err();
  EXPECT_THAT(*ready, HasSubstr("STATUS=running"));
  ASSERT_TRUE(notify_.wait_for("WATCHDOG=1")) << "the event loop pings the watchdog";
  ASSERT_TRUE(notify_.wait_for("WATCHDOG=1"));

  // A good reload: RELOADING=1 stamped with CLOCK_MONOTONIC, then READY=1.
  write_config(daemon_keys + "log_level = \"debug\"\n");
  long long before = monotonic_usec();
  daemon->signal(SIGHUP);
  auto reloading = notify_.wait_for("RELOADING=1");
  long long after = monotonic_usec();
  ASSERT_TRUE(reloading) << daemon->err();
  auto stamp = reloading->find("MONOTONIC_USEC=");
  ASSERT_NE(stamp, std::string::npos) << *reloading;
  long long usec = std::stoll(reloading->substr(stamp + 15));
  EXPECT_GE(usec, before);
  EXPECT_LE(usec, after);
  ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon->err();
  EXPECT_TRUE(eventually([&] { return daemon->err().find("configuration reloaded") != std::string::npos; }));

  // A bad reload: the errors are logged, the daemon goes on with the old config.
  write_config(daemon_keys, "stpes = [\"1d\"]\n");
  daemon->signal(SIGHUP);
  ASSERT_TRUE(notify_.wait_for("RELOADING=1"));
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  EXPECT_TRUE(eventually([&] { return daemon->err().find("did you mean 'steps'?") != std::string::npos; }))
      << daemon->err();
  EXPECT_THAT(daemon->err(), HasSubstr("reload refused, the config in force stays"));
  auto metrics = http_get(port, "/metrics");
  ASSERT_TRUE(metrics);
  auto scrape = parse_prometheus(metrics->body);
  EXPECT_EQ(scrape.samples["touchbase_config_reloads_total{result=\"success\"}"], 1);
  EXPECT_EQ(scrape.samples["touchbase_config_reloads_total{result=\"failure\"}"], 1);

  daemon->signal(SIGTERM);
  ASSERT_TRUE(notify_.wait_for("STOPPING=1"));
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->err();
}

TEST_F(ServiceProcessTest, MetricsAreServedInThePrometheusTextFormat) {
  int port = free_local_port();
  write_config("http_listen = \"127.0.0.1:" + std::to_string(port) + "\"\n");
  ASSERT_EQ(touchbase({"contact", "add", "now", "--name", "Nina Now"}).exit_code, 0);
  ASSERT_EQ(
      touchbase({"contact", "add", "later", "--name", "Lou Later", "--last-touch", "2099-01-01T10:00:00Z"}).exit_code,
      0);
  auto before = std::chrono::system_clock::now();
  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon->err();

  Scrape scrape;
  const std::string delivered = "touchbase_deliveries_total{notifier=\"primary\",outcome=\"delivered\"}";
  ASSERT_TRUE(eventually([&] {
    auto reply = http_get(port, "/metrics");
    if (!reply || reply->status != 200) return false;
    scrape = parse_prometheus(reply->body);
    return scrape.samples[delivered] == 1;
  })) << daemon->err();
  for (const auto& [sample, value] : scrape.samples) {
    std::string family = sample.substr(0, sample.find('{'));
    EXPECT_TRUE(scrape.types.contains(family)) << "no # TYPE line for " << family;
  }
  EXPECT_EQ(scrape.types["touchbase_deliveries_total"], "counter");
  EXPECT_EQ(scrape.types["touchbase_outbox_depth"], "gauge");
  EXPECT_EQ(scrape.samples["touchbase_reminders_created_total"], 1);
  EXPECT_EQ(scrape.samples["touchbase_contacts{status=\"active\"}"], 2);
  EXPECT_EQ(scrape.samples["touchbase_contacts{status=\"dormant\"}"], 0);
  EXPECT_EQ(scrape.samples["touchbase_outbox_depth"], 0);
  EXPECT_EQ(scrape.samples["touchbase_outbox_dead_rows"], 0);
  EXPECT_EQ(scrape.samples["touchbase_delivery_retries_total"], 0);
  EXPECT_EQ(scrape.samples["touchbase_deliveries_total{notifier=\"primary\",outcome=\"permanent_failure\"}"], 0);
  // Nina's second touch: two days after her first (now), reminded 15 minutes before.
  auto after = std::chrono::system_clock::now();
  auto unix = [](auto t) {
    return static_cast<double>(std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
  };
  double next_reminder = scrape.samples["touchbase_next_reminder_timestamp_seconds"];
  EXPECT_GE(next_reminder, unix(before) + 2 * 86400 - 15 * 60);
  EXPECT_LE(next_reminder, unix(after) + 2 * 86400 - 15 * 60);
  EXPECT_THAT(daemon->out(), HasSubstr("Nina Now"));

  auto health = http_get(port, "/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body, "ok\n");
  EXPECT_EQ(http_get(port, "/nothing-here")->status, 404);
  EXPECT_THAT(http_get(port, "/metrics")->headers, HasSubstr("text/plain; version=0.0.4"));

  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->err();
}

TEST_F(ServiceProcessTest, StatusAsksTheRunningDaemonAndSaysWhenNoneRuns) {
  write_config("");
  ASSERT_EQ(touchbase({"contact", "add", "later", "--name", "Lou", "--last-touch", "2099-01-01T10:00:00Z"}).exit_code,
            0);
  auto none = touchbase({"status"});
  EXPECT_EQ(none.exit_code, 69);
  EXPECT_THAT(none.err, HasSubstr("no touchbase daemon is running for this database"));

  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon->err();
  auto text = touchbase({"status"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("is running (pid " + std::to_string(daemon->pid()) + ")"));
  EXPECT_THAT(text.out, HasSubstr("contacts: 1 active"));
  EXPECT_THAT(text.out, HasSubstr("next reminder: 2099-01-03T09:45:00Z"));
  EXPECT_THAT(text.out, HasSubstr("outbox: 0 waiting"));
  auto json = touchbase({"status", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto s = nlohmann::json::parse(json.out);
  EXPECT_EQ(s["pid"], daemon->pid());
  EXPECT_EQ(s["state"], "running");
  EXPECT_EQ(s["contacts"]["active"], 1);
  EXPECT_EQ(s["outbox_depth"], 0);
  EXPECT_TRUE(s["recent_failures"].is_array());
  EXPECT_GE(s["uptime_seconds"].get<int>(), 0);

  daemon->signal(SIGTERM);
  ASSERT_EQ(daemon->wait_exit(), 0) << daemon->err();
  EXPECT_EQ(touchbase({"status"}).exit_code, 69);
}

TEST_F(ServiceProcessTest, OnTheJournalLogLinesCarryAPriorityAndNoTimestamp) {
  write_config("");
  ASSERT_EQ(touchbase({"contact", "add", "now", "--name", "Nina Now"}).exit_code, 0);
  // run_touchbase sends stderr to dir/.stderr: that file stands in for the journal's stream.
  auto stream = dir_.write(".stderr", "");
  struct stat st {};
  ASSERT_EQ(::stat(stream.c_str(), &st), 0);
  std::string journal = "JOURNAL_STREAM=" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  auto on_journal = touchbase({"run", "--once"}, {journal});
  ASSERT_EQ(on_journal.exit_code, 0) << on_journal.err;
  ASSERT_THAT(on_journal.err, HasSubstr("<6>reminder 1 for contact now"));
  std::istringstream lines(on_journal.err);
  for (std::string line; std::getline(lines, line);) EXPECT_THAT(line, ::testing::MatchesRegex("<[0-7]>.*"));

  ASSERT_EQ(touchbase({"contact", "add", "next", "--name", "Ned Next"}).exit_code, 0);
  auto elsewhere = touchbase({"run", "--once"}, {"JOURNAL_STREAM=1:1"});
  EXPECT_THAT(elsewhere.err, StartsWith("[20"));
  EXPECT_THAT(elsewhere.err, HasSubstr("[info] reminder 2 for contact next"));
  EXPECT_THAT(elsewhere.err, Not(HasSubstr("<6>")));
}

TEST_F(ServiceProcessTest, SecretsNeverReachTheLog) {
  const std::string secret = "https://hooks.slack.com/services/T000/B000/very-secret-token-4711";
  dir_.write("slack-url", secret + "\n");
  write_config("log_level = \"trace\"\n", "[notifiers.team]\nkind = \"slack\"\nurl_file = \"slack-url\"\n");
  ASSERT_EQ(touchbase({"contact", "add", "now", "--name", "Nina Now"}).exit_code, 0);
  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon->err();
  daemon->signal(SIGHUP);
  ASSERT_TRUE(notify_.wait_for("RELOADING=1"));
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  daemon->signal(SIGTERM);
  ASSERT_EQ(daemon->wait_exit(), 0) << daemon->err();
  EXPECT_THAT(daemon->err(), HasSubstr("configuration reloaded"));
  EXPECT_THAT(daemon->err(), Not(HasSubstr("very-secret-token")));
  EXPECT_THAT(daemon->out(), Not(HasSubstr("very-secret-token")));
}

}  // namespace
}  // namespace touchbase::testing
