#pragma once
// The daemon's loop on one Asio io_context: a pass creates the reminders
// that have come due and starts the deliveries that are ready; a timer wakes
// it at the next instant anything is due (the stored decisions say when, see
// reminders/reminder_maker.h), and at least every k_max_sleep, in case a
// change made by another process came without a wake-up. Wall-clock jumps
// wake it too (service/wall_clock_watch.h). A pass
// also prunes old delivered outbox rows (service/outbox_pruner.h). Between
// passes, the deliveries that become ready (a retry, a row held back by its
// notifier's rate, a fallback) are started without a whole pass. While
// started, a command that changes contacts wakes it at once (service/wakeup.h).
//
// Everything runs on the io_context's thread; the object is not thread-safe.

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "config/config.h"
#include "core/clock.h"
#include "delivery/outbox_dispatcher.h"
#include "reminders/reminder_maker.h"
#include "scheduler/cadence_engine.h"
#include "service/metrics.h"
#include "service/outbox_pruner.h"
#include "service/wakeup.h"
#include "store/store.h"

namespace touchbase {

inline constexpr Seconds k_max_sleep = std::chrono::minutes(10);
inline constexpr Seconds k_retry_after_error{5};
// How long the daemon's writes wait for another process's lock (an import)
// before failing, to be tried again later: one write holds the event loop, and
// with it the watchdog's ping, at most this long.
inline constexpr std::chrono::milliseconds k_daemon_busy_timeout{1000};

class Daemon {
 public:
  // All references must outlive the daemon.
  Daemon(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock, NotifierSet& notifiers);
  // Counts reminders created, each pass's outcome and each delivery attempt in `metrics`.
  Daemon(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock, NotifierSet& notifiers,
         Metrics& metrics);

  // One pass at clock.now(); returns when the next pass is needed.
  Result<Instant> pass();
  // Runs passes on the timer until stop().
  void start();
  // Stops planning passes; deliveries in flight go on until they finish.
  void stop();
  // Runs a pass now instead of at the planned instant (the wall clock jumped).
  void wake();
  // No delivery is in flight.
  bool idle() const { return dispatcher_.idle(); }
  // Why delivery outcomes wait in memory to be written, while they do
  // (delivery/unrecorded_outcomes.h).
  std::optional<RecordOutage> unrecorded_outcomes() const { return dispatcher_.unrecorded(); }
  // Gives the outcomes waiting to be written to the daemon that takes over
  // (a reload), so that it does not send their rows again.
  void hand_over_unrecorded_outcomes(Daemon& next) { dispatcher_.hand_over_unrecorded(next.dispatcher_); }
  // Posts `callback` on the io_context once no delivery is in flight (at once
  // if none is). One callback at a time; a later call replaces it.
  void when_idle(std::function<void()> callback);
  // `run --once`: passes until every changed contact is decided (one, unless
  // more than k_changes_per_pass changed), then runs the io_context until no delivery is in
  // flight; then, while a row becomes ready within k_catch_up_spacing (the
  // late reminders after downtime go out that far apart, a quick retry, a
  // notifier's rate), waits for it on the clock and delivers it too. Rows
  // that failed and wait longer stay in the outbox for a later run. An error
  // when outcomes could not be recorded.
  Status run_once();

 private:
  // `metrics` may be nullptr.
  Daemon(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock, NotifierSet& notifiers,
         Metrics* metrics);
  // Starts the ready deliveries; returns when the loop must wake next.
  Result<Instant> dispatch(Instant now);
  void schedule(Instant wake);
  void on_timer();
  void on_drain_end();
  // Logs the errors met, and sets the timer for `wake`, or to retry soon after an error.
  void sleep_until(const Result<Instant>& wake);
  // Runs the io_context until no delivery is in flight.
  void drain();
  // When the next row not yet tried becomes ready, if within k_catch_up_spacing
  // of now and later than `waited` (a row ready at or before it that is still
  // waiting cannot go in this run).
  Result<std::optional<Instant>> ready_soon(std::optional<Instant> waited);

  boost::asio::io_context& io_;
  const Clock& clock_;
  Store& store_;
  CadenceEngine engine_;
  ReminderMaker reminders_;
  OutboxDispatcher dispatcher_;
  OutboxPruner pruner_;  // old delivered rows, at the first pass and then hourly
  boost::asio::steady_timer timer_;
  bool running_ = false;
  Metrics* metrics_;
  std::optional<Instant> next_reminder_at_;  // as of the last pass
  Instant next_pass_at_ = Instant::min();    // when the next whole pass is due
  bool pass_wanted_ = true;                  // a whole pass at the next wake, whatever its time
  bool unfinished_ = false;                  // the last pass left changed contacts to decide
  std::function<void()> idle_callback_;
  WakeupListener wakeup_;  // listening while started (service/wakeup.h)
};

}  // namespace touchbase
