// The Service in one process: reload, graceful stop and re-planning, on a real
// SQLite file, a fake clock and notifiers the test controls.
#include "service/service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "config/load_config.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

// Whole-week windows: a follow-up is due exactly one cadence gap after the last touch.
std::string service_config(std::string_view steps, std::string_view grace = "30s") {
  return "[daemon]\ndatabase = \"state/touchbase.db\"\nstop_grace_period = \"" + std::string(grace) + "\"\n" +
         R"(
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
steps = [)" +
         std::string(steps) + "]\nrepeat = true\n";
}

// What the test's notifiers share: every message, and the deliveries held
// back when `hold` is set, to be finished by the test.
struct Deliveries {
  bool hold = false;
  std::vector<ReminderMessage> messages;
  std::vector<Notifier::Done> held;

  void release_all() {
    for (auto& done : std::exchange(held, {})) done(DeliveryResult{});
  }
};

class TestNotifier final : public Notifier {
 public:
  explicit TestNotifier(Deliveries& deliveries) : deliveries_(deliveries) {}
  void deliver(const ReminderMessage& message, Done done) override {
    deliveries_.messages.push_back(message);
    if (deliveries_.hold) {
      deliveries_.held.push_back(std::move(done));
    } else {
      done(DeliveryResult{});
    }
  }

 private:
  Deliveries& deliveries_;
};

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest() : clock_(parse_rfc3339("2026-11-23T10:00:00Z").value()) {}

  void open(std::string_view config_text) {
    config_path_ = dir_.write("touchbase.toml", config_text);
    auto config = load_config(config_path_, clock_.now());
    ASSERT_TRUE(config.ok()) << config.error().front().to_string();
    ServiceOptions options;
    options.config_path = config_path_;
    options.clock = &clock_;
    options.make_notifiers = [this](const Config& c, boost::asio::io_context&) -> Result<NotifierSet> {
      NotifierSet set;
      for (const auto& [name, n] : c.notifiers) set.add(name, std::make_unique<TestNotifier>(deliveries_));
      return set;
    };
    auto service = Service::open(std::move(config).value(), std::move(options));
    ASSERT_TRUE(service.ok()) << service.error().message;
    service_ = std::move(service).value();
    store_ = open_sqlite_store(dir_ / "state/touchbase.db").value();
  }

  void add_contact(std::string id) {
    Contact c;
    c.id = std::move(id);
    c.name = c.id;
    ASSERT_TRUE(store_->add_contact(c).ok());
  }

  // Runs the event loop until `condition` holds (or the service stops), within a deadline.
  bool run_until(const std::function<bool()>& condition) {
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!condition()) {
      if (service_->stopped() || std::chrono::steady_clock::now() > deadline) return condition();
      service_->io().run_one_for(20ms);
    }
    return true;
  }

  // Runs what is ready now, without waiting.
  void settle() {
    while (!service_->stopped() && service_->io().poll() > 0) {
    }
  }

  std::vector<Reminder> reminders(std::string_view contact) { return store_->reminders(contact).value(); }
  OutboxRow row_of(const Reminder& r) { return store_->outbox_rows(r.id).value().at(0); }

  TempDir dir_;
  FakeClock clock_;
  std::filesystem::path config_path_;
  Deliveries deliveries_;
  std::unique_ptr<Service> service_;
  std::unique_ptr<Store> store_;
};

TEST_F(ServiceTest, AReloadThatShortensTheCadenceReplansWithoutResending) {
  // Given a contact reminded at 10:00 on a 2-day cadence, a reload to a
  // 1-day cadence a day later reminds the next touch at once, and the first
  // reminder is neither sent again nor dropped.
  open(service_config(R"("2d")"));
  add_contact("nina");
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 1; }));

  clock_.advance(std::chrono::days(1));
  dir_.write("touchbase.toml", service_config(R"("1d")"));
  service_->reload();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 2 && !service_->reloading(); }));
  settle();

  auto made = reminders("nina");
  ASSERT_EQ(made.size(), 2u);
  EXPECT_EQ(format_rfc3339(made[0].due_at), "2026-11-23T10:00:00Z");
  EXPECT_EQ(format_rfc3339(made[1].due_at), "2026-11-24T10:00:00Z");
  EXPECT_EQ(made[1].step, 2);
  for (const Reminder& r : made) {
    EXPECT_EQ(row_of(r).state, OutboxState::delivered);
    EXPECT_EQ(row_of(r).attempts, 1);
  }
  EXPECT_EQ(deliveries_.messages.size(), 2u);
  EXPECT_THAT(service_->metrics().prometheus_text({}),
              HasSubstr("touchbase_config_reloads_total{result=\"success\"} 1"));
}

TEST_F(ServiceTest, AnInvalidReloadKeepsTheConfigInForceAndResendsNothing) {
  open(service_config(R"("2d")"));
  add_contact("nina");
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 1; }));

  dir_.write("touchbase.toml", service_config(R"("1d")") + "stpes = [\"3d\"]\n");
  service_->reload();
  settle();
  EXPECT_FALSE(service_->reloading());
  EXPECT_EQ(deliveries_.messages.size(), 1u);
  EXPECT_THAT(service_->metrics().prometheus_text({}),
              HasSubstr("touchbase_config_reloads_total{result=\"failure\"} 1"));

  // A day later the 2-day cadence in force says nothing is due; two days later it is.
  clock_.advance(std::chrono::days(1));
  service_->replan();
  settle();
  EXPECT_EQ(deliveries_.messages.size(), 1u);
  clock_.advance(std::chrono::days(1));
  service_->replan();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 2; }));
  EXPECT_EQ(format_rfc3339(reminders("nina").at(1).due_at), "2026-11-25T10:00:00Z");
}

TEST_F(ServiceTest, AReloadWaitsForDeliveriesInFlightSoNoneIsSentTwice) {
  // Given a delivery in flight, the new daemon starts only after it finished:
  // its row is not picked up again while the old daemon still holds it.
  open(service_config(R"("2d")"));
  add_contact("nina");
  deliveries_.hold = true;
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.held.size() == 1; }));

  dir_.write("touchbase.toml", service_config(R"("1d")"));
  service_->reload();
  settle();
  EXPECT_TRUE(service_->reloading());
  EXPECT_EQ(deliveries_.messages.size(), 1u);

  deliveries_.hold = false;
  deliveries_.release_all();
  ASSERT_TRUE(run_until([&] { return !service_->reloading(); }));
  settle();
  EXPECT_EQ(deliveries_.messages.size(), 1u);
  EXPECT_EQ(row_of(reminders("nina").at(0)).state, OutboxState::delivered);
}

TEST_F(ServiceTest, AStopLetsDeliveriesInFlightFinishWithinTheGracePeriod) {
  open(service_config(R"("2d")", "30s"));
  add_contact("ann");
  add_contact("ben");
  deliveries_.hold = true;
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.held.size() == 2; }));

  service_->stop();
  settle();
  EXPECT_FALSE(service_->stopped()) << "stopped with deliveries in flight and time left";
  // No new work is taken after the stop: a due follow-up stays unreminded.
  clock_.advance(std::chrono::days(2));
  service_->replan();
  settle();

  deliveries_.release_all();
  ASSERT_TRUE(run_until([&] { return service_->stopped(); }));
  EXPECT_EQ(deliveries_.messages.size(), 2u);
  for (const char* id : {"ann", "ben"}) {
    ASSERT_EQ(reminders(id).size(), 1u) << id;
    EXPECT_EQ(row_of(reminders(id).at(0)).state, OutboxState::delivered) << id;
  }
}

TEST_F(ServiceTest, DeliveriesStillInFlightWhenTheGracePeriodEndsStayInTheOutbox) {
  open(service_config(R"("2d")", "0s"));
  add_contact("ann");
  deliveries_.hold = true;
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.held.size() == 1; }));
  auto key = deliveries_.messages.at(0).idempotency_key;

  service_->stop();
  ASSERT_TRUE(run_until([&] { return service_->stopped(); }));
  OutboxRow row = row_of(reminders("ann").at(0));
  EXPECT_EQ(row.state, OutboxState::pending);
  EXPECT_EQ(row.attempts, 0);
  EXPECT_EQ(row.idempotency_key, key);
}

TEST_F(ServiceTest, ASecondStopRequestStopsAtOnce) {
  open(service_config(R"("2d")", "10m"));
  add_contact("ann");
  deliveries_.hold = true;
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.held.size() == 1; }));
  service_->stop();
  settle();
  EXPECT_FALSE(service_->stopped());
  service_->stop();
  EXPECT_TRUE(service_->stopped());
}

TEST_F(ServiceTest, AReloadThatChangesTheDatabaseIsRefused) {
  open(service_config(R"("2d")"));
  service_->start();
  settle();
  std::string moved = service_config(R"("2d")");
  moved.replace(moved.find("state/touchbase.db"), 18, "other/touchbase.db");
  dir_.write("touchbase.toml", moved);
  service_->reload();
  settle();
  EXPECT_FALSE(service_->reloading());
  EXPECT_THAT(service_->metrics().prometheus_text({}),
              HasSubstr("touchbase_config_reloads_total{result=\"failure\"} 1"));
}

TEST_F(ServiceTest, AReloadReadsTheTalkingPointsFolderAgainAndReleasesAFollowUpThatWaited) {
  // Given a cadence that requires a talking point and an empty library
  // folder, the follow-up waits and the owner is told; a file added to the
  // folder and a reload send it with that point.
  std::filesystem::create_directories(dir_ / "library");
  std::string config = service_config(R"("2d")") + "require_talking_point = true\n";
  config.insert(config.find("stop_grace_period"), "talking_points_dir = \"library\"\n");
  open(config);
  add_contact("nina");
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 1; }));
  EXPECT_EQ(deliveries_.messages[0].headline, "No fresh talking point for untagged / any stage");
  EXPECT_TRUE(reminders("nina").empty());

  dir_.write("library/news.toml", "[[talking_points]]\nid = \"news\"\ntext = \"Share the Q4 news\"\n");
  service_->reload();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 2 && !service_->reloading(); }));
  EXPECT_EQ(deliveries_.messages[1].talking_point, "Share the Q4 news");
  auto made = reminders("nina");
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0].talking_point, "news");
}

// A calendar of one all-day event.
std::string one_day_calendar(std::string_view date, std::string_view name) {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:day@test\r\nSUMMARY:" +
         std::string(name) + "\r\nDTSTART;VALUE=DATE:" + std::string(date) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}

TEST_F(ServiceTest, AReloadReadsTheHolidayCalendarsAgain) {
  // Given a contact reminded Mon 10:00 on a 2-day cadence and a calendar
  // without Wednesday, a day off added to the calendar for Wednesday and a
  // reload move the next follow-up to Thursday, midnight in Berlin.
  dir_.write("holidays.ics", one_day_calendar("20261231", "New Year's Eve"));
  open(service_config(R"("2d")") + "\n[holidays]\ncalendars = [\"holidays.ics\"]\n");
  add_contact("nina");
  service_->start();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 1; }));

  clock_.set(parse_rfc3339("2026-11-26T01:00:00Z").value());
  dir_.write("holidays.ics", one_day_calendar("20261125", "Company day"));
  service_->reload();
  ASSERT_TRUE(run_until([&] { return deliveries_.messages.size() == 2 && !service_->reloading(); }));
  auto made = reminders("nina");
  ASSERT_EQ(made.size(), 2u);
  EXPECT_EQ(format_rfc3339(made[1].due_at), "2026-11-25T23:00:00Z");
  EXPECT_THAT(made[1].why, HasSubstr("Wed 25 Nov is Company day"));
}

}  // namespace
}  // namespace touchbase::testing
