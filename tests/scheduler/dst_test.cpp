// Clock changes: windows that start in, end in, or straddle a DST gap or fold,
// on both transitions of each zone, including half-hour and 45-minute zones
// and Lord Howe's 30-minute shift; and zones across the date line.
// A gap's missing local times move to the instant of the change; a fold's
// repeated local times take their first occurrence.

#include <gtest/gtest.h>

#include "scheduler/cadence_engine.h"
#include "scheduler/plan.h"
#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using namespace std::chrono_literals;

// One clock change: on `day` (a Sunday) at local `from` the clock shows `to`.
// to > from: a gap [from, to); to < from: a fold [to, from) that occurs twice.
struct Change {
  const char* zone;
  const char* day;
  int from;  // minutes since local midnight
  int to;
  int offset_before;  // minutes east of UTC
  int offset_after;

  bool gap() const { return to > from; }
  // The instant whose local reading with `offset` is minute `m` of the day, `weeks_later` weeks on.
  Instant local(int m, int offset, int weeks_later = 0) const {
    return Instant(date::sys_days(testing::day(day)) + date::weeks(weeks_later) + std::chrono::minutes(m) -
                   std::chrono::minutes(offset));
  }
  Instant change_instant() const { return local(from, offset_before); }
};

void PrintTo(const Change& c, std::ostream* os) {
  *os << c.zone << " " << c.day << (c.gap() ? " gap" : " fold");
}

const Change k_changes[] = {
    {"Europe/Berlin", "2026-03-29", 120, 180, 60, 120},       {"Europe/Berlin", "2026-10-25", 180, 120, 120, 60},
    {"America/New_York", "2026-03-08", 120, 180, -300, -240}, {"America/New_York", "2026-11-01", 120, 60, -240, -300},
    {"Australia/Adelaide", "2026-04-05", 180, 120, 630, 570}, {"Australia/Adelaide", "2026-10-04", 120, 180, 570, 630},
    {"Pacific/Chatham", "2026-04-05", 225, 165, 825, 765},    {"Pacific/Chatham", "2026-09-27", 165, 225, 765, 825},
    {"Australia/Lord_Howe", "2026-04-05", 120, 90, 660, 630}, {"Australia/Lord_Howe", "2026-10-04", 120, 150, 630, 660},
};

class ClockChange : public ::testing::TestWithParam<Change> {
 protected:
  // A first touch, due at the first window instant at or after `now`, for a
  // contact in the change's zone whose window is Sundays [start, end).
  Decision first_touch(int start, int end, Instant now) {
    config_ = base_config();
    config_.owners["alice"] = owner("alice", "Alice Moreno", GetParam().zone, "mon-sun 00:00-24:00");
    engine_ = std::make_unique<CadenceEngine>(config_);
    Contact c = contact();
    c.timezone = GetParam().zone;
    c.window = WeeklyWindow{parse_day_set("sun").value(), {HourRange{start, end}}};
    return engine_->next(c, {}, now);
  }
  int mid() const { return (GetParam().from + GetParam().to) / 2; }
  int low() const { return std::min(GetParam().from, GetParam().to); }
  int high() const { return std::max(GetParam().from, GetParam().to); }

  Config config_;
  std::unique_ptr<CadenceEngine> engine_;
};

TEST_P(ClockChange, AWindowStartingInsideTheChange) {
  const Change& c = GetParam();
  const Instant day_before = c.local(0, c.offset_before) - 12h;
  Decision d = first_touch(mid(), high() + 60, day_before);
  if (c.gap()) {
    // The start does not exist: the first valid instant, the change itself.
    EXPECT_EQ(d.due_at, c.change_instant());
    EXPECT_NE(d.why.find("clock-change gap"), std::string::npos) << d.why;
  } else {
    // The start exists twice: its first occurrence.
    EXPECT_EQ(d.due_at, c.local(mid(), c.offset_before));
  }
}

TEST_P(ClockChange, AWindowEndingInsideTheChangeIsOverOnceTheChangeHasPassed) {
  const Change& c = GetParam();
  // After the change (in a fold: the repeated hour's second pass), the interval has ended.
  const Instant after = c.gap() ? c.change_instant() : c.local(c.to, c.offset_after);
  Decision d = first_touch(low() - 60, mid(), after);
  EXPECT_EQ(d.due_at, c.local(low() - 60, c.offset_after, 1));
  // Before the change, the window is open.
  const Instant before = c.local(low() - 30, c.offset_before);
  EXPECT_EQ(first_touch(low() - 60, mid(), before).due_at, before);
}

TEST_P(ClockChange, AWindowStraddlingTheChangeStaysOpenAcrossIt) {
  const Change& c = GetParam();
  const int start = low() - 60;
  const int end = high() + 60;
  // From the day before: the window's start, before the change.
  EXPECT_EQ(first_touch(start, end, c.local(0, c.offset_before) - 12h).due_at, c.local(start, c.offset_before));
  // At the change and inside a fold's second pass: still open, due at once.
  EXPECT_EQ(first_touch(start, end, c.change_instant()).due_at, c.change_instant());
  const Instant late = c.local(mid(), c.offset_after);
  EXPECT_EQ(first_touch(start, end, late).due_at, late);
}

TEST_P(ClockChange, AFollowUpNeverFiresTwiceAcrossTheChange) {
  // Hourly steps through a Sunday whose window spans the change: each due
  // instant once, strictly increasing, one hour apart or at the window's edge.
  const Change& c = GetParam();
  Config config = base_config();
  config.cadences["basic"] = plain_cadence("basic", {"1h"});
  config.owners["alice"] = owner("alice", "Alice Moreno", c.zone, "mon-sun 00:00-24:00");
  config.owners["alice"].daily_limit = 0;
  CadenceEngine engine(config);
  PlanContact pc{contact(), {}};
  pc.contact.timezone = c.zone;
  pc.contact.window = WeeklyWindow{parse_day_set("sun").value(), {HourRange{0, 8 * 60}}};
  const Instant start = c.local(0, c.offset_before);
  Plan plan = plan_follow_ups(engine, std::span(&pc, 1), start, start + 10h).value();
  ASSERT_GE(plan.follow_ups.size(), 6u);
  for (std::size_t i = 1; i < plan.follow_ups.size(); ++i) {
    EXPECT_EQ(plan.follow_ups[i].due_at - plan.follow_ups[i - 1].due_at, Seconds(1h)) << i;
  }
  // Eight local hours from midnight are 7, 8 (Lord Howe: 7.5, 8.5) or 9 real hours.
  const auto real = (c.local(8 * 60, c.offset_after) - start);
  EXPECT_EQ(plan.follow_ups.size(), static_cast<std::size_t>((real + 59min) / 1h));
}

INSTANTIATE_TEST_SUITE_P(Zones, ClockChange, ::testing::ValuesIn(k_changes), [](const auto& param_info) {
  std::string name = std::string(param_info.param.zone) + "_" + param_info.param.day;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
});

struct FixedZone {
  const char* zone;
  const char* due;  // Monday 09:00 local, 2026-11-23, as UTC
};

TEST(FixedOffsetZones, HalfHourAndDateLineZonesReadTheWindowLocally) {
  const FixedZone zones[] = {
      {"Asia/Kolkata", "2026-11-23T03:30:00Z"},         // +05:30
      {"Australia/Adelaide", "2026-11-22T22:30:00Z"},   // +10:30 (summer)
      {"Pacific/Chatham", "2026-11-22T19:15:00Z"},      // +13:45 (summer)
      {"Australia/Lord_Howe", "2026-11-22T22:00:00Z"},  // +11:00 (summer)
      {"Pacific/Kiritimati", "2026-11-22T19:00:00Z"},   // +14:00: Monday begins on Sunday in UTC
      {"Pacific/Pago_Pago", "2026-11-23T20:00:00Z"},    // -11:00: Monday ends on Tuesday in UTC
  };
  for (const auto& z : zones) {
    Config config = base_config();
    config.owners["alice"].working_hours = window("mon-sun 00:00-24:00");  // the reminder never moves the call
    CadenceEngine engine(config);
    Contact c = contact();
    c.timezone = z.zone;
    c.window = window("mon 09:00-10:00");
    Decision d = engine.next(c, {}, at("2026-11-21T00:00:00Z"));
    EXPECT_EQ(format_rfc3339(d.due_at), z.due) << z.zone;
    EXPECT_NE(d.why.find(std::string("Mon 23 Nov 09:00 ") + z.zone), std::string::npos) << d.why;
  }
}

TEST(FixedOffsetZones, BusinessDaysAreCountedOnTheContactsSideOfTheDateLine) {
  // Fri 27 Nov 23:00Z is already Saturday 13:00 in Kiritimati and still Friday 12:00 in Pago Pago.
  Config config = base_config();
  config.cadences["basic"] = plain_cadence("basic", {"1d"});
  config.cadences["basic"].business_days = true;
  config.owners["alice"].working_hours = window("mon-sun 00:00-24:00");  // the reminder never moves the call
  CadenceEngine engine(config);
  std::vector<Touch> history = {touch("2026-11-27T23:00:00Z")};
  Contact kiritimati = contact();
  kiritimati.timezone = "Pacific/Kiritimati";
  kiritimati.window = window("mon-sun 00:00-24:00");
  // Saturday -> the next business day is Monday, 13:00 kept.
  EXPECT_EQ(format_rfc3339(engine.next(kiritimati, history, at("2026-11-28T00:00:00Z")).due_at),
            "2026-11-29T23:00:00Z");
  Contact pago = kiritimati;
  pago.timezone = "Pacific/Pago_Pago";
  // Friday -> Monday 12:00 in Pago Pago, which is Monday 23:00Z.
  EXPECT_EQ(format_rfc3339(engine.next(pago, history, at("2026-11-28T00:00:00Z")).due_at), "2026-11-30T23:00:00Z");
}

TEST(OwnerClockChange, AReminderInTheOwnersGapFallsBackToTheLastWorkingMinute) {
  // The owner works Sundays 01:00-02:30 and 03:30-05:00 in Berlin; on 29 Mar 2026 02:00-03:00 does not exist.
  // A call due at 03:40 CEST (01:40Z) with a 15m lead: 03:25 CEST is off hours, the interval before ends at the
  // gap (01:00Z = 03:00 CEST): the last working minute is 00:59Z.
  Config config = base_config();
  config.owners["alice"] = owner("alice", "Alice Moreno", "Europe/Berlin", "sun 01:00-02:30,03:30-05:00");
  CadenceEngine engine(config);
  Contact c = contact();
  c.timezone = "Europe/Berlin";
  c.window = window("sun 03:40-04:00");
  Decision d = engine.next(c, {}, at("2026-03-28T12:00:00Z"));
  EXPECT_EQ(format_rfc3339(d.due_at), "2026-03-29T01:40:00Z");
  EXPECT_EQ(format_rfc3339(d.remind_at), "2026-03-29T00:59:00Z");
}

}  // namespace
}  // namespace touchbase
