// What logging a touch does to its contact at once: the next step, a dormant
// contact back, and a reply acting on the cadence as on_reply says.

#include "scheduler/touch_effect.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using Kind = TouchEffect::Kind;

const Instant k_touched = at("2026-11-23T09:00:00Z");
const Instant k_since = at("2026-11-01T09:00:00Z");

struct EffectCase {
  const char* name;
  const char* on_reply;
  ContactStatus status;  // before
  Outcome outcome;
  bool agreed_date;  // the touch agreed a next step with a date
  Kind kind;
  ContactStatus status_after;
  const char* cadence_after;
  Instant since_after;
};

const EffectCase k_cases[] = {
    {"AnUnansweredTouchChangesNothingButTheNextStep", "pause", ContactStatus::active, Outcome::no_answer, false,
     Kind::none, ContactStatus::active, "basic", k_since},
    {"ATouchWithADormantContactMakesItActiveAgainFromTheTouch", "pause", ContactStatus::dormant, Outcome::touched,
     false, Kind::active_again, ContactStatus::active, "basic", k_touched},
    {"AReplyOnACadenceWhoseOnReplyIsPausePausesTheContactUntilResumed", "pause", ContactStatus::active,
     Outcome::replied, false, Kind::paused, ContactStatus::paused, "basic", k_since},
    {"AMeetingCountsAsAReply", "", ContactStatus::active, Outcome::meeting, false, Kind::paused, ContactStatus::paused,
     "basic", k_since},
    {"AReplyOnACadenceWhoseOnReplyIsStopLeavesTheStopToTheEngine", "stop", ContactStatus::active, Outcome::replied,
     false, Kind::stopped, ContactStatus::active, "basic", k_since},
    {"AReplyWithAnAgreedDateKeepsTheContactActiveForThatDate", "pause", ContactStatus::active, Outcome::replied, true,
     Kind::date_comes_first, ContactStatus::active, "basic", k_since},
    {"AReplyOnACadenceWhoseOnReplyNamesACadenceMovesTheContactThereFromTheTouch", "customer", ContactStatus::active,
     Outcome::replied, false, Kind::moved, ContactStatus::active, "customer", k_touched},
    {"ADormantContactsReplyMakesItActiveAndMovesItToTheCadenceOnReplyNames", "customer", ContactStatus::dormant,
     Outcome::replied, true, Kind::moved, ContactStatus::active, "customer", k_touched},
};

class TouchEffects : public ::testing::TestWithParam<EffectCase> {};

TEST_P(TouchEffects, Case) {
  const EffectCase& c = GetParam();
  Cadence cadence = plain_cadence("basic", {"3d"});
  cadence.on_reply = c.on_reply;
  Contact jane = contact();
  jane.cadence = "basic";
  jane.status = c.status;
  jane.cadence_since = k_since;
  jane.paused_until = at("2026-11-20T09:00:00Z");
  const NextStep next{"send the deck", c.agreed_date ? std::optional(day("2026-11-30")) : std::nullopt};

  const TouchEffect effect = apply_touch(cadence, Touch{k_touched, c.outcome, "", ""}, next, jane);
  EXPECT_EQ(effect.kind, c.kind);
  EXPECT_EQ(jane.status, c.status_after);
  EXPECT_EQ(jane.cadence, c.cadence_after);
  EXPECT_EQ(jane.cadence_since, c.since_after);
  EXPECT_EQ(jane.next_step, next);
  EXPECT_EQ(jane.paused_until.has_value(), c.kind != Kind::paused);
}

INSTANTIATE_TEST_SUITE_P(LoggedTouch, TouchEffects, ::testing::ValuesIn(k_cases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(TouchEffect, AReplyHeldByAnAgreedDateSaysWhichRuleItHolds) {
  Cadence cadence = plain_cadence("basic", {"3d"});
  cadence.on_reply = "stop";
  Contact jane = contact();
  const TouchEffect effect =
      apply_touch(cadence, Touch{k_touched, Outcome::replied, "", ""}, NextStep{"", day("2026-11-30")}, jane);
  EXPECT_EQ(effect.kind, Kind::date_comes_first);
  EXPECT_EQ(effect.reply.kind, ReplyRule::Kind::stop);
  EXPECT_EQ(effect.reply.name, "stop");
}

TEST(FollowUpsAfter, SaysWhatAReplyDidInAFewWords) {
  Contact c;
  c.cadence = "nurture";
  EXPECT_EQ(follow_ups_after({Kind::paused, {}}, c), "follow-ups paused");
  EXPECT_EQ(follow_ups_after({Kind::stopped, {}}, c), "follow-ups stopped");
  EXPECT_EQ(follow_ups_after({Kind::moved, {}}, c), "moved to cadence nurture");
  EXPECT_EQ(follow_ups_after({Kind::date_comes_first, {}}, c), "the agreed date comes first");
  EXPECT_EQ(follow_ups_after({Kind::none, {}}, c), "");
}

TEST(TouchTimeWithin, AMailDateIsKeptBetweenTheLastTouchAndNow) {
  const Instant now = at("2026-11-25T09:00:00Z");
  const Instant last = at("2026-11-20T09:00:00Z");
  EXPECT_EQ(touch_time_within(at("2026-11-24T09:00:00Z"), last, now), at("2026-11-24T09:00:00Z"));
  EXPECT_EQ(touch_time_within(at("2026-11-01T09:00:00Z"), last, now), last);
  EXPECT_EQ(touch_time_within(at("2027-01-01T09:00:00Z"), last, now), now);
  EXPECT_EQ(touch_time_within(std::nullopt, last, now), now);
  EXPECT_EQ(touch_time_within(at("2026-11-01T09:00:00Z"), std::nullopt, now), at("2026-11-01T09:00:00Z"));
  EXPECT_EQ(touch_time_within(at("2026-11-24T09:00:00Z"), at("2026-12-01T09:00:00Z"), now), now);
}

}  // namespace
}  // namespace touchbase
