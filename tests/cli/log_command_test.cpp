// touchbase log: each outcome's effect on the plan.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "reminders/reminder_message.h"
#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

class LogCommandTest : public WorkflowTest {};

TEST_F(LogCommandTest, AReplyPausesTheContactUntilResumed) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  auto out = ok({"log", "jane", "--outcome", "replied", "--at", iso(now_ - hours(1))});
  EXPECT_THAT(out, HasSubstr("paused after the reply"));
  EXPECT_EQ(show("jane")["status"], "paused");
  EXPECT_THAT(plan_of("jane"), IsEmpty());

  ok({"resume", "jane"});
  auto plan = plan_of("jane");
  ASSERT_FALSE(plan.empty());
  EXPECT_EQ(plan[0]["step"], 1);  // afresh: the first step's gap after the reply
  EXPECT_EQ(plan[0]["due_at"], iso(now_ - hours(1) + hours(48)));
}

TEST_F(LogCommandTest, AnUnansweredTouchAdvancesTheCadenceFromTheTouch) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  ok({"log", "jane", "--outcome", "no-answer", "--at", iso(now_ - hours(5)), "--note", "voicemail"});
  auto plan = plan_of("jane");
  ASSERT_FALSE(plan.empty());
  EXPECT_EQ(plan[0]["step"], 2);
  EXPECT_EQ(plan[0]["due_at"], iso(now_ - hours(5) + hours(48)));
  auto touches = show("jane")["touches"];
  ASSERT_EQ(touches.size(), 1u);
  EXPECT_EQ(touches[0]["outcome"], "no-answer");
  EXPECT_EQ(touches[0]["note"], "voicemail");
  EXPECT_EQ(touches[0]["at"], iso(now_ - hours(5)));
  EXPECT_EQ(touches[0]["source"], "cli");
}

TEST_F(LogCommandTest, AnAgreedDateOverridesTheGapUntilTheNextTouch) {
  // Given a touch with a next step agreed five days out, the follow-up is that
  // day (not two days after the touch); a later touch without one clears it.
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  const std::string agreed = berlin_date(now_ + hours(24 * 5));
  auto out = ok({"log", "jane", "--outcome", "touched", "--at", iso(now_ - hours(1)), "--next-step", "send the deck",
                 "--next-date", agreed});
  EXPECT_THAT(out, HasSubstr("next step: send the deck on " + agreed));
  auto plan = plan_of("jane");
  ASSERT_FALSE(plan.empty());
  EXPECT_THAT(plan[0]["due_local"].get<std::string>(), ::testing::StartsWith(agreed + "T00:00:00"));
  EXPECT_EQ(show("jane")["next_step"], "send the deck");
  EXPECT_EQ(show("jane")["next_step_date"], agreed);

  ok({"log", "jane", "--outcome", "touched"});
  EXPECT_EQ(show("jane")["next_step"], "");
  EXPECT_TRUE(show("jane")["next_step_date"].is_null());
}

TEST_F(LogCommandTest, AReplyWithAnAgreedDateStaysActiveAndIsDueThatDay) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  const std::string agreed = berlin_date(now_ + hours(24 * 3));
  auto out = ok({"log", "jane", "--outcome", "meeting", "--next-date", agreed});
  EXPECT_THAT(out, HasSubstr("the agreed date comes first"));
  EXPECT_EQ(show("jane")["status"], "active");
  auto plan = plan_of("jane");
  ASSERT_FALSE(plan.empty());
  EXPECT_THAT(plan[0]["due_local"].get<std::string>(), ::testing::StartsWith(agreed + "T00:00:00"));
}

TEST_F(LogCommandTest, AReplyMovesTheContactToTheCadenceOnReplyNames) {
  ok({"contact", "add", "pat", "--name", "Pat Partner", "--cadence", "partner"});
  auto out = ok({"log", "pat", "--outcome", "replied", "--at", iso(now_ - hours(1))});
  EXPECT_THAT(out, HasSubstr("moved to cadence nurture after the reply"));
  EXPECT_EQ(show("pat")["cadence"], "nurture");
  auto plan = plan_of("pat", 40);
  ASSERT_FALSE(plan.empty());
  EXPECT_EQ(plan[0]["cadence"], "nurture");
  EXPECT_EQ(plan[0]["step"], 1);
  EXPECT_EQ(plan[0]["due_at"], iso(now_ - hours(1) + hours(24 * 30)));
}

TEST_F(LogCommandTest, AReplyStopsACadenceWhoseOnReplyIsStop) {
  ok({"contact", "add", "sam", "--name", "Sam", "--cadence", "oneshot"});
  auto out = ok({"log", "sam", "--outcome", "replied"});
  EXPECT_THAT(out, HasSubstr("no follow-up planned: stopped after a reply"));
  EXPECT_EQ(show("sam")["status"], "active");
  EXPECT_THAT(plan_of("sam", 30), IsEmpty());
}

TEST_F(LogCommandTest, ATouchMadeWhenRemindedAnswersTheReminderAndRecordsItsTalkingPoint) {
  // Given a reminder sent 15 minutes before the follow-up is due, a touch
  // logged at once (before the due time) replaces it: the next follow-up
  // counts from the touch, and the touch carries the reminder's point.
  ok({"contact", "add", "nina", "--name", "Nina New", "--last-touch", iso(now_ - hours(48) + minutes(10))});
  EXPECT_THAT(ok({"run", "--once"}), HasSubstr("Follow up with Nina New"));
  ok({"log", "nina", "--outcome", "touched"});
  auto touches = show("nina")["touches"];
  ASSERT_EQ(touches.size(), 1u);
  EXPECT_EQ(touches[0]["talking_point"], "benchmark");
  Instant touched = parse_rfc3339(touches[0]["at"].get<std::string>()).value();
  EXPECT_LT(touched, now_ + minutes(10));  // before the reminded follow-up was due
  auto plan = plan_of("nina");
  ASSERT_FALSE(plan.empty());
  EXPECT_EQ(plan[0]["step"], 3);  // the imported last touch, then this one
  EXPECT_EQ(plan[0]["due_at"], iso(touched + hours(48)));
}

TEST_F(LogCommandTest, BadValuesAreRefusedNamingTheFlag) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  auto outcome = touchbase({"log", "jane", "--outcome", "maybe"});
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_THAT(outcome.err, HasSubstr("--outcome: 'maybe' is not an outcome: expected touched, replied, meeting or "
                                     "no-answer"));
  auto future = touchbase({"log", "jane", "--outcome", "touched", "--at", iso(now_ + hours(24))});
  EXPECT_EQ(future.exit_code, 65);
  EXPECT_THAT(future.err, HasSubstr("--at: " + iso(now_ + hours(24)) + " is in the future"));
  auto date = touchbase({"log", "jane", "--outcome", "touched", "--next-date", "next week"});
  EXPECT_EQ(date.exit_code, 65);
  EXPECT_THAT(date.err, HasSubstr("--next-date: 'next week' is not a date: expected YYYY-MM-DD"));
  auto today = touchbase({"log", "jane", "--outcome", "touched", "--next-date", berlin_date(now_)});
  EXPECT_EQ(today.exit_code, 65);
  EXPECT_THAT(today.err, HasSubstr("--next-date: " + berlin_date(now_) + " does not start after the touch"));
  EXPECT_EQ(touchbase({"log", "jane"}).exit_code, 64);  // --outcome is required
  EXPECT_TRUE(show("jane")["touches"].empty());
}

TEST_F(LogCommandTest, AContactIsNamedByIdEmailOrAUniquePartOfTheName) {
  ok({"contact", "add", "jane", "--name", "Jane Doe", "--email", "Jane@Acme.example"});
  ok({"contact", "add", "janet", "--name", "Janet Smith"});
  auto ambiguous = touchbase({"log", "jan", "--outcome", "touched"});
  EXPECT_EQ(ambiguous.exit_code, 65);
  EXPECT_THAT(ambiguous.err, HasSubstr("'jan' names 2 contacts; give the id or the email of one of them:"));
  EXPECT_THAT(ambiguous.err, HasSubstr("\n  jane (Jane Doe, Jane@Acme.example)"));
  EXPECT_THAT(ambiguous.err, HasSubstr("\n  janet (Janet Smith)"));
  EXPECT_TRUE(show("jane")["touches"].empty());
  EXPECT_TRUE(show("janet")["touches"].empty());

  ok({"log", "JANE@acme.EXAMPLE", "--outcome", "touched"});
  ok({"log", "smith", "--outcome", "touched"});
  ok({"log", "jane", "--outcome", "touched"});  // an exact id wins over "Janet" containing it
  EXPECT_EQ(show("jane")["touches"].size(), 2u);
  EXPECT_EQ(show("janet")["touches"].size(), 1u);
  auto none = touchbase({"log", "ghost", "--outcome", "touched"});
  EXPECT_EQ(none.exit_code, 66);
  EXPECT_THAT(none.err, HasSubstr("no contact has the id, email or a name containing 'ghost'"));
}

// The log command a reminder prints, pasted into /bin/sh with the real binary on $PATH, logs a touch of that very
// contact, whatever shell characters its id holds.
TEST_F(LogCommandTest, ThePrintedLogCommandPastedIntoAShellLogsThatContact) {
  const auto bin = dir_ / "bin";
  std::filesystem::create_directories(bin);
  std::filesystem::create_symlink(TOUCHBASE_BINARY, bin / "touchbase");
  int n = 0;
  for (std::string id : {"o'brien; touch pwned", "-rf", "a|b $(touch pwned) `touch pwned` $HOME", "x && y \"z\""}) {
    ok({"contact", "add", "--name", "Shell " + std::to_string(++n), "--", id});
    const std::string pasted = log_command_for(id);
    const std::string line = "cd '" + dir_.path().string() + "' && PATH='" + bin.string() +
                             "':\"$PATH\" TOUCHBASE_CONFIG='" + config_.string() + "' " + pasted + " >/dev/null 2>&1";
    EXPECT_EQ(std::system(line.c_str()), 0) << pasted;
    const auto touches = nlohmann::json::parse(ok({"contact", "show", "--json", "--", id}))["touches"];
    ASSERT_EQ(touches.size(), 1u) << pasted;
    EXPECT_EQ(touches[0]["outcome"], "touched");
  }
  EXPECT_FALSE(std::filesystem::exists(dir_ / "pwned"));
}

}  // namespace
}  // namespace touchbase::testing
