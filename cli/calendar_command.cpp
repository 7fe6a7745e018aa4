// touchbase calendar FILE.ics [--days N] [--owner O] [--now RFC3339]
#include <iostream>

#include "cli/commands.h"
#include "cli/days_option.h"
#include "cli/file_output.h"
#include "core/clock.h"
#include "core/message.h"
#include "core/sorted_runs.h"
#include "exchange/icalendar.h"
#include "reminders/follow_up_stream.h"
#include "reminders/reminder_message.h"

namespace touchbase {
namespace {

inline constexpr int k_default_calendar_days = 28;
// How long a follow-up's event lasts in the calendar.
inline constexpr Seconds k_follow_up_length{std::chrono::minutes(15)};
// Reminders not yet answered by a logged touch stay in the calendar this long after they were due.
inline constexpr Seconds k_calendar_history{std::chrono::hours(24 * 7)};

struct CalendarArgs {
  std::string path;
  int days = k_default_calendar_days;
  std::string owner;
  std::string now;
};

std::string describe(const FollowUp& f, const Contact& c) {
  std::string text = "Touch " + std::to_string(f.step) + " of " + f.cadence + (f.reminded ? ", reminded" : "") + ".\n";
  text += "Bring: " + f.bring + "\n";
  if (f.point && !f.point->link.empty()) text += f.point->link + "\n";
  if (!c.next_step.text.empty() && f.brings != PointChoice::Kind::next_step) {
    text += "Next step: " + next_step_text(c.next_step) + "\n";
  }
  if (!c.phone.empty()) text += "Phone: " + c.phone + "\n";
  if (!c.email.empty()) text += "Email: " + c.email + "\n";
  text += "Why now: " + f.why + "\n";
  text += "Log it: " + log_command_for(c.id) + " " + std::string(k_other_outcomes);
  return text;
}

CalendarEvent event_of(const FollowUp& f, const Contact& c) {
  CalendarEvent e;
  e.uid = follow_up_uid(c.id, f.due_at);
  e.start = f.due_at;
  e.length = k_follow_up_length;
  e.summary = "Follow up with " + c.name + (c.company.empty() ? "" : " (" + c.company + ")");
  e.description = describe(f, c);
  if (f.point) e.url = f.point->link;
  return e;
}

// Written in pieces of about this size.
constexpr std::size_t k_output_chunk = 1 << 16;

// The calendar's text: its head, the events in order, its tail.
Status write_events(std::string_view name, SortedRuns& events, const ContentWriter& write) {
  TB_TRY(std::string text, icalendar_head(name));
  auto each = [&](std::string_view, std::string_view event) -> Status {
    text.append(event);
    if (text.size() < k_output_chunk) return {};
    TB_TRY_STATUS(write(text));
    text.clear();
    return {};
  };
  TB_TRY_STATUS(events.merge(each));
  text.append(icalendar_tail());
  return write(text);
}

Status write_calendar(const Cli& cli, const CalendarArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(Instant now, read_now(cli, args.now));
  if (!args.owner.empty() && !config.owners.contains(args.owner)) {
    return Error::data("--owner: '" + args.owner + "' is not an owner of the config: expected one of its [owners]");
  }
  TB_TRY(auto store, open_command_store(config));
  CadenceEngine engine(config);
  SortedRuns events;  // by due_at, then contact
  std::size_t count = 0;
  auto keep = [&](const Contact& c, std::span<const FollowUp> items, const ContactHistories&) -> Status {
    for (const FollowUp& f : items) {
      if (!args.owner.empty() && f.owner != args.owner) continue;
      TB_TRY(std::string event, icalendar_event(event_of(f, c), now));
      std::string key;
      append_key(key, f.due_at);
      append_key(key, c.id);
      TB_TRY_STATUS(events.add(std::move(key), std::move(event)));
      ++count;
    }
    return {};
  };
  const FollowUpQuery query{now, now + date::days(args.days), now - k_calendar_history, "", k_contacts_per_page};
  TB_TRY(auto skipped, stream_follow_ups(config, *store, engine, query, keep));
  warn_skipped(skipped);
  std::string name = "touchbase follow-ups";
  if (!args.owner.empty()) name += " of " + args.owner;
  TB_TRY_STATUS(replace_file(args.path, [&](const ContentWriter& write) { return write_events(name, events, write); }));
  std::cout << args.path << ": " << count << " follow-ups up to " << format_rfc3339(now + date::days(args.days))
            << "\n";
  return {};
}

}  // namespace

void add_calendar_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<CalendarArgs>();
  auto* cmd = app.add_subcommand("calendar", "Write the planned follow-ups as an iCalendar file to subscribe to");
  cmd->add_option("file", args->path, "The .ics file to write (replaced whole)")->required();
  add_days_option(*cmd, args->days, k_default_calendar_days);
  cmd->add_option("--owner", args->owner, "Only this owner's follow-ups");
  cmd->add_option("--now", args->now, "As of this instant (RFC 3339; default: now)");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return write_calendar(cli, *args); }; });
}

}  // namespace touchbase
