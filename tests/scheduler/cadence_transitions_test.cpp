// Statuses and transitions: pauses, replies, give-up, steps running out, and
// where a new cadence starts. Same base setup as cadence_rules_test.cpp.

#include <gtest/gtest.h>

#include "scheduler/cadence_engine.h"
#include "tests/scheduler/rule_case.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using Kind = Decision::Kind;

const RuleCase k_cases[] = {
    {"APauseWithoutADateStopsFollowUps",
     paused_no_date,
     {touch("2026-11-23T09:00:00Z")},
     "2026-11-23T10:00:00Z",
     Kind::none,
     "",
     "",
     "paused, with no date to resume"},
    {"ADormantContactGetsNothing", dormant, {}, "2026-11-23T10:00:00Z", Kind::none, "", "", "dormant"},
    {"AClosedContactGetsNothing", closed_won, {}, "2026-11-23T10:00:00Z", Kind::none, "", "", "closed (won)"},
    {"AnAgreedDateWinsOverPauseOnReply",
     next_step,
     {touch("2026-11-23T09:00:00Z", Outcome::replied)},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-12-10T08:00:00Z",
     "",
     "2nd touch; next step agreed for Thu 10 Dec (instead of on_reply = pause); moved to Thu 10 Dec 09:00 "
     "Europe/Berlin, the default window"},
    {"AReplyPauses",
     nothing,
     {touch("2026-11-23T09:00:00Z", Outcome::replied)},
     "2026-11-23T10:00:00Z",
     Kind::none,
     "",
     "",
     "paused after a reply"},
    {"AMeetingCountsAsAReply",
     nothing,
     {touch("2026-11-23T09:00:00Z", Outcome::meeting)},
     "2026-11-23T10:00:00Z",
     Kind::none,
     "",
     "",
     "paused after a reply"},
    {"AReplyStops",
     stop_on_reply,
     {touch("2026-11-23T09:00:00Z", Outcome::replied)},
     "2026-11-23T10:00:00Z",
     Kind::none,
     "",
     "",
     "stopped after a reply"},
    {"AReplySwitchesCadence",
     customer_on_reply,
     {touch("2026-11-23T09:00:00Z", Outcome::replied)},
     "2026-11-23T10:00:00Z",
     Kind::switch_cadence,
     "",
     "",
     "replied: moves to customer",
     "customer"},
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
    {"AKnownLastTouchCountsAsTheFirst",
     known_last_touch,
     {},
     "2026-11-23T10:00:00Z",
     Kind::follow_up,
     "2026-11-26T09:00:00Z",
     "",
     "2nd touch; 3 days after the last; Thu 26 Nov 10:00 Europe/Berlin is in the default window"},
};

class TransitionRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(TransitionRule, DecidesAndSaysWhy) {
  expect_rule(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Rules, TransitionRule, ::testing::ValuesIn(k_cases), rule_case_name);

}  // namespace
}  // namespace touchbase
