// touchbase status [--json]: asks the running daemon, through its control
// socket next to the database, how it is.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/utf8.h"
#include "service/control_socket.h"

namespace touchbase {
namespace {

std::string text_or(const nlohmann::json& value, std::string_view fallback) {
  return value.is_string() ? value.get<std::string>() : std::string(fallback);
}

std::string duration_text(std::int64_t seconds) {
  auto days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60;
  if (days > 0) return fmt::format("{}d {}h {}m", days, hours, minutes);
  if (hours > 0) return fmt::format("{}h {}m", hours, minutes);
  return fmt::format("{}m {}s", minutes, seconds % 60);
}

void print_failures(const nlohmann::json& failures) {
  if (failures.empty()) {
    std::cout << "recent failures: none\n";
    return;
  }
  std::cout << "recent failures (newest first):\n";
  for (const auto& f : failures) {
    std::cout << fmt::format("  {}  {} -> {}: {}{}\n", f.value("at", ""), f.value("notifier", ""),
                             f.value("contact", ""), f.value("message", ""),
                             f.value("dead", false) ? " (gave up)" : "");
  }
}

void print_skipped(const nlohmann::json& skipped) {
  if (!skipped.is_array() || skipped.empty()) {
    std::cout << "skipped contacts: none\n";
    return;
  }
  std::cout << fmt::format("skipped contacts: {} (the last pass left them out; the others go on)\n", skipped.size());
  for (const auto& c : skipped) std::cout << fmt::format("  {}: {}\n", c.value("contact", ""), c.value("why", ""));
}

void print_mailboxes(const nlohmann::json& mailboxes) {
  if (!mailboxes.is_array() || mailboxes.empty()) return;
  std::cout << "mailboxes:\n";
  for (const auto& m : mailboxes) {
    const std::string read =
        m.value("last_read", nlohmann::json()).is_string() ? m["last_read"].get<std::string>() : "never";
    const std::string error = m.value("error", "");
    std::cout << fmt::format("  {}: {} (last read {}){}\n", m.value("owner", ""), m.value("state", ""), read,
                             error.empty() ? "" : ": " + error);
  }
}

void print_status(const nlohmann::json& s) {
  std::cout << fmt::format("touchbase {} is {} (pid {})\n", s.value("version", "?"), s.value("state", "?"),
                           s.value("pid", 0));
  std::cout << fmt::format("uptime: {} (since {})\n", duration_text(s.value("uptime_seconds", std::int64_t{0})),
                           s.value("started_at", ""));
  std::cout << fmt::format("config: {}, loaded at {}\n", s.value("config", ""), s.value("config_loaded_at", ""));
  std::cout << fmt::format("database: {}\n", s.value("database", ""));
  std::string contacts;
  const nlohmann::json by_status = s.value("contacts", nlohmann::json::object());
  for (const auto& [status, n] : by_status.items()) {
    if (n.get<int>() > 0) contacts += fmt::format("{}{} {}", contacts.empty() ? "" : ", ", n.get<int>(), status);
  }
  std::cout << "contacts: " << (contacts.empty() ? "none" : contacts) << "\n";
  print_skipped(s.value("skipped_contacts", nlohmann::json::array()));
  print_mailboxes(s.value("mailboxes", nlohmann::json::array()));
  std::cout << "next reminder: " << text_or(s.value("next_reminder_at", nlohmann::json()), "none planned") << "\n";
  std::cout << fmt::format("outbox: {} waiting, {} dead{}\n", s.value("outbox_depth", 0), s.value("dead_rows", 0),
                           s.value("next_outbox_attempt_at", nlohmann::json()).is_string()
                               ? ", next attempt at " + s["next_outbox_attempt_at"].get<std::string>()
                               : "");
  if (s.value("last_pass_error", nlohmann::json()).is_string()) {
    std::cout << "last pass failed: " << s["last_pass_error"].get<std::string>() << "\n";
  }
  if (s.value("http", nlohmann::json()).is_string()) std::cout << "http: " << s["http"].get<std::string>() << "\n";
  const nlohmann::json failures = s.value("recent_failures", nlohmann::json::array());
  print_failures(failures);
}

Status status(const Cli& cli, bool json) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(std::string answer, ask_daemon(control_socket_path(config.daemon.database)));
  auto parsed = nlohmann::json::parse(answer, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error::unavailable("the daemon's answer is not a JSON object: " + valid_utf8(answer.substr(0, 200)));
  }
  if (json) {
    std::cout << answer << "\n";  // the daemon's object as it wrote it
  } else {
    print_status(parsed);
  }
  return {};
}

}  // namespace

void add_status_command(CLI::App& app, Cli& cli) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("status", "Ask the running daemon how it is (exit 69 when none runs)");
  cmd->add_flag("--json", *json, "Print the daemon's answer as one JSON object");
  cmd->callback([&cli, json] { cli.action = [&cli, json] { return status(cli, *json); }; });
}

}  // namespace touchbase
