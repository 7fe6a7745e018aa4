#include "cli/command_line.h"

#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/printable_output.h"

namespace touchbase {

int run_command_line(int argc, const char* const* argv, const Clock& clock) {
  CLI::App app{"touchbase: follow up on time, never pushy, always with something of value to say."};
  app.set_version_flag("--version", "touchbase " TOUCHBASE_VERSION);
  app.require_subcommand(1);
  Cli cli(clock);
  app.add_option("--config", cli.config_flag,
                 "Config file (default: $TOUCHBASE_CONFIG, else " + std::string(k_default_config_path) + ")");
  add_run_command(app, cli);
  add_check_command(app, cli);
  add_contact_commands(app, cli);
  add_import_command(app, cli);
  add_plan_command(app, cli);
  add_points_command(app, cli);
  add_log_command(app, cli);
  add_pause_commands(app, cli);
  add_due_command(app, cli);
  add_export_command(app, cli);
  add_calendar_command(app, cli);
  add_outbox_commands(app, cli);
  add_status_command(app, cli);
  add_mailbox_commands(app, cli);
  const PrintableOutput printable_err(std::cerr);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const PrintableOutput printable_out(std::cout);
    int code = app.exit(e);
    return code == 0 ? 0 : 64;  // EX_USAGE
  }
  std::optional<PrintableOutput> printable_out;
  if (cli.stdout_use == StdoutUse::text) printable_out.emplace(std::cout);
  Status status = cli.action ? cli.action() : Status{};
  if (status.ok()) return 0;
  std::cerr << "touchbase: " << status.error().message << "\n";
  return exit_code(status.error().code);
}

}  // namespace touchbase
