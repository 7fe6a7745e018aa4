// A backlog on one notifier -- thousands of rows held back by its rate, or a
// full share of deliveries waiting on a slow endpoint -- never delays the
// rows of another notifier.
#include "tests/delivery/outbox_dispatcher_fixture.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;

// The fixture's config with "primary" limited to one delivery a second.
std::string rated_config() {
  std::string text(k_config);
  const std::string anchor = "[notifiers.primary]\nkind = \"console\"\n";
  text.insert(text.find(anchor) + anchor.size(), "rate = \"1/s\"\n");
  return text;
}

using OutboxDispatcherFairnessTest = OutboxDispatcherTest;

TEST_F(OutboxDispatcherFairnessTest, ARowOfAnotherNotifierGoesOutAtOnceBehindThousandsHeldBackByOnesRate) {
  // Given 2,000 rows for "primary" at one a second (as after `outbox retry
  // --dead` on Slack), older than one row for "backup", the backup row is
  // sent at once, and primary's go on at their rate.
  config_ = load_config_text(rated_config(), "fairness-test.toml", clock_.now()).value();
  make_rows(2000, "primary");
  clock_.advance(1min);
  make_rows(1, "backup");
  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);

  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  EXPECT_EQ(backup_->held.size(), 1u);
  EXPECT_EQ(notifier_->held.size(), 1u);
  answer_until_idle(dispatcher);
  EXPECT_EQ(count_in(OutboxState::delivered), 2);

  for (int second = 1; second <= 5; ++second) {
    clock_.advance(1s);
    ASSERT_TRUE(dispatcher.dispatch_ready().ok());
    answer_until_idle(dispatcher);
  }
  EXPECT_EQ(notifier_->keys.size(), 6u);
  EXPECT_EQ(dispatcher.throttled_until(), clock_.now() + 1s);
}

TEST_F(OutboxDispatcherFairnessTest, ANotifierWhoseShareIsFullOfSlowDeliveriesLeavesRoomForAnother) {
  // Given primary's whole share in flight, unanswered, and more of its rows
  // waiting, a row for backup is started at once, and primary's next start
  // as its deliveries finish.
  make_rows(static_cast<int>(k_max_in_flight) + 10, "primary");
  OutboxDispatcher dispatcher(io_, config_, *store_, clock_, notifiers_);
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  ASSERT_EQ(notifier_->held.size(), k_max_in_flight);

  make_rows(1, "backup");
  ASSERT_TRUE(dispatcher.dispatch_ready().ok());
  EXPECT_EQ(backup_->held.size(), 1u);
  EXPECT_EQ(notifier_->held.size(), k_max_in_flight);

  backup_->answer(1);
  io_.poll();
  io_.restart();
  ASSERT_EQ(io_.run_one(), 1u);  // the short delay before successes are recorded
  io_.restart();
  EXPECT_EQ(count_in(OutboxState::delivered), 1);
  answer_until_idle(dispatcher);
  EXPECT_EQ(count_in(OutboxState::delivered), static_cast<int>(k_max_in_flight) + 11);
  EXPECT_EQ(notifier_->max_held, k_max_in_flight);
}

}  // namespace
}  // namespace touchbase
