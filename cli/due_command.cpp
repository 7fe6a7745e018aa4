// touchbase due [--owner O] [--json] [--now RFC3339]
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/contact_args.h"
#include "core/clock.h"
#include "core/json_line.h"
#include "core/sorted_runs.h"
#include "reminders/due_today.h"
#include "reminders/follow_up_stream.h"
#include "reminders/reminder_message.h"

namespace touchbase {
namespace {

struct DueArgs {
  std::string owner;
  bool json = false;
  std::string now;
};

std::string json_line(const Config& config, const DueItem& item) {
  JsonLine j;
  std::string out;
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
  return out;
}

std::string item_text(const Config& config, const DueItem& item) {
  const FollowUp& f = *item.follow_up;
  const Contact& c = *item.contact;
  const auto& owner = owner_zone(config, config.owner_for(f.owner));
  const auto& zone = contact_zone(config, c);
  std::string when = format_local_time(f.due_at, zone);
  if (&zone != &owner) when += " (" + format_local_time(f.due_at, owner) + " for you)";
  std::string who = c.name + " (" + c.id + ")" + (c.company.empty() ? "" : ", " + c.company);
  std::string out = fmt::format("  {:<8} {}, value {}: touch {} of {}, due {}{}\n", item.overdue ? "OVERDUE" : "today",
                                who, c.value, f.step, f.cadence, when, f.reminded ? ", reminded" : "");
  out += "           bring: " + f.bring + (f.point && !f.point->link.empty() ? " " + f.point->link : "") + "\n";
  if (f.brings != PointChoice::Kind::next_step && (!c.next_step.text.empty() || c.next_step.date)) {
    out += "           next step: " + next_step_text(c.next_step) + "\n";
  }
  return out;
}

// "o1 (Alice): Monday 02 November 2026, Europe/Berlin", the line before an owner's items.
std::string owner_heading(const Config& config, std::string_view owner_id, Instant now) {
  const Owner& o = config.owner_for(owner_id);
  const auto& zone = owner_zone(config, o);
  return o.id + " (" + (o.name.empty() ? o.id : o.name) +
         "): " + date::format("%A %d %B %Y", date::zoned_seconds(&zone, now)) + ", " + zone.name() + "\n";
}

// Written in chunks of about this size.
constexpr std::size_t k_output_chunk = 1 << 16;

// Prints the items in order; in text, each owner's under its heading. An entry is its owner's id, a NUL, its text.
Status print_items(const Config& config, SortedRuns& items, bool json, Instant now) {
  std::string text;
  std::optional<std::string> owner;
  auto each = [&](std::string_view, std::string_view entry) -> Status {
    const std::size_t nul = entry.find('\0');
    const std::string_view this_owner = entry.substr(0, nul);
    if (!json && this_owner != owner) {
      text.append(owner ? "\n" : "").append(owner_heading(config, this_owner, now));
      owner = this_owner;
    }
    text.append(entry.substr(nul + 1));
    if (text.size() >= k_output_chunk) {
      std::cout << text;
      text.clear();
    }
    return {};
  };
  TB_TRY_STATUS(items.merge(each));
  if (!json && !owner) text = "nothing is due today or overdue\n";
  std::cout << text;
  return {};
}

Status due(const Cli& cli, const DueArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(Instant now, read_now(cli, args.now));
  if (!args.owner.empty() && !config.owners.contains(args.owner)) {
    return Error::data("--owner: '" + args.owner + "' is not an owner of the config: expected one of its [owners]");
  }
  TB_TRY(auto store, open_command_store(config));
  CadenceEngine engine(config);
  SortedRuns items;  // in due_today()'s order
  auto keep = [&](const Contact& c, std::span<const FollowUp> follow_ups, const ContactHistories&) -> Status {
    const FollowUp* f = due_today_of(config, follow_ups, args.owner, now);
    if (!f) return {};
    const DueItem item{f, &c, f->due_at < now};
    std::string key;
    append_due_key(key, item);
    std::string entry = f->owner + '\0' + (args.json ? json_line(config, item) : item_text(config, item));
    return items.add(std::move(key), std::move(entry));
  };
  const FollowUpQuery query{now, now + k_due_horizon, Instant::min(), "", k_contacts_per_page};
  TB_TRY(auto skipped, stream_follow_ups(config, *store, engine, query, keep));
  warn_skipped(skipped);
  return print_items(config, items, args.json, now);
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
