#pragma once
// The outbox dispatcher's test fixture: a real SQLite store in a TempDir,
// wrapped in a FaultyStore, the owner "alice" with the notifiers "primary"
// and "backup", each a HoldingNotifier that keeps every delivery open until
// the test answers it, and a FakeClock.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include <boost/asio/io_context.hpp>

#include "config/load_config.h"
#include "delivery/outbox_dispatcher.h"
#include "reminders/reminder_message.h"
#include "tests/testing/faulty_store.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {

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
    ++sent[message.idempotency_key];
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
  std::set<std::string> keys;       // of every delivery started
  std::map<std::string, int> sent;  // deliveries started, by key
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
  Config config_ = load_config_text(k_config, "dispatcher-test.toml", clock_.now()).value();
  std::unique_ptr<Store> store_ = open_sqlite_store(dir_ / "touchbase.db").value();
  testing::FaultyStore faulty_{*store_};  // for dispatchers that must meet a failing store
  HoldingNotifier* notifier_ = nullptr;
  HoldingNotifier* backup_ = nullptr;
  NotifierSet notifiers_;
  std::vector<DeliveryAttempt> reports_;
  int contacts_made_ = 0;
  boost::asio::io_context io_;
};

}  // namespace touchbase
