// [owners.ID]: the salespeople who are reminded.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

// Owner tests bring their own [owners.*] tables.
std::vector<std::string> owner_errors(std::string_view owners) {
  return config_errors(std::string(owners) + std::string(k_console) + std::string(k_prospect));
}

TEST(ReadOwners, AnOwnerWithOnlyNotifyTakesTheDefaults) {
  Config c = load_ok(k_minimal_rest);
  const Owner& alice = c.owners.at("alice");
  EXPECT_EQ(alice.id, "alice");
  EXPECT_EQ(alice.name, "alice");
  EXPECT_EQ(alice.timezone, k_default_timezone);
  EXPECT_EQ(format_window(alice.working_hours), "mon-fri 09:00-17:00");
  EXPECT_EQ(alice.notify, std::vector<std::string>{"console"});
  EXPECT_EQ(alice.daily_limit, k_default_daily_limit);
}

TEST(ReadOwners, AnOwnersRegionIsKeptInCapitals) {
  Config c = load_ok("[owners.alice]\nregion = \"us-ny\"\nnotify = [\"console\"]\n" + std::string(k_console) +
                     std::string(k_prospect));
  EXPECT_EQ(c.owners.at("alice").region, "US-NY");
  EXPECT_EQ(load_ok(k_minimal_rest).owners.at("alice").region, "");
}

TEST(ReadOwners, ARegionThatIsNotIso3166StyleIsAnError) {
  EXPECT_THAT(owner_errors("[owners.alice]\nregion = \"New York\"\nnotify = [\"console\"]\n"),
              ElementsAre("t.toml:2:10: owners.alice.region: 'New York' is not a region: expected an ISO 3166-2 code "
                          "like US, US-NY or DE-BE (a country's two letters, then optionally '-' and up to three "
                          "letters or digits)"));
}

TEST(ReadOwners, TheTimezoneDefaultsToTheConfiguredDefault) {
  Config c = load_ok("[defaults]\ntimezone = \"Europe/Paris\"\n" + k_minimal_rest);
  EXPECT_EQ(c.owners.at("alice").timezone, "Europe/Paris");
}

TEST(ReadOwners, EveryValueIsRead) {
  Config c = load_ok(R"([owners.alice]
name = "Alice Moreno"
timezone = "America/Chicago"
working_hours = { days = "mon-thu", hours = "08:30-12:00,13:00-17:30" }
notify = ["console", "backup"]
daily_limit = 10

[notifiers.backup]
kind = "command"
command = ["logger", "-t", "touchbase"]
)" + std::string(k_console) +
                     std::string(k_prospect));
  const Owner& alice = c.owners.at("alice");
  EXPECT_EQ(alice.name, "Alice Moreno");
  EXPECT_EQ(alice.timezone, "America/Chicago");
  EXPECT_EQ(format_window(alice.working_hours), "mon-thu 08:30-12:00,13:00-17:30");
  EXPECT_EQ(alice.notify, (std::vector<std::string>{"console", "backup"}));
  EXPECT_EQ(alice.daily_limit, 10);
}

TEST(ReadOwners, NotifyIsRequired) {
  EXPECT_THAT(owner_errors("[owners.alice]\nname = \"Alice\"\n"),
              ElementsAre("t.toml:1:1: owners.alice.notify: missing required key: expected an array of notifier "
                          "names like [\"alice-mail\"]"));
}

TEST(ReadOwners, NotifyNeedsAtLeastOneName) {
  EXPECT_THAT(owner_errors("[owners.alice]\nnotify = []\n"),
              ElementsAre("t.toml:2:10: owners.alice.notify: expected at least one notifier name, like "
                          "[\"alice-mail\"]"));
}

TEST(ReadOwners, ANotifierNamedTwiceIsAnError) {
  EXPECT_THAT(owner_errors("[owners.alice]\nnotify = [\"console\", \"console\"]\n"),
              ElementsAre("t.toml:2:22: owners.alice.notify[1]: notifier 'console' is listed twice"));
}

TEST(ReadOwners, AnUndefinedNotifierSuggestsTheNearest) {
  EXPECT_THAT(owner_errors("[owners.alice]\nnotify = [\"consle\"]\n"),
              ElementsAre("t.toml:2:11: owners.alice.notify[0]: notifier 'consle' is not defined; did you mean "
                          "'console'?"));
}

TEST(ReadOwners, TheDailyLimitIsAtLeastOne) {
  EXPECT_THAT(owner_errors("[owners.alice]\nnotify = [\"console\"]\ndaily_limit = 0\n"),
              ElementsAre("t.toml:3:15: owners.alice.daily_limit: expected an integer of at least 1, got 0"));
}

TEST(ReadOwners, OverlappingWorkingHoursAreAnError) {
  EXPECT_THAT(owner_errors("[owners.alice]\nnotify = [\"console\"]\n"
                           "working_hours = { hours = \"09:00-12:00,11:00-13:00\" }\n"),
              ElementsAre("t.toml:3:27: owners.alice.working_hours.hours: hour ranges 09:00-12:00,11:00-13:00 "
                          "overlap: expected separate ranges"));
}

TEST(ReadOwners, AnOwnerMustBeATable) {
  EXPECT_THAT(owner_errors("[owners]\nalice = \"Alice\"\nbob = { notify = [\"console\"] }\n"),
              ElementsAre("t.toml:2:9: owners.alice: expected a table like [owners.alice], got a string"));
}

}  // namespace
}  // namespace touchbase::testing
