// touchbase snooze, pause, resume and close: their effect on the plan.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

class PauseCommandTest : public WorkflowTest {
 protected:
  PauseCommandTest() { ok({"contact", "add", "jane", "--name", "Jane Doe", "--timezone", "America/New_York"}); }

  Instant first_due() {
    auto plan = plan_of("jane");
    EXPECT_FALSE(plan.empty());
    return plan.empty() ? Instant{} : parse_rfc3339(plan[0]["due_at"].get<std::string>()).value();
  }
};

TEST_F(PauseCommandTest, ASnoozeToATimeMovesTheNextFollowUpThere) {
  EXPECT_EQ(first_due(), now_);  // a new contact is due now
  auto out = ok({"snooze", "jane", iso(now_ + hours(75))});
  EXPECT_THAT(out, HasSubstr("snoozed Jane Doe (jane) until "));
  EXPECT_EQ(first_due(), now_ + hours(75));
  EXPECT_EQ(show("jane")["status"], "active");
  EXPECT_EQ(show("jane")["paused_until"], iso(now_ + hours(75)));
}

TEST_F(PauseCommandTest, ASnoozeForADurationCountsFromNow) {
  ok({"snooze", "jane", "3d"});
  EXPECT_EQ(first_due(), now_ + hours(72));
}

TEST_F(PauseCommandTest, ASnoozeToADateEndsAtMidnightInTheContactsZone) {
  const std::string day = date::format("%F", date::zoned_seconds("America/New_York", now_ + hours(24 * 4)));
  ok({"snooze", "jane", day});
  auto plan = plan_of("jane");
  ASSERT_FALSE(plan.empty());
  EXPECT_THAT(plan[0]["due_local"].get<std::string>(), StartsWith(day + "T00:00:00-0"));
}

TEST_F(PauseCommandTest, ASnoozeIntoThePastOrToNoTimeIsRefused) {
  auto past = touchbase({"snooze", "jane", "2020-01-01"});
  EXPECT_EQ(past.exit_code, 65);
  EXPECT_THAT(past.err, HasSubstr("UNTIL: 2020-01-01T05:00:00Z has passed"));
  auto garbage = touchbase({"snooze", "jane", "soonish"});
  EXPECT_EQ(garbage.exit_code, 65);
  EXPECT_THAT(garbage.err, HasSubstr("'soonish' is not a date, a time or a duration"));
  EXPECT_TRUE(show("jane")["paused_until"].is_null());
}

TEST_F(PauseCommandTest, APauseStopsFollowUpsUntilResumed) {
  ok({"pause", "jane"});
  EXPECT_EQ(show("jane")["status"], "paused");
  EXPECT_THAT(plan_of("jane"), IsEmpty());
  ok({"resume", "jane"});
  EXPECT_EQ(show("jane")["status"], "active");
  EXPECT_EQ(first_due(), now_);
}

TEST_F(PauseCommandTest, APauseWithADateLastsUntilThen) {
  ok({"pause", "jane", iso(now_ + hours(50))});
  EXPECT_EQ(show("jane")["status"], "paused");
  EXPECT_EQ(first_due(), now_ + hours(50));
}

TEST_F(PauseCommandTest, ClosingStopsFollowUpsForGood) {
  auto out = ok({"close", "jane", "--reason", "won"});
  EXPECT_THAT(out, HasSubstr("closed Jane Doe (jane) as won"));
  EXPECT_THAT(out, HasSubstr("no follow-up planned: closed (won)"));
  EXPECT_EQ(show("jane")["status"], "closed-won");
  EXPECT_THAT(plan_of("jane", 60), IsEmpty());

  auto snooze = touchbase({"snooze", "jane", "3d"});
  EXPECT_EQ(snooze.exit_code, 65);
  EXPECT_THAT(snooze.err, HasSubstr("contact 'jane' is closed-won: there is nothing to snooze"));
}

TEST_F(PauseCommandTest, CloseNeedsAKnownReason) {
  auto bad = touchbase({"close", "jane", "--reason", "bored"});
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_THAT(bad.err, HasSubstr("--reason: 'bored' is not a reason: expected won, lost or unqualified"));
  EXPECT_EQ(touchbase({"close", "jane"}).exit_code, 64);
  EXPECT_EQ(show("jane")["status"], "active");
  ok({"close", "jane", "--reason", "unqualified"});
  EXPECT_EQ(show("jane")["status"], "closed-unqualified");
}

}  // namespace
}  // namespace touchbase::testing
