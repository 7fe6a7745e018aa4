#pragma once
// Table tests of single cadence rules: a case names its setup (a change to
// the base config and contact), the history, `now`, and the decision and
// reasons expected. See cadence_rules_test.cpp for the base setup.

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "scheduler/cadence_engine.h"
#include "tests/scheduler/engine_fixture.h"

namespace touchbase::testing {

struct RuleCase {
  const char* name;
  void (*setup)(Config&, Contact&);
  std::vector<Touch> history;
  const char* now;
  Decision::Kind kind;
  const char* due;     // "" unless a follow-up
  const char* remind;  // "" = due - 15m
  std::string why;
  std::string next_cadence = "";
};

inline void PrintTo(const RuleCase& c, std::ostream* os) {
  *os << c.name;
}

inline std::string rule_case_name(const ::testing::TestParamInfo<RuleCase>& param_info) {
  return param_info.param.name;
}

inline void expect_rule(const RuleCase& rc) {
  Config config = base_config();
  Contact c = contact();
  rc.setup(config, c);
  CadenceEngine engine(config);
  Decision d = engine.next(c, rc.history, at(rc.now));
  EXPECT_EQ(d.kind, rc.kind);
  EXPECT_EQ(d.why, rc.why);
  EXPECT_EQ(d.next_cadence, rc.next_cadence);
  if (rc.kind == Decision::Kind::follow_up) {
    EXPECT_EQ(format_rfc3339(d.due_at), rc.due);
    const Instant remind = *rc.remind ? at(rc.remind) : at(rc.due) - duration("15m");
    EXPECT_EQ(format_rfc3339(d.remind_at), format_rfc3339(remind));
  }
}

// Setups.
inline void nothing(Config&, Contact&) {}
inline void business_days(Config& cfg, Contact&) {
  cfg.cadences["basic"].business_days = true;
}
inline void christmas(Config& cfg, Contact&) {
  cfg.holidays.dates = {day("2026-12-25")};
}
inline void two_business_days_christmas(Config& cfg, Contact& c) {
  cfg.cadences["basic"].steps = durations({"2d"});
  business_days(cfg, c);
  christmas(cfg, c);
}
inline void daily_christmas(Config& cfg, Contact& c) {
  cfg.cadences["basic"].steps = durations({"1d"});
  christmas(cfg, c);
}
inline void backoff(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"2d"});
  cfg.cadences["basic"].backoff = 1.5;
}
inline void backoff_business(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"3d"});
  cfg.cadences["basic"].backoff = 1.5;
  cfg.cadences["basic"].business_days = true;
}
inline void min_gap(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"1d"});
  cfg.cadences["basic"].min_gap = duration("3d");
}
inline void rolling_cap(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"1d"});
  cfg.cadences["basic"].max_touches = RollingCap{3, duration("7d")};
}
inline void paused(Config&, Contact& c) {
  c.status = ContactStatus::paused;
  c.paused_until = at("2026-12-02T12:00:00Z");
}
inline void snoozed(Config&, Contact& c) {
  c.paused_until = at("2026-11-28T12:00:00Z");
}
inline void paused_no_date(Config&, Contact& c) {
  c.status = ContactStatus::paused;
}
inline void dormant(Config&, Contact& c) {
  c.status = ContactStatus::dormant;
}
inline void closed_won(Config&, Contact& c) {
  c.status = ContactStatus::closed_won;
}
inline void next_step(Config&, Contact& c) {
  c.next_step = NextStep{"send the deck", day("2026-12-10")};
}
inline void old_next_step(Config&, Contact& c) {
  c.next_step = NextStep{"send the deck", day("2026-11-20")};
}
inline void next_step_christmas(Config& cfg, Contact& c) {
  christmas(cfg, c);
  c.next_step = NextStep{"call after the break", day("2026-12-25")};
}
inline void stop_on_reply(Config& cfg, Contact&) {
  cfg.cadences["basic"].on_reply = "stop";
}
inline void customer_on_reply(Config& cfg, Contact&) {
  cfg.cadences["basic"].on_reply = "customer";
  cfg.cadences["customer"] = plain_cadence("customer", {"14d"});
}
inline void give_up_to_nurture(Config& cfg, Contact&) {
  cfg.cadences["basic"].give_up_after = 3;
  cfg.cadences["basic"].then = "nurture";
  cfg.cadences["nurture"] = plain_cadence("nurture", {"45d"});
}
inline void give_up_to_dormant(Config& cfg, Contact&) {
  cfg.cadences["basic"].give_up_after = 3;
  cfg.cadences["basic"].then = "dormant";
}
inline void steps_run_out(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"2d", "4d"});
  cfg.cadences["basic"].repeat = false;
  cfg.cadences["basic"].then = "nurture";
  cfg.cadences["nurture"] = plain_cadence("nurture", {"45d"});
}
inline void steps_run_out_dormant(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"2d", "4d"});
  cfg.cadences["basic"].repeat = false;
}
inline void in_nurture_since(Config& cfg, Contact& c) {
  cfg.cadences["nurture"] = plain_cadence("nurture", {"45d"});
  c.cadence = "nurture";
  c.cadence_since = at("2026-11-27T12:00:00Z");
}
inline void known_last_touch(Config&, Contact& c) {
  c.last_touch = at("2026-11-23T09:00:00Z");
}
inline void owner_in_chicago_late_start(Config& cfg, Contact&) {
  cfg.owners["alice"] = owner("alice", "Alice Moreno", "America/Chicago", "mon-fri 08:30-17:30");
}
inline void contact_in_new_york_owner_in_chicago(Config& cfg, Contact& c) {
  owner_in_chicago_late_start(cfg, c);
  c.timezone = "America/New_York";
}
inline void unknown_zone(Config&, Contact& c) {
  c.timezone = "Mars/Olympus";
}
inline void unknown_cadence(Config&, Contact& c) {
  c.cadence = "gone";
}

// Holiday calendars as config/ reads them from .ics files: one named day each.
inline HolidayCalendar calendar_of(std::string_view date, std::string name) {
  return HolidayCalendar{"test.ics", {Holiday{day(date), std::move(name)}}};
}
// Wed 18 Nov 2026 is a holiday in Saxony (DE-SN) only.
inline void saxon_holiday(Config& cfg, Contact&) {
  cfg.holidays.regions["DE-SN"] = {calendar_of("2026-11-18", "Repentance and Prayer Day")};
}
inline void contact_in_saxony(Config& cfg, Contact& c) {
  saxon_holiday(cfg, c);
  c.region = "DE-SN";
}
inline void owner_in_saxony(Config& cfg, Contact& c) {
  saxon_holiday(cfg, c);
  cfg.owners["alice"].region = "DE-SN";
}
// Thanksgiving is listed for the US; the contact is in New York State.
inline void business_days_contact_in_new_york_state(Config& cfg, Contact& c) {
  business_days(cfg, c);
  cfg.holidays.regions["US"] = {calendar_of("2026-11-26", "Thanksgiving Day")};
  c.region = "US-NY";
}
// Christmas for everyone, both as a date and in a calendar that names it.
inline void named_christmas_contact_in_saxony(Config& cfg, Contact& c) {
  daily_christmas(cfg, c);
  cfg.holidays.calendars = {calendar_of("2026-12-25", "Christmas Day")};
  contact_in_saxony(cfg, c);
}

// The issue's own example: 7 business days x1.5 for 2 unanswered, a Tuesday
// window, Christmas on the way.
inline void example(Config& cfg, Contact& c) {
  cfg.cadences["basic"].steps = durations({"2d", "4d", "7d"});
  cfg.cadences["basic"].business_days = true;
  cfg.cadences["basic"].backoff = 1.5;
  cfg.cadences["basic"].min_gap = duration("2d");
  cfg.holidays.dates = {day("2025-12-25")};
  c.name = "Jane";
  c.window = window("tue 16:00-17:30");
}

}  // namespace touchbase::testing
