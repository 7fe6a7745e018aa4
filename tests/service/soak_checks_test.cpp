// The soak's rules on hand-made histories: each holds for a history that
// keeps it and names what broke it in one that does not.
#include "tests/service/soak_checks.h"

#include <gmock/gmock.h>

#include "config/load_config.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Alice works Mon-Fri 09:00-17:00 in Berlin.
constexpr std::string_view k_config = R"(
[owners.alice]
timezone = "Europe/Berlin"
working_hours = { days = "mon-fri", hours = "09:00-17:00" }
notify = ["primary"]

[notifiers.primary]
kind = "console"

[cadences.prospect]
steps = ["1d"]
)";

const Instant k_monday_noon = parse_rfc3339("2026-11-23T11:00:00Z").value();  // 12:00 in Berlin

Config config() {
  return load_config_text(k_config, "soak.toml", k_monday_noon).value();
}

Delivery delivery(std::string key, Instant at, bool succeeded = true, std::string notifier = "primary") {
  return Delivery{std::pmr::string(notifier), std::pmr::string(key), at, succeeded};
}

OutboxRow row(std::int64_t id, std::string key, OutboxState state, std::string last_error = "") {
  OutboxRow r;
  r.id = id;
  r.reminder_id = id;
  r.notifier = "primary";
  r.idempotency_key = std::move(key);
  r.state = state;
  r.last_error = std::move(last_error);
  return r;
}

StoredReminder reminder(std::int64_t id, std::string contact, Instant remind_at, std::vector<OutboxRow> rows = {}) {
  StoredReminder s;
  s.reminder.id = id;
  s.reminder.contact_id = std::move(contact);
  s.reminder.owner = "alice";
  s.reminder.due_at = remind_at + 15min;
  s.reminder.remind_at = remind_at;
  s.reminder.created_at = remind_at;
  s.rows = std::move(rows);
  return s;
}

TEST(SoakChecksTest, AKeyDeliveredTwiceIsDoubledUnlessACrashAllowedTheRepeat) {
  const std::vector<Delivery> twice{delivery("k1", k_monday_noon), delivery("k1", k_monday_noon + 1min),
                                    delivery("k2", k_monday_noon), delivery("k2", k_monday_noon, false)};
  AllowedRepeats none;
  EXPECT_THAT(doubled_deliveries(twice, none), ElementsAre("primary k1: delivered 2 times, at most 1 allowed"));
  AllowedRepeats after_crash;
  after_crash[repeat_key("primary", "k1", after_crash.get_allocator().resource())] = 1;
  EXPECT_THAT(doubled_deliveries(twice, after_crash), IsEmpty());
  // The same key through two notifiers is two deliveries.
  const std::vector<Delivery> two_notifiers{delivery("k1", k_monday_noon),
                                            delivery("k1", k_monday_noon, true, "backup")};
  EXPECT_THAT(doubled_deliveries(two_notifiers, none), IsEmpty());
}

TEST(SoakChecksTest, AReminderIsLostUnlessDeliveredOrDeadWithItsError) {
  const std::vector<Delivery> sent{delivery("k1", k_monday_noon)};
  const std::vector<StoredReminder> kept{
      reminder(1, "ann", k_monday_noon, {row(1, "k1", OutboxState::delivered)}),
      reminder(2, "ben", k_monday_noon, {row(2, "k2", OutboxState::dead, "550 no such user")}),
      reminder(3, "cas", k_monday_noon)};  // listed in a notice
  EXPECT_THAT(lost_reminders(kept, {}, sent, {}), IsEmpty());

  const std::vector<StoredReminder> lost{reminder(4, "dan", k_monday_noon, {row(4, "k4", OutboxState::failed)}),
                                         reminder(5, "eve", k_monday_noon, {row(5, "k5", OutboxState::delivered)}),
                                         reminder(6, "fay", k_monday_noon, {row(6, "k6", OutboxState::dead)})};
  const auto found = lost_reminders(lost, {}, sent, {});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_THAT(found[0], HasSubstr("outbox row 4 (primary, failed): never delivered"));
  EXPECT_THAT(found[1], HasSubstr("outbox row 5 (primary, delivered): marked delivered, never sent"));
  EXPECT_THAT(found[2], HasSubstr("outbox row 6 (primary, dead): dead without an error"));
}

TEST(SoakChecksTest, ANoticeRowNeverDeliveredAndAFollowUpNeverMadeAreLost) {
  OutboxRow notice = row(9, "n9", OutboxState::pending);
  notice.reminder_id = 0;
  notice.notice_id = 7;
  const std::vector<StoredReminder> kept{reminder(3, "cas", k_monday_noon)};
  const std::vector<FollowUpKey> due{{"cas", k_monday_noon + 15min}, {"dan", k_monday_noon}};
  EXPECT_THAT(lost_reminders(kept, std::vector{notice}, {}, due),
              ElementsAre("notice 7: outbox row 9 (primary, pending): never delivered",
                          "follow-up of dan due 2026-11-23T11:00:00Z: never reminded"));
}

TEST(SoakChecksTest, AReminderDueWithinMinGapOfTheLatestTouchIsTooClose) {
  std::vector<StoredReminder> kept{reminder(1, "ann", k_monday_noon), reminder(2, "ann", k_monday_noon + 24h)};
  std::map<std::string, std::vector<Instant>> touches{{"ann", {k_monday_noon - 48h}}};
  EXPECT_THAT(reminders_too_close(kept, touches, 20h), IsEmpty());
  // A reminder 10h after the one before it.
  kept[1].reminder.due_at = kept[0].reminder.due_at + 10h;
  EXPECT_THAT(reminders_too_close(kept, touches, 20h), ElementsAre(HasSubstr("only 36000s after the touch at")));
  // A touch logged before the second was made counts as the latest touch.
  kept[1].reminder.due_at = kept[0].reminder.due_at + 30h;
  touches["ann"].push_back(kept[1].reminder.created_at - 1h);
  EXPECT_THAT(reminders_too_close(kept, touches, 20h),
              ElementsAre(HasSubstr("only 26100s after the touch at 2026-11-24T10:00:00Z")));
}

TEST(SoakChecksTest, AReminderAnsweredEarlyByALoggedTouchNoLongerCountsAsATouch) {
  // Reminded of a call due Tuesday noon, the salesperson called on Monday evening, after the reminder was made.
  std::vector<StoredReminder> kept{reminder(1, "ann", k_monday_noon + 24h), reminder(2, "ann", k_monday_noon + 34h)};
  kept[0].reminder.created_at = k_monday_noon;
  const Instant called = k_monday_noon + 10h;
  kept[1].reminder.created_at = called + 1h;
  std::map<std::string, std::vector<Instant>> touches{{"ann", {called}}};
  EXPECT_THAT(reminders_too_close(kept, touches, 20h), IsEmpty());
  // Logged before the first reminder was made, the call does not answer it.
  kept[0].reminder.created_at = called + 30min;
  EXPECT_THAT(reminders_too_close(kept, touches, 20h),
              Contains(AllOf(HasSubstr("reminder 2 of ann"), HasSubstr("only 36000s after the touch at"))));
}

TEST(SoakChecksTest, MoreRemindersInAnOwnersDayThanTheLargestLimitInForceIsOverTheLimit) {
  const Config c = config();
  auto alone = [](std::int64_t id, std::string contact, Instant at) {
    return reminder(id, std::move(contact), at, {row(id, "k" + std::to_string(id), OutboxState::delivered)});
  };
  const std::vector<StoredReminder> kept{alone(1, "ann", k_monday_noon), alone(2, "ben", k_monday_noon + 1h),
                                         alone(3, "cas", k_monday_noon + 2h),
                                         alone(4, "dan", k_monday_noon + 24h),     // Tuesday
                                         reminder(5, "eve", k_monday_noon + 3h)};  // listed in a notice: not counted
  const std::vector<LimitsFrom> two{{Instant::min(), {{"alice", 2}}}};
  EXPECT_THAT(over_daily_limit(kept, c, two), ElementsAre("alice on 2026-11-23: 3 reminders, limit 2"));
  // A limit of 5 in force for part of Monday, in Berlin, allows them.
  const std::vector<LimitsFrom> raised{
      {Instant::min(), {{"alice", 2}}}, {k_monday_noon - 11h, {{"alice", 5}}}, {k_monday_noon + 1h, {{"alice", 2}}}};
  EXPECT_THAT(over_daily_limit(kept, c, raised), IsEmpty());
  // Before Monday began in Berlin it was not in force that day.
  const std::vector<LimitsFrom> too_early{
      {Instant::min(), {{"alice", 2}}}, {k_monday_noon - 14h, {{"alice", 5}}}, {k_monday_noon - 12h, {{"alice", 2}}}};
  EXPECT_THAT(over_daily_limit(kept, c, too_early), ElementsAre("alice on 2026-11-23: 3 reminders, limit 2"));
}

TEST(SoakChecksTest, AReminderOutsideWorkingHoursOrSentBeforeItsTimeBreaksTheHours) {
  const Config c = config();
  std::vector<StoredReminder> kept{reminder(1, "ann", k_monday_noon, {row(1, "k1", OutboxState::delivered)})};
  EXPECT_THAT(outside_working_hours(kept, c, std::vector{delivery("k1", k_monday_noon)}), IsEmpty());
  EXPECT_THAT(outside_working_hours(kept, c, std::vector{delivery("k1", k_monday_noon - 1s)}),
              ElementsAre(HasSubstr("sent through primary early, at 2026-11-23T10:59:59Z")));
  kept[0].reminder.remind_at = k_monday_noon + 5h;  // 17:00 in Berlin: the hours have ended
  kept[0].reminder.why = "remind now";
  EXPECT_THAT(outside_working_hours(kept, c, {}), ElementsAre(HasSubstr("outside alice's working hours: remind now")));
  kept[0].reminder.remind_at = k_monday_noon - 48h;  // Saturday
  EXPECT_THAT(outside_working_hours(kept, c, {}), ElementsAre(HasSubstr("outside alice's working hours")));
}

TEST(SoakChecksTest, AReminderMadeWhileQuietOrDueBeforeTheQuietEndedIsPushy) {
  const std::vector<StoredReminder> kept{reminder(1, "ann", k_monday_noon)};
  const QuietSpan before{"ann", k_monday_noon - 2h, k_monday_noon - 1h, false};
  const QuietSpan other{"ben", k_monday_noon - 2h, Instant::max(), false};
  EXPECT_THAT(reminded_while_quiet(kept, std::vector{before, other}), IsEmpty());
  const QuietSpan paused{"ann", k_monday_noon - 2h, Instant::max(), false};
  EXPECT_THAT(reminded_while_quiet(kept, std::vector{paused}), ElementsAre(HasSubstr("made while quiet")));
  // Snoozed until 12:30: made after the snooze began, due at 12:15, before its end.
  const QuietSpan snoozed{"ann", k_monday_noon - 2h, k_monday_noon, false};
  EXPECT_THAT(reminded_while_quiet(kept, std::vector{QuietSpan{"ann", k_monday_noon - 2h, k_monday_noon + 30min}}),
              ElementsAre(HasSubstr("made while quiet")));
  QuietSpan ran_out = snoozed;
  ran_out.until = k_monday_noon;
  EXPECT_THAT(reminded_while_quiet(kept, std::vector{ran_out}), IsEmpty());
  // Made during a snooze, for a call at its end.
  EXPECT_THAT(reminded_while_quiet(kept, std::vector{QuietSpan{"ann", k_monday_noon - 2h, k_monday_noon + 15min}}),
              IsEmpty());
  ran_out.from = k_monday_noon - 1h;
  ran_out.until = k_monday_noon;
  StoredReminder early = kept[0];
  early.reminder.due_at = k_monday_noon - 1min;
  EXPECT_THAT(reminded_while_quiet(std::vector{early}, std::vector{ran_out}),
              ElementsAre(HasSubstr("due before the end of")));
  ran_out.ended_by_resume = true;
  EXPECT_THAT(reminded_while_quiet(std::vector{early}, std::vector{ran_out}), IsEmpty());
}

TEST(SoakChecksTest, MemoryThatGrewPastTheMarginIsReported) {
  EXPECT_THAT(memory_grew(std::vector<std::size_t>{1000, 5000, 1500}, 500), IsEmpty());
  EXPECT_THAT(memory_grew(std::vector<std::size_t>{1000, 1200, 1501}, 500),
              ElementsAre("memory grew from 1000 to 1501 bytes, more than the margin of 500"));
}

}  // namespace
}  // namespace touchbase::testing
