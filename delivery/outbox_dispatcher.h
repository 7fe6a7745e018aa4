#pragma once
// Delivering outbox rows through the notifiers, at least once: a row leaves
// the outbox only when its notifier reports success; what becomes of a row
// whose delivery failed is decided by retry_policy.h and recorded at once. A
// notifier whose endpoint answered 410 Gone is disabled for the rest of the
// process.
//
// dispatch_ready() keeps up to k_max_in_flight deliveries going through each
// notifier, starting more as they finish, until no row is ready or stop() is
// called. Each notifier has its own share and its own rate: a backlog held
// back by one notifier never delays the rows of another. Failures are
// recorded at once; successes together, k_record_batch at a time (see there).
// A row is marked delivered only after its notifier reported success; a crash
// before that leaves it pending, so it is sent again with the same
// idempotency key, and nothing is lost. Each attempt a notifier answered is
// reported to the DeliveryObserver, if one is given.
//
// When the store refuses to record an outcome (unrecorded_outcomes.h), the
// outcome is kept in memory and its row is not sent again; no new delivery
// starts until every kept outcome is written. dispatch_ready() tries writing
// them again once record_retry_at() has come; unrecorded() says why they wait.
//
// Not thread-safe: used from the daemon's event loop, on which the notifiers
// call back.

#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "config/config.h"
#include "core/clock.h"
#include "delivery/delivery_attempt.h"
#include "delivery/notifier_factory.h"
#include "delivery/rate_limiter.h"
#include "delivery/retry_policy.h"
#include "delivery/unrecorded_outcomes.h"
#include "notifiers/notifier.h"
#include "store/store.h"

namespace touchbase {

// Deliveries the dispatcher keeps started at once through each notifier. The
// transfers wait in the notifiers' engine for a connection (it keeps to its
// per-host limit), so one finishing is followed at once by the next.
inline constexpr std::size_t k_max_in_flight = 64;
// Successes are recorded this many at a time, or after k_record_delay, or at
// once when nothing else is in flight: far fewer commits, and a crash can
// only repeat these few, with their keys.
inline constexpr std::size_t k_record_batch = 32;
inline constexpr std::chrono::milliseconds k_record_delay{10};

class OutboxDispatcher {
 public:
  // On `io`, which the notifiers call back on; the owner calls stop() when it
  // stops. All references must outlive the dispatcher. `observer` may be empty.
  OutboxDispatcher(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock,
                   NotifierSet& notifiers, DeliveryObserver observer = {});
  // Records the successes not recorded yet.
  ~OutboxDispatcher();
  OutboxDispatcher(const OutboxDispatcher&) = delete;
  OutboxDispatcher& operator=(const OutboxDispatcher&) = delete;

  // Writes the outcomes kept in memory if record_retry_at() has come; then,
  // unless some still wait, starts delivering every ready row that is not
  // already in flight, k_max_in_flight at a time through each notifier.
  Status dispatch_ready();
  // Starts no more deliveries until the next dispatch_ready(); those in
  // flight finish and their outcomes are recorded.
  void stop() { draining_ = false; }
  // When a row held back by its notifier's rate can go, if any is.
  std::optional<Instant> throttled_until() const { return limiter_.next_token_at(); }
  // When to try again writing the outcomes the store refused, if any wait.
  std::optional<Instant> record_retry_at() const { return unrecorded_.retry_at(); }
  // Why outcomes wait in memory, while they do.
  std::optional<RecordOutage> unrecorded() const { return unrecorded_.outage(); }
  // Gives the outcomes waiting to be written to `next`, which takes over.
  // REQUIRES: idle(); `next` has started nothing yet.
  void hand_over_unrecorded(OutboxDispatcher& next) { next.unrecorded_ = std::exchange(unrecorded_, {}); }
  // No delivery is in flight and every outcome has been handed to the store
  // (those it refused wait in unrecorded()).
  bool idle() const { return in_flight_.empty() && delivered_.empty(); }
  // Called when the dispatcher becomes idle: after the outcome that was the
  // last in flight is recorded, once no row is left to start.
  void on_idle(std::function<void()> callback) { on_idle_ = std::move(callback); }
  // Errors met while recording outcomes in callbacks, since the last call.
  std::vector<Error> take_errors() { return std::exchange(errors_, {}); }

 private:
  // Whose a row's reminder or notice is, and when it was made.
  struct Origin {
    std::string owner;
    Instant created_at;
  };

  // Starts the ready rows that are not in flight, within each notifier's
  // share and rate; returns how many.
  Result<std::size_t> start_ready();
  // The rows of `ready` to start now, oldest first; notes in held_for_room_
  // the notifiers whose share is full.
  std::vector<OutboxRow> choose(std::vector<OutboxRow>& ready, Instant now);
  // The row is in flight, or its outcome waits to be written.
  bool busy(std::int64_t row_id) const;
  // After outcomes came in: worth reading the outbox again.
  bool worth_claiming() const;
  // Delivers `message`, or fails the row for good when there is none.
  void start(const OutboxRow& row, Result<ReminderMessage> message);
  // The text each row delivers, in their order, or why it cannot be
  // delivered at all: the message kept with its reminder, else one made now.
  // An error when the store cannot be read.
  Result<std::vector<Result<ReminderMessage>>> messages_for(std::span<const OutboxRow> rows);
  // The messages of reminders kept without one (made before messages were
  // kept), by reminder id, from their contacts and histories as they are
  // now, read in one query per table; without idempotency keys.
  Result<std::unordered_map<std::int64_t, Result<ReminderMessage>>> messages_made_now(
      std::span<const std::int64_t> reminder_ids);
  Result<ReminderMessage> notice_message(const OutboxRow& row);
  Result<std::optional<Origin>> origin_of(const OutboxRow& row);
  // The outcome of an attempt the notifier answered: recorded, or kept for
  // the next batch, and reported.
  void finish(const OutboxRow& row, const std::string& contact_id, const DeliveryResult& result);
  // A row no notifier can take: a permanent failure, not reported (no attempt was made).
  void fail_unsent(const OutboxRow& row, const std::string& why);
  // Records the failure; the row's fate. When the store cannot record it, or
  // outcomes already wait, it is kept in unrecorded_: retry.
  DeliveryFate fail(const OutboxRow& row, const DeliveryFailure& failure);
  // Writes the outcomes kept in unrecorded_, until the store refuses one.
  void retry_unrecorded(Instant now);
  void write_refused(const Error& error, Instant now);
  // After outcomes came in: at the end of this turn of the loop.
  void end_turn_soon();
  // Starts more rows while draining, records the successes when it is time,
  // and tells on_idle.
  void end_turn();
  void record_delivered();
  // Records the successes after k_record_delay, unless done before.
  void record_soon();
  void keep_error(const Error& error);
  // Decides the row's fate (retry_policy.h), writes it and logs it.
  Result<DeliveryFate> record_failure(const OutboxRow& row, const DeliveryFailure& failure);
  Status write_fate(const OutboxRow& row, const DeliveryFailure& failure, const FailureFate& fate, Instant now);
  // The owner's next notifier after the row's, skipping disabled ones.
  std::optional<std::string> fallback_for(const OutboxRow& row, const std::string& owner) const;

  const Config& config_;
  Store& store_;
  const Clock& clock_;
  NotifierSet& notifiers_;
  DeliveryObserver observer_;
  boost::asio::io_context& io_;
  bool draining_ = false;
  bool turn_end_posted_ = false;
  std::map<std::int64_t, std::string> in_flight_;                      // started, no outcome yet: their notifiers
  std::map<std::string, std::size_t, std::less<>> in_flight_through_;  // how many, by notifier
  std::set<std::string, std::less<>> held_for_room_;  // notifiers whose share was full at the last claim
  UnrecordedOutcomes unrecorded_;
  std::vector<std::int64_t> delivered_;  // succeeded, not recorded yet: not started again
  std::map<std::string, std::vector<std::int64_t>> delivered_through_;  // the same, by notifier
  boost::asio::steady_timer record_timer_;
  bool record_timer_armed_ = false;
  std::set<std::string, std::less<>> gone_;  // notifiers whose endpoint answered 410 Gone
  RateLimiter limiter_;
  std::vector<Error> errors_;
  std::function<void()> on_idle_;
  std::mt19937 random_{std::random_device{}()};
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // for the turn end posted to io_
};

}  // namespace touchbase
