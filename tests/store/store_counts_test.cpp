// The counts /metrics and `touchbase status` read: kept by the database as
// rows are written, right after every kind of write, and read at a cost that
// does not grow with the number of contacts or outbox rows.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/count_queries.h"
#include "store/migrations.h"
#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> k_notifiers{"mail", "slack"};

Reminder reminder_for(std::string contact, Instant due) {
  Reminder r;
  r.contact_id = std::move(contact);
  r.owner = "alice";
  r.cadence = "prospect";
  r.due_at = r.remind_at = r.created_at = due;
  return r;
}

class StoreCountsTest : public ::testing::Test {
 protected:
  // The counts as the store reports them, against COUNT(*) over the rows
  // through a separate connection.
  void expect_counts_match_the_rows() {
    auto counts = store_->counts();
    ASSERT_TRUE(counts) << counts.error().message;
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    for (const auto& [status, n] : counts->contacts) {
      SQLite::Statement count(db, "SELECT count(*) FROM contacts WHERE status = ?1 AND removed_at IS NULL");
      count.bind(1, std::string(to_string(status)));
      count.executeStep();
      EXPECT_EQ(n, count.getColumn(0).getInt()) << to_string(status);
    }
    EXPECT_EQ(counts->contacts.size(), 6u);
    EXPECT_EQ(counts->outbox_waiting,
              db.execAndGet("SELECT count(*) FROM outbox WHERE state IN ('pending', 'failed')").getInt());
    EXPECT_EQ(counts->outbox_dead, db.execAndGet("SELECT count(*) FROM outbox WHERE state = 'dead'").getInt());
    auto next = db.execAndGet("SELECT min(next_attempt_at) FROM outbox WHERE state IN ('pending', 'failed')");
    EXPECT_EQ(counts->next_outbox_attempt.has_value(), !next.isNull());
  }

  std::int64_t create(const std::string& contact, std::string_view due) {
    auto created = store_->create_reminder(reminder_for(contact, at(due)), k_notifiers);
    EXPECT_TRUE(created && created->has_value());
    return created && created->has_value() ? (*created)->id : 0;
  }

  std::vector<OutboxRow> rows(std::int64_t reminder_id) { return store_->outbox_rows(reminder_id).value(); }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
};

TEST_F(StoreCountsTest, ContactCountsFollowAddsUpdatesImportsRemovalsAndDeletions) {
  ASSERT_TRUE(store_->add_contact(testing::bare_contact("ann")).ok());
  ASSERT_TRUE(store_->add_contact(testing::full_contact("jane")).ok());  // paused
  expect_counts_match_the_rows();

  Contact ann = testing::bare_contact("ann");
  ann.status = ContactStatus::closed_won;
  ASSERT_TRUE(store_->update_contact(ann).ok());
  expect_counts_match_the_rows();

  // An import: one contact changes status, one is new, one stays the same.
  Contact jane = testing::full_contact("jane");
  jane.status = ContactStatus::active;
  std::vector<Contact> file{jane, testing::bare_contact("bob"), ann};
  ASSERT_TRUE(store_->upsert_contacts(file).ok());
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->contacts[ContactStatus::active], 2);

  ASSERT_TRUE(store_->mark_contact_removed("bob", at("2026-11-23T10:00:00Z")).ok());
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->contacts[ContactStatus::active], 1);
  ASSERT_TRUE(store_->upsert_contacts(std::vector<Contact>{testing::bare_contact("bob")}).ok());  // back
  expect_counts_match_the_rows();

  ASSERT_TRUE(store_->mark_contact_removed("ann", at("2026-11-23T10:00:00Z")).ok());
  ASSERT_TRUE(store_->remove_contact("ann").ok());  // removed already: counted once
  ASSERT_TRUE(store_->remove_contact("jane").ok());
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->contacts[ContactStatus::active], 1);
  EXPECT_EQ(store_->counts()->contacts[ContactStatus::closed_won], 0);
}

TEST_F(StoreCountsTest, OutboxCountsFollowEveryDeliveryOutcomeARequeueAndTheCascadeOfADeletedContact) {
  ASSERT_TRUE(store_->add_contact(testing::bare_contact("ann")).ok());
  ASSERT_TRUE(store_->add_contact(testing::bare_contact("bob")).ok());
  auto first = create("ann", "2026-11-23T10:00:00Z");
  auto second = create("bob", "2026-11-23T11:00:00Z");
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->outbox_waiting, 4);

  auto ann_rows = rows(first);
  ASSERT_TRUE(store_->mark_delivered(ann_rows[0].id, at("2026-11-23T10:00:01Z")).ok());
  ASSERT_TRUE(store_->mark_attempt_failed(ann_rows[1].id, "503", at("2026-11-23T10:05:00Z")).ok());
  expect_counts_match_the_rows();
  ASSERT_TRUE(store_->mark_attempt_failed(ann_rows[1].id, "410", std::nullopt).ok());
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->outbox_dead, 1);

  auto bob_rows = rows(second);
  ASSERT_TRUE(store_->fall_back(bob_rows[0].id, "550", "slack-2", at("2026-11-23T11:00:01Z")).ok());
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->outbox_dead, 2);
  EXPECT_EQ(store_->requeue(std::nullopt, at("2026-11-23T12:00:00Z")).value(), 2);
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->outbox_dead, 0);

  ASSERT_TRUE(store_->mark_contact_removed("bob", at("2026-11-23T12:00:00Z")).ok());  // its rows end dead
  expect_counts_match_the_rows();
  ASSERT_TRUE(store_->remove_contact("bob").ok());  // its reminders and rows go with it
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->outbox_dead, 0);
  EXPECT_EQ(store_->counts()->outbox_waiting, 1);
  EXPECT_EQ(store_->counts()->next_outbox_attempt, at("2026-11-23T12:00:00Z"));
}

TEST_F(StoreCountsTest, AWriteThatRollsBackLeavesTheCountsAsTheyWere) {
  ASSERT_TRUE(store_->add_contact(testing::bare_contact("ann")).ok());
  auto failed = store_->in_one_transaction([&]() -> Status {
    TB_TRY_STATUS(store_->add_contact(testing::bare_contact("bob")));
    return Error::data("the import had a bad row");
  });
  ASSERT_FALSE(failed.ok());
  expect_counts_match_the_rows();
  EXPECT_EQ(store_->counts()->contacts[ContactStatus::active], 1);
}

// A database as version 7 left it: contacts in several states, removed ones,
// and outbox rows in every state.
void fill_version_7(SQLite::Database& db) {
  const char* contacts[][3] = {{"a", "active", "NULL"},
                               {"b", "active", "NULL"},
                               {"c", "paused", "NULL"},
                               {"d", "active", "5"},
                               {"e", "closed-won", "NULL"}};
  for (const auto& c : contacts) {
    db.exec(std::string("INSERT INTO contacts (id, name, email, phone, company, title, owner, timezone, cadence, "
                        "stage, tags, deal_value, status, next_step, notes, removed_at) VALUES ('") +
            c[0] + "', 'x', '', '', '', '', 'alice', '', 'prospect', '', '', 0, '" + c[1] + "', '', '', " + c[2] + ")");
  }
  db.exec(
      "INSERT INTO reminders (id, contact_id, owner, cadence, step, due_at, remind_at, talking_point, why, late, "
      "created_at) VALUES (1, 'a', 'alice', 'prospect', 1, 1, 0, '', '', 0, 0)");
  const char* states[] = {"pending", "failed", "failed", "dead", "delivered", "delivered"};
  int id = 0;
  for (const char* state : states) {
    ++id;
    db.exec(
        "INSERT INTO outbox (reminder_id, notifier, idempotency_key, state, attempts, next_attempt_at, "
        "last_error) VALUES (1, 'n" +
        std::to_string(id) + "', 'k" + std::to_string(id) + "', '" + state + "', 0, " + std::to_string(100 + id) +
        ", '')");
  }
}

TEST(StoreCountsMigration, MigratingADatabaseFromVersion7CountsTheRowsItHolds) {
  testing::TempDir dir;
  {
    SQLite::Database db(dir / "t.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_TRUE(migrate(db, schema_migrations().first(7)).ok());
    fill_version_7(db);
  }
  auto store = testing::open_store(dir / "t.db");
  auto counts = store->counts();
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->contacts[ContactStatus::active], 2);  // d is removed
  EXPECT_EQ(counts->contacts[ContactStatus::paused], 1);
  EXPECT_EQ(counts->contacts[ContactStatus::closed_won], 1);
  EXPECT_EQ(counts->contacts[ContactStatus::dormant], 0);
  EXPECT_EQ(counts->outbox_waiting, 3);
  EXPECT_EQ(counts->outbox_dead, 1);
  EXPECT_EQ(counts->next_outbox_attempt, Instant(Seconds(101)));
}

// A store of `contacts` contacts, each with a reminder delivered through one
// notifier and waiting on another, and a tenth of them dead.
void fill(Store& store, int contacts) {
  std::vector<Contact> all;
  for (int i = 0; i < contacts; ++i) all.push_back(testing::bare_contact("c" + std::to_string(i)));
  ASSERT_TRUE(store.upsert_contacts(all).ok());
  auto written = store.in_one_transaction(
      [&]() -> Status {
        for (int i = 0; i < contacts; ++i) {
          Instant due = at("2026-11-23T10:00:00Z") + Seconds(i);
          TB_TRY(auto r, store.create_reminder(reminder_for("c" + std::to_string(i), due), k_notifiers));
          TB_TRY(auto rows, store.outbox_rows(r->id));
          TB_TRY_STATUS(store.mark_delivered(rows[0].id, due));
          if (i % 10 == 0) TB_TRY_STATUS(store.mark_attempt_failed(rows[1].id, "410", std::nullopt));
        }
        return {};
      },
      Store::Inner::all_or_nothing);
  ASSERT_TRUE(written.ok()) << written.error().message;
}

// The virtual machine steps SQLite takes to run the counts query to its end.
int counts_query_steps(const std::filesystem::path& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  sqlite3_stmt* query = nullptr;
  if (sqlite3_prepare_v2(db.getHandle(), k_counts_sql.data(), static_cast<int>(k_counts_sql.size()), &query, nullptr) !=
      SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db.getHandle());
    return -1;
  }
  while (sqlite3_step(query) == SQLITE_ROW) {
  }
  int steps = sqlite3_stmt_status(query, SQLITE_STMTSTATUS_VM_STEP, 0);
  sqlite3_finalize(query);
  return steps;
}

std::string query_plan(const std::filesystem::path& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + std::string(k_counts_sql));
  std::string lines;
  while (plan.executeStep()) lines += plan.getColumn(3).getString() + "\n";
  return lines;
}

TEST(StoreCountsCost, TheCountsCostTheSameStepsAt100ContactsAndAt10000AndScanNoTableOfRows) {
  testing::TempDir dir;
  for (int contacts : {100, 10'000}) {
    auto store = testing::open_store(dir / (std::to_string(contacts) + ".db"));
    fill(*store, contacts);
    auto counts = store->counts();
    ASSERT_TRUE(counts) << counts.error().message;
    EXPECT_EQ(counts->contacts[ContactStatus::active], contacts);
    EXPECT_EQ(counts->outbox_dead, contacts / 10);
    EXPECT_EQ(counts->outbox_waiting, contacts - contacts / 10);
  }
  int small = counts_query_steps(dir / "100.db");
  EXPECT_EQ(counts_query_steps(dir / "10000.db"), small);
  EXPECT_LT(small, 200);
  std::string plan = query_plan(dir / "10000.db");
  for (const char* table : {"contacts", "outbox", "touches", "reminders"}) {
    EXPECT_THAT(plan, Not(HasSubstr(std::string("SCAN ") + table + "\n"))) << plan;
    EXPECT_THAT(plan, Not(HasSubstr(std::string("SCAN ") + table + " "))) << plan;
  }
  EXPECT_THAT(plan, HasSubstr("SEARCH outbox USING INDEX outbox_waiting")) << plan;
}

}  // namespace
}  // namespace touchbase
