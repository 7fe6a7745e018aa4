// Each cadence rule alone, then together, with the reasons the engine gives.
// Unless a test says otherwise: contact in Europe/Berlin (UTC+1 in winter),
// window mon-fri 09:00-17:00; owner Alice in Berlin, mon-fri 08:00-18:00,
// lead 15m; cadence "basic" = 3d, 7d, repeating, calendar days.
// Mon 23 Nov 2026 is a Monday.

#include <gtest/gtest.h>

#include "scheduler/cadence_engine.h"
#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using Kind = Decision::Kind;

struct RuleCase {
  const char* name;
  void (*setup)(Config&, Contact&);
  std::vector<Touch> history;
  const char* now;
  Kind kind;
  const char* due;     // "" unless a follow-up
  const char* remind;  // "" = due - 15m
  std::string why;
  std::string next_cadence = "";
};

[[maybe_unused]] void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

class CadenceRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(CadenceRule, DecidesAndSaysWhy) {
  const RuleCase& rc = GetParam();
  Config config = base_config();
  Contact c = contact();
  rc.setup(config, c);
  CadenceEngine engine(config);
  Decision d = engine.next(c, rc.history, at(rc.now));
  EXPECT_EQ(d.kind, rc.kind);
  EXPECT_EQ(d.why, rc.why);
  EXPECT_EQ(d.next_cadence, rc.next_cadence);
  if (rc.kind == Kind::follow_up) {
    EXPECT_EQ(format_rfc3339(d.due_at), rc.due);
    const Instant remind = *rc.remind ? at(rc.remind) : at(rc.due) - duration("15m");
    EXPECT_EQ(format_rfc3339(d.remind_at), format_rfc3339(remind));
  }
}

void nothing(Config&, Contact&) {}
void business_days(Config& cfg, Contact&) { cfg.cadences["basic"].business_days = true; }
void christmas(Config& cfg, Contact&) { cfg.holidays = {day("2026-12-25")}; }
void two_business_days_christmas(Config& cfg, Contact& c) {
  cfg.cadences["basic"].steps = durations({"2d"});
  business_days(cfg, c);
  christmas(cfg, c);
}
void daily_christmas(Config& cfg, Contact& c) {
  cfg.cadences["basic"].steps = durations({"1d"});
  christmas(cfg, c);
}
void backoff(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"2d"});
  cfg.cadences["basic"].backoff = 1.5;
}
void backoff_business(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"3d"});
  cfg.cadences["basic"].backoff = 1.5;
  cfg.cadences["basic"].business_days = true;
}
void min_gap(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"1d"});
  cfg.cadences["basic"].min_gap = duration("3d");
}
void rolling_cap(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"1d"});
  cfg.cadences["basic"].max_touches = RollingCap{3, duration("7d")};
}
void paused(Config&, Contact& c) {
  c.status = ContactStatus::paused;
  c.paused_until = at("2026-12-02T12:00:00Z");
}
void snoozed(Config&, Contact& c) { c.paused_until = at("2026-11-28T12:00:00Z"); }
void paused_no_date(Config&, Contact& c) { c.status = ContactStatus::paused; }
void dormant(Config&, Contact& c) { c.status = ContactStatus::dormant; }
void closed_won(Config&, Contact& c) { c.status = ContactStatus::closed_won; }
void next_step(Config&, Contact& c) { c.next_step = NextStep{"send the deck", day("2026-12-10")}; }
void old_next_step(Config&, Contact& c) { c.next_step = NextStep{"send the deck", day("2026-11-20")}; }
void next_step_christmas(Config& cfg, Contact& c) {
  christmas(cfg, c);
  c.next_step = NextStep{"call after the break", day("2026-12-25")};
}
void stop_on_reply(Config& cfg, Contact&) { cfg.cadences["basic"].on_reply = "stop"; }
void customer_on_reply(Config& cfg, Contact&) {
  cfg.cadences["basic"].on_reply = "customer";
  cfg.cadences["customer"] = plain_cadence("customer", {"14d"});
}
void give_up_to_nurture(Config& cfg, Contact&) {
  cfg.cadences["basic"].give_up_after = 3;
  cfg.cadences["basic"].then = "nurture";
  cfg.cadences["nurture"] = plain_cadence("nurture", {"45d"});
}
void give_up_to_dormant(Config& cfg, Contact&) {
  cfg.cadences["basic"].give_up_after = 3;
  cfg.cadences["basic"].then = "dormant";
}
void steps_run_out(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"2d", "4d"});
  cfg.cadences["basic"].repeat = false;
  cfg.cadences["basic"].then = "nurture";
  cfg.cadences["nurture"] = plain_cadence("nurture", {"45d"});
}
void steps_run_out_dormant(Config& cfg, Contact&) {
  cfg.cadences["basic"].steps = durations({"2d", "4d"});
  cfg.cadences["basic"].repeat = false;
}
void in_nurture_since(Config& cfg, Contact& c) {
  cfg.cadences["nurture"] = plain_cadence("nurture", {"45d"});
  c.cadence = "nurture";
  c.cadence_since = at("2026-11-27T12:00:00Z");
}
void known_last_touch(Config&, Contact& c) { c.last_touch = at("2026-11-23T09:00:00Z"); }
void owner_in_chicago_late_start(Config& cfg, Contact&) {
  cfg.owners["alice"] = owner("alice", "Alice Moreno", "America/Chicago", "mon-fri 08:30-17:30");
}
void unknown_zone(Config&, Contact& c) { c.timezone = "Mars/Olympus"; }
void unknown_cadence(Config&, Contact& c) { c.cadence = "gone"; }

// The issue's own example: 7 business days x1.5 for 2 unanswered, a Tuesday
// window, Christmas on the way.
void example(Config& cfg, Contact& c) {
  cfg.cadences["basic"].steps = durations({"2d", "4d", "7d"});
  cfg.cadences["basic"].business_days = true;
  cfg.cadences["basic"].backoff = 1.5;
  cfg.cadences["basic"].min_gap = duration("2d");
  cfg.holidays = {day("2025-12-25")};
  c.name = "Jane";
  c.window = window("tue 16:00-17:30");
}

const RuleCase k_cases[] = {
    {"CalendarDaysOverAWeekend", nothing, {touch("2026-11-26T09:30:00Z")}, "2026-11-26T10:00:00Z", Kind::follow_up,
     "2026-11-30T08:00:00Z", "",
     "2nd touch; 3 days after the last; moved to Mon 30 Nov 09:00 Europe/Berlin, the default window"},
    {"BusinessDaysSkipTheWeekendAndKeepTheTime", business_days, {touch("2026-11-26T09:30:00Z")},
     "2026-11-26T10:00:00Z", Kind::follow_up, "2026-12-01T09:30:00Z", "",
     "2nd touch; 3 business days after the last; Tue 1 Dec 10:30 Europe/Berlin is in the default window"},
    {"BusinessDaysSkipAHoliday", two_business_days_christmas, {touch("2026-12-23T14:00:00Z")},
     "2026-12-23T15:00:00Z", Kind::follow_up, "2026-12-28T14:00:00Z", "",
     "2nd touch; 2 business days after the last; Mon 28 Dec 15:00 Europe/Berlin is in the default window; "
     "Fri 25 Dec is a holiday"},
    {"AHolidayClosesTheWindow", daily_christmas, {touch("2026-12-24T09:00:00Z")}, "2026-12-24T10:00:00Z",
     Kind::follow_up, "2026-12-28T08:00:00Z", "",
     "2nd touch; 1 day after the last; moved to Mon 28 Dec 09:00 Europe/Berlin, the default window; "
     "Fri 25 Dec is a holiday"},
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
    {"MinGapHoldsBackAShortStep", min_gap, {touch("2026-11-23T09:00:00Z")}, "2026-11-23T10:00:00Z", Kind::follow_up,
     "2026-11-26T09:00:00Z", "",
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
    {"APauseWithADateHoldsUntilThen", paused, {touch("2026-11-23T09:00:00Z")}, "2026-11-23T10:00:00Z",
     Kind::follow_up, "2026-12-02T12:00:00Z", "",
     "2nd touch; 3 days after the last; paused until Wed 2 Dec 13:00 Europe/Berlin; Wed 2 Dec 13:00 Europe/Berlin "
     "is in the default window"},
    {"ASnoozeHoldsAnActiveContact", snoozed, {touch("2026-11-23T09:00:00Z")}, "2026-11-23T10:00:00Z",
     Kind::follow_up, "2026-11-30T08:00:00Z", "",
     "2nd touch; 3 days after the last; snoozed until Sat 28 Nov 13:00 Europe/Berlin; moved to Mon 30 Nov 09:00 "
     "Europe/Berlin, the default window"},
    {"APauseWithoutADateStopsFollowUps", paused_no_date, {touch("2026-11-23T09:00:00Z")}, "2026-11-23T10:00:00Z",
     Kind::none, "", "", "paused, with no date to resume"},
    {"ADormantContactGetsNothing", dormant, {}, "2026-11-23T10:00:00Z", Kind::none, "", "", "dormant"},
    {"AClosedContactGetsNothing", closed_won, {}, "2026-11-23T10:00:00Z", Kind::none, "", "", "closed (won)"},
    {"AnAgreedDateReplacesTheGap", next_step, {touch("2026-11-23T09:00:00Z")}, "2026-11-23T10:00:00Z",
     Kind::follow_up, "2026-12-10T08:00:00Z", "",
     "2nd touch; next step agreed for Thu 10 Dec; moved to Thu 10 Dec 09:00 Europe/Berlin, the default window"},
    {"AnAgreedDateBeforeTheLastTouchIsSpent", old_next_step, {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z", Kind::follow_up, "2026-11-26T09:00:00Z", "",
     "2nd touch; 3 days after the last; Thu 26 Nov 10:00 Europe/Berlin is in the default window"},
    {"AnAgreedDateStillSkipsHolidays", next_step_christmas, {touch("2026-12-21T09:00:00Z")},
     "2026-12-21T10:00:00Z", Kind::follow_up, "2026-12-28T08:00:00Z", "",
     "2nd touch; next step agreed for Fri 25 Dec; moved to Mon 28 Dec 09:00 Europe/Berlin, the default window; "
     "Fri 25 Dec is a holiday"},
    {"AnAgreedDateWinsOverPauseOnReply", next_step, {touch("2026-11-23T09:00:00Z", Outcome::replied)},
     "2026-11-23T10:00:00Z", Kind::follow_up, "2026-12-10T08:00:00Z", "",
     "2nd touch; next step agreed for Thu 10 Dec (instead of on_reply = pause); moved to Thu 10 Dec 09:00 "
     "Europe/Berlin, the default window"},
    {"AReplyPauses", nothing, {touch("2026-11-23T09:00:00Z", Outcome::replied)}, "2026-11-23T10:00:00Z", Kind::none,
     "", "", "paused after a reply"},
    {"AMeetingCountsAsAReply", nothing, {touch("2026-11-23T09:00:00Z", Outcome::meeting)}, "2026-11-23T10:00:00Z",
     Kind::none, "", "", "paused after a reply"},
    {"AReplyStops", stop_on_reply, {touch("2026-11-23T09:00:00Z", Outcome::replied)}, "2026-11-23T10:00:00Z",
     Kind::none, "", "", "stopped after a reply"},
    {"AReplySwitchesCadence", customer_on_reply, {touch("2026-11-23T09:00:00Z", Outcome::replied)},
     "2026-11-23T10:00:00Z", Kind::switch_cadence, "", "", "replied: moves to customer", "customer"},
    {"GivingUpMovesToThen",
     give_up_to_nurture,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-26T09:00:00Z"), touch("2026-12-03T09:00:00Z")},
     "2026-12-03T10:00:00Z",
     Kind::switch_cadence,
     "",
     "",
     "gave up after 3 unanswered touches: moves to nurture",
     "nurture"},
    {"GivingUpCanMeanDormant",
     give_up_to_dormant,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-26T09:00:00Z"), touch("2026-12-03T09:00:00Z")},
     "2026-12-03T10:00:00Z",
     Kind::dormant,
     "",
     "",
     "gave up after 3 unanswered touches: dormant, for the pipeline audit"},
    {"AReplyInBetweenRestartsTheGiveUpCount",
     give_up_to_dormant,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-26T09:00:00Z", Outcome::replied), touch("2026-12-03T09:00:00Z")},
     "2026-12-03T10:00:00Z",
     Kind::follow_up,
     "2026-12-10T09:00:00Z",
     "",
     "4th touch; 7 days after the last; Thu 10 Dec 10:00 Europe/Berlin is in the default window"},
    {"StepsRunningOutMoveToThen",
     steps_run_out,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-25T09:00:00Z"), touch("2026-11-30T09:00:00Z")},
     "2026-11-30T10:00:00Z",
     Kind::switch_cadence,
     "",
     "",
     "the 2 steps of basic ran out: moves to nurture",
     "nurture"},
    {"StepsRunningOutWithoutThenIsDormant",
     steps_run_out_dormant,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-25T09:00:00Z"), touch("2026-11-30T09:00:00Z")},
     "2026-11-30T10:00:00Z",
     Kind::dormant,
     "",
     "",
     "the 2 steps of basic ran out: dormant, for the pipeline audit"},
    {"TheLastTouchBeforeASwitchAnchorsTheNewCadence",
     in_nurture_since,
     {touch("2026-11-23T09:00:00Z"), touch("2026-11-27T09:00:00Z")},
     "2026-11-27T12:00:00Z",
     Kind::follow_up,
     "2027-01-11T09:00:00Z",
     "",
     "1st touch of nurture; 45 days after the last; Mon 11 Jan 10:00 Europe/Berlin is in the default window"},
    {"AKnownLastTouchCountsAsTheFirst", known_last_touch, {}, "2026-11-23T10:00:00Z", Kind::follow_up,
     "2026-11-26T09:00:00Z", "",
     "2nd touch; 3 days after the last; Thu 26 Nov 10:00 Europe/Berlin is in the default window"},
    {"AnEarlyCallIsRemindedAtTheOwnersLastWorkingMinute", owner_in_chicago_late_start,
     {touch("2026-11-26T09:30:00Z")}, "2026-11-26T10:00:00Z", Kind::follow_up, "2026-11-30T08:00:00Z",
     "2026-11-27T23:29:00Z",
     "2nd touch; 3 days after the last; moved to Mon 30 Nov 09:00 Europe/Berlin, the default window; remind Alice "
     "Moreno Fri 27 Nov 17:29 America/Chicago, the last working minute before; call at Mon 30 Nov 09:00 "
     "Europe/Berlin = Mon 30 Nov 02:00 America/Chicago"},
    {"AnUnknownZoneFallsBackToTheDefaultAndSaysSo", unknown_zone, {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z", Kind::follow_up, "2026-11-26T09:00:00Z", "",
     "2nd touch; 3 days after the last; Thu 26 Nov 10:00 Europe/Berlin is in the default window; 'Mars/Olympus' is "
     "not a known zone: using Europe/Berlin"},
    {"AnUnknownCadenceFallsBackToTheDefaultAndSaysSo", unknown_cadence, {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z", Kind::follow_up, "2026-11-26T09:00:00Z", "",
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

INSTANTIATE_TEST_SUITE_P(Rules, CadenceRule, ::testing::ValuesIn(k_cases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

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
  config.holidays = {day("2026-12-25")};
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
