#include "delivery/outbox_dispatcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <utility>

#include <boost/asio/io_context.hpp>

#include "config/load_config.h"
#include "reminders/reminder_message.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view k_config = R"(
[defaults]
timezone = "UTC"
owner = "alice"
cadence = "prospect"

[owners.alice]
notify = ["primary", "backup"]

[notifiers.primary]
kind = "console"

[notifiers.backup]
kind = "console"

[cadences.prospect]
steps = ["2d"]
)";

// Keeps every delivery open until the test answers it.
class HoldingNotifier final : public Notifier {
 public:
  void deliver(const ReminderMessage& message, Done done) override {
    keys.insert(message.idempotency_key);
    held.emplace_back(message, std::move(done));
    max_held = std::max(max_held, held.size());
  }
  // Answers the `n` oldest deliveries held with `result`.
  void answer(std::size_t n, const DeliveryResult& result = {}) {
    for (std::size_t i = 0; i < n && !held.empty(); ++i) {
      auto [message, done] = std::move(held.front());
      held.pop_front();
      done(result);
    }
  }

  std::deque<std::pair<ReminderMessage, Done>> held;
  std::set<std::string> keys;  // of every delivery started
  std::size_t max_held = 0;
};

class OutboxDispatcherTest : public ::testing::Test {
 protected:
  OutboxDispatcherTest() : clock_(parse_rfc3339("2026-11-23T10:00:00Z").value()) {
    auto holding = std::make_unique<HoldingNotifier>();
    notifier_ = holding.get();
    notifiers_.add("primary", std::move(holding));
    auto backup = std::make_unique<HoldingNotifier>();
    backup_ = backup.get();
    notifiers_.add("backup", std::move(backup));
  }

  // Alice's reminder for `contact_id`, due, made and to be sent at `at`.
  static Reminder reminder_for(std::string contact_id, Instant at) {
    Reminder r;
    r.contact_id = std::move(contact_id);
    r.owner = "alice";
    r.cadence = "prospect";
    r.due_at = r.remind_at = r.created_at = at;
    return r;
  }

  // `n` reminders due now, each with one pending row for `notifier`; their row ids.
  std::vector<std::int64_t> make_rows(int n, const std::string& notifier = "primary") {
    std::vector<std::int64_t> ids;
    const std::vector<std::string> notify{notifier};
    for (int i = 0; i < n; ++i) {
      Contact c;
      c.id = "contact-" + std::to_string(contacts_made_);
      c.name = "Contact " + std::to_string(contacts_made_++);
      EXPECT_TRUE(store_->add_contact(c).ok());
      auto created = store_->create_reminder(reminder_for(c.id, clock_.now()), notify);
      EXPECT_TRUE(created && created->has_value());
      ids.push_back(store_->outbox_rows((*created)->id).value().at(0).id);
    }
    return ids;
  }

  int count_in(OutboxState state) {
    const OutboxState states[] = {state};
    return static_cast<int>(store_->outbox_in(states).value().size());
  }

  // Answers every delivery held (with success), a turn of the loop at a time, until the dispatcher is idle.
  void answer_until_idle(OutboxDispatcher& dispatcher) {
    for (int turns = 0; !dispatcher.idle() && turns < 10'000; ++turns) {
      notifier_->answer(notifier_->held.size());
      backup_->answer(backup_->held.size());
      io_.poll();
      io_.restart();
    }
  }

  // A dispatcher that keeps what it reports in `reports_`.
  std::unique_ptr<OutboxDispatcher> observed_dispatcher() {
    return std::make_unique<OutboxDispatcher>(io_, config_, *store_, clock_, notifiers_,
                                              [this](const DeliveryAttempt& a) { reports_.push_back(a); });
  }

  OutboxRow row(std::int64_t id) {
    const OutboxState all[] = {OutboxState::pending, OutboxState::failed, OutboxState::dead, OutboxState::delivered};
    const auto rows = store_->outbox_in(all).value();
    for (const OutboxRow& r : rows) {
      if (r.id == id) return r;
    }
    ADD_FAILURE() << "no outbox row " << id;
    return {};
  }

  testing::TempDir dir_;
  FakeClock clock_;
  Config config_ = load_config_text(k_config, "dispatcher-test.toml").value();
  std::unique_ptr<Store> store_ = open_sqlite_store(dir_ / "touchbase.db").value();
  HoldingNotifier* notifier_ = nullptr;
  HoldingNotifier* backup_ = nullptr;
  NotifierSet notifiers_;
  std::vector<DeliveryAttempt> reports_;
  int contacts_made_ = 0;
  boost::asio::io_context io_;
};

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
