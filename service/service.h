#pragma once
// touchbase as a long-running system service: owns the config in force, the
// store, the notifiers and the Daemon, and handles what happens around them —
// signals, reload, systemd notifications and watchdog, wall-clock jumps,
// /metrics and /healthz, the control socket, and the graceful stop.
//
// Reload (SIGHUP): the new config is loaded and validated completely, and its
// notifiers (and a changed http_listen) are set up, before anything changes.
// If any of it fails, the old config stays in force and the errors are
// logged. Otherwise the running Daemon stops planning, its deliveries in
// flight finish, and a new Daemon on the new config takes over. Reminders and
// outbox rows live in the store, so nothing is lost or sent twice. The
// database cannot change on reload: that needs a restart.
//
// Stop (SIGTERM, SIGINT): no new pass starts; deliveries in flight may finish
// within daemon.stop_grace_period; what is left stays in the outbox for the
// next run. A second signal stops at once.
//
// Everything runs on the io_context's one thread; the object is not
// thread-safe.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "config/config.h"
#include "core/clock.h"
#include "service/control_socket.h"
#include "service/daemon.h"
#include "service/daemon_lock.h"
#include "service/http_endpoint.h"
#include "service/mailbox_poller.h"
#include "service/metrics.h"
#include "service/wall_clock_watch.h"
#include "store/store.h"

namespace touchbase {

// Builds the notifiers of a config (the real ones: make_notifiers()).
using NotifierMaker = std::function<Result<NotifierSet>(const Config&, boost::asio::io_context&)>;

struct ServiceOptions {
  std::filesystem::path config_path;  // re-read on reload
  const Clock* clock = nullptr;       // nullptr: the system clock
  NotifierMaker make_notifiers;       // empty: make_notifiers() with console output to std::cout
};

class Service {
 public:
  // Takes the database's DaemonLock (Errc::tempfail naming the pid of the
  // daemon that holds it), then opens the store and the control socket, and
  // the http endpoint when configured; does not start planning yet. The lock
  // is held until the Service is destroyed. `config` was loaded from
  // options.config_path.
  static Result<std::unique_ptr<Service>> open(Config config, ServiceOptions options);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Handles SIGHUP, SIGTERM and SIGINT, starts, and runs the event loop until stopped.
  Status run();
  // Starts planning passes and tells systemd READY=1 once the first pass has armed the timer.
  void start();
  void reload();
  void stop();
  // Runs a pass now rather than at the planned instant: what a wall-clock jump does.
  void replan();

  boost::asio::io_context& io() { return io_; }
  bool stopped() const { return stopped_; }
  // Whether a reload is waiting for the old daemon's deliveries to finish.
  bool reloading() const { return retiring_ != nullptr; }
  const Metrics& metrics() const { return metrics_; }
  // The bound http port, when http_listen is set.
  std::optional<unsigned short> http_port() const;

 private:
  // Everything built from one config; destroyed together, daemon first.
  struct Generation {
    std::unique_ptr<Config> config;
    NotifierSet notifiers;
    std::unique_ptr<Daemon> daemon;
    std::unique_ptr<MailboxPoller> mailbox;  // wakes `daemon` when it recorded something
  };

  Service(ServiceOptions options, std::unique_ptr<DaemonLock> lock, std::unique_ptr<Store> store);
  Result<std::unique_ptr<Generation>> make_generation(Config config);
  Status open_endpoints(const Config& config);
  Result<Config> load_new_config();
  Status apply_reload();
  void finish_reload();
  void wait_for_signal();
  void arm_watchdog();
  void when_all_idle(std::function<void()> callback);
  void finish_stop(std::string_view why);
  HttpAnswer answer_http(std::string_view path);
  std::string answer_status();
  // Why delivery outcomes wait to be written, in either daemon, while they do.
  std::optional<RecordOutage> unrecorded_outcomes() const;
  std::string status_line() const;

  boost::asio::io_context io_;        // first: destroyed last
  std::unique_ptr<DaemonLock> lock_;  // released once everything else is closed
  ServiceOptions options_;
  SystemClock system_clock_;
  const Clock& clock_;
  std::unique_ptr<Store> store_;
  Metrics metrics_;
  std::unique_ptr<Generation> current_;
  std::unique_ptr<Generation> retiring_;  // a reload waits for its deliveries to finish
  std::unique_ptr<ControlSocket> control_;
  std::unique_ptr<HttpEndpoint> http_;
  std::unique_ptr<WallClockWatch> wall_clock_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer watchdog_;
  boost::asio::steady_timer grace_;
  bool reload_again_ = false;
  bool stopping_ = false;
  bool stopped_ = false;
};

}  // namespace touchbase
