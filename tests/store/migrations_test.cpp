// Migrations run in order, each in its own transaction, and only once.

#include "store/migrations.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

#include "store/store.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

constexpr std::array<Migration, 2> k_two_steps = {{
    {1, "CREATE TABLE first (x INTEGER); INSERT INTO first VALUES (1);"},
    {2, "CREATE TABLE second (y INTEGER); INSERT INTO first VALUES (2);"},
}};

SQLite::Database open_file(const std::filesystem::path& path) {
  return SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
}

TEST(Migrations, ANewDatabaseGetsEveryMigrationInOrder) {
  TempDir dir;
  auto db = open_file(dir / "t.db");
  ASSERT_TRUE(migrate(db, k_two_steps).ok());
  EXPECT_EQ(user_version(db), 2);
  EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt(), k_application_id);
  EXPECT_TRUE(db.tableExists("second"));
  EXPECT_EQ(db.execAndGet("SELECT group_concat(x) FROM first").getString(), "1,2");
}

TEST(Migrations, ADatabaseAtVersion1GetsOnlyTheLaterMigrations) {
  TempDir dir;
  auto db = open_file(dir / "t.db");
  ASSERT_TRUE(migrate(db, std::span(k_two_steps).first(1)).ok());
  ASSERT_EQ(user_version(db), 1);
  db.exec("INSERT INTO first VALUES (10)");

  ASSERT_TRUE(migrate(db, k_two_steps).ok());
  EXPECT_EQ(user_version(db), 2);
  EXPECT_EQ(db.execAndGet("SELECT group_concat(x) FROM first").getString(), "1,10,2");
}

TEST(Migrations, MigratingAnUpToDateDatabaseChangesNothing) {
  TempDir dir;
  auto db = open_file(dir / "t.db");
  ASSERT_TRUE(migrate(db, k_two_steps).ok());
  int changes_before = db.getTotalChanges();
  ASSERT_TRUE(migrate(db, k_two_steps).ok());
  EXPECT_EQ(db.getTotalChanges(), changes_before);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM first").getInt(), 2);
}

TEST(Migrations, AFailingMigrationLeavesNoTraceAndKeepsTheEarlierOnes) {
  constexpr std::array<Migration, 2> steps = {{
      {1, "CREATE TABLE first (x INTEGER);"},
      {2, "CREATE TABLE second (y INTEGER); INSERT INTO first VALUES (2); INSERT INTO missing VALUES (3);"},
  }};
  TempDir dir;
  auto db = open_file(dir / "t.db");

  auto migrated = migrate(db, steps);
  ASSERT_FALSE(migrated);
  EXPECT_EQ(migrated.error().code, Errc::io);
  EXPECT_THAT(migrated.error().message, HasSubstr("cannot apply schema migration 2"));
  EXPECT_THAT(migrated.error().message, HasSubstr("no such table: missing"));
  EXPECT_EQ(user_version(db), 1);
  EXPECT_TRUE(db.tableExists("first"));
  EXPECT_FALSE(db.tableExists("second"));
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM first").getInt(), 0);
}

TEST(Migrations, TouchbasesOwnMigrationsAreNumberedFromOneInOrder) {
  auto migrations = schema_migrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
  EXPECT_EQ(newest_schema_version(), static_cast<int>(migrations.size()));
}

// Contact 'jane' with reminders 1..count, as any schema version has them.
void add_contact_with_reminders(SQLite::Database& db, int count) {
  db.exec(
      "INSERT INTO contacts (id, name, email, phone, company, title, owner, timezone, cadence, stage, tags, "
      "deal_value, status, next_step, notes) VALUES ('jane', 'Jane', '', '', '', '', 'alice', '', 'prospect', '', "
      "'', 0, 'active', '', '')");
  for (int id = 1; id <= count; ++id) {
    db.exec(
        "INSERT INTO reminders (id, contact_id, owner, cadence, step, due_at, remind_at, talking_point, why, "
        "late, created_at) VALUES (" +
        std::to_string(id) + ", 'jane', 'alice', 'prospect', 1, " + std::to_string(id) + ", 0, '', '', 0, 0)");
  }
}

TEST(Migrations, Version6MovesTheKeptMessagesIntoColumnsAndDropsOnesThatAreNotJsonObjects) {
  TempDir dir;
  auto db = open_file(dir / "t.db");
  ASSERT_TRUE(migrate(db, schema_migrations().first(5)).ok());
  add_contact_with_reminders(db, 3);
  db.exec(R"(INSERT INTO reminder_messages VALUES
      (1, '{"contact_name":"Jane \"JD\" Doe \u00e9","why":"3rd touch","late":true}'),
      (2, 'not json'),
      (3, '[1, 2]'))");

  ASSERT_TRUE(migrate(db, schema_migrations().first(6)).ok());
  EXPECT_EQ(user_version(db), 6);
  SQLite::Statement rows(db, "SELECT reminder_id, contact_name, why, company, late FROM reminder_messages");
  ASSERT_TRUE(rows.executeStep());
  EXPECT_EQ(rows.getColumn(0).getInt(), 1);
  EXPECT_EQ(rows.getColumn(1).getString(), "Jane \"JD\" Doe é");
  EXPECT_EQ(rows.getColumn(2).getString(), "3rd touch");
  EXPECT_EQ(rows.getColumn(3).getString(), "");  // absent: empty
  EXPECT_EQ(rows.getColumn(4).getInt(), 1);
  EXPECT_FALSE(rows.executeStep());  // 2 and 3 are made again from the contact when sent
  EXPECT_FALSE(db.tableExists("reminder_messages_v5"));
}

TEST(Migrations, Version9GivesTheContactsStoredBeforeAnEmptyRegionAndTheStoreReadsThem) {
  TempDir dir;
  {
    auto db = open_file(dir / "t.db");
    ASSERT_TRUE(migrate(db, schema_migrations().first(8)).ok());
    add_contact_with_reminders(db, 1);
  }
  auto store = open_sqlite_store(dir / "t.db");  // migrates to the newest version
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto jane = (*store)->find_contact("jane");
  ASSERT_TRUE(jane.ok()) << jane.error().message;
  ASSERT_TRUE(jane->has_value());
  EXPECT_EQ((*jane)->name, "Jane");
  EXPECT_EQ((*jane)->region, "");

  (*jane)->region = "US-NY";
  ASSERT_TRUE((*store)->update_contact(**jane).ok());
  EXPECT_EQ((*store)->find_contact("jane").value()->region, "US-NY");
  EXPECT_EQ((*store)->reminders("jane").value().size(), 1u);
}

// What EXPLAIN QUERY PLAN says of `sql`, its lines joined.
std::string query_plan(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
  std::string lines;
  while (plan.executeStep()) lines += plan.getColumn(3).getString() + "\n";
  return lines;
}

TEST(Migrations, Version7KeepsTheOutboxRowsAndItsChecksWithoutATemporaryTablePerRowOrAnEntryPerNullKey) {
  TempDir dir;
  auto db = open_file(dir / "t.db");
  ASSERT_TRUE(migrate(db, schema_migrations().first(6)).ok());
  add_contact_with_reminders(db, 1);
  db.exec(
      "INSERT INTO outbox (id, reminder_id, notifier, idempotency_key, state, attempts, next_attempt_at, last_error) "
      "VALUES (5, 1, 'mail', 'tb-1-mail', 'failed', 2, 60, 'HTTP 503')");

  ASSERT_TRUE(migrate(db, schema_migrations().first(7)).ok());
  EXPECT_EQ(user_version(db), 7);
  EXPECT_EQ(db.execAndGet("SELECT id || ' ' || reminder_id || ' ' || notifier || ' ' || idempotency_key || ' ' || "
                          "state || ' ' || attempts || ' ' || next_attempt_at || ' ' || last_error FROM outbox")
                .getString(),
            "5 1 mail tb-1-mail failed 2 60 HTTP 503");
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM outbox INDEXED BY outbox_waiting WHERE state IN ('pending', "
                          "'failed') AND next_attempt_at <= 60")
                .getInt(),
            1);
  EXPECT_THROW(db.exec("UPDATE outbox SET state = 'sent' WHERE id = 5"), SQLite::Exception);
  EXPECT_THROW(db.exec("INSERT INTO outbox (reminder_id, notifier, idempotency_key, state, attempts, next_attempt_at, "
                       "last_error) VALUES (1, 'mail', 'tb-1-mail-again', 'pending', 0, 0, '')"),
               SQLite::Exception);  // still one row per reminder and notifier
  SQLite::Statement plan(db, "EXPLAIN UPDATE outbox SET state = 'delivered' WHERE id = ?1");
  while (plan.executeStep()) EXPECT_NE(plan.getColumn(1).getString(), "OpenEphemeral");
  // The partial indexes serve the lookups by key (and the cascades, which look up the same way).
  EXPECT_THAT(query_plan(db, "SELECT id FROM outbox WHERE reminder_id = ?1"), HasSubstr("outbox_by_reminder"));
  EXPECT_THAT(query_plan(db, "SELECT id FROM outbox WHERE notice_id = ?1"), HasSubstr("outbox_by_notice"));
  EXPECT_THAT(query_plan(db, "SELECT id FROM talking_point_uses WHERE touch_id = ?1"),
              HasSubstr("talking_point_uses_by_touch"));
  EXPECT_THAT(query_plan(db, "SELECT id FROM talking_point_uses WHERE reminder_id = ?1"),
              HasSubstr("talking_point_uses_by_reminder"));
}

}  // namespace
}  // namespace touchbase
