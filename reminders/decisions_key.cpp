#include "reminders/decisions_key.h"

#include <date/tz.h>

#include <cstdio>
#include <functional>

#include "core/window.h"

namespace touchbase {
namespace {

// Changed whenever the engine decides differently on the same inputs.
constexpr int k_rules_version = 1;

void add(std::string& key, std::string_view part) {
  key += part;
  key += '\x1f';  // a separator no config text holds
}

void add_holidays(std::string& key, const std::vector<HolidayCalendar>& calendars) {
  for (const HolidayCalendar& calendar : calendars) {
    for (const Holiday& day : calendar.days) add(key, format_date(day.date) + " " + day.name);
  }
}

void add_cadence(std::string& key, const Cadence& c) {
  add(key, c.name);
  for (Seconds step : c.steps) add(key, std::to_string(step.count()));
  add(key, std::to_string(c.repeat) + " " + std::to_string(c.business_days) + " " + std::to_string(c.min_gap.count()) +
               " " + std::to_string(c.backoff) + " " + std::to_string(c.give_up_after));
  if (c.max_touches) {
    add(key, "cap " + std::to_string(c.max_touches->count) + " " + std::to_string(c.max_touches->within.count()));
  }
  add(key, c.then);
  add(key, c.on_reply);
}

std::string key_text(const Config& config) {
  std::string key;
  add(key, "rules " + std::to_string(k_rules_version) + " tzdata " + date::get_tzdb().version);
  const Defaults& d = config.defaults;
  add(key, d.timezone + " " + format_window(d.contact_window) + " " + std::to_string(d.lead_time.count()));
  add(key, d.cadence + " " + d.owner);
  for (Date day : config.holidays.dates) add(key, format_date(day));
  add_holidays(key, config.holidays.calendars);
  for (const auto& [region, calendars] : config.holidays.regions) {
    add(key, "region " + region);
    add_holidays(key, calendars);
  }
  for (const auto& [id, owner] : config.owners) {
    add(key, "owner " + id + " " + owner.timezone + " " + owner.region + " " + format_window(owner.working_hours) +
                 (owner.daily_limit > 0 ? " limited" : ""));
  }
  for (const auto& [name, cadence] : config.cadences) add_cadence(key, cadence);
  return key;
}

}  // namespace

std::string decisions_key(const Config& config) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(key_text(config)));
  return std::to_string(k_rules_version) + ":" + hash;
}

}  // namespace touchbase
