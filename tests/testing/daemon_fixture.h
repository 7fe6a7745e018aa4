#pragma once
// A daemon on a real SQLite file, a fake clock and a recording notifier. The
// daemon reaches the store through `faulty_`, so a test can make any call fail.

#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include <boost/asio/io_context.hpp>

#include "config/load_config.h"
#include "service/daemon.h"
#include "tests/testing/faulty_store.h"
#include "tests/testing/recording_notifier.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {

// Windows and working hours span the whole week, so a follow-up is due
// exactly one cadence gap after the last touch.
inline constexpr std::string_view k_daemon_test_config = R"(
[defaults]
timezone = "Europe/Berlin"
contact_window = { days = "mon-sun", hours = "00:00-24:00" }
lead_time = "15m"
owner = "alice"
cadence = "prospect"

[owners.alice]
name = "Alice Moreno"
timezone = "Europe/Berlin"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["primary", "backup"]

[notifiers.primary]
kind = "console"

[notifiers.backup]
kind = "console"

[cadences.prospect]
steps = ["2d"]
repeat = true

[[talking_points]]
id = "benchmark"
text = "Share the onboarding benchmark"
link = "https://example.com/benchmark"
)";

class DaemonFixture : public ::testing::Test {
 protected:
  DaemonFixture() : clock_(parse_rfc3339("2026-11-23T10:00:00Z").value()) {
    store_ = open_sqlite_store(dir_ / "touchbase.db").value();
    faulty_ = std::make_unique<FaultyStore>(*store_);
    auto recorder = std::make_unique<RecordingNotifier>();
    notifier_ = recorder.get();
    notifiers_.add("primary", std::move(recorder));
    auto backup = std::make_unique<RecordingNotifier>();
    backup_ = backup.get();
    notifiers_.add("backup", std::move(backup));
    use_config(k_daemon_test_config);
  }

  // Runs the daemon on `text` from now on.
  void use_config(std::string_view text) {
    auto loaded = load_config_text(text, "daemon-test.toml", clock_.now());
    if (!loaded) throw std::runtime_error(loaded.error().front().to_string());
    daemon_.reset();
    config_ = std::move(loaded).value();
    daemon_ = std::make_unique<Daemon>(io_, config_, *faulty_, clock_, notifiers_);
  }

  Contact contact(std::string id, std::string name, std::optional<Instant> last_touch = std::nullopt,
                  double value = 0) {
    Contact c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.last_touch = last_touch;
    c.value = value;
    EXPECT_TRUE(store_->add_contact(c).ok());
    return c;
  }

  // One pass at the clock's time; deliveries finish on the io_context.
  Instant pass() {
    auto wake = daemon_->pass();
    EXPECT_TRUE(wake.ok()) << wake.error().message;
    io_.poll();
    io_.restart();
    return wake.ok() ? *wake : clock_.now();
  }

  std::vector<std::string> delivered_ids() const {
    std::vector<std::string> ids;
    for (const auto& m : notifier_->delivered) ids.push_back(m.contact_id);
    return ids;
  }

  TempDir dir_;
  FakeClock clock_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<FaultyStore> faulty_;    // what the daemon uses: store_, failing when told to
  RecordingNotifier* notifier_ = nullptr;  // the owner's first notifier, "primary"
  RecordingNotifier* backup_ = nullptr;    // the owner's fallback, "backup"
  NotifierSet notifiers_;
  boost::asio::io_context io_;
  std::unique_ptr<Daemon> daemon_;
};

}  // namespace touchbase::testing
