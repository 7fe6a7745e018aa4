#include "daemon/daemon.h"

#include <gmock/gmock.h>

#include "tests/daemon/daemon_fixture.h"

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

TEST_F(DaemonTest, APermanentFailureIsRecordedAsDeadAndNotRetried) {
  contact("new", "Nina New");
  notifier_->script.push_back(DeliveryFailure::permanent("HTTP 404: no such webhook"));
  pass();
  clock_.advance(12h);
  pass();
  EXPECT_EQ(notifier_->delivered.size(), 1u);
  auto rows = store_->outbox_rows(store_->reminders("new")->front().id).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, OutboxState::dead);
  EXPECT_EQ(rows[0].last_error, "HTTP 404: no such webhook");
}

TEST_F(DaemonTest, RunOnceDeliversWhatIsDueAndReturns) {
  contact("new", "Nina New");
  contact("later", "Lou Later", clock_.now() - 24h);
  ASSERT_TRUE(daemon_->run_once().ok());
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
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

}  // namespace
}  // namespace touchbase::testing
