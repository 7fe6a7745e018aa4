// After downtime and on a busy day: late reminders go out a few seconds
// apart, those too old are listed in one notice, and an owner's daily limit
// moves the excess to the next day.

#include <gmock/gmock.h>

#include "service/daemon.h"
#include "tests/testing/daemon_fixture.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

using CatchUpTest = DaemonFixture;

std::string with_daemon_keys(std::string_view keys) {
  return std::string("[daemon]\n") + std::string(keys) + "\n" + std::string(k_daemon_test_config);
}

std::string with_daily_limit(int limit) {
  std::string text(k_daemon_test_config);
  const std::string anchor = "name = \"Alice Moreno\"\n";
  text.insert(text.find(anchor) + anchor.size(), "daily_limit = " + std::to_string(limit) + "\n");
  return text;
}

TEST_F(CatchUpTest, LateRemindersGoOutAFewSecondsApartMostValuableFirst) {
  // Given three follow-ups that came due a day ago while the daemon was down
  // (a 2-day gap after a touch 3 days ago).
  contact("a", "Ann", clock_.now() - 72h, 100);
  contact("b", "Ben", clock_.now() - 72h, 500);
  contact("c", "Cas", clock_.now() - 72h, 300);

  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("b"));
  // Once the delivery is recorded the daemon passes again, and sleeps until the next is due.
  EXPECT_EQ(pass(), clock_.now() + k_catch_up_spacing);
  clock_.advance(k_catch_up_spacing);
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("b", "c"));
  clock_.advance(k_catch_up_spacing);
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("b", "c", "a"));
  for (const auto& m : notifier_->delivered) EXPECT_TRUE(m.late) << m.contact_id;
}

TEST_F(CatchUpTest, FollowUpsOlderThanCatchUpMaxAgeAreListedInOneNotice) {
  use_config(with_daemon_keys("catch_up_max_age = \"2d\""));
  contact("old1", "Olga Old", clock_.now() - 24h * 10, 100);  // due 8 days ago
  contact("old2", "Otto Older", clock_.now() - 24h * 12, 900);
  contact("late", "Lena Late", clock_.now() - 72h);  // due a day ago: reminded alone

  pass();
  ASSERT_EQ(notifier_->delivered.size(), 2u);
  const ReminderMessage& notice = notifier_->delivered[0];
  EXPECT_EQ(notice.headline, "2 follow-ups came due while touchbase was not running, over 2d ago");
  EXPECT_EQ(notice.contact_id, "");
  EXPECT_EQ(notice.why,
            "Otto Older: due Fri 13 Nov 11:00 Europe/Berlin; no phone or email on file: add one with touchbase "
            "contact edit old2; log it: touchbase log old2 --outcome touched\n"
            "Olga Old: due Sun 15 Nov 11:00 Europe/Berlin; no phone or email on file: add one with touchbase "
            "contact edit old1; log it: touchbase log old1 --outcome touched\n");
  EXPECT_THAT(notice.idempotency_key, ::testing::StartsWith("tb-n"));
  EXPECT_EQ(notifier_->delivered[1].contact_id, "late");

  // Listed counts as reminded: nothing more for them until their next gap.
  clock_.advance(24h);
  pass();
  EXPECT_EQ(notifier_->delivered.size(), 2u);
  EXPECT_EQ(store_->reminders("old1")->size(), 1u);
  clock_.advance(24h);
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("", "late", "old2", "old1", "late"));
}

TEST_F(CatchUpTest, ANoticeThatFailsForGoodFallsBackToTheOwnersNextNotifier) {
  use_config(with_daemon_keys("catch_up_max_age = \"2d\""));
  contact("old", "Olga Old", clock_.now() - 24h * 10);
  notifier_->script.push_back(DeliveryFailure::permanent("550 no such user"));
  pass();
  pass();
  ASSERT_EQ(backup_->delivered.size(), 1u);
  EXPECT_EQ(backup_->delivered[0].headline, "1 follow-up came due while touchbase was not running, over 2d ago");
}

TEST_F(CatchUpTest, ADailyLimitKeepsTheMostValuableAndMovesTheRestToTheNextDay) {
  use_config(with_daily_limit(2));
  contact("a", "Ann", std::nullopt, 100);
  contact("b", "Ben", std::nullopt, 500);
  contact("c", "Cas", std::nullopt, 300);

  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("b", "c"));
  // Reminders already made today keep their places in later passes.
  clock_.advance(1h);
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("b", "c"));

  clock_.set(parse_rfc3339("2026-11-23T22:59:00Z").value());  // Mon 23:59 in Berlin
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("b", "c"));
  clock_.advance(1min);  // Tue 00:00: the first working minute of Alice's next day
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("b", "c", "a"));
}

TEST_F(CatchUpTest, ADailyLimitKeepsTheMostValuableAmongMoreContactsThanAPassReadsAtOnce) {
  use_config(with_daily_limit(3));
  std::vector<Contact> contacts;
  for (int i = 0; i < 1200; ++i) {  // the pass reads contacts 512 at a time
    Contact c;
    c.id = "c" + std::to_string(1000 + i);
    c.name = "Contact " + std::to_string(i);
    c.value = (i == 100 || i == 700 || i == 1150) ? 5000.0 + i : 10.0;
    contacts.push_back(std::move(c));
  }
  ASSERT_TRUE(store_->upsert_contacts(contacts).ok());

  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("c2150", "c1700", "c1100"));
  clock_.set(parse_rfc3339("2026-11-23T22:59:00Z").value());  // Mon 23:59 in Berlin
  pass();
  EXPECT_EQ(delivered_ids().size(), 3u);
  clock_.advance(1min);  // Tue 00:00: the rest compete again
  pass();
  EXPECT_EQ(delivered_ids().size(), 6u);
}

TEST_F(CatchUpTest, AContactWithNoTouchYetKeptOutByADailyLimitWaitsSinceItWasFirstDueNotSinceEachPass) {
  // Given a limit of one a day on Mon 11:00 Berlin: Olga due an hour ago takes
  // today's place; Nina, never touched, is due "now" at every moment; Max
  // comes due at 13:00. On Tuesday Nina has waited longest, though her due
  // time read afresh would be Tuesday midnight, after Max's.
  use_config(with_daily_limit(1));
  contact("olga", "Olga Old", clock_.now() - 49h);
  contact("nina", "Nina New");
  contact("max", "Max Mid", clock_.now() - 46h);
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("olga"));
  clock_.advance(1h + 45min);  // Max's reminder time: no place left today
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("olga"));

  clock_.set(parse_rfc3339("2026-11-23T23:00:00Z").value());  // Tue 00:00 in Berlin
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("olga", "nina"));
}

TEST_F(CatchUpTest, WithoutALimitOrDowntimeAllDueRemindersGoOutAtOnce) {
  contact("a", "Ann");
  contact("b", "Ben");
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("a", "b"));
  EXPECT_THAT(backup_->delivered, IsEmpty());
}

}  // namespace
}  // namespace touchbase::testing
