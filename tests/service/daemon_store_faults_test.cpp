// When the store fails under a pass -- a full disk, a read-only file system,
// a lock held past the busy timeout -- nothing is half written, nothing is
// lost, and once the store recovers every follow-up is reminded exactly once.
#include <gmock/gmock.h>

#include "tests/testing/daemon_fixture.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class DaemonStoreFaultsTest : public DaemonFixture {
 protected:
  // A pass that must fail; its error message.
  std::string failed_pass() {
    auto wake = daemon_->pass();
    EXPECT_FALSE(wake.ok());
    io_.poll();
    io_.restart();
    return wake.ok() ? "" : wake.error().message;
  }

  std::size_t outbox_size() { return store_->outbox_in(k_every_state)->size(); }

  static constexpr OutboxState k_every_state[] = {OutboxState::pending, OutboxState::failed, OutboxState::delivered,
                                                  OutboxState::dead};
};

TEST_F(DaemonStoreFaultsTest, AReminderThatCannotBeWrittenFailsThePassAndIsMadeOnceWhenTheStoreRecovers) {
  contact("new", "Nina New");
  faulty_->fail(StoreCall::create_reminder, Error::io("disk I/O error"));

  EXPECT_THAT(failed_pass(), HasSubstr("disk I/O error"));
  EXPECT_THAT(notifier_->delivered, IsEmpty());
  EXPECT_THAT(*store_->reminders("new"), IsEmpty());

  faulty_->heal();
  clock_.advance(5s);
  pass();
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
  EXPECT_EQ(store_->reminders("new")->size(), 1u);
}

TEST_F(DaemonStoreFaultsTest, ACommitThatFailsLeavesNothingOfItsPageAndTheNextPassMakesEveryReminder) {
  // Given three contacts due at once, written in one commit that fails, no
  // reminder and no outbox row of any of them stays, and none is delivered.
  contact("ann", "Ann A");
  contact("bob", "Bob B");
  contact("cat", "Cat C");
  faulty_->fail(StoreCall::in_one_transaction, Error::io("database or disk is full"), 1);

  EXPECT_THAT(failed_pass(), HasSubstr("database or disk is full"));
  EXPECT_THAT(notifier_->delivered, IsEmpty());
  EXPECT_EQ(outbox_size(), 0u);
  for (const char* id : {"ann", "bob", "cat"}) EXPECT_THAT(*store_->reminders(id), IsEmpty()) << id;

  clock_.advance(5s);
  pass();
  EXPECT_THAT(delivered_ids(), UnorderedElementsAre("ann", "bob", "cat"));
  EXPECT_EQ(outbox_size(), 3u);
}

TEST_F(DaemonStoreFaultsTest, AStoreThatCannotBeReadFailsThePassWithoutWritingOrDelivering) {
  contact("new", "Nina New");
  faulty_->fail(StoreCall::contact_changes, Error::unavailable("database is locked"));

  EXPECT_THAT(failed_pass(), HasSubstr("database is locked"));
  EXPECT_THAT(notifier_->delivered, IsEmpty());
  EXPECT_EQ(faulty_->calls(StoreCall::create_reminder), 0);

  faulty_->heal();
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("new"));
}

TEST_F(DaemonStoreFaultsTest, AFailedDeliveryWhoseOutcomeCannotBeWrittenIsNotSentAgainUntilItsRetryIsWritten) {
  // Given a transient failure that cannot be recorded (the disk is full),
  // the row is neither lost nor sent again at once: its outcome waits in
  // memory, is written once the store recovers, and the retry goes out at
  // its time under the same idempotency key.
  contact("new", "Nina New");
  notifier_->script.push_back(DeliveryFailure::transient("connection refused"));
  faulty_->fail(StoreCall::mark_attempt_failed, Error::io("database or disk is full"));
  pass();
  for (int i = 0; i < 5; ++i) {
    clock_.advance(1s);
    pass();
  }
  EXPECT_EQ(notifier_->delivered.size(), 1u);
  EXPECT_GE(faulty_->failures(), 2);
  const auto rows = store_->outbox_in(k_every_state).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, OutboxState::pending);
  ASSERT_TRUE(daemon_->unrecorded_outcomes().has_value());

  faulty_->heal();
  clock_.advance(1min);
  pass();
  EXPECT_FALSE(daemon_->unrecorded_outcomes().has_value());
  const auto failed = store_->outbox_in(k_every_state).value();
  ASSERT_EQ(failed.size(), 1u) << failed.back().notifier << " " << failed.back().last_error;
  EXPECT_EQ(failed[0].state, OutboxState::failed);
  EXPECT_EQ(notifier_->delivered.size(), 1u);

  clock_.set(failed[0].next_attempt_at);
  pass();
  const auto after = store_->outbox_in(k_every_state).value();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].state, OutboxState::delivered);
  ASSERT_EQ(notifier_->delivered.size(), 2u);
  EXPECT_EQ(notifier_->delivered.back().idempotency_key, notifier_->delivered.front().idempotency_key);
}

}  // namespace
}  // namespace touchbase::testing
