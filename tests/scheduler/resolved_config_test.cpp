// Whose holidays apply: everyone's, a country's and a region's.
#include "scheduler/resolved_config.h"

#include <gtest/gtest.h>

#include "tests/scheduler/rule_case.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;

LocalDays local_day(std::string_view text) {
  return LocalDays(day(text));
}

// Dec 31 for everyone as a date, Christmas Day for everyone in a calendar,
// German Unity Day in Germany, Repentance and Prayer Day in Saxony, and
// Thanksgiving in the US.
Config holiday_config() {
  Config config = base_config();
  config.holidays.dates = {day("2026-12-31")};
  config.holidays.calendars = {calendar_of("2026-12-25", "Christmas Day")};
  config.holidays.regions["DE"] = {calendar_of("2026-10-03", "German Unity Day")};
  config.holidays.regions["DE-SN"] = {calendar_of("2026-11-18", "Repentance and Prayer Day"),
                                      calendar_of("2026-12-25", "Erster Weihnachtstag")};
  config.holidays.regions["US"] = {calendar_of("2026-11-26", "Thanksgiving Day")};
  return config;
}

TEST(ResolvedConfigHolidays, ARegionHasItsOwnItsCountrysAndEveryonesHolidays) {
  const Config config = holiday_config();
  const ResolvedConfig resolved(config);
  const Holidays& saxony = resolved.holidays_in("DE-SN");
  for (const char* d : {"2026-11-18", "2026-10-03", "2026-12-25", "2026-12-31"}) {
    EXPECT_TRUE(saxony.contains(local_day(d))) << d;
  }
  EXPECT_FALSE(saxony.contains(local_day("2026-11-26")));
  EXPECT_EQ(saxony.label(local_day("2026-11-18")).name, "Repentance and Prayer Day");
  EXPECT_EQ(saxony.label(local_day("2026-11-18")).region, "DE-SN");
  EXPECT_EQ(saxony.label(local_day("2026-10-03")).name, "German Unity Day");
  EXPECT_EQ(saxony.label(local_day("2026-10-03")).region, "DE");
  // The region's name for a day comes before everyone's.
  EXPECT_EQ(saxony.label(local_day("2026-12-25")).name, "Erster Weihnachtstag");
  EXPECT_EQ(saxony.label(local_day("2026-12-31")).name, "");
}

TEST(ResolvedConfigHolidays, ARegionWithoutCalendarsHasItsCountrysElseEveryones) {
  const Config config = holiday_config();
  const ResolvedConfig resolved(config);
  const Holidays& bavaria = resolved.holidays_in("DE-BY");
  EXPECT_TRUE(bavaria.contains(local_day("2026-10-03")));
  EXPECT_FALSE(bavaria.contains(local_day("2026-11-18")));
  EXPECT_EQ(bavaria.label(local_day("2026-12-25")).name, "Christmas Day");
  for (std::string_view region : {"FR", "FR-75C", ""}) {
    const Holidays& h = resolved.holidays_in(region);
    EXPECT_TRUE(h.contains(local_day("2026-12-25"))) << region;
    EXPECT_TRUE(h.contains(local_day("2026-12-31"))) << region;
    EXPECT_FALSE(h.contains(local_day("2026-10-03"))) << region;
    EXPECT_FALSE(h.contains(local_day("2026-11-26"))) << region;
  }
}

TEST(ResolvedConfigHolidays, AContactsAndAnOwnersHolidaysAreThoseOfTheirRegions) {
  Config config = holiday_config();
  config.owners["alice"].region = "US-NY";
  config.owners["bob"] = owner("bob", "Bob", "Europe/Berlin", "mon-fri 08:00-18:00");
  const ResolvedConfig resolved(config);
  Contact c = contact();
  c.region = "DE-SN";
  EXPECT_TRUE(resolved.holidays_of(c).contains(local_day("2026-11-18")));
  EXPECT_FALSE(resolved.holidays_of(c).contains(local_day("2026-11-26")));

  c.owner = "alice";
  EXPECT_TRUE(resolved.owner_of(c)->holidays->contains(local_day("2026-11-26")));
  EXPECT_FALSE(resolved.owner_of(c)->holidays->contains(local_day("2026-11-18")));
  c.owner = "bob";
  EXPECT_FALSE(resolved.owner_of(c)->holidays->contains(local_day("2026-11-26")));
  EXPECT_TRUE(resolved.owner_of(c)->holidays->contains(local_day("2026-12-25")));
}

}  // namespace
}  // namespace touchbase
