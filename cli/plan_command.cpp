// touchbase plan [--now RFC3339] [--days N] [--contact ID] [--json]
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/days_option.h"
#include "core/clock.h"
#include "core/json_line.h"
#include "core/sorted_runs.h"
#include "reminders/follow_up_stream.h"
#include "reminders/reminder_message.h"

namespace touchbase {
namespace {

inline constexpr int k_default_plan_days = 14;

struct PlanArgs {
  std::string now;
  int days = k_default_plan_days;
  std::string contact;
  bool json = false;
};

// The zone the follow-up's window was read in: one the engine found.
const date::time_zone& planned_zone(const FollowUp& f) {
  return *find_zone(f.timezone).value();
}

// No point fits and the cadence requires one: the daemon holds the reminder back.
bool waits(const Config& config, const FollowUp& f) {
  return f.brings == PointChoice::Kind::none && config.cadence_for(f.cadence).require_talking_point;
}

std::string json_line(const Config& config, const Contact& c, const FollowUp& f) {
  JsonLine j;
  std::string text;
  const TalkingPoint* point = f.point;
  j.add_string("contact", c.id);
  j.add_string("owner", f.owner);
  j.add_string("cadence", f.cadence);
  j.add_int("step", f.step);
  j.add_string("due_at", format_rfc3339(f.due_at));
  j.add_string("remind_at", format_rfc3339(f.remind_at));
  j.add_string("due_local", format_rfc3339_local(f.due_at, planned_zone(f)));
  if (point != nullptr) {
    j.add_string("talking_point", point->id);
  } else {
    j.add_null("talking_point");
  }
  j.add_string("talking_point_text", f.bring);
  j.add_string_or_null("talking_point_link", point ? point->link : "");
  j.add_bool("brings_next_step", f.brings == PointChoice::Kind::next_step);
  j.add_bool("waits_for_talking_point", waits(config, f));
  j.add_string("why", f.why);
  j.end(text);
  return text;
}

// The day of the reminder in the owner's zone, a NUL, then its lines of the agenda.
std::string agenda_entry(const Config& config, const Contact& c, const FollowUp& f) {
  date::zoned_seconds remind(&owner_zone(config, config.owner_for(f.owner)), f.remind_at);
  std::string out = date::format("%A %d %B %Y", remind);
  out.push_back('\0');
  out += fmt::format("  {}  {} ({}) — touch {} of {}, call at {}\n", date::format("%H:%M", remind), c.name, f.owner,
                     f.step, f.cadence, format_local_time(f.due_at, planned_zone(f)));
  out += "         why: " + f.why + "\n";
  out += "         bring: " + f.bring + "\n";
  if (f.point && !f.point->link.empty()) out += "         link: " + f.point->link + "\n";
  if (waits(config, f)) {
    out += "         waits: " + f.cadence + " requires a talking point; it is not reminded until one fits\n";
  }
  return out;
}

// Written in chunks of about this size.
constexpr std::size_t k_output_chunk = 1 << 16;

// Prints the entries in order, the agenda's grouped by day.
Status print_rows(SortedRuns& rows, bool json) {
  std::string text;
  std::string day;
  bool any = false;
  auto each = [&](std::string_view, std::string_view entry) -> Status {
    any = true;
    if (json) {
      text.append(entry);
    } else {
      const std::size_t nul = entry.find('\0');
      const std::string_view this_day = entry.substr(0, nul);
      if (this_day != day) {
        text.append(day.empty() ? "" : "\n").append(this_day).append("\n");
        day = this_day;
      }
      text.append(entry.substr(nul + 1));
    }
    if (text.size() >= k_output_chunk) {
      std::cout << text;
      text.clear();
    }
    return {};
  };
  TB_TRY_STATUS(rows.merge(each));
  std::cout << text;
  if (!json && !any) std::cout << "nothing is due in this period\n";
  return {};
}

Status plan(const Cli& cli, const PlanArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(Instant now, read_now(cli, args.now));
  TB_TRY(auto store, open_command_store(config));
  CadenceEngine engine(config);
  SortedRuns rows;  // ordered by remind_at, then due_at, then contact
  auto keep = [&](const Contact& c, std::span<const FollowUp> items, const ContactHistories&) -> Status {
    for (const FollowUp& f : items) {
      std::string key;
      append_key(key, f.remind_at);
      append_key(key, f.due_at);
      append_key(key, c.id);
      TB_TRY_STATUS(rows.add(std::move(key), args.json ? json_line(config, c, f) : agenda_entry(config, c, f)));
    }
    return {};
  };
  const FollowUpQuery query{now, now + date::days(args.days), std::nullopt, args.contact, k_contacts_per_page};
  TB_TRY(auto skipped, stream_follow_ups(config, *store, engine, query, keep));
  warn_skipped(skipped);
  return print_rows(rows, args.json);
}

}  // namespace

void add_plan_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<PlanArgs>();
  auto* cmd = app.add_subcommand("plan", "Show what would be reminded, when and why; sends and writes nothing");
  cmd->add_option("--now", args->now, "Plan from this instant (RFC 3339; default: now)");
  add_days_option(*cmd, args->days, k_default_plan_days);
  cmd->add_option("--contact", args->contact, "Only this contact");
  cmd->add_flag("--json", args->json, "One JSON object per line, ordered by remind_at");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return plan(cli, *args); }; });
}

}  // namespace touchbase
