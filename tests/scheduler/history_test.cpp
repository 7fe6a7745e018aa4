// The history a contact's follow-ups are decided on: logged touches, and the
// reminders the last logged touch does not answer as assumed touches.

#include "scheduler/history.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A reminder due at `due`, made at `created`, carrying `point`; ids follow the order made.
Reminder reminder(std::int64_t id, std::string_view due, std::string_view created, std::string point = "") {
  Reminder r;
  r.id = id;
  r.contact_id = "jane";
  r.due_at = at(due);
  r.remind_at = r.due_at - std::chrono::minutes(15);
  r.created_at = at(created);
  r.talking_point = std::move(point);
  return r;
}

Touch assumed(std::string_view when, std::string point = "") {
  return Touch{at(when), Outcome::no_answer, "assumed done when reminded", std::move(point)};
}

struct AnsweredCase {
  const char* name;
  const char* due;
  const char* created;
  std::optional<const char*> touched;
  bool answered;
};

const AnsweredCase k_answered[] = {
    {"NoTouchAnswersNothing", "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z", std::nullopt, false},
    {"ATouchBeforeTheReminderWasMadeDoesNotAnswerIt", "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z",
     "2026-11-04T15:44:59Z", false},
    {"ATouchWhenRemindedBeforeTheDueTimeAnswersIt", "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z",
     "2026-11-04T15:45:00Z", true},
    {"ATouchAfterTheDueTimeAnswersIt", "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z", "2026-11-05T09:00:00Z", true},
    {"ATouchAtTheDueTimeOfALateReminderAnswersItBeforeItWasMade", "2026-11-04T16:00:00Z", "2026-11-06T08:00:00Z",
     "2026-11-04T16:00:00Z", true},
};

class AnsweredByTouch : public ::testing::TestWithParam<AnsweredCase> {};

TEST_P(AnsweredByTouch, Case) {
  const AnsweredCase& c = GetParam();
  const Reminder r = reminder(1, c.due, c.created);
  const std::optional<Instant> touched = c.touched ? std::optional(at(*c.touched)) : std::nullopt;
  EXPECT_EQ(answered_by_touch(r, touched), c.answered);
}

INSTANTIATE_TEST_SUITE_P(History, AnsweredByTouch, ::testing::ValuesIn(k_answered),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(History, AnUnansweredReminderStandsForATouchDoneOnTimeWithNoAnswer) {
  EXPECT_EQ(assumed_touch(reminder(1, "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z", "case-study")),
            assumed("2026-11-04T16:00:00Z", "case-study"));
}

TEST(History, ALateReminderStandsForATouchWhenItWasMade) {
  EXPECT_EQ(assumed_touch(reminder(1, "2026-11-04T16:00:00Z", "2026-11-06T08:00:00Z")),
            assumed("2026-11-06T08:00:00Z"));
}

// A touch, a reminder it answers (made before it), then two it does not: one on time, one late.
struct Jane {
  std::vector<Touch> logged = {touch("2026-11-02T09:00:00Z"), touch("2026-11-04T16:05:00Z", Outcome::replied)};
  std::vector<Reminder> reminders = {reminder(1, "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z", "case-study"),
                                     reminder(2, "2026-11-06T16:00:00Z", "2026-11-06T15:45:00Z", "report"),
                                     reminder(3, "2026-11-08T16:00:00Z", "2026-11-09T08:00:00Z")};
};

TEST(History, TheEngineSeesEveryLoggedTouchThenEachUnansweredReminderAsAnAssumedTouch) {
  const Jane j;
  EXPECT_THAT(engine_history(j.logged, j.reminders),
              ElementsAre(touch("2026-11-02T09:00:00Z"), touch("2026-11-04T16:05:00Z", Outcome::replied),
                          assumed("2026-11-06T16:00:00Z", "report"), assumed("2026-11-09T08:00:00Z")));
}

TEST(History, WithoutRemindersTheEngineSeesTheLoggedTouchesAlone) {
  const Jane j;
  EXPECT_EQ(engine_history(j.logged, {}), j.logged);
  EXPECT_THAT(engine_history({}, {}), IsEmpty());
}

TEST(History, WithoutALoggedTouchEveryReminderIsOpen) {
  const Jane j;
  EXPECT_THAT(engine_history({}, j.reminders),
              ElementsAre(assumed("2026-11-04T16:00:00Z", "case-study"), assumed("2026-11-06T16:00:00Z", "report"),
                          assumed("2026-11-09T08:00:00Z")));
  EXPECT_EQ(open_reminders({}, j.reminders).size(), 3u);
}

TEST(History, TheOpenRemindersAreThoseTheLastLoggedTouchDoesNotAnswerInOrder) {
  const Jane j;
  const auto open = open_reminders(j.logged, j.reminders);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, 2);
  EXPECT_EQ(open[1].id, 3);
  const std::vector<Touch> later = {touch("2026-11-10T09:00:00Z")};
  EXPECT_THAT(open_reminders(later, j.reminders), IsEmpty());
}

TEST(History, AnOpenReminderHasBroughtTheNextStepUpAlready) {
  const Jane j;
  EXPECT_TRUE(next_step_brought(j.logged, j.reminders));
  const std::vector<Touch> later = {touch("2026-11-10T09:00:00Z")};
  EXPECT_FALSE(next_step_brought(later, j.reminders));
  EXPECT_FALSE(next_step_brought(j.logged, {}));
}

TEST(History, OnlyTheEarliestOpenReminderWithoutAPointBringsTheNextStepUp) {
  Jane j;
  EXPECT_FALSE(brings_next_step(j.reminders[0], j.logged, j.reminders)) << "answered";
  EXPECT_FALSE(brings_next_step(j.reminders[1], j.logged, j.reminders)) << "carries a point";
  EXPECT_FALSE(brings_next_step(j.reminders[2], j.logged, j.reminders)) << "not the earliest open one";
  j.reminders[1].talking_point.clear();
  EXPECT_TRUE(brings_next_step(j.reminders[1], j.logged, j.reminders));
  EXPECT_FALSE(brings_next_step(j.reminders[2], j.logged, j.reminders));
}

TEST(History, ATouchUsesThePointOfTheLatestOpenReminderItAnswers) {
  const Jane j;
  EXPECT_EQ(talking_point_answered(j.logged, j.reminders, at("2026-11-06T15:50:00Z")), "report");
  EXPECT_EQ(talking_point_answered(j.logged, j.reminders, at("2026-11-10T09:00:00Z")), "");  // the late one has none
  EXPECT_EQ(talking_point_answered(j.logged, j.reminders, at("2026-11-05T09:00:00Z")), "");  // before any open one
  EXPECT_EQ(talking_point_answered({}, j.reminders, at("2026-11-05T09:00:00Z")), "case-study");
}

}  // namespace
}  // namespace touchbase
