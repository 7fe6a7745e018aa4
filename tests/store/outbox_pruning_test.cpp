// Pruning delivered outbox rows: only delivered ones older than the cutoff,
// oldest first, with the messages and notices no row needs any more.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/message.h"
#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using namespace std::chrono_literals;

class OutboxPruningTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(store_->add_contact(testing::bare_contact("jane")).ok()); }

  // A reminder due at `due` with a kept message and one row per notifier.
  std::int64_t create(std::string_view due, std::vector<std::string> notifiers) {
    Reminder r;
    r.contact_id = "jane";
    r.owner = "alice";
    r.cadence = "prospect";
    r.due_at = r.remind_at = r.created_at = at(due);
    ReminderMessage message;
    message.contact_name = "Jane";
    auto created = store_->create_reminder(r, notifiers, std::nullopt, &message);
    EXPECT_TRUE(created && created->has_value());
    return created && created->has_value() ? (*created)->id : 0;
  }

  std::vector<OutboxState> states(std::int64_t reminder_id) {
    std::vector<OutboxState> out;
    auto rows = store_->outbox_rows(reminder_id);
    EXPECT_TRUE(rows) << rows.error().message;
    for (const OutboxRow& row : rows.value()) out.push_back(row.state);
    return out;
  }

  bool has_message(std::int64_t reminder_id) {
    std::vector<std::int64_t> ids{reminder_id};
    return store_->messages_of(ids).value().contains(reminder_id);
  }

  std::int64_t row(std::int64_t reminder_id, int i) { return store_->outbox_rows(reminder_id).value().at(i).id; }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
};

TEST_F(OutboxPruningTest, OnlyRowsDeliveredBeforeTheCutoffGoAndTheReminderStays) {
  // Given an old reminder delivered through one notifier and dead on the
  // other, an old one delivered everywhere, an old one still retrying and a
  // recent delivered one: only the old delivered rows go, and a message only
  // when no row of its reminder is left.
  auto mixed = create("2026-01-01T10:00:00Z", {"mail", "slack"});
  ASSERT_TRUE(store_->mark_delivered(row(mixed, 0), at("2026-01-01T10:00:01Z")).ok());
  ASSERT_TRUE(store_->mark_attempt_failed(row(mixed, 1), "410", std::nullopt).ok());
  auto done = create("2026-01-02T10:00:00Z", {"mail", "slack"});
  ASSERT_TRUE(store_->mark_delivered(row(done, 0), at("2026-01-02T10:00:01Z")).ok());
  ASSERT_TRUE(store_->mark_delivered(row(done, 1), at("2026-01-02T10:00:02Z")).ok());
  auto retrying = create("2026-01-03T10:00:00Z", {"mail"});
  ASSERT_TRUE(store_->mark_attempt_failed(row(retrying, 0), "503", at("2026-01-03T11:00:00Z")).ok());
  auto recent = create("2026-03-01T10:00:00Z", {"mail"});
  ASSERT_TRUE(store_->mark_delivered(row(recent, 0), at("2026-03-01T10:00:01Z")).ok());

  auto pruned = store_->prune_delivered(at("2026-02-01T00:00:00Z"), 100);
  ASSERT_TRUE(pruned) << pruned.error().message;
  EXPECT_EQ(pruned->outbox_rows, 3);
  EXPECT_EQ(pruned->messages, 1);
  EXPECT_THAT(states(mixed), ElementsAre(OutboxState::dead));
  EXPECT_TRUE(has_message(mixed));  // `outbox retry --dead` still sends what the reminder said
  EXPECT_THAT(states(done), IsEmpty());
  EXPECT_FALSE(has_message(done));
  EXPECT_THAT(states(retrying), ElementsAre(OutboxState::failed));
  EXPECT_TRUE(has_message(retrying));
  EXPECT_THAT(states(recent), ElementsAre(OutboxState::delivered));
  EXPECT_EQ(store_->reminders("jane").value().size(), 4u);  // the history the engine plans from
}

TEST_F(OutboxPruningTest, ABatchTakesTheOldestRowsUpToItsLimit) {
  std::vector<std::int64_t> ids;
  for (int day = 1; day <= 5; ++day) {
    std::string due = "2026-01-0" + std::to_string(day) + "T10:00:00Z";
    ids.push_back(create(due, {"mail"}));
    ASSERT_TRUE(store_->mark_delivered(row(ids.back(), 0), at(due)).ok());
  }
  EXPECT_EQ(store_->prune_delivered(at("2026-02-01T00:00:00Z"), 2)->outbox_rows, 2);
  EXPECT_THAT(states(ids[0]), IsEmpty());
  EXPECT_THAT(states(ids[1]), IsEmpty());
  EXPECT_THAT(states(ids[2]), ElementsAre(OutboxState::delivered));
  EXPECT_EQ(store_->prune_delivered(at("2026-02-01T00:00:00Z"), 2)->outbox_rows, 2);
  EXPECT_EQ(store_->prune_delivered(at("2026-02-01T00:00:00Z"), 2)->outbox_rows, 1);
  EXPECT_EQ(store_->prune_delivered(at("2026-02-01T00:00:00Z"), 2)->outbox_rows, 0);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 0);
  EXPECT_EQ(testing::count_rows(path_, "reminder_messages"), 0);
}

TEST_F(OutboxPruningTest, ANoticeGoesWithItsLastDeliveredRowAndTheRemindersItListedStay) {
  // Given an old notice delivered everywhere, listing one reminder, and an old
  // notice delivered through one notifier and dead on the other.
  auto notice = [&](std::string_view at_text, std::string due) {
    Notice n;
    n.owner = "alice";
    n.headline = "1 follow-up missed";
    n.body = "Jane";
    n.created_at = at(at_text);
    Reminder listed;
    listed.contact_id = "jane";
    listed.owner = "alice";
    listed.cadence = "prospect";
    listed.due_at = listed.remind_at = listed.created_at = at(due);
    std::vector<std::string> notifiers{"mail", "slack"};
    auto made = store_->create_notice(n, std::span(&listed, 1), notifiers);
    EXPECT_TRUE(made && made->has_value());
    return made && made->has_value() ? (*made)->id : 0;
  };
  const std::int64_t told = notice("2026-01-01T10:00:00Z", "2025-12-31T10:00:00Z");
  const std::int64_t half = notice("2026-01-02T10:00:00Z", "2026-01-01T12:00:00Z");
  auto rows = store_->outbox_in(std::vector{OutboxState::pending}).value();
  ASSERT_EQ(rows.size(), 4u);
  for (const OutboxRow& r : rows) {
    if (r.notice_id == told || r.notifier == "mail") {
      ASSERT_TRUE(store_->mark_delivered(r.id, r.next_attempt_at + 1s).ok());
    } else {
      ASSERT_TRUE(store_->mark_attempt_failed(r.id, "410", std::nullopt).ok());
    }
  }

  auto pruned = store_->prune_delivered(at("2026-02-01T00:00:00Z"), 100);
  ASSERT_TRUE(pruned) << pruned.error().message;
  EXPECT_EQ(pruned->outbox_rows, 3);
  EXPECT_EQ(pruned->notices, 1);
  EXPECT_FALSE(store_->find_notice(told).value().has_value());
  EXPECT_TRUE(store_->find_notice(half).value().has_value());  // its dead row may still be retried
  EXPECT_EQ(store_->reminders("jane").value().size(), 2u);
}

}  // namespace
}  // namespace touchbase
