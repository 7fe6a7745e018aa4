#pragma once
// Building blocks for the cadence engine tests: configs built directly as
// structs, instants from RFC 3339 text, contacts and touches.

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "config/config.h"
#include "core/contact.h"
#include "core/time.h"
#include "core/window.h"
#include "scheduler/cadence_engine.h"

namespace touchbase::testing {

inline Instant at(std::string_view rfc3339) {
  return parse_rfc3339(rfc3339).value();
}
inline Date day(std::string_view text) {
  return parse_date(text).value();
}
inline WeeklyWindow window(std::string_view text) {
  return parse_window(text).value();
}
inline Seconds duration(std::string_view text) {
  return parse_duration(text).value();
}

inline std::vector<Seconds> durations(std::initializer_list<std::string_view> texts) {
  std::vector<Seconds> out;
  for (auto t : texts) out.push_back(duration(t));
  return out;
}

// One calendar-day cadence, no cap, no backoff, no give-up: each test adds the rule it checks.
inline Cadence plain_cadence(std::string name, std::initializer_list<std::string_view> steps) {
  Cadence c;
  c.name = std::move(name);
  c.steps = durations(steps);
  c.repeat = true;
  return c;
}

inline Owner owner(std::string id, std::string name, std::string zone, std::string_view hours) {
  Owner o;
  o.id = std::move(id);
  o.name = std::move(name);
  o.timezone = std::move(zone);
  o.working_hours = window(hours);
  return o;
}

// Owner Alice in Berlin (mon-fri 08:00-18:00), lead time 15m, cadence "basic"
// (3d, 7d, repeating), contacts default to Europe/Berlin, mon-fri 09:00-17:00.
inline Config base_config() {
  Config c;
  c.defaults.timezone = "Europe/Berlin";
  c.defaults.contact_window = window("mon-fri 09:00-17:00");
  c.defaults.lead_time = duration("15m");
  c.defaults.cadence = "basic";
  c.defaults.owner = "alice";
  c.owners["alice"] = owner("alice", "Alice Moreno", "Europe/Berlin", "mon-fri 08:00-18:00");
  c.cadences["basic"] = plain_cadence("basic", {"3d", "7d"});
  return c;
}

inline Contact contact(std::string id = "jane", std::string name = "Jane Doe") {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  return c;
}

inline Touch touch(std::string_view when, Outcome outcome = Outcome::touched) {
  return Touch{at(when), outcome, "", ""};
}

}  // namespace touchbase::testing
