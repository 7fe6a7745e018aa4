// The cadence engine's basic answer: the step gap after the last touch, then
// the first instant of the contact's window in the contact's zone.

#include "scheduler/cadence_engine.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using testing::at;
using testing::base_config;
using testing::contact;
using testing::touch;
using testing::window;
using Kind = Decision::Kind;

TEST(CadenceEngine, ANewContactIsDueAtTheFirstWindowInstantFromNow) {
  // Given no touch at all, on Monday 08:00 in Berlin, before the 09:00 window opens.
  Config config = base_config();
  CadenceEngine engine(config);
  Contact c = contact();
  c.window = window("mon-fri 09:00-17:00");
  Decision d = engine.next(c, {}, at("2026-11-23T07:00:00Z"));
  EXPECT_EQ(d.kind, Kind::follow_up);
  EXPECT_EQ(d.step, 1);
  EXPECT_EQ(d.cadence, "basic");
  EXPECT_EQ(d.owner, "alice");
  EXPECT_EQ(d.due_at, at("2026-11-23T08:00:00Z"));
  EXPECT_EQ(d.remind_at, at("2026-11-23T07:45:00Z"));
  EXPECT_EQ(d.why, "1st touch; no touch yet; moved to Mon 23 Nov 09:00 Europe/Berlin, Jane Doe's window");
}

TEST(CadenceEngine, ANewContactInsideItsWindowIsDueNow) {
  Config config = base_config();
  CadenceEngine engine(config);
  Decision d = engine.next(contact(), {}, at("2026-11-23T10:20:00Z"));
  EXPECT_EQ(d.due_at, at("2026-11-23T10:20:00Z"));
  // Fifteen minutes before would be in the past: the owner is reminded now.
  EXPECT_EQ(d.remind_at, at("2026-11-23T10:20:00Z"));
  EXPECT_EQ(
      d.why,
      "1st touch; no touch yet; Mon 23 Nov 11:20 Europe/Berlin is in the default window; remind Alice Moreno now");
}

TEST(CadenceEngine, TheStepGapCountsFromTheLastTouchAndKeepsItsTimeWhenInTheWindow) {
  // Given one touch on Monday 10:30 Berlin; the gap after the 1st touch is 3 days.
  Config config = base_config();
  CadenceEngine engine(config);
  std::vector<Touch> history = {touch("2026-11-23T09:30:00Z")};
  Decision d = engine.next(contact(), history, at("2026-11-23T12:00:00Z"));
  EXPECT_EQ(d.kind, Kind::follow_up);
  EXPECT_EQ(d.step, 2);
  EXPECT_EQ(d.due_at, at("2026-11-26T09:30:00Z"));
  EXPECT_EQ(d.remind_at, at("2026-11-26T09:15:00Z"));
  EXPECT_EQ(d.why, "2nd touch; 3 days after the last; Thu 26 Nov 10:30 Europe/Berlin is in the default window");
}

TEST(CadenceEngine, TheLastStepRepeatsAndAWeekendMovesToTheWindow) {
  // Given two touches, the gap after the 2nd is 7 days: Sat 05 Dec 10:30 -> Mon 7 Dec 09:00.
  Config config = base_config();
  CadenceEngine engine(config);
  std::vector<Touch> history = {touch("2026-11-23T09:30:00Z"), touch("2026-11-28T09:30:00Z")};
  Decision d = engine.next(contact(), history, at("2026-11-28T12:00:00Z"));
  EXPECT_EQ(d.step, 3);
  EXPECT_EQ(d.due_at, at("2026-12-07T08:00:00Z"));
  EXPECT_EQ(d.why, "3rd touch; 7 days after the last; moved to Mon 7 Dec 09:00 Europe/Berlin, the default window");
}

TEST(CadenceEngine, TheWindowIsReadInTheContactsOwnZone) {
  // Given a contact in New York (window 16:00-17:30) and an owner in Berlin working until 18:00.
  Config config = base_config();
  CadenceEngine engine(config);
  Contact c = contact();
  c.timezone = "America/New_York";
  c.window = window("tue-thu 16:00-17:30");
  std::vector<Touch> history = {touch("2026-11-23T15:00:00Z")};  // Mon 10:00 New York
  Decision d = engine.next(c, history, at("2026-11-23T16:00:00Z"));
  // 3 days later is Thu 26 Nov 10:00 New York, moved to 16:00 = 21:00Z.
  EXPECT_EQ(d.due_at, at("2026-11-26T21:00:00Z"));
  // 15 minutes before is 21:45 in Berlin, after Alice's hours: her last working minute, 17:59.
  EXPECT_EQ(d.remind_at, at("2026-11-26T16:59:00Z"));
  EXPECT_EQ(d.why,
            "2nd touch; 3 days after the last; moved to Thu 26 Nov 16:00 America/New_York, Jane Doe's window; "
            "remind Alice Moreno Thu 26 Nov 17:59 Europe/Berlin, the last working minute before; "
            "call at Thu 26 Nov 16:00 America/New_York = Thu 26 Nov 22:00 Europe/Berlin");
}

TEST(CadenceEngine, AnOverdueFollowUpStaysWhereItWas) {
  Config config = base_config();
  CadenceEngine engine(config);
  std::vector<Touch> history = {touch("2026-11-23T09:30:00Z")};
  Decision d = engine.next(contact(), history, at("2026-12-01T12:00:00Z"));
  EXPECT_EQ(d.due_at, at("2026-11-26T09:30:00Z"));
  EXPECT_EQ(d.remind_at, at("2026-11-26T09:15:00Z"));
  EXPECT_NE(d.why.find("; overdue"), std::string::npos) << d.why;
}

TEST(CadenceEngine, AFollowUpMovedForTheOwnersHoursSaysWhenItsAnswerChangesWithTimeAlone) {
  // Given Jane's evening window (after Alice's 08:00-18:00 in Berlin), her
  // follow-up due Thu 19:30 and Alice's reminder time (Thu 17:59) already
  // passed at Thu 18:30, out of Alice's hours: it moves to Friday evening.
  Config config = base_config();
  CadenceEngine engine(config);
  Contact c = contact();
  c.window = window("mon-fri 19:00-20:00");
  std::vector<Touch> history = {touch("2026-11-23T18:30:00Z")};
  Decision moved = engine.next(c, history, at("2026-11-26T17:30:00Z"));
  EXPECT_EQ(moved.due_at, at("2026-11-27T18:00:00Z"));
  // Once the first due time has passed, the answer is "overdue" instead.
  ASSERT_EQ(moved.ask_again_at, at("2026-11-26T18:30:01Z"));
  Decision overdue = engine.next(c, history, *moved.ask_again_at);
  EXPECT_EQ(overdue.due_at, at("2026-11-26T18:30:00Z"));
  EXPECT_EQ(overdue.remind_at, at("2026-11-26T16:59:00Z"));
  EXPECT_EQ(overdue.ask_again_at, std::nullopt);
  // A follow-up not moved holds until its reminder time.
  EXPECT_EQ(engine.next(c, history, at("2026-11-24T12:00:00Z")).ask_again_at, std::nullopt);
}

TEST(CadenceEngine, ANewContactMovedForTheOwnersHoursIsAskedAgainWhenTheOwnerIsAtWork) {
  // Given no touch yet, Jane in her evening window at Thu 19:30 Berlin, after
  // Alice's hours: her first due time is "now" at every moment, never
  // overdue, so only Alice's next working moment (Fri 08:00) changes the answer.
  Config config = base_config();
  CadenceEngine engine(config);
  Contact c = contact();
  c.window = window("mon-fri 19:00-20:00");
  Decision d = engine.next(c, {}, at("2026-11-26T18:30:00Z"));
  EXPECT_EQ(d.due_at, at("2026-11-27T18:00:00Z"));
  EXPECT_EQ(d.ask_again_at, at("2026-11-27T07:00:00Z"));
  EXPECT_EQ(engine.next(c, {}, at("2026-11-26T18:45:00Z")).due_at, d.due_at);
}

TEST(CadenceEngine, TheReusedDecisionFormGivesTheSameAnswerWithoutReasons) {
  Config config = base_config();
  CadenceEngine engine(config);
  std::vector<Touch> history = {touch("2026-11-23T09:30:00Z")};
  Decision full = engine.next(contact(), history, at("2026-11-23T12:00:00Z"));
  Decision quiet;
  quiet.why = "left over";
  engine.next(contact(), history, at("2026-11-23T12:00:00Z"), NextOptions{Explain::no, {}, {}}, quiet);
  EXPECT_EQ(quiet.due_at, full.due_at);
  EXPECT_EQ(quiet.remind_at, full.remind_at);
  EXPECT_EQ(quiet.step, full.step);
  EXPECT_EQ(quiet.cadence, full.cadence);
  EXPECT_EQ(quiet.why, "");
}

}  // namespace
}  // namespace touchbase
