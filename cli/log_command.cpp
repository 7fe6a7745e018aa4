// touchbase log CONTACT --outcome touched|replied|meeting|no-answer [--at T] [--note TEXT]
//                       [--next-step TEXT] [--next-date DATE]
#include <iostream>

#include "cli/commands.h"
#include "cli/contact_args.h"
#include "core/clock.h"
#include "reminders/contact_histories.h"
#include "reminders/follow_ups.h"
#include "reminders/reminder_message.h"
#include "scheduler/history.h"
#include "scheduler/touch_effect.h"
#include "service/wakeup.h"

namespace touchbase {
namespace {

// A touch logged this far ahead of the clock is a mistake, not a skew.
constexpr Seconds k_future_tolerance{60};

struct LogArgs {
  std::string contact;
  std::string outcome;
  std::string at;
  std::string note;
  std::string next_step;
  std::string next_date;
};

Result<Touch> read_touch(const LogArgs& args, const date::time_zone& zone, Instant now) {
  auto outcome = parse_outcome(args.outcome);
  if (!outcome) {
    return Error::data("--outcome: '" + args.outcome +
                       "' is not an outcome: expected touched, replied, meeting or "
                       "no-answer");
  }
  Touch t{now, *outcome, args.note, ""};
  if (!args.at.empty()) {
    auto at = parse_moment(args.at, zone);
    if (!at) return Error::data("--at: " + at.error().message);
    if (*at > now + k_future_tolerance) {
      return Error::data("--at: " + format_rfc3339(*at) + " is in the future: log a touch once it has happened");
    }
    t.at = *at;
  }
  return t;
}

// The follow-up of an agreed date is on that day in the contact's zone, so
// the day must start after the touch (as the engine requires).
Result<NextStep> read_next_step(const LogArgs& args, const Touch& touch, const date::time_zone& zone) {
  NextStep step{args.next_step, std::nullopt};
  if (!args.next_date.empty()) {
    auto day = parse_date(args.next_date);
    if (!day) return Error::data("--next-date: " + day.error().message);
    if (zone.to_sys(date::local_days(*day), date::choose::earliest) <= touch.at) {
      return Error::data("--next-date: " + args.next_date + " does not start after the touch (" +
                         format_rfc3339(touch.at) + "): expected a later day");
    }
    step.date = *day;
  }
  return step;
}

// The talking point of the reminder `touch` answers, as the store has the contact now.
Result<std::string> talking_point_used(Store& store, const std::string& contact_id, const Touch& touch) {
  TB_TRY(auto histories, store.histories_of(std::span(&contact_id, 1)));
  const StoredHistory h = stored_history(histories, contact_id);
  return talking_point_answered(h.touches, h.reminders, touch.at);
}

// What the touch did to the contact, in words; empty when nothing worth saying.
std::string effect_text(const TouchEffect& effect, const Contact& c) {
  switch (effect.kind) {
    case TouchEffect::Kind::none: break;
    case TouchEffect::Kind::active_again: return "active again: its cadence starts afresh";
    case TouchEffect::Kind::date_comes_first:
      return "a reply " + std::string(effect.reply.name) + "s the cadence, but the agreed date comes first";
    case TouchEffect::Kind::stopped: return "the cadence stops after a reply";
    case TouchEffect::Kind::paused:
      return "paused after the reply: 'touchbase resume " + c.id + "' starts the cadence again";
    case TouchEffect::Kind::moved: return "moved to cadence " + c.cadence + " after the reply";
  }
  return "";
}

void print_logged(const Config& config, const Contact& c, const Touch& t, const std::string& effect) {
  std::cout << "logged " << to_string(t.outcome) << " with " << c.name << " (" << c.id << ") at "
            << format_local_time(t.at, contact_zone(config, c));
  if (!t.talking_point.empty()) std::cout << ", talking point " << t.talking_point;
  std::cout << "\n";
  if (!c.next_step.text.empty() || c.next_step.date) {
    std::cout << "next step: " << (c.next_step.text.empty() ? "follow up" : c.next_step.text)
              << (c.next_step.date ? " on " + format_date(*c.next_step.date) : "") << "\n";
  }
  if (!effect.empty()) std::cout << effect << "\n";
}

Status log_touch(const Cli& cli, const LogArgs& args) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_command_store(config));
  TB_TRY(Contact contact, find_named_contact(*store, args.contact));
  const Instant now = cli.clock.now();
  TB_TRY(Touch touch, read_touch(args, contact_zone(config, contact), now));
  TB_TRY(NextStep next, read_next_step(args, touch, contact_zone(config, contact)));
  TB_TRY(touch.talking_point, talking_point_used(*store, contact.id, touch));
  const TouchEffect effect = apply_touch(config.cadence_for(contact.cadence), touch, next, contact);
  TB_TRY_STATUS(store->log_touch(contact, touch));
  wake_daemon(config.daemon.database);
  print_logged(config, contact, touch, effect_text(effect, contact));
  TB_TRY(std::string next_line, describe_next_follow_up(config, *store, contact, now));
  std::cout << next_line << "\n";
  return {};
}

}  // namespace

void add_log_command(CLI::App& app, Cli& cli) {
  auto args = std::make_shared<LogArgs>();
  auto* cmd = app.add_subcommand("log", "Log a touch: its outcome, a note, and the next step agreed");
  cmd->add_option("contact", args->contact, "The contact: id, email, or a unique part of the name")->required();
  cmd->add_option("--outcome", args->outcome, "touched, replied, meeting or no-answer")->required();
  cmd->add_option("--at", args->at, "When it happened: RFC 3339, or a date (default: now)");
  cmd->add_option("--note", args->note, "What was said");
  cmd->add_option("--next-step", args->next_step, "The next step agreed, e.g. \"send the pricing deck\"");
  cmd->add_option("--next-date", args->next_date, "The date agreed for it (YYYY-MM-DD): the next follow-up's day");
  cmd->callback([&cli, args] { cli.action = [&cli, args] { return log_touch(cli, *args); }; });
}

}  // namespace touchbase
