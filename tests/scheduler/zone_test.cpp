// The engine's zone tables against date/tz itself, hour by hour, and the
// gap and fold rules.

#include "scheduler/zone.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;
using testing::at;

constexpr const char* k_zones[] = {"Europe/Berlin",      "America/New_York",    "Australia/Adelaide",
                                   "Pacific/Chatham",    "Australia/Lord_Howe", "Asia/Kolkata",
                                   "Pacific/Kiritimati", "Pacific/Pago_Pago",   "Pacific/Apia",
                                   "America/Sao_Paulo",  "Africa/Casablanca"};

// What the engine's rule gives, computed with date/tz's own local_info.
Instant expected_instant(const date::time_zone* tz, LocalSeconds local) {
  const date::local_info info = tz->get_info(local);
  if (info.result == date::local_info::nonexistent) return info.second.begin;
  return Instant{local.time_since_epoch() - info.first.offset};
}

TEST(Zone, AgreesWithDateTzEveryHourFrom2024To2028) {
  for (const char* name : k_zones) {
    SCOPED_TRACE(name);
    const Zone zone = lookup_zone(name).value();
    const date::time_zone* tz = date::locate_zone(name);
    int mismatches = 0;
    for (Instant t = at("2024-01-01T00:00:00Z"); t < at("2028-01-01T00:00:00Z"); t += 1h) {
      const LocalSeconds local = date::make_zoned(tz, t).get_local_time();
      if (zone.to_local(t) != local) ++mismatches;
      // Every local hour and half hour, including the ones a change skips or repeats.
      for (Seconds shift : {Seconds(0), Seconds(30min)}) {
        if (zone.to_instant(local + shift).at != expected_instant(tz, local + shift)) ++mismatches;
      }
    }
    EXPECT_EQ(mismatches, 0);
  }
}

TEST(Zone, AGapMovesToTheChangeAndAFoldTakesTheFirstOccurrence) {
  const Zone berlin = lookup_zone("Europe/Berlin").value();
  const LocalSeconds in_gap = LocalSeconds(LocalDays(testing::day("2026-03-29"))) + 2h + 30min;
  ResolvedLocal r = berlin.to_instant(in_gap);
  EXPECT_EQ(r.at, at("2026-03-29T01:00:00Z"));
  EXPECT_EQ(r.fix, LocalFix::gap);
  const LocalSeconds in_fold = LocalSeconds(LocalDays(testing::day("2026-10-25"))) + 2h + 30min;
  r = berlin.to_instant(in_fold);
  EXPECT_EQ(r.at, at("2026-10-25T00:30:00Z"));
  EXPECT_EQ(r.fix, LocalFix::fold);
  EXPECT_EQ(berlin.to_instant(in_fold + 24h).fix, LocalFix::exact);
}

TEST(Zone, DaysWithAndWithoutAChangeConvertAlike) {
  const Zone lord_howe = lookup_zone("Australia/Lord_Howe").value();
  for (const char* d : {"2026-04-04", "2026-04-05", "2026-10-04", "2026-10-05"}) {
    const LocalDays day = LocalDays(testing::day(d));
    const ZoneDay zone_day(lord_howe, day);
    for (int minute = 0; minute <= 1440; minute += 15) {
      EXPECT_EQ(zone_day.at_minute(minute).at,
                lord_howe.to_instant(LocalSeconds(day) + std::chrono::minutes(minute)).at)
          << d << " minute " << minute;
    }
  }
}

TEST(Zone, FarPastAndFutureStillConvert) {
  const Zone ny = lookup_zone("America/New_York").value();
  EXPECT_EQ(ny.to_local(at("2150-07-01T12:00:00Z")).time_since_epoch(),
            at("2150-07-01T12:00:00Z").time_since_epoch() +
                date::make_zoned("America/New_York", at("2150-07-01T12:00:00Z")).get_info().offset);
  EXPECT_EQ(ny.to_instant(ny.to_local(at("1950-01-01T12:00:00Z"))).at, at("1950-01-01T12:00:00Z"));
}

TEST(Zone, UnknownNamesAreNotFound) {
  EXPECT_FALSE(lookup_zone("Mars/Olympus").has_value());
  EXPECT_FALSE(lookup_zone("").has_value());
  EXPECT_EQ(lookup_zone("Asia/Kolkata")->name(), "Asia/Kolkata");
}

}  // namespace
}  // namespace touchbase
