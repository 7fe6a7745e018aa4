// Removing a contact while keeping its history, purging it, and logging a
// touch together with the contact's new state.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

#include "store/migrations.h"
#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using testing::bare_contact;
using testing::count_rows;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ContactRemovalTest : public ::testing::Test {
 protected:
  ContactRemovalTest() {
    EXPECT_TRUE(store_->add_contact(bare_contact("jane")).ok());
    EXPECT_TRUE(store_->add_contact(bare_contact("john")).ok());
    EXPECT_TRUE(store_->add_touch("jane", Touch{at("2026-11-20T10:00:00Z"), Outcome::touched, "called", ""}).ok());
    Reminder r;
    r.contact_id = "jane";
    r.owner = "alice";
    r.cadence = "prospect";
    r.due_at = at("2026-11-23T10:00:00Z");
    r.remind_at = r.due_at;
    r.created_at = r.due_at;
    auto created = store_->create_reminder(r, std::array<std::string, 1>{"primary"});
    EXPECT_TRUE(created.ok() && *created);
    if (created.ok() && *created) reminder_id_ = (*created)->id;
  }

  std::vector<std::string> listed() {
    std::vector<std::string> ids;
    auto contacts = store_->list_contacts().value();
    for (const auto& c : contacts) ids.push_back(c.id);
    return ids;
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
  std::int64_t reminder_id_ = 0;
};

TEST_F(ContactRemovalTest, ARemovedContactIsNeitherFoundNorListedButItsHistoryStays) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-11-23T12:00:00Z")).ok());
  EXPECT_THAT(listed(), ElementsAre("john"));
  EXPECT_EQ(store_->find_contact("jane").value(), std::nullopt);
  EXPECT_EQ(store_->touches("jane").value().size(), 1u);
  EXPECT_EQ(store_->reminders("jane").value().size(), 1u);
}

TEST_F(ContactRemovalTest, RemovingEndsThePendingDeliveriesOfItsReminders) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-11-23T12:00:00Z")).ok());
  auto rows = store_->outbox_rows(reminder_id_).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, OutboxState::dead);
  EXPECT_EQ(rows[0].last_error, "the contact was removed");
  EXPECT_TRUE(store_->outbox_ready(at("2026-11-24T00:00:00Z"), 10).value().empty());
}

TEST_F(ContactRemovalTest, ARemovedContactCannotBeUpdatedNorRemovedAgain) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-11-23T12:00:00Z")).ok());
  auto update = store_->update_contact(bare_contact("jane"));
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, Errc::no_input);
  auto again = store_->mark_contact_removed("jane", at("2026-11-23T13:00:00Z"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::no_input);
  EXPECT_EQ(store_->mark_contact_removed("nobody", at("2026-11-23T13:00:00Z")).error().code, Errc::no_input);
}

TEST_F(ContactRemovalTest, AddingTheIdOfARemovedContactIsRefusedSayingItWasRemoved) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-11-23T12:00:00Z")).ok());
  auto add = store_->add_contact(bare_contact("jane"));
  ASSERT_FALSE(add);
  EXPECT_EQ(add.error().code, Errc::data);
  EXPECT_THAT(add.error().message, HasSubstr("contact 'jane' already exists: it was removed and its history kept"));
}

TEST_F(ContactRemovalTest, AnUpsertBringsARemovedContactBackWithItsHistory) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-11-23T12:00:00Z")).ok());
  Contact back = bare_contact("jane");
  back.company = "Acme";
  ASSERT_TRUE(store_->upsert_contacts(std::array{back}).ok());
  EXPECT_EQ(store_->find_contact("jane").value(), back);
  EXPECT_EQ(store_->touches("jane").value().size(), 1u);
}

TEST_F(ContactRemovalTest, PurgingARemovedContactDeletesItsHistory) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-11-23T12:00:00Z")).ok());
  ASSERT_TRUE(store_->remove_contact("jane").ok());
  EXPECT_EQ(count_rows(path_, "contacts"), 1);
  EXPECT_EQ(count_rows(path_, "touches"), 0);
  EXPECT_EQ(count_rows(path_, "reminders"), 0);
  EXPECT_EQ(count_rows(path_, "outbox"), 0);
}

TEST_F(ContactRemovalTest, LoggingATouchStoresItAndTheContactsNewStateTogether) {
  Contact jane = bare_contact("jane");
  jane.status = ContactStatus::paused;
  jane.next_step = {"send the deck", std::nullopt};
  Touch t{at("2026-11-23T15:00:00Z"), Outcome::replied, "liked it", "benchmark"};
  ASSERT_TRUE(store_->log_touch(jane, t).ok());
  EXPECT_EQ(store_->find_contact("jane").value(), jane);
  EXPECT_EQ(store_->touches("jane").value().back(), t);
  EXPECT_THAT(store_->used_talking_points("jane").value(), ElementsAre("benchmark"));
}

TEST_F(ContactRemovalTest, LoggingATouchOfARemovedContactWritesNothing) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-11-23T12:00:00Z")).ok());
  auto logged = store_->log_touch(bare_contact("jane"), Touch{at("2026-11-23T15:00:00Z"), Outcome::touched, "", ""});
  ASSERT_FALSE(logged);
  EXPECT_EQ(logged.error().code, Errc::no_input);
  EXPECT_EQ(count_rows(path_, "touches"), 1);
}

TEST(ContactRemovalMigration, AVersion1DatabaseKeepsItsContactsAndCanRemoveThem) {
  testing::TempDir dir;
  auto path = dir / "v1.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_TRUE(migrate(db, schema_migrations().first(1)).ok());
    db.exec(
        "INSERT INTO contacts (id, name, email, phone, company, title, owner, timezone, cadence, stage, tags, "
        "deal_value, status, next_step, notes) VALUES ('old', 'Old Timer', '', '', '', '', '', '', '', '', '', 0, "
        "'active', '', '')");
  }
  auto store = testing::open_store(path);
  EXPECT_EQ(store->list_contacts().value().size(), 1u);
  ASSERT_TRUE(store->mark_contact_removed("old", at("2026-11-23T12:00:00Z")).ok());
  EXPECT_TRUE(store->list_contacts().value().empty());
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(user_version(db), newest_schema_version());
}

TEST(TouchSourceMigration, TouchesLoggedBeforeVersion11ReadAsTypedAtACommand) {
  testing::TempDir dir;
  auto path = dir / "v10.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_TRUE(migrate(db, schema_migrations().first(10)).ok());
    db.exec(
        "INSERT INTO contacts (id, name, email, phone, company, title, owner, timezone, cadence, stage, tags, "
        "deal_value, status, next_step, notes) VALUES ('old', 'Old Timer', '', '', '', '', '', '', '', '', '', 0, "
        "'active', '', '')");
    db.exec(
        "INSERT INTO touches (contact_id, touched_at, outcome, note, talking_point) "
        "VALUES ('old', 1795000000, 'replied', '', '')");
  }
  auto store = testing::open_store(path);
  auto touches = store->touches("old").value();
  ASSERT_EQ(touches.size(), 1u);
  EXPECT_EQ(touches[0].source, TouchSource::cli);
  EXPECT_EQ(store->find_contact("old").value()->bounced_at, std::nullopt);
}

}  // namespace
}  // namespace touchbase
