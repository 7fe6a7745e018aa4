// Opening the database file: a new file gets the schema, a touchbase file is
// kept, anything else is refused and left byte for byte as it was.

#include "store/store.h"

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <set>

#include "store/database_file.h"
#include "store/migrations.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

std::set<std::string> table_names(const std::filesystem::path& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement select(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  std::set<std::string> names;
  while (select.executeStep()) names.insert(select.getColumn(0).getString());
  return names;
}

int pragma(const std::filesystem::path& path, std::string_view name) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA " + std::string(name)).getInt();
}

TEST(DatabaseFile, ANewFileGetsTheNewestSchemaInWalMode) {
  TempDir dir;
  auto path = dir / "touchbase.db";
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store) << store.error().message;

  EXPECT_EQ(pragma(path, "user_version"), newest_schema_version());
  EXPECT_EQ(pragma(path, "application_id"), 0x54424153);
  EXPECT_EQ(
      table_names(path),
      (std::set<std::string>{"action_uses", "contact_changes", "contact_counts", "contacts", "decisions",
                             "decisions_key", "dry_segments", "mail_messages", "mailbox_folders", "notices", "outbox",
                             "outbox_counts", "reminder_messages", "reminders", "talking_point_uses", "touches"}));
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(pragma(path, "page_size"), k_page_size);
}

TEST(DatabaseFile, TheConnectionTakesNoMutexForEachCall) {
  TempDir dir;
  auto db = open_database(dir / "touchbase.db", std::chrono::milliseconds(100));
  ASSERT_TRUE(db) << db.error().message;
  EXPECT_EQ(sqlite3_db_mutex((*db)->getHandle()), nullptr);
}

TEST(DatabaseFile, AnEmptyExistingFileGetsTheSchema) {
  TempDir dir;
  auto path = dir.write("touchbase.db", "");
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(pragma(path, "user_version"), newest_schema_version());
}

TEST(DatabaseFile, ReopeningKeepsTheDataAndTheVersion) {
  TempDir dir;
  auto path = dir / "touchbase.db";
  ASSERT_TRUE(testing::open_store(path)->add_contact(testing::full_contact("jane")).ok());

  auto store = testing::open_store(path);
  auto found = store->find_contact("jane");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(*found, testing::full_contact("jane"));
  EXPECT_EQ(pragma(path, "user_version"), newest_schema_version());
}

TEST(DatabaseFile, AFileWithSmallerPagesKeepsThemWithItsData) {
  TempDir dir;
  auto path = dir / "touchbase.db";
  ASSERT_TRUE(testing::open_store(path)->add_contact(testing::full_contact("jane")).ok());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA page_size = 4096");
    db.exec("VACUUM");
  }
  ASSERT_EQ(pragma(path, "page_size"), 4096);

  auto store = testing::open_store(path);
  auto found = store->find_contact("jane");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(*found, testing::full_contact("jane"));
  EXPECT_EQ(pragma(path, "page_size"), 4096);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(DatabaseFile, ADatabaseFromANewerTouchbaseIsRefusedAndLeftUnchanged) {
  TempDir dir;
  auto path = dir / "touchbase.db";
  ASSERT_TRUE(testing::open_store(path)->add_contact(testing::bare_contact("jane")).ok());
  int newer = newest_schema_version() + 1;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  auto before = testing::read_file(path);

  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::data);
  EXPECT_THAT(store.error().message,
              HasSubstr("created by a newer touchbase (schema " + std::to_string(newer) + ", this one knows up to " +
                        std::to_string(newest_schema_version()) + ")"));
  EXPECT_THAT(store.error().message, HasSubstr(path.string()));
  EXPECT_EQ(testing::read_file(path), before);
}

TEST(DatabaseFile, AnotherApplicationsDatabaseIsRefusedAndLeftUnchanged) {
  TempDir dir;
  auto path = dir / "music.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Blue in Green')");
  }
  auto before = testing::read_file(path);

  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::data);
  EXPECT_THAT(store.error().message, HasSubstr("'" + path.string() + "' is not a touchbase database"));
  EXPECT_EQ(testing::read_file(path), before);
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(DatabaseFile, AnEmptyDatabaseMarkedByAnotherApplicationIsRefused) {
  TempDir dir;
  auto path = dir / "other.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA application_id = 1234");
  }
  auto before = testing::read_file(path);

  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::data);
  EXPECT_EQ(testing::read_file(path), before);
}

TEST(DatabaseFile, ATextFileIsRefusedAndLeftUnchanged) {
  TempDir dir;
  auto path = dir.write("contacts.csv", "id,name\njane,Jane Doe\n");

  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::data);
  EXPECT_THAT(store.error().message, HasSubstr("'" + path.string() + "' is not a touchbase database"));
  EXPECT_THAT(store.error().message, HasSubstr("not an SQLite file"));
  EXPECT_EQ(testing::read_file(path), "id,name\njane,Jane Doe\n");
}

TEST(DatabaseFile, AMissingDirectoryIsAnIoErrorNamingThePath) {
  TempDir dir;
  auto path = dir / "no/such/dir/touchbase.db";

  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::io);
  EXPECT_THAT(store.error().message, HasSubstr(path.string()));
  EXPECT_THAT(store.error().message, HasSubstr("does not exist"));
}

TEST(DatabaseFile, ADirectoryInPlaceOfTheFileIsAnIoError) {
  TempDir dir;
  auto path = dir / "touchbase.db";
  std::filesystem::create_directory(path);

  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::io);
  EXPECT_THAT(store.error().message, HasSubstr(path.string()));
}

// A second process holds the write lock: reads go on (WAL), a write waits the
// busy timeout and then reports the database as unavailable.
TEST(DatabaseFile, AWriteWhileAnotherConnectionHoldsTheLockIsUnavailable) {
  TempDir dir;
  auto path = dir / "touchbase.db";
  ASSERT_TRUE(testing::open_store(path)->add_contact(testing::bare_contact("jane")).ok());
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE; DELETE FROM contacts", nullptr, nullptr, nullptr), SQLITE_OK);

  auto store = open_sqlite_store(path, SqliteStoreOptions{std::chrono::milliseconds(50)});
  ASSERT_TRUE(store) << store.error().message;
  auto found = (*store)->find_contact("jane");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_TRUE(found->has_value());
  auto added = (*store)->add_contact(testing::bare_contact("john"));

  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, Errc::unavailable);
  EXPECT_THAT(added.error().message, HasSubstr("cannot add contact 'john'"));
  EXPECT_THAT(added.error().message, HasSubstr("busy"));
  EXPECT_TRUE((*store)->add_contact(testing::bare_contact("john")).ok());
}

}  // namespace
}  // namespace touchbase
