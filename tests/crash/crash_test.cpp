// The real `touchbase run` killed with SIGKILL at random moments while a
// burst of reminders is being made and delivered to a real HTTP server, then
// restarted: no reminder is lost, a reminder delivered twice repeats its
// idempotency key, and the database stays sound.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/servers/server_process.h"
#include "tests/testing/daemon_process.h"
#include "tests/testing/run_command.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;

constexpr int k_contacts = 200;
constexpr int k_kills = 6;
constexpr unsigned k_seed = 20261123;
// A kill comes either after a random delay up to this long (while reminders
// are being made) or right after the server has seen a random number of
// further requests, up to k_max_requests_before_kill (while they are being
// delivered).
constexpr auto k_max_delay_before_kill = 400ms;
constexpr int k_max_requests_before_kill = 40;
constexpr auto k_drain_deadline = 20s;
// "whsec_" and the base64 of the bytes 1..32.
constexpr std::string_view k_secret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

// Windows and working hours span the whole week, lead time is zero, the
// daily limit holds the whole burst and no contact has been touched: every
// contact's first follow-up is due, and sent, now.
std::string config_text(int port) {
  return R"([daemon]
database = "touchbase.db"
log_level = "info"

[defaults]
timezone = "UTC"
contact_window = "mon-sun 00:00-24:00"
lead_time = "0s"
owner = "alice"
cadence = "prospect"

[owners.alice]
name = "Alice Moreno"
timezone = "UTC"
working_hours = "mon-sun 00:00-24:00"
notify = ["crm"]
daily_limit = 1000

[notifiers.crm]
kind = "webhook"
url = "http://127.0.0.1:)" +
         std::to_string(port) + R"(/hook"
secret_file = "webhook-secret"

[cadences.prospect]
steps = ["30d"]
)";
}

std::string contacts_csv() {
  std::string csv = "id,name,email,company\n";
  for (int i = 0; i < k_contacts; ++i) {
    const auto n = std::to_string(i);
    csv += "contact-" + n + ",Contact " + n + ",c" + n + "@example.com,Company " + n + "\n";
  }
  return csv;
}

// One request the server recorded.
struct Received {
  std::string webhook_id;
  std::string contact_id;
  bool signature_valid = false;
};

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "server");
    server_ = std::make_unique<ServerProcess>("http_server.py", dir_ / "server",
                                              std::vector<std::string>{"--secret", std::string(k_secret)});
    ASSERT_TRUE(server_->ready()) << server_->error();
    dir_.write("webhook-secret", k_secret);
    config_ = dir_.write("touchbase.toml", config_text(server_->port()));
    const auto csv = dir_.write("contacts.csv", contacts_csv());
    const auto imported = touchbase({"import", csv.string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }

  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path());
  }

  // `touchbase run` with its output in its own folder, so every run's log is kept.
  std::unique_ptr<DaemonProcess> start_daemon(int run) {
    const auto run_dir = dir_ / ("run-" + std::to_string(run));
    std::filesystem::create_directories(run_dir);
    return std::make_unique<DaemonProcess>(std::vector<std::string>{"--config", config_.string(), "run"}, run_dir);
  }

  // Lines in the server's record so far (the last one may be half-written).
  int requests_seen() const {
    std::ifstream in(dir_ / "server" / "requests.jsonl");
    int lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    return lines;
  }

  std::vector<Received> received() const {
    std::vector<Received> out;
    for (const auto& r : server_->records("requests.jsonl")) {
      // A request cut off by a kill arrives with part of its body: it was never delivered.
      const auto body = nlohmann::json::parse(r.at("body").get<std::string>(), nullptr, /*allow_exceptions=*/false);
      if (body.is_discarded()) continue;
      out.push_back({r.at("headers").value("webhook-id", ""), body.at("data").at("contact_id").get<std::string>(),
                     r.at("signature_valid") == true});
    }
    return out;
  }

  // Waits for the moment this kill was drawn for: a delay, or a number of further requests.
  void wait_for_kill_moment(std::mt19937& random, DaemonProcess& daemon) {
    const bool by_requests = std::bernoulli_distribution(0.5)(random);
    if (!by_requests) {
      std::this_thread::sleep_for(std::uniform_int_distribution<int>(0, k_max_delay_before_kill.count())(random) * 1ms);
      return;
    }
    const int target = requests_seen() + std::uniform_int_distribution<int>(1, k_max_requests_before_kill)(random);
    eventually([&] { return requests_seen() >= target || daemon.wait_exit(0ms).has_value(); }, k_drain_deadline);
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::filesystem::path config_;
};

// Contact id -> the idempotency key of its reminder's outbox row.
std::map<std::string, std::string> keys_by_contact(SQLite::Database& db) {
  std::map<std::string, std::string> keys;
  SQLite::Statement q(db,
                      "SELECT r.contact_id, o.idempotency_key FROM outbox o JOIN reminders r ON r.id = o.reminder_id");
  while (q.executeStep()) keys.emplace(q.getColumn(0).getString(), q.getColumn(1).getString());
  return keys;
}

int count(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt();
}

// A reader waits this long for the daemon's recovery or checkpoint.
constexpr int k_busy_timeout_ms = 5000;

SQLite::Database open_read_only(const std::filesystem::path& database) {
  return SQLite::Database(database.string(), SQLite::OPEN_READONLY, k_busy_timeout_ms);
}

bool outbox_drained(const std::filesystem::path& database) {
  try {
    auto db = open_read_only(database);
    return count(db, "SELECT count(*) FROM outbox") == k_contacts &&
           count(db, "SELECT count(*) FROM outbox WHERE state = 'delivered'") == k_contacts;
  } catch (const SQLite::Exception&) {
    return false;  // not created yet, or busy past the timeout: ask again
  }
}

TEST_F(CrashTest, ABurstSurvivesRepeatedSigkillWithEveryReminderDeliveredUnderOneKey) {
  std::mt19937 random(k_seed);
  for (int run = 0; run < k_kills; ++run) {
    auto daemon = start_daemon(run);
    wait_for_kill_moment(random, *daemon);
    daemon->signal(SIGKILL);
    ASSERT_TRUE(daemon->wait_exit().has_value()) << "run " << run << " did not die";
    std::cout << "run " << run << " killed after the server had seen " << requests_seen() << " requests\n";
  }
  const int seen_before_last_run = requests_seen();

  auto daemon = start_daemon(k_kills);
  ASSERT_TRUE(eventually([&] { return outbox_drained(dir_ / "touchbase.db"); }, k_drain_deadline))
      << "not every reminder was delivered; requests seen: " << requests_seen() << "\n"
      << daemon->err() << daemon->out();
  daemon->signal(SIGTERM);
  ASSERT_EQ(daemon->wait_exit(), 0) << daemon->err() << daemon->out();

  auto db = open_read_only(dir_ / "touchbase.db");
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM reminders"), k_contacts) << "one reminder per contact";
  EXPECT_EQ(count(db, "SELECT count(*) FROM outbox WHERE state <> 'delivered'"), 0);
  const auto keys = keys_by_contact(db);
  ASSERT_EQ(keys.size(), static_cast<std::size_t>(k_contacts));

  std::map<std::string, int> deliveries;
  for (const Received& r : received()) {
    ++deliveries[r.contact_id];
    EXPECT_TRUE(r.signature_valid) << r.webhook_id;
    ASSERT_TRUE(keys.contains(r.contact_id)) << r.contact_id;
    EXPECT_EQ(r.webhook_id, keys.at(r.contact_id)) << "a repeated delivery must repeat its key";
  }
  EXPECT_EQ(deliveries.size(), static_cast<std::size_t>(k_contacts)) << "every contact is reminded";
  int repeated = 0;
  for (const auto& [contact, n] : deliveries) repeated += n - 1;
  std::cout << "requests before the last run: " << seen_before_last_run << ", in all: " << requests_seen()
            << ", repeated deliveries: " << repeated << "\n";

  const int seen = requests_seen();
  const auto once = touchbase({"run", "--once"});
  EXPECT_EQ(once.exit_code, 0) << once.err;
  EXPECT_EQ(requests_seen(), seen) << "run --once after the drain delivers nothing new";
}

}  // namespace
}  // namespace touchbase::testing
