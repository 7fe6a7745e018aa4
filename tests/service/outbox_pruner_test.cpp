// The daemon's pruning of old delivered rows: when it runs, how much it takes
// at once, and that a backlog goes on at the next pass.
#include "service/outbox_pruner.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;

class OutboxPrunerTest : public ::testing::Test {
 protected:
  OutboxPrunerTest() : clock_(parse_rfc3339("2026-11-23T10:00:00Z").value()) {
    Contact jane;
    jane.id = "jane";
    jane.name = "Jane";
    EXPECT_TRUE(store_->add_contact(jane).ok());
  }

  // `n` reminders delivered `age` ago, one a second.
  void delivered(int n, Seconds age) {
    auto written = store_->in_one_transaction([&]() -> Status {
      for (int i = 0; i < n; ++i) {
        Reminder r;
        r.contact_id = "jane";
        r.owner = "alice";
        r.cadence = "prospect";
        r.due_at = r.remind_at = r.created_at = clock_.now() - age + Seconds(i) + Seconds(next_++);
        TB_TRY(auto created, store_->create_reminder(r, std::vector<std::string>{"mail"}));
        TB_TRY(auto rows, store_->outbox_rows(created->id));
        TB_TRY_STATUS(store_->mark_delivered(rows[0].id, r.due_at));
      }
      return {};
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Store> store_ = open_sqlite_store(dir_ / "touchbase.db").value();
  int next_ = 0;  // keeps due_at apart across calls
};

TEST_F(OutboxPrunerTest, ItRunsAtTheFirstPassThenOnceAnHour) {
  OutboxPruner pruner(*store_, std::chrono::days(90));
  delivered(2, std::chrono::days(91));
  delivered(1, std::chrono::days(89));
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 2);

  clock_.advance(59min);
  delivered(1, std::chrono::days(100));
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 0);
  clock_.advance(1min);
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 1);
  clock_.advance(std::chrono::days(2));
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 1);  // the one delivered 89 days before the start
}

TEST_F(OutboxPrunerTest, ABacklogLargerThanARunGoesOnAtTheNextPassInBatches) {
  OutboxPruner pruner(*store_, std::chrono::days(90), PruneLimits{.batch = 3, .batches_per_run = 2});
  delivered(10, std::chrono::days(91));
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 6);
  clock_.advance(1min);  // the next pass, well within the hour
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 4);
  clock_.advance(1min);
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 0);  // done: the next run is in an hour
  delivered(1, std::chrono::days(91));
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 0);
}

TEST_F(OutboxPrunerTest, KeepDeliveredOffKeepsEveryRow) {
  OutboxPruner pruner(*store_, std::nullopt);
  delivered(3, std::chrono::days(3650));
  EXPECT_EQ(pruner.run_if_due(clock_.now()).outbox_rows, 0);
  auto rows = store_->outbox_rows(store_->reminders("jane").value().front().id);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 1u);
}

}  // namespace
}  // namespace touchbase::testing
