#include "service/service.h"

#include <unistd.h>

#include <csignal>
#include <iostream>
#include <sstream>

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include "config/load_config.h"
#include "delivery/notifier_factory.h"
#include "service/logging.h"
#include "service/systemd_notify.h"
#include "store/store.h"

namespace touchbase {
namespace {

constexpr std::string_view k_metrics_content_type = "text/plain; version=0.0.4; charset=utf-8";

void log_error_lines(std::string_view prefix, const std::string& message) {
  std::istringstream lines(message);
  for (std::string line; std::getline(lines, line);) spdlog::error("{}{}", prefix, line);
}

}  // namespace

Result<std::unique_ptr<Service>> Service::open(Config config, ServiceOptions options) {
  if (!options.make_notifiers) {
    options.make_notifiers = [](const Config& c, boost::asio::io_context& io) {
      return make_notifiers(c, io, std::cout);
    };
  }
  TB_TRY(auto lock, DaemonLock::take(config.daemon.database));
  TB_TRY(auto store, open_store(config.daemon.database, SqliteStoreOptions{.busy_timeout = k_daemon_busy_timeout}));
  std::unique_ptr<Service> service(new Service(std::move(options), std::move(lock), std::move(store)));
  TB_TRY_STATUS(service->open_endpoints(config));
  TB_TRY(service->current_, service->make_generation(std::move(config)));
  auto watch = WallClockWatch::open(service->io_, [s = service.get()] {
    spdlog::info("the wall clock was set (now {}); planning again", format_rfc3339(s->clock_.now()));
    s->replan();
  });
  if (watch) service->wall_clock_ = std::move(watch).value();
  if (!watch) spdlog::warn("{}; wall-clock jumps are noticed within 10 minutes only", watch.error().message);
  return service;
}

Service::Service(ServiceOptions options, std::unique_ptr<DaemonLock> lock, std::unique_ptr<Store> store)
    : lock_(std::move(lock)),
      options_(std::move(options)),
      clock_(options_.clock != nullptr ? *options_.clock : system_clock_),
      store_(std::move(store)),
      metrics_(clock_.now(), options_.config_path.string()),
      signals_(io_),
      watchdog_(io_),
      grace_(io_) {}

Service::~Service() = default;

Status Service::open_endpoints(const Config& config) {
  TB_TRY(control_, ControlSocket::open(io_, *lock_, [this] { return answer_status(); }));
  if (config.daemon.http_listen.empty()) return {};
  TB_TRY(http_, HttpEndpoint::open(io_, config.daemon.http_listen,
                                   [this](std::string_view path) { return answer_http(path); }));
  return {};
}

Result<std::unique_ptr<Service::Generation>> Service::make_generation(Config config) {
  auto g = std::make_unique<Generation>();
  g->config = std::make_unique<Config>(std::move(config));
  TB_TRY(g->notifiers, options_.make_notifiers(*g->config, io_));
  for (const auto& [name, notifier_config] : g->config->notifiers) {
    if (g->notifiers.find(name) != nullptr) metrics_.declare_notifier(name);
  }
  g->daemon = std::make_unique<Daemon>(io_, *g->config, *store_, clock_, g->notifiers, metrics_);
  g->mailbox = std::make_unique<MailboxPoller>(io_, *g->config, *store_, clock_, [d = g->daemon.get()] { d->wake(); });
  return g;
}

std::optional<unsigned short> Service::http_port() const {
  if (!http_) return std::nullopt;
  return http_->port();
}

Status Service::run() {
  signals_.add(SIGHUP);
  signals_.add(SIGTERM);
  signals_.add(SIGINT);
  wait_for_signal();
  start();
  io_.run();
  return {};
}

void Service::wait_for_signal() {
  signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec || stopped_) return;
    if (signal == SIGHUP) {
      reload();
    } else {
      spdlog::info("{}: stopping", strsignal(signal));
      stop();
    }
    wait_for_signal();
  });
}

void Service::start() {
  const Config& config = *current_->config;
  spdlog::info("touchbase {} running: config {}, database {}, control socket {}{}", TOUCHBASE_VERSION,
               options_.config_path.string(), config.daemon.database.string(),
               control_socket_path(config.daemon.database).string(),
               http_ ? ", http on " + http_->local_address() : "");
  current_->daemon->start();
  current_->mailbox->start();
  arm_watchdog();
  // Posted after the daemon's first pass, which arms its timer.
  boost::asio::post(io_, [this] {
    if (!stopping_) notify_ready(status_line());
  });
}

std::string Service::status_line() const {
  return "running; config loaded at " + format_rfc3339(clock_.now());
}

void Service::arm_watchdog() {
  auto interval = watchdog_ping_interval();
  if (!interval || stopped_) return;
  notify_watchdog();
  watchdog_.expires_after(*interval);
  watchdog_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) arm_watchdog();
  });
}

Result<Config> Service::load_new_config() {
  auto loaded = load_config(options_.config_path, clock_.now());
  if (loaded) return std::move(loaded).value();
  std::string message;
  for (const ConfigError& e : loaded.error()) message += (message.empty() ? "" : "\n") + e.to_string();
  return Error::config(message);
}

void Service::reload() {
  if (stopping_) return;
  if (retiring_) {
    spdlog::info("reload requested while one is under way: reloading again once it is done");
    reload_again_ = true;
    return;
  }
  notify_reloading();
  spdlog::info("reloading {}", options_.config_path.string());
  if (auto applied = apply_reload(); !applied) {
    log_error_lines("reload refused, the config in force stays: ", applied.error().message);
    metrics_.reload_finished(ReloadOutcome::refused);
    notify_ready("running; the last reload was refused (see the log)");
  }
}

Status Service::apply_reload() {
  TB_TRY(Config config, load_new_config());
  const DaemonConfig& now_in_force = current_->config->daemon;
  if (config.daemon.database != now_in_force.database) {
    return Error::config("daemon.database changed from " + now_in_force.database.string() + " to " +
                         config.daemon.database.string() + ": restart touchbase to use another database");
  }
  std::string listen = config.daemon.http_listen;
  TB_TRY(auto next, make_generation(std::move(config)));
  std::unique_ptr<HttpEndpoint> http;
  bool http_changed = listen != now_in_force.http_listen;
  if (http_changed && !listen.empty()) {
    TB_TRY(http, HttpEndpoint::open(io_, listen, [this](std::string_view path) { return answer_http(path); }));
  }
  // Everything is ready: from here on nothing can fail.
  if (http_changed) http_ = std::move(http);
  setup_logging(next->config->daemon.log_level);
  retiring_ = std::move(current_);
  current_ = std::move(next);
  retiring_->daemon->stop();
  retiring_->mailbox->stop();
  retiring_->daemon->when_idle([this] { finish_reload(); });
  return {};
}

void Service::finish_reload() {
  if (stopped_) return;
  retiring_->daemon->hand_over_unrecorded_outcomes(*current_->daemon);
  retiring_.reset();
  metrics_.config_loaded(clock_.now());
  metrics_.reload_finished(ReloadOutcome::taken);
  spdlog::info("configuration reloaded from {}", options_.config_path.string());
  if (stopping_) return when_all_idle([this] { finish_stop("every delivery in flight has finished"); });
  current_->daemon->start();
  current_->mailbox->start();
  boost::asio::post(io_, [this] {
    if (!stopping_) notify_ready(status_line());
  });
  if (std::exchange(reload_again_, false)) boost::asio::post(io_, [this] { reload(); });
}

void Service::replan() {
  if (!stopping_ && !retiring_) current_->daemon->wake();
}

void Service::stop() {
  if (stopped_) return;
  if (stopping_) return finish_stop("asked to stop again: deliveries still in flight stay in the outbox");
  stopping_ = true;
  Seconds grace = current_->config->daemon.stop_grace_period;
  notify_stopping("stopping: letting deliveries in flight finish");
  spdlog::info("stopping: no new work; deliveries in flight have up to {} to finish", format_duration(grace));
  current_->daemon->stop();
  current_->mailbox->stop();
  wall_clock_.reset();
  grace_.expires_after(grace);
  grace_.async_wait([this, grace](const boost::system::error_code& ec) {
    if (ec) return;
    finish_stop("the grace period of " + format_duration(grace) +
                " is over: deliveries still in flight stay in the outbox and are retried with the same key "
                "by the next run");
  });
  // A reload under way continues the stop once its old daemon is idle.
  if (!retiring_) when_all_idle([this] { finish_stop("every delivery in flight has finished"); });
}

void Service::when_all_idle(std::function<void()> callback) {
  if (retiring_ && !retiring_->daemon->idle()) {
    return retiring_->daemon->when_idle([this, callback] { when_all_idle(callback); });
  }
  current_->daemon->when_idle([this, callback] {
    if (!stopped_) callback();
  });
}

void Service::finish_stop(std::string_view why) {
  if (stopped_) return;
  stopped_ = true;
  spdlog::info("stopped: {}", why);
  boost::system::error_code ignored;
  grace_.cancel();
  watchdog_.cancel();
  signals_.cancel(ignored);
  control_.reset();
  http_.reset();
  io_.stop();
}

HttpAnswer Service::answer_http(std::string_view path) {
  if (path == "/metrics") {
    auto figures = read_store_figures(*store_);
    if (!figures) return {503, "text/plain; charset=utf-8", "cannot read the store: " + figures.error().message + "\n"};
    return {200, std::string(k_metrics_content_type), metrics_.prometheus_text(*figures)};
  }
  if (path == "/healthz") {
    if (stopping_) return {503, "text/plain; charset=utf-8", "stopping\n"};
    if (auto outage = unrecorded_outcomes()) {
      // The store's error names rows and files, never a contact.
      return {503, "text/plain; charset=utf-8",
              std::to_string(outage->waiting) + " delivery outcome(s) wait to be written since " +
                  format_rfc3339(outage->since) + ": " + outage->error.message + "\n"};
    }
    if (!metrics_.last_pass_error().empty()) {
      // Why it failed may name a contact: it is in the log and in `touchbase status`, not here.
      return {503, "text/plain; charset=utf-8", "the last pass failed; the log and `touchbase status` say why\n"};
    }
    return {200, "text/plain; charset=utf-8", "ok\n"};
  }
  return {404, "text/plain; charset=utf-8", "not found: try /metrics or /healthz\n"};
}

std::optional<RecordOutage> Service::unrecorded_outcomes() const {
  if (retiring_) {
    if (auto outage = retiring_->daemon->unrecorded_outcomes()) return outage;
  }
  return current_->daemon->unrecorded_outcomes();
}

std::string Service::answer_status() {
  Instant now = clock_.now();
  auto figures = read_store_figures(*store_);
  nlohmann::json status = metrics_.status_json(figures ? *figures : StoreFigures{}, now);
  status["pid"] = ::getpid();
  status["state"] = stopping_ ? "stopping" : retiring_ ? "reloading" : "running";
  status["database"] = current_->config->daemon.database.string();
  status["http"] = http_ ? nlohmann::json(http_->local_address()) : nlohmann::json(nullptr);
  if (!figures) status["store_error"] = figures.error().message;
  status["mailboxes"] = nlohmann::json::array();
  for (const auto& m : current_->mailbox->states()) {
    status["mailboxes"].push_back(
        {{"owner", m.owner},
         {"state", m.state},
         {"error", m.error},
         {"last_read", m.last_read ? nlohmann::json(format_rfc3339(*m.last_read)) : nullptr}});
  }
  // Contact ids and error texts may hold any bytes: replaced, never a throw that stops the daemon.
  return status.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace touchbase
