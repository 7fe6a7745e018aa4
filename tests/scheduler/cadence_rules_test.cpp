// Each timing rule alone, then together, with the reasons the engine gives.
// Unless a test says otherwise: contact in Europe/Berlin (UTC+1 in winter),
// window mon-fri 09:00-17:00; owner Alice in Berlin, mon-fri 08:00-18:00,
// lead 15m; cadence "basic" = 3d, 7d, repeating, calendar days.
// Mon 23 Nov 2026 is a Monday.

#include <gtest/gtest.h>

#include "scheduler/cadence_engine.h"
#include "tests/scheduler/rule_case.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using Kind = Decision::Kind;

const RuleCase k_cases[] = {
    {"CalendarDaysOverAWeekend",
     nothing,
     {touch("2026-11-26T09:30:00Z")},
     "2026-11-26T10:00:00Z",
     Kind::follow_up,
     "2026-11-30T08:00:00Z",
     "",
     "2nd touch; 3 days after the last; moved to Mon 30 Nov 09:00 Europe/Berlin, the default window"},
    {"BusinessDaysSkipTheWeekendAndKeepTheTime",
     business_days,
     {touch("2026-11-26T09:30:00Z")},
     "2026-11-26T10:00:00Z",
     Kind::follow_up,
     "2026-12-01T09:30:00Z",
     "",
     "2nd touch; 3 business days after the last; Tue 1 Dec 10:30 Europe/Berlin is in the default window"},
    {"BusinessDaysSkipAHoliday",
     two_business_days_christmas,
     {touch("2026-12-23T14:00:00Z")},
     "2026-12-23T15:00:00Z",
     Kind::follow_up,
     "2026-12-28T14:00:00Z",
     "",
     "2nd touch; 2 business days after the last; Mon 28 Dec 15:00 Europe/Berlin is in the default window; "
     "Fri 25 Dec is a holiday"},
    {"AHolidayClosesTheWindow",
     daily_christmas,
     {touch("2026-12-24T09:00:00Z")},
     "2026-12-24T10:00:00Z",
     Kind::follow_up,
     "2026-12-28T08:00:00Z",
     "",
     "2nd touch; 1 day after the last; moved to Mon 28 Dec 09:00 Europe/Berlin, the default window; "
     "Fri 25 Dec is a holiday"},
    {"AHolidayOfTheContactsRegionClosesTheWindowAndIsNamed",
     contact_in_saxony,
     {touch("2026-11-15T09:00:00Z")},
     "2026-11-15T10:00:00Z",
     Kind::follow_up,
     "2026-11-19T08:00:00Z",
     "",
     "2nd touch; 3 days after the last; moved to Thu 19 Nov 09:00 Europe/Berlin, the default window; "
     "Wed 18 Nov is Repentance and Prayer Day (DE-SN)"},
    {"AHolidayOfAnotherRegionIsAWorkingDay",
     saxon_holiday,
     {touch("2026-11-15T09:00:00Z")},
     "2026-11-15T10:00:00Z",
     Kind::follow_up,
     "2026-11-18T09:00:00Z",
     "",
     "2nd touch; 3 days after the last; Wed 18 Nov 10:00 Europe/Berlin is in the default window"},
    {"AHolidayOfTheOwnersRegionMovesOnlyTheReminder",
     owner_in_saxony,
     {touch("2026-11-15T08:00:00Z")},
     "2026-11-15T09:00:00Z",
     Kind::follow_up,
     "2026-11-18T08:00:00Z",
     "2026-11-17T16:59:00Z",
     "2nd touch; 3 days after the last; Wed 18 Nov 09:00 Europe/Berlin is in the default window; remind Alice "
     "Moreno Tue 17 Nov 17:59 Europe/Berlin, the last working minute before; call at Wed 18 Nov 09:00 "
     "Europe/Berlin = Wed 18 Nov 09:00 Europe/Berlin; Wed 18 Nov is Repentance and Prayer Day (DE-SN) for Alice "
     "Moreno"},
    {"TheCountrysHolidaysCountForTheBusinessDaysOfItsRegions",
     business_days_contact_in_new_york_state,
     {touch("2026-11-23T09:30:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-11-27T09:30:00Z",
     "",
     "2nd touch; 3 business days after the last; Fri 27 Nov 10:30 Europe/Berlin is in the default window; "
     "Thu 26 Nov is Thanksgiving Day (US)"},
    {"AHolidayForEveryoneIsNamedByItsCalendarInEveryRegion",
     named_christmas_contact_in_saxony,
     {touch("2026-12-24T09:00:00Z")},
     "2026-12-24T10:00:00Z",
     Kind::follow_up,
     "2026-12-28T08:00:00Z",
     "",
     "2nd touch; 1 day after the last; moved to Mon 28 Dec 09:00 Europe/Berlin, the default window; "
     "Fri 25 Dec is Christmas Day"},
    {"BackoffStretchesTheGapForEachUnansweredTouch",
     backoff,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-25T09:00:00Z", Outcome::no_answer), touch("2026-11-27T09:00:00Z")},
     "2026-11-27T10:00:00Z",
     Kind::follow_up,
     "2026-12-02T08:00:00Z",
     "",
     "4th touch; 2 days after the last, \u00d72.25 for 3 unanswered; moved to Wed 2 Dec 09:00 Europe/Berlin, "
     "the default window"},
    {"AReplyResetsTheBackoff",
     backoff,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-25T09:00:00Z", Outcome::replied), touch("2026-11-27T09:00:00Z")},
     "2026-11-27T10:00:00Z",
     Kind::follow_up,
     "2026-11-30T08:00:00Z",
     "",
     "4th touch; 2 days after the last; moved to Mon 30 Nov 09:00 Europe/Berlin, the default window"},
    {"BackoffOnBusinessDaysAddsTheHalfDayAsTime",
     backoff_business,
     {touch("2026-11-23T08:00:00Z"), touch("2026-11-24T08:00:00Z")},
     "2026-11-24T09:00:00Z",
     Kind::follow_up,
     "2026-12-01T08:00:00Z",
     "",
     "3rd touch; 3 business days after the last, \u00d71.5 for 2 unanswered; moved to Tue 1 Dec 09:00 "
     "Europe/Berlin, the default window"},
    {"MinGapHoldsBackAShortStep",
     min_gap,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-11-26T09:00:00Z",
     "",
     "2nd touch; 1 day after the last; min_gap of 3 days since the last touch; Thu 26 Nov 10:00 Europe/Berlin is in "
     "the default window"},
    {"TheRollingCapWaitsForTheOldestTouchToLeave",
     rolling_cap,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-24T09:00:00Z"), touch("2026-11-25T09:00:00Z")},
     "2026-11-25T10:00:00Z",
     Kind::follow_up,
     "2026-11-30T09:00:00Z",
     "",
     "4th touch; 1 day after the last; at most 3 touches within 7 days; Mon 30 Nov 10:00 Europe/Berlin is in the "
     "default window"},
    {"APauseWithADateHoldsUntilThen",
     paused,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-12-02T12:00:00Z",
     "",
     "2nd touch; 3 days after the last; paused until Wed 2 Dec 13:00 Europe/Berlin; Wed 2 Dec 13:00 Europe/Berlin "
     "is in the default window"},
    {"ASnoozeHoldsAnActiveContact",
     snoozed,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-11-30T08:00:00Z",
     "",
     "2nd touch; 3 days after the last; snoozed until Sat 28 Nov 13:00 Europe/Berlin; moved to Mon 30 Nov 09:00 "
     "Europe/Berlin, the default window"},
    {"AnAgreedDateReplacesTheGap",
     next_step,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-12-10T08:00:00Z",
     "",
     "2nd touch; next step agreed for Thu 10 Dec; moved to Thu 10 Dec 09:00 Europe/Berlin, the default window"},
    {"AnAgreedDateBeforeTheLastTouchIsSpent",
     old_next_step,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-11-26T09:00:00Z",
     "",
     "2nd touch; 3 days after the last; Thu 26 Nov 10:00 Europe/Berlin is in the default window"},
    {"AnAgreedDateStillSkipsHolidays",
     next_step_christmas,
     {touch("2026-12-21T09:00:00Z")},
     "2026-12-21T10:00:00Z",
     Kind::follow_up,
     "2026-12-28T08:00:00Z",
     "",
     "2nd touch; next step agreed for Fri 25 Dec; moved to Mon 28 Dec 09:00 Europe/Berlin, the default window; "
     "Fri 25 Dec is a holiday"},
    {"AnEarlyCallIsRemindedAtTheOwnersLastWorkingMinute",
     owner_in_chicago_late_start,
     {touch("2026-11-26T09:30:00Z")},
     "2026-11-26T10:00:00Z",
     Kind::follow_up,
     "2026-11-30T08:00:00Z",
     "2026-11-27T23:29:00Z",
     "2nd touch; 3 days after the last; moved to Mon 30 Nov 09:00 Europe/Berlin, the default window; remind Alice "
     "Moreno Fri 27 Nov 17:29 America/Chicago, the last working minute before; call at Mon 30 Nov 09:00 "
     "Europe/Berlin = Mon 30 Nov 02:00 America/Chicago"},
    {"AZoneTheSystemDoesNotKnowSkipsTheContactAndSaysWhy",
     unknown_zone,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::skipped,
     "",
     "",
     "its time zone 'Mars/Olympus' is not in this system's time zone database"},
    {"AReminderWhoseLastWorkingMinuteHasPassedMovesTheCallIntoTheOwnersHours",
     // 09:00 New York is 08:00 in Chicago, before Alice starts at 08:30; at 06:00 Chicago her last
     // working minute before (Fri 17:29) has passed. She is reminded at 08:30, 15m before 09:45 New York.
     contact_in_new_york_owner_in_chicago,
     {},
     "2026-11-23T12:00:00Z",
     Kind::follow_up,
     "2026-11-23T14:45:00Z",
     "2026-11-23T14:30:00Z",
     "1st touch; no touch yet; moved to Mon 23 Nov 09:45 America/New_York, the default window; remind Alice Moreno "
     "Mon 23 Nov 08:30 America/Chicago, in working hours: Alice Moreno's last working minute before Mon 23 Nov 09:00 "
     "America/New_York had passed; moved to the first window instant Alice Moreno can be reminded of 15m before in "
     "working hours; call at Mon 23 Nov 09:45 America/New_York = Mon 23 Nov 08:45 America/Chicago"},
    {"AnUnknownCadenceFallsBackToTheDefaultAndSaysSo",
     unknown_cadence,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-11-26T09:00:00Z",
     "",
     "'gone' is not a cadence: using basic; 2nd touch; 3 days after the last; Thu 26 Nov 10:00 Europe/Berlin is in "
     "the default window"},
    {"TheIssueExampleAllRulesAtOnce",
     example,
     {touch("2025-12-05T09:00:00Z", Outcome::replied), touch("2025-12-10T09:00:00Z"), touch("2025-12-16T09:00:00Z")},
     "2025-12-16T10:00:00Z",
     Kind::follow_up,
     "2026-01-06T15:00:00Z",
     "",
     "4th touch; 7 business days after the last, \u00d71.5 for 2 unanswered; moved to Tue 6 Jan 16:00 "
     "Europe/Berlin, Jane's window; Thu 25 Dec is a holiday"},
};

class TimingRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(TimingRule, DecidesAndSaysWhy) {
  expect_rule(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Rules, TimingRule, ::testing::ValuesIn(k_cases), rule_case_name);

TEST(CadenceRules, MinGapAndTheCapTogetherTheLaterWins) {
  // Given 1-day steps, min_gap 2d and at most 2 touches within 5 days, after touches Mon and Wed 10:00:
  // min_gap allows Fri 10:00, the cap allows Sat 10:00 (Mon + 5d): the cap wins, then the window.
  Config config = base_config();
  config.cadences["basic"].steps = durations({"1d"});
  config.cadences["basic"].min_gap = duration("2d");
  config.cadences["basic"].max_touches = RollingCap{2, duration("5d")};
  CadenceEngine engine(config);
  std::vector<Touch> history = {touch("2026-11-23T09:00:00Z"), touch("2026-11-25T09:00:00Z")};
  Decision d = engine.next(contact(), history, at("2026-11-25T10:00:00Z"));
  EXPECT_EQ(format_rfc3339(d.due_at), "2026-11-30T08:00:00Z");
  EXPECT_EQ(d.why,
            "3rd touch; 1 day after the last; at most 2 touches within 5 days; moved to Mon 30 Nov 09:00 "
            "Europe/Berlin, the default window");
}

TEST(CadenceRules, ASnoozeAndAHolidayAndBusinessDaysTogether) {
  // 2 business days from Wed 23 Dec skip Christmas (Mon 28 Dec 15:00), but a snooze runs to Tue 29 Dec 08:00Z.
  Config config = base_config();
  config.cadences["basic"].steps = durations({"2d"});
  config.cadences["basic"].business_days = true;
  config.holidays.dates = {day("2026-12-25")};
  CadenceEngine engine(config);
  Contact c = contact();
  c.paused_until = at("2026-12-29T07:00:00Z");
  std::vector<Touch> history = {touch("2026-12-23T14:00:00Z")};
  Decision d = engine.next(c, history, at("2026-12-23T15:00:00Z"));
  EXPECT_EQ(format_rfc3339(d.due_at), "2026-12-29T08:00:00Z");
  EXPECT_EQ(d.why,
            "2nd touch; 2 business days after the last; snoozed until Tue 29 Dec 08:00 Europe/Berlin; moved to Tue 29 "
            "Dec 09:00 Europe/Berlin, the default window; Fri 25 Dec is a holiday");
}

TEST(CadenceRules, AnAgreedDateStillRespectsMinGap) {
  Config config = base_config();
  config.cadences["basic"].min_gap = duration("4d");
  CadenceEngine engine(config);
  Contact c = contact();
  c.next_step = NextStep{"call tomorrow", day("2026-11-24")};
  std::vector<Touch> history = {touch("2026-11-23T09:00:00Z")};
  Decision d = engine.next(c, history, at("2026-11-23T10:00:00Z"));
  EXPECT_EQ(format_rfc3339(d.due_at), "2026-11-27T09:00:00Z");
  EXPECT_EQ(d.why,
            "2nd touch; next step agreed for Tue 24 Nov; min_gap of 4 days since the last touch; Fri 27 Nov 10:00 "
            "Europe/Berlin is in the default window");
}

TEST(CadenceRules, GiveUpComesBeforeAnAgreedDate) {
  Config config = base_config();
  Contact c = contact();
  give_up_to_dormant(config, c);
  CadenceEngine engine(config);
  c.next_step = NextStep{"try again", day("2026-12-20")};
  std::vector<Touch> history = {touch("2026-11-23T09:00:00Z"), touch("2026-11-26T09:00:00Z"),
                                touch("2026-12-03T09:00:00Z")};
  EXPECT_EQ(engine.next(c, history, at("2026-12-03T10:00:00Z")).kind, Kind::dormant);
}

TEST(CadenceRules, TouchesBeforeTheCadenceCountForMinGapAndTheCapButNotForSteps) {
  // In nurture since Fri 27 Nov 12:00Z, with min_gap 60d: the anchor is the last touch before.
  Config config = base_config();
  Contact c = contact();
  in_nurture_since(config, c);
  config.cadences["nurture"].min_gap = duration("60d");
  CadenceEngine engine(config);
  std::vector<Touch> history = {touch("2026-11-23T09:00:00Z"), touch("2026-11-27T09:00:00Z")};
  Decision d = engine.next(c, history, at("2026-11-27T12:00:00Z"));
  EXPECT_EQ(d.step, 1);
  EXPECT_EQ(format_rfc3339(d.due_at), "2027-01-26T09:00:00Z");
}

}  // namespace
}  // namespace touchbase
