// Prepared statements kept per connection: lent out, reset when the lease
// ends, never lent twice at once.

#include "store/statement_cache.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("CREATE TABLE t (x INTEGER NOT NULL)");
    db_.exec("INSERT INTO t (x) VALUES (1), (2)");
  }

  testing::TempDir dir_;
  SQLite::Database db_{(dir_ / "t.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  StatementCache cache_{db_};
};

TEST_F(StatementCacheTest, TheSameQueryGetsTheSameStatementBackResetAndUnbound) {
  SQLite::Statement* first = nullptr;
  {
    auto lease = cache_.use("SELECT ?1");
    first = &*lease;
    lease->bind(1, 42);
    ASSERT_TRUE(lease->executeStep());
    EXPECT_EQ(lease->getColumn(0).getInt(), 42);
  }
  auto again = cache_.use("SELECT ?1");
  EXPECT_EQ(&*again, first);
  ASSERT_TRUE(again->executeStep());  // would throw had it not been reset
  EXPECT_TRUE(again->getColumn(0).isNull());
}

TEST_F(StatementCacheTest, AQueryInUseIsLentAFreshStatement) {
  auto outer = cache_.use("SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(outer->executeStep());
  {
    auto inner = cache_.use("SELECT x FROM t ORDER BY x");
    EXPECT_NE(&*inner, &*outer);
    ASSERT_TRUE(inner->executeStep());
    EXPECT_EQ(inner->getColumn(0).getInt(), 1);
  }
  ASSERT_TRUE(outer->executeStep());
  EXPECT_EQ(outer->getColumn(0).getInt(), 2);
}

TEST_F(StatementCacheTest, ALeaseLeftMidResultHoldsNoSnapshotOfTheDatabase) {
  // Given a lease that read one of two rows and ended, a row another
  // connection adds afterwards is seen: the statement did not stay active
  // and keep its read transaction open.
  {
    auto lease = cache_.use("SELECT x FROM t ORDER BY x");
    ASSERT_TRUE(lease->executeStep());
  }
  SQLite::Database other((dir_ / "t.db").string(), SQLite::OPEN_READWRITE);
  other.exec("INSERT INTO t (x) VALUES (3)");

  auto count = cache_.use("SELECT count(*) FROM t");
  ASSERT_TRUE(count->executeStep());
  EXPECT_EQ(count->getColumn(0).getInt(), 3);
}

TEST_F(StatementCacheTest, SqlThatDoesNotCompileThrowsEachTime) {
  EXPECT_THROW(cache_.use("SELECT nothing FROM nowhere"), SQLite::Exception);
  EXPECT_THROW(cache_.use("SELECT nothing FROM nowhere"), SQLite::Exception);
  auto fine = cache_.use("SELECT count(*) FROM t");
  ASSERT_TRUE(fine->executeStep());
  EXPECT_EQ(fine->getColumn(0).getInt(), 2);
}

}  // namespace
}  // namespace touchbase
