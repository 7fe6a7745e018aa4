// When the store refuses to record delivery outcomes -- a full disk, a
// read-only file system, a lock held past the busy timeout -- each row is
// delivered exactly once: its outcome waits in memory, no new delivery starts,
// the write is tried again with a growing delay, and once it goes through
// nothing is sent again.
#include "tests/delivery/outbox_dispatcher_fixture.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;
using ::testing::_;
using ::testing::Each;
using ::testing::HasSubstr;
using ::testing::Pair;
using testing::StoreCall;

class OutboxDispatcherOutageTest : public OutboxDispatcherTest {
 protected:
  // Calls dispatch_ready() and runs what it started, answering nothing.
  void dispatch(OutboxDispatcher& dispatcher) {
    ASSERT_TRUE(dispatcher.dispatch_ready().ok());
    io_.poll();
    io_.restart();
  }

  const Error k_full = Error::io("mark outbox rows delivered: database or disk is full");
};

TEST_F(OutboxDispatcherOutageTest, RowsDeliveredWhileTheStoreRefusesToRecordThemAreSentOnceAndRecordedAfterRecovery) {
  const auto ids = make_rows(3);
  faulty_.fail(StoreCall::mark_batch_delivered, k_full, 3);
  OutboxDispatcher dispatcher(io_, config_, faulty_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  answer_until_idle(dispatcher);

  // The first refusal: the outcomes wait, and say why.
  ASSERT_TRUE(dispatcher.unrecorded().has_value());
  EXPECT_EQ(dispatcher.unrecorded()->waiting, 3u);
  EXPECT_THAT(dispatcher.unrecorded()->error.message, HasSubstr("database or disk is full"));
  EXPECT_EQ(dispatcher.unrecorded()->since, clock_.now());
  EXPECT_EQ(count_in(OutboxState::pending), 3);
  EXPECT_EQ(dispatcher.record_retry_at(), clock_.now() + 1s);

  // Asked again before its time, it neither sends nor writes.
  for (int i = 0; i < 5; ++i) dispatch(dispatcher);
  EXPECT_EQ(faulty_.calls(StoreCall::mark_batch_delivered), 1);
  EXPECT_TRUE(notifier_->held.empty());

  // Tried again after 1 s, then 2 s (both refused), then 4 s later.
  clock_.advance(1s);
  dispatch(dispatcher);
  EXPECT_EQ(dispatcher.record_retry_at(), clock_.now() + 2s);
  clock_.advance(2s);
  dispatch(dispatcher);
  EXPECT_EQ(dispatcher.record_retry_at(), clock_.now() + 4s);
  EXPECT_EQ(faulty_.calls(StoreCall::mark_batch_delivered), 3);
  EXPECT_EQ(count_in(OutboxState::pending), 3);
  EXPECT_TRUE(notifier_->held.empty());

  clock_.advance(4s);
  dispatch(dispatcher);
  EXPECT_FALSE(dispatcher.unrecorded().has_value());
  EXPECT_FALSE(dispatcher.record_retry_at().has_value());
  EXPECT_EQ(count_in(OutboxState::delivered), 3);
  for (std::int64_t id : ids) EXPECT_EQ(row(id).attempts, 1);
  EXPECT_EQ(notifier_->sent.size(), 3u);
  EXPECT_THAT(notifier_->sent, Each(Pair(_, 1)));
}

TEST_F(OutboxDispatcherOutageTest, NoNewDeliveryStartsWhileOutcomesWaitAndTheyGoOutOnceTheyAreWritten) {
  make_rows(1);
  faulty_.fail(StoreCall::mark_batch_delivered, k_full, 1);
  OutboxDispatcher dispatcher(io_, config_, faulty_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  answer_until_idle(dispatcher);
  ASSERT_TRUE(dispatcher.unrecorded().has_value());

  make_rows(2);  // made meanwhile
  dispatch(dispatcher);
  EXPECT_EQ(notifier_->sent.size(), 1u);

  clock_.advance(1s);
  dispatch(dispatcher);
  EXPECT_FALSE(dispatcher.unrecorded().has_value());
  EXPECT_EQ(notifier_->held.size(), 2u);
  answer_until_idle(dispatcher);
  EXPECT_EQ(count_in(OutboxState::delivered), 3);
  EXPECT_THAT(notifier_->sent, Each(Pair(_, 1)));
}

TEST_F(OutboxDispatcherOutageTest, AFailureWhoseFateCannotBeWrittenIsNotSentAgainBeforeItsRetryIsWritten) {
  const auto ids = make_rows(1);
  faulty_.fail(StoreCall::mark_attempt_failed, Error::unavailable("database is locked"), 1);
  auto dispatcher = std::make_unique<OutboxDispatcher>(io_, config_, faulty_, clock_, notifiers_,
                                                       [this](const DeliveryAttempt& a) { reports_.push_back(a); });
  ASSERT_TRUE(dispatcher->dispatch_ready().ok());
  notifier_->answer(1, DeliveryFailure::transient("HTTP 503"));
  io_.poll();
  io_.restart();
  ASSERT_EQ(reports_.size(), 1u);
  EXPECT_EQ(reports_[0].fate, DeliveryFate::retry);
  ASSERT_TRUE(dispatcher->unrecorded().has_value());
  EXPECT_EQ(row(ids[0]).state, OutboxState::pending);  // ready in the store: only memory holds it back
  dispatch(*dispatcher);
  EXPECT_EQ(notifier_->sent.size(), 1u);
  EXPECT_TRUE(notifier_->held.empty());

  clock_.advance(1s);
  dispatch(*dispatcher);
  EXPECT_FALSE(dispatcher->unrecorded().has_value());
  const OutboxRow failed = row(ids[0]);
  EXPECT_EQ(failed.state, OutboxState::failed);
  EXPECT_EQ(failed.attempts, 1);
  EXPECT_EQ(failed.last_error, "HTTP 503");
  EXPECT_GE(failed.next_attempt_at, clock_.now() + k_first_retry_delay);
  EXPECT_TRUE(notifier_->held.empty());

  // Its retry comes at its time, as any other.
  clock_.set(failed.next_attempt_at);
  dispatch(*dispatcher);
  EXPECT_EQ(notifier_->held.size(), 1u);
}

TEST_F(OutboxDispatcherOutageTest, TheDelayBetweenTriesDoublesUpToAMinute) {
  make_rows(1);
  faulty_.fail(StoreCall::mark_batch_delivered, k_full);
  OutboxDispatcher dispatcher(io_, config_, faulty_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  answer_until_idle(dispatcher);

  std::vector<Seconds> delays;
  for (int i = 0; i < 9; ++i) {
    const Instant retry_at = dispatcher.record_retry_at().value();
    delays.push_back(std::chrono::duration_cast<Seconds>(retry_at - clock_.now()));
    clock_.set(retry_at);
    dispatch(dispatcher);
  }
  EXPECT_THAT(delays, ::testing::ElementsAre(1s, 2s, 4s, 8s, 16s, 32s, 60s, 60s, 60s));
  EXPECT_EQ(notifier_->sent.size(), 1u);
  EXPECT_EQ(dispatcher.unrecorded()->since, clock_.now() - (1s + 2s + 4s + 8s + 16s + 32s + 60s + 60s + 60s));
}

TEST_F(OutboxDispatcherOutageTest, OutcomesStillWaitingAreHandedToTheDispatcherThatTakesOver) {
  // A reload builds a new dispatcher; the rows whose outcomes wait are not sent again by it.
  make_rows(2);
  faulty_.fail(StoreCall::mark_batch_delivered, k_full, 1);
  auto old = std::make_unique<OutboxDispatcher>(io_, config_, faulty_, clock_, notifiers_);
  ASSERT_TRUE(old->dispatch_ready().ok());
  answer_until_idle(*old);
  ASSERT_TRUE(old->unrecorded().has_value());

  OutboxDispatcher next(io_, config_, faulty_, clock_, notifiers_);
  old->hand_over_unrecorded(next);
  old.reset();
  EXPECT_EQ(next.unrecorded()->waiting, 2u);
  dispatch(next);
  EXPECT_TRUE(notifier_->held.empty());
  clock_.advance(1s);
  dispatch(next);
  EXPECT_EQ(count_in(OutboxState::delivered), 2);
  EXPECT_THAT(notifier_->sent, Each(Pair(_, 1)));
}

}  // namespace
}  // namespace touchbase
