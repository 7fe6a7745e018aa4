// touchbase snooze CONTACT UNTIL, touchbase pause CONTACT [UNTIL], touchbase resume CONTACT,
// touchbase close CONTACT --reason won|lost|unqualified
#include <iostream>

#include "cli/commands.h"
#include "cli/contact_args.h"
#include "core/clock.h"
#include "reminders/follow_ups.h"
#include "reminders/reminder_message.h"
#include "scheduler/contact_state.h"
#include "service/wakeup.h"

namespace touchbase {
namespace {

struct StateArgs {
  std::string contact;
  std::string until;
  std::string reason;
};

// Changes a contact's state and says what it did, in words.
using Change = std::function<Result<std::string>(const Config&, Contact&, Instant now)>;

Status change_contact(const Cli& cli, const std::string& name, const Change& change) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  TB_TRY(Contact contact, find_named_contact(*store, name));
  const Instant now = cli.clock.now();
  TB_TRY(std::string done, change(config, contact, now));
  TB_TRY_STATUS(store->update_contact(contact));
  wake_daemon(config.daemon.database);
  TB_TRY(std::string next_line, describe_next_follow_up(config, *store, contact, now));
  std::cout << done << "\n" << next_line << "\n";
  return {};
}

std::string who(const Contact& c) {
  return c.name + " (" + c.id + ")";
}

Result<Instant> read_until(const std::string& text, const Config& config, const Contact& c, Instant now) {
  auto until = parse_until(text, now, contact_zone(config, c));
  if (!until) return Error::data("UNTIL: " + until.error().message);
  return *until;
}

// A refused change, in words: `doing` is what was asked ("snooze", "pause"), `until` its end.
Status refusal_error(const StateChange& change, const Contact& c, std::string_view doing,
                     std::optional<Instant> until) {
  if (change) return {};
  switch (change.error()) {
    case StateRefusal::not_followed:
      return Error::data("contact '" + c.id + "' is " + std::string(to_string(c.status)) + ": there is nothing to " +
                         std::string(doing) + " ('touchbase resume " + c.id + "' follows it up again)");
    case StateRefusal::until_passed: break;
  }
  return Error::data("UNTIL: " + format_rfc3339(until.value_or(Instant{})) + " has passed: expected a later time");
}

Result<std::string> snooze(const StateArgs& args, const Config& config, Contact& c, Instant now) {
  TB_TRY(Instant until, read_until(args.until, config, c, now));
  TB_TRY_STATUS(refusal_error(snooze_contact(c, until, now), c, "snooze", until));
  return "snoozed " + who(c) + " until " + format_local_time(until, contact_zone(config, c));
}

Result<std::string> pause(const StateArgs& args, const Config& config, Contact& c, Instant now) {
  std::optional<Instant> until;
  if (!args.until.empty()) {
    TB_TRY(until, read_until(args.until, config, c, now));
  }
  TB_TRY_STATUS(refusal_error(pause_contact(c, until, now), c, "pause", until));
  if (!until) return "paused " + who(c) + ": 'touchbase resume " + c.id + "' follows it up again";
  return "paused " + who(c) + " until " + format_local_time(*until, contact_zone(config, c));
}

Result<std::string> resume(Contact& c, Instant now) {
  resume_contact(c, now);
  return "resumed " + who(c) + ": its cadence starts afresh";
}

Result<std::string> close(const StateArgs& args, Contact& c) {
  static const std::pair<std::string_view, CloseReason> k_reasons[] = {
      {"won", CloseReason::won},
      {"lost", CloseReason::lost},
      {"unqualified", CloseReason::unqualified},
  };
  for (auto [name, reason] : k_reasons) {
    if (args.reason != name) continue;
    close_contact(c, reason);
    return "closed " + who(c) + " as " + std::string(name) + ": no more follow-ups";
  }
  return Error::data("--reason: '" + args.reason + "' is not a reason: expected won, lost or unqualified");
}

// Registers a subcommand that changes one contact.
CLI::App* add_change(CLI::App& app, Cli& cli, const char* name, const char* help,
                     std::function<Result<std::string>(const StateArgs&, const Config&, Contact&, Instant)> change,
                     std::shared_ptr<StateArgs> args) {
  auto* cmd = app.add_subcommand(name, help);
  cmd->add_option("contact", args->contact, "The contact: id, email, or a unique part of the name")->required();
  cmd->callback([&cli, args, change] {
    cli.action = [&cli, args, change] {
      return change_contact(cli, args->contact, [&](const Config& config, Contact& c, Instant now) {
        return change(*args, config, c, now);
      });
    };
  });
  return cmd;
}

}  // namespace

void add_pause_commands(CLI::App& app, Cli& cli) {
  auto snooze_args = std::make_shared<StateArgs>();
  add_change(app, cli, "snooze", "No follow-up of a contact before a date, a time, or a duration from now", snooze,
             snooze_args)
      ->add_option("until", snooze_args->until, "2026-11-30 (midnight in the contact's zone), RFC 3339, or 3d, 2w")
      ->required();

  auto pause_args = std::make_shared<StateArgs>();
  add_change(app, cli, "pause", "Stop following a contact up until resumed (or until a date)", pause, pause_args)
      ->add_option("until", pause_args->until, "Optional: a date, RFC 3339, or a duration from now");

  add_change(
      app, cli, "resume", "Follow a paused, snoozed, stopped or closed contact up again, its cadence afresh",
      [](const StateArgs&, const Config&, Contact& c, Instant now) { return resume(c, now); },
      std::make_shared<StateArgs>());

  auto close_args = std::make_shared<StateArgs>();
  add_change(
      app, cli, "close", "Close a contact's deal: no more follow-ups",
      [](const StateArgs& args, const Config&, Contact& c, Instant) { return close(args, c); }, close_args)
      ->add_option("--reason", close_args->reason, "won, lost or unqualified")
      ->required();
}

}  // namespace touchbase
