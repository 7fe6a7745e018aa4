// Following cadence switches to the next follow-up: each switch or dormancy
// applied to the contact and reported, as the daemon and the plan do.

#include "scheduler/cadence_switches.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using Kind = Decision::Kind;

const Instant k_now = at("2026-11-23T07:00:00Z");  // Mon 08:00 in Berlin

void give_up_to_nurture(Config& config, Contact&) {
  config.cadences["basic"].give_up_after = 3;
  config.cadences["basic"].then = "nurture";
  config.cadences["nurture"] = plain_cadence("nurture", {"45d"});
}
void give_up_to_dormant(Config& config, Contact&) {
  config.cadences["basic"].give_up_after = 3;
  config.cadences["basic"].then = "dormant";
}
void nothing(Config&, Contact&) {}
// A cadence that gives itself up after one touch, and a touch known from an
// import that lies ahead of now: every switch leaves it in the new cadence.
void switches_in_a_loop(Config& config, Contact& c) {
  config.cadences["basic"].give_up_after = 1;
  config.cadences["basic"].then = "basic";
  c.last_touch = at("2026-12-01T09:00:00Z");
}

struct SwitchCase {
  const char* name;
  void (*setup)(Config&, Contact&);
  std::vector<Touch> history;
  Kind kind;                      // of the decision returned
  const char* cadence;            // the contact's after it
  const char* cadence_since;      // the contact's after it; "" for none
  ContactStatus status;           // the contact's after it
  std::vector<Kind> transitions;  // reported, in order
  const char* due;                // for Kind::follow_up; "" otherwise
  int step;                       // for Kind::follow_up
};

const std::vector<Touch> k_three_unanswered = {touch("2026-11-16T09:00:00Z", Outcome::no_answer),
                                               touch("2026-11-19T09:00:00Z", Outcome::no_answer),
                                               touch("2026-11-20T09:00:00Z", Outcome::no_answer)};
// The third touch is a reminder's, assumed done at its due time, later today.
const std::vector<Touch> k_three_the_last_ahead = {touch("2026-11-16T09:00:00Z", Outcome::no_answer),
                                                   touch("2026-11-19T09:00:00Z", Outcome::no_answer),
                                                   touch("2026-11-23T09:00:00Z", Outcome::no_answer)};

const SwitchCase k_cases[] = {
    {"ADecisionThatIsNoSwitchComesBackAsItIs",
     nothing,
     {touch("2026-11-20T09:00:00Z")},
     Kind::follow_up,
     "",
     "",
     ContactStatus::active,
     {},
     "2026-11-23T09:00:00Z",
     2},
    {"AGiveUpMovesTheContactToThenFromNowAndDecidesThere",
     give_up_to_nurture,
     k_three_unanswered,
     Kind::follow_up,
     "nurture",
     "2026-11-23T07:00:00Z",
     ContactStatus::active,
     {Kind::switch_cadence},
     "2027-01-04T09:00:00Z",
     1},
    {"ANewCadenceStartsAfterAnAssumedTouchThatLiesAheadOfNow",
     give_up_to_nurture,
     k_three_the_last_ahead,
     Kind::follow_up,
     "nurture",
     "2026-11-23T09:00:00Z",
     ContactStatus::active,
     {Kind::switch_cadence},
     "2027-01-07T09:00:00Z",
     1},
    {"AGiveUpIntoDormancyMakesTheContactDormantAndEnds",
     give_up_to_dormant,
     k_three_unanswered,
     Kind::dormant,
     "",
     "",
     ContactStatus::dormant,
     {Kind::dormant},
     "",
     0},
};

class CadenceSwitches : public ::testing::TestWithParam<SwitchCase> {};

TEST_P(CadenceSwitches, Case) {
  const SwitchCase& c = GetParam();
  Config config = base_config();
  Contact jane = contact();
  c.setup(config, jane);
  CadenceEngine engine(config);
  std::vector<Kind> reported;
  auto on_transition = [&](const Decision& d) -> Contact& {
    reported.push_back(d.kind);
    return jane;
  };
  Decision d;
  ASSERT_TRUE(follow_cadence_switches(engine, jane, c.history, k_now, NextOptions{}, d, on_transition).ok());
  EXPECT_EQ(d.kind, c.kind) << d.why;
  EXPECT_EQ(jane.cadence, c.cadence);
  EXPECT_EQ(jane.cadence_since ? format_rfc3339(*jane.cadence_since) : "", c.cadence_since);
  EXPECT_EQ(jane.status, c.status);
  EXPECT_EQ(reported, c.transitions);
  if (c.kind != Kind::follow_up) return;
  EXPECT_EQ(format_rfc3339(d.due_at), c.due);
  EXPECT_EQ(d.step, c.step);
}

INSTANTIATE_TEST_SUITE_P(Cases, CadenceSwitches, ::testing::ValuesIn(k_cases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(CadenceSwitchLoop, SwitchesThatNeverEndAreAConfigErrorNamingTheContact) {
  Config config = base_config();
  Contact jane = contact();
  switches_in_a_loop(config, jane);
  CadenceEngine engine(config);
  int reported = 0;
  Decision d;
  Status followed =
      follow_cadence_switches(engine, jane, {}, k_now, NextOptions{}, d, [&](const Decision&) -> Contact& {
        ++reported;
        return jane;
      });
  ASSERT_FALSE(followed.ok());
  EXPECT_EQ(followed.error().code, Errc::config);
  EXPECT_EQ(followed.error().message, "contact jane: cadences switch in a loop; check their 'then' keys");
  EXPECT_EQ(reported, k_max_cadence_switches);
}

TEST(CadenceSwitchCopy, TheContactGivenStaysAsItWasWhenTheCallerChangesACopy) {
  Config config = base_config();
  Contact jane = contact();
  give_up_to_nurture(config, jane);
  CadenceEngine engine(config);
  const Contact given = jane;
  Contact copy = jane;
  Decision d;
  ASSERT_TRUE(follow_cadence_switches(engine, given, k_three_unanswered, k_now,
                                      NextOptions{Explain::no, std::nullopt, {}}, d,
                                      [&](const Decision&) -> Contact& { return copy; })
                  .ok());
  EXPECT_EQ(d.cadence, "nurture");
  EXPECT_EQ(copy.cadence, "nurture");
  EXPECT_EQ(given, jane);
}

TEST(DecideFollowingSwitches, AppliesEverySwitchToTheContact) {
  Config config = base_config();
  Contact jane = contact();
  give_up_to_nurture(config, jane);
  CadenceEngine engine(config);
  auto d = decide_following_switches(engine, jane, k_three_unanswered, k_now);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->kind, Kind::follow_up);
  EXPECT_EQ(d->cadence, "nurture");
  EXPECT_EQ(jane.cadence, "nurture");
  switches_in_a_loop(config, jane);
  jane.cadence = "basic";
  EXPECT_EQ(decide_following_switches(CadenceEngine(config), jane, {}, k_now).error().code, Errc::config);
}

}  // namespace
}  // namespace touchbase
