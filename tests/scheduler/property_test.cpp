// Thousands of random contacts, cadences, owners and histories from fixed
// seeds, planned 45 days ahead. For every planned follow-up the invariants
// hold, checked independently of the engine with date/tz directly:
// inside the contact's window and allowed days in the contact's zone, not a
// holiday there; strictly after the contact's previous touch and at least
// min_gap after it; never more than `count` touches within any `within`;
// the reminder no later than the follow-up, inside the owner's working hours,
// and not before the decision unless the follow-up is overdue; each owner's
// daily limit;
// strictly increasing per contact; the plan ordered by remind_at.

#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "scheduler/cadence_engine.h"
#include "scheduler/plan.h"
#include "tests/scheduler/random_world.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;
using testing::World;
using testing::WorldMaker;

constexpr int k_seeds = 12;
constexpr int k_contacts_per_seed = 250;
constexpr Seconds k_horizon = std::chrono::hours(24 * 45);

const Instant k_now = parse_rfc3339("2026-03-20T09:17:00Z").value();  // the weeks around the clock changes

const date::time_zone* zone_named(const World& w, const std::string& name) {
  try {
    return date::locate_zone(name.empty() ? w.config.defaults.timezone : name);
  } catch (const std::exception&) {
    return date::locate_zone(w.config.defaults.timezone);
  }
}

bool is_holiday(const World& w, date::local_days day) {
  return std::binary_search(w.config.holidays.dates.begin(), w.config.holidays.dates.end(), Date(day));
}

// Whether `t`'s local reading in `zone` falls in `window` on an allowed day that is no holiday.
bool reads_inside(const World& w, const date::time_zone* zone, const WeeklyWindow& window, Instant t) {
  const auto local = date::make_zoned(zone, t).get_local_time();
  const auto day = date::floor<date::days>(local);
  if (!window.days.contains(date::weekday(day).c_encoding()) || is_holiday(w, day)) return false;
  const auto second = (local - day).count();
  for (const HourRange& r : window.hours) {
    if (second >= r.start_minute * 60 && second < r.end_minute * 60) return true;
  }
  return false;
}

const WeeklyWindow& window_of(const World& w, const Contact& c) {
  return c.window ? *c.window : w.config.defaults.contact_window;
}

// The touches the engine knows before the plan starts (history plus a last touch outside it).
std::vector<Instant> known_touches(const PlanContact& pc) {
  std::vector<Instant> out;
  for (const Touch& t : pc.history) out.push_back(t.at);
  if (const auto& lt = pc.contact.last_touch) {
    if (out.empty() || *lt < out.front()) out.insert(out.begin(), *lt);
    if (*lt > out.back()) out.push_back(*lt);
  }
  return out;
}

class Invariants {
 public:
  Invariants(const World& w, const Plan& plan) : w_(w), plan_(plan) {}

  void check() {
    check_order();
    std::map<std::string, std::vector<const PlannedFollowUp*>> by_contact;
    for (const auto& f : plan_.follow_ups) by_contact[f.contact].push_back(&f);
    for (const PlanContact& pc : w_.contacts) {
      auto it = by_contact.find(pc.contact.id);
      if (it != by_contact.end()) check_contact(pc, it->second);
    }
    check_daily_limits();
  }

  int checked = 0;

 private:
  void check_order() {
    for (std::size_t i = 1; i < plan_.follow_ups.size(); ++i) {
      ASSERT_LE(plan_.follow_ups[i - 1].remind_at, plan_.follow_ups[i].remind_at);
    }
  }

  void check_contact(const PlanContact& pc, const std::vector<const PlannedFollowUp*>& follow_ups) {
    std::vector<Instant> touches = known_touches(pc);
    const date::time_zone* zone = zone_named(w_, pc.contact.timezone);
    const WeeklyWindow& window = window_of(w_, pc.contact);
    Instant decided = w_.now;
    for (const PlannedFollowUp* f : follow_ups) {
      SCOPED_TRACE(describe(pc, *f));
      const Cadence& cadence = w_.config.cadences.at(f->cadence);
      EXPECT_EQ(f->timezone, zone->name());
      EXPECT_TRUE(reads_inside(w_, zone, window, f->due_at)) << "outside the contact's window";
      if (pc.contact.paused_until) {
        EXPECT_GE(f->due_at, *pc.contact.paused_until);
      }
      if (!touches.empty()) {
        EXPECT_GT(f->due_at, touches.back()) << "not after the previous touch";
        EXPECT_GE(f->due_at, touches.back() + cadence.min_gap) << "min_gap";
      }
      if (cadence.max_touches) check_cap(*cadence.max_touches, touches, f->due_at);
      check_reminder(*f, decided);
      const Instant done = std::max(f->due_at, w_.now);
      touches.push_back(done);
      decided = done;
      ++checked;
    }
  }

  void check_cap(const RollingCap& cap, const std::vector<Instant>& before, Instant due) {
    int in_window = 1;
    for (Instant t : before) in_window += (t > due - cap.within) ? 1 : 0;
    EXPECT_LE(in_window, cap.count) << "more than " << cap.count << " touches within " << cap.within.count() << "s";
  }

  void check_reminder(const PlannedFollowUp& f, Instant decided) {
    EXPECT_LE(f.remind_at, f.due_at);
    const Owner& owner = w_.config.owners.at(f.owner);
    const date::time_zone* zone = zone_named(w_, owner.timezone);
    EXPECT_TRUE(reads_inside(w_, zone, owner.working_hours, f.remind_at)) << "reminder outside the owner's hours";
    // An overdue follow-up keeps its computed reminder, so the caller can tell how late it is.
    if (f.due_at >= decided) {
      EXPECT_GE(f.remind_at, decided) << "reminder before the decision";
    }
  }

  void check_daily_limits() {
    std::map<std::pair<std::string, date::local_days>, int> per_day;
    for (const auto& f : plan_.follow_ups) {
      const Owner& owner = w_.config.owners.at(f.owner);
      // An overdue reminder goes out, and counts, today.
      const Instant sent = std::max(f.remind_at, w_.now);
      const auto day = date::floor<date::days>(date::make_zoned(zone_named(w_, owner.timezone), sent).get_local_time());
      const int n = ++per_day[{f.owner, day}];
      if (owner.daily_limit > 0) {
        EXPECT_LE(n, owner.daily_limit) << "daily limit of " << f.owner;
      }
    }
  }

  std::string describe(const PlanContact& pc, const PlannedFollowUp& f) const {
    std::ostringstream out;
    out << pc.contact.id << " step " << f.step << " of " << f.cadence << " due " << format_rfc3339(f.due_at)
        << " remind " << format_rfc3339(f.remind_at) << " zone " << f.timezone << " why: " << f.why;
    return out.str();
  }

  const World& w_;
  const Plan& plan_;
};

TEST(PlanProperties, EveryPlannedFollowUpKeepsEveryRule) {
  int checked = 0;
  for (int seed = 1; seed <= k_seeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    World w = WorldMaker(static_cast<std::uint64_t>(seed)).make(k_contacts_per_seed, k_now + Seconds(seed * 86399));
    CadenceEngine engine(w.config);
    Plan plan = plan_follow_ups(engine, w.contacts, w.now, w.now + k_horizon).value();
    Invariants inv(w, plan);
    inv.check();
    checked += inv.checked;
    if (::testing::Test::HasFailure()) break;
  }
  // The worlds are busy enough for the check to mean something.
  EXPECT_GT(checked, k_seeds * k_contacts_per_seed);
}

TEST(EngineProperties, EveryReminderIsInTheOwnersWorkingHoursNotBeforeNowAndItsCallInTheWindow) {
  // Random zones, windows, working hours, lead times (up to 12h) and `now` (any minute of a year).
  int checked = 0;
  for (int seed = 1; seed <= 200; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    WorldMaker maker(static_cast<std::uint64_t>(seed) * 7919);
    const Instant now = k_now + std::chrono::minutes(maker.uniform(0, 365 * 24 * 60));
    World w = maker.make(40, now);
    w.config.defaults.lead_time = std::chrono::minutes(maker.uniform(0, 12 * 4) * 15);
    CadenceEngine engine(w.config);
    for (const PlanContact& pc : w.contacts) {
      const Decision d = engine.next(pc.contact, pc.history, now);
      if (d.kind != Decision::Kind::follow_up || d.due_at < now) continue;
      SCOPED_TRACE(pc.contact.id + " at " + format_rfc3339(now) + " due " + format_rfc3339(d.due_at) + " remind " +
                   format_rfc3339(d.remind_at) + " why: " + d.why);
      const Owner& owner = w.config.owners.at(d.owner);
      EXPECT_TRUE(reads_inside(w, zone_named(w, owner.timezone), owner.working_hours, d.remind_at))
          << "reminder outside the owner's hours";
      EXPECT_GE(d.remind_at, now) << "reminder in the past";
      EXPECT_LE(d.remind_at, d.due_at);
      EXPECT_TRUE(reads_inside(w, zone_named(w, pc.contact.timezone), window_of(w, pc.contact), d.due_at))
          << "outside the contact's window";
      ++checked;
      if (::testing::Test::HasFailure()) return;
    }
  }
  EXPECT_GT(checked, 2000);
}

TEST(PlanProperties, TheSameInputsGiveTheSamePlan) {
  World w = WorldMaker(99).make(100, k_now);
  CadenceEngine engine(w.config);
  Plan a = plan_follow_ups(engine, w.contacts, w.now, w.now + k_horizon).value();
  Plan b = plan_follow_ups(engine, w.contacts, w.now, w.now + k_horizon).value();
  ASSERT_EQ(a.follow_ups.size(), b.follow_ups.size());
  for (std::size_t i = 0; i < a.follow_ups.size(); ++i) {
    EXPECT_EQ(a.follow_ups[i].contact, b.follow_ups[i].contact);
    EXPECT_EQ(a.follow_ups[i].due_at, b.follow_ups[i].due_at);
    EXPECT_EQ(a.follow_ups[i].why, b.follow_ups[i].why);
  }
}

TEST(EngineProperties, DecisionsWithAndWithoutReasonsAgree) {
  World w = WorldMaker(7).make(500, k_now);
  CadenceEngine engine(w.config);
  Decision quiet;
  for (const PlanContact& pc : w.contacts) {
    Decision full = engine.next(pc.contact, pc.history, w.now);
    engine.next(pc.contact, pc.history, w.now, NextOptions{Explain::no, {}, {}}, quiet);
    ASSERT_EQ(full.kind, quiet.kind) << pc.contact.id;
    EXPECT_EQ(full.due_at, quiet.due_at) << pc.contact.id;
    EXPECT_EQ(full.remind_at, quiet.remind_at) << pc.contact.id;
    EXPECT_EQ(full.step, quiet.step) << pc.contact.id;
    EXPECT_EQ(full.next_cadence, quiet.next_cadence) << pc.contact.id;
    EXPECT_TRUE(quiet.why.empty());
    if (full.kind != Decision::Kind::none || pc.contact.status == ContactStatus::active) {
      EXPECT_FALSE(full.why.empty()) << pc.contact.id;
    }
  }
}

}  // namespace
}  // namespace touchbase
