// touchbase due [--owner O] [--json] [--now RFC3339]
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/contact_args.h"
#include "core/clock.h"
#include "core/json_line.h"
#include "reminders/due_today.h"
#include "reminders/follow_ups.h"
#include "reminders/reminder_message.h"

namespace touchbase {
namespace {

struct DueArgs {
  std::string owner;
  bool json = false;
  std::string now;
};

void print_json(const Config& config, const std::vector<DueItem>& items) {
  JsonLine j;
  std::string out;
  for (const DueItem& item : items) {
    const FollowUp& f = *item.follow_up;
    const Contact& c = *item.contact;
    const NextStep& step = c.next_step;
    j.add_string("owner", f.owner);
    j.add_string("contact", c.id);
    j.add_string("name", c.name);
    j.add_string("company", c.company);
    j.add_number("value", c.value);
    j.add_bool("overdue", item.overdue);
    j.add_bool("reminded", f.reminded);
    j.add_string("cadence", f.cadence);
    j.add_int("step", f.step);
    j.add_string("due_at", format_rfc3339(f.due_at));
    j.add_string("due_local", format_rfc3339_local(f.due_at, contact_zone(config, c)));
    j.add_string("remind_at", format_rfc3339(f.remind_at));
    j.add_string_or_null("talking_point", f.point ? f.point->id : "");
    j.add_string("bring", f.bring);
    j.add_string("next_step", step.text);
    j.add_string_or_null("next_step_date", step.date ? format_date(*step.date) : "");
    j.add_string("why", f.why);
    j.end(out);
  }
  std::cout << out;
}

void print_item(const Config& config, const DueItem& item, const date::time_zone& owner_zone) {
  const FollowUp& f = *item.follow_up;
  const Contact& c = *item.contact;
  const auto& zone = contact_zone(config, c);
  std::string when = format_local_time(f.due_at, zone);
  if (&zone != &owner_zone) when += " (" + format_local_time(f.due_at, owner_zone) + " for you)";
  std::string who = c.name + " (" + c.id + ")" + (c.company.empty() ? "" : ", " + c.company);
  std::cout << fmt::format("  {:<8} {}, value {}: touch {} of {}, due {}{}\n", item.overdue ? "OVERDUE" : "today", who,
                           c.value, f.step, f.cadence, when, f.reminded ? ", reminded" : "");
  std::cout << "           bring: " << f.bring << (f.point && !f.point->link.empty() ? " " + f.point->link : "")
            << "\n";
  if (f.brings != PointChoice::Kind::next_step && (!c.next_step.text.empty() || c.next_step.date)) {
    std::cout << "           next step: " << next_step_text(c.next_step) << "\n";
  }
}

void print_text(const Config& config, const std::vector<DueItem>& items, Instant now) {
  if (items.empty()) std::cout << "nothing is due today or overdue\n";
  std::string owner;
  for (const DueItem& item : items) {
    const Owner& o = config.owner_for(item.follow_up->owner);
    const auto& zone = owner_zone(config, o);
    if (item.follow_up->owner != owner || &item == &items.front()) {
      owner = item.follow_up->owner;
      std::cout << (&item == &items.front() ? "" : "\n") << o.id << " (" << (o.name.empty() ? o.id : o.name)
                << "): " << date::format("%A %d %B %Y", date::zoned_seconds(&zone, now)) << ", " << zone.name() << "\n";
    }
    print_item(config, item, zone);
  }
}

Status due(const Cli& cli, const DueArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(Instant now, read_now(cli, args.now));
  if (!args.owner.empty() && !config.owners.contains(args.owner)) {
    return Error::data("--owner: '" + args.owner + "' is not an owner of the config: expected one of its [owners]");
  }
  TB_TRY(auto store, open_command_store(config));
  CadenceEngine engine(config);
  TB_TRY(FollowUps all, follow_ups_between(config, *store, engine, now, Instant::min(), now + k_due_horizon));
  warn_skipped(all.skipped);
  auto items = due_today(config, all, args.owner, now);
  if (args.json) {
    print_json(config, items);
  } else {
    print_text(config, items, now);
  }
  return {};
}

}  // namespace

void add_due_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<DueArgs>();
  auto* cmd = app.add_subcommand("due", "What is due today and overdue, per owner, most valuable first");
  cmd->add_option("--owner", args->owner, "Only this owner's contacts");
  cmd->add_flag("--json", args->json, "One JSON object per line");
  cmd->add_option("--now", args->now, "As of this instant (RFC 3339; default: now)");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return due(cli, *args); }; });
}

}  // namespace touchbase
