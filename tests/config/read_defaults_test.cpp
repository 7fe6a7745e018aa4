// [defaults] and the window form shared with owners.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

TEST(ReadDefaults, WithoutTheSectionTheNamedDefaultsApply) {
  Config c = load_ok(k_minimal_rest);
  EXPECT_EQ(c.defaults.timezone, k_default_timezone);
  EXPECT_EQ(format_window(c.defaults.contact_window), "tue-thu 16:00-17:30");
  EXPECT_EQ(c.defaults.lead_time, k_default_lead_time);
  EXPECT_EQ(c.defaults.cadence, "prospect");
  EXPECT_EQ(c.defaults.owner, "alice");
  EXPECT_TRUE(c.holidays.dates.empty());
}

TEST(ReadDefaults, EveryValueIsRead) {
  Config c = load_ok(R"([defaults]
timezone = "Europe/Berlin"
contact_window = { days = ["mon", "wed"], hours = "16:00-17:30,09:00-10:00" }
lead_time = "1h"
cadence = "prospect"
owner = "alice"
)" + k_minimal_rest);
  EXPECT_EQ(c.defaults.timezone, "Europe/Berlin");
  EXPECT_EQ(format_window(c.defaults.contact_window), "mon,wed 09:00-10:00,16:00-17:30");
  EXPECT_EQ(c.defaults.lead_time, std::chrono::hours(1));
}

TEST(ReadDefaults, AWindowMayBeOneString) {
  Config c = load_ok("[defaults]\ncontact_window = \"fri-mon 08:00-09:00\"\n" + k_minimal_rest);
  EXPECT_EQ(format_window(c.defaults.contact_window), "mon,fri-sun 08:00-09:00");
}

TEST(ReadDefaults, AWindowWithOnlyDaysKeepsTheDefaultHours) {
  Config c = load_ok("[defaults]\ncontact_window = { days = \"fri\" }\n" + k_minimal_rest);
  EXPECT_EQ(format_window(c.defaults.contact_window), "fri 16:00-17:30");
}

TEST(ReadDefaults, AnUnknownDayIsNamed) {
  EXPECT_THAT(errors_with_rest("[defaults]\ncontact_window = { days = \"mon-fry\" }\n"),
              ElementsAre("t.toml:2:27: defaults.contact_window.days: 'fry' is not a day: expected mon, tue, wed, "
                          "thu, fri, sat or sun"));
}

TEST(ReadDefaults, DaysMustBeAStringOrAnArrayOfNames) {
  EXPECT_THAT(errors_with_rest("[defaults]\ncontact_window = { days = 5 }\n"),
              ElementsAre("t.toml:2:27: defaults.contact_window.days: expected a string like \"mon-fri\" or an array "
                          "of day names, got an integer"));
  EXPECT_THAT(errors_with_rest("[defaults]\ncontact_window = { days = [] }\n"),
              ElementsAre("t.toml:2:27: defaults.contact_window.days: the list of days is empty: expected at least "
                          "one day"));
}

TEST(ReadDefaults, AnEmptyHourRangeIsAnError) {
  EXPECT_THAT(errors_with_rest("[defaults]\ncontact_window = { hours = \"17:00-16:00\" }\n"),
              ElementsAre("t.toml:2:28: defaults.contact_window.hours: '17:00-16:00' is an empty hour range: the end "
                          "must be after the start"));
}

TEST(ReadDefaults, AMalformedWindowStringIsAnError) {
  EXPECT_THAT(errors_with_rest("[defaults]\ncontact_window = \"16:00-17:30\"\n"),
              ElementsAre("t.toml:2:18: defaults.contact_window: '16:00-17:30' is not a window: expected days and "
                          "hours, like 'mon-fri 16:00-17:30'"));
}

TEST(ReadDefaults, AnUnknownKeyInAWindowSuggestsTheNearest) {
  EXPECT_THAT(errors_with_rest("[defaults]\ncontact_window = { days = \"mon\", hour = \"09:00-10:00\" }\n"),
              ElementsAre("t.toml:2:34: defaults.contact_window.hour: unknown key 'hour' in "
                          "defaults.contact_window; did you mean 'hours'?"));
}

TEST(ReadDefaults, AnUnknownTimeZoneIsNamed) {
  EXPECT_THAT(errors_with_rest("[defaults]\ntimezone = \"Mars/Olympus\"\n"),
              ElementsAre("t.toml:2:12: defaults.timezone: 'Mars/Olympus' is not a known IANA time zone: expected a "
                          "name like America/New_York or Europe/Berlin"));
}

}  // namespace
}  // namespace touchbase::testing
