#pragma once
// Delivering outbox rows through the notifiers, at least once: a row leaves
// the outbox only when its notifier reports success; transient failures are
// retried with exponential backoff and jitter; permanent ones, and rows past
// the retry budget, become dead and are logged.
//
// Not thread-safe: used from the daemon's event loop, on which the notifiers
// call back.

#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "config/config.h"
#include "core/clock.h"
#include "notifiers/notifier.h"
#include "store/store.h"

namespace touchbase {

inline constexpr Seconds k_first_retry_delay{30};
inline constexpr Seconds k_max_retry_delay{std::chrono::hours(1)};
inline constexpr Seconds k_retry_budget{std::chrono::hours(24)};
inline constexpr int k_dispatch_batch = 256;

using NotifierSet = std::map<std::string, std::unique_ptr<Notifier>, std::less<>>;

// The delay before attempt number `attempts + 1`: doubling from
// k_first_retry_delay up to k_max_retry_delay, with up to 20% random jitter,
// and never shorter than `retry_after`.
Seconds retry_delay(int attempts, std::optional<Seconds> retry_after, std::mt19937& random);

class OutboxDispatcher {
 public:
  // All references must outlive the dispatcher.
  OutboxDispatcher(const Config& config, Store& store, const Clock& clock, NotifierSet& notifiers)
      : config_(config), store_(store), clock_(clock), notifiers_(notifiers) {}

  // Starts delivering every ready row that is not already in flight.
  Status dispatch_ready();
  // No delivery is in flight.
  bool idle() const { return in_flight_.empty(); }
  // Called after a delivery's outcome is recorded and nothing is in flight.
  void on_idle(std::function<void()> callback) { on_idle_ = std::move(callback); }
  // Errors met while recording outcomes in callbacks, since the last call.
  std::vector<Error> take_errors() { return std::exchange(errors_, {}); }

 private:
  void start(const OutboxRow& row);
  void finish(const OutboxRow& row, const DeliveryResult& result);
  Status record_failure(const OutboxRow& row, const DeliveryFailure& failure, Instant created_at);

  const Config& config_;
  Store& store_;
  const Clock& clock_;
  NotifierSet& notifiers_;
  std::set<std::int64_t> in_flight_;
  std::vector<Error> errors_;
  std::function<void()> on_idle_;
  std::mt19937 random_{std::random_device{}()};
};

}  // namespace touchbase
