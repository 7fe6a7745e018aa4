#pragma once
// The subcommands, each registered on the command line by one function.
// A registered subcommand sets cli.action when it is parsed; main runs it.

#include <CLI/CLI.hpp>

#include "cli/app.h"

namespace touchbase {

void add_check_command(CLI::App& app, Cli& cli);
void add_run_command(CLI::App& app, Cli& cli);
void add_contact_commands(CLI::App& app, Cli& cli);
void add_import_command(CLI::App& app, Cli& cli);
void add_plan_command(CLI::App& app, Cli& cli);
void add_points_command(CLI::App& app, Cli& cli);
void add_log_command(CLI::App& app, Cli& cli);
void add_pause_commands(CLI::App& app, Cli& cli);  // snooze, pause, resume, close
void add_due_command(CLI::App& app, Cli& cli);
void add_export_command(CLI::App& app, Cli& cli);
void add_calendar_command(CLI::App& app, Cli& cli);
void add_outbox_commands(CLI::App& app, Cli& cli);
void add_status_command(CLI::App& app, Cli& cli);
void add_mailbox_commands(CLI::App& app, Cli& cli);  // mailbox test

}  // namespace touchbase
