// Idempotency keys: stable, unique per delivery, and safe in any header.

#include "store/reminder_rows.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/store/store_test_support.h"

namespace touchbase {
namespace {

using testing::at;
using ::testing::MatchesRegex;

Reminder reminder(std::int64_t id, std::string contact, std::string_view due) {
  Reminder r;
  r.id = id;
  r.contact_id = std::move(contact);
  r.due_at = at(due);
  return r;
}

// Regression guard: a key must never change between releases, or deliveries
// retried after an upgrade would be sent twice.
TEST(IdempotencyKey, IsTheSameForTheSameDeliveryAcrossReleases) {
  auto r = reminder(42, "jane", "2026-11-24T16:00:00Z");
  EXPECT_EQ(idempotency_key(r, "alice-mail"), idempotency_key(r, "alice-mail"));
  EXPECT_EQ(idempotency_key(r, "alice-mail"), "tb-42-alice-mail-aa5b555f3edb");
}

TEST(IdempotencyKey, DiffersByNotifierContactAndDueTime) {
  auto r = reminder(42, "jane", "2026-11-24T16:00:00Z");
  auto key = idempotency_key(r, "alice-mail");
  EXPECT_NE(idempotency_key(r, "team-slack"), key);
  EXPECT_NE(idempotency_key(reminder(42, "john", "2026-11-24T16:00:00Z"), "alice-mail"), key);
  EXPECT_NE(idempotency_key(reminder(42, "jane", "2026-11-24T16:00:01Z"), "alice-mail"), key);
  EXPECT_NE(idempotency_key(reminder(43, "jane", "2026-11-24T16:00:00Z"), "alice-mail"), key);
}

TEST(IdempotencyKey, KeepsOnlyHeaderSafeCharactersOfTheNotifierName) {
  auto r = reminder(7, "jane", "2026-11-24T16:00:00Z");
  EXPECT_THAT(idempotency_key(r, "sales team@chat/é"), MatchesRegex("tb-7-sales_team_chat___-[0-9a-f]{12}"));
}

TEST(IdempotencyKey, NamesThatLookAlikeOnceCleanedStillGetDistinctKeys) {
  auto r = reminder(7, "jane", "2026-11-24T16:00:00Z");
  EXPECT_NE(idempotency_key(r, "team slack"), idempotency_key(r, "team_slack"));
}

TEST(IdempotencyKey, CutsALongNotifierNameTo40Characters) {
  auto r = reminder(7, "jane", "2026-11-24T16:00:00Z");
  std::string name(100, 'n');
  EXPECT_THAT(idempotency_key(r, name), MatchesRegex("tb-7-n{40}-[0-9a-f]{12}"));
}

}  // namespace
}  // namespace touchbase
