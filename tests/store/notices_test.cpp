// Notices: one message to an owner listing several follow-ups, written with
// its reminders and outbox rows in one transaction; and a database from
// before notices keeps its outbox.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include "store/migrations.h"
#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using ::testing::ElementsAre;
using ::testing::StartsWith;

class NoticesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_->add_contact(testing::bare_contact("jane")).ok());
    ASSERT_TRUE(store_->add_contact(testing::bare_contact("john")).ok());
  }

  static Reminder missed(std::string contact, std::string_view due) {
    Reminder r;
    r.contact_id = std::move(contact);
    r.owner = "alice";
    r.cadence = "prospect";
    r.due_at = at(due);
    r.remind_at = r.due_at;
    r.late = true;
    r.created_at = at("2026-11-23T10:00:00Z");
    return r;
  }

  static Notice notice() {
    Notice n;
    n.owner = "alice";
    n.headline = "2 follow-ups came due while touchbase was not running, over 3d ago";
    n.body = "Jane\nJohn\n";
    n.created_at = at("2026-11-23T10:00:00Z");
    return n;
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
};

TEST_F(NoticesTest, ANoticeIsWrittenWithItsListedRemindersAndOneOutboxRowPerNotifier) {
  const Reminder listed[] = {missed("jane", "2026-11-10T09:00:00Z"), missed("john", "2026-11-12T09:00:00Z")};
  const std::vector<std::string> notifiers{"mail"};
  auto created = store_->create_notice(notice(), listed, notifiers);
  ASSERT_TRUE(created) << created.error().message;
  ASSERT_TRUE(created->has_value());
  const Notice& n = **created;
  EXPECT_GT(n.id, 0);

  auto found = store_->find_notice(n.id);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->headline, notice().headline);
  EXPECT_EQ((*found)->body, "Jane\nJohn\n");
  EXPECT_EQ((*found)->created_at, at("2026-11-23T10:00:00Z"));

  auto ready = store_->outbox_ready(at("2026-11-23T10:00:00Z"), 10);
  ASSERT_TRUE(ready);
  ASSERT_EQ(ready->size(), 1u);
  EXPECT_EQ((*ready)[0].notice_id, n.id);
  EXPECT_EQ((*ready)[0].reminder_id, 0);
  EXPECT_THAT((*ready)[0].idempotency_key, StartsWith("tb-n" + std::to_string(n.id) + "-mail-"));

  // The listed follow-ups are reminded (no second reminder for them) but not sent alone.
  EXPECT_EQ(store_->reminders("jane")->size(), 1u);
  EXPECT_FALSE(store_->create_reminder(missed("jane", "2026-11-10T09:00:00Z"), notifiers).value().has_value());
  EXPECT_EQ(store_->count_reminders_sent("alice", at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z")).value(), 0);
}

TEST_F(NoticesTest, ANoticeWhoseFollowUpsWereAllRemindedAlreadyIsNotWritten) {
  const std::vector<std::string> notifiers{"mail"};
  ASSERT_TRUE(store_->create_reminder(missed("jane", "2026-11-10T09:00:00Z"), notifiers).ok());
  const Reminder listed[] = {missed("jane", "2026-11-10T09:00:00Z")};
  auto created = store_->create_notice(notice(), listed, notifiers);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_FALSE(created->has_value());
  EXPECT_EQ(testing::count_rows(path_, "notices"), 0);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 1);
}

TEST_F(NoticesTest, ANoticeFallsBackToTheNextNotifierWithItsOwnKey) {
  const std::vector<std::string> notifiers{"mail"};
  auto n = store_->create_notice(notice(), {}, notifiers).value().value();
  auto row = store_->outbox_ready(n.created_at, 10).value().at(0);
  ASSERT_TRUE(store_->fall_back(row.id, "550 no such user", "chat", at("2026-11-23T10:05:00Z")).ok());
  auto ready = store_->outbox_ready(at("2026-11-23T10:05:00Z"), 10).value();
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].notice_id, n.id);
  EXPECT_EQ(ready[0].notifier, "chat");
  EXPECT_NE(ready[0].idempotency_key, row.idempotency_key);
}

TEST_F(NoticesTest, RemindersSentAloneAreCountedOnTheirDay) {
  const std::vector<std::string> notifiers{"mail"};
  Reminder early = missed("jane", "2026-11-23T08:00:00Z");
  early.created_at = early.remind_at;
  Reminder late = missed("john", "2026-11-22T08:00:00Z");  // made on the 23rd, after downtime
  ASSERT_TRUE(store_->create_reminder(early, notifiers).ok());
  ASSERT_TRUE(store_->create_reminder(late, notifiers).ok());
  EXPECT_EQ(store_->count_reminders_sent("alice", at("2026-11-23T00:00:00Z"), at("2026-11-24T00:00:00Z")).value(), 2);
  EXPECT_EQ(store_->count_reminders_sent("alice", at("2026-11-22T00:00:00Z"), at("2026-11-23T00:00:00Z")).value(), 0);
  EXPECT_EQ(store_->count_reminders_sent("bob", at("2026-11-23T00:00:00Z"), at("2026-11-24T00:00:00Z")).value(), 0);
}

TEST(NoticesMigration, AVersion2DatabaseKeepsItsOutboxRows) {
  testing::TempDir dir;
  auto path = dir / "v2.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_TRUE(migrate(db, schema_migrations().first(2)).ok());
    db.exec(
        "INSERT INTO contacts (id, name, email, phone, company, title, owner, timezone, cadence, stage, tags, "
        "deal_value, status, next_step, notes) VALUES ('jane', 'Jane', '', '', '', '', '', '', '', '', '', 0, "
        "'active', '', '')");
    db.exec(
        "INSERT INTO reminders (id, contact_id, owner, cadence, step, due_at, remind_at, talking_point, why, late, "
        "created_at) VALUES (7, 'jane', 'alice', 'prospect', 1, 100, 100, '', 'why', 0, 100)");
    db.exec(
        "INSERT INTO outbox (id, reminder_id, notifier, idempotency_key, state, attempts, next_attempt_at, "
        "last_error) VALUES (3, 7, 'mail', 'tb-7-mail-000000000000', 'failed', 2, 200, '451 try later')");
  }
  auto store = testing::open_store(path);
  auto rows = store->outbox_rows(7).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].id, 3);
  EXPECT_EQ(rows[0].idempotency_key, "tb-7-mail-000000000000");
  EXPECT_EQ(rows[0].state, OutboxState::failed);
  EXPECT_EQ(rows[0].attempts, 2);
  EXPECT_EQ(rows[0].last_error, "451 try later");
  EXPECT_EQ(rows[0].notice_id, 0);
}

}  // namespace
}  // namespace touchbase
