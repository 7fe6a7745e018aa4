// Outcomes the store refused wait here, with the reason and the time of the
// next try; the outage ends only when every one of them is written.
#include "delivery/unrecorded_outcomes.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

using namespace std::chrono_literals;

const Instant k_t0 = parse_rfc3339("2026-11-23T10:00:00Z").value();

UnrecordedFailure failure_of(std::int64_t row_id) {
  OutboxRow row;
  row.id = row_id;
  row.notifier = "slack";
  return {row, DeliveryFailure::transient("HTTP 503")};
}

TEST(UnrecordedOutcomesTest, NothingWaitingIsNoOutage) {
  UnrecordedOutcomes outcomes;
  EXPECT_TRUE(outcomes.empty());
  EXPECT_FALSE(outcomes.outage().has_value());
  EXPECT_FALSE(outcomes.retry_at().has_value());
  EXPECT_FALSE(outcomes.due(k_t0));
}

TEST(UnrecordedOutcomesTest, KeptOutcomesHoldTheirRowsAndReportTheFirstRefusalsTimeAndTheLastError) {
  UnrecordedOutcomes outcomes;
  const std::int64_t delivered[] = {4, 7};
  outcomes.keep_delivered(delivered);
  outcomes.keep_failed(failure_of(9));
  outcomes.write_refused(Error::io("database or disk is full"), k_t0);
  outcomes.write_refused(Error::unavailable("database is locked"), k_t0 + 1s);

  EXPECT_TRUE(outcomes.holds(4) && outcomes.holds(7) && outcomes.holds(9));
  EXPECT_FALSE(outcomes.holds(5));
  const auto outage = outcomes.outage().value();
  EXPECT_EQ(outage.waiting, 3u);
  EXPECT_EQ(outage.since, k_t0);
  EXPECT_EQ(outage.error.message, "database is locked");
  EXPECT_EQ(outcomes.retry_at(), k_t0 + 1s + 2s);
  EXPECT_FALSE(outcomes.due(k_t0 + 2s));
  EXPECT_TRUE(outcomes.due(k_t0 + 3s));
}

TEST(UnrecordedOutcomesTest, TakenAndWrittenTheOutageEndsAndTheNextStartsAgainFromOneSecond) {
  UnrecordedOutcomes outcomes;
  outcomes.keep_failed(failure_of(9));
  outcomes.write_refused(Error::io("disk I/O error"), k_t0);
  outcomes.write_refused(Error::io("disk I/O error"), k_t0 + 1s);
  EXPECT_EQ(outcomes.take_failed().size(), 1u);
  EXPECT_TRUE(outcomes.take_delivered().empty());
  EXPECT_FALSE(outcomes.holds(9));
  outcomes.recovered(1, k_t0 + 3s);
  EXPECT_FALSE(outcomes.outage().has_value());

  const std::int64_t delivered[] = {10};
  outcomes.keep_delivered(delivered);
  outcomes.write_refused(Error::io("disk I/O error"), k_t0 + 10s);
  EXPECT_EQ(outcomes.retry_at(), k_t0 + 11s);
  EXPECT_EQ(outcomes.outage()->since, k_t0 + 10s);
}

}  // namespace
}  // namespace touchbase
