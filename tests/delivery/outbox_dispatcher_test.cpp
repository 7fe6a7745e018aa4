#include "delivery/outbox_dispatcher.h"

#include "tests/delivery/outbox_dispatcher_fixture.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;

TEST_F(OutboxDispatcherTest, DrainingDeliversEveryReadyRowWithAtMostTheWindowInFlight) {
  const int rows = static_cast<int>(k_max_in_flight) * 3 + 5;
  make_rows(rows);
  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
  int idle_calls = 0;
  dispatcher.on_idle([&] { ++idle_calls; });

  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  answer_until_idle(dispatcher);

  EXPECT_TRUE(dispatcher.idle());
  EXPECT_EQ(idle_calls, 1);
  EXPECT_EQ(notifier_->keys.size(), static_cast<std::size_t>(rows));
  EXPECT_EQ(notifier_->max_held, k_max_in_flight);
  EXPECT_EQ(count_in(OutboxState::delivered), rows);
  EXPECT_TRUE(dispatcher.take_errors().empty());
}

TEST_F(OutboxDispatcherTest, ARowIsMarkedDeliveredOnlyAtTheEndOfTheTurnItsNotifierReportedSuccessIn) {
  auto ids = make_rows(3);
  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  ASSERT_EQ(notifier_->held.size(), 3u);
  EXPECT_EQ(count_in(OutboxState::pending), 3);

  notifier_->answer(2);
  EXPECT_EQ(count_in(OutboxState::pending), 3);  // the turn has not ended yet
  io_.poll();
  io_.restart();

  auto first = store_->outbox_rows(1).value().at(0);
  EXPECT_EQ(first.id, ids[0]);
  EXPECT_EQ(first.state, OutboxState::delivered);
  EXPECT_EQ(first.attempts, 1);
  EXPECT_EQ(first.delivered_at, clock_.now());
  EXPECT_EQ(count_in(OutboxState::delivered), 2);
  EXPECT_EQ(count_in(OutboxState::pending), 1);
  EXPECT_FALSE(dispatcher.idle());
}

TEST_F(OutboxDispatcherTest, WhileTheDrainGoesOnSuccessesAreRecordedABatchAtATimeOrAfterAShortDelay) {
  make_rows(static_cast<int>(k_max_in_flight) * 2);
  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());

  notifier_->answer(1);
  io_.poll();
  io_.restart();
  EXPECT_EQ(count_in(OutboxState::delivered), 0);  // waits for more, or for the delay
  ASSERT_EQ(io_.run_one(), 1u);                    // the delay's timer: the only work left
  io_.restart();
  EXPECT_EQ(count_in(OutboxState::delivered), 1);

  notifier_->answer(k_record_batch);
  io_.poll();
  io_.restart();
  EXPECT_EQ(count_in(OutboxState::delivered), 1 + static_cast<int>(k_record_batch));
  EXPECT_FALSE(dispatcher.idle());
  answer_until_idle(dispatcher);
  EXPECT_EQ(count_in(OutboxState::delivered), static_cast<int>(k_max_in_flight) * 2);
}

TEST_F(OutboxDispatcherTest, StopLetsTheDeliveriesInFlightFinishAndStartsNoMore) {
  const int rows = static_cast<int>(k_max_in_flight) * 2;
  make_rows(rows);
  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
  int idle_calls = 0;
  dispatcher.on_idle([&] { ++idle_calls; });
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());

  dispatcher.stop();
  answer_until_idle(dispatcher);

  EXPECT_EQ(idle_calls, 1);
  EXPECT_EQ(notifier_->keys.size(), k_max_in_flight);
  EXPECT_EQ(count_in(OutboxState::delivered), static_cast<int>(k_max_in_flight));
  EXPECT_EQ(count_in(OutboxState::pending), rows - static_cast<int>(k_max_in_flight));
}

TEST_F(OutboxDispatcherTest, AFailureIsRecordedAtOnceAndTheDrainGoesOn) {
  make_rows(2);
  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());

  notifier_->answer(1, DeliveryFailure::transient("HTTP 503"));
  EXPECT_EQ(count_in(OutboxState::failed), 1);
  answer_until_idle(dispatcher);
  EXPECT_EQ(count_in(OutboxState::failed), 1);
  EXPECT_EQ(count_in(OutboxState::delivered), 1);
}

TEST_F(OutboxDispatcherTest, SuccessesNotRecordedYetAreRecordedWhenTheDispatcherGoes) {
  make_rows(2);
  {
    OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
    ASSERT_TRUE(dispatcher.dispatch_ready().ok());
    notifier_->answer(1);
  }
  EXPECT_EQ(count_in(OutboxState::delivered), 1);
  EXPECT_EQ(count_in(OutboxState::pending), 1);
  io_.poll();  // the turn's end, posted before, finds the dispatcher gone
}

TEST_F(OutboxDispatcherTest, AMessageKeptWithItsReminderGoesOutAsKeptWithTheRowsKey) {
  make_rows(1);  // reminder 1, for contact-0, "Contact 0"
  Contact edited = store_->find_contact("contact-0").value().value();
  edited.name = "Contact Zero";
  ASSERT_TRUE(store_->update_contact(edited).ok());
  ReminderMessage kept;
  kept.contact_id = "contact-1";
  kept.contact_name = "Contact 1 as the reminder was made";
  kept.talking_point = "Share the benchmark";
  Contact other;
  other.id = "contact-1";
  other.name = "Contact 1 now";
  ASSERT_TRUE(store_->add_contact(other).ok());
  const std::vector<std::string> notify{"primary"};
  auto created = store_->create_reminder(reminder_for("contact-1", clock_.now()), notify, std::nullopt, &kept);
  ASSERT_TRUE(created && created->has_value());
  const auto row = store_->outbox_rows((*created)->id).value().at(0);

  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  ASSERT_EQ(notifier_->held.size(), 2u);
  std::map<std::string, ReminderMessage> by_contact;
  for (const auto& [message, done] : notifier_->held) by_contact[message.contact_id] = message;
  // Kept: as made, whatever the contact is now.
  EXPECT_EQ(by_contact["contact-1"].contact_name, "Contact 1 as the reminder was made");
  EXPECT_EQ(by_contact["contact-1"].talking_point, "Share the benchmark");
  EXPECT_EQ(by_contact["contact-1"].idempotency_key, row.idempotency_key);
  // None kept (made before messages were kept): made from the contact as it is now.
  EXPECT_EQ(by_contact["contact-0"].contact_name, "Contact Zero");
  EXPECT_EQ(by_contact["contact-0"].idempotency_key, store_->outbox_rows(1).value().at(0).idempotency_key);
  answer_until_idle(dispatcher);
  EXPECT_EQ(count_in(OutboxState::delivered), 2);
}

TEST_F(OutboxDispatcherTest, ATransientFailureIsRecordedAsARetryWithinTheBackoffAndReportedSo) {
  const auto ids = make_rows(1);
  auto dispatcher = observed_dispatcher();
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  notifier_->answer(1, DeliveryFailure::transient("HTTP 503"));

  const OutboxRow failed = row(ids[0]);
  EXPECT_EQ(failed.state, OutboxState::failed);
  EXPECT_EQ(failed.attempts, 1);
  EXPECT_EQ(failed.last_error, "HTTP 503");
  EXPECT_GE(failed.next_attempt_at, clock_.now() + k_first_retry_delay);
  EXPECT_LE(failed.next_attempt_at, clock_.now() + k_first_retry_delay + k_first_retry_delay / 5);
  ASSERT_EQ(reports_.size(), 1u);
  EXPECT_EQ(reports_[0].notifier, "primary");
  EXPECT_EQ(reports_[0].contact_id, "contact-0");
  EXPECT_EQ(reports_[0].number, 1);
  EXPECT_EQ(reports_[0].outcome, DeliveryOutcome::transient_failure);
  EXPECT_EQ(reports_[0].fate, DeliveryFate::retry);
  EXPECT_EQ(reports_[0].message, "HTTP 503");
  EXPECT_EQ(reports_[0].at, clock_.now());
}

TEST_F(OutboxDispatcherTest, ARetriedSuccessIsReportedAsDeliveredWithItsAttemptNumber) {
  const auto ids = make_rows(1);
  auto dispatcher = observed_dispatcher();
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  notifier_->answer(1, DeliveryFailure::transient("HTTP 503"));
  clock_.set(row(ids[0]).next_attempt_at);
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  ASSERT_EQ(notifier_->held.size(), 1u);
  EXPECT_EQ(notifier_->held.front().first.attempt, 2);
  answer_until_idle(*dispatcher);

  ASSERT_EQ(reports_.size(), 2u);
  EXPECT_EQ(reports_[1].number, 2);
  EXPECT_EQ(reports_[1].outcome, DeliveryOutcome::delivered);
  EXPECT_EQ(reports_[1].fate, DeliveryFate::delivered);
  EXPECT_EQ(reports_[1].message, "");
  EXPECT_EQ(row(ids[0]).state, OutboxState::delivered);
}

TEST_F(OutboxDispatcherTest, APermanentFailureFallsBackToTheOwnersNextNotifierAndIsReportedSo) {
  const auto ids = make_rows(1);
  auto dispatcher = observed_dispatcher();
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  notifier_->answer(1, DeliveryFailure::permanent("550 no such user"));

  EXPECT_EQ(row(ids[0]).state, OutboxState::dead);
  ASSERT_EQ(reports_.size(), 1u);
  EXPECT_EQ(reports_[0].outcome, DeliveryOutcome::permanent_failure);
  EXPECT_EQ(reports_[0].fate, DeliveryFate::fell_back);
  io_.poll();  // the turn's end starts the row added for the next notifier
  ASSERT_EQ(backup_->held.size(), 1u);
  EXPECT_EQ(backup_->held.front().first.contact_id, "contact-0");
}

TEST_F(OutboxDispatcherTest, APermanentFailureOnTheLastNotifierLeavesTheRowDead) {
  const auto ids = make_rows(1, "backup");
  auto dispatcher = observed_dispatcher();
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  backup_->answer(1, DeliveryFailure::permanent("550 no such user"));

  EXPECT_EQ(row(ids[0]).state, OutboxState::dead);
  EXPECT_EQ(count_in(OutboxState::pending), 0);
  ASSERT_EQ(reports_.size(), 1u);
  EXPECT_EQ(reports_[0].fate, DeliveryFate::dead);
}

TEST_F(OutboxDispatcherTest, TransientFailuresPastTheRetryBudgetFallBack) {
  const auto ids = make_rows(1);
  clock_.advance(k_retry_budget);
  auto dispatcher = observed_dispatcher();
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  notifier_->answer(1, DeliveryFailure::transient("HTTP 503"));

  EXPECT_EQ(row(ids[0]).state, OutboxState::dead);
  ASSERT_EQ(reports_.size(), 1u);
  EXPECT_EQ(reports_[0].outcome, DeliveryOutcome::transient_failure);
  EXPECT_EQ(reports_[0].fate, DeliveryFate::fell_back);
}

TEST_F(OutboxDispatcherTest, AfterAGoneEndpointItsRowsFailUnsentAndAreNotReportedAsAttempts) {
  const auto ids = make_rows(1);
  auto dispatcher = observed_dispatcher();
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  notifier_->answer(1, DeliveryFailure::gone("HTTP 410 from slack"));
  io_.poll();  // the turn's end starts the row added for "backup"
  answer_until_idle(*dispatcher);
  ASSERT_EQ(reports_.size(), 2u);
  EXPECT_EQ(reports_[0].fate, DeliveryFate::fell_back);
  EXPECT_EQ(reports_[1].notifier, "backup");

  const auto later = make_rows(1);
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  EXPECT_EQ(notifier_->keys.size(), 1u);  // the later row never reached "primary"
  EXPECT_EQ(row(later[0]).state, OutboxState::dead);
  EXPECT_EQ(row(later[0]).last_error, "notifier 'primary' is disabled: its endpoint is gone");
  EXPECT_EQ(reports_.size(), 2u);
  EXPECT_EQ(row(ids[0]).state, OutboxState::dead);
}

}  // namespace
}  // namespace touchbase
