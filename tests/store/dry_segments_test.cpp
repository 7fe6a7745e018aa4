// SqliteStore: the talking-point segments that ran dry, each told once per dry spell.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::IsEmpty;

Notice dry_notice(std::string owner, std::string_view when) {
  Notice n;
  n.owner = std::move(owner);
  n.headline = "No fresh talking point for fintech / proposal";
  n.body = "Add one";
  n.created_at = at(when);
  return n;
}

class DrySegmentsTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::unique_ptr<Store> store_ = open_store(dir_ / "touchbase.db");
  std::vector<std::string> notifiers_ = {"alice-mail"};
};

TEST_F(DrySegmentsTest, TheFirstRecordWritesTheNoticeAndItsOutboxRowAndTheNextWritesNothing) {
  auto told = store_->record_dry_segment("fintech / proposal", dry_notice("alice", "2026-11-23T10:00:00Z"), notifiers_);
  ASSERT_TRUE(told.ok()) << told.error().message;
  ASSERT_TRUE(told->has_value());
  auto notice = store_->find_notice((*told)->id).value();
  ASSERT_TRUE(notice.has_value());
  EXPECT_EQ(notice->headline, "No fresh talking point for fintech / proposal");
  auto ready = store_->outbox_ready(at("2026-11-23T10:00:00Z"), 10).value();
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].notice_id, (*told)->id);
  EXPECT_EQ(ready[0].notifier, "alice-mail");

  auto again =
      store_->record_dry_segment("fintech / proposal", dry_notice("alice", "2026-11-23T11:00:00Z"), notifiers_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  EXPECT_EQ(count_rows(dir_ / "touchbase.db", "notices"), 1);
  EXPECT_EQ(count_rows(dir_ / "touchbase.db", "outbox"), 1);

  auto dry = store_->dry_segments().value();
  ASSERT_EQ(dry.size(), 1u);
  EXPECT_EQ(dry[0].owner, "alice");
  EXPECT_EQ(dry[0].segment, "fintech / proposal");
  EXPECT_EQ(dry[0].since, at("2026-11-23T10:00:00Z"));
  EXPECT_EQ(dry[0].notice_id, (*told)->id);
}

TEST_F(DrySegmentsTest, TheRecordOutlivesTheConnectionAndEndsWhenForgotten) {
  ASSERT_TRUE(
      store_->record_dry_segment("saas / any stage", dry_notice("bob", "2026-11-23T10:00:00Z"), notifiers_).ok());
  ASSERT_TRUE(
      store_->record_dry_segment("fintech / proposal", dry_notice("bob", "2026-11-23T10:00:00Z"), notifiers_).ok());
  store_ = open_store(dir_ / "touchbase.db");
  auto dry = store_->dry_segments().value();
  ASSERT_EQ(dry.size(), 2u);
  EXPECT_EQ(dry[0].segment, "fintech / proposal");
  EXPECT_EQ(dry[1].segment, "saas / any stage");

  ASSERT_TRUE(store_->forget_dry_segment("bob", "fintech / proposal").ok());
  ASSERT_TRUE(store_->forget_dry_segment("bob", "saas / any stage").ok());
  EXPECT_THAT(store_->dry_segments().value(), IsEmpty());
  auto told = store_->record_dry_segment("saas / any stage", dry_notice("bob", "2026-11-30T10:00:00Z"), notifiers_);
  ASSERT_TRUE(told.ok());
  EXPECT_TRUE(told->has_value());  // a new dry spell is told again
}

}  // namespace
}  // namespace touchbase::testing
