// `touchbase plan`: each follow-up done on time with no reply, the cadence,
// backoff and give-up played forward, daily limits applied.

#include "scheduler/plan.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using namespace std::chrono_literals;

const Instant k_now = at("2026-11-23T07:00:00Z");  // Mon 08:00 in Berlin

std::vector<std::string> dues(const Plan& plan) {
  std::vector<std::string> out;
  for (const auto& f : plan.follow_ups)
    out.push_back(f.contact + " " + std::to_string(f.step) + " " + f.cadence + " " + format_rfc3339(f.due_at));
  return out;
}

TEST(Plan, PlaysTheCadenceThroughGiveUpIntoNurture) {
  Config config = base_config();
  config.cadences["basic"] = plain_cadence("basic", {"2d"});
  config.cadences["basic"].give_up_after = 3;
  config.cadences["basic"].then = "nurture";
  config.cadences["nurture"] = plain_cadence("nurture", {"30d"});
  CadenceEngine engine(config);
  const std::vector<PlanContact> contacts = {{contact(), {}}};
  Plan plan = plan_follow_ups(engine, contacts, k_now, k_now + 60 * 24h).value();
  EXPECT_EQ(dues(plan),
            (std::vector<std::string>{"jane 1 basic 2026-11-23T08:00:00Z", "jane 2 basic 2026-11-25T08:00:00Z",
                                      "jane 3 basic 2026-11-27T08:00:00Z", "jane 1 nurture 2026-12-28T08:00:00Z"}));
  EXPECT_EQ(plan.follow_ups[3].why,
            "gave up after 3 unanswered touches: moves to nurture; 1st touch of nurture; 30 days after the last; moved "
            "to Mon 28 Dec 09:00 Europe/Berlin, the default window");
  EXPECT_EQ(plan.follow_ups[3].owner, "alice");
  EXPECT_EQ(plan.follow_ups[3].timezone, "Europe/Berlin");
  EXPECT_EQ(format_rfc3339(plan.follow_ups[3].remind_at), "2026-12-28T07:45:00Z");
  ASSERT_EQ(plan.transitions.size(), 1u);
  EXPECT_EQ(plan.transitions[0].from_cadence, "basic");
  EXPECT_EQ(plan.transitions[0].to_cadence, "nurture");
  EXPECT_EQ(format_rfc3339(plan.transitions[0].at), "2026-11-27T08:00:00Z");
}

// Regression: a last_touch known from an import was forgotten after the
// first planned touch, so the 2nd touch was planned twice.
// Regression: the plan started a new cadence at `now`, so a reminded touch
// assumed done later today counted as the new cadence's first touch; the
// daemon starts it after that touch.
TEST(Plan, ACadenceSwitchedBeforeAnAssumedTouchLaterTodayStartsAfterItAsTheDaemonDoes) {
  Config config = base_config();
  config.cadences["basic"].give_up_after = 3;
  config.cadences["basic"].then = "nurture";
  config.cadences["nurture"] = plain_cadence("nurture", {"45d"});
  CadenceEngine engine(config);
  const std::vector<PlanContact> contacts = {
      {contact(),
       {touch("2026-11-16T09:00:00Z", Outcome::no_answer), touch("2026-11-19T09:00:00Z", Outcome::no_answer),
        touch("2026-11-23T09:00:00Z", Outcome::no_answer)}}};
  Plan plan = plan_follow_ups(engine, contacts, k_now, k_now + 60 * 24h).value();
  EXPECT_EQ(dues(plan), (std::vector<std::string>{"jane 1 nurture 2027-01-07T09:00:00Z"}));
  ASSERT_EQ(plan.transitions.size(), 1u);
  EXPECT_EQ(plan.transitions[0].at, k_now);
}

TEST(Plan, CadencesThatSwitchInALoopFailThePlanAsTheyFailTheDaemon) {
  Config config = base_config();
  config.cadences["basic"].give_up_after = 1;
  config.cadences["basic"].then = "basic";
  CadenceEngine engine(config);
  Contact c = contact();
  c.last_touch = at("2026-12-01T09:00:00Z");  // imported, and ahead of now: it stays in every new cadence
  const std::vector<PlanContact> contacts = {{contact("ok", "Ok"), {}}, {c, {}}};
  auto plan = plan_follow_ups(engine, contacts, k_now, k_now + 24h);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, Errc::config);
  EXPECT_EQ(plan.error().message, "contact jane: cadences switch in a loop; check their 'then' keys");
}

TEST(Plan, AnImportedLastTouchCountsAsTheFirstTouchThroughoutThePlan) {
  Config config = base_config();
  config.cadences["basic"] = plain_cadence("basic", {"2d"});
  config.cadences["basic"].repeat = true;
  CadenceEngine engine(config);
  Contact c = contact();
  c.last_touch = at("2026-11-22T08:00:00Z");
  const std::vector<PlanContact> contacts = {{c, {}}};
  Plan plan = plan_follow_ups(engine, contacts, k_now, k_now + 5 * 24h).value();
  EXPECT_EQ(dues(plan),
            (std::vector<std::string>{"jane 2 basic 2026-11-24T08:00:00Z", "jane 3 basic 2026-11-26T08:00:00Z"}));
}

TEST(Plan, BackoffStretchesEachGapAndDormancyEndsThePlan) {
  Config config = base_config();
  config.cadences["basic"] = plain_cadence("basic", {"1d"});
  config.cadences["basic"].backoff = 2;
  config.cadences["basic"].give_up_after = 4;
  config.cadences["basic"].then = "dormant";
  CadenceEngine engine(config);
  const std::vector<PlanContact> contacts = {{contact(), {}}};
  Plan plan = plan_follow_ups(engine, contacts, k_now, k_now + 60 * 24h).value();
  // 1d, then x2, x4 after two and three unanswered: Mon, Tue, Thu, Mon.
  EXPECT_EQ(dues(plan),
            (std::vector<std::string>{"jane 1 basic 2026-11-23T08:00:00Z", "jane 2 basic 2026-11-24T08:00:00Z",
                                      "jane 3 basic 2026-11-26T08:00:00Z", "jane 4 basic 2026-11-30T08:00:00Z"}));
  EXPECT_EQ(plan.follow_ups[3].why,
            "4th touch; 1 day after the last, \u00d74 for 3 unanswered; Mon 30 Nov 09:00 Europe/Berlin is in the "
            "default window");
  ASSERT_EQ(plan.transitions.size(), 1u);
  EXPECT_EQ(plan.transitions[0].kind, Decision::Kind::dormant);
  EXPECT_EQ(plan.transitions[0].why, "gave up after 4 unanswered touches: dormant, for the pipeline audit");
}

TEST(Plan, AnOverdueFollowUpComesFirstAndTheNextCountsFromNow) {
  Config config = base_config();
  config.cadences["basic"] = plain_cadence("basic", {"2d"});
  CadenceEngine engine(config);
  const std::vector<PlanContact> contacts = {{contact(), {touch("2026-11-02T09:00:00Z")}}};
  Plan plan = plan_follow_ups(engine, contacts, k_now, k_now + 3 * 24h).value();
  EXPECT_EQ(dues(plan),
            (std::vector<std::string>{"jane 2 basic 2026-11-04T09:00:00Z", "jane 3 basic 2026-11-25T08:00:00Z"}));
  EXPECT_NE(plan.follow_ups[0].why.find("overdue"), std::string::npos);
}

TEST(Plan, TheDailyLimitSpreadsFollowUpsMostValuableFirst) {
  Config config = base_config();
  config.cadences["basic"] = plain_cadence("basic", {"7d"});
  config.owners["alice"].daily_limit = 1;
  CadenceEngine engine(config);
  std::vector<PlanContact> contacts = {
      {contact("low", "Low"), {}}, {contact("high", "High"), {}}, {contact("mid", "Mid"), {}}};
  contacts[0].contact.value = 1;
  contacts[1].contact.value = 3;
  contacts[2].contact.value = 2;
  Plan plan = plan_follow_ups(engine, contacts, k_now, k_now + 3 * 24h).value();
  EXPECT_EQ(dues(plan),
            (std::vector<std::string>{"high 1 basic 2026-11-23T08:00:00Z", "mid 1 basic 2026-11-24T08:00:00Z",
                                      "low 1 basic 2026-11-25T08:00:00Z"}));
  EXPECT_EQ(plan.follow_ups[2].why,
            "1st touch; no touch yet; Alice Moreno's daily limit of 1 is reached on Tue 24 Nov; moved to Wed 25 Nov "
            "09:00 Europe/Berlin, the default window");
}

TEST(Plan, FollowUpsAreOrderedByReminderAcrossContacts) {
  Config config = base_config();
  CadenceEngine engine(config);
  std::vector<PlanContact> contacts = {{contact("late", "Late"), {}}, {contact("early", "Early"), {}}};
  contacts[0].contact.window = window("mon-fri 15:00-16:00");
  contacts[1].contact.window = window("mon-fri 10:00-11:00");
  Plan plan = plan_follow_ups(engine, contacts, k_now, k_now + 24h).value();
  ASSERT_EQ(plan.follow_ups.size(), 2u);
  EXPECT_EQ(plan.follow_ups[0].contact, "early");
  EXPECT_EQ(plan.follow_ups[1].contact, "late");
}

}  // namespace
}  // namespace touchbase
