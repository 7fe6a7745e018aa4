// touchbase run [--once], touchbase check
#include <iostream>

#include <spdlog/spdlog.h>
#include <boost/asio/signal_set.hpp>

#include "config/load_config.h"
#include "daemon/commands.h"
#include "daemon/daemon.h"
#include "daemon/notifier_factory.h"

namespace touchbase {
namespace {

Status check(const Cli& cli) {
  TB_TRY(Config config, load_validated_config(cli));
  std::cout << config_path(cli).string() << ": OK\n" << summarize(config);
  return {};
}

Status run(const Cli& cli, bool once) {
  TB_TRY(Config config, load_validated_config(cli));
  setup_logging(config.daemon.log_level);
  TB_TRY(auto store, open_store(config));
  boost::asio::io_context io;
  TB_TRY(NotifierSet notifiers, make_notifiers(config, io, std::cout));
  SystemClock clock;
  Daemon daemon(io, config, *store, clock, notifiers);
  if (once) return daemon.run_once();

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: stopping", signal);
    daemon.stop();
    io.stop();
  });
  spdlog::info("touchbase {} running: config {}, database {}", TOUCHBASE_VERSION, config_path(cli).string(),
               config.daemon.database.string());
  daemon.start();
  io.run();
  spdlog::info("stopped");
  return {};
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
