#include "service/daemon.h"

#include <gmock/gmock.h>

#include "reminders/reminder_message.h"
#include "tests/testing/daemon_fixture.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

using DaemonTest = DaemonFixture;

TEST_F(DaemonTest, DeliversExactlyTheFollowUpsThatAreDueAsTheClockAdvances) {
  // Given a new contact (due now), one touched a day ago (due tomorrow, gap
  // 2d) and a closed one, each pass delivers what has come due and no more.
  contact("new", "Nina New");
  contact("recent", "Rita Recent", clock_.now() - 24h);
  Contact closed = contact("closed", "Carl Closed");
  closed.status = ContactStatus::closed_won;
  ASSERT_TRUE(store_->update_contact(closed).ok());

  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));

  clock_.advance(24h - 16min);
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));

  clock_.advance(1min);  // Rita's follow-up is in 15 minutes: her lead time
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("new", "recent"));

  clock_.advance(24h);  // Nina's second touch: 2 days after the first reminder
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("new", "recent", "new"));
}

TEST_F(DaemonTest, TheWakeUpIsTheNextReminderNotAFixedPoll) {
  // Given one contact whose follow-up is in a day, the daemon sleeps until
  // its reminder, capped at one minute so outside changes are noticed.
  contact("later", "Lou Later", clock_.now() - 24h);
  EXPECT_EQ(pass(), clock_.now() + k_max_sleep);
  clock_.set(parse_rfc3339("2026-11-24T09:44:30Z").value());
  EXPECT_EQ(pass(), parse_rfc3339("2026-11-24T09:45:00Z").value());
}

TEST_F(DaemonTest, AFollowUpIsRemindedOnceHoweverManyPassesRun) {
  contact("new", "Nina New");
  pass();
  pass();
  clock_.advance(10min);
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
  EXPECT_EQ(store_->reminders("new")->size(), 1u);
}

TEST_F(DaemonTest, ATransientFailureIsRetriedWithTheSameKeyAfterItsBackoff) {
  contact("new", "Nina New");
  notifier_->script.push_back(DeliveryFailure::transient("connection refused"));
  pass();
  ASSERT_EQ(notifier_->delivered.size(), 1u);

  pass();  // the retry is not due yet
  EXPECT_EQ(notifier_->delivered.size(), 1u);

  clock_.advance(k_first_retry_delay + k_first_retry_delay / 5 + 1s);
  pass();
  ASSERT_EQ(notifier_->delivered.size(), 2u);
  EXPECT_EQ(notifier_->delivered[0].idempotency_key, notifier_->delivered[1].idempotency_key);
  auto rows = store_->outbox_rows(store_->reminders("new")->front().id).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, OutboxState::delivered);
  EXPECT_EQ(rows[0].attempts, 2);
}

TEST_F(DaemonTest, ARetrySendsWhatTheReminderSaidWhenItWasMadeEvenAfterTheContactChanged) {
  Contact nina = contact("new", "Nina New");
  notifier_->script.push_back(DeliveryFailure::transient("connection refused"));
  pass();
  ASSERT_EQ(notifier_->delivered.size(), 1u);
  nina.name = "Nina Newer";
  nina.phone = "+49 30 1234";
  ASSERT_TRUE(store_->update_contact(nina).ok());

  clock_.advance(k_first_retry_delay + k_first_retry_delay / 5 + 1s);
  pass();
  ASSERT_EQ(notifier_->delivered.size(), 2u);
  const ReminderMessage& first = notifier_->delivered[0];
  const ReminderMessage& retry = notifier_->delivered[1];
  EXPECT_EQ(retry.contact_name, "Nina New");
  EXPECT_EQ(retry.talking_point, "Share the onboarding benchmark");
  EXPECT_EQ(retry.attempt, 2);
  ReminderMessage retry_as_first = retry;
  retry_as_first.attempt = first.attempt;
  EXPECT_EQ(retry_as_first, first);  // the idempotency key too
}

TEST_F(DaemonTest, APermanentFailureIsNotRetriedAndTheOwnersNextNotifierDelivers) {
  contact("new", "Nina New");
  notifier_->script.push_back(DeliveryFailure::permanent("HTTP 404: no such webhook"));
  pass();
  pass();  // the fallback row is ready at once
  clock_.advance(12h);
  pass();
  EXPECT_EQ(notifier_->delivered.size(), 1u);
  ASSERT_EQ(backup_->delivered.size(), 1u);
  EXPECT_EQ(backup_->delivered[0].contact_id, "new");
  EXPECT_NE(backup_->delivered[0].idempotency_key, notifier_->delivered[0].idempotency_key);
  auto rows = store_->outbox_rows(store_->reminders("new")->front().id).value();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].notifier, "primary");
  EXPECT_EQ(rows[0].state, OutboxState::dead);
  EXPECT_EQ(rows[0].last_error, "HTTP 404: no such webhook");
  EXPECT_EQ(rows[1].notifier, "backup");
  EXPECT_EQ(rows[1].state, OutboxState::delivered);
}

TEST_F(DaemonTest, WithoutAFallbackAPermanentFailureLeavesTheRowDead) {
  contact("new", "Nina New");
  notifier_->script.push_back(DeliveryFailure::permanent("HTTP 404: no such webhook"));
  backup_->script.push_back(DeliveryFailure::permanent("HTTP 403: forbidden"));
  pass();
  pass();
  clock_.advance(12h);
  pass();
  auto rows = store_->outbox_rows(store_->reminders("new")->front().id).value();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].state, OutboxState::dead);
  EXPECT_EQ(rows[1].last_error, "HTTP 403: forbidden");
  EXPECT_EQ(notifier_->delivered.size() + backup_->delivered.size(), 2u);
}

TEST_F(DaemonTest, AGoneEndpointIsDisabledSoLaterRemindersGoStraightToTheFallback) {
  contact("first", "Fay First");
  notifier_->script.push_back(DeliveryFailure::gone("HTTP 410 Gone"));
  pass();
  pass();
  contact("second", "Sam Second");
  pass();
  pass();
  EXPECT_EQ(notifier_->delivered.size(), 1u);  // never tried again
  std::vector<std::string> backup_ids;
  for (const auto& m : backup_->delivered) backup_ids.push_back(m.contact_id);
  EXPECT_THAT(backup_ids, ElementsAre("first", "second"));
}

TEST_F(DaemonTest, TransientFailuresPastTheRetryBudgetFallBack) {
  contact("new", "Nina New");
  for (int i = 0; i < 60; ++i) notifier_->script.push_back(DeliveryFailure::transient("HTTP 503"));
  for (int hour = 0; hour <= 26; ++hour) {
    pass();
    clock_.advance(1h);
  }
  pass();
  auto rows = store_->outbox_rows(store_->reminders("new")->front().id).value();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].state, OutboxState::dead);
  EXPECT_GT(rows[0].attempts, 5);
  EXPECT_EQ(rows[1].state, OutboxState::delivered);
}

TEST_F(DaemonTest, ANotifiersRateHoldsABurstBackAndWakesWhenATokenIsBack) {
  // Given three reminders at once through a notifier limited to 1/s, one goes
  // now and the others one second apart, the daemon waking for each.
  config_.notifiers["primary"].rate = Rate{1, 1s};
  Daemon limited(io_, config_, *store_, clock_, notifiers_);
  for (const char* id : {"a", "b", "c"}) contact(id, id);
  auto run = [&] {
    auto wake = limited.pass();
    io_.poll();
    io_.restart();
    return wake.value();
  };
  EXPECT_EQ(run(), clock_.now() + 1s);
  EXPECT_EQ(notifier_->delivered.size(), 1u);
  clock_.advance(1s);
  run();
  EXPECT_EQ(notifier_->delivered.size(), 2u);
  clock_.advance(1s);
  run();
  EXPECT_EQ(notifier_->delivered.size(), 3u);
}

TEST_F(DaemonTest, BetweenPassesARowHeldBackByItsRateGoesWithoutAWholePass) {
  // Given a burst through a notifier limited to 1/s, and a contact added to
  // the store meanwhile without waking the daemon: the next second's delivery
  // starts on its own, and the new contact waits for the next whole pass.
  config_.notifiers["primary"].rate = Rate{1, 1s};
  Daemon limited(io_, config_, *store_, clock_, notifiers_);
  contact("a", "Ann");
  contact("b", "Ben");
  limited.start();
  io_.poll();
  io_.restart();
  ASSERT_THAT(delivered_ids(), ElementsAre("a"));
  contact("d", "Dan");

  clock_.advance(1s);
  for (int i = 0; i < 300 && notifier_->delivered.size() < 2; ++i) {
    io_.run_for(std::chrono::milliseconds(10));
    io_.restart();
  }
  limited.stop();

  EXPECT_THAT(delivered_ids(), ElementsAre("a", "b"));
  EXPECT_THAT(store_->reminders("d").value(), IsEmpty());
}

TEST_F(DaemonTest, RunOnceDeliversWhatIsDueAndReturns) {
  contact("new", "Nina New");
  contact("later", "Lou Later", clock_.now() - 24h);
  ASSERT_TRUE(daemon_->run_once().ok());
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
}

TEST_F(DaemonTest, RunOnceDecidesEveryChangedContactBeforeItReturnsEvenMoreThanOnePassDecides) {
  // Given more new contacts than a pass decides, all touched an hour ago but
  // the last one written, who is due now.
  std::vector<Contact> quiet(k_changes_per_pass);
  for (std::size_t i = 0; i < quiet.size(); ++i) {
    quiet[i].id = "quiet-" + std::to_string(i);
    quiet[i].name = "Quiet " + std::to_string(i);
    quiet[i].last_touch = clock_.now() - 1h;
  }
  ASSERT_TRUE(store_->upsert_contacts(quiet).ok());
  contact("new", "Nina New");
  ASSERT_TRUE(daemon_->run_once().ok());
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
  EXPECT_THAT(store_->contact_changes(1).value(), IsEmpty());
}

TEST_F(DaemonTest, AnIdleDaemonSleepsUntilTheNextStoredDecisionAtMostTenMinutes) {
  contact("later", "Lou Later", clock_.now() - 1h);
  EXPECT_EQ(pass(), clock_.now() + k_max_sleep);
  clock_.advance(2 * 24h - 1h - 15min - 5min);  // five minutes before Lou's reminder
  EXPECT_EQ(pass(), clock_.now() + 5min);
}

TEST_F(DaemonTest, StartedOnTheEventLoopItDeliversWithoutWaiting) {
  contact("new", "Nina New");
  daemon_->start();
  io_.poll();
  daemon_->stop();
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
}

TEST_F(DaemonTest, AClockWithNothingDueDeliversNothing) {
  contact("later", "Lou Later", clock_.now() - 1h);
  pass();
  EXPECT_THAT(delivered_ids(), IsEmpty());
}

TEST_F(DaemonTest, ARowDeliveredLongerThanKeepDeliveredAgoIsPrunedByAPassAndItsReminderStays) {
  // Given keep_delivered = "30d" and a contact reminded once, then closed:
  // the pass 30 days after the delivery removes the row and its kept
  // message, and the reminder stays in the contact's history.
  use_config("[daemon]\nkeep_delivered = \"30d\"\n" + std::string(k_daemon_test_config));
  Contact nina = contact("new", "Nina New");
  pass();
  ASSERT_THAT(delivered_ids(), ElementsAre("new"));
  nina.status = ContactStatus::closed_won;
  ASSERT_TRUE(store_->update_contact(nina).ok());
  auto reminder_id = store_->reminders("new")->front().id;

  clock_.advance(std::chrono::days(30) - 1min);
  pass();
  EXPECT_EQ(store_->outbox_rows(reminder_id)->size(), 1u);
  clock_.advance(1h);  // the next hourly run
  pass();
  EXPECT_THAT(*store_->outbox_rows(reminder_id), IsEmpty());
  std::vector<std::int64_t> ids{reminder_id};
  EXPECT_THAT(*store_->messages_of(ids), IsEmpty());
  EXPECT_EQ(store_->reminders("new")->size(), 1u);
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
}

}  // namespace
}  // namespace touchbase::testing
