#include "delivery/retry_policy.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

using namespace std::chrono_literals;

const Instant k_now = parse_rfc3339("2026-11-23T10:00:00Z").value();

TEST(RetryDelay, DoublesFromTheFirstDelayWithAtMostAFifthOfJitter) {
  std::mt19937 random(42);
  for (int attempt = 1; attempt <= 5; ++attempt) {
    Seconds base = k_first_retry_delay * (1 << (attempt - 1));
    for (int i = 0; i < 100; ++i) {
      Seconds d = retry_delay(attempt, std::nullopt, random);
      EXPECT_GE(d, base);
      EXPECT_LE(d, base + base / 5);
    }
  }
}

TEST(RetryDelay, IsCappedAndHonoursRetryAfter) {
  std::mt19937 random(7);
  EXPECT_LE(retry_delay(40, std::nullopt, random), k_max_retry_delay + k_max_retry_delay / 5);
  EXPECT_EQ(retry_delay(1, 2h, random), 2h);
}

struct FateCase {
  const char* situation;
  int attempt;       // the number of the attempt that failed
  Seconds made_ago;  // how long before now the reminder was made
  DeliveryFailure failure;
  std::optional<std::string> fallback;
  DeliveryFate fate;
  Seconds earliest_retry{0};  // from now, when `fate` is retry
  Seconds latest_retry{0};
};

const FateCase k_cases[] = {
    {"a first transient failure is retried after the first delay", 1, 0s, DeliveryFailure::transient("503"),
     std::nullopt, DeliveryFate::retry, k_first_retry_delay, k_first_retry_delay + k_first_retry_delay / 5},
    {"a third transient failure waits four times as long", 3, 1h, DeliveryFailure::transient("503"), "backup",
     DeliveryFate::retry, 4 * k_first_retry_delay, 4 * k_first_retry_delay + 4 * k_first_retry_delay / 5},
    {"retry_after longer than the backoff is honoured", 1, 0s, DeliveryFailure::transient("429", 2h), std::nullopt,
     DeliveryFate::retry, 2h, 2h},
    {"a retry that just fits the budget is made", 1, k_retry_budget - 2h, DeliveryFailure::transient("429", 2h),
     std::nullopt, DeliveryFate::retry, 2h, 2h},
    {"a retry past the budget falls back", 1, k_retry_budget - 2h + 1s, DeliveryFailure::transient("429", 2h), "backup",
     DeliveryFate::fell_back},
    {"a retry past the budget without a fallback is dead", 20, k_retry_budget, DeliveryFailure::transient("503"),
     std::nullopt, DeliveryFate::dead},
    {"a permanent failure falls back at once", 1, 0s, DeliveryFailure::permanent("550"), "backup",
     DeliveryFate::fell_back},
    {"a permanent failure without a fallback is dead", 1, 0s, DeliveryFailure::permanent("550"), std::nullopt,
     DeliveryFate::dead},
    {"a gone endpoint falls back", 2, 1min, DeliveryFailure::gone("410"), "backup", DeliveryFate::fell_back},
};

TEST(FateOfFailure, FollowsTheTable) {
  std::mt19937 random(1);
  for (const FateCase& c : k_cases) {
    SCOPED_TRACE(c.situation);
    const FailureFate fate = fate_of_failure(c.attempt, k_now - c.made_ago, c.failure, k_now, c.fallback, random);
    EXPECT_EQ(fate.fate, c.fate);
    if (c.fate == DeliveryFate::retry) {
      EXPECT_GE(fate.retry_at, k_now + c.earliest_retry);
      EXPECT_LE(fate.retry_at, k_now + c.latest_retry);
    }
    EXPECT_EQ(fate.fallback, c.fate == DeliveryFate::fell_back ? *c.fallback : "");
  }
}

}  // namespace
}  // namespace touchbase
