// touchbase run [--once], touchbase check
#include <iostream>

#include "cli/commands.h"
#include "config/load_config.h"
#include "config/talking_point_warnings.h"
#include "delivery/notifier_factory.h"
#include "service/daemon.h"
#include "service/daemon_lock.h"
#include "service/logging.h"
#include "service/service.h"

namespace touchbase {
namespace {

// Warnings (talking points that can never be chosen) do not fail the check.
Status check(const Cli& cli) {
  TB_TRY(Config config, load_validated_config(cli));
  std::cout << config_path(cli).string() << ": OK\n" << summarize(config);
  for (const ConfigError& w : talking_point_warnings(config, cli.clock.now())) {
    std::cout << "warning: " << w.to_string() << "\n";
  }
  return {};
}

// The lock comes first: `run --once` beside a running daemon could deliver the rows it has in flight a second time.
Status run_once(Config config, const Clock& clock) {
  TB_TRY(auto lock, DaemonLock::take(config.daemon.database));
  TB_TRY(auto store, open_store(config.daemon.database));
  boost::asio::io_context io;
  TB_TRY(NotifierSet notifiers, make_notifiers(config, io, std::cout));
  Daemon daemon(io, config, *store, clock, notifiers);
  return daemon.run_once();
}

Status run(const Cli& cli, bool once) {
  TB_TRY(Config config, load_validated_config(cli));
  setup_logging(config.daemon.log_level);
  if (once) return run_once(std::move(config), cli.clock);
  ServiceOptions options;
  options.config_path = config_path(cli);
  options.clock = &cli.clock;
  TB_TRY(auto service, Service::open(std::move(config), std::move(options)));
  return service->run();
}

}  // namespace

void add_check_command(CLI::App& app, Cli& cli) {
  auto* cmd = app.add_subcommand("check", "Validate the config and print a summary (exit 78 with every error)");
  cmd->callback([&cli] { cli.action = [&cli] { return check(cli); }; });
}

void add_run_command(CLI::App& app, Cli& cli) {
  auto once = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("run", "Run the daemon in the foreground");
  cmd->add_flag("--once", *once, "Deliver what is due now and retry what is pending, then exit");
  cmd->callback([&cli, once] { cli.action = [&cli, once] { return run(cli, *once); }; });
}

}  // namespace touchbase
