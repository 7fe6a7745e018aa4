#pragma once
// The world the soak (soak_test.cpp) runs: a config of owners and a
// database of contacts in a temporary directory, the daemon on them at a
// fake clock's time, two notifiers whose answers it draws at random, and the
// random events of a salesperson's week. What it records for the checks of
// soak_checks.h is kept in a memory resource of its own, allocated up front.
//
// Not thread-safe; everything runs on the test's thread.

#include <memory>
#include <memory_resource>
#include <random>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "core/clock.h"
#include "delivery/notifier_factory.h"
#include "service/daemon.h"
#include "tests/service/soak_checks.h"
#include "tests/testing/faulty_store.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {

// The min_gap of every cadence of the soak's configs.
inline constexpr Seconds k_soak_min_gap = std::chrono::hours(20);

struct SoakSize {
  std::uint64_t seed = 1;
  int owners = 20;
  int contacts = 500;
  int days = 2;
};

// What the soak records, in `arena`.
struct SoakLog {
  explicit SoakLog(std::size_t arena_bytes);
  std::vector<std::byte> buffer;
  std::pmr::monotonic_buffer_resource arena;
  std::pmr::vector<Delivery> deliveries{&arena};
  AllowedRepeats allowed_repeats{&arena};
  std::pmr::vector<QuietSpan> quiet{&arena};
  std::vector<LimitsFrom> limits;
};

// What the store holds, read for the checks.
struct SoakState {
  std::vector<StoredReminder> reminders;
  std::vector<OutboxRow> notice_rows;
  std::map<std::string, std::vector<Instant>> touches;  // logged, and each contact's last_touch
};

class SoakNotifier;

class SoakWorld {
 public:
  explicit SoakWorld(const SoakSize& size);
  ~SoakWorld();

  // One simulated day of passes and events.
  void run_day();
  // The follow-ups the engine says are due by now.
  std::vector<FollowUpKey> due_follow_ups();
  // No more events, faults or failures, limits raised: passes until every
  // follow-up due is reminded and the outbox is empty, a day at most.
  void drain();

  SoakState read_state();
  const SoakLog& log() const { return log_; }
  const Config& config() const { return config_; }
  // How many events of each kind ran, as text.
  std::string counts() const;

 private:
  // The daemon's config: its cadence gap and daily limits by `variant`.
  void write_config(int variant, int limit_scale);
  void start_daemon();
  void stop_daemon();
  void allow_repeats_of_unrecorded();
  void add_contacts();
  // One pass at the clock's time; when the next is due.
  Instant pass();
  void random_event();
  void log_touch(const std::string& id);
  void quiet_command(const std::string& id);
  void resume(const std::string& id);
  void quiet_from_now(const std::string& id, Instant until);
  void import_edits();
  void reload();
  void restart();
  void crash();
  void store_fault();
  void weather();
  bool command(std::vector<std::string> args);
  std::string some_contact();
  Instant next_event_at();

  SoakSize size_;
  std::mt19937_64 random_;
  SoakLog log_;
  TempDir dir_;
  std::filesystem::path config_path_;
  FakeClock clock_;
  Config config_;
  int variant_ = 0;
  std::unique_ptr<Store> store_;
  std::unique_ptr<FaultyStore> faulty_;
  NotifierSet notifiers_;
  SoakNotifier* primary_ = nullptr;
  SoakNotifier* backup_ = nullptr;
  boost::asio::io_context io_;
  std::unique_ptr<Daemon> daemon_;
  Instant next_event_;
  std::map<std::string, int> counts_;
  std::size_t deliveries_seen_ = 0;  // by allow_repeats_of_unrecorded
};

}  // namespace touchbase::testing
