#pragma once
// Delivering outbox rows through the notifiers, at least once: a row leaves
// the outbox only when its notifier reports success; transient failures are
// retried with exponential backoff and jitter; permanent ones, and rows past
// the retry budget, become dead and are logged, and the reminder goes to the
// owner's next notifier in `notify`, if any. A notifier whose endpoint
// answered 410 Gone is disabled for the rest of the process.
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
#include "daemon/notifier_factory.h"
#include "daemon/rate_limiter.h"
#include "notifiers/notifier.h"
#include "store/store.h"

namespace touchbase {

inline constexpr Seconds k_first_retry_delay{30};
inline constexpr Seconds k_max_retry_delay{std::chrono::hours(1)};
inline constexpr Seconds k_retry_budget{std::chrono::hours(24)};
inline constexpr int k_dispatch_batch = 256;

// The delay before attempt number `attempts + 1`: doubling from
// k_first_retry_delay up to k_max_retry_delay, with up to 20% random jitter,
// and never shorter than `retry_after`.
Seconds retry_delay(int attempts, std::optional<Seconds> retry_after, std::mt19937& random);

class OutboxDispatcher {
 public:
  // All references must outlive the dispatcher.
  OutboxDispatcher(const Config& config, Store& store, const Clock& clock, NotifierSet& notifiers);

  // Starts delivering every ready row that is not already in flight.
  Status dispatch_ready();
  // When a row held back by its notifier's rate can go, if any is.
  std::optional<Instant> throttled_until() const { return limiter_.next_token_at(); }
  // No delivery is in flight.
  bool idle() const { return in_flight_.empty(); }
  // Called after a delivery's outcome is recorded and nothing is in flight.
  void on_idle(std::function<void()> callback) { on_idle_ = std::move(callback); }
  // Errors met while recording outcomes in callbacks, since the last call.
  std::vector<Error> take_errors() { return std::exchange(errors_, {}); }

 private:
  void start(const OutboxRow& row);
  void finish(const OutboxRow& row, const DeliveryResult& result);
  Status record_failure(const OutboxRow& row, const DeliveryFailure& failure);
  // The owner's next notifier after the row's, skipping disabled ones; "" if none.
  std::string fallback_for(const OutboxRow& row, const std::string& owner) const;

  const Config& config_;
  Store& store_;
  const Clock& clock_;
  NotifierSet& notifiers_;
  std::set<std::int64_t> in_flight_;
  std::set<std::string, std::less<>> gone_;
  RateLimiter limiter_;  // notifiers whose endpoint answered 410 Gone
  std::vector<Error> errors_;
  std::function<void()> on_idle_;
  std::mt19937 random_{std::random_device{}()};
};

}  // namespace touchbase
