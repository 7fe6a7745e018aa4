#include "tests/scheduler/random_world.h"

#include <algorithm>

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;

constexpr std::array<Seconds, 10> k_steps = {Seconds(30min),    Seconds(2h),         Seconds(12h),     Seconds(24h),
                                             Seconds(48h),      Seconds(72h),        Seconds(24h * 5), Seconds(24h * 7),
                                             Seconds(24h * 14), Seconds(24h * 3 / 2)};
constexpr std::array<Seconds, 5> k_min_gaps = {Seconds(0), Seconds(1h), Seconds(24h), Seconds(48h), Seconds(0)};
constexpr std::array<Seconds, 5> k_leads = {Seconds(0), Seconds(5min), Seconds(15min), Seconds(1h), Seconds(3h)};
constexpr std::array<double, 4> k_backoffs = {1.0, 1.25, 1.5, 2.0};
constexpr std::array<int, 4> k_limits = {0, 2, 5, 25};
constexpr std::array<Outcome, 5> k_outcomes = {Outcome::touched, Outcome::no_answer, Outcome::touched, Outcome::replied,
                                               Outcome::meeting};

}  // namespace

WeeklyWindow WorldMaker::random_window(int min_length) {
  WeeklyWindow w;
  while (w.days.empty()) w.days.bits = static_cast<std::uint8_t>(uniform(0, 127));
  int start = uniform(0, 88) * 15;
  const int ranges = uniform(1, 2);
  for (int i = 0; i < ranges && start < 1440 - min_length; ++i) {
    const int end = std::min(1440, start + min_length + uniform(0, 40) * 15);
    w.hours.push_back(HourRange{start, end});
    start = end + uniform(1, 24) * 15;
  }
  return w;
}

Cadence WorldMaker::random_cadence(const std::string& name, int count) {
  Cadence c;
  c.name = name;
  const int steps = uniform(1, 4);
  for (int i = 0; i < steps; ++i) c.steps.push_back(pick(k_steps));
  c.repeat = chance(0.6);
  c.business_days = chance(0.4);
  c.min_gap = pick(k_min_gaps);
  if (chance(0.4)) c.max_touches = RollingCap{uniform(1, 4), Seconds(24h) * uniform(1, 21)};
  c.backoff = pick(k_backoffs);
  c.give_up_after = chance(0.5) ? uniform(2, 6) : 0;
  const int then = uniform(-2, count - 1);
  c.then = then == -2 ? "" : then == -1 ? "dormant" : "c" + std::to_string(then);
  const int reply = uniform(-2, count - 1);
  c.on_reply = reply == -2 ? "pause" : reply == -1 ? "stop" : "c" + std::to_string(reply);
  return c;
}

Owner WorldMaker::random_owner(const std::string& id) {
  Owner o;
  o.id = id;
  o.name = "Owner " + id;
  o.timezone = pick(k_world_zones);
  o.working_hours = random_window(60);
  o.daily_limit = pick(k_limits);
  return o;
}

PlanContact WorldMaker::random_contact(int index, const Config& config, Instant now) {
  PlanContact pc;
  Contact& c = pc.contact;
  c.id = "c" + std::to_string(index);
  c.name = "Contact " + std::to_string(index);
  c.value = uniform(0, 5) * 1000.0;
  if (chance(0.8)) c.timezone = pick(k_world_zones);
  if (chance(0.7)) c.window = random_window(15);
  if (chance(0.8)) c.cadence = "c" + std::to_string(uniform(0, static_cast<int>(config.cadences.size()) - 1));
  if (chance(0.8)) c.owner = "o" + std::to_string(uniform(0, static_cast<int>(config.owners.size()) - 1));
  if (chance(0.1)) c.status = ContactStatus::paused;
  if (chance(0.15) || c.status == ContactStatus::paused) c.paused_until = now + Seconds(1h) * uniform(-48, 24 * 20);
  if (chance(0.3)) c.last_touch = now - Seconds(1h) * uniform(24 * 30, 24 * 60);
  if (chance(0.15)) c.next_step.date = Date(date::floor<date::days>(now + Seconds(24h) * uniform(-3, 30)));
  Instant t = now - Seconds(1h) * uniform(1, 24 * 25);
  const int touches = uniform(0, 5);
  for (int i = 0; i < touches && t < now; ++i) {
    pc.history.push_back(Touch{t, pick(k_outcomes), "", ""});
    t += Seconds(1h) * uniform(1, 24 * 5);
  }
  if (!pc.history.empty() && chance(0.2)) c.cadence_since = pc.history.front().at + Seconds(1);
  return pc;
}

World WorldMaker::make(int contacts, Instant now) {
  World w;
  w.now = now;
  Config& cfg = w.config;
  cfg.defaults.timezone = pick(k_world_zones);
  cfg.defaults.contact_window = random_window(30);
  cfg.defaults.lead_time = pick(k_leads);
  const int owners = uniform(1, 3);
  for (int i = 0; i < owners; ++i) cfg.owners["o" + std::to_string(i)] = random_owner("o" + std::to_string(i));
  cfg.defaults.owner = "o0";
  const int cadences = 4;
  for (int i = 0; i < cadences; ++i)
    cfg.cadences["c" + std::to_string(i)] = random_cadence("c" + std::to_string(i), cadences);
  cfg.defaults.cadence = "c0";
  const int holidays = uniform(0, 8);
  for (int i = 0; i < holidays; ++i)
    cfg.holidays.dates.push_back(Date(date::floor<date::days>(now + Seconds(24h) * uniform(-10, 90))));
  std::vector<Date>& dates = cfg.holidays.dates;
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  for (int i = 0; i < contacts; ++i) w.contacts.push_back(random_contact(i, cfg, now));
  return w;
}

}  // namespace touchbase::testing
