#include "service/daemon.h"

#include <spdlog/spdlog.h>

namespace touchbase {

namespace {

constexpr std::chrono::milliseconds k_past_the_second{100};

DeliveryObserver observer_for(Metrics* metrics) {
  if (metrics == nullptr) return {};
  return [metrics](const DeliveryAttempt& attempt) { metrics->delivery_attempted(attempt); };
}

}  // namespace

Daemon::Daemon(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock,
               NotifierSet& notifiers)
    : Daemon(io, config, store, clock, notifiers, nullptr) {}

Daemon::Daemon(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock,
               NotifierSet& notifiers, Metrics& metrics)
    : Daemon(io, config, store, clock, notifiers, &metrics) {}

Daemon::Daemon(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock,
               NotifierSet& notifiers, Metrics* metrics)
    : io_(io),
      clock_(clock),
      store_(store),
      engine_(config),
      reminders_(config, engine_, store),
      dispatcher_(io, config, store, clock, notifiers, observer_for(metrics)),
      pruner_(store, config.daemon.keep_delivered),
      timer_(io),
      metrics_(metrics),
      wakeup_(io, wakeup_socket_path(config.daemon.database)) {
  dispatcher_.on_idle([this] {
    if (running_) boost::asio::post(io_, [this] { on_drain_end(); });
    if (idle_callback_) boost::asio::post(io_, std::exchange(idle_callback_, {}));
  });
}

Result<Instant> Daemon::pass() {
  Instant now = clock_.now();
  TB_TRY(ReminderPass created, reminders_.create_due_reminders(now));
  if (metrics_ != nullptr) {
    metrics_->reminders_created(created.created);
    metrics_->contacts_skipped(reminders_.skipped().last_pass());
  }
  next_reminder_at_ = created.next_remind_at;
  next_pass_at_ = std::min(now + k_max_sleep, created.next_pass_at.value_or(Instant::max()));
  unfinished_ = created.unfinished;
  if (unfinished_) next_pass_at_ = now;  // changed contacts wait to be decided
  auto wake = dispatch(now);
  pruner_.run_if_due(now);  // after the deliveries have started
  return wake;
}

Result<Instant> Daemon::dispatch(Instant now) {
  TB_TRY_STATUS(dispatcher_.dispatch_ready());
  TB_TRY(auto next_attempt, store_.next_outbox_attempt());
  Instant wake = std::min(now + k_max_sleep, next_pass_at_);
  // Rows ready now are in flight, or wait for their notifier's rate.
  if (next_attempt && *next_attempt > now) wake = std::min(wake, *next_attempt);
  if (auto throttled = dispatcher_.throttled_until()) wake = std::min(wake, *throttled);
  if (auto retry = dispatcher_.record_retry_at()) wake = std::min(wake, *retry);
  return std::max(wake, now);
}

void Daemon::start() {
  running_ = true;
  pass_wanted_ = true;
  boost::asio::post(io_, [this] { on_timer(); });
  // Commands that change contacts wake the daemon; without it it notices them within k_max_sleep.
  if (auto listening = wakeup_.listen([this] { wake(); }); !listening) {
    spdlog::warn("{}: changes made by other commands take effect within {}", listening.error().message,
                 format_duration(k_max_sleep));
  }
}

void Daemon::stop() {
  running_ = false;
  dispatcher_.stop();
  timer_.cancel();
  wakeup_.close();
}

void Daemon::wake() {
  if (!running_) return;
  pass_wanted_ = true;
  timer_.cancel();
  boost::asio::post(io_, [this] { on_timer(); });
}

void Daemon::when_idle(std::function<void()> callback) {
  if (idle()) return boost::asio::post(io_, std::move(callback));
  idle_callback_ = std::move(callback);
}

void Daemon::on_timer() {
  if (!running_) return;
  Instant now = clock_.now();
  // Woken for a retry or a rate: deliveries only, without a whole pass.
  if (!pass_wanted_ && now < next_pass_at_) return sleep_until(dispatch(now));
  pass_wanted_ = false;
  auto wake = pass();
  if (metrics_ != nullptr) metrics_->pass_finished(now, wake ? Status{} : Status(wake.error()), next_reminder_at_);
  sleep_until(wake);
}

void Daemon::on_drain_end() {
  if (running_ && dispatcher_.idle()) sleep_until(dispatch(clock_.now()));
}

void Daemon::sleep_until(const Result<Instant>& wake) {
  for (const Error& e : dispatcher_.take_errors()) spdlog::error("{}", e.message);
  if (!wake) {
    spdlog::error("{}; trying again in {}", wake.error().message, format_duration(k_retry_after_error));
    pass_wanted_ = true;
    return schedule(clock_.now() + k_retry_after_error);
  }
  schedule(*wake);
}

void Daemon::schedule(Instant wake) {
  timer_.expires_after(std::clamp(wake - clock_.now(), Seconds(0), k_max_sleep));
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) on_timer();
  });
}

void Daemon::drain() {
  io_.restart();
  while (!dispatcher_.idle() && io_.run_one() > 0) {
  }
}

Result<std::optional<Instant>> Daemon::ready_soon(std::optional<Instant> waited) {
  TB_TRY(auto next, store_.next_outbox_attempt());
  if (!next) return std::optional<Instant>();
  const Instant at = std::max(*next, dispatcher_.throttled_until().value_or(*next));
  if (at > clock_.now() + k_catch_up_spacing || (waited && at <= *waited)) return std::optional<Instant>();
  return std::optional<Instant>(at);
}

Status Daemon::run_once() {
  do {
    TB_TRY(Instant wake, pass());
    (void)wake;
  } while (unfinished_);  // every changed contact decided, as the first passes after an upgrade must
  drain();
  std::optional<Instant> waited;
  for (;;) {
    TB_TRY(auto soon, ready_soon(waited));
    if (!soon) break;
    waited = soon;
    // A little past the second it names: the clock reads whole seconds.
    timer_.expires_after(std::clamp(*soon - clock_.now(), Seconds(0), k_catch_up_spacing) + k_past_the_second);
    boost::system::error_code ignored;
    timer_.wait(ignored);
    TB_TRY_STATUS(dispatcher_.dispatch_ready());
    drain();
  }
  auto errors = dispatcher_.take_errors();
  if (!errors.empty()) return errors.front();
  if (auto outage = dispatcher_.unrecorded()) {
    return Error{outage->error.code,
                 "cannot record " + std::to_string(outage->waiting) + " delivery outcome(s): " + outage->error.message};
  }
  return {};
}

}  // namespace touchbase
