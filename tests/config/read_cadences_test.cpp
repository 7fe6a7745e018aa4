// [cadences.NAME]: gaps, caps, backoff, give-up and what a reply does.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using std::chrono::days;
using ::testing::ElementsAre;

// Cadence tests bring their own [cadences.*] tables.
std::vector<std::string> cadence_errors(std::string_view cadences) {
  return config_errors(std::string(cadences) + std::string(k_alice) + std::string(k_console));
}

Config load_cadences(std::string_view cadences) {
  return load_ok(std::string(cadences) + std::string(k_alice) + std::string(k_console));
}

TEST(ReadCadences, EveryValueIsRead) {
  Config c = load_cadences(R"([cadences.prospect]
steps = ["2d", "4d", "7d", "14d"]
repeat = true
business_days = true
min_gap = "36h"
max_touches = { count = 3, within = "21d" }
backoff = 1.5
give_up_after = 5
then = "nurture"
on_reply = "stop"
require_talking_point = true

[cadences.nurture]
steps = ["45d"]
then = "dormant"
on_reply = "prospect"
)");
  const Cadence& p = c.cadences.at("prospect");
  EXPECT_EQ(p.name, "prospect");
  EXPECT_EQ(p.steps, (std::vector<Seconds>{days(2), days(4), days(7), days(14)}));
  EXPECT_TRUE(p.repeat);
  EXPECT_TRUE(p.business_days);
  EXPECT_EQ(p.min_gap, std::chrono::hours(36));
  ASSERT_TRUE(p.max_touches.has_value());
  EXPECT_EQ(p.max_touches->count, 3);
  EXPECT_EQ(p.max_touches->within, days(21));
  EXPECT_DOUBLE_EQ(p.backoff, 1.5);
  EXPECT_EQ(p.give_up_after, 5);
  EXPECT_EQ(p.then, "nurture");
  EXPECT_EQ(p.on_reply, "stop");
  EXPECT_TRUE(p.require_talking_point);
  EXPECT_EQ(c.cadences.at("nurture").then, "dormant");
  EXPECT_EQ(c.cadences.at("nurture").on_reply, "prospect");
}

TEST(ReadCadences, ACadenceWithOnlyStepsTakesTheDefaults) {
  Config c = load_ok(k_minimal_rest);
  const Cadence& p = c.cadences.at("prospect");
  EXPECT_EQ(p.steps, std::vector<Seconds>{days(2)});
  EXPECT_FALSE(p.repeat);
  EXPECT_FALSE(p.business_days);
  EXPECT_EQ(p.min_gap, Seconds(0));
  EXPECT_FALSE(p.max_touches.has_value());
  EXPECT_DOUBLE_EQ(p.backoff, k_default_backoff);
  EXPECT_EQ(p.give_up_after, 0);
  EXPECT_EQ(p.then, "");
  EXPECT_EQ(p.on_reply, "pause");
  EXPECT_FALSE(p.require_talking_point);
}

TEST(ReadCadences, AnIntegerBackoffIsAFactorToo) {
  EXPECT_DOUBLE_EQ(
      load_cadences("[cadences.prospect]\nsteps = [\"2d\"]\nbackoff = 2\n").cadences.at("prospect").backoff, 2.0);
}

TEST(ReadCadences, StepsAreRequired) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nrepeat = true\n"),
              ElementsAre("t.toml:1:1: cadences.prospect.steps: missing required key: expected an array of durations "
                          "like [\"2d\", \"4d\"]"));
}

TEST(ReadCadences, StepsMayNotBeEmpty) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = []\n"),
              ElementsAre("t.toml:2:9: cadences.prospect.steps: expected at least one step, like [\"2d\", \"4d\"]"));
}

TEST(ReadCadences, EachStepIsADurationLongerThanZero) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = [\"2d\", \"0d\", 3, \"2 days\"]\n"),
              ElementsAre("t.toml:2:16: cadences.prospect.steps[1]: a step must be longer than 0s",
                          "t.toml:2:22: cadences.prospect.steps[2]: expected a string like \"2d\", got an integer",
                          "t.toml:2:25: cadences.prospect.steps[3]: '2 days' is not a duration: expected a whole "
                          "number and a unit, like 30s, 15m, 2h, 3d or 2w"));
}

TEST(ReadCadences, BackoffIsAtLeastOne) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = [\"2d\"]\nbackoff = 0.5\n"),
              ElementsAre("t.toml:3:11: cadences.prospect.backoff: expected a factor of 1.0 or more, got 0.5"));
}

TEST(ReadCadences, GiveUpAfterIsNotNegative) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = [\"2d\"]\ngive_up_after = -1\n"),
              ElementsAre("t.toml:3:17: cadences.prospect.give_up_after: expected an integer of at least 0, got -1"));
}

TEST(ReadCadences, ARollingCapNeedsACountAndAWindow) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = [\"2d\"]\nmax_touches = { count = 0, within = \"0d\" }\n"),
              ElementsAre("t.toml:3:25: cadences.prospect.max_touches.count: expected an integer of at least 1, got 0",
                          "t.toml:3:37: cadences.prospect.max_touches.within: the window of the cap must be longer "
                          "than 0s"));
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = [\"2d\"]\nmax_touches = { count = 3 }\n"),
              ElementsAre("t.toml:3:15: cadences.prospect.max_touches.within: missing required key: expected a "
                          "duration like \"21d\""));
}

TEST(ReadCadences, ThenNamesACadenceOrDormant) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = [\"2d\"]\nthen = \"nurtur\"\n\n"
                             "[cadences.nurture]\nsteps = [\"45d\"]\n"),
              ElementsAre("t.toml:3:8: cadences.prospect.then: 'nurtur' is not 'dormant' or a defined cadence; did "
                          "you mean 'nurture'?"));
}

TEST(ReadCadences, OnReplyIsPauseStopOrACadence) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nsteps = [\"2d\"]\non_reply = \"halt\"\n"),
              ElementsAre("t.toml:3:12: cadences.prospect.on_reply: 'halt' is not 'pause', 'stop' or a defined "
                          "cadence (defined: 'prospect')"));
}

TEST(ReadCadences, ThenMayLeadBackToAnEarlierCadence) {
  Config c = load_cadences(
      "[cadences.prospect]\nsteps = [\"2d\"]\nthen = \"nurture\"\n\n"
      "[cadences.nurture]\nsteps = [\"45d\"]\nthen = \"prospect\"\n");
  EXPECT_EQ(c.cadences.at("nurture").then, "prospect");
}

TEST(ReadCadences, AnUnknownKeySuggestsTheNearest) {
  EXPECT_THAT(cadence_errors("[cadences.prospect]\nstpes = [\"2d\"]\nsteps = [\"2d\"]\n"),
              ElementsAre("t.toml:2:1: cadences.prospect.stpes: unknown key 'stpes' in cadences.prospect; did you "
                          "mean 'steps'?"));
}

}  // namespace
}  // namespace touchbase::testing
